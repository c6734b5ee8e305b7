import { createDueCalculator } from '../../../../activities/compute-due';
import type { CalendarEvent } from '../../../../libs/contracts/src/calendar-events';
import type { ProcessInput } from '../../../../libs/contracts/src/messages';
import { fixtures, startInput } from '../../../../test/engine/fixtures';
import { VIEW_MEMO } from '../../../../libs/contracts/src/view-memo';
import { WITHDRAWN_MEMO } from '../../../../libs/contracts/src/withdrawn-memo';
import { createFirstSettle } from './first-settle';

const DAY = 86_400_000;
const AT = new Date('2026-03-02T09:00:00.000Z');
const prorogation: CalendarEvent = {
  id: 'ev-1',
  chamber: 'house-of-commons',
  kind: 'prorogation',
  from: '2026-03-03',
  to: '2026-04-30',
  source: 'Proclamation (test)',
  recordedBy: { sub: 'ca-coordinator', name: 'CA coordinator', party: 'CA' },
  recordedAt: '2026-03-01T00:00:00.000Z',
};

function settler(events: CalendarEvent[]) {
  const list = jest.fn(async (_maxAgeMs?: number) => events);
  return { list, first: createFirstSettle({ dayLengthMs: DAY }, list) };
}

const input = (def: ProcessInput['definition']): ProcessInput => ({ ...startInput(def), definition: def });

describe('FirstSettle (the API settles a new process as the workflow would)', () => {
  it('counts sitting days on the events recorded through /calendars, read fresh, as the activity does', async () => {
    const { list, first } = settler([prorogation]);
    const { view, firstDues } = await first.of(input(fixtures.legalWait), AT);
    expect(list).toHaveBeenCalledWith(0);
    // The activity's calculation with the same events (activities/index.ts reads them from the same store).
    const activity = createDueCalculator({ dayLengthMs: DAY, calendarEvents: async () => [prorogation] });
    const expected = await activity.computeDues([
      {
        key: 'tabling#1:due',
        fromIso: AT.toISOString(),
        span: { amount: 21, unit: 'sitting-days', calendar: 'CA' },
      },
    ]);
    expect(firstDues).toEqual({ at: AT.toISOString(), dues: expected });
    const tabling = view.steps.find((s) => s.id === 'tabling')!;
    expect(tabling.dueAt).toBe(expected['tabling#1:due']);
    // Without the prorogation the period ends sooner: the recorded event counted.
    const bare = await settler([]).first.of(input(fixtures.legalWait), AT);
    expect(bare.view.steps.find((s) => s.id === 'tabling')!.dueAt! < tabling.dueAt!).toBe(true);
    expect(view).toMatchObject({ startedAt: AT.toISOString(), dueTimesPending: false, status: 'running' });
    // Started with what the first task upserts: the timer's due time, the view memo and the withdrawn memo
    // (nothing withdrawn yet: an empty list, so GET /inbox/withdrawn never Queries it).
    const { searchAttributes, memo } = await first.of(input(fixtures.legalWait), AT);
    const named = Object.fromEntries(searchAttributes.map((p) => [p.key.name, p.value]));
    expect(named).toMatchObject({
      AccordStatus: 'running',
      AccordCurrentSteps: ['tabling'],
      AccordNextDueAt: new Date(tabling.dueAt!),
      AccordLastProgressAt: AT,
    });
    expect(Object.values(named)).not.toContain(null);
    expect((memo[VIEW_MEMO] as { steps: Array<{ id: string }> }).steps.map((s) => s.id)).toEqual(['tabling']);
    expect(memo[WITHDRAWN_MEMO]).toMatchObject({ v: 1, title: 'Test: legal-wait', changes: [], steps: [] });
  });

  it('names the chambers whose events changed between the read and a read after the start', async () => {
    const reads: CalendarEvent[][] = [[], [prorogation], [prorogation]];
    const list = jest.fn(async () => reads.shift()!);
    const { changedSince } = await createFirstSettle({ dayLengthMs: DAY }, list).of(
      input(fixtures.legalWait),
      AT,
    );
    expect(await changedSince!()).toEqual(['house-of-commons']);
    expect(await changedSince!()).toEqual(['house-of-commons']);
    const same = await settler([prorogation]).first.of(input(fixtures.legalWait), AT);
    expect(await same.changedSince!()).toEqual([]);
  });

  it('reads no calendar events for spans that do not count parliamentary days', async () => {
    const { list, first } = settler([prorogation]);
    const { view, changedSince } = await first.of(input(fixtures.deadline), AT);
    expect(list).not.toHaveBeenCalled();
    expect(changedSince).toBeNull();
    expect(view.steps[0]).toMatchObject({ status: 'active', dueAt: '2026-03-02T09:00:03.000Z' });
  });

  it('throws when the calendar events cannot be read (the workflow then computes the due times)', async () => {
    const list = jest.fn(async () => Promise.reject(new Error('store down')));
    const first = createFirstSettle({ dayLengthMs: DAY }, list);
    await expect(first.of(input(fixtures.legalWait), AT)).rejects.toThrow('store down');
  });
});
