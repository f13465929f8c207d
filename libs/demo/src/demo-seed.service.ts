import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lib/common';
import { defaultCycleSettings } from '@lib/cycles';
import { FrameworksService } from '@lib/frameworks';
import { hashPassword } from '@lib/identity';
import { OrganizationsRepository } from '@lib/organizations';
import { ReportSnapshotService } from '@lib/reports';
import { seedDemoCycles } from './demo-cycles';
import { DEMO_PLANS } from './demo-plans';
import { seedDemoSelfRequest } from './demo-self-request';
import { DEMO_PULSE } from './demo-pulse';
import { DemoPersonRow, DemoSeedRepository } from './demo-seed.repository';
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
    private readonly demo: DemoSeedRepository,
    private readonly frameworks: FrameworksService,
    private readonly snapshots: ReportSnapshotService,
    private readonly organizations: OrganizationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  isEmpty(): Promise<boolean> {
    return this.demo.isEmpty();
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
      await this.demo.release(seeded.organizationId, cycle.id, cycle.releasedAt);
    }
    const latest = seeded.toRelease[seeded.toRelease.length - 1];
    await this.seedPlans(seeded.organizationId, latest);
    await this.seedPulse(seeded.organizationId, latest);
    // Priya's self-started request: closed; computing its report releases it to her (origin 'self').
    await this.snapshots.snapshotCycle(seeded.organizationId, seeded.selfRequest);
    const { toRelease, selfRequest: _selfRequest, ...result } = seeded;
    return { ...result, released: toRelease.map((c) => c.id) };
  }

  /**
   * Plans on the latest finished cycle, so a visitor sees one at once: Priya's, shared with her
   * manager David (who gets its conversation guide), and Hana's own, kept to herself.
   */
  private async seedPlans(organizationId: string, cycle: { id: string; releasedAt: string } | undefined): Promise<void> {
    if (!cycle) return;
    const madeAt = new Date(new Date(cycle.releasedAt).getTime() + 3 * 24 * 60 * 60 * 1000).toISOString();
    for (const plan of DEMO_PLANS) await this.demo.insertPlan(organizationId, cycle.id, demoEmail(plan.person), plan.items, plan.share, madeAt);
  }

  /**
   * Priya's follow-up pulse on her plan's behaviours, eight weeks after the release, answered and
   * closed: her plan page shows then vs now at once (demo-pulse.ts). Snapshotted as any pulse is.
   */
  private async seedPulse(organizationId: string, cycle: { id: string; releasedAt: string } | undefined): Promise<void> {
    const plan = DEMO_PLANS.find((p) => p.person === DEMO_PULSE.person);
    if (!cycle || !plan) return;
    const day = 24 * 60 * 60 * 1000;
    const startsAt = new Date(new Date(cycle.releasedAt).getTime() + DEMO_PULSE.weeks * 7 * day).toISOString();
    const closedAt = new Date(new Date(startsAt).getTime() + DEMO_PULSE.collectingDays * day).toISOString();
    const settings = {
      ...defaultCycleSettings(),
      selfReview: true,
      minPeers: 0,
      maxPeers: 0,
      managerApprovesPeers: false,
      reportVisibility: { subject: 'on_release', manager: 'never' },
      showManagerSeparately: false,
      responseDeadline: closedAt,
    };
    const pulseCycleId = await this.demo.insertPulse(organizationId, {
      parentCycleId: cycle.id,
      email: demoEmail(plan.person),
      behaviourKeys: plan.items.map((i) => i.behaviourKey),
      weeks: DEMO_PULSE.weeks,
      startsAt,
      closedAt,
      liftShare: DEMO_PULSE.liftShare,
      settings,
    });
    await this.snapshots.snapshotCycle(organizationId, pulseCycleId);
    await this.demo.release(organizationId, pulseCycleId, closedAt);
  }

  private async seedOrganization(): Promise<Omit<DemoSeedResult, 'released'> & { toRelease: { id: string; releasedAt: string }[]; selfRequest: string }> {
    const passwordHash = await hashPassword(DEMO_PASSWORD, this.config.passwordHashing);
    return this.db.transaction(async (tx) => {
      const organizationId = await this.demo.insertOrganization(DEMO_ORGANIZATION.name, DEMO_ORGANIZATION.slug, tx);
      const people = MUSEUM_PEOPLE.map((p): DemoPersonRow => ({
        email: demoEmail(p.key),
        name: p.name,
        title: p.title,
        department: p.department,
        role: p.role ?? 'member',
      }));
      const managers = MUSEUM_PEOPLE.flatMap((p) => (p.manager ? [{ email: demoEmail(p.key), managerEmail: demoEmail(p.manager) }] : []));
      await this.demo.insertPeople(organizationId, people, managers, passwordHash, tx);
      const frameworkId = await this.frameworks.ensureDefault(organizationId, tx);
      await this.organizations.setDefaultFramework(organizationId, frameworkId, tx);
      const versionId = await this.frameworks.latestVersionId(organizationId, frameworkId, tx);
      const keepOpen = await this.demo.personIdsByEmail(organizationId, KEEP_OPEN.map(demoEmail), tx);
      const settings = { ...defaultCycleSettings(), reportVisibility: { subject: 'on_release', manager: 'on_release' } };
      const cycles = await seedDemoCycles(tx, organizationId, versionId, settings, keepOpen);
      await this.demo.insertFollowership(
        organizationId,
        cycles.released.map((c) => c.id),
        tx,
      );
      const selfRequest = await seedDemoSelfRequest(tx, organizationId, versionId);
      await this.demo.markRequestsAnnounced(organizationId, tx);
      this.logger.log(
        `Seeded the demo organisation "${DEMO_ORGANIZATION.name}" with ${MUSEUM_PEOPLE.length} people and ${cycles.released.length + cycles.collecting.length} cycles`,
      );
      return { organizationId, adminEmail: demoEmail('hana'), password: DEMO_PASSWORD, toRelease: cycles.released, selfRequest };
    });
  }
}
