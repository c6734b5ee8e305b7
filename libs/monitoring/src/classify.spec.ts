import type { ProcessView, StepView } from '../../contracts/src/process-view';
import { failingItems, idleItems, overdueItems } from './classify';
import { getDefinition } from '../../definitions/src';
import { calendarAddSpan } from './calendar-adapter';
import { legislativeIdleSpan, legislatureOf, minElapsedMs } from './idle-threshold';
import { stepView as baseStep } from '../../../test/support/views';

const users = (party: string, role: string) =>
  role === 'ca-parliament-liaison' && party === 'CA' ? [{ id: 'ca-pl-1', name: 'Pat Liaison' }] : [];

const step = (id: string, extra: Partial<StepView>): StepView =>
  baseStep(id, { title: `Step ${id}`, startedAt: '2026-01-01T00:00:00.000Z', ...extra });

const view = (steps: StepView[], extra: Partial<ProcessView> = {}): ProcessView => ({
  id: 'process-1',
  title: 'MLAT',
  definitionId: 'agreement-entry-into-force',
  definitionVersion: 1,
  definitionTitle: 'A',
  status: 'running',
  businessKey: null,
  initiativeId: null,
  parameters: {},
  initiator: { sub: 'u', name: 'U' },
  startedAt: '2026-01-01T00:00:00.000Z',
  closedAt: null,
  outcome: null,
  lastProgressAt: '2026-01-02T00:00:00.000Z',
  dueTimesPending: false,
  steps,
  ...extra,
});

const now = new Date('2026-01-10T00:00:00.000Z');

describe('overdueItems', () => {
  it('one item per awaited party of each step past due, with roles and named users', () => {
    const v = view([
      step('legal', {
        dueAt: '2026-01-08T00:00:00.000Z',
        parties: {
          JP: { roles: ['jp-clb-examiner'], rule: 'all', status: 'done', awaitedRoles: [], decisions: [] },
          CA: {
            roles: ['ca-parliament-liaison'],
            rule: 'any',
            status: 'pending',
            awaitedRoles: ['ca-parliament-liaison'],
            decisions: [],
          },
        },
      }),
      step('later', { dueAt: '2026-01-11T00:00:00.000Z' }),
      step('timer', { type: 'timer', dueAt: '2026-01-01T00:00:00.000Z' }),
    ]);
    const items = overdueItems(v, now, users);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      stepId: 'legal',
      reason: 'overdue',
      since: '2026-01-08T00:00:00.000Z',
      stuckForMs: 2 * 86_400_000,
      waitingOn: {
        party: 'CA',
        roles: ['ca-parliament-liaison'],
        users: [{ id: 'ca-pl-1', name: 'Pat Liaison' }],
      },
    });
    expect(items[0]!.detail).toContain('2 d overdue');
  });

  it('nothing for a closed process', () => {
    expect(
      overdueItems(
        view([step('a', { dueAt: '2026-01-01T00:00:00.000Z' })], { status: 'cancelled' }),
        now,
        users,
      ),
    ).toEqual([]);
  });
});

describe('idleItems', () => {
  it('idle once past the threshold; since = when it tipped over', () => {
    const v = view([
      step('a', {
        parties: {
          CA: {
            roles: ['ca-parliament-liaison'],
            rule: 'any',
            status: 'pending',
            awaitedRoles: ['ca-parliament-liaison'],
            decisions: [],
          },
        },
      }),
    ]);
    expect(idleItems(v, now, new Date('2026-01-11T00:00:00.000Z'), users)).toEqual([]);
    const [item] = idleItems(v, now, new Date('2026-01-09T00:00:00.000Z'), users);
    expect(item).toMatchObject({
      reason: 'idle',
      stepId: 'a',
      since: '2026-01-09T00:00:00.000Z',
      waitingOn: { party: 'CA' },
    });
    expect(item!.detail).toContain('no progress since 2026-01-02');
  });
});

