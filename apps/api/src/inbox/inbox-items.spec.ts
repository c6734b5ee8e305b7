import type { Delegation } from '../../../../libs/contracts/src/delegations';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView, StepView } from '../../../../libs/contracts/src/process-view';
import {
  definitionsWithRoles,
  inboxItemsOf,
  sortInbox,
  withdrawnNoticesOf,
  type InboxItem,
} from './inbox-items';
import { fixtures } from '../../../../test/engine/fixtures';
import { stepView as baseStep } from '../../../../test/support/views';

const stepView = (id: string, over: Partial<StepView> = {}): StepView =>
  baseStep(id, {
    startedAt: '2026-01-01T00:00:00.000Z',
    parties: {
      JP: { roles: ['jp-meti'], rule: 'any', status: 'pending', awaitedRoles: ['jp-meti'], decisions: [] },
      CA: { roles: ['ca-gac'], rule: 'any', status: 'pending', awaitedRoles: ['ca-gac'], decisions: [] },
    },
    ...over,
  });

function view(steps: StepView[], status: ProcessView['status'] = 'running'): ProcessView {
  return {
    id: 'p1',
    title: 'P',
    definitionId: 'd',
    definitionVersion: 1,
    definitionTitle: 'D',
    status,
    businessKey: null,
    initiativeId: null,
    parameters: {},
    initiator: { sub: 'x', name: 'X' },
    startedAt: '',
    closedAt: null,
    outcome: null,
    lastProgressAt: '',
    dueTimesPending: false,
    steps,
  };
}

const meti: Principal = { sub: 'jp-meti', name: 'Meti', party: 'JP', org: 'METI', roles: ['jp-meti'] };
const now = Date.parse('2026-06-01T00:00:00Z');

describe('inboxItemsOf', () => {
  it("lists active approval/task steps pending for the caller's party and role", () => {
    const items = inboxItemsOf(
      view([
        stepView('a', { dueAt: '2026-05-01T00:00:00Z' }),
        // The engine awaits nobody on a waiting step.
        stepView('b', {
          status: 'waiting',
          parties: {
            JP: { roles: ['jp-meti'], rule: 'any', status: 'pending', awaitedRoles: [], decisions: [] },
          },
        }),
        stepView('t', { type: 'timer', parties: {} }),
        stepView('c', {
          parties: {
            CA: {
              roles: ['ca-gac'],
              rule: 'any',
              status: 'pending',
              awaitedRoles: ['ca-gac'],
              decisions: [],
            },
          },
        }),
        stepView('d', {
          parties: {
            JP: { roles: ['jp-meti'], rule: 'any', status: 'done', awaitedRoles: [], decisions: [] },
          },
        }),
      ]),
      meti,
      [],
      now,
    );
    expect(items.map((i) => i.stepId)).toEqual(['a']);
    expect(items[0]).toMatchObject({ party: 'JP', roles: ['jp-meti'], overdue: true, onBehalfOf: null });
  });

  it('leaves out steps the caller already decided this round, and closed processes', () => {
    const decided = stepView('a', {
      parties: {
        JP: {
          roles: ['jp-meti'],
          rule: { quorum: 2 },
          status: 'pending',
          awaitedRoles: ['jp-meti'],
          decisions: [
            {
              by: 'jp-meti',
              byName: 'M',
              onBehalfOf: null,
              decision: 'approve',
              comment: null,
              at: '',
              role: 'jp-meti',
              round: 1,
            },
          ],
        },
      },
    });
    expect(inboxItemsOf(view([decided]), meti, [], now)).toEqual([]);
    expect(inboxItemsOf(view([decided], 'cancelled'), meti, [], now)).toEqual([]);
    expect(inboxItemsOf(view([{ ...decided, round: 2 }]), meti, [], now)).toHaveLength(1);
  });

  it('under rule all, drops a role a colleague already approved this round', () => {
    const s = stepView('a', {
      parties: {
        JP: {
          roles: ['jp-meti', 'jp-mofa'],
          rule: 'all',
          status: 'pending',
          awaitedRoles: ['jp-mofa'],
          decisions: [
            {
              by: 'jp-meti-2',
              byName: 'M2',
              onBehalfOf: null,
              decision: 'approve',
              comment: null,
              at: '',
              role: 'jp-meti',
              round: 1,
            },
          ],
        },
      },
    });
    expect(inboxItemsOf(view([s]), meti, [], now)).toEqual([]);
    const mofa: Principal = { ...meti, sub: 'jp-mofa', roles: ['jp-mofa'] };
    expect(inboxItemsOf(view([s]), mofa, [], now).map((i) => i.roles)).toEqual([['jp-mofa']]);
  });

  it('adds delegated steps with onBehalfOf', () => {
    const mofa: Principal = { ...meti, sub: 'jp-mofa', roles: ['jp-mofa'] };
    const d: Delegation = {
      id: 'dlg',
      from: { sub: 'jp-meti', name: 'Meti' },
      to: { sub: 'jp-mofa', name: 'Mofa' },
      party: 'JP',
      roles: ['jp-meti'],
      until: '2027-01-01T00:00:00Z',
      createdAt: '',
      createdBy: { sub: 'jp-meti', name: 'Meti' },
    };
    const items = inboxItemsOf(view([stepView('a')]), mofa, [d], now);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ roles: ['jp-meti'], onBehalfOf: { sub: 'jp-meti', name: 'Meti' } });
  });
});

