/**
 * Reads the events recorded through the API from the calendar-events workflow, with a deadline: a due time
 * is never held up longer than this on them. No workflow yet means nothing recorded.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  CALENDAR_EVENTS_WORKFLOW_ID,
  calendarEventsQuery,
  type CalendarEvent,
} from '../libs/contracts/src/calendar-events';

export const CALENDAR_EVENTS_QUERY_TIMEOUT_MS = 3_000;

export function calendarEventsReader(client: Client): () => Promise<CalendarEvent[]> {
  return async () => {
    try {
      return await client.connection.withDeadline(Date.now() + CALENDAR_EVENTS_QUERY_TIMEOUT_MS, () =>
        client.workflow.getHandle(CALENDAR_EVENTS_WORKFLOW_ID).query(calendarEventsQuery),
      );
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return [];
      throw err;
    }
  };
}
