/**
 * A new process's first settled view, computed in the API before the start (workflows/engine/first.ts):
 * the same engine and the same due-time calculation as the workflow's computeDues activity
 * (activities/compute-due.ts, with the configured day length and sitting calendar, and the events recorded
 * through /calendars read fresh from their store whenever a span counts parliamentary days, as the
 * activity reads them). The answers go to the workflow in `ProcessInput.firstDues`, so POST /processes
 * starts with one plain `workflow.start` and answers this view, which the workflow then holds.
 */
import type { SearchAttributePair } from '@temporalio/common';
import { createDueCalculator } from '../../../../activities/compute-due';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import type { CalendarEvent, Chamber } from '../../../../libs/contracts/src/calendar-events';
import type { FirstDues, ProcessInput } from '../../../../libs/contracts/src/messages';
import type { ProcessView } from '../../../../libs/contracts/src/process-view';
import { FORECAST_MEMO, forecastMemoOf, forecastReads } from '../../../../libs/contracts/src/forecast-memo';
import { searchAttributePairs } from '../../../../libs/contracts/src/search-attributes';
import { VIEW_MEMO, memoViewOf } from '../../../../libs/contracts/src/view-memo';
import { WITHDRAWN_MEMO, withdrawnMemoOf } from '../../../../libs/contracts/src/withdrawn-memo';
import { currentRules, processView, searchValues, settleNew } from '../../../../workflows/engine';

/** The provider's token (processes.module.ts builds it from the config and the calendar events store). */
export const FIRST_SETTLE = Symbol('FirstSettle');

export interface FirstSettle {
  /**
   * The view of `input` started at `at`, and the `firstDues` that make the workflow settle to it. Throws
   * when a due time cannot be computed here (the caller then lets the workflow compute them).
   */
  of(input: ProcessInput, at: Date): Promise<Settled>;
}

export interface Settled {
  view: ProcessView;
  firstDues: FirstDues;
  /**
   * What the workflow's first task upserts, for the start itself: the search attributes of the settled
   * state and the memo the inbox, the summary and the withdrawn notices read, so the process is listed as it is (in its holders'
   * inboxes) as soon as it is started, not once a worker ran it.
   */
  searchAttributes: SearchAttributePair[];
  memo: Record<string, unknown>;
  /**
   * When a due time counted a chamber's days on the recorded events: reads them again and names the
   * chambers whose events changed since (to be told, with `calendarChanged`, once the process is started: a
   * change recorded between the read and the start listed the running processes without this one).
   */
  changedSince: (() => Promise<Chamber[]>) | null;
}

export function createFirstSettle(
  config: Pick<AccordConfig, 'dayLengthMs' | 'sittingCalendarFile'>,
  /** The events recorded through /calendars, read from their store (`CalendarEventsStore.list`). */
  listEvents: (maxAgeMs: number) => Promise<readonly CalendarEvent[]>,
): FirstSettle {
  return {
    async of(input, at) {
      let read: readonly CalendarEvent[] | null = null;
      const due = createDueCalculator({
        dayLengthMs: config.dayLengthMs,
        sittingCalendarFile: config.sittingCalendarFile,
        // Fresh, as the activity reads them: never the cache another replica's write may have outdated.
        calendarEvents: async () => [...(read = await listEvents(0))],
      });
      const iso = at.toISOString();
      const { engine, dues } = await settleNew(
        input.definition,
        input,
        iso,
        currentRules(input.limits),
        due.computeDues,
      );
      const used = read as readonly CalendarEvent[] | null;
      const view = processView(engine);
      const forecast = forecastMemoOf(view, forecastReads(input.definition));
      // An empty list for a new process (no round restarted yet): listed with it from the start.
      const withdrawn = withdrawnMemoOf(view);
      return {
        view,
        firstDues: { at: iso, dues },
        searchAttributes: searchAttributePairs(searchValues(engine)).filter(
          (p): p is SearchAttributePair => p.value !== null,
        ),
        memo: {
          [VIEW_MEMO]: memoViewOf(view),
          ...(forecast ? { [FORECAST_MEMO]: forecast } : {}),
          ...(withdrawn ? { [WITHDRAWN_MEMO]: withdrawn } : {}),
        },
        changedSince: used && (async () => changedChambers(used, await listEvents(0))),
      };
    },
  };
}

/** The chambers whose recorded events differ between two reads. */
export function changedChambers(
  before: readonly CalendarEvent[],
  after: readonly CalendarEvent[],
): Chamber[] {
  const of = (events: readonly CalendarEvent[], c: Chamber) =>
    JSON.stringify(events.filter((e) => e.chamber === c));
  return (['house-of-commons', 'diet'] as const).filter((c) => of(before, c) !== of(after, c));
}
