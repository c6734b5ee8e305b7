/**
 * Due times in legal calendars.
 *
 * - seconds / minutes / hours: wall time, never compressed.
 * - calendar-days: n × 24 h.
 * - business-days: the n-th business day of the party after the start, at the same local time of day
 *   (JP: Asia/Tokyo, CA: America/Toronto; weekends and public holidays off, see holidays.ts).
 * - sitting-days: the n-th House of Commons sitting day strictly after the start's Ottawa date has passed:
 *   the result is the end of that sitting day (00:00 Ottawa time the next day) — a waiting period of 21
 *   sitting days is over only once the 21st has ended.
 * - diet-days: the n-th day the National Diet is in session strictly after the start's Tokyo date (recess
 *   and closure excluded, libs/calendars/data/diet-sessions.json); the result is the end of that day
 *   (00:00 Tokyo time the next day), as for sitting days.
 * - months: n calendar months later, same local time, clamped to the month's last day (31 Jan + 1 = 28/29 Feb).
 * - month-starts: the n-th first day of a month strictly after the start, 00:00 local
 *   ("the first day of the n-th month after").
 * Month units use the span's calendar time zone when it names one, else UTC.
 *
 * Date-only values: the engine encodes a `YYYY-MM-DD` output or parameter as 00:00:00.000 UTC. Such an instant
 * is read as that civil date in every time zone (not as the previous evening in Ottawa), and the result of a
 * day-based unit is again a date-only instant.
 *
 * Short test calendars: with dayLengthMs ≠ 86 400 000, the calendar result is computed for real and the
 * interval scaled: from + (result − from) × dayLengthMs / 86 400 000. Wall units are not scaled.
 */
import type { Party, SpanUnit } from '../../contracts/src/definition';
import { addDays, fromZoned, toZoned, type IsoDate } from './civil-date';
import { isBusinessDate, TIME_ZONES } from './holidays';
import { loadSittingCalendar, type SittingCalendar } from './sitting-calendar';
import { loadDietCalendar, type DietCalendar } from './diet-calendar';
import { calendarIndex, namedIndex, nthCounted } from './day-index';

export const DAY_MS = 86_400_000;
const WALL_MS: Partial<Record<SpanUnit, number>> = { seconds: 1000, minutes: 60_000, hours: 3_600_000 };

export class CalendarError extends Error {}

export interface DueSpan {
  amount: number;
  unit: SpanUnit;
  calendar?: Party;
}

export interface DueOptions {
  /** Wall-clock length of one calendar day (ACCORD_DAY_LENGTH); 86 400 000 in production. */
  dayLengthMs: number;
  /** Default: the shipped (approximate) House of Commons calendar. */
  sittingCalendar?: SittingCalendar;
  /** Default: the shipped Diet session calendar. */
  dietCalendar?: DietCalendar;
}

/** 00:00:00.000 UTC exactly: the engine's encoding of a date-only value. */
export function isDateOnly(t: number): boolean {
  return t % DAY_MS === 0;
}

interface Local {
  date: IsoDate;
  msOfDay: number;
  at(date: IsoDate, msOfDay: number): number;
}

function local(t: number, timeZone: string): Local {
  if (isDateOnly(t) || timeZone === 'UTC') {
    return {
      date: new Date(t).toISOString().slice(0, 10),
      msOfDay: ((t % DAY_MS) + DAY_MS) % DAY_MS,
      at: (d, ms) => Date.parse(`${d}T00:00:00.000Z`) + ms,
    };
  }
  const z = toZoned(t, timeZone);
  return { ...z, at: (d, ms) => fromZoned(d, ms, timeZone) };
}

function requireCalendar(span: DueSpan): Party {
  if (span.calendar !== 'JP' && span.calendar !== 'CA') {
    throw new CalendarError(`${span.unit} need a calendar (JP or CA), got ${JSON.stringify(span.calendar)}`);
  }
  return span.calendar;
}

const NO_LIMIT = Number.POSITIVE_INFINITY;

/** How many days on a count of n sitting or Diet days looks before it gives up (the walk's guard, as it was). */
const guardOf = (n: number) => 3661 + n * 30;

function nthBusinessDate(start: IsoDate, n: number, party: Party): IsoDate {
  const counts = (d: IsoDate) => isBusinessDate(d, party);
  const index = namedIndex(`business:${party}`, counts);
  return nthCounted(index, start, n, NO_LIMIT, counts, undefined, () => new CalendarError('unreachable'))
    .date;
}

/** A counted date, and whether any day counted (or passed over) was a projection rather than published data. */
interface Counted {
  date: IsoDate;
  projected: boolean;
}

function nthSittingDate(start: IsoDate, n: number, cal: SittingCalendar): Counted {
  const counts = (d: IsoDate) => cal.isSittingDay(d);
  const projects = (d: IsoDate) => cal.isProjected(d);
  return nthCounted(
    calendarIndex(cal, counts, projects),
    start,
    n,
    guardOf(n),
    counts,
    projects,
    () => new CalendarError(`no ${n} sitting days found after ${start} in ${cal.source}`),
  );
}

function nthDietDate(start: IsoDate, n: number, cal: DietCalendar): Counted {
  const counts = (d: IsoDate) => cal.isInSession(d);
  const projects = (d: IsoDate) => cal.isProjected(d);
  return nthCounted(
    calendarIndex(cal, counts, projects),
    start,
    n,
    guardOf(n),
    counts,
    projects,
    () => new CalendarError(`no ${n} Diet days found after ${start} in ${cal.source}`),
  );
}

