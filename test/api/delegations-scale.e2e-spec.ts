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
  DELEGATIONS_WORKFLOW_TYPE,
  delegationsQuery,
  delegationStoreId,
} from '../../libs/contracts/src/delegations';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../libs/config/src/accord-config';
import type { Delegation } from '../../libs/contracts/src/delegations';
import { e2eEnv } from '../support/e2e-env';
import { tokenFor, type Json } from '../support/auth';
import { waitFor } from '../support/wait';
import { startApiProcess } from './support/api-process';
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
  it('moves the delegations of the earlier single store into the per-person stores at start, then ends it', async () => {
    const person = (sub: string) => ({ sub, name: sub });
    const delegation = (id: string, from: string, to: string, until: string): Delegation => ({
      id,
      from: person(from),
      to: person(to),
      party: 'CA',
      roles: ['ca-gac'],
      until,
      createdAt: new Date().toISOString(),
      createdBy: person(from),
    });
    const future = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const legacy = await world.client.workflow.start(DELEGATIONS_WORKFLOW_TYPE, {
      workflowId: DELEGATIONS_WORKFLOW_ID,
      taskQueue: world.taskQueue,
      args: [
        {
          delegations: [
            delegation('legacy-live-1', 'ca-gac', 'ca-officer', future),
            delegation('legacy-live-2', 'ca-pspc', 'ca-officer', future),
            delegation('legacy-ended', 'ca-gac', 'ca-dnd', new Date(Date.now() - 1000).toISOString()),
          ],
        },
      ],
    });
    // An upgraded API starting on this namespace moves them (apps/api/src/delegations/legacy-delegations.migration.ts).
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-upgraded-api-'));
    const upgraded = await startApiProcess(
      {
        TEMPORAL_ADDRESS: e2eEnv().temporalAddress,
        TEMPORAL_NAMESPACE: world.namespace,
        ACCORD_TASK_QUEUE: world.taskQueue,
        ACCORD_JWT_SECRET: e2eEnv().jwtSecret,
        ACCORD_DATA_DIR: dataDir,
        ACCORD_DAY_LENGTH: loadConfig(process.env).dayLengthMs + 'ms',
      },
      { healthy: true },
    );
    try {
      // It ends the earlier store only once every delegation was copied.
      await waitFor(
        'the earlier store ended by the upgraded API',
        async () => (await legacy.describe()).status.name === 'TERMINATED',
        30_000,
      );
    } finally {
      await upgraded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }

    const ids = (ds: Delegation[]) => ds.map((d) => d.id).sort();
    const store = (id: string) => world.client.workflow.getHandle(id).query(delegationsQuery);
    expect(ids(await store(delegationStoreId('received', 'ca-officer')))).toEqual([
      'legacy-live-1',
      'legacy-live-2',
    ]);
    expect(ids(await store(delegationStoreId('given', 'ca-gac')))).toEqual(['legacy-live-1']);
    expect(ids(await store(delegationStoreId('given', 'ca-pspc')))).toEqual(['legacy-live-2']);
    // And through the API: the delegate sees both, as before the upgrade.
    const listed = await call('ca-officer', 'GET', '/delegations');
    expect(listed.status).toBe(200);
    expect(listed.body.map((d: Json) => d.id).sort()).toEqual(['legacy-live-1', 'legacy-live-2']);
  });
});
