import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, selectFirst, selectOne, selectRows } from '@lib/database';
import type { ScimPerson, UserFilter } from './scim-schema';

const SELECT_USER = `
  SELECT p.id, p.email, p.name, p.title, p.department, p.manager_id, m.name AS manager_name, p.active, s.external_id, s.given_name, s.family_name, p.created_at, p.updated_at
    FROM people p
    LEFT JOIN people m ON m.organization_id = p.organization_id AND m.id = p.manager_id
    LEFT JOIN scim_users s ON s.organization_id = p.organization_id AND s.person_id = p.id`;

interface UserRow {
  id: string;
  email: string;
  name: string;
  title: string | null;
  department: string | null;
  manager_id: string | null;
  manager_name: string | null;
  active: boolean;
  external_id: string | null;
  given_name: string | null;
  family_name: string | null;
  created_at: Date;
  updated_at: Date;
}

const toPerson = (r: UserRow): ScimPerson => ({
  id: r.id,
  email: r.email,
  name: r.name,
  title: r.title,
  department: r.department,
  managerId: r.manager_id,
  managerName: r.manager_name,
  active: r.active,
  externalId: r.external_id,
  givenName: r.given_name,
  familyName: r.family_name,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** What an identity provider sent that Ripple keeps beside the person (scim_users). */
export interface ProviderFields {
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** People as SCIM Users: every person of the organisation, who left or not, with the identity provider's id. */
@Injectable()
export class ScimUsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A page of Users in a stable order (oldest first), and how many match. */
  async list(organizationId: string, filter: UserFilter | null, page: { offset: number; limit: number }): Promise<{ items: ScimPerson[]; total: number }> {
    const params: unknown[] = [organizationId];
    let where = 'p.organization_id = $1';
    if (filter) {
      // userName is case-insensitive (RFC 7643 §4.1.1); Ripple keeps addresses in lower case. An id that is no uuid names nobody.
      if (filter.attribute === 'id' && !UUID.test(filter.value)) return { items: [], total: 0 };
      params.push(filter.attribute === 'userName' ? filter.value.trim().toLowerCase() : filter.value);
      where += filter.attribute === 'userName' ? ` AND p.email = $2` : filter.attribute === 'externalId' ? ` AND s.external_id = $2` : ` AND p.id = $2::uuid`;
    }
    const { total } = await selectOne<{ total: number }>(
      this.db,
      `SELECT count(*)::int AS total FROM people p LEFT JOIN scim_users s ON s.organization_id = p.organization_id AND s.person_id = p.id WHERE ${where}`,
      params,
    );
    const rows = await selectRows<UserRow>(
      this.db,
      `${SELECT_USER} WHERE ${where} ORDER BY p.created_at, p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return { items: rows.map(toPerson), total };
  }

  async find(organizationId: string, id: string, tx?: EntityManager): Promise<ScimPerson | null> {
    if (!UUID.test(id)) return null;
    const row = await selectFirst<UserRow>(tx ?? this.db, `${SELECT_USER} WHERE p.organization_id = $1 AND p.id = $2`, [organizationId, id]);
    return row ? toPerson(row) : null;
  }

  /**
   * Keeps what the identity provider sent that the person row does not hold: its id for the person
   * (externalId) and the given and family names; forgets the row when all are null. False when
   * another person already has the externalId. Called under the org chart's lock, which serialises
   * the organisation's people writes, so the check cannot race another provisioning call.
   */
  async saveProviderFields(organizationId: string, personId: string, fields: ProviderFields, tx: EntityManager): Promise<boolean> {
    const { externalId, givenName, familyName } = fields;
    if (externalId === null && givenName === null && familyName === null) {
      await execute(tx, `DELETE FROM scim_users WHERE organization_id = $1 AND person_id = $2`, [organizationId, personId]);
      return true;
    }
    if (externalId !== null) {
      const taken = await selectFirst<{ person_id: string }>(
        tx,
        `SELECT person_id FROM scim_users WHERE organization_id = $1 AND external_id = $2 AND person_id <> $3`,
        [organizationId, externalId, personId],
      );
      if (taken) return false;
    }
    await execute(
      tx,
      `INSERT INTO scim_users (organization_id, person_id, external_id, given_name, family_name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organization_id, person_id) DO UPDATE
          SET external_id = EXCLUDED.external_id, given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name, updated_at = now()
        WHERE (scim_users.external_id, scim_users.given_name, scim_users.family_name) IS DISTINCT FROM (EXCLUDED.external_id, EXCLUDED.given_name, EXCLUDED.family_name)`,
      [organizationId, personId, externalId, givenName, familyName],
    );
    return true;
  }
}
