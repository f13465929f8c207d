import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { Language } from '@lib/common';
import { selectRows } from '@lib/database';
import { OrganizationEntity } from './organization.entity';
import type { SelfRequestSettings } from './settings/self-request-limits';

export interface OrganizationSettings extends SelfRequestSettings {
  id: string;
  name: string;
  anonymityThreshold: number;
  /** Null only for an organisation that has no framework yet. */
  defaultFrameworkId: string | null;
  mailSenderName: string | null;
  timeZone: string;
  /** The language of people who have not picked their own. */
  language: Language;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
  people: number;
  admins: number;
}

const SETTINGS = {
  id: true,
  name: true,
  anonymityThreshold: true,
  defaultFrameworkId: true,
  mailSenderName: true,
  timeZone: true,
  language: true,
  selfRequestsEnabled: true,
  selfRequestMinRaters: true,
  selfRequestMaxBehaviours: true,
  raterOpenRequestCap: true,
} as const;

/** Arbitrary constant: creating an organisation (set-up or command line) happens one at a time. */
const CREATION_LOCK = 7_424_230;

/**
 * The organisations table. Every method but the operator's (creating and listing organisations)
 * takes the organisation first: the tenant is in the signature.
 */
@Injectable()
export class OrganizationsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
  ) {}

  private repo(tx?: EntityManager): Repository<OrganizationEntity> {
    return tx ? tx.getRepository(OrganizationEntity) : this.organizations;
  }

  /** Serialises the creation of organisations, so "is this the first one?" holds until commit. */
  async lockCreation(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [CREATION_LOCK]);
  }

  async any(tx?: EntityManager): Promise<boolean> {
    return this.repo(tx).exists();
  }

  async nameTaken(name: string, tx: EntityManager): Promise<boolean> {
    const rows = await selectRows<{ taken: number }>(tx, `SELECT 1 AS taken FROM organizations WHERE lower(name) = lower($1) LIMIT 1`, [name]);
    return rows.length > 0;
  }

  /** Slugs already used that start with `base` (the base itself or `base-<n>`). */
  async slugsLike(base: string, tx: EntityManager): Promise<Set<string>> {
    const rows = await selectRows<{ slug: string }>(tx, `SELECT slug FROM organizations WHERE slug = $1 OR slug LIKE $2`, [base, `${base}-%`]);
    return new Set(rows.map((r) => r.slug));
  }

  async insert(values: { name: string; slug: string; timeZone: string }, tx: EntityManager): Promise<string> {
    const { identifiers } = await this.repo(tx).insert(values);
    return (identifiers[0] as Pick<OrganizationEntity, 'id'>).id;
  }

  /** Every organisation of the instance, oldest first (the operator's list). */
  async list(): Promise<Pick<OrganizationSummary, 'id' | 'name' | 'slug' | 'createdAt'>[]> {
    const organizations = await this.organizations.find({
      select: { id: true, name: true, slug: true, createdAt: true },
      order: { createdAt: 'ASC', name: 'ASC' },
    });
    return organizations.map((o) => ({ id: o.id, name: o.name, slug: o.slug, createdAt: o.createdAt.toISOString() }));
  }

  /** `lock` (FOR UPDATE) only inside a transaction: the settings hold until it ends. */
  async settings(organizationId: string, tx?: EntityManager, lock = false): Promise<OrganizationSettings | null> {
    const o = await this.repo(tx).findOne({ select: SETTINGS, where: { id: organizationId }, ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}) });
    return o
      ? {
          id: o.id,
          name: o.name,
          anonymityThreshold: o.anonymityThreshold,
          defaultFrameworkId: o.defaultFrameworkId,
          mailSenderName: o.mailSenderName,
          timeZone: o.timeZone,
          language: o.language,
          selfRequestsEnabled: o.selfRequestsEnabled,
          selfRequestMinRaters: o.selfRequestMinRaters,
          selfRequestMaxBehaviours: o.selfRequestMaxBehaviours,
          raterOpenRequestCap: o.raterOpenRequestCap,
        }
      : null;
  }

  async updateSettings(organizationId: string, settings: Omit<OrganizationSettings, 'id'>, tx: EntityManager): Promise<void> {
    const { name, anonymityThreshold, defaultFrameworkId, mailSenderName, timeZone, language } = settings;
    const { selfRequestsEnabled, selfRequestMinRaters, selfRequestMaxBehaviours, raterOpenRequestCap } = settings;
    await this.repo(tx).update(
      { id: organizationId },
      {
        name,
        anonymityThreshold,
        defaultFrameworkId,
        mailSenderName,
        timeZone,
        language,
        selfRequestsEnabled,
        selfRequestMinRaters,
        selfRequestMaxBehaviours,
        raterOpenRequestCap,
      },
    );
  }

  async setDefaultFramework(organizationId: string, frameworkId: string, tx: EntityManager): Promise<void> {
    await this.repo(tx).update({ id: organizationId }, { defaultFrameworkId: frameworkId });
  }
}
