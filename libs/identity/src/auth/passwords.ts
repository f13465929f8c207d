import argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, t=2, p=1): about 20 ms here, so login stays cheap for us
// and expensive for an offline attacker.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throwaway hash so that unknown emails take as long as wrong passwords. */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword('ripple-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
