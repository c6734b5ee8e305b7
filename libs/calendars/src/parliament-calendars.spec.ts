import type { CalendarEvent } from '../../contracts/src/calendar-events';
import { calendarDue, calendarDueAnswer } from './compute-due';
import { withDietEvents, withSittingEvents } from './recorded-events';
import { loadDietCalendar, parseDietCalendar, DietCalendarError } from './diet-calendar';
import { loadSittingCalendar, parseSittingCalendar, SittingCalendarError } from './sitting-calendar';

const at = (d: string) => new Date(`${d}T00:00:00.000Z`);
const iso = (d: Date) => d.toISOString();

describe('House of Commons: prorogation and dissolution as data', () => {
  const weekdays = [
    '2026-03-02',
    '2026-03-03',
    '2026-03-04',
    '2026-03-05',
    '2026-03-06',
    '2026-03-09',
    '2026-03-10',
  ];
  const plain = parseSittingCalendar({ sittings: weekdays }, 'test');
  const prorogued = parseSittingCalendar(
    { sittings: weekdays, interruptions: [{ kind: 'prorogation', from: '2026-03-04', to: '2026-03-05' }] },
    'test',
  );

  it('stops the count of sitting days while the House is prorogued', () => {
    const span = { amount: 3, unit: 'sitting-days' as const, calendar: 'CA' as const };
    // Without: 2, 3, 4 March → ends at the end of 4 March (00:00 Ottawa, 5 March, date-only).
    expect(iso(calendarDue(at('2026-03-01'), span, plain))).toBe('2026-03-05T00:00:00.000Z');
    // Prorogued 4–5 March: 2, 3, 6 March.
    expect(iso(calendarDue(at('2026-03-01'), span, prorogued))).toBe('2026-03-07T00:00:00.000Z');
    expect(prorogued.isSittingDay('2026-03-04')).toBe(false);
  });

  it('ships the prorogation of the 44th Parliament with its source, and refuses a malformed interruption', () => {
    const shipped = loadSittingCalendar();
    expect(shipped.interruptions[0]).toMatchObject({
      kind: 'prorogation',
      from: '2025-01-06',
      to: '2025-03-23',
    });
    expect(shipped.isSittingDay('2025-02-03')).toBe(false);
    expect(() =>
      parseSittingCalendar(
        { sittings: weekdays, interruptions: [{ kind: 'recess', from: '2026-03-04', to: '2026-03-05' }] },
        'x',
      ),
    ).toThrow(SittingCalendarError);
  });
});

describe('the Diet session calendar and the 30-day rule', () => {
  const cal = loadDietCalendar();

  it('knows the dissolution of 23 January 2026 and the special session from 18 February 2026', () => {
    expect(cal.isInSession('2026-01-23')).toBe(true);
    expect(cal.isInSession('2026-01-24')).toBe(false); // dissolved: no Diet until the special session
    expect(cal.isInSession('2026-02-17')).toBe(false);
    expect(cal.isInSession('2026-02-18')).toBe(true);
    expect(cal.isProjected('2026-07-17')).toBe(false);
    expect(cal.isProjected('2026-07-18')).toBe(true);
  });

  it("counts 30 Diet days from the Councillors' receipt, skipping days out of session", () => {
    const span = { amount: 30, unit: 'diet-days' as const, calendar: 'JP' as const };
    // Received 1 June 2026: 30 days in session end with 1 July; the result is the end of that day.
    expect(iso(calendarDue(at('2026-06-01'), span))).toBe('2026-07-02T00:00:00.000Z');
    // Received 1 February 2026 (no Diet until 18 February): 18 Feb + 29 days = 19 March, ended.
    expect(iso(calendarDue(at('2026-02-01'), span))).toBe('2026-03-20T00:00:00.000Z');
  });

  it('projects an ordinary session beyond the published sessions, and checks the data it is given', () => {
    expect(cal.isInSession('2027-01-20')).toBe(true);
    expect(cal.isProjected('2027-01-20')).toBe(true);
    expect(cal.isInSession('2027-06-18')).toBe(true); // 150th day
    expect(cal.isInSession('2027-06-19')).toBe(false);
    expect(() =>
      parseDietCalendar(
        { sessions: [{ kind: 'ordinary', convened: '2026-02-01', closed: '2026-01-01' }] },
        'x',
      ),
    ).toThrow(DietCalendarError);
  });
});

