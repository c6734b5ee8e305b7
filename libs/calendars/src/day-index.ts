/**
 * Counting business, sitting and Diet days without walking them one by one: a calendar's days are indexed in
 * chunks of CHUNK civil dates, each with the running count of the days it counts (and of the days whose
 * answer is a projection), built once from the calendar's own predicate (`isBusinessDate`, `isSittingDay`,
 * `isInSession`, `isProjected`). The n-th counted day after a date is then a few chunk hops and a binary
 * search. The answers are exactly those of asking the predicate day after day (the reference walk,
 * test/support/calendar-reference.ts; libs/calendars/src/day-index.spec.ts compares them).
 *
 * Indexes are cached: per party for business days (the holidays are code), per calendar object for sitting
 * and Diet days, and across calendar objects of the same content (a calendar the computeDues activity merges
 * with the recorded events on every call is a new object with the same days). A calendar with other
 * recorded events is other content, hence another index: nothing to invalidate. Bounded: at most
 * MAX_CHUNKS chunks per index (the oldest dropped first) and MAX_INDEXES content-keyed indexes.
 *
 * Civil dates outside the years 0000–9999 (where `YYYY-MM-DD` stops being one) are walked day by day, as
 * before, so even those answers stay as they were.
 */
import { dayNumber, isoDate, type IsoDate } from './civil-date';

export const CHUNK = 256;
const MAX_CHUNKS = 256;
const MAX_INDEXES = 16;
const MIN_DAY = dayNumber('0000-01-01');
const MAX_DAY = dayNumber('9999-12-31');

interface Chunk {
  /** counted[i]: days counted among the chunk's first i days. */
  counted: Uint16Array;
  /** projected[i]: the same for days whose answer is a projection. */
  projected: Uint16Array;
}

export type DayPredicate = (date: IsoDate) => boolean;

/** Where the n-th counted day is, as an offset in days from the start, and whether a day up to it was projected. */
export interface Found {
  offset: number;
  projected: boolean;
}

export class DayIndex {
  private readonly chunks = new Map<number, Chunk>();

  constructor(
    private readonly counts: DayPredicate,
    private readonly projects?: DayPredicate,
  ) {}

  private chunk(c: number): Chunk {
    const hit = this.chunks.get(c);
    if (hit) return hit;
    const counted = new Uint16Array(CHUNK + 1);
    const projected = new Uint16Array(CHUNK + 1);
    const first = c * CHUNK;
    for (let i = 0; i < CHUNK; i++) {
      const d = isoDate(first + i);
      counted[i + 1] = counted[i]! + (this.counts(d) ? 1 : 0);
      projected[i + 1] = projected[i]! + (this.projects?.(d) ? 1 : 0);
    }
    if (this.chunks.size >= MAX_CHUNKS) this.chunks.delete(this.chunks.keys().next().value!);
    const made = { counted, projected };
    this.chunks.set(c, made);
    return made;
  }

  /**
   * The n-th (n ≥ 1) counted day strictly after day number `start`, no further than `maxOffset` days from it:
   * null when there are fewer than n by then, 'outside' when the search would leave the years 0000–9999.
   */
  nth(start: number, n: number, maxOffset: number): Found | null | 'outside' {
    let remaining = n;
    let projected = 0;
    let pos = start + 1;
    for (;;) {
      if (pos - start > maxOffset) return null;
      const c = Math.floor(pos / CHUNK);
      const first = c * CHUNK;
      if (first < MIN_DAY || first + CHUNK - 1 > MAX_DAY) return 'outside';
      const ch = this.chunk(c);
      const off = pos - first;
      const here = ch.counted[CHUNK]! - ch.counted[off]!;
      if (here < remaining) {
        remaining -= here;
        projected += ch.projected[CHUNK]! - ch.projected[off]!;
        pos = first + CHUNK;
        continue;
      }
      // The smallest j in (off, CHUNK] with counted[j] − counted[off] ≥ remaining: day first + j − 1.
      const want = ch.counted[off]! + remaining;
      let lo = off + 1;
      let hi = CHUNK;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ch.counted[mid]! >= want) hi = mid;
        else lo = mid + 1;
      }
      const offset = first + lo - 1 - start;
      if (offset > maxOffset) return null;
      projected += ch.projected[lo]! - ch.projected[off]!;
      return { offset, projected: projected > 0 };
    }
  }
}

