/**
 * Liveness and Temporal reachability: 503 when the Temporal frontend does not answer. Public, so it never
 * echoes an internal error: the details go to the log.
 */
import { Controller, Get, Inject, Logger } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import { Public } from '../auth/public.decorator';
import { TEMPORAL_CLIENT } from '../common/tokens';
import { NotRateLimited } from '../rate-limit/rate-limit.guards';

export const HEALTH_TIMEOUT_MS = 2000;

@ApiTags('health')
@NotRateLimited()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Health: Temporal reachability (503 when down)' })
  @ApiOkResponse({
    description: 'Temporal reachable',
    schema: {
      example: {
        status: 'ok',
        info: { temporal: { status: 'up', namespace: 'default' } },
        error: {},
        details: {},
      },
    },
  })
  @ApiServiceUnavailableResponse({
    description: 'Temporal unreachable',
    schema: {
      example: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Unhealthy: temporal down',
        status: 'error',
        checks: { temporal: { status: 'down' } },
      },
    },
  })
  check() {
    return this.health.check([() => this.temporal()]);
  }

  private async temporal() {
    const session = this.indicators.check('temporal');
    try {
      await this.client.connection.withDeadline(Date.now() + HEALTH_TIMEOUT_MS, () =>
        this.client.workflowService.getSystemInfo({}),
      );
      return session.up({ namespace: this.client.options.namespace });
    } catch (err) {
      // The error (addresses, TLS and gRPC details) goes to the log; /health is public, so it says only
      // what an operator's probe needs.
      this.logger.warn({ err }, 'health: Temporal did not answer');
      return session.down({ message: `Temporal did not answer within ${HEALTH_TIMEOUT_MS} ms` });
    }
  }
}
