/** The view memo (libs/contracts/src/view-memo.ts) answers the inbox and stuck exactly as the full view does. */
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import { memoViewOf } from '../../../../libs/contracts/src/view-memo';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { DecisionView, ProcessView, StepView } from '../../../../libs/contracts/src/process-view';
import { stepView } from '../../../../test/support/views';
import { idleItems, overdueItems } from '../../../../libs/monitoring/src/classify';
import { inboxItemsOf } from './inbox-items';

const decision = (by: string, round: number, comment: string): DecisionView => ({
  by,
  byName: by,
  onBehalfOf: null,
  decision: 'approve',
  comment,
  at: '2026-05-01T00:00:00.000Z',
  role: 'jp-meti',
  round,
});

const party = (roles: string[], awaited: string[], decisions: DecisionView[] = []) => ({
  roles,
  rule: 'all' as const,
  status: 'pending' as const,
  awaitedRoles: awaited,
  decisions,
});

const steps: StepView[] = [
  stepView('draft', {
    type: 'task',
    status: 'completed',
    outputs: { ref: 'MOFA-TR-1', note: 'internal working note' },
    outputTypes: { ref: 'reference', note: 'text' },
    parties: { JP: party(['jp-neg'], []) },
  }),
  stepView('review', {
    round: 2,
    startedAt: '2026-04-01T00:00:00.000Z',
    dueAt: '2026-05-15T00:00:00.000Z',
    dueByParty: { JP: '2026-05-14T00:00:00.000Z', CA: '2026-05-15T00:00:00.000Z' },
    latestChangeRequest: {
      at: '2026-03-31T00:00:00.000Z',
      by: { sub: 'ca-gac', name: 'Gac' },
      party: 'CA',
      comment: 'Annex B',
      fromStepId: 'review',
      fromStepTitle: 'review',
      round: 2,
    },
    parties: {
      // Round 1's decisions do not count any more; colleague jp-meti-2 approved round 2.
      JP: party(
        ['jp-meti', 'jp-mofa'],
        ['jp-meti', 'jp-mofa'],
        [decision('jp-meti', 1, 'round one'), decision('jp-meti-2', 2, 'fine')],
      ),
      CA: party(['ca-gac'], ['ca-gac']),
    },
  }),
  stepView('sign', { status: 'waiting', waitsFor: ['review'], parties: { JP: party(['jp-mofa'], []) } }),
  stepView('timer', { type: 'timer', parties: {} }),
];

const view: ProcessView = {
  id: 'p1',
  title: 'P',
  definitionId: 'd',
  definitionVersion: 1,
  definitionTitle: 'D',
  status: 'running',
  businessKey: 'BK-1',
  initiativeId: null,
  parameters: { secret: 'not for the inbox' },
  initiator: { sub: 'x', name: 'X' },
  startedAt: '2026-01-01T00:00:00.000Z',
  closedAt: null,
  outcome: null,
  lastProgressAt: '2026-04-01T00:00:00.000Z',
  dueTimesPending: false,
  steps,
};

const meti: Principal = { sub: 'jp-meti', name: 'Meti', party: 'JP', org: 'METI', roles: ['jp-meti'] };
const colleague: Principal = { ...meti, sub: 'jp-meti-2', name: 'Meti 2' };
const gac: Principal = { sub: 'ca-gac', name: 'Gac', party: 'CA', org: 'GAC', roles: ['ca-gac'] };
const delegate: Principal = { sub: 'jp-deputy', name: 'Deputy', party: 'JP', org: 'MOFA', roles: [] };
const delegation: Delegation = {
  id: 'dl-1',
  party: 'JP',
  from: { sub: 'jp-mofa', name: 'Mofa' },
  to: { sub: 'jp-deputy', name: 'Deputy' },
  roles: ['jp-mofa'],
  until: '2027-01-01T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: { sub: 'jp-mofa', name: 'Mofa' },
};
const now = Date.parse('2026-05-14T12:00:00Z');

const usersWithRole = (party: string, role: string) => [{ id: `${party}-${role}`, name: role }];

describe('memoViewOf', () => {
  it.each([
    ['own role', meti, []],
    ['a colleague who decided this round', colleague, []],
    ['the other party', gac, []],
    ['a delegate', delegate, [delegation]],
  ] as Array<[string, Principal, Delegation[]]>)(
    'gives the same inbox items as the view (%s)',
    (_, who, d) => {
      const memo = JSON.parse(JSON.stringify(memoViewOf(view))) as ProcessView;
      expect(inboxItemsOf(memo, who, d, now)).toEqual(inboxItemsOf(view, who, d, now));
    },
  );

  it('gives the same overdue and idle items as the view', () => {
    const memo = JSON.parse(JSON.stringify(memoViewOf(view))) as ProcessView;
    const at = new Date('2026-06-01T00:00:00Z');
    const since = new Date('2026-05-01T00:00:00Z');
    expect(overdueItems(view, at, usersWithRole).length).toBeGreaterThan(0);
    expect(overdueItems(memo, at, usersWithRole)).toEqual(overdueItems(view, at, usersWithRole));
    expect(idleItems(memo, at, since, usersWithRole)).toEqual(idleItems(view, at, since, usersWithRole));
  });

  it('keeps the active steps and the references only: no comments, parameters or other outputs', () => {
    const memo = memoViewOf(view);
    expect(memo.steps.map((s) => s.id)).toEqual(['draft', 'review', 'timer']);
    expect(memo.steps[0]!.outputs).toEqual({ ref: 'MOFA-TR-1' });
    expect(memo.parameters).toEqual({});
    const jp = memo.steps[1]!.parties.JP!;
    expect(jp.decisions).toEqual([{ ...decision('jp-meti-2', 2, 'fine'), comment: null }]);
    expect(inboxItemsOf(view, meti, [], now)).toHaveLength(1);
    expect(inboxItemsOf(view, colleague, [], now)).toHaveLength(0);
  });
});
