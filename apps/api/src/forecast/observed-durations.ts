/**
 * How long each step actually took in completed processes of a definition: the median per step over the
 * latest completed processes (bounded: OBSERVED_SAMPLE processes, one state Query each, cached per definition
 * for OBSERVED_TTL_MS), for forecasts to prefer over the definition's `typically` once there are enough.
 */
import type { ProcessView } from '../../../../libs/contracts/src/process-view';
import { observedDurations } from '../../../../libs/forecast/src/observed';
import { stateQuery } from '../../../../libs/contracts/src/messages';
import { SA } from '../../../../libs/contracts/src/search-attributes';
import { MIN_OBSERVED } from '../../../../libs/forecast/src/forecast';
import type { ObservedDurations } from '../../../../libs/forecast/src/types';
import { clauses, type TemporalGateway } from '../temporal/temporal-gateway';

export const OBSERVED_SAMPLE = 20;
export const OBSERVED_TTL_MS = 60_000;
/** While fewer than MIN_OBSERVED processes have completed, each new one matters: look again sooner. */
export const FEW_OBSERVED_TTL_MS = 5_000;
const QUERY_MS = 2_000;
const CACHE_MAX = 200;

export class ObservedDurationsCache {
  private readonly cache = new Map<string, { until: number; value: Promise<ObservedDurations> }>();

  constructor(
    private readonly gateway: TemporalGateway,
    private readonly dayLengthMs: number,
  ) {}

  of(definitionId: string): Promise<ObservedDurations> {
    const hit = this.cache.get(definitionId);
    if (hit && Date.now() < hit.until) return hit.value;
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    const entry = {
      until: Date.now() + FEW_OBSERVED_TTL_MS,
      value: Promise.resolve({} as ObservedDurations),
    };
    entry.value = this.load(definitionId).then(
      ({ observed, processes }) => {
        if (processes >= MIN_OBSERVED) entry.until = Date.now() + OBSERVED_TTL_MS;
        return observed;
      },
      () => ({}),
    );
    this.cache.set(definitionId, entry);
    return entry.value;
  }

  private async load(definitionId: string): Promise<{ observed: ObservedDurations; processes: number }> {
    const query =
      `${clauses.processes} AND ${SA.definitionId.name} = ${clauses.quote(definitionId)} ` +
      `AND ${SA.status.name} = 'completed'`;
    const page = await this.gateway.list(query, OBSERVED_SAMPLE);
    const views = await Promise.all(
      page.items.map((i) => this.gateway.tryQuery(i.workflowId, stateQuery, QUERY_MS)),
    );
    const answered = views.filter((v): v is ProcessView => v !== null);
    return { observed: observedDurations(answered, this.dayLengthMs), processes: answered.length };
  }
}
