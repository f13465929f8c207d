import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface OrganizationSettings {
  id: string;
  name: string;
  anonymityThreshold: number;
  /** Null only for an organisation that has no framework yet. */
  defaultFrameworkId: string | null;
  mailSenderName: string | null;
  timeZone: string;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
  people: number;
  admins: number;
}

type SettingsRow = {
  id: string;
  name: string;
  anonymity_threshold: number;
  default_framework_id: string | null;
  mail_sender_name: string | null;
  time_zone: string;
};

const toSettings = (r: SettingsRow): OrganizationSettings => ({
  id: r.id,
  name: r.name,
  anonymityThreshold: r.anonymity_threshold,
  defaultFrameworkId: r.default_framework_id,
  mailSenderName: r.mail_sender_name,
  timeZone: r.time_zone,
});

/** Arbitrary constant: creating an organisation (set-up or command line) happens one at a time. */
const CREATION_LOCK = 7_424_230;

/**
 * The organisations table. Every method but the operator's (creating and listing organisations)
 * takes the organisation first: the tenant is in the signature.
 */
@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private q(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  /** Serialises the creation of organisations, so "is this the first one?" holds until commit. */
  async lockCreation(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [CREATION_LOCK]);
  }

  async any(tx?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.q(tx).query(`SELECT 1 FROM organizations LIMIT 1`);
    return rows.length > 0;
  }

  async nameTaken(name: string, tx: EntityManager): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM organizations WHERE lower(name) = lower($1) LIMIT 1`, [name]);
    return rows.length > 0;
  }

  /** Slugs already used that start with `base` (the base itself or `base-<n>`). */
  async slugsLike(base: string, tx: EntityManager): Promise<Set<string>> {
    const rows: { slug: string }[] = await tx.query(`SELECT slug FROM organizations WHERE slug = $1 OR slug LIKE $2`, [base, `${base}-%`]);
    return new Set(rows.map((r) => r.slug));
  }

  async insert(values: { name: string; slug: string; timeZone: string }, tx: EntityManager): Promise<string> {
    const [row]: { id: string }[] = await tx.query(`INSERT INTO organizations (name, slug, time_zone) VALUES ($1, $2, $3) RETURNING id`, [
      values.name,
      values.slug,
      values.timeZone,
    ]);
    return row.id;
  }

  async list(): Promise<OrganizationSummary[]> {
    const rows: { id: string; name: string; slug: string; created_at: Date; people: number; admins: number }[] = await this.db.query(
      `SELECT o.id, o.name, o.slug, o.created_at,
              count(p.id) FILTER (WHERE p.active)::int AS people,
              count(p.id) FILTER (WHERE p.active AND p.role = 'admin')::int AS admins
         FROM organizations o LEFT JOIN people p ON p.organization_id = o.id
        GROUP BY o.id ORDER BY o.created_at, o.name`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, createdAt: new Date(r.created_at).toISOString(), people: r.people, admins: r.admins }));
  }

  async settings(organizationId: string, tx?: EntityManager, lock = false): Promise<OrganizationSettings | null> {
    const rows: SettingsRow[] = await this.q(tx).query(
      `SELECT id, name, anonymity_threshold, default_framework_id, mail_sender_name, time_zone FROM organizations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [organizationId],
    );
    return rows[0] ? toSettings(rows[0]) : null;
  }

  async updateSettings(organizationId: string, settings: Omit<OrganizationSettings, 'id'>, tx: EntityManager): Promise<void> {
    await tx.query(
      `UPDATE organizations SET name = $2, anonymity_threshold = $3, default_framework_id = $4, mail_sender_name = $5, time_zone = $6 WHERE id = $1`,
      [organizationId, settings.name, settings.anonymityThreshold, settings.defaultFrameworkId, settings.mailSenderName, settings.timeZone],
    );
  }

  async setDefaultFramework(organizationId: string, frameworkId: string, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE organizations SET default_framework_id = $2 WHERE id = $1`, [organizationId, frameworkId]);
  }
}
