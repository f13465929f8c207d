import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiGoneResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig, Public } from '@lib/common';
import { MeDto, PeopleService, SessionService, setSessionCookie } from '@lib/identity';
import { CompleteSetupDto, SetupStatusDto } from './setup.dto';
import { SetupService } from './setup.service';

/** The first run of a fresh instance. Public by necessity: nobody can sign in before it. */
@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly setup: SetupService,
    private readonly sessions: SessionService,
    private readonly people: PeopleService,
  ) {}

  /** 200 either way: every signed-out page asks, and a 410 would be logged by the browser as an error on each of them. */
  @Get()
  @ApiOperation({ summary: 'Whether this instance still needs its first-run set-up' })
  @Public()
  @ApiOkResponse({ type: SetupStatusDto })
  async status(): Promise<SetupStatusDto> {
    return { pending: await this.setup.isPending() };
  }

  /** Creates the organisation and its first HR admin, and signs them in. */
  @Post()
  @ApiOperation({ summary: 'Set up the first organisation and its HR admin' })
  @Public()
  @HttpCode(201)
  @ApiCreatedResponse({ type: MeDto })
  @ApiForbiddenResponse({ description: 'Wrong set-up code' })
  @ApiGoneResponse({ description: 'Set-up is done: an organisation exists' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes from this network' })
  async complete(@Body() dto: CompleteSetupDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeDto> {
    const who = await this.setup.complete(dto, request.ip);
    const token = await this.sessions.create(who.organizationId, who.personId, { ip: request.ip, userAgent: request.headers['user-agent'] });
    setSessionCookie(reply, token, this.config);
    return this.people.me({ ...who, sessionId: '' });
  }
}
