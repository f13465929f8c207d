/**
 * What the outbox keeps of a mail: the mail with every secret taken out. A link that signs someone
 * in (an invitation, a password reset) is a key to their account; whoever reads the outbox (HR) or
 * the table behind it must never hold one. The real message is only ever handed to SMTP.
 *
 * The rule is about links, not about kinds of mail, so a new mail is covered without being listed:
 * in any URL query (text or HTML, `&` or `&amp;` between parameters) the value is replaced by
 * REDACTED when
 * - the parameter's name says it is a secret (token, code, key, secret, password, signature, ...),
 *   whatever its value; the product's contract is that every secret travels as `token`;
 * - or the value looks like a random secret whatever its name: 20 or more URL-safe characters
 *   with letters and digits mixed (a base64url token, a long hex digest). Ordinary values (ids are
 *   UUIDs with dashes, words, numbers) are short or not random-looking and stay.
 */
export const REDACTED = '[redacted]';

const SECRET_NAME = /^(?:.*[_-])?(?:token|code|key|secret|password|passwd|pwd|signature|sig|otp|auth|hash)$/i;
const PARAMETER = /([?&]|&amp;)([A-Za-z0-9_.\-[\]]+)=([^&#\s"'<>]*)/g;

const looksRandom = (value: string): boolean => {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // A malformed escape is judged as written.
  }
  return (
    /^[A-Za-z0-9_\-+/=.~]{20,}$/.test(decoded) &&
    /[0-9]/.test(decoded) &&
    /[A-Za-z]/.test(decoded) &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(decoded)
  );
};

/** `text` with the value of every secret query parameter replaced by REDACTED. */
export function redactSecrets(text: string): string {
  return text.replace(PARAMETER, (whole: string, separator: string, name: string, value: string) =>
    value !== '' && value !== REDACTED && (SECRET_NAME.test(name) || looksRandom(value)) ? `${separator}${name}=${REDACTED}` : whole,
  );
}
