import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

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
  @ApiProperty()
  @IsString()
  @MinLength(20)
  @MaxLength(100)
  token: string;

  @ApiProperty({ minLength: 10, maxLength: 200, description: 'At least 10 characters' })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters long' })
  @MaxLength(200)
  password: string;
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
