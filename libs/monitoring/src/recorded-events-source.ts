/**
 * The parliamentary events recorded through the API (POST /calendars/events), read from the calendar-events
 * workflow: the ONE reader the API (its store, the forecast, GET /monitoring/stuck) and the worker (the computeDues
 * activity, the daily digest) use, so every due time and every idle threshold counts the same calendars.
 */
import { QueryNotRegisteredError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  CALENDAR_EVENTS_WORKFLOW_ID,
  calendarEventsQuery,
  type CalendarEvent,
} from '../../contracts/src/calendar-events';

/** The events as one Query reads them, with a deadline. No workflow yet (or a refused one) means nothing recorded. */
export function calendarEventsReader(client: Client, timeoutMs: number): () => Promise<CalendarEvent[]> {
  return async () => {
    try {
      return await client.connection.withDeadline(Date.now() + timeoutMs, () =>
        client.workflow.getHandle(CALENDAR_EVENTS_WORKFLOW_ID).query(calendarEventsQuery),
      );
    } catch (err) {
      // Not started, or a start the worker refused (no proof of the API: workflows/interceptors.ts).
      if (err instanceof WorkflowNotFoundError || err instanceof QueryNotRegisteredError) return [];
      throw err;
    }
  };
}

/** Recorded events with a short cache: `cached()` for synchronous callers, `list()` to bring them up to date. */
export interface RecordedEventsSource {
  /** The events as last read (empty before the first read). */
  cached(): readonly CalendarEvent[];
  /** The events, read again when the last read is older than `maxAgeMs` (a failed read throws). */
  list(maxAgeMs?: number): Promise<readonly CalendarEvent[]>;
}

export function cachedRecordedEvents(
  read: () => Promise<readonly CalendarEvent[]>,
  cacheMs: number,
): RecordedEventsSource {
  let events: readonly CalendarEvent[] = [];
  let readAt = 0;
  return {
    cached: () => events,
    async list(maxAgeMs = cacheMs) {
      if (readAt > 0 && maxAgeMs > 0 && Date.now() - readAt <= maxAgeMs) return events;
      const fresh = await read();
      // A new array only when the content changed, so calendars built on it are rebuilt only then.
      if (JSON.stringify(fresh) !== JSON.stringify(events)) events = fresh;
      readAt = Date.now();
      return events;
    },
  };
}
