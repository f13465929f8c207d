import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '@lib/identity';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;
// Fast argon2 parameters (tests only): a hash records its parameters, so every sign-in as a test person is cheap too.
const hashed = (): Promise<string> => (passwordHash ??= hashPassword(TEST_PASSWORD, 'fast'));
const unique = (): string => randomBytes(4).toString('hex');

export interface TestPerson {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  managerId: string | null;
}

export async function anOrganization(db: DataSource, overrides: { name?: string } = {}): Promise<{ id: string; name: string }> {
  const name = overrides.name ?? `Org ${unique()}`;
  const [row]: { id: string }[] = await db.query(`INSERT INTO organizations (name, slug) VALUES ($1, $2) RETURNING id`, [name, `org-${unique()}`]);
  return { id: row.id, name };
}

/** A person with a login (TEST_PASSWORD) unless `withLogin: false`. */
export async function aPerson(
  db: DataSource,
  organizationId: string,
  overrides: Partial<Omit<TestPerson, 'id' | 'organizationId'>> & { title?: string; department?: string; withLogin?: boolean } = {},
): Promise<TestPerson> {
  const name = overrides.name ?? `Person ${unique()}`;
  const email = overrides.email ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${unique()}@example.org`;
  const role = overrides.role ?? 'member';
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO people (organization_id, email, name, title, department, manager_id, role, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      organizationId,
      email,
      name,
      overrides.title ?? null,
      overrides.department ?? null,
      overrides.managerId ?? null,
      role,
      overrides.withLogin === false ? null : await hashed(),
    ],
  );
  return { id: row.id, organizationId, email, name, role, managerId: overrides.managerId ?? null };
}

/** A small organisation: an HR admin, a manager with two reports, and a peer. */
export async function aTeam(db: DataSource, name?: string) {
  const org = await anOrganization(db, { name });
  const admin = await aPerson(db, org.id, { name: 'Hr Admin', role: 'admin', department: 'People' });
  const manager = await aPerson(db, org.id, { name: 'Maya Manager', department: 'Collections' });
  const member = await aPerson(db, org.id, { name: 'Mo Member', department: 'Collections', managerId: manager.id });
  const colleague = await aPerson(db, org.id, { name: 'Cora Colleague', department: 'Collections', managerId: manager.id });
  const peer = await aPerson(db, org.id, { name: 'Pat Peer', department: 'Learning' });
  return { org, admin, manager, member, colleague, peer };
}
