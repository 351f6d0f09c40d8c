/**
 * The WordPress REST API over HTTP, with the site's application password, and nothing else: one
 * request at a time, each with a deadline, every failure turned into a SiteProblem with a message a
 * press officer can act on. Retries and the outbox live above this (the publisher decides what is
 * safe to repeat: a lost answer to a POST may mean the post exists).
 *
 * The password is only ever put in the Authorization header: never in a URL, a log line or an error.
 */
import { AppFailure } from '../../../shared/contract/result.js';
import type { SiteProblem } from '../../../shared/sites/site-problems.js';
import { countedBody } from './counted-body.js';

export interface WpCredentials {
  /** The site's root, e.g. https://news.example.org (see normaliseSiteUrl). */
  url: string;
  user: string;
  password: string | null;
}

export interface WpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Query parameters; arrays repeat the key. */
  query?: Record<string, string | number | boolean | (string | number)[] | undefined>;
  json?: unknown;
  /** A raw body (an upload), with its headers. */
  body?: Uint8Array;
  headers?: Record<string, string>;
  /** Called as the raw body goes out (uploads), with bytes sent so far and the body's size. */
  onUploadProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface WpResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

/** A failed call to a site: what kind of problem, and the HTTP status and WordPress code if any. */
export class SiteFailure extends AppFailure {
  constructor(
    readonly problem: SiteProblem,
    message: string,
    readonly status: number | null = null,
    readonly wpCode: string | null = null,
    /** WordPress's `data` of the error (e.g. `term_id` of a term that already exists). */
    readonly details: Record<string, unknown> | null = null,
  ) {
    super('site', message, {
      problem,
      ...(status === null ? {} : { status: String(status) }),
      ...(wpCode === null ? {} : { wpCode }),
    });
  }
}

export const DEFAULT_TIMEOUT_MS = 30_000;

type Fetch = typeof fetch;

export class WpClient {
  constructor(
    private readonly site: WpCredentials,
    private readonly fetchImpl: Fetch = fetch,
    /** A request's deadline unless it sets its own (tests shorten it to provoke timeouts). */
    private readonly defaultTimeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  get siteUrl(): string {
    return this.site.url;
  }

  /** An upload's deadline: a few megabytes over a slow line take longer than an API call. */
  get uploadTimeoutMs(): number {
    return this.defaultTimeoutMs * 4;
  }

  /** Calls `/wp-json/<route>` (route like `wp/v2/posts`), answering parsed JSON or a SiteFailure. */
  async call<T>(route: string, request: WpRequest = {}): Promise<WpResponse<T>> {
    const url = this.routeUrl(route, request.query);
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    if (this.site.password !== null) {
      headers.Authorization = `Basic ${Buffer.from(`${this.site.user}:${this.site.password}`).toString('base64')}`;
    }
    let body: RequestInit['body'];
    let streamed = false;
    if (request.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.body && request.onUploadProgress) {
      body = countedBody(request.body, request.onUploadProgress);
      headers['Content-Length'] = String(request.body.byteLength);
      streamed = true;
    } else if (request.body) {
      body = new Uint8Array(request.body); // a copy on a plain ArrayBuffer, as fetch types want
    }
    const deadline = AbortSignal.timeout(request.timeoutMs ?? this.defaultTimeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;

    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, {
        method: request.method ?? 'GET',
        headers,
        body,
        signal,
        redirect: 'follow',
        // A streamed body must say so (fetch's rule); it is sent once, so no redirect can replay it.
        ...(streamed ? { duplex: 'half' as const } : {}),
      });
      text = await response.text();
    } catch (error) {
      throw this.transportFailure(error, request.signal);
    }
    const data = parseJson(text);
    if (response.ok) {
      if (data === undefined) {
        throw new SiteFailure(
          'bad-response',
          `${this.host} answered with something that is not WordPress data (perhaps a proxy or a cut-off page). Try again in a moment; if it persists, ask the site's administrator.`,
          response.status,
        );
      }
      return { status: response.status, data: data as T, headers: response.headers };
    }
    throw this.httpFailure(response.status, data, route);
  }

