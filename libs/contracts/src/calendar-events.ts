/**
 * Parliamentary events a coordinator or an operator records through the API (POST /api/v1/calendars/events):
 * a prorogation or dissolution of the House of Commons, a session or a dissolution of the National Diet. They
 * are kept durably in one long-running workflow (workflows/calendar-events.workflow.ts), read by the computeDues
 * activity and by the forecast on top of the shipped calendars, and running processes recompute the due times
 * counted in that chamber's days when one is recorded or removed.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Party } from './definition';

export const CALENDAR_EVENTS_WORKFLOW_TYPE = 'calendarEventsWorkflow';
export const CALENDAR_EVENTS_WORKFLOW_ID = 'accord-calendar-events';
/** The most events kept (state stays bounded): older ones belong in the shipped data, by a commit. */
export const MAX_CALENDAR_EVENTS = 100;

export type Chamber = 'house-of-commons' | 'diet';
export type CalendarEventKind = 'prorogation' | 'dissolution' | 'session';
export type DietSessionKindInput = 'ordinary' | 'extraordinary' | 'special';

/** Which chamber belongs to which party: who may record it, whose coordinator. */
export const CHAMBER_PARTY: Record<Chamber, Party> = { 'house-of-commons': 'CA', diet: 'JP' };

export interface CalendarEventInput {
  chamber: Chamber;
  /**
   * House of Commons: `prorogation` or `dissolution` (no sitting day from `from` to `to`, inclusive).
   * Diet: `session` (convened `from`, closed `to`, of `sessionKind`) or `dissolution` of the House of
   * Representatives on `from` (the session in progress closes that day).
   */
  kind: CalendarEventKind;
  from: string;
  to?: string;
  sessionKind?: DietSessionKindInput;
  /** Where it was published (a proclamation, the Journals, the Official Gazette, a news report). */
  source: string;
}

export interface CalendarEvent extends CalendarEventInput {
  id: string;
  recordedBy: { sub: string; name: string; party: Party };
  recordedAt: string;
}

export const recordCalendarEventUpdate = defineUpdate<CalendarEvent, [CalendarEvent]>('recordCalendarEvent');
/** Returns the removed event, or null if there was none with that id. */
export const removeCalendarEventUpdate = defineUpdate<CalendarEvent | null, [{ id: string }]>(
  'removeCalendarEvent',
);
export const calendarEventsQuery = defineQuery<CalendarEvent[]>('calendarEvents');

/**
 * Sent to running processes when a chamber's calendar changed: active steps whose due time counts that
 * chamber's days (sitting-days for the House of Commons, diet-days for the Diet) compute it again.
 */
export const calendarChangedSignal = defineSignal<[{ chamber: Chamber }]>('calendarChanged');
