import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, APP_CONFIG, AppConfig, Authenticated, CurrentActor, Public } from '@lib/common';
import { SessionService } from '../auth/session.service';
import { setSessionCookie } from '../auth/session.strategy';
import { ConfirmSsoLinkDto, SsoLookupQueryDto, SsoProviderLookupDto, SsoRedirectDto, SsoSettingsDto, StartSsoDto, UpdateSsoSettingsDto } from './sso.dto';
import { SSO_LINK_MINUTES, SsoLinkService } from './sso-link.service';
import { SSO_LOGIN_TTL_SECONDS, SsoService } from './sso.service';

/** The browser's half of a sign-in under way: httpOnly, signed, short-lived, sent only to the callback. */
const LOGIN_COOKIE = 'ripple_sso';
const LOGIN_COOKIE_PATH = '/api/auth/sso';
/**
 * The nonce of the browser that started a sign-in whose link was mailed: httpOnly, sent only to
 * the link's routes, as long as the link lives. The mailed link confirms only beside it.
 */
const LINK_COOKIE = 'ripple_sso_link';
const LINK_COOKIE_PATH = '/api/auth/sso/link';

/** Signing in through the organisation's identity provider. */
@ApiTags('auth')
@Controller('auth/sso')
export class SsoAuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sso: SsoService,
    private readonly links: SsoLinkService,
    private readonly sessions: SessionService,
  ) {}

  @Get('provider')
  @ApiOperation({ summary: 'The identity provider to continue with, for an email address or an organisation sign-in address' })
  @Public()
  @ApiOkResponse({ type: SsoProviderLookupDto })
  lookup(@Query() query: SsoLookupQueryDto): Promise<SsoProviderLookupDto> {
    return this.sso.lookup(query);
  }

  @Post('start')
  @ApiOperation({ summary: "Start signing in through the organisation's identity provider" })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SsoRedirectDto })
  @ApiNotFoundResponse({ description: 'The organisation does not sign in with single sign-on' })
  @ApiConflictResponse({ description: 'The identity provider cannot be reached or is misconfigured' })
  @ApiTooManyRequestsResponse({ description: 'Too many sign-ins started from this network or for this organisation (Retry-After says when to come back)' })
  async start(@Body() dto: StartSsoDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SsoRedirectDto> {
    const { authorizationUrl, token } = await this.sso.start(dto.organization, request.ip);
    SsoAuthController.setLoginCookie(reply, token, this.config);
    return { authorizationUrl };
  }

  /** Where the provider sends the browser back: a redirect to the app, never an error page. */
  @Get('callback')
  @ApiOperation({ summary: "The identity provider's redirect back (the redirect URI): signs in and redirects to the app" })
  @Public()
  @ApiResponse({
    status: 303,
    description:
      'To / when signed in, to /sso-link when the account is in use and the person must confirm the link from their mail in this browser (its cookie is set), to /login?sso_error=<code> when refused, to the settings page after a test sign-in',
  })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const raw = request.cookies?.[LOGIN_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    reply.clearCookie(LOGIN_COOKIE, { path: LOGIN_COOKIE_PATH });
    const outcome = await this.sso.finish(unsigned?.valid ? unsigned.value : null, new URL(request.url, this.sso.redirectUri));
    if (outcome.kind === 'tested') return void reply.redirect('/admin/single-sign-on?tested=1', 303);
    if (outcome.kind === 'refused') return void reply.redirect(`/login?sso_error=${outcome.code}`, 303);
    if (outcome.kind === 'confirmation_sent') {
      if (outcome.browserNonce !== null) {
        // SameSite=Lax like the session: the link's page posts from Ripple's own origin.
        reply.setCookie(LINK_COOKIE, outcome.browserNonce, {
          httpOnly: true,
          sameSite: 'lax',
          secure: this.config.cookieSecure,
          path: LINK_COOKIE_PATH,
          maxAge: SSO_LINK_MINUTES * 60,
        });
      }
      return void reply.redirect('/sso-link', 303);
    }
    const token = await this.sessions.create(outcome.organizationId, outcome.personId, { ip: request.ip, userAgent: request.headers['user-agent'] });
    setSessionCookie(reply, token, this.config);
    reply.redirect('/', 303);
  }

  /**
   * The link mailed to a person whose account was in use, opened in the browser that started the
   * sign-in (its cookie): links it to the provider identity that asked, and signs them in.
   */
  @Post('link')
  @ApiOperation({ summary: 'Confirm linking your account to single sign-on from the mailed link, in the browser that started the sign-in, and sign in' })
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Linked and signed in (the session cookie is set)' })
  @ApiForbiddenResponse({
    description: 'Not the browser that started the sign-in (sso_link_other_browser): nothing changed, and the link still works there until it expires',
  })
  @ApiNotFoundResponse({ description: 'The link is invalid, already used, cancelled or expired, or the provider changed since' })
  async confirmLink(@Body() dto: ConfirmSsoLinkDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const who = await this.links.confirm(dto.token, request.cookies?.[LINK_COOKIE] ?? null);
    reply.clearCookie(LINK_COOKIE, { path: LINK_COOKIE_PATH });
    const token = await this.sessions.create(who.organizationId, who.personId, { ip: request.ip, userAgent: request.headers['user-agent'] });
    setSessionCookie(reply, token, this.config);
  }

  /** "I did not try to sign in": the person who got the mail ends the link unused, from any browser. */
  @Post('link/cancel')
  @ApiOperation({ summary: 'Cancel a mailed single sign-on link you did not ask for (nothing is linked)' })
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Cancelled: the link no longer works' })
  @ApiNotFoundResponse({ description: 'The link is invalid, already used, cancelled or expired' })
  async cancelLink(@Body() dto: ConfirmSsoLinkDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.links.cancel(dto.token);
    reply.clearCookie(LINK_COOKIE, { path: LINK_COOKIE_PATH });
  }

  /**
   * The login token of a sign-in (or HR's test) just started. SameSite=Lax: the provider's redirect
   * back is a top-level GET from another site, which Lax lets through.
   */
  static setLoginCookie(reply: FastifyReply, token: string, config: Pick<AppConfig, 'cookieSecure'>): void {
    reply.setCookie(LOGIN_COOKIE, token, {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      path: LOGIN_COOKIE_PATH,
      maxAge: SSO_LOGIN_TTL_SECONDS,
    });
  }
}

