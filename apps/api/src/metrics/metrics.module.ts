/**
 * Operator metrics: GET /metrics and MetricsService (the HTTP timing middleware is installed by
 * app.factory.ts). Global, so the processes and monitoring features count their actions by injecting
 * MetricsService.
 */
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { METRICS_TOKEN, MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Global()
@Module({})
export class MetricsModule {
  static forRoot(options: { token?: string }): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [MetricsService, { provide: METRICS_TOKEN, useValue: options.token }],
      exports: [MetricsService],
    };
  }
}
