/**
 * Delegations that scale (issue 13, item 4), on a private API and namespace so the shared harness's users
 * keep their budgets. One user attempts 300 delegations, 30 at a time: exactly ACCORD_MAX_DELEGATIONS (20)
 * are stored, the rest get 409 DELEGATION_LIMIT, even when racing. The delegations live in small
 * per-person stores (no single workflow holds everyone's), and a delegate's decision and inbox still work,
 * reading only the delegate's own store. Timings are printed beside the same calls before any delegation
 * (figures, not assertions).
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  DELEGATIONS_WORKFLOW_ID,
  delegationsQuery,
  delegationStoreId,
} from '../../libs/contracts/src/delegations';
import { tokenFor, type Json } from '../support/auth';
import { waitFor } from '../support/wait';
import { startIsolatedApi, type IsolatedApi } from './support/isolated-api';

const ATTEMPTS = 300;
const AT_ONCE = 30;
const BOUND = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('300 delegations attempted by one user', () => {
  let world: IsolatedApi;
  beforeAll(async () => {
    world = await startIsolatedApi('delegations-scale');
  }, 120_000);
  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  async function call(as: string, method: string, route: string, body?: unknown) {
    const t0 = performance.now();
    const res = await fetch(`${world.apiUrl}/api/v1${route}`, {
      method,
      headers: {
        authorization: `Bearer ${tokenFor(as)}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : undefined) as Json,
      ms: performance.now() - t0,
    };
  }

  /** Starts a trade mission and waits until `as` finds its concept approval in their inbox. */
  async function awaitingIn(as: string): Promise<{ id: string; inboxMs: number }> {
    const started = await call('ca-officer', 'POST', '/processes', {
      definitionId: 'trade-mission',
      title: `Scale mission ${Math.random().toString(36).slice(2, 8)}`,
    });
    expect(started.status).toBe(201);
    let inboxMs = 0;
    await waitFor(
      `${started.body.id} in the inbox of ${as}`,
      async () => {
        const inbox = await call(as, 'GET', '/inbox');
        inboxMs = inbox.ms;
        return inbox.body.some(
          (i: Json) => i.processId === started.body.id && i.stepId === 'concept-approval',
        );
      },
      30_000,
      150,
    );
    return { id: started.body.id, inboxMs };
  }

  async function decisionsBy(as: string, n: number) {
    const inbox: number[] = [];
    const decisions: number[] = [];
    for (let i = 0; i < n; i++) {
      const { id, inboxMs } = await awaitingIn(as);
      inbox.push(inboxMs);
      const decided = await call(as, 'POST', `/processes/${id}/steps/concept-approval/decisions`, {
        decision: 'approve',
      });
      expect(decided.status).toBe(200);
      decisions.push(decided.ms);
      const jp = decided.body.parties.JP.decisions;
      expect(jp[jp.length - 1]).toMatchObject({ by: as, role: 'jp-meti' });
    }
    return { inbox: median(inbox), decision: median(decisions) };
  }

  it('stores the bound, refuses the rest with 409, and decisions and the inbox read one small store', async () => {
    const before = await decisionsBy('jp-meti', 3);

    const until = new Date(Date.now() + 3_600_000).toISOString();
    const statuses: number[] = [];
    const refusals: Json[] = [];
    const t0 = performance.now();
    for (let i = 0; i < ATTEMPTS; i += AT_ONCE) {
      const batch = await Promise.all(
        Array.from({ length: AT_ONCE }, () =>
          call('jp-meti', 'POST', '/delegations', { to: 'jp-mofa', until, roles: ['jp-meti'] }),
        ),
      );
      for (const r of batch) {
        statuses.push(r.status);
        if (r.status === 409) refusals.push(r.body);
      }
    }
    const attemptsMs = performance.now() - t0;
    expect(statuses.filter((s) => s === 201)).toHaveLength(BOUND);
    expect(statuses.filter((s) => s === 409)).toHaveLength(ATTEMPTS - BOUND);
    expect(refusals[0]).toMatchObject({
      code: 'DELEGATION_LIMIT',
      message: `jp-meti has given ${BOUND} active delegations, the most allowed (${BOUND}, ACCORD_MAX_DELEGATIONS): end one first`,
    });
    // A coordinator naming the delegator is bound the same way.
    const byCoordinator = await call('jp-coordinator', 'POST', '/delegations', {
      from: 'jp-meti',
      to: 'jp-jetro',
      until,
    });
    expect(byCoordinator).toMatchObject({ status: 409, body: { code: 'DELEGATION_LIMIT' } });

    // Small per-person stores, and no single one holding everyone's.
    const store = (id: string) => world.client.workflow.getHandle(id);
    expect(await store(delegationStoreId('given', 'jp-meti')).query(delegationsQuery)).toHaveLength(BOUND);
    expect(await store(delegationStoreId('received', 'jp-mofa')).query(delegationsQuery)).toHaveLength(BOUND);
    await expect(store(DELEGATIONS_WORKFLOW_ID).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect((await call('jp-meti', 'GET', '/delegations')).body).toHaveLength(BOUND);
    expect((await call('jp-coordinator', 'GET', '/delegations')).body).toHaveLength(BOUND);

    // jp-meti's own approval and jp-mofa's on jp-meti's behalf.
    const after = await decisionsBy('jp-mofa', 3);
    process.stderr.write(
      `[delegations-scale] ${ATTEMPTS} attempts (${AT_ONCE} at a time) in ${Math.round(attemptsMs)} ms: ` +
        `${BOUND} stored, ${ATTEMPTS - BOUND} refused (409)\n` +
        `[delegations-scale] median inbox ${before.inbox.toFixed(1)} ms, decision ${before.decision.toFixed(1)} ms ` +
        `before any delegation (jp-meti); inbox ${after.inbox.toFixed(1)} ms, decision ` +
        `${after.decision.toFixed(1)} ms with ${BOUND} delegations (jp-mofa on behalf)\n`,
    );

    // Ending one frees a place; the delegate's store no longer lists it.
    const one = (await call('jp-meti', 'GET', '/delegations')).body[0];
    expect((await call('jp-meti', 'DELETE', `/delegations/${one.id}`)).status).toBe(204);
    const received = await store(delegationStoreId('received', 'jp-mofa')).query(delegationsQuery);
    expect(received.map((d) => d.id)).not.toContain(one.id);
    expect((await call('jp-meti', 'POST', '/delegations', { to: 'jp-mofa', until })).status).toBe(201);
  }, 240_000);
});
