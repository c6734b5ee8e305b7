/** The forecast of a process, for GET /processes/{id}/forecast, the summary roll-up and the processes view. */
import { Inject, Injectable } from '@nestjs/common';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import { stateQuery } from '../../../../libs/contracts/src/messages';
import type { ProcessView } from '../../../../libs/contracts/src/process-view';
import { forecastProcess } from '../../../../libs/forecast/src/forecast';
import type { AddSpan, AnswerSpan, Forecast } from '../../../../libs/forecast/src/types';
import { recordedCalendars, type RecordedCalendars } from '../../../../libs/monitoring/src/calendar-adapter';
import { DefinitionResolver } from '../../../../libs/monitoring/src/pinned-definition';
import { CalendarEventsStore } from '../calendars/calendar-events.store';
import { ApiError } from '../common/api-error';
import { ACCORD_CONFIG } from '../common/tokens';
import { Catalogue } from '../definitions/catalogue';
import { TemporalGateway } from '../temporal/temporal-gateway';
import { ObservedDurationsCache } from './observed-durations';

@Injectable()
export class ForecastService {
  readonly definitions: DefinitionResolver;
  /** The shipped calendars with the recorded events on top (shared with the stuck finder). */
  readonly calendars: RecordedCalendars;
  readonly addSpan: AddSpan;
  private readonly answerSpan: AnswerSpan;
  private readonly observed: ObservedDurationsCache;

  constructor(
    @Inject(ACCORD_CONFIG) private readonly config: AccordConfig,
    private readonly gateway: TemporalGateway,
    catalogue: Catalogue,
    calendarEvents: CalendarEventsStore,
  ) {
    // The shipped calendars with the recorded events on top, as the computeDues activity counts them; a store
    // that does not answer leaves the events last read.
    this.calendars = recordedCalendars(config, calendarEvents, 'keep-last');
    ({ addSpan: this.addSpan, answerSpan: this.answerSpan } = this.calendars);
    this.observed = new ObservedDurationsCache(gateway, config.dayLengthMs);
    this.definitions = new DefinitionResolver(gateway.client, (id, version) =>
      catalogue.getDefinition(id, version),
    );
  }

  async forProcess(id: string): Promise<Forecast> {
    return this.forView(await this.gateway.query(id, stateQuery));
  }

  /** For callers that already hold the view (e.g. the processes service adding `forecast` to GET /processes/{id}). */
  async forView(view: ProcessView, now = new Date()): Promise<Forecast> {
    const definition = await this.definitions.of(view);
    if (!definition) {
      throw new ApiError(
        409,
        `The definition ${view.definitionId} v${view.definitionVersion} of "${view.id}" is not available`,
        undefined,
        'CONFLICT',
      );
    }
    await this.calendars.refresh();
    return forecastProcess({
      view,
      definition,
      now,
      addSpan: this.addSpan,
      answerSpan: this.answerSpan,
      dayLengthMs: this.config.dayLengthMs,
      // Only for a running process: a closed one answers its closing date.
      observed: view.status === 'running' ? await this.observed.of(view.definitionId) : undefined,
    });
  }
}