  /** Every page of a collection (`per_page=100`, following X-WP-TotalPages), in order. */
  async all<T>(route: string, request: WpRequest = {}): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page += 1) {
      const { data, headers } = await this.call<T[]>(route, {
        ...request,
        query: { ...request.query, per_page: 100, page },
      });
      items.push(...data);
      const pages = Number(headers.get('X-WP-TotalPages') ?? '1');
      if (page >= pages || data.length === 0) return items;
    }
  }

  private get host(): string {
    return new URL(this.site.url).host;
  }

  private routeUrl(route: string, query: WpRequest['query']): string {
    // ?rest_route= works whether or not the site has pretty permalinks.
    const params = new URLSearchParams({ rest_route: `/${route.replace(/^\/+/, '')}` });
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) params.append(`${key}[]`, String(item));
      else params.set(key, String(value));
    }
    return `${this.site.url}/?${params.toString()}`;
  }

  private transportFailure(error: unknown, userSignal: AbortSignal | undefined): AppFailure {
    if (userSignal?.aborted) return new AppFailure('internal', 'Cancelled.');
    const name = (error as { name?: string } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return new SiteFailure(
        'timeout',
        `${this.host} did not answer in time. The site may be slow or busy; try again in a moment.`,
      );
    }
    const code = String(
      (error as { cause?: { code?: string } } | null)?.cause?.code ?? (error as { code?: string }).code ?? '',
    );
    const how =
      code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `The address ${this.host} could not be found: check its spelling, or whether this computer is online.`
        : code === 'ECONNREFUSED'
          ? `${this.host} refused the connection: the site may be down, or the address wrong.`
          : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
            ? `The connection to ${this.host} was cut before it answered. Check the network and try again.`
            : code.startsWith('CERT_') || code.includes('SSL') || code.includes('TLS')
              ? `The secure connection to ${this.host} failed (${code}): its certificate is not valid for this address.`
              : `${this.host} could not be reached. Check that this computer is online, then try again.`;
    return new SiteFailure('unreachable', how);
  }

  private httpFailure(status: number, data: unknown, route: string): SiteFailure {
    const wp = isWpError(data) ? data : null;
    const said = wp ? ` WordPress said: "${stripTags(wp.message)}"` : '';
    if (status === 401) {
      return new SiteFailure(
        'auth',
        `${this.host} did not accept the user name and application password. Check both (an application password looks like "abcd efgh ijkl mnop qrst uvwx", made under Users → Profile → Application Passwords), or connect the site again.`,
        status,
        wp?.code ?? null,
      );
    }
    if (status === 403) {
      return new SiteFailure(
        'forbidden',
        `${this.host} refused: this user is not allowed to do that, or a security plugin or firewall blocked Pressroom.${said}`,
        status,
        wp?.code ?? null,
      );
    }
    if (status === 404 && (wp?.code === 'rest_no_route' || !wp)) {
      return new SiteFailure(
        wp ? 'not-found' : 'rest-disabled',
        wp
          ? `${this.host} does not offer ${route} (a plugin may be missing or disabled).`
          : `${this.host} has no WordPress REST API at this address: it may be switched off by a security plugin, or the address is not the site's root.`,
        status,
        wp?.code ?? null,
      );
    }
    if (status === 404 || status === 410) {
      return new SiteFailure(
        'not-found',
        `That item is no longer on ${this.host}; it may have been deleted there.${said}`,
        status,
        wp?.code ?? null,
      );
    }
    if (status === 413) {
      return new SiteFailure(
        'too-large',
        `${this.host} refused the upload as too large. Use a smaller image, or ask the site's administrator to raise the upload limit.`,
        status,
      );
    }
    if (status >= 500) {
      return new SiteFailure(
        'server-error',
        `${this.host} had a problem of its own (error ${status}). Nothing is lost here; try again later.${said}`,
        status,
        wp?.code ?? null,
      );
    }
    return new SiteFailure(
      'rejected',
      `${this.host} refused the request (error ${status}).${said || ' It gave no reason.'}`,
      status,
      wp?.code ?? null,
      wp?.data ?? null,
    );
  }
}

interface WpErrorBody {
  code: string;
  message: string;
  data?: Record<string, unknown>;
}

const isWpError = (data: unknown): data is WpErrorBody =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as WpErrorBody).code === 'string' &&
  typeof (data as WpErrorBody).message === 'string';

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const stripTags = (text: string): string => text.replace(/<[^>]*>/g, '').slice(0, 300);
