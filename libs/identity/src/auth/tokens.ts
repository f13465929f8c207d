import { createHash, randomBytes } from 'node:crypto';

/** A random bearer secret; only its SHA-256 is stored, so a database leak yields no live tokens. */
export function newToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();
