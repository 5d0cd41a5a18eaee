/**
 * The path written to request logs. No personal data and no secrets in logs: the query string is dropped
 * (follow and unsubscribe links carry their tokens there), and the secret segment of capability URLs that carry
 * a token in the path (sign-on invitations; petition and letter confirm and unsubscribe links) is replaced by
 * `:token`.
 */
const tokenPaths: readonly RegExp[] = [
  /^(\/sign-on\/)[^/]+/,
  /^(\/act\/(?:confirm|unsubscribe)\/)[^/]+/,
  /^(\/act\/letters\/(?:confirm|unsubscribe)\/)[^/]+/,
  /^(\/my-data\/link\/)[^/]+/,
];

/** The request URL as logged: path only, capability tokens redacted. */
export function logPath(url: string): string {
  let path = url.split('?')[0] ?? '';
  for (const pattern of tokenPaths) path = path.replace(pattern, '$1:token');
  return path;
}
