import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import { FrameworksService } from '@lib/frameworks';
import { PeopleRepository } from '@lib/identity';
import { OrganizationsErrorCode, OrganizationsException } from '../organizations.exception';
import { OrganizationsRepository, type OrganizationSummary } from '../organizations.repository';
import { freeSlug, slugOf } from './organization-slug';

export interface NewOrganization {
  name: string;
  timeZone?: string;
  admin: { name: string; email: string; passwordHash: string | null };
}

export interface ProvisionedOrganization {
  organizationId: string;
  slug: string;
  adminId: string;
  frameworkId: string;
}

/**
 * One way to create an organisation, for the first-run set-up and the operator's command line
 * alike: the organisation, its default framework (as the demo gets it) and its first HR admin, in
 * the caller's transaction.
 */
@Injectable()
export class OrganizationProvisioningService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly frameworks: FrameworksService,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
  ) {}

  /** Holds until the transaction ends: no other organisation is created meanwhile. */
  lockCreation(tx: EntityManager): Promise<void> {
    return this.organizations.lockCreation(tx);
  }

  /** Every organisation of the instance, oldest first, with its active people and HR admins (the operator's list). */
  async list(): Promise<OrganizationSummary[]> {
    const organizations = await this.organizations.list();
    const counts = await this.people.activeCounts(organizations.map((o) => o.id));
    return organizations.map((o) => ({ ...o, people: counts.get(o.id)?.people ?? 0, admins: counts.get(o.id)?.admins ?? 0 }));
  }

  anyOrganization(tx?: EntityManager): Promise<boolean> {
    return this.organizations.any(tx);
  }

  async create(input: NewOrganization, tx: EntityManager): Promise<ProvisionedOrganization> {
    await this.organizations.lockCreation(tx);
    // Two organisations of one name would be told apart by nobody in a list or a mail.
    if (await this.organizations.nameTaken(input.name, tx)) {
      throw new OrganizationsException(OrganizationsErrorCode.OrganizationExists, `An organisation named "${input.name}" already exists`, {
        errors: [{ field: 'name', message: 'already in use' }],
      });
    }
    const base = slugOf(input.name);
    const slug = freeSlug(base, await this.organizations.slugsLike(base, tx));
    const organizationId = await this.organizations.insert({ name: input.name, slug, timeZone: input.timeZone ?? 'UTC' }, tx);
    const frameworkId = await this.frameworks.ensureDefault(organizationId, tx);
    await this.organizations.setDefaultFramework(organizationId, frameworkId, tx);
    const adminId = await this.people.insert(
      organizationId,
      { email: input.admin.email, name: input.admin.name, role: 'admin', passwordHash: input.admin.passwordHash },
      tx,
    );
    await this.audit.record(
      { organizationId, personId: input.admin.passwordHash ? adminId : null },
      {
        action: 'organization.created',
        targetType: 'organization',
        targetId: organizationId,
        details: { name: input.name, slug, adminEmail: input.admin.email },
      },
      tx,
    );
    return { organizationId, slug, adminId, frameworkId };
  }
}
