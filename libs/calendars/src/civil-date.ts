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

interface ZoneFormat {
  format: Intl.DateTimeFormat;
  /**
   * The formatter writes `MM/DD/YYYY, HH:mm:ss` (checked on its parts once): its plain `format` string can be
   * read by position, which is three times quicker than `formatToParts` and, by ECMA-402, the same text.
   */
  plain: boolean;
}

const PLAIN_PATTERN = 'month|/|day|/|year|, |hour|:|minute|:|second';
const PLAIN = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

const formatters = new Map<string, ZoneFormat>();
function formatter(timeZone: string): ZoneFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const probe = format
      .formatToParts(new Date(Date.UTC(2026, 11, 2, 12)))
      .map((p) => (p.type === 'literal' ? p.value : p.type))
      .join('|');
    f = { format, plain: probe === PLAIN_PATTERN };
    formatters.set(timeZone, f);
  }
  return f;
}

function zonedByParts(t: number, format: Intl.DateTimeFormat): { date: IsoDate; msOfDay: number } {
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(t))) parts[p.type] = p.value;
  const ms = ((t % 1000) + 1000) % 1000;
  return {
    // Intl writes years before 1000 without leading zeros; an ISO date needs four digits.
    date: `${parts.year!.padStart(4, '0')}-${parts.month}-${parts.day}`,
    msOfDay: (+parts.hour! * 3600 + +parts.minute! * 60 + +parts.second!) * 1000 + ms,
  };
}

/** Recent answers of toZoned per time zone (a forecast reads the same few instants again and again). */
const zonedMemo = new Map<string, Map<number, { date: IsoDate; msOfDay: number }>>();
const ZONED_MEMO_MAX = 4096;

/** The civil date and the milliseconds since local midnight of an instant in a time zone. */
export function toZoned(t: number, timeZone: string): { date: IsoDate; msOfDay: number } {
  let memo = zonedMemo.get(timeZone);
  if (!memo) zonedMemo.set(timeZone, (memo = new Map()));
  let z = memo.get(t);
  if (!z) {
    const { format, plain } = formatter(timeZone);
    const m = plain ? PLAIN.exec(format.format(new Date(t))) : null;
    z = m
      ? {
          date: `${m[3]}-${m[1]}-${m[2]}`,
          msOfDay: (+m[4]! * 3600 + +m[5]! * 60 + +m[6]!) * 1000 + (((t % 1000) + 1000) % 1000),
        }
      : zonedByParts(t, format);
    if (memo.size >= ZONED_MEMO_MAX) memo.clear();
    memo.set(t, z);
  }
  return { date: z.date, msOfDay: z.msOfDay };
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
