import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  addBusinessDays,
  calendarDue,
  CalendarError,
  computeDue,
  isBusinessDay,
  isSittingDay,
  nextSittingDay,
} from './compute-due';
import { holidaysOf } from './holidays';
import { loadSittingCalendar, parseSittingCalendar, SittingCalendarError } from './sitting-calendar';

const DAY = 86_400_000;
const real = { dayLengthMs: DAY };
const iso = (d: Date) => d.toISOString();

describe('wall-clock units', () => {
  it('adds seconds, minutes, hours and never compresses them', () => {
    const from = new Date('2026-05-01T00:00:30.000Z');
    expect(iso(computeDue(from, { amount: 90, unit: 'seconds' }, real))).toBe('2026-05-01T00:02:00.000Z');
    expect(iso(computeDue(from, { amount: 2, unit: 'minutes' }, real))).toBe('2026-05-01T00:02:30.000Z');
    expect(iso(computeDue(from, { amount: 2, unit: 'hours' }, { dayLengthMs: 1000 }))).toBe(
      '2026-05-01T02:00:30.000Z',
    );
  });
});

describe('calendar days', () => {
  it('adds whole days; a date-only start stays date-only', () => {
    expect(
      iso(computeDue(new Date('2026-03-15T00:00:00.000Z'), { amount: 30, unit: 'calendar-days' }, real)),
    ).toBe('2026-04-14T00:00:00.000Z');
  });
  it('crosses a leap day', () => {
    expect(
      iso(computeDue(new Date('2028-02-28T00:00:00.000Z'), { amount: 2, unit: 'calendar-days' }, real)),
    ).toBe('2028-03-01T00:00:00.000Z');
  });
});

describe('business days (JP, Asia/Tokyo)', () => {
  it('skips Golden Week 2026 (29 Apr, 3–6 May incl. the substitute holiday) and the weekend', () => {
    const thu = new Date('2026-04-30T01:00:00.000Z'); // 10:00 JST
    expect(iso(addBusinessDays(thu, 1, 'JP'))).toBe('2026-05-01T01:00:00.000Z');
    expect(iso(addBusinessDays(thu, 2, 'JP'))).toBe('2026-05-07T01:00:00.000Z');
    expect(isBusinessDay('2026-05-06', 'JP')).toBe(false);
    expect(isBusinessDay('2026-04-29', 'JP')).toBe(false);
  });
  it('skips the year-end closure of government offices (29 Dec – 3 Jan)', () => {
    expect(iso(addBusinessDays(new Date('2026-12-28T01:00:00.000Z'), 1, 'JP'))).toBe(
      '2027-01-04T01:00:00.000Z',
    );
    expect(isBusinessDay('2026-12-29', 'JP')).toBe(false);
    expect(holidaysOf('JP', 2027).get('2027-01-01')).toBe('元日');
  });
  it('reads an instant in Tokyo time: 16:00Z Friday is Saturday 01:00 JST', () => {
    expect(isBusinessDay(new Date('2026-03-06T16:00:00.000Z'), 'JP')).toBe(false);
    expect(isBusinessDay(new Date('2026-03-06T14:00:00.000Z'), 'JP')).toBe(true);
  });
  it('over a weekend keeps the local time of day', () => {
    expect(iso(addBusinessDays(new Date('2026-03-06T06:00:00.000Z'), 1, 'JP'))).toBe(
      '2026-03-09T06:00:00.000Z',
    );
  });
});

