/**
 * shared/ compiles without DOM or Node types so that it cannot touch either. WHATWG `URL` is the one
 * global it uses: it is built into every runtime shared/ runs in (Node, Chromium, Electron).
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly origin: string;
  readonly username: string;
  readonly password: string;
  readonly search: string;
  readonly hash: string;
  readonly href: string;
}
