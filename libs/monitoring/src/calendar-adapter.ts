/**
 * The forecast's and the idle threshold's calendars: libs/calendars computeDue with the same options the
 * computeDue activity uses (ACCORD_DAY_LENGTH, the configured sitting calendar, the events recorded through
 * the API), so a forecast agrees with the due times the engine sets.
 */
import type { AccordConfig } from '../../config/src/accord-config';
import type { CalendarEvent } from '../../contracts/src/calendar-events';
import { computeDueAnswer, type DueOptions } from '../../calendars/src/compute-due';
import { loadDietCalendar, type DietCalendar } from '../../calendars/src/diet-calendar';
import { withDietEvents, withSittingEvents } from '../../calendars/src/recorded-events';
import { loadSittingCalendar, type SittingCalendar } from '../../calendars/src/sitting-calendar';
import type { AddSpan, AnswerSpan } from '../../forecast/src/types';

export interface CalendarSpans {
  addSpan: AddSpan;
  answerSpan: AnswerSpan;
}

/**
 * `events` returns the recorded events known now (a cache the caller keeps fresh); the merged calendars are
 * rebuilt only when that list changes.
 */
export function calendarSpans(
  config: Pick<AccordConfig, 'dayLengthMs' | 'sittingCalendarFile'>,
  events: () => readonly CalendarEvent[] = () => [],
): CalendarSpans {
  let merged: { events: readonly CalendarEvent[]; sitting: SittingCalendar; diet: DietCalendar } | undefined;
  const calendars = () => {
    const now = events();
    if (!merged || merged.events !== now) {
      merged = {
        events: now,
        sitting: withSittingEvents(loadSittingCalendar(config.sittingCalendarFile), now),
        diet: withDietEvents(loadDietCalendar(), now),
      };
    }
    return merged;
  };
  const answerSpan: AnswerSpan = (from, span) => {
    const options: DueOptions = { dayLengthMs: config.dayLengthMs };
    if (span.unit === 'sitting-days') options.sittingCalendar = calendars().sitting;
    if (span.unit === 'diet-days') options.dietCalendar = calendars().diet;
    return computeDueAnswer(from, span, options);
  };
  return { answerSpan, addSpan: (from, span) => answerSpan(from, span).due };
}

export function calendarAddSpan(config: Pick<AccordConfig, 'dayLengthMs' | 'sittingCalendarFile'>): AddSpan {
  return calendarSpans(config).addSpan;
}
