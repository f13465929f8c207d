import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateScimTokenDto {
  @ApiProperty({ maxLength: 100, description: 'What the token is for, e.g. the identity provider', example: 'Okta' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(100)
  name: string;
}

export class ScimTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When an identity provider last called with it' }) lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}

export class CreatedScimTokenDto extends ScimTokenDto {
  @ApiProperty({ description: 'The bearer token, shown this once: only its hash is kept' }) token: string;
}

export class ScimTokenListDto {
  @ApiProperty({ description: "The SCIM base URL to give the identity provider (Okta's SCIM connector base URL, Entra ID's tenant URL)" })
  baseUrl: string;
  @ApiProperty({ type: [ScimTokenDto] }) items: ScimTokenDto[];
}
