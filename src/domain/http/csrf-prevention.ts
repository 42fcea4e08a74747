/**
 * Apollo Server 4's CSRF prevention rule (on by default, `csrfPrevention`): a GraphQL request is
 * executed only when a browser could not have sent it without a CORS preflight, i.e. it carries
 * `X-Apollo-Operation-Name` or `Apollo-Require-Preflight`, or a Content-Type other than the three
 * "simple" ones (Apollo Server 4's `preventCsrf`, applied when `csrfPrevention` is on, its default).
 * The response cache answers GraphQL GETs only under the same rule, so a cached answer is never
 * given to a request Apollo itself would refuse.
 */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

export function passesCsrfPrevention(header: (name: string) => string | undefined): boolean {
  if (PREFLIGHT_HEADERS.some((name) => Boolean(header(name)))) return true;
  const contentType = header('content-type');
  if (!contentType) return false;
  const mime = contentType.split(';')[0].trim().toLowerCase();
  return mime !== '' && !SIMPLE_TYPES.has(mime);
}
