import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSecret, sealSecret, secretKeyOf } from './secret-box';

const key = Buffer.alloc(32, 1);

describe('sealed secrets', () => {
  it('open with the key and context they were sealed with, and never show the plaintext', () => {
    const sealed = sealSecret(key, 'client-secret-123', 'org-a');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('client-secret-123');
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('client-secret');
    expect(openSecret(key, sealed, 'org-a')).toBe('client-secret-123');
    expect(sealSecret(key, 'client-secret-123', 'org-a')).not.toBe(sealed);
  });

  it('refuse another key, another organisation, or a changed byte', () => {
    const sealed = sealSecret(key, 'client-secret-123', 'org-a');
    expect(() => openSecret(Buffer.alloc(32, 2), sealed, 'org-a')).toThrow();
    expect(() => openSecret(key, sealed, 'org-b')).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() => openSecret(key, `v1.${raw.toString('base64url')}`, 'org-a')).toThrow();
    expect(() => openSecret(key, 'plain', 'org-a')).toThrow();
  });
});

describe('the secret key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ripple-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is RIPPLE_SECRET_KEY when set', () => {
    expect(secretKeyOf({ secretKey: key, dataDir: dir, nodeEnv: 'production' })).toBe(key);
  });

  it('is created once in the data directory outside production, readable by its owner only', () => {
    const first = secretKeyOf({ secretKey: undefined, dataDir: join(dir, 'data'), nodeEnv: 'development' });
    expect(first).toHaveLength(32);
    expect(secretKeyOf({ secretKey: undefined, dataDir: join(dir, 'data'), nodeEnv: 'development' })).toEqual(first);
    expect(readFileSync(join(dir, 'data', 'secret.key'), 'utf8')).toBe(first.toString('hex'));
    expect(statSync(join(dir, 'data', 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('is never made up in production', () => {
    expect(() => secretKeyOf({ secretKey: undefined, dataDir: dir, nodeEnv: 'production' })).toThrow(/RIPPLE_SECRET_KEY is required/);
  });
});
