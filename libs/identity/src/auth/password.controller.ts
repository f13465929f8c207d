import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, Authenticated, CurrentActor, Public } from '@lib/common';
import {
  ChangeEmailDto,
  ChangePasswordDto,
  ConfirmEmailChangeDto,
  EmailChangedDto,
  EmailChangeRequestedDto,
  CheckPasswordResetDto,
  CompletePasswordResetDto,
  PasswordResetInfoDto,
  PasswordResetRequestedDto,
  RequestPasswordResetDto,
} from './auth.dto';
import { EmailChangeService } from './email-change.service';
import { PasswordChangeService } from './password-change.service';
import { PasswordResetService, RESET_REQUESTED_MESSAGE } from './password-reset.service';

/**
 * Recovering a forgotten password (public: the person cannot sign in) and changing one's own.
 * Reset tokens travel in request bodies, never in a URL the access log keeps.
 */
@ApiTags('auth')
@Controller('auth')
export class PasswordController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly changes: PasswordChangeService,
    private readonly emails: EmailChangeService,
  ) {}

  @Post('password-reset')
  @ApiOperation({ summary: 'Ask for a password reset link' })
  @Public()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: PasswordResetRequestedDto, description: 'The same answer whether or not the address has an account' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests for this address or from this network (Retry-After says when to come back)' })
  async requestReset(@Body() dto: RequestPasswordResetDto, @Req() request: FastifyRequest): Promise<PasswordResetRequestedDto> {
    await this.resets.request(dto.email, request.ip);
    return { message: RESET_REQUESTED_MESSAGE };
  }

  @Post('password-reset/check')
  @ApiOperation({ summary: 'Check a password reset link' })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: PasswordResetInfoDto })
  @ApiNotFoundResponse({ description: 'The link is invalid, already used or expired' })
  checkReset(@Body() dto: CheckPasswordResetDto): Promise<PasswordResetInfoDto> {
    return this.resets.describe(dto.token);
  }

  @Post('password-reset/complete')
  @ApiOperation({ summary: 'Set a new password from a reset link' })
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password set; every session of the person has ended' })
  @ApiNotFoundResponse({ description: 'The link is invalid, already used or expired' })
  completeReset(@Body() dto: CompletePasswordResetDto, @Req() request: FastifyRequest): Promise<void> {
    return this.resets.complete(dto.token, dto.password, request.ip);
  }

  @Post('password')
  @ApiOperation({ summary: 'Change your own password' })
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed; every other session of the person has ended' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords for this account or network' })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Req() request: FastifyRequest): Promise<void> {
    return this.changes.change(actor, dto.currentPassword, dto.newPassword, request.ip);
  }

  @Post('email')
  @ApiOperation({ summary: 'Change your own sign-in email (confirmed by a link sent to the new address)' })
  @Authenticated()
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: EmailChangeRequestedDto,
    description:
      'The same answer whether or not someone in the organisation already uses the new address: a confirmation link goes there only when nobody does (else a notice to its owner), and a notice to the current address',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords for this account or network' })
  async changeEmail(@CurrentActor() actor: Actor, @Body() dto: ChangeEmailDto, @Req() request: FastifyRequest): Promise<EmailChangeRequestedDto> {
    await this.emails.request(actor, dto.currentPassword, dto.newEmail, request.ip);
    return {
      message: `Check ${dto.newEmail} for a confirmation link: your sign-in address changes when you open it. If none arrives, that address cannot be used.`,
    };
  }

  @Post('email/confirm')
  @ApiOperation({ summary: 'Confirm an email change from its link' })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: EmailChangedDto, description: 'The address changed; every other session of the person has ended' })
  @ApiNotFoundResponse({ description: 'The link is invalid, already used or expired' })
  @ApiConflictResponse({ description: 'Someone took the address in the meantime' })
  confirmEmail(@Body() dto: ConfirmEmailChangeDto, @Req() request: FastifyRequest): Promise<EmailChangedDto> {
    return this.emails.confirm(dto.token, request.ip);
  }
}
