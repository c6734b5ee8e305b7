/**
 * What every resource module shares: the settings, the definitions catalogue, the Temporal gateway and the
 * recorded calendar events (calendars and forecasts).
 * Global, so resource modules import each other only for what they really use (no cycles, no ModuleRef).
 */
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import { CalendarEventsStore } from '../calendars/calendar-events.store';
import { ACCORD_CONFIG } from '../common/tokens';
import { Catalogue } from '../definitions/catalogue';
import { TemporalGateway } from './temporal-gateway';

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AccordConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: ACCORD_CONFIG, useValue: config },
        Catalogue,
        TemporalGateway,
        CalendarEventsStore,
      ],
      exports: [ACCORD_CONFIG, Catalogue, TemporalGateway, CalendarEventsStore],
    };
  }
}
