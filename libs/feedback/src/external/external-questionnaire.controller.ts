import { Body, Controller, Get, HttpCode, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Public } from '@lib/common';
import { DraftDto, SubmitDto } from '../responses/response.dto';
import {
  ExternalDraftSavedDto,
  ExternalQuestionnaireDto,
  ExternalQuestionnaireQueryDto,
  ExternalSessionDto,
  ExternalSubmissionDto,
  OpenExternalLinkDto,
} from './external-rater.dto';
import { ExternalQuestionnaireService } from './external-questionnaire.service';
import { EXTERNAL_ACCESS_HOURS } from './external-rules';

/** The external rater's credential: sent only to these routes, and read by nothing else (the session guard knows only the session cookie). */
export const EXTERNAL_COOKIE = 'ripple_external';
const COOKIE_PATH = '/api/external';

/**
 * The only routes an external rater reaches. Public as far as sessions go: each reads the
 * external credential itself, and it opens one questionnaire.
 */
@ApiTags('external questionnaire')
@Controller('external')
export class ExternalQuestionnaireController {
  constructor(
    private readonly questionnaires: ExternalQuestionnaireService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('open')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a mailed link for access to its one questionnaire, in this browser; the link is then spent' })
  @ApiOkResponse({ type: ExternalSessionDto })
  @ApiNotFoundResponse({ description: 'The link is invalid, already used or expired' })
  @ApiTooManyRequestsResponse({ description: 'Too many refused links from this network or at this organisation (Retry-After says when to come back)' })
  async open(@Body() dto: OpenExternalLinkDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ExternalSessionDto> {
    const { access, expiresAt } = await this.questionnaires.open(dto.token, request.ip);
    reply.setCookie(EXTERNAL_COOKIE, access, {
      signed: true,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: COOKIE_PATH,
      maxAge: EXTERNAL_ACCESS_HOURS * 3600,
    });
    return { expiresAt };
  }

  @Get('questionnaire')
  @Public()
  @ApiOperation({ summary: "The external rater's questionnaire, with their saved draft, in the language they were invited in (or the one asked for)" })
  @ApiOkResponse({ type: ExternalQuestionnaireDto })
  @ApiUnauthorizedResponse({ description: 'No open questionnaire in this browser' })
  get(@Req() request: FastifyRequest, @Query() query: ExternalQuestionnaireQueryDto): Promise<ExternalQuestionnaireDto> {
    return this.questionnaires.questionnaire(credential(request), query.language);
  }

  @Put('questionnaire/draft')
  @Public()
  @ApiOperation({ summary: "Replace the external rater's draft (autosave)" })
  @ApiOkResponse({ type: ExternalDraftSavedDto })
  @ApiUnauthorizedResponse({ description: 'No open questionnaire in this browser' })
  @ApiUnprocessableEntityResponse({ description: 'A question id not of this questionnaire' })
  saveDraft(@Req() request: FastifyRequest, @Body() dto: DraftDto): Promise<ExternalDraftSavedDto> {
    return this.questionnaires.saveDraft(credential(request), dto);
  }

  @Post('questionnaire/submit')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit, once; access ends with it' })
  @ApiOkResponse({ type: ExternalSubmissionDto })
  @ApiUnauthorizedResponse({ description: 'No open questionnaire in this browser (or already submitted)' })
  @ApiUnprocessableEntityResponse({ description: 'Unanswered statements or unknown question ids' })
  async submit(@Req() request: FastifyRequest, @Body() dto: SubmitDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ExternalSubmissionDto> {
    const result = await this.questionnaires.submit(credential(request), dto);
    reply.clearCookie(EXTERNAL_COOKIE, { path: COOKIE_PATH });
    return result;
  }
}

function credential(request: FastifyRequest): string | undefined {
  const raw = request.cookies?.[EXTERNAL_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}
