import { createHash } from 'node:crypto';
import { newToken, readToken } from './tokens';

const ORG = '3f2b6c1e-8a4d-4e5f-9b7a-0c1d2e3f4a5b';

describe('tokens', () => {
  it('name their organisation and are looked up there by the hash of the whole token', () => {
    const { token, hash } = newToken(ORG);
    expect(token).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(hash).toEqual(createHash('sha256').update(token).digest());
    expect(readToken(token)).toEqual({ organizationId: ORG, hash });
  });

  it('carry 256 random bits: two tokens of one organisation share the organisation and nothing else', () => {
    const [a, b] = [newToken(ORG).token, newToken(ORG).token];
    const secret = (token: string): Buffer => Buffer.from(token, 'base64url').subarray(16);
    expect(secret(a)).toHaveLength(32);
    expect(secret(a).equals(secret(b))).toBe(false);
    expect(a.slice(0, 21)).toBe(b.slice(0, 21)); // 16 bytes = 21⅓ base64 characters
  });

  it('match nothing when they cannot be ours: tokens of the former format, other lengths, other characters', () => {
    const { token } = newToken(ORG);
    for (const presented of ['', 'x'.repeat(43), token.slice(0, 63), `${token}A`, `${token.slice(0, 63)}.`, `${token.slice(0, 63)}=`]) {
      expect(readToken(presented)).toBeNull();
    }
  });

  it("cannot be moved to another organisation: the same secret under another organisation's id is another token", () => {
    const { token, hash } = newToken(ORG);
    const other = newToken('0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9').token;
    const moved = Buffer.concat([Buffer.from(other, 'base64url').subarray(0, 16), Buffer.from(token, 'base64url').subarray(16)]).toString('base64url');
    expect(readToken(moved)?.organizationId).toBe('0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9');
    expect(readToken(moved)?.hash.equals(hash)).toBe(false);
  });

  it('refuse to be made for something that is not an organisation id', () => {
    expect(() => newToken('not-an-id')).toThrow();
  });
});
