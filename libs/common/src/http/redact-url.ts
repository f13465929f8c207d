/** Routes whose path carries a one-time secret (GET /api/auth/invitations/:token). */
const SECRET_IN_PATH = /^(\/api\/auth\/invitations\/)[^/?#]+/;

/**
 * A one-time link's secret, in a query string (`?token=…`) or in the path, is logged as `[redacted]`.
 * The one rule for every log line that carries a URL: the request log and the error filter.
 */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(SECRET_IN_PATH, '$1[redacted]').replace(/([?&](?:token|code|password|secret)=)[^&#]*/gi, '$1[redacted]');
}
