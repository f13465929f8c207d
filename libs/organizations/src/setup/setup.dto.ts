import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SINGLE_LINE } from '../settings/organization.dto';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class SetupStatusDto {
  @ApiProperty({ description: 'True until the first organisation exists; false for good after (setting up again answers 410)' }) pending: boolean;
}

export class CompleteSetupDto {
  @ApiProperty({ example: '7KQM-X2CD-PH9W', description: "The one-time code printed in the server's console" })
  @IsString()
  @MinLength(1, { message: 'code is required' })
  @MaxLength(40)
  code: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'organizationName is required' })
  @MaxLength(200)
  @Matches(SINGLE_LINE, { message: 'organizationName must be a single line of text' })
  organizationName: string;

  @ApiProperty({ minLength: 1, maxLength: 200, description: "The first HR admin's name" })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(200)
  @Matches(SINGLE_LINE, { message: 'name must be a single line of text' })
  name: string;

  @ApiProperty({ maxLength: 254 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 200, description: 'At least 10 characters' })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters long' })
  @MaxLength(200)
  password: string;
}