/** The day index of a key, made by `make` if absent; the oldest of MAX_INDEXES dropped first. */
function bounded<K>(cache: Map<K, DayIndex>, key: K, make: () => DayIndex): DayIndex {
  let index = cache.get(key);
  if (!index) {
    if (cache.size >= MAX_INDEXES) cache.delete(cache.keys().next().value!);
    index = make();
    cache.set(key, index);
  }
  return index;
}

const byObject = new WeakMap<object, DayIndex>();
const contentKeys = new WeakMap<object, () => string | undefined>();
const byContent = new Map<string, DayIndex>();

/**
 * Declares that every answer of `calendar`'s predicates is a function of `key()` (computed when the calendar
 * is first indexed; undefined: no such key): calendars of equal keys share their index. Only the constructors that know it may say so
 * (parseSittingCalendar, withSittingEvents, parseDietCalendar); any other calendar object is indexed alone.
 */
export function declareContent(calendar: object, key: () => string | undefined): void {
  contentKeys.set(calendar, key);
}

/** The content key declared for a calendar, if any. */
export function contentKeyOf(calendar: object): string | undefined {
  return contentKeys.get(calendar)?.();
}

/** The index of a calendar object's counted (and projected) days. */
export function calendarIndex(calendar: object, counts: DayPredicate, projects: DayPredicate): DayIndex {
  let index = byObject.get(calendar);
  if (index) return index;
  const key = contentKeyOf(calendar);
  index =
    key === undefined
      ? new DayIndex(counts, projects)
      : bounded(byContent, key, () => new DayIndex(counts, projects));
  byObject.set(calendar, index);
  return index;
}

const byName = new Map<string, DayIndex>();

/** The index of a calendar known by a name whose days never change (a party's business days). */
export function namedIndex(name: string, counts: DayPredicate): DayIndex {
  return bounded(byName, name, () => new DayIndex(counts));
}

/**
 * The n-th day strictly after `start` for which `counts` holds, walking day by day: only for dates outside
 * the years the indexes cover (see above), where it answers as the counting always did.
 */
export function walk(
  start: IsoDate,
  n: number,
  counts: DayPredicate,
  projects: DayPredicate | undefined,
  tooFar: ((guard: number) => boolean) | undefined,
  fail: () => Error,
): { date: IsoDate; projected: boolean } {
  let d = start;
  let projected = false;
  for (let count = 0, guard = 0; count < n; guard++) {
    if (tooFar?.(guard)) throw fail();
    d = isoDate(dayNumber(d) + 1);
    if (projects) projected ||= projects(d);
    if (counts(d)) count++;
  }
  return { date: d, projected };
}

/**
 * The n-th counted day strictly after `start` (n ≥ 1), at most `maxOffset` days on (else `fail()` is thrown,
 * as the walk did past its guard), and whether any day up to it was a projection.
 */
export function nthCounted(
  index: DayIndex,
  start: IsoDate,
  n: number,
  maxOffset: number,
  counts: DayPredicate,
  projects: DayPredicate | undefined,
  fail: () => Error,
): { date: IsoDate; projected: boolean } {
  const s = dayNumber(start);
  // A start that is not a plain `YYYY-MM-DD` of its own day number is walked, as anything outside the index.
  const found = Number.isFinite(s) && isoDate(s) === start ? index.nth(s, n, maxOffset) : 'outside';
  if (found === 'outside')
    return walk(
      start,
      n,
      counts,
      projects,
      Number.isFinite(maxOffset) ? (g) => g >= maxOffset : undefined,
      fail,
    );
  if (found === null) throw fail();
  return { date: isoDate(s + found.offset), projected: found.projected };
}
