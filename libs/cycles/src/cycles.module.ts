import { Module } from '@nestjs/common';
import { FrameworksModule } from '@lib/frameworks';
import { IdentityModule } from '@lib/identity';
import { OrganizationsModule } from '@lib/organizations';
import { CycleLaunchRepository } from './cycle-launch.repository';
import { CycleProgressController } from './cycle-progress.controller';
import { CycleProgressRepository } from './cycle-progress.repository';
import { CycleProgressService } from './cycle-progress.service';
import { CycleSubjectsController } from './cycle-subjects.controller';
import { CycleSubjectsRepository } from './cycle-subjects.repository';
import { CycleSubjectsService } from './cycle-subjects.service';
import { CyclesController } from './cycles.controller';
import { CyclesRepository } from './cycles.repository';
import { CyclesService } from './cycles.service';
import { ExternalRaterErasureRepository } from './external-rater-erasure.repository';
import { CycleMailRepository } from './notifications/cycle-mail.repository';
import { CycleNotificationsService } from './notifications/cycle-notifications.service';
import { PeerRemindersService } from './notifications/peer-reminders.service';
import { OwnedCyclesRepository } from './owned/owned-cycles.repository';
import { OwnedCyclesService } from './owned/owned-cycles.service';
import { SelfRequestsController } from './owned/self-requests.controller';
import { SelfRequestsService } from './owned/self-requests.service';
import { PeerShortfallRepository } from './peer-shortfall.repository';
import { SubjectRemovalRepository } from './subject-removal.repository';
import { SubjectRemovalService } from './subject-removal.service';

/** Needs JobsModule, AuditModule and NotificationsModule, which are global. */
@Module({
  imports: [FrameworksModule, IdentityModule, OrganizationsModule],
  controllers: [CyclesController, CycleSubjectsController, CycleProgressController, SelfRequestsController],
  providers: [
    CyclesRepository,
    CycleLaunchRepository,
    CycleSubjectsRepository,
    CycleProgressRepository,
    CycleMailRepository,
    CyclesService,
    CycleSubjectsService,
    CycleProgressService,
    CycleNotificationsService,
    PeerShortfallRepository,
    PeerRemindersService,
    SubjectRemovalRepository,
    SubjectRemovalService,
    ExternalRaterErasureRepository,
    OwnedCyclesRepository,
    OwnedCyclesService,
    SelfRequestsService,
  ],
  exports: [CyclesService, CycleNotificationsService, SubjectRemovalService, OwnedCyclesService],
})
export class CyclesModule {}
