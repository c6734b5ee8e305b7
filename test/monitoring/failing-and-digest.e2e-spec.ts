/**
 * The technical kind of stuck and the daily digest, on a dedicated worker (own task queue) whose notifications
 * go to a webhook receiver run by this test: it refuses reminders/escalations (so the notify activity retries:
 * "failing") and accepts the digest, which the test triggers through the Temporal Schedule.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { ensureDigestSchedule } from '../../apps/worker/src/digest-schedule';
import { loadConfig } from '../../libs/config/src/accord-config';
import { PROCESS_WORKFLOW_TYPE } from '../../libs/contracts/src/messages';
import { SA } from '../../libs/contracts/src/search-attributes';
import { getDefinition, listDefinitions } from '../../libs/definitions/src';
import { usersWithRole } from '../../libs/directory/src/directory';
import { recordedCalendars } from '../../libs/monitoring/src/calendar-adapter';
import { StuckFinder } from '../../libs/monitoring/src/stuck-finder';
import { api } from '../support/auth';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';
import { Webhook } from 'standardwebhooks';
import { eventually, inlineDefinition, startInline, webhookReceiver } from './support';

const SECRET = 'monitoring-e2e-webhook-secret-32b';
const COORD = 'ca-coordinator';

type Item = { processId: string; reason: string; detail: string; since: string };

describe('failing processes and the daily digest (dedicated worker, webhook notifications)', () => {
  let client: Client;
  let worker: Worker;
  let connection: NativeConnection;
  let running: Promise<void>;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  const taskQueue = `accord-monitoring-${randomUUID()}`;
  const scheduleId = `accord-daily-digest-test-${randomUUID()}`;

  beforeAll(async () => {
    client = await testClient();
    receiver = await webhookReceiver((body) => body?.kind !== 'digest');
    const base = loadConfig(process.env);
    const config = {
      ...base,
      taskQueue,
      notify: { ...base.notify, kind: 'webhook' as const, webhookUrl: receiver.url, webhookSecret: SECRET },
    };
    try {
      // Quiet worker logs in this jest process (the refused webhooks and the broken workflow warn on purpose).
      Runtime.install({ logger: new DefaultLogger('ERROR') });
    } catch {
      /* already installed in this process */
    }
    // A plain SDK Worker with the real workflows and activities (the Nest worker app cannot load under jest).
    connection = await NativeConnection.connect({ address: e2eEnv().temporalAddress });
    worker = await Worker.create({
      connection,
      namespace: e2eEnv().namespace,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities: createActivities({ config, client }),
    });
    running = worker.run();
  }, 120_000);

  afterAll(async () => {
    await client.schedule
      .getHandle(scheduleId)
      .delete()
      .catch(() => undefined);
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    await connection?.close();
    await receiver?.close();
  });

  let failing: string;
  let extra: string[] = [];
  let broken: string;

  it('an activity retrying (notifications refused) is reported as failing, with attempts and the last error', async () => {
    const def = inlineDefinition(`failing-${Date.now().toString(36)}`, [
      {
        id: 'legal',
        type: 'approval',
        title: 'Legal review',
        parties: { CA: { roles: ['ca-gac-treaty-law'] } },
        deadline: { within: { amount: 1, unit: 'seconds' } },
      },
    ]);
    failing = (await startInline(client, taskQueue, def, 'Escalations refused')).workflowId;
    const item = await eventually(
      'the failing item',
      async () => {
        const res = await api<Item[]>('GET', '/api/v1/monitoring/stuck?reason=failing', { as: COORD });
        expect(res.status).toBe(200);
        return res.body.find((i) => i.processId === failing);
      },
      60_000,
      1000,
    );
    expect(item.reason).toBe('failing');
    expect(item.detail).toMatch(/activity notify retrying: attempt \d+/);
    expect(item.detail).toContain('webhook answered 503');
    // The business kinds see it too: it is overdue as well.
    const overdue = await api<Item[]>('GET', '/api/v1/monitoring/stuck?reason=overdue', { as: COORD });
    expect(overdue.body.some((i) => i.processId === failing)).toBe(true);
  });

  it('the failing scan is bounded per call and paged (here 5 executions described per page)', async () => {
    const finder = new StuckFinder({
      client,
      namespace: e2eEnv().namespace,
      dayLengthMs: 1000,
      usersWithRole,
      listDefinitions,
      getDefinition,
      calendars: recordedCalendars({ dayLengthMs: 1000 }),
      limits: { maxDescribes: 5 },
    });
    // Enough running executions for several pages, whatever else runs on the server.
    const quiet = inlineDefinition(`quiet-${Date.now().toString(36)}`, [
      { id: 'wait', type: 'task', title: 'Wait', parties: { JP: { roles: ['jp-mofa'] } } },
    ]);
    extra = await Promise.all(
      Array.from({ length: 6 }, () => startInline(client, taskQueue, quiet).then((h) => h.workflowId)),
    );
    const found = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await finder.find({ reasons: ['failing'], failingPageToken: token });
      expect(page.scanned).toBeLessThanOrEqual(5);
      page.items.forEach((i) => found.add(i.processId));
      token = page.failingNextPageToken ?? undefined;
      pages++;
    } while (token && pages < 200);
    expect(found.has(failing)).toBe(true);
    expect(pages).toBeGreaterThan(1);
  });

  it('a workflow task failing (a process that cannot run its code) is reported as failing', async () => {
    broken = `process-mon-broken-${randomUUID()}`;
    // An input the interpreter cannot read: its workflow task fails and is retried by the server.
    await client.workflow.start(PROCESS_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: broken,
      args: [{ processId: broken, title: 'Broken', definition: { steps: 'not-a-list' } } as never],
      typedSearchAttributes: [
        { key: SA.status, value: 'running' },
        { key: SA.definitionId, value: 'mon-broken' },
        { key: SA.title, value: 'Broken' },
        // Looks overdue and idle to the visibility queries, but cannot answer the state Query.
        { key: SA.nextDueAt, value: new Date(Date.now() - 60_000) },
        { key: SA.lastProgressAt, value: new Date(Date.now() - 3_600_000) },
      ],
    });
    const item = await eventually(
      'the workflow-task failure',
      async () => {
        const res = await api<Item[]>('GET', '/api/v1/monitoring/stuck?reason=failing', { as: COORD });
        return res.body.find((i) => i.processId === broken);
      },
      60_000,
      1000,
    );
    expect(item.detail).toMatch(/workflow task failing: attempt \d+/);
    // The business scans do not hang on it (bounded Query) and do not invent a step for it.
    const t0 = Date.now();
    const business = await api<Item[]>('GET', '/api/v1/monitoring/stuck?reason=overdue', { as: COORD });
    expect(business.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(business.body.some((i) => i.processId === broken)).toBe(false);
  });

  it('the daily digest Schedule sends coordinators the newly stuck processes through the notify activity', async () => {
    const handle = await ensureDigestSchedule(
      client,
      { taskQueue },
      { scheduleId, input: { windowMs: 3_600_000, limit: 1000 } },
    );
    const described = await handle.describe();
    expect(described.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 7, end: 7, step: 1 }] });
    expect(described.policies.overlap).toBe('SKIP');
    // Idempotent: a second call updates, not fails.
    await ensureDigestSchedule(
      client,
      { taskQueue },
      { scheduleId, input: { windowMs: 3_600_000, limit: 1000 } },
    );

    await handle.trigger();
    const digest = await eventually(
      'the digest at the webhook',
      async () => receiver.received.find((r) => r.body?.kind === 'digest'),
      60_000,
      500,
    );
    const body = digest.body;
    expect(body.recipients).toEqual(['coordinator']);
    expect(body.to[0].users.map((u: { id: string }) => u.id).sort()).toEqual([
      'ca-coordinator',
      'jp-coordinator',
    ]);
    const mine = body.items
      .filter((i: Item) => i.processId === failing)
      .map((i: Item) => i.reason)
      .sort();
    expect(mine).toEqual(expect.arrayContaining(['failing', 'overdue']));
    expect(body.text).toContain('Escalations refused');
    // Signed like every webhook notification (Standard Webhooks: what a receiver's library verifies).
    expect(
      new Webhook(SECRET, { format: 'raw' }).verify(digest.raw, digest.headers as Record<string, string>),
    ).toMatchObject({
      kind: 'digest',
    });
    expect(digest.headers['webhook-id']).toMatch(/^msg_/);
    // The run itself is a deterministic workflow that completed.
    const runs = (await handle.describe()).info.recentActions;
    expect(runs.length).toBeGreaterThanOrEqual(1);
    const result = await client.workflow
      .getHandle(runs[runs.length - 1]!.action.workflow.workflowId)
      .result();
    expect(result).toMatchObject({ sent: true });
    expect(result.total).toBeGreaterThanOrEqual(2);
  });

  it('cleans up: cancel the stuck processes through the API bulk action', async () => {
    const res = await api('POST', '/api/v1/monitoring/bulk', {
      as: COORD,
      body: {
        action: 'cancel',
        filter: { processIds: [failing] },
        params: { reason: 'Test over' },
        dryRun: false,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([{ processId: failing, stepId: null, ok: true }]);
    for (const id of [broken, ...extra]) await client.workflow.getHandle(id).terminate('test over');
  });
  // Declared last: jest runs afterAll hooks in declaration order, and the ones above use the client.
  closeTestClientAfterAll();
});
