import { readDueAt as read, type DueInput } from './due-input';

/** The reading, or the problem thrown as an error (to match its message). */
function readDueAt(raw: string, party: 'JP' | 'CA', at: number): DueInput {
  const r = read(raw, party, at);
  if ('problem' in r) throw new Error(`${r.problem.field}: ${r.problem.message}`);
  return r;
}

const now = Date.parse('2026-12-02T06:00:00Z');

describe('readDueAt', () => {
  it('reads a date alone as the end of that day in the capital of the party', () => {
    expect(readDueAt('2027-01-15', 'JP', now).dueAt).toBe('2027-01-15T14:59:59.000Z');
    // Ottawa in January is UTC-5: the end of the 15th there is 04:59:59 UTC on the 16th.
    const ca = readDueAt('2027-01-15', 'CA', now);
    expect(ca.dueAt).toBe('2027-01-16T04:59:59.000Z');
    expect(ca.meaning).toContain("end of that day in CA's capital (America/Toronto)");
    // Summer time in Ottawa (UTC-4).
    expect(readDueAt('2027-07-01', 'CA', now).dueAt).toBe('2027-07-02T03:59:59.000Z');
  });

  it('keeps a date-time as it is', () => {
    expect(readDueAt('2027-01-15T09:30:00+09:00', 'CA', now).dueAt).toBe('2027-01-15T00:30:00.000Z');
  });

  it('refuses a time already past, naming the field and the value', () => {
    expect(() => readDueAt('2026-01-15', 'JP', now)).toThrow(
      /dueAt: is in the past \(received: "2026-01-15"/,
    );
    expect(() => readDueAt('2026-12-02T05:59:00Z', 'JP', now)).toThrow(/in the past/);
    expect(() => readDueAt('soon', 'JP', now)).toThrow(/ISO 8601/);
  });

  it('answers a problem, never a throw, for dates before year 1000 and impossible dates (found by schemathesis)', () => {
    expect(() => readDueAt('0437-08-09', 'CA', now)).toThrow(
      /dueAt: is in the past \(received: "0437-08-09"/,
    );
    expect(() => readDueAt('0437-08-09', 'JP', now)).toThrow(/in the past/);
    expect(() => readDueAt('2027-13-48', 'JP', now)).toThrow(
      /not a date on the calendar \(received: "2027-13-48"\)/,
    );
    expect(() => readDueAt('2027-02-30', 'JP', now)).toThrow(/not a date on the calendar/);
    expect(() => readDueAt('+275760-09-14T00:00:01Z', 'JP', now)).toThrow(/ISO 8601/);
  });
});
