/**
 * The National Diet's session calendar (国会の会期): ordinary, extraordinary and special sessions, recesses and
 * dissolutions, as data (libs/calendars/data/diet-sessions.json, transcribed with sources). It answers two
 * questions: is the Diet in session on a date (the 30-day rule of Constitution arts. 60(2) and 61 counts days
 * "the period of recess excluded"), and is that answer published or projected.
 *
 * Published range: from the first listed convocation to the last listed closing date (or dissolution). Inside
 * it, a day is in session only inside a listed session (minus its recesses). Outside it, the answer is a
 * PROJECTION: an ordinary session convened on 20 January for 150 days (Diet Act arts. 2 and 10) and nothing
 * else, except that no session is projected in the 70 days after a dissolution (Constitution art. 54: the
 * election within 40 days, the Diet convened within 30 days of it) unless one is listed.
 */
import { addDays, type IsoDate } from './civil-date';
import { declareContent } from './day-index';
import shipped from '../data/diet-sessions.json';

export class DietCalendarError extends Error {}

export type DietSessionKind = 'ordinary' | 'extraordinary' | 'special';

export interface DietSession {
  number?: number;
  kind: DietSessionKind;
  convened: IsoDate;
  /** The last day of the session (inclusive). */
  closed: IsoDate;
  closedBy?: 'end-of-term' | 'dissolution';
  /** The closing date is the one announced at convocation (an extension may move it). */
  planned?: boolean;
  /** Recesses inside the session, inclusive ranges. */
  recesses?: Array<{ from: IsoDate; to: IsoDate }>;
  note?: string;
  sources?: Array<{ title: string; url: string }>;
}

export interface DietDissolution {
  house?: 'representatives';
  on: IsoDate;
  election?: IsoDate;
  sources?: Array<{ title: string; url: string }>;
}

/** Days after a dissolution before the special session at the latest (Constitution art. 54: 40 + 30). */
export const DISSOLUTION_TO_SESSION_DAYS = 70;

export interface DietCalendar {
  readonly source: string;
  readonly sessions: readonly DietSession[];
  readonly dissolutions: readonly DietDissolution[];
  /** First and last published days; outside them every answer is projected. */
  readonly first: IsoDate;
  readonly last: IsoDate;
  isInSession(date: IsoDate): boolean;
  isProjected(date: IsoDate): boolean;
}

/** The projected ordinary session of a year (outside published data). */
export const PROJECTED_ORDINARY_SESSION = { convenedMonthDay: '01-20', days: 150 } as const;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS: readonly DietSessionKind[] = ['ordinary', 'extraordinary', 'special'];

function validDate(v: unknown): v is IsoDate {
  return (
    typeof v === 'string' &&
    DATE_RE.test(v) &&
    new Date(`${v}T00:00:00.000Z`).toISOString().slice(0, 10) === v
  );
}

function inProjectedSession(date: IsoDate): boolean {
  const convened = `${date.slice(0, 4)}-${PROJECTED_ORDINARY_SESSION.convenedMonthDay}`;
  return date >= convened && date <= addDays(convened, PROJECTED_ORDINARY_SESSION.days - 1);
}

/** Checks a Diet calendar's shape; errors name the source and the field. */
export function parseDietCalendar(data: unknown, source: string): DietCalendar {
  const fail = (field: string, message: string): never => {
    throw new DietCalendarError(`Diet calendar ${source}: ${field}: ${message}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail('(root)', 'must be an object { sessions: [...] }');
  const raw = (data as Record<string, unknown>).sessions;
  if (!Array.isArray(raw) || raw.length === 0) return fail('sessions', 'must be a non-empty array');
  const sessions = raw.map((s, i): DietSession => {
    const o = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>;
    if (!KINDS.includes(o.kind as DietSessionKind))
      fail(`sessions[${i}].kind`, `must be one of ${KINDS.join(', ')}`);
    if (!validDate(o.convened)) fail(`sessions[${i}].convened`, 'must be a date YYYY-MM-DD');
    if (!validDate(o.closed) || (o.closed as string) < (o.convened as string))
      fail(`sessions[${i}].closed`, 'must be a date YYYY-MM-DD on or after convened');
    if (i > 0 && (o.convened as string) <= (raw[i - 1] as DietSession).closed)
      fail(`sessions[${i}].convened`, 'sessions must be in order and must not overlap');
    for (const [j, r] of ((o.recesses as unknown[]) ?? []).entries()) {
      const rr = r as Record<string, unknown>;
      if (!validDate(rr?.from) || !validDate(rr?.to) || rr.from > rr.to)
        fail(`sessions[${i}].recesses[${j}]`, 'must be { from, to } dates, from ≤ to');
    }
    return o as unknown as DietSession;
  });
  const rawDissolutions = (data as Record<string, unknown>).dissolutions ?? [];
  if (!Array.isArray(rawDissolutions)) return fail('dissolutions', 'must be an array of { on }');
  const dissolutions = rawDissolutions.map((x, i): DietDissolution => {
    const o = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
    if (!validDate(o.on)) fail(`dissolutions[${i}].on`, 'must be a date YYYY-MM-DD');
    return o as unknown as DietDissolution;
  });
  const first = sessions[0]!.convened;
  const lastClosed = sessions[sessions.length - 1]!.closed;
  const last = dissolutions.reduce((m, d) => (d.on > m ? d.on : m), lastClosed);
  const isProjected = (date: IsoDate) => date < first || date > last;
  const afterDissolution = (date: IsoDate) =>
    dissolutions.some(
      (d) => date > d.on && date <= addDays(d.on, DISSOLUTION_TO_SESSION_DAYS) && d.on >= lastClosed,
    );
  const calendar: DietCalendar = {
    source,
    sessions,
    dissolutions,
    first,
    last,
    isProjected,
    isInSession(date) {
      if (isProjected(date)) return !afterDissolution(date) && inProjectedSession(date);
      const s = sessions.find((x) => date >= x.convened && date <= x.closed);
      return !!s && !(s.recesses ?? []).some((r) => date >= r.from && date <= r.to);
    },
  };
  // Both answers depend on these alone (first, last and the last closing date follow from them): calendars
  // parsed from the same sessions and dissolutions share their day index.
  declareContent(calendar, () =>
    JSON.stringify([
      'diet',
      sessions.map((x) => [x.convened, x.closed, (x.recesses ?? []).map((r) => [r.from, r.to])]),
      dissolutions.map((d) => d.on),
    ]),
  );
  return calendar;
}

let shippedCalendar: DietCalendar | undefined;

/** The shipped Diet calendar. */
export function loadDietCalendar(): DietCalendar {
  return (shippedCalendar ??= parseDietCalendar(shipped, 'diet-sessions.json (shipped)'));
}
