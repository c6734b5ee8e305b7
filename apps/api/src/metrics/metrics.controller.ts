/** GET /metrics: Prometheus text exposition, public unless ACCORD_METRICS_TOKEN is set. */
import { Controller, Get, Headers, Inject, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Public } from '../auth/public.decorator';
import { ErrorResponseDto } from '../common/error-response.dto';
import { metricsTokenAccepted } from './metrics-token';
import { MetricsService } from './metrics.service';
import { NotRateLimited } from '../rate-limit/rate-limit.guards';

export const METRICS_TOKEN = Symbol('METRICS_TOKEN');

@ApiTags('metrics')
@NotRateLimited()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(METRICS_TOKEN) private readonly token: string | undefined,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'Default Node.js metrics, HTTP request durations (accord_http_request_duration_seconds by method, route ' +
      'template, status code) and business counters (processes started, decisions, completions, coordinator ' +
      'actions). Public unless ACCORD_METRICS_TOKEN is set: then `Authorization: Bearer <that token>`.',
  })
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4',
    content: {
      'text/plain': { schema: { type: 'string', example: '# HELP accord_processes_started_total ...' } },
    },
  })
  @ApiUnauthorizedResponse({
    description: 'ACCORD_METRICS_TOKEN is set and the bearer token differs',
    type: ErrorResponseDto,
  })
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<string> {
    if (!metricsTokenAccepted(this.token, authorization)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('Metrics need Authorization: Bearer <ACCORD_METRICS_TOKEN>');
    }
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
