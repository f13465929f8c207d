import { Module } from '@nestjs/common';
import { CyclesModule } from '@lib/cycles';
import { IdentityModule } from '@lib/identity';
import { ExternalQuestionnaireController } from './external/external-questionnaire.controller';
import { ExternalQuestionnaireService } from './external/external-questionnaire.service';
import { ExternalRatersController } from './external/external-raters.controller';
import { ExternalRatersRepository } from './external/external-raters.repository';
import { ExternalRatersService } from './external/external-raters.service';
import { LeaversController } from './leavers/leavers.controller';
import { LeaversRepository } from './leavers/leavers.repository';
import { LeaversService } from './leavers/leavers.service';
import { NominationsRepository } from './followership/nominations.repository';
import { FeedbackRequestsController } from './requests/feedback-requests.controller';
import { NominationService } from './requests/nomination.service';
import { RequestDecisionService } from './requests/request-decision.service';
import { RequestListService } from './requests/request-list.service';
import { RequestListsRepository } from './requests/request-lists.repository';
import { RequestsRepository } from './requests/requests.repository';
import { SubjectRequestsController } from './requests/subject-requests.controller';
import { PeopleImportController } from './people-import/people-import.controller';
import { PeopleImportRunService } from './people-import/people-import-run.service';
import { ScimController } from './provisioning/scim.controller';
import { ScimTokenGuard } from './provisioning/scim-token.guard';
import { ScimTokensController } from './provisioning/scim-tokens.controller';
import { ScimTokensRepository } from './provisioning/scim-tokens.repository';
import { ScimTokensService } from './provisioning/scim-tokens.service';
import { ScimUsersRepository } from './provisioning/scim-users.repository';
import { ScimUsersService } from './provisioning/scim-users.service';
import { ResponseService } from './responses/response.service';
import { ResponsesController } from './responses/responses.controller';
import { ResponsesRepository } from './responses/responses.repository';
import { InvitationQueueService } from './shared/invitation-queue.service';

/**
 * Requesting feedback (subjects, managers, HR) and rating colleagues (raters); and people
 * provisioning over SCIM, here because a SCIM leaver is deactivated by the leaver logic.
 */
@Module({
  imports: [IdentityModule, CyclesModule],
  controllers: [
    SubjectRequestsController,
    FeedbackRequestsController,
    ResponsesController,
    LeaversController,
    PeopleImportController,
    ScimController,
    ScimTokensController,
    ExternalRatersController,
    ExternalQuestionnaireController,
  ],
  providers: [
    LeaversRepository,
    LeaversService,
    PeopleImportRunService,
    RequestsRepository,
    RequestListsRepository,
    ResponsesRepository,
    NominationsRepository,
    NominationService,
    RequestDecisionService,
    RequestListService,
    ResponseService,
    InvitationQueueService,
    ScimTokensRepository,
    ScimTokensService,
    ScimTokenGuard,
    ScimUsersRepository,
    ScimUsersService,
    ExternalRatersRepository,
    ExternalRatersService,
    ExternalQuestionnaireService,
  ],
})
export class FeedbackModule {}
