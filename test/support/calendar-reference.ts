/**
 * The REFERENCE day-by-day counting of libs/calendars/src/compute-due.ts as it was before the day indexes
 * (libs/calendars/src/day-index.ts): every business, sitting or Diet day walked one civil date at a time and
 * asked of the calendar's own predicate; and the time-zone reading as it was (`formatToParts` on every call,
 * no memo). Not production code: the equivalence spec
 * (libs/calendars/src/day-index.spec.ts) checks the indexed counting against it, and bench/forecast.ts
 * measures it as its baseline. Keep it as it is: it is the definition the fast path must match.
 */
import type { Party, SpanUnit } from '../../libs/contracts/src/definition';
import { addDays, type IsoDate } from '../../libs/calendars/src/civil-date';
import { isBusinessDate, TIME_ZONES } from '../../libs/calendars/src/holidays';
import { loadSittingCalendar, type SittingCalendar } from '../../libs/calendars/src/sitting-calendar';
import { loadDietCalendar, type DietCalendar } from '../../libs/calendars/src/diet-calendar';
import {
  CalendarError,
  DAY_MS,
  isDateOnly,
  type DueAnswer,
  type DueOptions,
  type DueSpan,
} from '../../libs/calendars/src/compute-due';

const WALL_MS: Partial<Record<SpanUnit, number>> = { seconds: 1000, minutes: 60_000, hours: 3_600_000 };

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
  const z = refToZoned(t, timeZone);
  return { ...z, at: (d, ms) => refFromZoned(d, ms, timeZone) };
}

function requireCalendar(span: DueSpan): Party {
  if (span.calendar !== 'JP' && span.calendar !== 'CA') {
    throw new CalendarError(`${span.unit} need a calendar (JP or CA), got ${JSON.stringify(span.calendar)}`);
  }
  return span.calendar;
}

export interface Counted {
  date: IsoDate;
  projected: boolean;
}

export function refNthBusinessDate(start: IsoDate, n: number, party: Party): IsoDate {
  let d = start;
  for (let count = 0; count < n;) {
    d = addDays(d, 1);
    if (isBusinessDate(d, party)) count++;
  }
  return d;
}

export function refNthSittingDate(start: IsoDate, n: number, cal: SittingCalendar): Counted {
  let d = start;
  let projected = false;
  for (let count = 0, guard = 0; count < n; guard++) {
    if (guard > 3660 + n * 30)
      throw new CalendarError(`no ${n} sitting days found after ${start} in ${cal.source}`);
    d = addDays(d, 1);
    projected ||= cal.isProjected(d);
    if (cal.isSittingDay(d)) count++;
  }
  return { date: d, projected };
}

export function refNthDietDate(start: IsoDate, n: number, cal: DietCalendar): Counted {
  let d = start;
  let projected = false;
  for (let count = 0, guard = 0; count < n; guard++) {
    if (guard > 3660 + n * 30)
      throw new CalendarError(`no ${n} Diet days found after ${start} in ${cal.source}`);
    d = addDays(d, 1);
    projected ||= cal.isProjected(d);
    if (cal.isInSession(d)) count++;
  }
  return { date: d, projected };
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

/** calendarDueAnswer, day by day. */
export function refCalendarDueAnswer(
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
      return exact(new Date(l.at(refNthBusinessDate(l.date, n, party), l.msOfDay)));
    }
    case 'sitting-days': {
      if (span.calendar !== undefined && span.calendar !== 'CA')
        throw new CalendarError('sitting-days are House of Commons days: calendar CA');
      if (n === 0) return exact(new Date(t));
      const l = local(t, TIME_ZONES.CA);
      const c = refNthSittingDate(l.date, n, sittingCalendar ?? loadSittingCalendar());
      return { due: new Date(l.at(addDays(c.date, 1), 0)), projected: c.projected };
    }
    case 'diet-days': {
      if (span.calendar !== undefined && span.calendar !== 'JP')
        throw new CalendarError('diet-days are days the National Diet is in session: calendar JP');
      if (n === 0) return exact(new Date(t));
      const l = local(t, TIME_ZONES.JP);
      const c = refNthDietDate(l.date, n, dietCalendar ?? loadDietCalendar());
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

/** computeDueAnswer, day by day. */
export function refComputeDueAnswer(from: Date, span: DueSpan, options: DueOptions): DueAnswer {
  if (!(options.dayLengthMs > 0))
    throw new CalendarError(`dayLengthMs must be positive, got ${options.dayLengthMs}`);
  const result = refCalendarDueAnswer(from, span, options.sittingCalendar, options.dietCalendar);
  if (WALL_MS[span.unit] !== undefined || options.dayLengthMs === DAY_MS) return result;
  const t = from.getTime();
  const due = new Date(t + Math.round(((result.due.getTime() - t) * options.dayLengthMs) / DAY_MS));
  return { due, projected: result.projected };
}

const refFormatters = new Map<string, Intl.DateTimeFormat>();

/** toZoned as it was (libs/calendars/src/civil-date.ts): `formatToParts` on every call, no memo. */
export function refToZoned(t: number, timeZone: string): { date: IsoDate; msOfDay: number } {
  let f = refFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    refFormatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(t))) parts[p.type] = p.value;
  const ms = ((t % 1000) + 1000) % 1000;
  return {
    date: `${parts.year!.padStart(4, '0')}-${parts.month}-${parts.day}`,
    msOfDay: (+parts.hour! * 3600 + +parts.minute! * 60 + +parts.second!) * 1000 + ms,
  };
}

function refOffsetAt(t: number, timeZone: string): number {
  const z = refToZoned(t, timeZone);
  return Date.parse(`${z.date}T00:00:00.000Z`) + z.msOfDay - t;
}

/** fromZoned as it was, on refToZoned. */
export function refFromZoned(date: IsoDate, msOfDay: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00.000Z`) + msOfDay;
  let t = wall - refOffsetAt(wall, timeZone);
  const second = wall - refOffsetAt(t, timeZone);
  if (second !== t) t = Math.max(t, second);
  return t;
}
