/**
 * Killing the worker (SIGKILL) in the middle of a process loses nothing: the acknowledged decision is
 * in the workflow history, and a restarted worker carries the process to the end.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { decideUpdate, PROCESS_WORKFLOW_TYPE, stateQuery } from '../../libs/contracts/src/messages';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';
import { isAlive, spawnNode, waitFor, type Spawned } from './support/processes';
import { CA_APPROVER, JP_APPROVER, twoStepInput } from './support/two-step-definition';

const TASK_QUEUE_WORKFLOW = 1;

describe('worker killed mid-process', () => {
  closeTestClientAfterAll();
  const taskQueue = `infra-sigkill-${randomUUID()}`;
  let worker: Spawned | undefined;

  function startWorker(): Spawned {
    const env = e2eEnv();
    return spawnNode('apps/worker/src/main.js', [], {
      ...process.env,
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_NAMESPACE: env.namespace,
      ACCORD_TASK_QUEUE: taskQueue,
      ACCORD_DAY_LENGTH: '1s',
      ACCORD_DATA_DIR: env.dataDir,
      LOG_LEVEL: 'warn',
    });
  }

  async function waitForPoller(client: Client, pid: number) {
    await waitFor(`worker ${pid} polling ${taskQueue}`, async () => {
      const res = await client.workflowService.describeTaskQueue({
        namespace: e2eEnv().namespace,
        taskQueue: { name: taskQueue },
        taskQueueType: TASK_QUEUE_WORKFLOW,
      });
      return res.pollers?.some((p) => p.identity?.startsWith(`${pid}@`));
    });
  }

  afterAll(async () => {
    if (worker?.child.pid && isAlive(worker.child.pid)) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
  });

  it('keeps the decision through a SIGKILL and finishes after a restart', async () => {
    const client = await testClient();
    worker = startWorker();
    await waitForPoller(client, worker.child.pid!);

    const processId = `process-${randomUUID()}`;
    const handle = await client.workflow.start(PROCESS_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: processId,
      args: [twoStepInput(processId)],
    });
    const step = await handle.executeUpdate(decideUpdate, {
      args: [{ principal: JP_APPROVER, stepId: 'jp-approval', decision: 'approve', requestId: randomUUID() }],
    });
    expect(step.status).toBe('completed');

    // Kill it hard: no graceful shutdown, no flush.
    const killed = worker;
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // With no worker alive the acknowledged decision is already durable in the server's history.
    const history = await handle.fetchHistory();
    const eventTypes = (history.events ?? []).map((e) => e.eventType);
    expect(eventTypes).toContain(43); // EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED
    expect((await handle.describe()).status.name).toBe('RUNNING');

    worker = startWorker();
    await waitForPoller(client, worker.child.pid!);
    const before = await handle.query(stateQuery);
    expect(before.steps.find((s) => s.id === 'jp-approval')).toMatchObject({ status: 'completed' });
    expect(before.steps.find((s) => s.id === 'jp-approval')?.parties.JP?.decisions).toEqual([
      expect.objectContaining({ by: JP_APPROVER.sub, decision: 'approve' }),
    ]);
    expect(before.steps.find((s) => s.id === 'ca-approval')).toMatchObject({ status: 'active' });

    // Updates need a live worker: this one goes to the restarted worker.
    await handle.executeUpdate(decideUpdate, {
      args: [{ principal: CA_APPROVER, stepId: 'ca-approval', decision: 'approve', requestId: randomUUID() }],
    });
    await handle.result();
    const after = await handle.query(stateQuery);
    expect(after.status).toBe('completed');
    expect(after.steps.map((s) => s.status)).toEqual(['completed', 'completed']);
  });
});
