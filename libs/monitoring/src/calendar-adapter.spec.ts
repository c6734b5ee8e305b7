import type { CalendarEvent } from '../../contracts/src/calendar-events';
import { recordedCalendars } from './calendar-adapter';
import { cachedRecordedEvents } from './recorded-events-source';

const DAY = 86_400_000;
const from = new Date('2026-03-02T15:00:00.000Z'); // a Monday, the House sitting
const sitting = { amount: 2, unit: 'sitting-days' as const, calendar: 'CA' as const };
const prorogation: CalendarEvent = {
  id: 'cal-1',
  chamber: 'house-of-commons',
  kind: 'prorogation',
  from: '2026-03-03',
  to: '2026-03-20',
  source: 'Proclamation (test)',
  recordedBy: { sub: 'ca-coordinator', name: 'CA Coordinator', party: 'CA' },
  recordedAt: '2026-03-02T12:00:00.000Z',
};

describe('recordedCalendars: the recorded events every idle computation counts (API and digest alike)', () => {
  it('counts the events the source holds once refreshed, and again when they change', async () => {
    let stored: CalendarEvent[] = [];
    let reads = 0;
    const source = cachedRecordedEvents(async () => {
      reads++;
      return stored;
    }, 0);
    const cals = recordedCalendars({ dayLengthMs: DAY }, source);
    await cals.refresh();
    const shipped = cals.addSpan(from, sitting);
    stored = [prorogation];
    expect(cals.addSpan(from, sitting)).toEqual(shipped); // not refreshed yet: the events last read
    await cals.refresh();
    const prorogued = cals.addSpan(from, sitting);
    expect(prorogued.getTime()).toBeGreaterThan(Date.parse('2026-03-21T00:00:00.000Z'));
    expect(prorogued.getTime()).toBeGreaterThan(shipped.getTime());
    stored = [];
    await cals.refresh();
    expect(cals.addSpan(from, sitting)).toEqual(shipped);
    expect(reads).toBe(3);
  });

  it('reads the store once per cache period', async () => {
    let reads = 0;
    const source = cachedRecordedEvents(async () => {
      reads++;
      return [prorogation];
    }, 60_000);
    const cals = recordedCalendars({ dayLengthMs: DAY }, source);
    await cals.refresh();
    await cals.refresh();
    expect(reads).toBe(1);
    await source.list(0); // a write reads again at once
    expect(reads).toBe(2);
  });

  it('a store that does not answer: the API goes on with the events last read, the digest fails (and retries)', async () => {
    let fail = false;
    const source = cachedRecordedEvents(async () => {
      if (fail) throw new Error('deadline exceeded');
      return [prorogation];
    }, 0);
    const api = recordedCalendars({ dayLengthMs: DAY }, source, 'keep-last');
    const digest = recordedCalendars({ dayLengthMs: DAY }, source, 'throw');
    await api.refresh();
    const prorogued = api.addSpan(from, sitting);
    fail = true;
    await expect(api.refresh()).resolves.toBeUndefined();
    expect(api.addSpan(from, sitting)).toEqual(prorogued);
    await expect(digest.refresh()).rejects.toThrow('deadline exceeded');
  });
});
