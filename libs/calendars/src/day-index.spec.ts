/**
 * The day indexes (day-index.ts) and the quicker time-zone reading (civil-date.ts) answer EXACTLY as the
 * day-by-day counting did (test/support/calendar-reference.ts, the code before them): the computeDues
 * activity's results are recorded in histories and the API's first view must equal the workflow's. Random
 * and edge spans, both countries' business days, both chambers, recorded prorogations, dissolutions and
 * sessions, spans of several years, compressed days, and the errors.
 */
import type { CalendarEvent } from '../../contracts/src/calendar-events';
import {
  refCalendarDueAnswer,
  refComputeDueAnswer,
  refFromZoned,
  refToZoned,
} from '../../../test/support/calendar-reference';
import { addDays, fromZoned, toZoned } from './civil-date';
import { calendarDueAnswer, computeDueAnswer, type DueSpan } from './compute-due';
import { calendarIndex, CHUNK, contentKeyOf, DayIndex } from './day-index';
import { loadDietCalendar, type DietCalendar } from './diet-calendar';
import { withDietEvents, withSittingEvents } from './recorded-events';
import { loadSittingCalendar, parseSittingCalendar, type SittingCalendar } from './sitting-calendar';

const DAY = 86_400_000;

/** A small deterministic generator (mulberry32), so a failure names a case that can be run again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const event = (e: Partial<CalendarEvent>): CalendarEvent => ({
  id: 'cal-1',
  chamber: 'diet',
  kind: 'session',
  from: '2026-01-01',
  source: 'spec',
  recordedBy: { sub: 'coordinator', name: 'Coordinator', party: 'JP' },
  recordedAt: '2026-12-01T00:00:00.000Z',
  ...e,
});

/** What a call answers, or the error it throws (class and message), to compare both ways. */
function outcome(f: () => { due: Date; projected: boolean }): string {
  try {
    const a = f();
    return `${a.due.toISOString()}${a.projected ? ' projected' : ''}`;
  } catch (e) {
    return `throws ${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
}

interface Calendars {
  label: string;
  sitting: SittingCalendar;
  diet: DietCalendar;
}

const shippedSitting = loadSittingCalendar();
const shippedDiet = loadDietCalendar();

/** The shipped calendars, the shipped ones with events recorded through the API, and a published-style one. */
const CALENDARS: Calendars[] = [
  { label: 'shipped', sitting: shippedSitting, diet: shippedDiet },
  {
    label: 'recorded events',
    sitting: withSittingEvents(shippedSitting, [
      event({ chamber: 'house-of-commons', kind: 'dissolution', from: '2027-03-01', to: '2027-04-27' }),
      event({
        id: 'cal-2',
        chamber: 'house-of-commons',
        kind: 'prorogation',
        from: '2026-10-05',
        to: '2026-10-19',
      }),
    ]),
    diet: withDietEvents(shippedDiet, [
      event({ kind: 'session', sessionKind: 'extraordinary', from: '2026-10-01', to: '2026-12-15' }),
      event({ id: 'cal-2', kind: 'dissolution', from: '2026-11-20' }),
      event({ id: 'cal-3', kind: 'session', sessionKind: 'special', from: '2027-01-10', to: '2027-01-20' }),
    ]),
  },
  {
    // Not approximate: published inside its years, projected outside them (the flag turns on mid-span).
    label: 'published file',
    sitting: parseSittingCalendar(
      {
        approximate: false,
        sittings: Array.from({ length: 400 }, (_, i) => addDays('2026-01-05', i)).filter(
          (d) =>
            new Date(`${d}T00:00:00Z`).getUTCDay() % 6 !== 0 && !(d >= '2026-07-01' && d <= '2026-09-13'),
        ),
        interruptions: [{ kind: 'prorogation', from: '2026-12-01', to: '2027-01-25' }],
      },
      'published.json',
    ),
    diet: shippedDiet,
  },
];

const UNITS: DueSpan[] = [
  { amount: 1, unit: 'business-days', calendar: 'JP' },
  { amount: 1, unit: 'business-days', calendar: 'CA' },
  { amount: 1, unit: 'sitting-days', calendar: 'CA' },
  { amount: 1, unit: 'diet-days', calendar: 'JP' },
];

/** Both ways for one start, span and calendars (and compressed to 1-second days). */
function compare(from: Date, span: DueSpan, cals: Calendars, compressed = false): void {
  const label = `${cals.label}: ${span.amount} ${span.unit} ${span.calendar ?? ''} from ${from.toISOString()}`;
  const fast = outcome(() => calendarDueAnswer(from, span, cals.sitting, cals.diet));
  const ref = outcome(() => refCalendarDueAnswer(from, span, cals.sitting, cals.diet));
  expect(`${label} → ${fast}`).toBe(`${label} → ${ref}`);
  if (!compressed) return;
  const options = { dayLengthMs: 1000, sittingCalendar: cals.sitting, dietCalendar: cals.diet };
  const short = outcome(() => computeDueAnswer(from, span, options));
  expect(`${label} (1 s days) → ${short}`).toBe(
    `${label} (1 s days) → ${outcome(() => refComputeDueAnswer(from, span, options))}`,
  );
}

describe('indexed counting equals the day-by-day counting', () => {
  it.each(CALENDARS.map((c) => [c.label, c] as const))('random spans, 2018–2040: %s', (_, cals) => {
    const next = random(20261202 + cals.label.length);
    const lo = Date.parse('2018-01-01T00:00:00Z');
    const hi = Date.parse('2040-12-31T00:00:00Z');
    for (let i = 0; i < 300; i++) {
      const base = lo + Math.floor(next() * ((hi - lo) / DAY)) * DAY;
      // Half date-only (the engine's civil dates), half a real instant at any time of day.
      const from = new Date(next() < 0.5 ? base : base + Math.floor(next() * DAY));
      const kind = UNITS[i % UNITS.length]!;
      const amount = next() < 0.85 ? 1 + Math.floor(next() * 60) : 1 + Math.floor(next() * 700);
      compare(from, { ...kind, amount }, cals, i % 3 === 0);
    }
  });

  it('every start around the year ends and the holidays of 2025–2028, short spans', () => {
    const starts: string[] = [];
    for (const y of [2025, 2026, 2027, 2028]) {
      for (let d = -6; d <= 6; d++) starts.push(addDays(`${y}-01-01`, d));
      // Golden Week, Canada Day, the summer adjournment's edges, Thanksgiving, Remembrance Day.
      for (const md of [
        '04-28',
        '05-02',
        '05-06',
        '06-19',
        '06-30',
        '07-01',
        '09-18',
        '09-21',
        '10-09',
        '11-10',
      ])
        starts.push(`${y}-${md}`);
    }
    for (const cals of CALENDARS)
      for (const s of starts)
        for (const kind of UNITS)
          for (const amount of [1, 3, 10, 30]) {
            compare(new Date(`${s}T00:00:00.000Z`), { ...kind, amount }, cals);
            compare(new Date(`${s}T15:30:00.000Z`), { ...kind, amount }, cals);
          }
  });

  it('spans of several years, and every day of a chunk as the start', () => {
    for (const cals of CALENDARS) {
      for (const kind of UNITS)
        for (const amount of [250, 500, 1000, 1500])
          compare(new Date('2026-12-02T14:23:11.000Z'), { ...kind, amount }, cals);
      // Starts on each side of the chunk edges, counting into the next chunks.
      const edge = CHUNK * Math.ceil(Date.parse('2026-06-01T00:00:00Z') / DAY / CHUNK);
      for (let d = edge - 3; d <= edge + 3; d++)
        for (const kind of UNITS)
          for (const amount of [1, 7, CHUNK, CHUNK + 1])
            compare(new Date(d * DAY), { ...kind, amount }, cals);
    }
  });

  it('the shipped prorogation of 2025 and the dissolution of the Diet of 23 January 2026', () => {
    for (const s of [
      '2024-12-10',
      '2025-01-03',
      '2025-01-06',
      '2025-03-21',
      '2026-01-20',
      '2026-01-23',
      '2026-02-17',
    ])
      for (const kind of UNITS)
        for (const amount of [1, 5, 21, 30, 40])
          compare(new Date(`${s}T00:00:00.000Z`), { ...kind, amount }, CALENDARS[0]!);
  });

  it('a calendar without enough days: the same CalendarError, after the same guard', () => {
    const dissolved = withSittingEvents(shippedSitting, [
      event({ chamber: 'house-of-commons', kind: 'dissolution', from: '2026-01-01', to: '2045-12-31' }),
    ]);
    const noDiet = withDietEvents(shippedDiet, [
      event({ kind: 'session', from: '2026-03-01', to: '2026-03-02' }),
      event({ id: 'cal-2', kind: 'dissolution', from: '2026-03-01' }),
    ]);
    const cals = { label: 'no days', sitting: dissolved, diet: noDiet };
    for (const amount of [1, 3, 21, 200, 700])
      for (const kind of UNITS) compare(new Date('2026-02-01T00:00:00.000Z'), { ...kind, amount }, cals);
    expect(
      outcome(() =>
        calendarDueAnswer(new Date('2026-02-01T00:00:00Z'), { amount: 3, unit: 'sitting-days' }, dissolved),
      ),
    ).toMatch(/^throws CalendarError: no 3 sitting days found after 2026-02-01 in /);
  });

  it('a guard met exactly: the n-th day on the last day the walk looked at, and one day after it', () => {
    // One sitting day only: 21 Jun 2036; the guard for n = 1 lets the walk look 3,691 days on.
    for (const last of [3690, 3691, 3692]) {
      const only = addDays('2026-06-01', last);
      const one = parseSittingCalendar({ sittings: [only], approximate: false }, 'one.json');
      const flat: SittingCalendar = { ...one, isSittingDay: (d) => d === only };
      compare(
        new Date('2026-06-01T00:00:00.000Z'),
        { amount: 1, unit: 'sitting-days' },
        { label: `one day +${last}`, sitting: flat, diet: shippedDiet },
      );
    }
  });

  it('dates far from now, and at the ends of four-digit years (walked day by day, as before)', () => {
    for (const s of ['0001-03-01', '1066-10-14', '1895-01-01', '1969-12-25', '2999-12-30', '9999-11-01'])
      for (const kind of UNITS)
        for (const amount of [1, 5, 21])
          compare(new Date(`${s}T00:00:00.000Z`), { ...kind, amount }, CALENDARS[0]!);
  });

  it('any other calendar object (no content key) is indexed alone, by its own predicates', () => {
    const odd: SittingCalendar = {
      ...shippedSitting,
      source: 'odd',
      isSittingDay: (d) => +d.slice(8, 10) % 3 === 0,
      isProjected: (d) => d > '2027-01-01',
    };
    expect(contentKeyOf(odd)).toBeUndefined();
    for (const amount of [1, 4, 11, 100])
      compare(
        new Date('2026-12-02T00:00:00.000Z'),
        { amount, unit: 'sitting-days' },
        { label: 'odd', sitting: odd, diet: shippedDiet },
      );
  });
});

describe('the indexes and their cache', () => {
  it('calendars of the same content share an index; another recorded event is another index', () => {
    const a = withSittingEvents(shippedSitting, [
      event({ chamber: 'house-of-commons', kind: 'prorogation', from: '2026-10-05', to: '2026-10-19' }),
    ]);
    const b = withSittingEvents(shippedSitting, [
      event({
        chamber: 'house-of-commons',
        kind: 'prorogation',
        from: '2026-10-05',
        to: '2026-10-19',
        id: 'other',
      }),
    ]);
    const c = withSittingEvents(shippedSitting, [
      event({ chamber: 'house-of-commons', kind: 'prorogation', from: '2026-10-05', to: '2026-10-20' }),
    ]);
    const index = (cal: SittingCalendar) => calendarIndex(cal, cal.isSittingDay, cal.isProjected);
    expect(index(a)).toBe(index(b));
    expect(index(a)).not.toBe(index(c));
    expect(index(a)).not.toBe(index(shippedSitting));
    // And the counts differ where the events do: 20 October is a sitting day in a, not in c.
    const from = new Date('2026-10-19T00:00:00.000Z');
    const span = { amount: 1, unit: 'sitting-days' as const };
    expect(calendarDueAnswer(from, span, a).due.toISOString()).toBe(
      refCalendarDueAnswer(from, span, a).due.toISOString(),
    );
    expect(calendarDueAnswer(from, span, c).due.getTime()).toBeGreaterThan(
      calendarDueAnswer(from, span, a).due.getTime(),
    );
    expect(calendarDueAnswer(from, span, c).due.toISOString()).toBe(
      refCalendarDueAnswer(from, span, c).due.toISOString(),
    );
  });

  it('a Diet calendar merged again from the same events shares the index', () => {
    const events = [event({ kind: 'session', from: '2026-10-01', to: '2026-12-15' })];
    const index = (cal: DietCalendar) => calendarIndex(cal, cal.isInSession, cal.isProjected);
    expect(index(withDietEvents(shippedDiet, events))).toBe(index(withDietEvents(shippedDiet, [...events])));
  });

  it('finds the n-th day by chunk hops and a binary search, and says when none is near enough', () => {
    const index = new DayIndex(
      (d) => d.endsWith('-01'),
      (d) => d >= '2027-01-01',
    );
    const start = Date.parse('2026-11-15T00:00:00Z') / DAY;
    // 1 Dec 2026 (16 days on), then 1 Jan 2027 (47, the first projected day), 1 Dec 2027 (381).
    expect(index.nth(start, 1, 10_000)).toEqual({ offset: 16, projected: false });
    expect(index.nth(start, 2, 10_000)).toEqual({ offset: 47, projected: true });
    expect(index.nth(start, 13, 10_000)).toEqual({ offset: 381, projected: true });
    expect(index.nth(start, 13, 380)).toBeNull();
    expect(index.nth(start, 13, 381)).toEqual({ offset: 381, projected: true });
  });
});

describe('time zones read as before', () => {
  it('toZoned and fromZoned equal the formatToParts reading at random instants and around the transitions', () => {
    const next = random(42);
    const instants: number[] = [];
    for (let i = 0; i < 1000; i++) instants.push(Math.floor((next() * 2 - 0.6) * 4_000_000_000_000));
    for (const at of [
      '2026-03-08T06:59:59.999Z',
      '2026-03-08T07:00:00.000Z',
      '2026-11-01T05:59:59.000Z',
      '2026-11-01T06:00:00.000Z',
      '1895-01-01T05:17:31.000Z',
      '1895-01-01T05:17:32.000Z',
      '1951-09-08T14:59:59.000Z',
      '0999-12-31T23:59:59.999Z',
      '1000-01-01T00:00:00.000Z',
      '0001-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ])
      instants.push(Date.parse(at));
    for (const tz of ['America/Toronto', 'Asia/Tokyo', 'UTC'])
      for (const t of instants) {
        const z = toZoned(t, tz);
        expect([tz, t, z]).toEqual([tz, t, refToZoned(t, tz)]);
        // Twice: the second answer comes from the memo.
        expect(toZoned(t, tz)).toEqual(z);
        const ms = Math.floor(next() * DAY);
        const back = (f: () => number) => {
          try {
            return f();
          } catch (e) {
            return `throws ${(e as Error).message}`;
          }
        };
        expect([tz, z.date, ms, back(() => fromZoned(z.date, ms, tz))]).toEqual([
          tz,
          z.date,
          ms,
          back(() => refFromZoned(z.date, ms, tz)),
        ]);
      }
  });

  it('an invalid instant throws as it did', () => {
    expect(() => toZoned(Number.NaN, 'Asia/Tokyo')).toThrow(RangeError);
    expect(() => refToZoned(Number.NaN, 'Asia/Tokyo')).toThrow(RangeError);
  });
});