describe('failingItems', () => {
  const meta = { processId: 'p', title: 'T', definitionId: 'd', currentStep: 's' };
  it('activities retrying and workflow tasks failing; a first attempt is not failing', () => {
    const items = failingItems(
      meta,
      {
        pendingActivities: [
          {
            activityType: { name: 'notify' },
            attempt: 4,
            lastFailure: { message: 'ECONNREFUSED' },
            scheduledTime: new Date('2026-01-09T00:00:00.000Z'),
          },
          { activityType: { name: 'computeDue' }, attempt: 1 },
        ],
        pendingWorkflowTask: { attempt: 3, scheduledTime: new Date('2026-01-09T12:00:00.000Z') },
      },
      now,
      { at: new Date('2026-01-09T06:00:00.000Z'), cause: 'cause 24', message: 'Nondeterminism error' },
    );
    expect(items.map((i) => i.detail)).toEqual([
      'activity notify retrying: attempt 4; last error: ECONNREFUSED',
      'workflow task failing: attempt 3; cause 24: Nondeterminism error',
    ]);
    expect(items[1]!.since).toBe('2026-01-09T06:00:00.000Z');
  });
});

describe('minElapsedMs', () => {
  it('is a lower bound whatever the calendar and day length', () => {
    expect(minElapsedMs({ amount: 14, unit: 'calendar-days' }, 1000)).toBe(14_000);
    expect(minElapsedMs({ amount: 10, unit: 'business-days', calendar: 'JP' }, 86_400_000)).toBe(864_000_000);
    expect(minElapsedMs({ amount: 5, unit: 'seconds' }, 1000)).toBeLessThanOrEqual(5000);
    expect(minElapsedMs({ amount: 1, unit: 'month-starts' }, 86_400_000)).toBe(0);
  });
});

describe('idle detection and the legislatures (issue 10)', () => {
  const def = getDefinition('agreement-entry-into-force', 2)!;
  const addSpan = calendarAddSpan({ dayLengthMs: 86_400_000 });
  const idleAfter = { amount: 30, unit: 'calendar-days' as const };
  // Waiting on the House of Representatives since 24 January 2026, the day after its dissolution: no Diet
  // until the special session of 18 February.
  const last = '2026-01-24T00:00:00.000Z';
  const diet = view(
    [step('jp-representatives', { startedAt: last }), step('ca-tabling', { startedAt: last })],
    {
      lastProgressAt: last,
    },
  );
  const stepSince = (s: { id: string }) => {
    const l = legislatureOf(def, s.id);
    return l ? addSpan(new Date(last), legislativeIdleSpan(idleAfter, l)) : null;
  };
  const since = addSpan(new Date(last), idleAfter);

  it('knows which steps wait on a legislature', () => {
    expect(legislatureOf(def, 'jp-representatives')).toBe('diet');
    expect(legislatureOf(def, 'jp-councillors-period')).toBe('diet');
    expect(legislatureOf(def, 'ca-tabling-period')).toBe('house-of-commons');
    expect(legislatureOf(def, 'ca-tabling')).toBeNull();
  });

  it('counts a wait on the Diet in days the Diet sits: not idle while it is dissolved', () => {
    const at = new Date('2026-03-10T00:00:00.000Z'); // 45 calendar days later, 21 days of the Diet
    const items = idleItems(diet, at, since, users, undefined, stepSince);
    expect(items.map((i) => i.stepId)).toEqual(['ca-tabling']); // Canada's own step is idle
    const onlyDiet = view([step('jp-representatives', { startedAt: last })], { lastProgressAt: last });
    expect(idleItems(onlyDiet, at, since, users, undefined, stepSince)).toEqual([]);
    // Thirty days of the Diet: from 18 February, the end of 19 March.
    const later = idleItems(
      onlyDiet,
      new Date('2026-03-21T00:00:00.000Z'),
      since,
      users,
      undefined,
      stepSince,
    );
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ reason: 'idle', since: '2026-03-20T00:00:00.000Z' });
  });
});
