/**
 * The House of Commons sitting calendar: data (libs/calendars/data/house-of-commons-sittings.json, approximate),
 * replaceable with the published calendar through ACCORD_SITTING_CALENDAR (a JSON file of the same shape:
 * `{ "sittings": ["YYYY-MM-DD", ...] }`, other fields optional).
 *
 * Beyond the years the file covers, sitting days are projected from the nearest covered year shifted by whole
 * 52-week periods (same weekdays, same pattern) — an estimate, flagged by `isProjected`.
 *
 * Prorogation and dissolution are data too: `interruptions: [{ kind: "prorogation" | "dissolution", from, to,
 * source? }]` (inclusive dates; `to` the day before the House sits again, or the last day known). No day inside
 * one is a sitting day, in the covered years or projected, so a tabling period stops counting. An operator
 * records one in the file named by ACCORD_SITTING_CALENDAR (or in the shipped file by a commit).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addDays, dayNumber, type IsoDate } from './civil-date';
import { declareContent } from './day-index';
import shipped from '../data/house-of-commons-sittings.json';

export class SittingCalendarError extends Error {}

export interface SittingInterruption {
  kind: 'prorogation' | 'dissolution';
  from: IsoDate;
  to: IsoDate;
  source?: string;
}

export interface SittingCalendar {
  readonly source: string;
  readonly interruptions: readonly SittingInterruption[];
  readonly approximate: boolean;
  readonly first: IsoDate;
  readonly last: IsoDate;
  isSittingDay(date: IsoDate): boolean;
  /**
   * The answer for this date is a projection: the date is outside the covered years, or the calendar is
   * approximate (built from the Standing Orders' pattern, not the calendar the House published).
   */
  isProjected(date: IsoDate): boolean;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD_DAYS = 364;

function validDate(v: unknown): v is IsoDate {
  if (typeof v !== 'string' || !DATE_RE.test(v)) return false;
  return new Date(`${v}T00:00:00.000Z`).toISOString().slice(0, 10) === v;
}

/** Checks the shape of a sitting calendar; errors name the source and the field. */
export function parseSittingCalendar(data: unknown, source: string): SittingCalendar {
  const fail = (field: string, message: string): never => {
    throw new SittingCalendarError(`sitting calendar ${source}: ${field}: ${message}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail('(root)', 'must be an object { sittings: [...] }');
  const o = data as Record<string, unknown>;
  if (!Array.isArray(o.sittings) || o.sittings.length === 0)
    return fail('sittings', 'must be a non-empty array of YYYY-MM-DD dates');
  const sittings = o.sittings as unknown[];
  sittings.forEach((d, i) => {
    if (!validDate(d)) fail(`sittings[${i}]`, `not a valid date YYYY-MM-DD: ${JSON.stringify(d)}`);
    if (i > 0 && (d as string) <= (sittings[i - 1] as string))
      fail(`sittings[${i}]`, `dates must be ascending and unique (${d} after ${sittings[i - 1]})`);
  });
  if (o.timezone !== undefined && o.timezone !== 'America/Toronto')
    fail('timezone', 'House of Commons sitting days are Ottawa days: America/Toronto');
  if (o.approximate !== undefined && typeof o.approximate !== 'boolean')
    fail('approximate', 'must be true or false');
  const interruptions = parseInterruptions(o.interruptions, fail);
  const interrupted = (d: IsoDate) => interruptions.some((x) => d >= x.from && d <= x.to);
  const set = new Set(sittings as IsoDate[]);
  const first = sittings[0] as IsoDate;
  const last = sittings[sittings.length - 1] as IsoDate;
  // Covered: whole calendar years of the first and last dates.
  const from = `${first.slice(0, 4)}-01-01`;
  const to = `${last.slice(0, 4)}-12-31`;
  const project = (date: IsoDate): IsoDate => {
    const n = dayNumber(date);
    if (date > to) return addDays(date, -PERIOD_DAYS * Math.ceil((n - dayNumber(to)) / PERIOD_DAYS));
    if (date < from) return addDays(date, PERIOD_DAYS * Math.ceil((dayNumber(from) - n) / PERIOD_DAYS));
    return date;
  };
  const calendar: SittingCalendar = {
    source,
    approximate: o.approximate !== false,
    first,
    last,
    interruptions,
    isSittingDay: (date) => !interrupted(date) && set.has(project(date)),
    isProjected: (date) => o.approximate !== false || date < from || date > to,
  };
  // Both answers depend on these alone: calendars parsed from the same data share their day index.
  declareContent(calendar, () =>
    JSON.stringify(['sitting', o.approximate !== false, sittings, interruptions.map((x) => [x.from, x.to])]),
  );
  return calendar;
}

function parseInterruptions(
  raw: unknown,
  fail: (field: string, message: string) => never,
): SittingInterruption[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return fail('interruptions', 'must be an array of { kind, from, to, source? }');
  return raw.map((x, i) => {
    const o = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
    if (o.kind !== 'prorogation' && o.kind !== 'dissolution')
      fail(`interruptions[${i}].kind`, 'must be "prorogation" or "dissolution"');
    if (!validDate(o.from)) fail(`interruptions[${i}].from`, 'must be a date YYYY-MM-DD');
    if (!validDate(o.to) || (o.to as string) < (o.from as string))
      fail(`interruptions[${i}].to`, 'must be a date YYYY-MM-DD on or after from');
    if (o.source !== undefined && typeof o.source !== 'string')
      fail(`interruptions[${i}].source`, 'must be text');
    return o as unknown as SittingInterruption;
  });
}

let shippedCalendar: SittingCalendar | undefined;

/**
 * The sitting calendar from a JSON file (the value of ACCORD_SITTING_CALENDAR, via loadConfig().sittingCalendarFile),
 * or the shipped approximate one when no file is given. Throws SittingCalendarError on a bad file.
 */
export function loadSittingCalendar(file?: string): SittingCalendar {
  if (!file)
    return (shippedCalendar ??= parseSittingCalendar(
      shipped,
      'house-of-commons-sittings.json (shipped, approximate)',
    ));
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SittingCalendarError(
      `sitting calendar ${file}: cannot be read as JSON: ${(e as Error).message}`,
    );
  }
  return parseSittingCalendar(data, path.basename(file));
}
