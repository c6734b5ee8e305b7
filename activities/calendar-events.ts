/**
 * The computeDues activity reads the events recorded through the API fresh on every call that needs them, with
 * a deadline: a due time is never held up longer than this on them (libs/monitoring's shared reader).
 */
import type { Client } from '@temporalio/client';
import type { CalendarEvent } from '../libs/contracts/src/calendar-events';
import { calendarEventsReader as readerWithDeadline } from '../libs/monitoring/src/recorded-events-source';

export const CALENDAR_EVENTS_QUERY_TIMEOUT_MS = 3_000;

export function calendarEventsReader(client: Client): () => Promise<CalendarEvent[]> {
  return readerWithDeadline(client, CALENDAR_EVENTS_QUERY_TIMEOUT_MS);
}
