/**
 * A release's categories and tags as the site's term ids, matched by name the way people mean it:
 * "Education", "education" and "Éducation " are the same term. Terms the site lacks are created only
 * when the user allowed it; otherwise publishing stops before anything is sent, naming them.
 */
import { AppFailure } from '../../../shared/contract/result.js';
import { SiteFailure, type WpClient } from '../wordpress/wp-client.js';

export type Taxonomy = 'categories' | 'tags';

interface Term {
  id: number;
  name: string;
}

/** Case- and accent-insensitive, spaces collapsed; HTML entities as WordPress returns names decoded. */
export const termKey = (name: string): string =>
  decodeEntities(name)
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('en');

const decodeEntities = (text: string): string =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&#0?39;|&#8217;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

export interface TermsResult {
  ids: number[];
  created: string[];
}

export const resolveTerms = async (
  client: WpClient,
  taxonomy: Taxonomy,
  names: readonly string[],
  { create, signal }: { create: boolean; signal?: AbortSignal },
): Promise<TermsResult> => {
  const wanted = [...new Map(names.map((name) => [termKey(name), name.trim()])).entries()].filter(
    ([key]) => key,
  );
  if (wanted.length === 0) return { ids: [], created: [] };
  // Every page: a newsroom easily has more than 100 tags.
  const known = new Map<string, number>();
  for (const term of await client.all<Term>(`wp/v2/${taxonomy}`, {
    query: { _fields: 'id,name' },
    ...(signal ? { signal } : {}),
  })) {
    known.set(termKey(term.name), term.id);
  }
  const missing = wanted.filter(([key]) => !known.has(key)).map(([, name]) => name);
  if (missing.length > 0 && !create) {
    const kind = taxonomy === 'categories' ? 'categories' : 'tags';
    throw new AppFailure(
      'invalid-request',
      `The site has no ${kind} called ${missing.map((name) => `"${name}"`).join(', ')}. Choose existing ones, or allow Pressroom to create them.`,
      { missing: missing.join(', '), taxonomy },
    );
  }
  for (const name of missing) known.set(termKey(name), await createTerm(client, taxonomy, name, signal));
  return { ids: wanted.map(([key]) => known.get(key)!), created: missing };
};

const createTerm = async (
  client: WpClient,
  taxonomy: Taxonomy,
  name: string,
  signal?: AbortSignal,
): Promise<number> => {
  try {
    const { data } = await client.call<Term>(`wp/v2/${taxonomy}`, {
      method: 'POST',
      json: { name },
      ...(signal ? { signal } : {}),
    });
    return data.id;
  } catch (error) {
    // Created meanwhile (by a colleague, or by our own attempt whose answer was lost): WordPress
    // answers term_exists with the existing term's id.
    const existing =
      error instanceof SiteFailure && error.wpCode === 'term_exists' ? error.details?.term_id : null;
    if (typeof existing === 'number') return existing;
    throw error;
  }
};