describe('sortInbox', () => {
  it('puts the soonest due first and undated last', () => {
    const item = (stepId: string, dueAt: string | null) =>
      ({ stepId, dueAt, activeSince: null }) as InboxItem;
    const sorted = sortInbox([
      item('none', null),
      item('late', '2026-07-01T00:00:00Z'),
      item('soon', '2026-06-02T00:00:00Z'),
    ]);
    expect(sorted.map((i) => i.stepId)).toEqual(['soon', 'late', 'none']);
  });
});

describe('withdrawnNoticesOf', () => {
  const DAY = 86_400_000;
  const cr = {
    at: '2026-05-30T09:00:00.000Z',
    by: { sub: 'ca-gac', name: 'Jane Roy' },
    party: 'CA' as const,
    comment: 'Align the French text',
    fromStepId: 'text',
    fromStepTitle: 'Text finalised',
    round: 2,
  };
  const withdrawn = (over: Partial<StepView> = {}) =>
    view([
      stepView('draft', { title: 'Prepare draft', type: 'task', status: 'active' }),
      stepView('text', {
        title: 'Text finalised',
        status: 'waiting',
        withdrawnFrom: ['JP:jp-meti'],
        latestChangeRequest: cr,
        waitsFor: ['draft'],
        ...over,
      }),
    ]);

  it('tells the reviewer who had not decided: who asked, why, and when the step comes back', () => {
    const [n, ...rest] = withdrawnNoticesOf(withdrawn(), meti, [], now - 14 * DAY, 14 * DAY);
    expect(rest).toEqual([]);
    expect(n).toMatchObject({ stepId: 'text', roles: ['jp-meti'], withdrawnAt: cr.at, changeRequest: cr });
    expect(n!.message).toBe(
      '"Text finalised" left your inbox on 2026-05-30: Jane Roy (CA) asked for changes ("Align the French text"). ' +
        'Round 2 comes back to your inbox when "Prepare draft" is done.',
    );
    expect(n!.noticeUntil).toBe(new Date(Date.parse(cr.at) + 14 * DAY).toISOString());
  });

  it('nothing for others, for a step active again, or once the notice period is over', () => {
    const caller: Principal = { ...meti, sub: 'jp-mofa', roles: ['jp-mofa'] };
    expect(withdrawnNoticesOf(withdrawn(), caller, [], 0, DAY)).toEqual([]);
    expect(withdrawnNoticesOf(withdrawn({ status: 'active' }), meti, [], 0, DAY)).toEqual([]);
    expect(withdrawnNoticesOf(withdrawn(), meti, [], Date.parse(cr.at) + 1, DAY)).toEqual([]);
    // A delegate of the role is told too.
    const delegation = { roles: ['jp-meti'] } as Delegation;
    expect(withdrawnNoticesOf(withdrawn(), caller, [delegation], 0, DAY)).toHaveLength(1);
  });

  it("looks only at definitions where the caller's roles act", () => {
    const defs = [fixtures.review, fixtures.quorum];
    expect(definitionsWithRoles(defs, 'JP', new Set(['jp-mofa-negotiator']))).toEqual(['test-review']);
    expect(definitionsWithRoles(defs, 'CA', new Set(['jp-mofa-negotiator']))).toEqual([]);
  });
});
