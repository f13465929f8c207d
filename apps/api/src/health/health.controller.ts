import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ErrorResponseDto, Public } from '@lib/common';
import { ShutdownState } from './shutdown-state';

/** How long the database may take to answer `SELECT 1` before the instance counts as not ready. */
const DATABASE_PING_TIMEOUT_MS = 1_500;

class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] }) status: string;
  @ApiPropertyOptional({ description: 'Why the check is down' }) message?: string;
  @ApiPropertyOptional({ description: 'How long the check took (ms)' }) responseTime?: number;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: string;
  @ApiProperty({
    description: 'Every check, by name (`database`, `shutdown`)',
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(HealthIndicatorDto) },
  })
  details: Record<string, HealthIndicatorDto>;
}

@ApiTags('health')
@ApiExtraModels(HealthIndicatorDto)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly shutdown: ShutdownState,
  ) {}

  /** The process is up (for restarts): no dependency is asked, so an outage restarts nothing. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthDto })
  async live(): Promise<HealthDto> {
    return this.toDto(await this.health.check([]));
  }

  /** The process can serve (for load balancers): the database answers and the instance is not shutting down. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the process can serve (the database answers, not shutting down)' })
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer, or the instance is shutting down', type: ErrorResponseDto })
  async ready(): Promise<HealthDto> {
    const checks = this.health.check([
      () => {
        const check = this.indicators.check('shutdown');
        return this.shutdown.shuttingDown ? check.down('shutting down') : check.up();
      },
      () => this.database.pingCheck('database', { timeout: DATABASE_PING_TIMEOUT_MS }),
    ]);
    try {
      return this.toDto(await checks);
    } catch (error) {
      // Terminus answers 503 with its whole result; the error body says which check failed.
      const failed = error instanceof ServiceUnavailableException ? (error.getResponse() as Partial<HealthCheckResult>).error : undefined;
      if (!failed) throw error;
      throw new ServiceUnavailableException(failed.shutdown ? 'This instance is shutting down' : 'The database does not answer');
    }
  }

  private toDto(result: { status: string; details: object }): HealthDto {
    return { status: result.status, details: result.details as Record<string, HealthIndicatorDto> };
  }
}
