import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig, Actor, Authenticated, CurrentActor, Public } from '@lib/common';
import { MeDto, SetLanguageDto } from '../people/person.dto';
import { PeopleService } from '../people/people.service';
import { AcceptInvitationDto, CsrfTokenDto, InvitationInfoDto, LoginDto, SessionStateDto } from './auth.dto';
import type { AuthenticatedPerson } from './auth.service';
import { InvitationService } from './invitation.service';
import { LocalAuthGuard } from './local-auth.guard';
import { SsoService } from '../sso/sso.service';
import { SessionService } from './session.service';
import { actorFromSessionCookie, SESSION_COOKIE, setSessionCookie } from './session.strategy';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly people: PeopleService,
    private readonly invitations: InvitationService,
    private readonly sso: SsoService,
  ) {}

  /** A CSRF token for the x-csrf-token header; its secret travels in an httpOnly cookie. */
  @Get('csrf')
  @ApiOperation({ summary: 'A CSRF token for the x-csrf-token header' })
  @Public()
  @ApiOkResponse({ type: CsrfTokenDto })
  csrf(@Res({ passthrough: true }) reply: FastifyReply): CsrfTokenDto {
    return { token: reply.generateCsrf() };
  }

  @Post('login')
  @ApiOperation({ summary: 'Sign in with email and password' })
  @Public()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: MeDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this account or network' })
  @ApiForbiddenResponse({ description: 'The organisation signs in with single sign-on only' })
  async login(@Req() request: FastifyRequest & { user: AuthenticatedPerson }, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeDto> {
    const { personId, organizationId, role } = request.user;
    return this.startSession(request, reply, { personId, organizationId, role });
  }

  @Post('logout')
  @ApiOperation({ summary: 'Sign out (ends the session everywhere)' })
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.revoke(actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in person' })
  @Authenticated()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.people.me(actor);
  }

  @Put('me/language')
  @ApiOperation({ summary: "Set the signed-in person's own language, or null to follow the organisation's" })
  @Authenticated()
  @ApiBody({ type: SetLanguageDto })
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ description: 'Not a language Ripple speaks' })
  setLanguage(@CurrentActor() actor: Actor, @Body() dto: SetLanguageDto): Promise<MeDto> {
    return this.people.setOwnLanguage(actor, dto);
  }

  /**
   * The web app's first question on every load: it cannot tell from JavaScript whether it has a
   * session (the cookie is httpOnly), and the 401 of /auth/me would be logged by the browser as an
   * error on every signed-out page. Same answer as /auth/me for a session, `me: null` without one.
   */
  @Get('session')
  @ApiOperation({ summary: 'Who is signed in, or nobody (never 401)' })
  @Public()
  @ApiOkResponse({ type: SessionStateDto })
  async session(@Req() request: FastifyRequest): Promise<SessionStateDto> {
    const actor = await actorFromSessionCookie(request, this.sessions);
    return { me: actor ? await this.people.me(actor) : null };
  }

  @Get('invitations/:token')
  @ApiOperation({ summary: 'Who an invitation is for, before accepting it' })
  @Public()
  @ApiOkResponse({ type: InvitationInfoDto })
  @ApiNotFoundResponse({ description: 'The invitation is invalid, already used or expired' })
  invitation(@Param('token') token: string): Promise<InvitationInfoDto> {
    return this.invitations.describe(token);
  }

  @Post('accept-invitation')
  @ApiOperation({ summary: 'Accept an invitation: set a password and sign in' })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ description: 'The password or the body is invalid' })
  @ApiNotFoundResponse({ description: 'The invitation is invalid, already used or expired' })
  @ApiForbiddenResponse({ description: 'The organisation signs in with single sign-on only' })
  async acceptInvitation(@Body() dto: AcceptInvitationDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeDto> {
    return this.startSession(request, reply, await this.invitations.accept(dto.token, dto.password));
  }

  /** A session from a password (a sign-in or an invitation accepted): not in SSO-only mode, but for the break-glass admin. */
  private async startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    who: { organizationId: string; personId: string; role: Actor['role'] },
  ): Promise<MeDto> {
    await this.sso.assertPasswordSignIn(who);
    const token = await this.sessions.create(who.organizationId, who.personId, { ip: request.ip, userAgent: request.headers['user-agent'] });
    setSessionCookie(reply, token, this.config);
    return this.people.me({ ...who, sessionId: '' });
  }
}
