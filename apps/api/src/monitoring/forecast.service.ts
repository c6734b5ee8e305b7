/** The forecast of a process, for GET /processes/{id}/forecast, the summary roll-up and the processes view. */
import { Injectable } from '@nestjs/common';
import type { ProcessView } from '../../../../libs/contracts/src/process-view';
import { forecastProcess } from '../../../../libs/forecast/src/forecast';
import type { Forecast } from '../../../../libs/forecast/src/types';
import { ApiError } from '../common/api-error';
import { MonitoringContext } from './monitoring.context';

@Injectable()
export class ForecastService {
  constructor(private readonly ctx: MonitoringContext) {}

  async forProcess(id: string): Promise<Forecast> {
    return this.forView(await this.ctx.processes.get(id));
  }

  /** For callers that already hold the view (e.g. the processes service adding `forecast` to GET /processes/{id}). */
  async forView(view: ProcessView, now = new Date()): Promise<Forecast> {
    const definition = await this.ctx.definitions.of(view);
    if (!definition) {
      throw new ApiError(
        409,
        `The definition ${view.definitionId} v${view.definitionVersion} of "${view.id}" is not available`,
        undefined,
        'CONFLICT',
      );
    }
    return forecastProcess({
      view,
      definition,
      now,
      addSpan: this.ctx.addSpan,
      dayLengthMs: this.ctx.config.dayLengthMs,
    });
  }
}
