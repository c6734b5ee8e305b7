/** The API's metrics (AccordMetrics) as a Nest provider; its registry is cleared when the app closes. */
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AccordMetrics } from './accord-metrics';

export { UNMATCHED_ROUTE, outcomeOf, type CoordinatorAction } from './accord-metrics';

@Injectable()
export class MetricsService extends AccordMetrics implements OnModuleDestroy {
  onModuleDestroy(): void {
    this.close();
  }
}
