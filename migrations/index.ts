// Every migration, in order. Add new ones at the end; never edit one that has shipped.
import { CreateIdentity1795400000000 } from './1795400000000-CreateIdentity';
import { CreateCycles1795400100000 } from './1795400100000-CreateCycles';
import { AddCycleNotificationState1795400230000 } from './1795400230000-AddCycleNotificationState';
import { AddReportSnapshotSummary1795400241000 } from './1795400241000-AddReportSnapshotSummary';
import { StoreReportAsServed1795400250000 } from './1795400250000-StoreReportAsServed';
import { StoreAnonymousRaters1795400300000 } from './1795400300000-StoreAnonymousRaters';
import { CreatePasswordResets1795400310000 } from './1795400310000-CreatePasswordResets';
import { HideOutboxSecrets1795400320000 } from './1795400320000-HideOutboxSecrets';
import { AddOrganizationSettings1795400340000 } from './1795400340000-AddOrganizationSettings';
import { CreateEmailChangeTokens1795400360000 } from './1795400360000-CreateEmailChangeTokens';
import { AddPeopleDeactivatedAt1795400370000 } from './1795400370000-AddPeopleDeactivatedAt';
import { ScopeSubjectForeignKeys1795400380000 } from './1795400380000-ScopeSubjectForeignKeys';
import { AddSubjectRemoval1795400420000 } from './1795400420000-AddSubjectRemoval';
import { LeadKeysWithOrganization1795400450000 } from './1795400450000-LeadKeysWithOrganization';
import { EnableTenantRowSecurity1795400510000 } from './1795400510000-EnableTenantRowSecurity';
import { CreateSingleSignOn1795400900000 } from './1795400900000-CreateSingleSignOn';
import { CreateScimProvisioning1795401000000 } from './1795401000000-CreateScimProvisioning';
import { CreateDevelopmentPlans1795401100000 } from './1795401100000-CreateDevelopmentPlans';
import { AddSelfStartedFeedbackSettings1795401200000 } from './1795401200000-AddSelfStartedFeedbackSettings';
import { AddCycleOrigin1795401210000 } from './1795401210000-AddCycleOrigin';
import { CreateExternalRaters1795401300000 } from './1795401300000-CreateExternalRaters';
import { AddOwnedCycleBehaviours1795401400000 } from './1795401400000-AddOwnedCycleBehaviours';
import { CreatePulseRequests1795401450000 } from './1795401450000-CreatePulseRequests';
import { AddLanguages1795401550000 } from './1795401550000-AddLanguages';
import { AddFrameworkTranslations1795401560000 } from './1795401560000-AddFrameworkTranslations';
import { CreateRateLimitCounters1795401600000 } from './1795401600000-CreateRateLimitCounters';
import { AddScimUserNames1795401610000 } from './1795401610000-AddScimUserNames';
import { BackfillStandardFrameworkGerman1795401745000 } from './1795401745000-BackfillStandardFrameworkGerman';
import { AddExternalRaterLanguage1795401750000 } from './1795401750000-AddExternalRaterLanguage';
import { DropRateLimitLogs1795401763000 } from './1795401763000-DropRateLimitLogs';
import { CreateSsoLinkConfirmations1795401780000 } from './1795401780000-CreateSsoLinkConfirmations';
import { DropSignInAndSetupAttempts1795401790000 } from './1795401790000-DropSignInAndSetupAttempts';
import { RevokeJobQueueFromTenant1795401791000 } from './1795401791000-RevokeJobQueueFromTenant';
import { BindSsoLinkToBrowser1795401800000 } from './1795401800000-BindSsoLinkToBrowser';
import { StorePulseFailureCodes1795401810000 } from './1795401810000-StorePulseFailureCodes';

// The role and setting of row-level security, which the app's database layer applies (libs/database tenant-scope).
export { ORGANIZATION_SETTING, TENANT_ROLE } from './tenant-row-security';

export const MIGRATIONS = [
  CreateIdentity1795400000000,
  CreateCycles1795400100000,
  AddCycleNotificationState1795400230000,
  AddReportSnapshotSummary1795400241000,
  StoreReportAsServed1795400250000,
  StoreAnonymousRaters1795400300000,
  CreatePasswordResets1795400310000,
  HideOutboxSecrets1795400320000,
  AddOrganizationSettings1795400340000,
  CreateEmailChangeTokens1795400360000,
  AddPeopleDeactivatedAt1795400370000,
  ScopeSubjectForeignKeys1795400380000,
  AddSubjectRemoval1795400420000,
  LeadKeysWithOrganization1795400450000,
  EnableTenantRowSecurity1795400510000,
  CreateSingleSignOn1795400900000,
  CreateScimProvisioning1795401000000,
  CreateDevelopmentPlans1795401100000,
  AddSelfStartedFeedbackSettings1795401200000,
  AddCycleOrigin1795401210000,
  CreateExternalRaters1795401300000,
  AddOwnedCycleBehaviours1795401400000,
  CreatePulseRequests1795401450000,
  AddLanguages1795401550000,
  AddFrameworkTranslations1795401560000,
  CreateRateLimitCounters1795401600000,
  AddScimUserNames1795401610000,
  BackfillStandardFrameworkGerman1795401745000,
  AddExternalRaterLanguage1795401750000,
  DropRateLimitLogs1795401763000,
  CreateSsoLinkConfirmations1795401780000,
  DropSignInAndSetupAttempts1795401790000,
  RevokeJobQueueFromTenant1795401791000,
  BindSsoLinkToBrowser1795401800000,
  StorePulseFailureCodes1795401810000,
];