describe('business days (CA, America/Toronto)', () => {
  it('skips Canada Day 2026 (a Wednesday)', () => {
    expect(iso(addBusinessDays(new Date('2026-06-30T13:00:00.000Z'), 1, 'CA'))).toBe(
      '2026-07-02T13:00:00.000Z',
    );
    expect(isBusinessDay('2026-07-01', 'CA')).toBe(false);
  });
  it('observes Boxing Day 2026 (a Saturday) on Monday 28 December, and skips New Year', () => {
    expect(isBusinessDay('2026-12-28', 'CA')).toBe(false);
    expect(iso(addBusinessDays(new Date('2026-12-24T14:00:00.000Z'), 1, 'CA'))).toBe(
      '2026-12-29T14:00:00.000Z',
    );
    expect(iso(addBusinessDays(new Date('2026-12-31T14:00:00.000Z'), 1, 'CA'))).toBe(
      '2027-01-04T14:00:00.000Z',
    );
  });
  it('observes Christmas and Boxing Day 2027 (Saturday, Sunday) on Monday and Tuesday', () => {
    expect(isBusinessDay('2027-12-27', 'CA')).toBe(false);
    expect(isBusinessDay('2027-12-28', 'CA')).toBe(false);
    expect(isBusinessDay('2027-12-29', 'CA')).toBe(true);
  });
  it('knows the federal holidays beyond the national ones', () => {
    for (const d of ['2026-04-06', '2026-05-18', '2026-08-03', '2026-09-30', '2026-10-12', '2026-11-11']) {
      expect([d, isBusinessDay(d, 'CA')]).toEqual([d, false]);
    }
    expect(isBusinessDay('2026-11-11', 'JP')).toBe(true);
  });
  it('keeps 09:00 local across the start of daylight saving time (8 Mar 2026)', () => {
    // Fri 6 Mar 09:00 EST (14:00Z) → Mon 9 Mar 09:00 EDT (13:00Z)
    expect(iso(addBusinessDays(new Date('2026-03-06T14:00:00.000Z'), 1, 'CA'))).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });
  it('requires a calendar', () => {
    expect(() => computeDue(new Date(), { amount: 1, unit: 'business-days' }, real)).toThrow(CalendarError);
  });
});

describe('months and month starts', () => {
  it('clamps to month ends, including leap years', () => {
    const m = (from: string, n: number) => iso(calendarDue(new Date(from), { amount: n, unit: 'months' }));
    expect(m('2026-01-31T00:00:00.000Z', 1)).toBe('2026-02-28T00:00:00.000Z');
    expect(m('2028-01-31T00:00:00.000Z', 1)).toBe('2028-02-29T00:00:00.000Z');
    expect(m('2024-02-29T00:00:00.000Z', 12)).toBe('2025-02-28T00:00:00.000Z');
    expect(m('2026-11-15T10:30:00.000Z', 3)).toBe('2027-02-15T10:30:00.000Z');
  });
  it('counts first days of a month strictly after the start', () => {
    const ms = (from: string, n: number) =>
      iso(calendarDue(new Date(from), { amount: n, unit: 'month-starts' }));
    expect(ms('2026-03-15T00:00:00.000Z', 1)).toBe('2026-04-01T00:00:00.000Z');
    expect(ms('2026-03-01T00:00:00.000Z', 1)).toBe('2026-04-01T00:00:00.000Z');
    expect(ms('2026-03-01T00:00:00.000Z', 2)).toBe('2026-05-01T00:00:00.000Z');
    expect(ms('2026-12-10T00:00:00.000Z', 1)).toBe('2027-01-01T00:00:00.000Z');
    expect(ms('2028-01-31T00:00:00.000Z', 1)).toBe('2028-02-01T00:00:00.000Z');
  });
  it('uses the calendar time zone when named: 1 Apr 01:00 JST is in April', () => {
    const due = calendarDue(new Date('2026-03-31T16:00:00.000Z'), {
      amount: 1,
      unit: 'month-starts',
      calendar: 'JP',
    });
    expect(iso(due)).toBe('2026-04-30T15:00:00.000Z'); // 1 May 00:00 JST
  });
});

