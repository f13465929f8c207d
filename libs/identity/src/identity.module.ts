import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { CredentialsRepository } from './auth/credentials.repository';
import { InvitationService } from './auth/invitation.service';
import { InvitationsRepository } from './auth/invitations.repository';
import { LocalStrategy } from './auth/local.strategy';
import { LoginThrottleService } from './auth/login-throttle.service';
import { EmailChangeService } from './auth/email-change.service';
import { EmailChangesRepository } from './auth/email-changes.repository';
import { PasswordChangeService } from './auth/password-change.service';
import { PasswordResetService } from './auth/password-reset.service';
import { PasswordController } from './auth/password.controller';
import { PasswordResetsRepository } from './auth/password-resets.repository';
import { SessionAuthGuard } from './auth/session-auth.guard';
import { SessionService } from './auth/session.service';
import { SessionsRepository } from './auth/sessions.repository';
import { SessionStrategy } from './auth/session.strategy';
import { EmailChangeTokenEntity } from './entities/email-change-token.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { PasswordResetTokenEntity } from './entities/password-reset-token.entity';
import { PersonEntity } from './entities/person.entity';
import { SessionEntity } from './entities/session.entity';
import { PeopleImportRepository } from './import/people-import.repository';
import { PeopleImportService } from './import/people-import.service';
import { PeopleController } from './people/people.controller';
import { PeopleRepository } from './people/people.repository';
import { PeopleService } from './people/people.service';
import { SsoAuthController, SsoSettingsController } from './sso/sso.controller';
import { SsoLinkService } from './sso/sso-link.service';
import { SsoRepository } from './sso/sso.repository';
import { SsoService } from './sso/sso.service';

@Module({
  imports: [
    PassportModule.register({ session: false }),
    TypeOrmModule.forFeature([PersonEntity, SessionEntity, InvitationEntity, PasswordResetTokenEntity, EmailChangeTokenEntity]),
  ],
  // POST /people/import is served by the feedback library (it includes leavers), which runs the
  // import this library plans and writes (PeopleImportService).
  controllers: [AuthController, PasswordController, PeopleController, SsoAuthController, SsoSettingsController],
  providers: [
    AuthService,
    LoginThrottleService,
    SessionsRepository,
    SessionService,
    InvitationsRepository,
    InvitationService,
    CredentialsRepository,
    PasswordResetsRepository,
    PasswordResetService,
    PasswordChangeService,
    EmailChangesRepository,
    EmailChangeService,
    LocalStrategy,
    SessionStrategy,
    PeopleRepository,
    PeopleService,
    PeopleImportRepository,
    PeopleImportService,
    SsoRepository,
    SsoService,
    SsoLinkService,
    { provide: APP_GUARD, useClass: SessionAuthGuard },
  ],
  exports: [PeopleService, PeopleRepository, SessionService, InvitationService, PeopleImportService],
})
export class IdentityModule {}