/** HR's settings of the organisation's identity provider. */
@ApiTags('organization')
@Controller('organization/sso')
export class SsoSettingsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sso: SsoService,
  ) {}

  @Get()
  @ApiOperation({ summary: "Your organisation's single sign-on settings" })
  @Authenticated('admin')
  @ApiOkResponse({ type: SsoSettingsDto })
  get(@CurrentActor() actor: Actor): Promise<SsoSettingsDto> {
    return this.sso.settings(actor);
  }

  @Put()
  @ApiOperation({ summary: "Set your organisation's identity provider" })
  @Authenticated('admin')
  @ApiOkResponse({ type: SsoSettingsDto })
  @ApiUnprocessableEntityResponse({ description: 'A setting is not acceptable (named)' })
  save(@CurrentActor() actor: Actor, @Body() dto: UpdateSsoSettingsDto): Promise<SsoSettingsDto> {
    return this.sso.save(actor, dto);
  }

  @Delete()
  @ApiOperation({ summary: "Remove your organisation's identity provider (passwords work again)" })
  @Authenticated('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor): Promise<void> {
    return this.sso.remove(actor);
  }

  @Post('test')
  @ApiOperation({ summary: 'Start a test sign-in: the real flow, reported on the settings page instead of signing in' })
  @Authenticated('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SsoRedirectDto })
  @ApiConflictResponse({ description: 'The identity provider cannot be reached or is misconfigured (the outcome is also kept as the last test)' })
  async test(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<SsoRedirectDto> {
    const { authorizationUrl, token } = await this.sso.startTest(actor);
    SsoAuthController.setLoginCookie(reply, token, this.config);
    return { authorizationUrl };
  }
}