describe('House of Commons sitting days', () => {
  const small = parseSittingCalendar(
    {
      sittings: [
        '2026-06-18',
        '2026-06-19',
        '2026-06-22',
        '2026-06-23',
        '2026-09-21',
        '2026-09-22',
        '2026-09-23',
      ],
    },
    'test',
  );
  it('counts the n-th sitting day strictly after the start, across the summer adjournment, and ends with that day', () => {
    const tabled = new Date('2026-06-18T00:00:00.000Z'); // date-only: tabled on Thursday 18 June
    const due = computeDue(
      tabled,
      { amount: 5, unit: 'sitting-days', calendar: 'CA' },
      { dayLengthMs: DAY, sittingCalendar: small },
    );
    expect(iso(due)).toBe('2026-09-23T00:00:00.000Z'); // 19, 22, 23 Jun, 21, 22 Sep → end of 22 Sep
  });
  it('reads a real instant in Ottawa time and ends at Ottawa midnight', () => {
    // 19 Jun 00:30Z = 18 Jun 20:30 EDT: still 18 June in Ottawa
    const due = calendarDue(
      new Date('2026-06-19T00:30:00.000Z'),
      { amount: 1, unit: 'sitting-days', calendar: 'CA' },
      small,
    );
    expect(iso(due)).toBe('2026-06-20T04:00:00.000Z');
  });
  it('uses the shipped calendar: 21 sitting days from 18 Jun 2026 run to 22 Oct (summer, NDTR, Thanksgiving week)', () => {
    const due = computeDue(
      new Date('2026-06-18T00:00:00.000Z'),
      { amount: 21, unit: 'sitting-days', calendar: 'CA' },
      real,
    );
    expect(iso(due)).toBe('2026-10-23T00:00:00.000Z');
    expect(nextSittingDay('2026-06-23')).toBe('2026-09-21');
    expect(isSittingDay('2026-09-30')).toBe(false);
    expect(isSittingDay('2026-07-15')).toBe(false);
  });
  it('projects beyond the covered years by whole 52-week periods', () => {
    const cal = loadSittingCalendar();
    expect(cal.isProjected('2028-02-01')).toBe(true);
    expect(cal.isSittingDay('2028-01-31')).toBe(cal.isSittingDay('2027-02-01'));
    expect(nextSittingDay('2028-07-01', cal) > '2028-09-01').toBe(true);
  });
  it('validates a replacement file and names the bad field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sittings-'));
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify({ sittings: ['2026-02-02', '2026-02-03'] }));
    expect(loadSittingCalendar(good).isSittingDay('2026-02-03')).toBe(true);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ sittings: ['2026-02-03', '2026-02-02'] }));
    expect(() => loadSittingCalendar(bad)).toThrow(
      'sitting calendar bad.json: sittings[1]: dates must be ascending and unique',
    );
    fs.writeFileSync(bad, JSON.stringify({ sittings: ['2026-02-30'] }));
    expect(() => loadSittingCalendar(bad)).toThrow(SittingCalendarError);
    fs.writeFileSync(bad, '{');
    expect(() => loadSittingCalendar(bad)).toThrow(/cannot be read as JSON/);
  });
  it('rejects a non-CA calendar', () => {
    expect(() => calendarDue(new Date(), { amount: 1, unit: 'sitting-days', calendar: 'JP' })).toThrow(
      CalendarError,
    );
  });
});

describe('compression (short test calendars)', () => {
  const fast = { dayLengthMs: 1000 };
  it('scales the real calendar interval, not the amount', () => {
    const from = new Date('2026-04-30T01:00:00.000Z');
    expect(computeDue(from, { amount: 30, unit: 'calendar-days' }, fast).getTime() - from.getTime()).toBe(
      30_000,
    );
    // 2 JP business days from Thu 30 Apr = Thu 7 May: 7 real days → 7 s
    expect(
      computeDue(from, { amount: 2, unit: 'business-days', calendar: 'JP' }, fast).getTime() - from.getTime(),
    ).toBe(7000);
    // 1 month-start from 30 Apr 10:00 JST (UTC) → 1 May 00:00Z: 23 h → 23/24 s
    expect(computeDue(from, { amount: 1, unit: 'month-starts' }, fast).getTime() - from.getTime()).toBe(
      Math.round((23 * 1000) / 24),
    );
  });
  it('returns the start for a zero amount', () => {
    const from = new Date('2026-04-30T01:00:00.000Z');
    for (const unit of ['calendar-days', 'business-days', 'sitting-days', 'month-starts'] as const) {
      expect(computeDue(from, { amount: 0, unit, calendar: 'CA' }, fast).getTime()).toBe(from.getTime());
    }
  });
});
