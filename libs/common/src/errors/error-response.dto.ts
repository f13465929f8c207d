import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The body of every 4xx and 5xx answer (AllExceptionsFilter writes it); named in the OpenAPI document. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request', description: 'The HTTP status text' })
  error: string;

  @ApiProperty({ example: 'name must be shorter than or equal to 200 characters', description: 'Readable, for people' })
  message: string;

  @ApiPropertyOptional({ example: 'invalid_value', description: 'A stable code, for programs' })
  code?: string;

  @ApiPropertyOptional({ description: 'Field-level details (e.g. one entry per invalid field), when the error has them' })
  errors?: unknown;

  @ApiPropertyOptional({ description: 'The correlation id of a 500, to find it in the server log' })
  requestId?: string;
}
