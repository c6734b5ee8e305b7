/**
 * Coordinators' monitoring on the real server, worker and API: processes made overdue and idle on purpose
 * are found with the right reason; nudge / reassign / extend / cancel work (single and bulk) and are audited
 * with actor and reason; the forecast moves with a deadline; non-coordinators get 403.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { stateQuery, timelineQuery } from '../../libs/contracts/src/messages';
import { api } from '../support/auth';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';
import { eventually, inlineDefinition, startInline } from './support';

const COORD = 'jp-coordinator';
const run = Date.now().toString(36);

const overdueDef = inlineDefinition(`overdue-${run}`, [
  {
    id: 'concur',
    type: 'approval',
    title: 'Concur on the text',
    parties: { JP: { roles: ['jp-mofa-negotiator'] }, CA: { roles: ['ca-gac-negotiator'] } },
    deadline: { within: { amount: 2, unit: 'seconds' } },
  },
  {
    id: 'sign',
    type: 'task',
    title: 'Sign',
    parties: { JP: { roles: ['jp-mofa'] } },
    typically: { amount: 5, unit: 'calendar-days' },
  },
]);

const idleDef = inlineDefinition(
  `idle-${run}`,
  [
    {
      id: 'table',
      type: 'task',
      title: 'Table the treaty',
      parties: { CA: { roles: ['ca-parliament-liaison'] } },
    },
  ],
  { idleAfter: { amount: 2, unit: 'seconds' } },
);

type Item = {
  processId: string;
  stepId: string | null;
  reason: string;
  since: string;
  waitingOn: { party: string | null; roles: string[]; users: Array<{ id: string; name: string }> };
  detail: string;
};

interface ForecastBody {
  projectedCompletion: string;
  basis: Array<{ stepId: string; source: string; overdue?: boolean }>;
  dominant: string[];
  explanation: string;
}
interface BulkBody {
  confirmToken?: string;
  matched: Array<{ processId: string }>;
  results: Array<{ processId: string; stepId: string | null; ok: boolean }>;
}
interface SummaryBody {
  byStatus: Record<string, number>;
  byAwaitedParty: Record<string, number>;
  overdue: number;
  idle: number;
  pillars: Array<{
    pillar: string;
    pillarTitle: string;
    processes: number;
    projectedCompletion: string | null;
  }>;
  initiatives: unknown[];
  withoutInitiative: { processes: number; projectedCompletion: string | null };
}

async function stuck(query: string) {
  const res = await api<Item[]>('GET', `/api/v1/monitoring/stuck?${query}`, { as: COORD });
  expect(res.status).toBe(200);
  return res;
}

describe('monitoring (real server)', () => {
  let overdue: WorkflowHandle[];
  let idle: WorkflowHandle[];

  beforeAll(async () => {
    const client = await testClient();
    const { taskQueue } = e2eEnv();
    overdue = await Promise.all(
      Array.from({ length: 3 }, (_, i) => startInline(client, taskQueue, overdueDef, `Overdue ${i}`)),
    );
    idle = await Promise.all(
      Array.from({ length: 3 }, (_, i) => startInline(client, taskQueue, idleDef, `Idle ${i}`)),
    );
  });

  afterAll(async () => {
    // Leave nothing running that other files' inboxes could see.
    await Promise.all(
      [...overdue, ...idle].map((h) => h.terminate('monitoring tests done').catch(() => undefined)),
    );
  });

  it('finds overdue steps: which party, which roles, who could act, how late', async () => {
    const id = overdue[0]!.workflowId;
    const items = await eventually<Item[]>('the overdue items', async () => {
      const r = (await stuck('reason=overdue')).body.filter((i) => i.processId === id);
      return r.length === 2 ? r : undefined;
    });
    const byParty: Record<string, Item> = Object.fromEntries(items.map((i) => [i.waitingOn.party, i]));
    expect(byParty.JP).toMatchObject({
      reason: 'overdue',
      stepId: 'concur',
      waitingOn: { roles: ['jp-mofa-negotiator'] },
    });
    expect(byParty.JP!.waitingOn.users.map((u) => u.id)).toEqual(['jp-mofa-negotiator']);
    expect(byParty.CA!.waitingOn.users.map((u) => u.id)).toEqual(['ca-gac-negotiator']);
    expect(byParty.JP!.detail).toMatch(/overdue/);
    // Filters: party, olderThan.
    expect(
      (await stuck('reason=overdue&party=CA')).body
        .filter((i) => i.processId === id)
        .map((i) => i.waitingOn.party),
    ).toEqual(['CA']);
    expect((await stuck('reason=overdue&olderThan=1h')).body.some((i) => i.processId === id)).toBe(false);
    // Not idle yet (default threshold 14 days = 14 s here) nor failing.
    expect((await stuck('reason=failing')).body.some((i) => i.processId === id)).toBe(false);
  });

  it('finds idle processes by the definition threshold (seconds here)', async () => {
    const id = idle[0]!.workflowId;
    const item = await eventually('the idle item', async () =>
      (await stuck('reason=idle')).body.find((i) => i.processId === id),
    );
    expect(item).toMatchObject({
      reason: 'idle',
      stepId: 'table',
      waitingOn: { party: 'CA', roles: ['ca-parliament-liaison'] },
    });
    expect(item.waitingOn.users.map((u) => u.id)).toEqual(['ca-parliament-liaison']);
    const view = await idle[0]!.query(stateQuery);
    expect(Date.parse(item.since) - Date.parse(view.lastProgressAt)).toBe(2000);
    expect(item.detail).toContain('no progress since');
  });

  it('only coordinators see and act: 403 otherwise, 401 without a token', async () => {
    const id = overdue[1]!.workflowId;
    expect((await api('GET', '/api/v1/monitoring/stuck', { as: 'jp-officer' })).status).toBe(403);
    expect((await api('GET', '/api/v1/monitoring/summary', { as: 'ca-gac-negotiator' })).status).toBe(403);
    expect((await api('GET', '/api/v1/monitoring/stuck', { as: null })).status).toBe(401);
    expect(
      (await api('POST', `/api/v1/processes/${id}/nudge`, { as: 'jp-mofa-negotiator', body: {} })).status,
    ).toBe(403);
    const reassign = await api('POST', `/api/v1/processes/${id}/steps/concur/reassign`, {
      as: 'ca-officer',
      body: { party: 'CA', roles: ['ca-gac'], reason: 'x' },
    });
    expect(reassign.status).toBe(403);
    expect(reassign.body).toMatchObject({ statusCode: 403, code: 'NOT_COORDINATOR' });
    const bulk = await api('POST', '/api/v1/monitoring/bulk', {
      as: 'jp-officer',
      body: { action: 'cancel', filter: { processIds: [id] }, params: { reason: 'x' }, dryRun: false },
    });
    expect(bulk.status).toBe(403);
    expect(
      (
        await api('POST', `/api/v1/processes/${id}/steps/concur/deadline`, {
          as: 'jp-officer',
          body: { dueAt: new Date().toISOString(), reason: 'x' },
        })
      ).status,
    ).toBe(403);
    expect((await overdue[1]!.query(stateQuery)).status).toBe('running');
  });

  it('nudge and reassign are audited with who and why', async () => {
    const h = overdue[1]!;
    const nudge = await api('POST', `/api/v1/processes/${h.workflowId}/nudge`, {
      as: COORD,
      body: { stepId: 'concur', reason: 'Ministers meet Friday' },
    });
    expect(nudge.status).toBe(200);
    const reassign = await api('POST', `/api/v1/processes/${h.workflowId}/steps/concur/reassign`, {
      // A role of JP in this definition (reassign stays within the party's vocabulary).
      as: COORD,
      body: { party: 'JP', roles: ['jp-mofa'], reason: 'Negotiator on mission' },
    });
    expect(reassign.status).toBe(200);
    expect(reassign.body.parties.JP.roles).toEqual(['jp-mofa']);
    const timeline = await h.query(timelineQuery);
    expect(timeline.find((e) => e.kind === 'nudged')).toMatchObject({
      actor: { sub: COORD },
      comment: 'Ministers meet Friday',
      stepId: 'concur',
    });
    const reassigned = timeline.find((e) => e.kind === 'reassigned');
    expect(reassigned).toMatchObject({
      actor: { sub: COORD },
      comment: 'Negotiator on mission',
      stepId: 'concur',
    });
    // The stuck list now names the new roles and their people.
    const item = await eventually('reassigned roles in /stuck', async () =>
      (await stuck('reason=overdue&party=JP')).body.find(
        (i) => i.processId === h.workflowId && i.waitingOn.roles[0] === 'jp-mofa',
      ),
    );
    expect(item.waitingOn.users.map((u) => u.id)).toEqual(['jp-mofa']);
    // Invalid input is a 400 with the field named, never a 5xx.
    const bad = await api('POST', `/api/v1/processes/${h.workflowId}/steps/concur/reassign`, {
      as: COORD,
      body: { party: 'XX', roles: [] },
    });
    expect(bad.status).toBe(400);
  });

  it('the forecast moves when a deadline moves, and says why', async () => {
    const h = overdue[2]!;
    await eventually(
      'overdue',
      async () => (await h.query(stateQuery)).steps[0]!.dueAt! < new Date().toISOString(),
    );
    const before = await api<ForecastBody>('GET', `/api/v1/processes/${h.workflowId}/forecast`, {
      as: COORD,
    });
    expect(before.status).toBe(200);
    expect(before.body.basis.map((b) => [b.stepId, b.source])).toEqual([
      ['concur', 'deadline'],
      ['sign', 'typical'],
    ]);
    expect(before.body.basis[0].overdue).toBe(true);
    expect(before.body.dominant).toEqual(expect.arrayContaining(['concur', 'sign']));
    const dueAt = new Date(Date.now() + 60_000).toISOString();
    const moved = await api('POST', `/api/v1/processes/${h.workflowId}/steps/concur/deadline`, {
      as: COORD,
      body: { dueAt, reason: 'Election period' },
    });
    expect(moved.status).toBe(200);
    const after = await api<ForecastBody>('GET', `/api/v1/processes/${h.workflowId}/forecast`, { as: COORD });
    // New due time + 5 calendar days of the next step (1 s each under ACCORD_DAY_LENGTH=1s).
    expect(after.body.projectedCompletion).toBe(new Date(Date.parse(dueAt) + 5000).toISOString());
    expect(Date.parse(after.body.projectedCompletion)).toBeGreaterThan(
      Date.parse(before.body.projectedCompletion) + 50_000,
    );
    expect(after.body.explanation).toContain('Concur on the text');
    const timeline = await h.query(timelineQuery);
    expect(timeline.find((e) => e.kind === 'deadline-moved')).toMatchObject({
      actor: { sub: COORD },
      comment: 'Election period',
    });
    // No longer overdue.
    await eventually(
      'not overdue any more',
      async () => !(await stuck('reason=overdue')).body.some((i) => i.processId === h.workflowId),
    );
  });

  it('bulk: the dry run lists without touching, the real run touches and audits', async () => {
    const ids = [idle[1]!.workflowId, idle[2]!.workflowId];
    await eventually('both idle', async () => {
      const found = (await stuck('reason=idle')).body.map((i) => i.processId);
      return ids.every((id) => found.includes(id));
    });
    const body = {
      action: 'cancel',
      filter: { reason: 'idle', processIds: ids },
      params: { reason: 'Superseded' },
      dryRun: true,
    };
    const dry = await api<BulkBody>('POST', '/api/v1/monitoring/bulk', { as: COORD, body });
    expect(dry.status).toBe(200);
    expect(dry.body.matched.map((m) => m.processId).sort()).toEqual([...ids].sort());
    expect(dry.body.results).toEqual([]);
    for (const h of [idle[1]!, idle[2]!]) expect((await h.query(stateQuery)).status).toBe('running');

    // A real run over a filter needs the dry run's confirmation token, for this same action, filter and params.
    const unconfirmed = await api('POST', '/api/v1/monitoring/bulk', {
      as: COORD,
      body: { ...body, dryRun: false },
    });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.code).toBe('CONFIRMATION_REQUIRED');
    expect(dry.body.confirmToken).toEqual(expect.any(String));
    const otherAction = await api('POST', '/api/v1/monitoring/bulk', {
      as: COORD,
      body: { ...body, action: 'nudge', dryRun: false, confirmToken: dry.body.confirmToken },
    });
    expect(otherAction.status).toBe(400);
    const otherCaller = await api('POST', '/api/v1/monitoring/bulk', {
      as: 'ca-coordinator',
      body: { ...body, dryRun: false, confirmToken: dry.body.confirmToken },
    });
    expect(otherCaller.status).toBe(400);
    for (const h of [idle[1]!, idle[2]!]) expect((await h.query(stateQuery)).status).toBe('running');

    const real = await api<BulkBody>('POST', '/api/v1/monitoring/bulk', {
      as: COORD,
      body: { ...body, dryRun: false, confirmToken: dry.body.confirmToken },
    });
    expect(real.status).toBe(200);
    expect(real.body.results).toHaveLength(2);
    expect(real.body.results.every((r) => r.ok)).toBe(true);
    for (const h of [idle[1]!, idle[2]!]) {
      const t = await h.query(timelineQuery);
      expect(t.find((e) => e.kind === 'cancelled')).toMatchObject({ actor: { sub: COORD } });
      expect((await h.query(stateQuery)).status).toBe('cancelled');
    }
    // A filter is required; the params an action needs are checked before anything is touched.
    expect(
      (
        await api('POST', '/api/v1/monitoring/bulk', {
          as: COORD,
          body: { action: 'cancel', filter: {}, dryRun: true },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api('POST', '/api/v1/monitoring/bulk', {
          as: COORD,
          body: { action: 'extend', filter: { processIds: ids }, params: { reason: 'x' }, dryRun: false },
        })
      ).status,
    ).toBe(400);
  });

  it('bulk extend over the overdue ones of a definition', async () => {
    const id = overdue[0]!.workflowId;
    const body = {
      action: 'extend',
      filter: { reason: 'overdue', definitionId: overdueDef.id },
      params: { extendBy: '10m', reason: 'Holiday week' },
    };
    const dry = await api<BulkBody>('POST', '/api/v1/monitoring/bulk', {
      as: COORD,
      body: { ...body, dryRun: true },
    });
    expect(dry.body.matched.map((m) => m.processId)).toContain(id);
    const res = await api<BulkBody>('POST', '/api/v1/monitoring/bulk', {
      as: COORD,
      body: { ...body, dryRun: false, confirmToken: dry.body.confirmToken },
    });
    expect(res.status).toBe(200);
    const mine = res.body.results.filter((r) => r.processId === id);
    expect(mine).toEqual([{ processId: id, stepId: 'concur', ok: true }]);
    const step = (await overdue[0]!.query(stateQuery)).steps.find((s) => s.id === 'concur')!;
    expect(Date.parse(step.dueAt!)).toBeGreaterThan(Date.now() + 9 * 60_000);
    const t = await overdue[0]!.query(timelineQuery);
    expect(t.find((e) => e.kind === 'deadline-moved')).toMatchObject({
      actor: { sub: COORD },
      comment: 'Holiday week',
    });
  });

  it('summary: counts, overdue and idle, roll-up per pillar and initiative', async () => {
    const res = await api<SummaryBody>('GET', '/api/v1/monitoring/summary', { as: 'ca-coordinator' });
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.byStatus.running).toBeGreaterThanOrEqual(2);
    expect(s.byStatus.cancelled).toBeGreaterThanOrEqual(2);
    expect(Object.keys(s.byAwaitedParty).sort()).toEqual(['CA', 'JP']);
    expect(typeof s.overdue).toBe('number');
    expect(s.idle).toBeGreaterThanOrEqual(1);
    const pillar = s.pillars.find((p) => p.pillar === '1')!;
    expect(pillar.pillarTitle).toMatch(/Security/);
    // This file's processes have no initiative: they count under none, not under their definition's pillar 1.
    expect(s.withoutInitiative.processes).toBeGreaterThanOrEqual(6);
    expect(s.withoutInitiative.projectedCompletion).toEqual(expect.any(String));
    expect(s.pillars.map((p) => p.pillar)).toEqual(expect.arrayContaining(['1', '2', '3']));
    expect(s.initiatives.length).toBeGreaterThan(3);
  });

  it('malformed input and unknown ids: 4xx with the one error shape, never a 5xx', async () => {
    const cases: Array<[string, string, unknown, number]> = [
      ['GET', '/api/v1/monitoring/stuck?pageToken=bm90LWEtdG9rZW4', undefined, 400],
      ['GET', '/api/v1/monitoring/stuck?reason=late', undefined, 400],
      ['GET', '/api/v1/monitoring/stuck?olderThan=3weeks', undefined, 400],
      ['GET', '/api/v1/monitoring/stuck?party=FR', undefined, 400],
      [
        'POST',
        '/api/v1/monitoring/bulk',
        { action: 'nudge', filter: { reason: 'idle' }, params: 'x', dryRun: true },
        400,
      ],
      [
        'POST',
        '/api/v1/monitoring/bulk',
        { action: 'explode', filter: { reason: 'idle' }, dryRun: true },
        400,
      ],
      [
        'POST',
        '/api/v1/monitoring/bulk',
        { action: 'nudge', filter: { reason: 'idle' }, dryRun: 'yes' },
        400,
      ],
      ['POST', '/api/v1/monitoring/bulk', { action: 'nudge', dryRun: true }, 400],
      ['GET', '/api/v1/processes/process-does-not-exist/forecast', undefined, 404],
      ['POST', '/api/v1/processes/process-does-not-exist/nudge', {}, 404],
      [
        'POST',
        '/api/v1/processes/process-does-not-exist/steps/x/reassign',
        { party: 'JP', roles: ['jp-mofa'], reason: 'r' },
        404,
      ],
      [
        'POST',
        `/api/v1/processes/${overdue[0]!.workflowId}/steps/nope/reassign`,
        { party: 'JP', roles: ['jp-mofa'], reason: 'r' },
        404,
      ],
      ['POST', `/api/v1/processes/${overdue[0]!.workflowId}/nudge`, { unknown: 1 }, 400],
    ];
    for (const [method, path, body, status] of cases) {
      const res = await api(method, path, { as: COORD, body });
      expect(`${method} ${path} → ${res.status}`).toBe(`${method} ${path} → ${status}`);
      expect(res.body).toMatchObject({ statusCode: status, message: expect.any(String) });
    }
    // Bulk over unknown ids: each one reported, the request itself succeeds.
    const bulk = await api<BulkBody>('POST', '/api/v1/monitoring/bulk', {
      as: COORD,
      body: { action: 'nudge', filter: { processIds: ['process-unknown-1'] }, dryRun: false },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results).toEqual([
      expect.objectContaining({ processId: 'process-unknown-1', ok: false, statusCode: 404 }),
    ]);
  });

  it('the OpenAPI document describes the monitoring routes', async () => {
    const res = await fetch(`${e2eEnv().apiUrl}/docs-json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [
      ['/api/v1/monitoring/stuck', 'get'],
      ['/api/v1/monitoring/summary', 'get'],
      ['/api/v1/monitoring/bulk', 'post'],
      ['/api/v1/processes/{id}/nudge', 'post'],
      ['/api/v1/processes/{id}/steps/{stepId}/reassign', 'post'],
      ['/api/v1/processes/{id}/forecast', 'get'],
    ] as const) {
      expect(`${method} ${path}: ${Boolean(doc.paths[path]?.[method])}`).toBe(`${method} ${path}: true`);
    }
  });

  it('figure: /stuck over many running processes', async () => {
    const client = await testClient();
    // ACCORD_MONITORING_FIGURE_N=300 for a bigger measurement (default 40 keeps the suite quick).
    const n = Number(process.env.ACCORD_MONITORING_FIGURE_N ?? 40);
    const many: WorkflowHandle[] = [];
    for (let i = 0; i < n; i += 50) {
      many.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, n - i) }, (_, j) =>
            startInline(client, e2eEnv().taskQueue, overdueDef, `Load ${i + j}`),
          ),
        )),
      );
    }
    await eventually(
      'all overdue',
      async () => {
        const found = new Set((await stuck('reason=overdue')).body.map((i) => i.processId));
        return many.every((h) => found.has(h.workflowId));
      },
      120_000,
      1000,
    );
    const t0 = Date.now();
    const res = await stuck('');
    const took = Date.now() - t0;
    process.stderr.write(
      `[monitoring figure] GET /monitoring/stuck (all reasons): ${res.body.length} items, scanned ${res.headers.get('x-accord-scanned')} processes, ${took} ms\n`,
    );
    expect(took).toBeLessThan(15_000);
    const t1 = Date.now();
    const summary = await api<SummaryBody & { tookMs: number }>('GET', '/api/v1/monitoring/summary', {
      as: COORD,
    });
    process.stderr.write(
      `[monitoring figure] GET /monitoring/summary: ${Date.now() - t1} ms (server ${summary.body.tookMs} ms), ${summary.body.byStatus.running} running\n`,
    );
    await Promise.all(many.map((h) => h.terminate('test load done')));
  }, 300_000);
  // Declared last: jest runs afterAll hooks in declaration order, and the ones above use the client.
  closeTestClientAfterAll();
});
