/** GET /inbox/withdrawn from a listing: no Query for a process with the withdrawn memo, the same notices. */
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView } from '../../../../libs/contracts/src/process-view';
import { WITHDRAWN_MEMO, withdrawnMemoOf } from '../../../../libs/contracts/src/withdrawn-memo';
import { stepView } from '../../../../test/support/views';
import { withdrawnFromListing, type ListedProcess } from './withdrawn-listing';

const DAY = 86_400_000;

function restarted(id: string, at: string): ProcessView {
  return {
    id,
    title: `Process ${id}`,
    definitionId: 'd',
    definitionVersion: 1,
    definitionTitle: 'D',
    status: 'running',
    businessKey: null,
    initiativeId: null,
    parameters: {},
    initiator: { sub: 'x', name: 'X' },
    startedAt: '2026-01-01T00:00:00.000Z',
    closedAt: null,
    outcome: null,
    lastProgressAt: at,
    dueTimesPending: false,
    steps: [
      stepView('draft', { title: 'Draft', status: 'active' }),
      stepView('review', {
        title: 'Review',
        status: 'waiting',
        withdrawnFrom: ['CA:ca-dnd'],
        waitsFor: ['draft'],
        latestChangeRequest: {
          at,
          by: { sub: 'jp-meti', name: 'Meti' },
          party: 'JP',
          comment: 'Annex B',
          fromStepId: 'review',
          fromStepTitle: 'Review',
          round: 2,
        },
      }),
    ],
  };
}

const reader: Principal = { sub: 'ca-dnd', name: 'Dnd', party: 'CA', org: 'DND', roles: ['ca-dnd'] };
const views = new Map(
  [
    restarted('p1', '2026-04-02T00:00:00.000Z'),
    restarted('p2', '2026-04-03T00:00:00.000Z'),
    restarted('p3', '2026-04-01T00:00:00.000Z'),
  ].map((v) => [v.id, v]),
);
const window = { since: Date.parse('2026-03-20T00:00:00.000Z'), noticeMs: 14 * DAY };

async function answer(listed: ListedProcess[], answers = true) {
  const queried: string[] = [];
  const got = await withdrawnFromListing(listed, reader, [], window, {
    query: async (id) => {
      queried.push(id);
      return answers ? (views.get(id) ?? null) : null;
    },
    readable: (v) => v,
    localize: (_v, notices) => notices,
    concurrency: 2,
  });
  return { ...got, queried };
}

const withMemo = (id: string): ListedProcess => ({
  workflowId: id,
  memo: JSON.parse(JSON.stringify({ [WITHDRAWN_MEMO]: withdrawnMemoOf(views.get(id)!) })) as Record<
    string,
    unknown
  >,
});

describe('withdrawnFromListing', () => {
  it('Queries no process that carries the memo, and answers as the Queries do', async () => {
    const ids = ['p1', 'p2', 'p3'];
    const fromMemo = await answer(ids.map(withMemo));
    const fromQuery = await answer(ids.map((workflowId) => ({ workflowId, memo: null })));
    expect(fromMemo.queried).toEqual([]);
    expect(fromQuery.queried.sort()).toEqual(ids);
    expect(fromMemo.items.map((n) => n.processId)).toEqual(['p2', 'p1', 'p3']);
    expect(fromMemo.items).toEqual(fromQuery.items);
    expect(fromMemo.unanswered).toBe(0);
  });

  it('Queries only the processes listed without it (started before it, or past its cap)', async () => {
    const got = await answer([withMemo('p1'), { workflowId: 'p2' }, withMemo('p3')]);
    expect(got.queried).toEqual(['p2']);
    expect(got.items).toHaveLength(3);
  });

  it('counts a process without the memo whose Query does not answer', async () => {
    const got = await answer([withMemo('p1'), { workflowId: 'p2', memo: {} }], false);
    expect(got.queried).toEqual(['p2']);
    expect(got.unanswered).toBe(1);
    expect(got.items.map((n) => n.processId)).toEqual(['p1']);
  });
});
