import { Module } from '@nestjs/common';
import { DelegationsModule } from '../delegations/delegations.module';
import { ForecastModule } from '../forecast/forecast.module';
import { ProcessesController } from './processes.controller';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import { CalendarEventsStore } from '../calendars/calendar-events.store';
import { ACCORD_CONFIG } from '../common/tokens';
import { createFirstSettle, FIRST_SETTLE } from './first-settle';
import { ProcessesService } from './processes.service';

/** /processes: start, list, read, decide, complete, cancel, deadlines, waivers. */
@Module({
  imports: [DelegationsModule, ForecastModule],
  controllers: [ProcessesController],
  providers: [
    ProcessesService,
    {
      provide: FIRST_SETTLE,
      useFactory: (config: AccordConfig, events: CalendarEventsStore) =>
        createFirstSettle(config, (maxAgeMs) => events.list(maxAgeMs)),
      inject: [ACCORD_CONFIG, CalendarEventsStore],
    },
  ],
  exports: [ProcessesService],
})
export class ProcessesModule {}
