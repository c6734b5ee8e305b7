/**
 * Stores the parliamentary events recorded through the API (see libs/contracts/src/calendar-events.ts). One
 * instance per namespace, started by the API with update-with-start; bounded (MAX_CALENDAR_EVENTS, checked
 * again here so no caller can grow it); the history is kept short with continue-as-new.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  calendarEventsQuery,
  MAX_CALENDAR_EVENTS,
  recordCalendarEventUpdate,
  removeCalendarEventUpdate,
  type CalendarEvent,
} from '../libs/contracts/src/calendar-events';

const MAX_CHANGES_PER_RUN = 500;

export async function calendarEventsWorkflow(
  state: { events: CalendarEvent[] } = { events: [] },
): Promise<void> {
  let events: CalendarEvent[] = [...(state?.events ?? [])];
  let changes = 0;

  setHandler(calendarEventsQuery, () => events);
  setHandler(
    recordCalendarEventUpdate,
    (ev: CalendarEvent) => {
      events = [...events.filter((x) => x.id !== ev.id), ev];
      changes++;
      return ev;
    },
    {
      validator: (ev: CalendarEvent) => {
        if (!ev || typeof ev.id !== 'string' || !ev.chamber || !ev.kind || typeof ev.from !== 'string')
          throw new Error('invalid calendar event');
        if (!events.some((x) => x.id === ev.id) && events.length >= MAX_CALENDAR_EVENTS)
          throw new Error(`at most ${MAX_CALENDAR_EVENTS} recorded calendar events`);
      },
    },
  );
  setHandler(
    removeCalendarEventUpdate,
    ({ id }) => {
      const found = events.find((x) => x.id === id) ?? null;
      events = events.filter((x) => x.id !== id);
      changes++;
      return found;
    },
    // No check of its own, but the SDK runs the validation interceptors (the API's proof,
    // workflows/interceptors.ts) only for an Update that has a validator.
    { validator: (_input: { id: string }) => undefined },
  );

  await condition(() => changes >= MAX_CHANGES_PER_RUN || workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  await continueAsNew<typeof calendarEventsWorkflow>({ events });
}