function addMonthsTo(date: IsoDate, n: number): IsoDate {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(+date.slice(8, 10), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A due time, and whether it was computed beyond published calendar data (`projected`): House of Commons
 * sitting days from an approximate calendar or outside its years, Diet days outside the published sessions.
 * Other units are arithmetic on fixed rules (public holidays by law, months) and never projected.
 */
export interface DueAnswer {
  due: Date;
  projected: boolean;
}

/** The real (uncompressed) calendar result. */
export function calendarDue(
  from: Date,
  span: DueSpan,
  sittingCalendar?: SittingCalendar,
  dietCalendar?: DietCalendar,
): Date {
  return calendarDueAnswer(from, span, sittingCalendar, dietCalendar).due;
}

/** The real (uncompressed) calendar result, with whether it is a projection. */
export function calendarDueAnswer(
  from: Date,
  span: DueSpan,
  sittingCalendar?: SittingCalendar,
  dietCalendar?: DietCalendar,
): DueAnswer {
  const exact = (d: Date): DueAnswer => ({ due: d, projected: false });
  const t = from.getTime();
  if (!Number.isFinite(t)) throw new CalendarError('invalid start date');
  const n = span.amount;
  if (!Number.isFinite(n) || n < 0) throw new CalendarError(`span amount must be a number ≥ 0, got ${n}`);
  const wall = WALL_MS[span.unit];
  if (wall !== undefined) return exact(new Date(t + n * wall));
  if (span.unit !== 'calendar-days' && !Number.isInteger(n))
    throw new CalendarError(`${span.unit} are counted whole, got ${n}`);
  switch (span.unit) {
    case 'calendar-days':
      return exact(new Date(t + n * DAY_MS));
    case 'business-days': {
      const party = requireCalendar(span);
      if (n === 0) return exact(new Date(t));
      const l = local(t, TIME_ZONES[party]);
      return exact(new Date(l.at(nthBusinessDate(l.date, n, party), l.msOfDay)));
    }
    case 'sitting-days': {
      if (span.calendar !== undefined && span.calendar !== 'CA')
        throw new CalendarError('sitting-days are House of Commons days: calendar CA');
      if (n === 0) return exact(new Date(t));
      const l = local(t, TIME_ZONES.CA);
      const c = nthSittingDate(l.date, n, sittingCalendar ?? loadSittingCalendar());
      return { due: new Date(l.at(addDays(c.date, 1), 0)), projected: c.projected };
    }
    case 'diet-days': {
      if (span.calendar !== undefined && span.calendar !== 'JP')
        throw new CalendarError('diet-days are days the National Diet is in session: calendar JP');
      if (n === 0) return exact(new Date(t));
      const l = local(t, TIME_ZONES.JP);
      const c = nthDietDate(l.date, n, dietCalendar ?? loadDietCalendar());
      return { due: new Date(l.at(addDays(c.date, 1), 0)), projected: c.projected };
    }
    case 'months': {
      const l = local(t, span.calendar ? TIME_ZONES[span.calendar] : 'UTC');
      return exact(new Date(l.at(addMonthsTo(l.date, n), l.msOfDay)));
    }
    case 'month-starts': {
      const l = local(t, span.calendar ? TIME_ZONES[span.calendar] : 'UTC');
      if (n === 0) return exact(new Date(t));
      return exact(new Date(l.at(addMonthsTo(`${l.date.slice(0, 8)}01`, n), 0)));
    }
    default:
      throw new CalendarError(`unknown unit ${JSON.stringify(span.unit)}`);
  }
}

/** When a span that starts at `from` ends, with day-based units compressed to dayLengthMs. */
export function computeDue(from: Date, span: DueSpan, options: DueOptions): Date {
  return computeDueAnswer(from, span, options).due;
}

/**
 * computeDue with whether the answer is a projection (see DueAnswer). Under a compressed test day the
 * calendar is still counted for real from `from`, so the flag means the same as in production.
 */
export function computeDueAnswer(from: Date, span: DueSpan, options: DueOptions): DueAnswer {
  if (!(options.dayLengthMs > 0))
    throw new CalendarError(`dayLengthMs must be positive, got ${options.dayLengthMs}`);
  const result = calendarDueAnswer(from, span, options.sittingCalendar, options.dietCalendar);
  if (WALL_MS[span.unit] !== undefined || options.dayLengthMs === DAY_MS) return result;
  const t = from.getTime();
  const due = new Date(t + Math.round(((result.due.getTime() - t) * options.dayLengthMs) / DAY_MS));
  return { due, projected: result.projected };
}

/** The n-th business day after `from`, same local time (uncompressed). */
export function addBusinessDays(from: Date, n: number, party: Party): Date {
  return calendarDue(from, { amount: n, unit: 'business-days', calendar: party });
}

/** A civil date (`YYYY-MM-DD`), or an instant read in the party's time zone (date-only instants as their date). */
export function isBusinessDay(date: Date | IsoDate, party: Party): boolean {
  const d = typeof date === 'string' ? date : local(date.getTime(), TIME_ZONES[party]).date;
  return isBusinessDate(d, party);
}

/** The first sitting day strictly after the given date (Ottawa time), as `YYYY-MM-DD`. */
export function nextSittingDay(
  date: Date | IsoDate,
  calendar: SittingCalendar = loadSittingCalendar(),
): IsoDate {
  const d = typeof date === 'string' ? date : local(date.getTime(), TIME_ZONES.CA).date;
  return nthSittingDate(d, 1, calendar).date;
}

/** Whether a civil date is a sitting day. */
export function isSittingDay(date: IsoDate, calendar: SittingCalendar = loadSittingCalendar()): boolean {
  return calendar.isSittingDay(date);
}
