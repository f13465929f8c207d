import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { MeDto } from '../people/person.dto';

/** The password rule, one home for every way of setting one (invitation, reset, change). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
const NewPassword = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, description: `At least ${MIN_PASSWORD_LENGTH} characters` }),
    IsString(),
    MinLength(MIN_PASSWORD_LENGTH, { message: `$property must be at least ${MIN_PASSWORD_LENGTH} characters long` }),
    MaxLength(MAX_PASSWORD_LENGTH),
  );

/** A token from a mailed link (64 base64url characters today: the organisation and a secret, see tokens.ts). */
const LinkToken = (): PropertyDecorator => applyDecorators(ApiProperty({ minLength: 20, maxLength: 100 }), IsString(), MinLength(20), MaxLength(100));

export class LoginDto {
  @ApiProperty({ example: 'hr@museum.example' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(200)
  password: string;
}

export class AcceptInvitationDto {
  @LinkToken()
  token: string;

  @NewPassword()
  password: string;
}

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'hr@museum.example', maxLength: 254 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetRequestedDto {
  @ApiProperty({ description: 'The same for every address, known or not' }) message: string;
}

export class CheckPasswordResetDto {
  @LinkToken()
  token: string;
}

export class PasswordResetInfoDto {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() organizationName: string;
}

export class CompletePasswordResetDto {
  @LinkToken()
  token: string;

  @NewPassword()
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @MinLength(1, { message: 'currentPassword is required' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @NewPassword()
  newPassword: string;
}

export class CsrfTokenDto {
  @ApiProperty({ description: 'Send back in the x-csrf-token header on every POST, PUT, PATCH and DELETE' })
  token: string;
}

export class InvitationInfoDto {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() organizationName: string;
}

export class ChangeEmailDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @MinLength(1, { message: 'currentPassword is required' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @ApiProperty({ example: 'me@museum.example', maxLength: 254 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'newEmail must be a valid email address' })
  @MaxLength(254)
  newEmail: string;
}

export class EmailChangeRequestedDto {
  @ApiProperty() message: string;
}

export class ConfirmEmailChangeDto {
  @LinkToken()
  token: string;
}

export class EmailChangedDto {
  @ApiProperty({ description: 'The address the person signs in with from now on' }) email: string;
}

export class SessionStateDto {
  @ApiProperty({ type: MeDto, nullable: true, description: 'The signed-in person, or null without a valid session' })
  me: MeDto | null;
}
