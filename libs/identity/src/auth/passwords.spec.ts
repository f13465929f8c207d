import { loadConfig } from '@lib/common';
import { burnVerification, hashPassword, verifyPassword } from './passwords';

/** The parameters an argon2 hash records about itself ($argon2id$v=19$m=…,t=…,p=…$salt$hash). */
const parameters = (hash: string): { algorithm: string; m: number; t: number; p: number } => {
  const [, algorithm, , params] = hash.split('$');
  const values = Object.fromEntries(
    params
      .split(',')
      .map((pair) => pair.split('='))
      .map(([k, v]) => [k, Number(v)]),
  );
  return { algorithm: algorithm, m: values.m, t: values.t, p: values.p };
};

describe('password hashing', () => {
  it("keeps production's strength: argon2id, 19 MiB, two passes (OWASP's baseline)", async () => {
    const production = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://db/ripple',
      RIPPLE_SECRET_KEY: 'ab'.repeat(32),
    });
    const hash = await hashPassword('correct-horse-battery', production.passwordHashing);
    expect(parameters(hash)).toEqual({ algorithm: 'argon2id', m: 19_456, t: 2, p: 1 });
    expect(parameters(await hashPassword('correct-horse-battery'))).toEqual({ algorithm: 'argon2id', m: 19_456, t: 2, p: 1 });
  });

  it('hashes fast only when asked, and either hash verifies the same way', async () => {
    const fast = await hashPassword('correct-horse-battery', 'fast');
    expect(parameters(fast).algorithm).toBe('argon2id');
    expect(parameters(fast).m).toBeLessThan(19_456);
    expect(await verifyPassword(fast, 'correct-horse-battery')).toBe(true);
    expect(await verifyPassword(fast, 'wrong-horse-battery')).toBe(false);
    expect(await verifyPassword('not a hash', 'correct-horse-battery')).toBe(false);
    await expect(burnVerification('anything', 'fast')).resolves.toBeUndefined();
  });
});