describe('projected dates and recorded events (issue 10)', () => {
  const event = (e: Partial<CalendarEvent>): CalendarEvent => ({
    id: 'cal-1',
    chamber: 'diet',
    kind: 'session',
    from: '2026-01-01',
    source: 'test',
    recordedBy: { sub: 'jp-coordinator', name: 'JP Coordinator', party: 'JP' },
    recordedAt: '2026-12-02T00:00:00.000Z',
    ...e,
  });
  const diet = { amount: 30, unit: 'diet-days' as const, calendar: 'JP' as const };
  const sitting = { amount: 3, unit: 'sitting-days' as const, calendar: 'CA' as const };

  it('marks a count of Diet days projected only when it runs past the published sessions', () => {
    expect(calendarDueAnswer(at('2026-06-01'), diet).projected).toBe(false);
    expect(calendarDueAnswer(at('2026-07-01'), diet).projected).toBe(true);
    // Business and calendar days are rules, not published data: never projected.
    expect(calendarDueAnswer(at('2030-01-01'), { amount: 5, unit: 'business-days', calendar: 'JP' })).toEqual(
      {
        due: at('2030-01-10'), // 1–3 January are not Japanese business days
        projected: false,
      },
    );
  });

  it('marks every sitting-day count on the approximate shipped calendar projected, not on a published one', () => {
    expect(calendarDueAnswer(at('2026-03-01'), sitting).projected).toBe(true);
    const published = parseSittingCalendar(
      { approximate: false, sittings: ['2026-03-02', '2026-03-03', '2026-03-04'] },
      'published',
    );
    expect(calendarDueAnswer(at('2026-03-01'), sitting, published)).toEqual({
      due: at('2026-03-05'),
      projected: false,
    });
    expect(published.isProjected('2027-01-04')).toBe(true);
  });

  it('adds a recorded prorogation to the House of Commons calendar', () => {
    const cal = parseSittingCalendar(
      {
        approximate: false,
        sittings: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'],
      },
      'published',
    );
    const prorogued = withSittingEvents(cal, [
      event({ chamber: 'house-of-commons', kind: 'prorogation', from: '2026-03-03', to: '2026-03-03' }),
    ]);
    expect(prorogued.isSittingDay('2026-03-03')).toBe(false);
    expect(calendarDue(at('2026-03-01'), sitting, prorogued).toISOString()).toBe('2026-03-06T00:00:00.000Z');
    expect(prorogued.interruptions.at(-1)).toMatchObject({ kind: 'prorogation', from: '2026-03-03' });
  });

  it('a recorded Diet dissolution closes the session that day and no session is projected for 70 days', () => {
    const base = loadDietCalendar();
    const dissolved = withDietEvents(base, [event({ kind: 'dissolution', from: '2026-06-01' })]);
    expect(base.isInSession('2026-06-02')).toBe(true);
    expect(dissolved.isInSession('2026-06-01')).toBe(true);
    expect(dissolved.isInSession('2026-06-02')).toBe(false);
    // After a dissolution the next session is not known yet: a projection, with no session for 70 days.
    expect(dissolved.isProjected('2026-06-02')).toBe(true);
    expect(dissolved.isInSession('2026-08-10')).toBe(false);
    // A recorded special session after the election: in session again, published until it closes.
    const withSession = withDietEvents(base, [
      event({ kind: 'dissolution', from: '2026-06-01' }),
      event({ id: 'cal-2', kind: 'session', sessionKind: 'special', from: '2026-07-20', to: '2026-07-31' }),
    ]);
    expect(withSession.isInSession('2026-07-01')).toBe(false);
    expect(withSession.isInSession('2026-07-20')).toBe(true);
    expect(withSession.isProjected('2026-07-31')).toBe(false);
    expect(withSession.isInSession('2026-08-01')).toBe(false);
    // The 30-day rule counted from 1 July: 12 days in July, then 18 of the projected ordinary session of 2027.
    const a = calendarDueAnswer(at('2026-07-01'), diet, undefined, withSession);
    expect(a.projected).toBe(true);
    expect(a.due.toISOString()).toBe('2027-02-07T00:00:00.000Z');
  });
});
