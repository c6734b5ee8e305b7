/**
 * Civil dates (`YYYY-MM-DD`) and wall-clock time in a time zone, with Intl only (no tz library).
 * A civil date is handled as a UTC day number so arithmetic never meets DST.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;

export function isoDate(dayNumber: number): IsoDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function dayNumber(d: IsoDate): number {
  return Math.floor(Date.parse(`${d}T00:00:00.000Z`) / DAY_MS);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return isoDate(dayNumber(d) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: IsoDate): number {
  return new Date(`${d}T00:00:00.000Z`).getUTCDay();
}

export function isWeekend(d: IsoDate): boolean {
  const w = weekday(d);
  return w === 0 || w === 6;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
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
    formatters.set(timeZone, f);
  }
  return f;
}

/** The civil date and the milliseconds since local midnight of an instant in a time zone. */
export function toZoned(t: number, timeZone: string): { date: IsoDate; msOfDay: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) parts[p.type] = p.value;
  const ms = ((t % 1000) + 1000) % 1000;
  return {
    // Intl writes years before 1000 without leading zeros; an ISO date needs four digits.
    date: `${parts.year!.padStart(4, '0')}-${parts.month}-${parts.day}`,
    msOfDay: (+parts.hour * 3600 + +parts.minute * 60 + +parts.second) * 1000 + ms,
  };
}

/** Offset of the zone from UTC at instant t, in ms (e.g. +9h for Asia/Tokyo). */
function offsetAt(t: number, timeZone: string): number {
  const z = toZoned(t, timeZone);
  return Date.parse(`${z.date}T00:00:00.000Z`) + z.msOfDay - t;
}

/** The instant of a civil date and time of day in a time zone (a DST gap resolves forward). */
export function fromZoned(date: IsoDate, msOfDay: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00.000Z`) + msOfDay;
  let t = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(t, timeZone);
  if (second !== t) t = Math.max(t, second);
  return t;
}
