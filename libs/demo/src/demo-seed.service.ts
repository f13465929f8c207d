import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lib/common';
import { defaultCycleSettings } from '@lib/cycles';
import { FrameworksService } from '@lib/frameworks';
import { hashPassword } from '@lib/identity';
import { OrganizationsRepository } from '@lib/organizations';
import { ReportSnapshotService } from '@lib/reports';
import { seedDemoCycles } from './demo-cycles';
import { DEMO_ORGANIZATION, DEMO_PASSWORD, MUSEUM_PEOPLE, demoEmail } from './museum-people';

export interface DemoSeedResult {
  organizationId: string;
  adminEmail: string;
  password: string;
  /** The finished cycles, oldest first: their reports are computed and they are released. */
  released: string[];
}

/** Demo people who keep open requests in the running cycle, so there is something to try. */
const KEEP_OPEN = ['hana', 'priya', 'leo', 'david'];

/** Seeds the demo museum into an empty database, in one transaction. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly frameworks: FrameworksService,
    private readonly snapshots: ReportSnapshotService,
    private readonly organizations: OrganizationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async isEmpty(): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM organizations LIMIT 1`);
    return rows.length === 0;
  }

  /**
   * The people and cycles in one transaction; then each finished cycle, oldest first (the later
   * one's trend reads the earlier one's reports), gets its report snapshots and is released —
   * the same path HR takes: close → snapshot job → release.
   */
  async seed(): Promise<DemoSeedResult> {
    const seeded = await this.seedOrganization();
    for (const cycle of seeded.toRelease) {
      await this.snapshots.snapshotCycle(seeded.organizationId, cycle.id);
      await this.db.query(`UPDATE cycles SET state = 'released', released_at = $3 WHERE organization_id = $1 AND id = $2 AND state = 'closed'`, [
        seeded.organizationId,
        cycle.id,
        cycle.releasedAt,
      ]);
    }
    const { toRelease, ...result } = seeded;
    return { ...result, released: toRelease.map((c) => c.id) };
  }

  private async seedOrganization(): Promise<Omit<DemoSeedResult, 'released'> & { toRelease: { id: string; releasedAt: string }[] }> {
    const passwordHash = await hashPassword(DEMO_PASSWORD, this.config.passwordHashing);
    return this.db.transaction(async (tx) => {
      const [org]: { id: string }[] = await tx.query(`INSERT INTO organizations (name, slug) VALUES ($1, $2) RETURNING id`, [
        DEMO_ORGANIZATION.name,
        DEMO_ORGANIZATION.slug,
      ]);
      await this.seedPeople(tx, org.id, passwordHash);
      const frameworkId = await this.frameworks.ensureDefault(org.id, tx);
      await this.organizations.setDefaultFramework(org.id, frameworkId, tx);
      const [{ id: versionId }]: { id: string }[] = await tx.query(
        `SELECT id FROM framework_versions WHERE organization_id = $1 AND framework_id = $2 ORDER BY version DESC LIMIT 1`,
        [org.id, frameworkId],
      );
      const keepOpen: { id: string }[] = await tx.query(`SELECT id FROM people WHERE organization_id = $1 AND email = ANY($2)`, [
        org.id,
        KEEP_OPEN.map(demoEmail),
      ]);
      const settings = { ...defaultCycleSettings(), reportVisibility: { subject: 'on_release', manager: 'on_release' } };
      const cycles = await seedDemoCycles(
        tx,
        org.id,
        versionId,
        settings,
        keepOpen.map((p) => p.id),
      );
      // The demo's requests count as announced: no invitation mail storm on first start.
      await tx.query(`UPDATE feedback_requests SET invited_at = created_at WHERE organization_id = $1`, [org.id]);
      this.logger.log(
        `Seeded the demo organisation "${DEMO_ORGANIZATION.name}" with ${MUSEUM_PEOPLE.length} people and ${cycles.released.length + cycles.collecting.length} cycles`,
      );
      return { organizationId: org.id, adminEmail: demoEmail('hana'), password: DEMO_PASSWORD, toRelease: cycles.released };
    });
  }

  private async seedPeople(tx: EntityManager, organizationId: string, passwordHash: string): Promise<void> {
    await tx.query(
      `INSERT INTO people (organization_id, email, name, title, department, role, password_hash)
       SELECT $1, x.email, x.name, x.title, x.department, x.role, $7
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(email, name, title, department, role)`,
      [
        organizationId,
        MUSEUM_PEOPLE.map((p) => demoEmail(p.key)),
        MUSEUM_PEOPLE.map((p) => p.name),
        MUSEUM_PEOPLE.map((p) => p.title),
        MUSEUM_PEOPLE.map((p) => p.department),
        MUSEUM_PEOPLE.map((p) => p.role ?? 'member'),
        passwordHash,
      ],
    );
    const managed = MUSEUM_PEOPLE.filter((p) => p.manager);
    await tx.query(
      `UPDATE people p SET manager_id = m.id FROM unnest($2::text[], $3::text[]) AS x(email, manager_email)
         JOIN people m ON m.organization_id = $1 AND m.email = x.manager_email
        WHERE p.organization_id = $1 AND p.email = x.email`,
      [organizationId, managed.map((p) => demoEmail(p.key)), managed.map((p) => demoEmail(p.manager!))],
    );
  }
}
