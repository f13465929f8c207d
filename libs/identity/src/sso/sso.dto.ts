import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const SINGLE_LINE = /^[^\p{Cc}]*$/u;
/** A DNS name: labels of letters, digits and hyphens, at least one dot. */
export const EMAIL_DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export class SsoTestOutcomeDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'What happened, as a code (e.g. signed_in, provider_unreachable, email_unverified)' }) code: string;
  @ApiProperty({ description: 'What happened, in plain words' }) message: string;
  @ApiProperty({ type: String, nullable: true, description: 'The email address the provider answered with, if any' }) email: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class SsoSettingsDto {
  @ApiProperty({ description: 'Whether the organisation has an identity provider' }) configured: boolean;
  @ApiProperty({ description: 'The address to register at the provider as the redirect URI' }) redirectUri: string;
  @ApiProperty({ description: "The organisation's own sign-in address" }) signInUrl: string;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ type: String, nullable: true }) issuer: string | null;
  @ApiProperty({ type: String, nullable: true }) clientId: string | null;
  @ApiProperty({ description: 'A client secret is stored (it is never shown again)' }) clientSecretSet: boolean;
  @ApiProperty({ type: [String] }) allowedDomains: string[];
  @ApiProperty({ description: 'Unknown but verified addresses of an allowed domain get an account at their first sign-in' }) jitEnabled: boolean;
  @ApiProperty({ description: 'Passwords are off for everyone but the break-glass admin' }) ssoOnly: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) breakGlassPersonId: string | null;
  @ApiProperty({ type: SsoTestOutcomeDto, nullable: true, description: "The outcome of HR's last test sign-in" }) lastTest: SsoTestOutcomeDto | null;
}

export class UpdateSsoSettingsDto {
  @ApiProperty({ minLength: 1, maxLength: 60, example: 'Okta', description: 'Shown as "Continue with <name>"' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'displayName is required' })
  @MaxLength(60)
  @Matches(SINGLE_LINE, { message: 'displayName must be a single line of text' })
  displayName: string;

  @ApiProperty({ maxLength: 500, example: 'https://acme.okta.com', description: "The provider's issuer URL (https; http only on localhost)" })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'issuer is required' })
  @MaxLength(500)
  issuer: string;

  @ApiProperty({ minLength: 1, maxLength: 300 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'clientId is required' })
  @MaxLength(300)
  @Matches(SINGLE_LINE, { message: 'clientId must be a single line of text' })
  clientId: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 500, description: 'Required the first time; left out, the stored one is kept' })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'clientSecret must not be empty' })
  @MaxLength(500)
  @Matches(SINGLE_LINE, { message: 'clientSecret must be a single line of text' })
  clientSecret?: string;

  @ApiProperty({ type: [String], maxItems: 20, example: ['acme.com'], description: 'Email domains whose people may sign in through the provider' })
  @Transform(({ value }: { value: unknown }): unknown =>
    Array.isArray(value) ? value.map((d: unknown): unknown => (typeof d === 'string' ? d.trim().toLowerCase() : d)) : value,
  )
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(EMAIL_DOMAIN, { each: true, message: 'allowedDomains must be domain names such as example.com' })
  allowedDomains: string[];

  @ApiProperty() @IsBoolean() jitEnabled: boolean;
  @ApiProperty() @IsBoolean() ssoOnly: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'An HR admin who may still sign in with a password in SSO-only mode' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'breakGlassPersonId must be a person id' })
  breakGlassPersonId: string | null;
}

export class SsoProviderLookupDto {
  @ApiProperty({ type: String, nullable: true, description: 'The organisation to start signing in to (its sign-in address)' }) organization: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Shown as "Continue with <name>"' }) displayName: string | null;
}

export class SsoLookupQueryDto {
  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 63, description: "The organisation's sign-in address (its slug)" })
  @IsOptional()
  @IsString()
  @Matches(SLUG, { message: 'organization must be an organisation sign-in address' })
  organization?: string;
}

export class StartSsoDto {
  @ApiProperty({ maxLength: 63, description: "The organisation's sign-in address (its slug)" })
  @IsString()
  @Matches(SLUG, { message: 'organization must be an organisation sign-in address' })
  organization: string;
}

export class SsoRedirectDto {
  @ApiProperty({ description: "Where to send the browser: the provider's sign-in page" }) authorizationUrl: string;
}

export class ConfirmSsoLinkDto {
  @ApiProperty({ minLength: 20, maxLength: 100, description: 'The token of the mailed link' })
  @IsString()
  @MinLength(20)
  @MaxLength(100)
  token: string;
}
