import { createHash, randomBytes } from 'node:crypto';
import { enterOrganization } from '@lib/database';

/**
 * Bearer tokens (session cookies, invitation, password reset and email change links) name their
 * organisation: a token is the base64url of the organisation's 16-byte id followed by 32 random
 * bytes (64 characters). The tables keep only the SHA-256 of the whole token, unique per
 * organisation, and every lookup is by (organization_id, token_hash): the row is found within one
 * organisation, which on a database sharded by organisation (README, "Scale") is one shard. The
 * organisation's id is no secret; the 256 random bits are, so a token stays unguessable, and a
 * database leak yields no live token.
 */
const SECRET_BYTES = 32;
const ORGANIZATION_BYTES = 16;
const TOKEN = /^[A-Za-z0-9_-]{64}$/;

export interface TokenKey {
  organizationId: string;
  hash: Buffer;
}

export function newToken(organizationId: string): { token: string; hash: Buffer } {
  const id = Buffer.from(organizationId.replace(/-/g, ''), 'hex');
  if (id.length !== ORGANIZATION_BYTES) throw new Error('newToken: not an organisation id');
  const token = Buffer.concat([id, randomBytes(SECRET_BYTES)]).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** Where to look a presented token up, or null when it cannot be one of ours (then it matches nothing). */
export function readToken(token: string): TokenKey | null {
  if (!TOKEN.test(token)) return null;
  const hex = Buffer.from(token, 'base64url').subarray(0, ORGANIZATION_BYTES).toString('hex');
  const organizationId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { organizationId, hash: hashToken(token) };
}

/**
 * Reads a token presented to the server and puts the request in the scope of the organisation it
 * names (libs/database, tenant-scope.ts): its lookups, and whatever the request does next, cannot
 * reach another organisation's rows. Every token lookup starts here.
 */
export function presentedToken(token: string): TokenKey | null {
  const key = readToken(token);
  if (key) enterOrganization(key.organizationId);
  return key;
}

const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();
