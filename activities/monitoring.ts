/**
 * Activities of the daily digest: find the processes that became stuck since the previous run, with the same
 * StuckFinder the API uses (libs/monitoring). Sending goes through the engine's `notify` activity.
 */
import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AccordConfig } from '../libs/config/src/accord-config';
import type { Party } from '../libs/contracts/src/definition';
import { getDefinition, listDefinitions } from '../libs/definitions/src';
import { usersWithRole } from '../libs/directory/src/directory';
import { recordedCalendars } from '../libs/monitoring/src/calendar-adapter';
import { loadMonitoringConfig } from '../libs/monitoring/src/monitoring-config';
import { cachedRecordedEvents, calendarEventsReader } from '../libs/monitoring/src/recorded-events-source';
import { StuckFinder } from '../libs/monitoring/src/stuck-finder';
import type { StuckItem } from '../libs/monitoring/src/types';

export interface FindNewlyStuckInput {
  /** Items that became stuck at or after this time (the previous run's scheduled time). */
  sinceIso: string;
  /** At most this many items in the answer (the count stays exact). Default 50. */
  limit?: number;
}

export interface NewlyStuck {
  total: number;
  byReason: Record<string, number>;
  items: Array<
    Pick<StuckItem, 'processId' | 'title' | 'stepId' | 'stepTitle' | 'reason' | 'since' | 'detail'> & {
      waitingOn: string;
    }
  >;
  scanned: number;
  truncated: boolean;
}

const RECORDED_EVENTS_TIMEOUT_MS = 5_000;
const RECORDED_EVENTS_CACHE_MS = 10_000;

export function createMonitoringActivities(deps: { config: AccordConfig; client?: Client }) {
  let finder: StuckFinder | undefined;
  const finderOf = (): StuckFinder => {
    if (!deps.client) {
      throw ApplicationFailure.create({
        type: 'MONITORING_CONFIG',
        message: 'the monitoring activities need a Temporal client',
        nonRetryable: true,
      });
    }
    const monitoring = loadMonitoringConfig();
    return (finder ??= new StuckFinder({
      client: deps.client,
      namespace: deps.client.options.namespace,
      dayLengthMs: deps.config.dayLengthMs,
      usersWithRole: (party: Party, role: string) => usersWithRole(party, role),
      listDefinitions: () => listDefinitions(),
      getDefinition: (id, version) => getDefinition(id, version) ?? undefined,
      // The events recorded through the API, read as the API's stuck list reads them; a store that does not
      // answer fails the activity, which retries (never a digest counted on the shipped calendars alone).
      calendars: recordedCalendars(
        deps.config,
        cachedRecordedEvents(
          calendarEventsReader(deps.client, RECORDED_EVENTS_TIMEOUT_MS),
          RECORDED_EVENTS_CACHE_MS,
        ),
        'throw',
      ),
      idleDefault: monitoring.idleDefault,
      // A daily batch may wait longer for answers than an HTTP request.
      limits: {
        maxProcesses: monitoring.maxProcesses,
        maxDescribes: monitoring.maxDescribes,
        queryBudgetMs: 120_000,
      },
    }));
  };

  return {
    async findNewlyStuck(input: FindNewlyStuckInput): Promise<NewlyStuck> {
      const since = new Date(input.sinceIso);
      if (Number.isNaN(since.getTime())) {
        throw ApplicationFailure.create({
          type: 'INVALID_INPUT',
          message: `sinceIso is not a date: ${input.sinceIso}`,
          nonRetryable: true,
        });
      }
      const r = await finderOf().find({ sinceAfter: since });
      const byReason: Record<string, number> = {};
      for (const i of r.items) byReason[i.reason] = (byReason[i.reason] ?? 0) + 1;
      return {
        total: r.items.length,
        byReason,
        items: r.items.slice(0, input.limit ?? 50).map((i) => ({
          processId: i.processId,
          title: i.title,
          stepId: i.stepId,
          stepTitle: i.stepTitle,
          reason: i.reason,
          since: i.since,
          detail: i.detail,
          waitingOn: i.waitingOn.party
            ? `${i.waitingOn.party} (${i.waitingOn.users.map((u) => u.name).join(', ') || i.waitingOn.roles.join(', ')})`
            : '',
        })),
        scanned: r.scanned,
        truncated: r.truncated,
      };
    },
  };
}

export type MonitoringActivities = ReturnType<typeof createMonitoringActivities>;
