/**
 * Everything that can go wrong talking to a WordPress site, as stable kinds the UI translates and
 * the publisher acts on (which ones are worth retrying later from the outbox, which need the user).
 */
export const siteProblems = [
  /** No answer: DNS failure, connection refused or reset, no network. */
  'unreachable',
  /** The site took too long to answer. */
  'timeout',
  /** Something answered, but it is not a WordPress site (no REST API index). */
  'not-wordpress',
  /** WordPress, but its REST API is switched off or hidden (often a security plugin). */
  'rest-disabled',
  /** The user name or application password was refused, or none was sent. */
  'auth',
  /** Signed in, but not allowed (the user's role, or a security plugin/firewall). */
  'forbidden',
  /** The post, media item or route asked for is not there (e.g. deleted on the site). */
  'not-found',
  /** The upload is larger than the site accepts. */
  'too-large',
  /** The site had an internal error (5xx), often with an HTML error page. */
  'server-error',
  /** The answer was not the JSON WordPress sends (a proxy page, a cut-off body). */
  'bad-response',
  /** WordPress refused what was sent, with its own message (400). */
  'rejected',
] as const;

export type SiteProblem = (typeof siteProblems)[number];

/** Problems that may pass by themselves: the outbox retries these later instead of failing. */
export const isTransient = (problem: SiteProblem): boolean =>
  problem === 'unreachable' ||
  problem === 'timeout' ||
  problem === 'server-error' ||
  problem === 'bad-response';
