import { calendarDue } from './compute-due';
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
