/**
 * The forecast's and the idle threshold's calendars: libs/calendars computeDue with the same options the
 * computeDue activity uses (ACCORD_DAY_LENGTH, the configured sitting calendar, the events recorded through
 * the API), so a forecast agrees with the due times the engine sets, and the API's stuck list with the digest.
 */
import type { AccordConfig } from '../../config/src/accord-config';
import type { CalendarEvent } from '../../contracts/src/calendar-events';
import { computeDueAnswer, type DueOptions } from '../../calendars/src/compute-due';
import { loadDietCalendar, type DietCalendar } from '../../calendars/src/diet-calendar';
import { withDietEvents, withSittingEvents } from '../../calendars/src/recorded-events';
import { loadSittingCalendar, type SittingCalendar } from '../../calendars/src/sitting-calendar';
import type { AddSpan, AnswerSpan } from '../../forecast/src/types';
import type { RecordedEventsSource } from './recorded-events-source';

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

/** Calendar spans over the shipped calendars and the events recorded through the API, kept up to date. */
export interface RecordedCalendars extends CalendarSpans {
  /**
   * Reads the recorded events again if the cache is stale: every idle/stuck computation calls it first. When
   * the store does not answer, `keep-last` goes on with the events last read (an HTTP answer), `throw` fails
   * (a batch that retries: the daily digest).
   */
  refresh(): Promise<void>;
}

export function recordedCalendars(
  config: Pick<AccordConfig, 'dayLengthMs' | 'sittingCalendarFile'>,
  source?: RecordedEventsSource,
  onReadError: 'keep-last' | 'throw' = 'keep-last',
): RecordedCalendars {
  const spans = calendarSpans(config, () => source?.cached() ?? []);
  return {
    ...spans,
    async refresh() {
      if (!source) return;
      try {
        await source.list();
      } catch (err) {
        if (onReadError === 'throw') throw err;
      }
    },
  };
}

/** The shipped calendars only (no recorded events): for specs and benchmarks. */
export function calendarAddSpan(config: Pick<AccordConfig, 'dayLengthMs' | 'sittingCalendarFile'>): AddSpan {
  return calendarSpans(config).addSpan;
}
