import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig, Actor, Authenticated, CurrentActor, Public } from '@lib/common';
import { MeDto } from '../people/person.dto';
import { PeopleService } from '../people/people.service';
import { AcceptInvitationDto, CsrfTokenDto, InvitationInfoDto, LoginDto } from './auth.dto';
import type { AuthenticatedPerson } from './auth.service';
import { InvitationService } from './invitation.service';
import { LocalAuthGuard } from './local-auth.guard';
import { SessionService } from './session.service';
import { SESSION_COOKIE, setSessionCookie } from './session.strategy';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly people: PeopleService,
    private readonly invitations: InvitationService,
  ) {}

  /** A CSRF token for the x-csrf-token header; its secret travels in an httpOnly cookie. */
  @Get('csrf')
  @Public()
  @ApiOkResponse({ type: CsrfTokenDto })
  csrf(@Res({ passthrough: true }) reply: FastifyReply): CsrfTokenDto {
    return { token: reply.generateCsrf() };
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: MeDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this account or network' })
  async login(@Req() request: FastifyRequest & { user: AuthenticatedPerson }, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeDto> {
    const { personId, organizationId, role } = request.user;
    return this.startSession(request, reply, { personId, organizationId, role });
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.revoke(actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.people.me(actor);
  }

  @Get('invitations/:token')
  @Public()
  @ApiOkResponse({ type: InvitationInfoDto })
  invitation(@Param('token') token: string): Promise<InvitationInfoDto> {
    return this.invitations.describe(token);
  }

  @Post('accept-invitation')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: MeDto })
  async acceptInvitation(
    @Body() dto: AcceptInvitationDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeDto> {
    return this.startSession(request, reply, await this.invitations.accept(dto.token, dto.password));
  }

  private async startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    who: { organizationId: string; personId: string; role: Actor['role'] },
  ): Promise<MeDto> {
    const token = await this.sessions.create(who.organizationId, who.personId, { ip: request.ip, userAgent: request.headers['user-agent'] });
    setSessionCookie(reply, token, this.config);
    return this.people.me({ ...who, sessionId: '' });
  }
}
