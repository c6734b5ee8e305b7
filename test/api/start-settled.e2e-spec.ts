/**
 * POST /processes settles the new process's first view in the API (workflows/engine/first.ts) and starts
 * the workflow with those due times (`ProcessInput.firstDues`) in one plain start: the answer must be what
 * the workflow then holds. For every shipped definition, the answer's status, steps and due times equal a
 * state Query right after, and GET /processes/{id} (the same view for people) agrees with the answer.
 */
import { randomUUID } from 'node:crypto';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import { stateQuery, type ProcessInput } from '../../libs/contracts/src/messages';
import type { ProcessView } from '../../libs/contracts/src/process-view';
import { SA } from '../../libs/contracts/src/search-attributes';
import { VIEW_MEMO } from '../../libs/contracts/src/view-memo';
import { api, type Json } from '../support/auth';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';

/** What the engine settles: the process's status and instants, and each step's state and due times. */
function settled(v: ProcessView | Json) {
  return {
    id: v.id,
    status: v.status,
    startedAt: v.startedAt,
    dueTimesPending: v.dueTimesPending,
    steps: (v.steps as ProcessView['steps']).map((s) => ({
      id: s.id,
      status: s.status,
      startedAt: s.startedAt,
      dueAt: s.dueAt,
      dueProjected: s.dueProjected ?? false,
      dueByParty: s.dueByParty ?? null,
      round: s.round,
    })),
  };
}

/** Who can act now, per step and party (delegates included), as the view for people names them. */
const holders = (v: Json) =>
  (v.steps as Json[]).map((s) =>
    Object.fromEntries(Object.entries(s.parties ?? {}).map(([p, pv]) => [p, (pv as Json).holders ?? null])),
  );

describe('POST /processes answers the first settled view the workflow then holds', () => {
  closeTestClientAfterAll();

  it('for every shipped definition: status, steps and due times equal a state Query right after', async () => {
    const client = await testClient();
    const defs = await api('GET', '/api/v1/definitions', { as: 'jp-officer' });
    expect(defs.status).toBe(200);
    const ids: string[] = defs.body.map((d: { id: string }) => d.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    let withDeadlines = 0;
    for (const definitionId of ids) {
      const res = await api('POST', '/api/v1/processes', {
        as: 'jp-officer',
        body: { definitionId, title: `First view ${randomUUID().slice(0, 8)}`, allowDuplicate: true },
      });
      expect([definitionId, res.status]).toEqual([definitionId, 201]);
      const answer = res.body as ProcessView;
      expect(answer.dueTimesPending).toBe(false);
      if (answer.steps.some((s) => s.dueAt)) withDeadlines++;

      const handle = client.workflow.getHandle(answer.id);
      const held = await handle.query(stateQuery);
      expect(settled(held)).toEqual(settled(answer));

      const got = await api('GET', `/api/v1/processes/${answer.id}`, { as: 'jp-officer' });
      expect(got.status).toBe(200);
      expect(settled(got.body)).toEqual(settled(answer));
      // The people named in the answer are those GET names (nobody here has delegated).
      expect(holders(got.body)).toEqual(holders(answer));
      await api('POST', `/api/v1/processes/${answer.id}/cancel`, {
        as: 'jp-coordinator',
        body: { reason: 'test done' },
      });
    }
    expect(withDeadlines).toBeGreaterThanOrEqual(3);
  });

  it('names the holders without their delegates, as the answer to any action does; GET names the delegates', async () => {
    const delegation = await api('POST', '/api/v1/delegations', {
      as: 'jp-mod-atla',
      body: { to: 'jp-moj', until: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(delegation.status).toBe(201);
    try {
      const res = await api('POST', '/api/v1/processes', {
        as: 'jp-officer',
        body: { definitionId: 'implementing-arrangement', title: `Delegates ${randomUUID().slice(0, 8)}` },
      });
      expect(res.status).toBe(201);
      const draftHolders = (v: Json) =>
        ((v.steps as Json[]).find((s) => s.id === 'draft-by-jp')!.parties.JP.holders ?? []) as Json[];
      expect(draftHolders(res.body).map((h) => h.sub)).toContain('jp-mod-atla');
      expect(draftHolders(res.body).filter((h) => h.onBehalfOf)).toEqual([]);
      const got = await api('GET', `/api/v1/processes/${res.body.id}`, { as: 'jp-officer' });
      expect(got.status).toBe(200);
      expect(draftHolders(got.body)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            sub: 'jp-moj',
            onBehalfOf: expect.objectContaining({ sub: 'jp-mod-atla' }),
          }),
        ]),
      );
      await api('POST', `/api/v1/processes/${res.body.id}/cancel`, {
        as: 'jp-coordinator',
        body: { reason: 'test done' },
      });
    } finally {
      await api('DELETE', `/api/v1/delegations/${delegation.body.id}`, { as: 'jp-mod-atla' });
    }
  });

  it('the workflow ran from the due times it was given (no due-time activity), started listed as settled', async () => {
    const client = await testClient();
    const res = await api('POST', '/api/v1/processes', {
      as: 'jp-officer',
      body: { definitionId: 'implementing-arrangement', title: `Given dues ${randomUUID().slice(0, 8)}` },
    });
    expect(res.status).toBe(201);
    const handle = client.workflow.getHandle(res.body.id);
    const view = await handle.query(stateQuery);
    expect(view.steps.some((s) => s.dueAt)).toBe(true);
    const history = await handle.fetchHistory();
    const markers = (history.events ?? []).map((e) => e.markerRecordedEventAttributes?.markerName);
    expect(markers).toContain('core_patch'); // markers are recorded (the patches of the first activation)
    // A local activity leaves its own marker: none, the due times came with the input.
    expect(markers).not.toContain('core_local_activity');
    const input = await decodeFromPayloadsAtIndex<ProcessInput>(
      client.options.loadedDataConverter,
      0,
      history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads,
    );
    expect(input.firstDues?.at).toBe(res.body.startedAt);
    expect(Object.keys(input.firstDues?.dues ?? {}).length).toBeGreaterThan(0);
    // Started listed as it is: the settled state's search attributes and the inbox's memo in the start.
    const started = history.events![0]!.workflowExecutionStartedEventAttributes!;
    expect(Object.keys(started.searchAttributes?.indexedFields ?? {})).toEqual(
      expect.arrayContaining([SA.awaitingRoles.name, SA.nextDueAt.name, SA.currentSteps.name]),
    );
    const memo = await decodeFromPayloadsAtIndex<ProcessView>(client.options.loadedDataConverter, 0, [
      started.memo!.fields![VIEW_MEMO]!,
    ]);
    expect(memo.steps.filter((s) => s.status === 'active').map((s) => s.id)).toEqual(
      view.steps.filter((s) => s.status === 'active').map((s) => s.id),
    );
    await api('POST', `/api/v1/processes/${res.body.id}/cancel`, {
      as: 'jp-coordinator',
      body: { reason: 'test done' },
    });
  });
});
