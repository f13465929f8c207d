import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lib/common';
import { MailService } from '@lib/notifications';
import { OrganizationSettingsService } from '@lib/organizations';
import { CyclesRepository } from '../cycles.repository';
import { peerTarget } from '../domain';
import { PeerShortfallRepository } from '../peer-shortfall.repository';
import { peerReminderMail } from './peer-reminder-mail';
import { duePeerReminderSlot } from './reminder-slots';

/**
 * minPeers, enforced: before the nomination deadline, each active subject still short of peers is
 * asked to ask more (duePeerReminderSlot decides when). Keyed `peers:<cycle>:<subject>:<slot>`, so
 * however often the hourly sweep runs, a subject gets one mail per slot; one who has reached
 * minPeers gets none.
 */
@Injectable()
export class PeerRemindersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cycles: CyclesRepository,
    private readonly shortfall: PeerShortfallRepository,
    private readonly mail: MailService,
    private readonly organizations: OrganizationSettingsService,
  ) {}

  /** Sends the reminder due at `now`, if any; returns the number of mails sent. */
  async sendDue(organizationId: string, cycleId: string, now: Date): Promise<number> {
    const cycle = await this.cycles.find(organizationId, cycleId);
    const deadline = cycle?.settings.nominationDeadline;
    if (!cycle || !deadline) return 0;
    const timeZone = await this.organizations.timeZone(organizationId);
    const due = duePeerReminderSlot(
      { state: cycle.state, nominationDeadline: deadline, launchedAt: cycle.launchedAt ? new Date(cycle.launchedAt) : null },
      now,
      timeZone,
    );
    if (!due) return 0;
    const subjects = await this.shortfall.shortOfPeers(organizationId, cycleId, peerTarget(cycle.settings));
    const base = this.config.publicUrl.replace(/\/+$/, '');
    let sent = 0;
    for (const subject of subjects) {
      // Made a subject after the slot opened: their welcome is recent enough.
      if (subject.addedAt.getTime() > due.at.getTime()) continue;
      const mail = peerReminderMail({
        subjectName: subject.name,
        cycleName: cycle.name,
        peers: subject.peers,
        minPeers: peerTarget(cycle.settings),
        nominationDeadline: deadline,
        timeZone,
        link: `${base}/cycles/${cycleId}/subjects/${subject.subjectId}/requests`,
        language: subject.language,
      });
      // Hidden from nobody: it holds only the subject's peer count, which HR's progress page shows too.
      if (await this.mail.send({ organizationId, to: subject.email, dedupeKey: `peers:${cycleId}:${subject.subjectId}:${due.slot}`, ...mail })) sent++;
    }
    return sent;
  }
}
