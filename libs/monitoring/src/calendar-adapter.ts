/**
 * The forecast's and the idle threshold's calendars: libs/calendars computeDue with the same options the
 * computeDue activity uses (ACCORD_DAY_LENGTH, the configured sitting calendar), so a forecast agrees with
 * the due times the engine sets.
 */
import type { AccordConfig } from '../../config/src/accord-config';
import { computeDue, type DueOptions } from '../../calendars/src/compute-due';
import { loadSittingCalendar, type SittingCalendar } from '../../calendars/src/sitting-calendar';
import type { AddSpan } from '../../forecast/src/types';

export function calendarAddSpan(config: Pick<AccordConfig, 'dayLengthMs' | 'sittingCalendarFile'>): AddSpan {
  let sitting: SittingCalendar | undefined;
  return (from, span) => {
    const options: DueOptions = { dayLengthMs: config.dayLengthMs };
    if (span.unit === 'sitting-days')
      options.sittingCalendar = sitting ??= loadSittingCalendar(config.sittingCalendarFile);
    return computeDue(from, span, options);
  };
}
