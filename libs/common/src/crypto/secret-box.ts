import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

/**
 * Secrets Ripple must store and read back (an identity provider's client secret), sealed with
 * AES-256-GCM under the instance's key. `context` (the organisation's id) is authenticated with
 * the ciphertext: a sealed value copied to another organisation's row does not open there.
 * Format: `v1.` + base64url(12-byte IV | 16-byte tag | ciphertext).
 */
const VERSION = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The plaintext, or an error when the key, the context or the value is not the one it was sealed with. */
export function openSecret(key: Buffer, sealed: string, context: string): string {
  if (!sealed.startsWith(VERSION)) throw new Error('openSecret: not a sealed value');
  const raw = Buffer.from(sealed.slice(VERSION.length), 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('openSecret: not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

const KEY_FILE = 'secret.key';

/**
 * The key from RIPPLE_SECRET_KEY; without it (never in production, which refuses to start), the
 * key in `<dataDir>/secret.key`, created once with 32 random bytes readable by the owner alone.
 */
export function secretKeyOf(config: Pick<AppConfig, 'secretKey' | 'dataDir' | 'nodeEnv'>): Buffer {
  if (config.secretKey) return config.secretKey;
  if (config.nodeEnv === 'production') throw new Error('RIPPLE_SECRET_KEY is required when NODE_ENV=production');
  const file = join(config.dataDir, KEY_FILE);
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    // 'wx': if another process created it meanwhile, theirs wins and is read below.
    writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }
}
