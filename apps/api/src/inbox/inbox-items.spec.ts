import type { Delegation } from '../../../../libs/contracts/src/delegations';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView, StepView } from '../../../../libs/contracts/src/process-view';
import { inboxItemsOf, sortInbox, type InboxItem } from './inbox-items';
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
