import argon2 from 'argon2';
import type { PasswordHashing } from '@lib/common';

const OPTIONS: Record<PasswordHashing, { type: typeof argon2.argon2id; memoryCost: number; timeCost: number; parallelism: number }> = {
  // OWASP's argon2id baseline (19 MiB, t=2, p=1): about 20 ms here, so login stays cheap for us
  // and expensive for an offline attacker.
  strong: { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 },
  // Tests only (the config refuses it unless NODE_ENV=test): the same algorithm at a trivial cost,
  // so the suite's hundreds of sign-ins and invitations do not pay for security they do not need.
  fast: { type: argon2.argon2id, memoryCost: 1_024, timeCost: 1, parallelism: 1 },
};

/** The hash records its own parameters, so a password hashed either way verifies the same. */
export const hashPassword = (password: string, hashing: PasswordHashing = 'strong'): Promise<string> => argon2.hash(password, OPTIONS[hashing]);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

const dummyHashes = new Map<PasswordHashing, Promise<string>>();
/** Verifies against a throwaway hash so that unknown emails take as long as wrong passwords. */
export async function burnVerification(password: string, hashing: PasswordHashing = 'strong'): Promise<void> {
  let dummy = dummyHashes.get(hashing);
  if (!dummy) dummyHashes.set(hashing, (dummy = hashPassword('ripple-timing-equaliser', hashing)));
  await verifyPassword(await dummy, password);
}
