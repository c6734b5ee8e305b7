/**
 * Replicas: two workers and two API processes on one task queue. While 100 processes move (two
 * approvals each, sent with a requestId and retried on the other API when one fails), one worker and one
 * API are killed with SIGKILL. Every process completes, with exactly one decision per step: nothing is
 * lost and nothing is counted twice. Runs on whichever server the suite is configured for; CI runs it on
 * the PostgreSQL cluster (`npm run test:cluster`).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../libs/temporal/src/free-port';
import { tokenFor, type Json } from '../support/auth';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll } from '../support/temporal-client';
import { waitFor } from '../support/wait';
import { isAlive, spawnNode, type Spawned } from '../infra/support/processes';
import { TWO_STEP } from '../infra/support/two-step-definition';

const PROCESSES = 100;
const CONCURRENCY = 10;
/** Kill after this many decisions were sent (of 2 × PROCESSES), so the kill lands mid-flight. */
const KILL_AFTER = 40;

describe('two workers and two APIs, one of each killed mid-flight', () => {
  closeTestClientAfterAll();
  const taskQueue = `replicas-${randomUUID()}`;
  const definitionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-replicas-'));
  const spawned: Spawned[] = [];
  let apiUrls: string[] = [];

  function env(extra: Record<string, string>): NodeJS.ProcessEnv {
    return {
      ...process.env,
      TEMPORAL_ADDRESS: e2eEnv().temporalAddress,
      TEMPORAL_NAMESPACE: e2eEnv().namespace,
      ACCORD_TASK_QUEUE: taskQueue,
      ACCORD_DEFINITIONS_DIR: definitionsDir,
      ACCORD_JWT_SECRET: e2eEnv().jwtSecret,
      ACCORD_API_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...extra,
    };
  }

  beforeAll(async () => {
    fs.writeFileSync(path.join(definitionsDir, 'infra-two-step.json'), JSON.stringify(TWO_STEP));
    const ports = [await freePort(), await freePort()];
    apiUrls = ports.map((p) => `http://127.0.0.1:${p}`);
    for (let i = 0; i < 2; i++)
      spawned.push(spawnNode('apps/worker/src/main.js', [], env({ LOG_LEVEL: 'info' })));
    for (const port of ports)
      spawned.push(spawnNode('apps/api/src/main.js', [], env({ PORT: String(port) })));
    const workers = () => spawned.slice(0, 2);
    const outputs = () => spawned.map((s, i) => `--- child ${i}:\n${s.output().slice(-2000)}`).join('\n');
    // Their own log line, not describeTaskQueue: on a cluster a task queue has several partitions and the
    // root one need not see every poller.
    try {
      await waitFor(
        'two workers polling',
        async () => workers().every((w) => w.output().includes('polling task queue')),
        // Each bundles the workflow code first: tens of seconds on a loaded 2-core machine.
        300_000,
      );
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${outputs()}`);
    }
    for (const url of apiUrls) {
      await waitFor(
        `${url}/health`,
        () =>
          fetch(`${url}/health`).then(
            (r) => r.ok,
            () => false,
          ),
        90_000,
      );
    }
  }, 420_000);

  afterAll(async () => {
    for (const s of spawned) {
      if (s.child.pid && isAlive(s.child.pid)) {
        s.child.kill('SIGTERM');
        await s.exited;
      }
    }
    fs.rmSync(definitionsDir, { recursive: true, force: true });
  });

  /** POST on the preferred API; on a network error or a 5xx, the same body (same requestId) on the other. */
  async function post(preferred: number, url: string, as: string, body: unknown): Promise<Json> {
    const order = [preferred, 1 - preferred];
    let last = '';
    for (let attempt = 0; attempt < 20; attempt++) {
      const i = order[attempt % 2]!;
      try {
        const res = await fetch(`${apiUrls[i]}/api/v1${url}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokenFor(as)}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const json = await res.json().catch(() => ({}));
        if (res.status < 500) {
          if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
          return json;
        }
        last = `${res.status} ${JSON.stringify(json)}`;
      } catch (err) {
        if ((err as Error).message.startsWith(url)) throw err;
        last = (err as Error).message;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${url}: no API answered (${last})`);
  }

  it('completes every process with each decision counted once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < PROCESSES; i += CONCURRENCY) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, PROCESSES - i) }, (_, k) =>
          post((i + k) % 2, '/processes', 'jp-officer', {
            definitionId: TWO_STEP.id,
            title: `Replica ${i + k}`,
          }),
        ),
      );
      ids.push(...batch.map((b: Json) => b.id as string));
    }

    let sent = 0;
    const [worker1, , api1] = spawned;
    const kill = async () => {
      worker1!.child.kill('SIGKILL');
      api1!.child.kill('SIGKILL');
      await Promise.all([worker1!.exited, api1!.exited]);
    };
    let killed: Promise<void> | undefined;
    const decideAll = async (stepId: string, as: string) => {
      const queue = ids.map((id, n) => ({ id, n }));
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let item = queue.shift(); item; item = queue.shift()) {
            if (++sent === KILL_AFTER) killed = kill();
            await post(item.n % 2, `/processes/${item.id}/steps/${stepId}/decisions`, as, {
              decision: 'approve',
              requestId: `${item.id}-${stepId}`,
            });
          }
        }),
      );
    };
    await decideAll('jp-approval', 'jp-senior-official');
    await decideAll('ca-approval', 'ca-senior-official');
    await killed;
    expect(await worker1!.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await api1!.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const views: Json[] = [];
    for (const id of ids) {
      views.push(
        await waitFor(
          `${id} completed`,
          async () => {
            const res = await fetch(`${apiUrls[1]}/api/v1/processes/${id}`, {
              headers: { authorization: `Bearer ${tokenFor('jp-coordinator')}` },
            });
            const view = (await res.json()) as Json;
            return view.status === 'completed' ? view : undefined;
          },
          120_000,
        ),
      );
    }
    const counts = views.map((v: Json) => ({
      jp: v.steps.find((s: Json) => s.id === 'jp-approval').parties.JP.decisions.length,
      ca: v.steps.find((s: Json) => s.id === 'ca-approval').parties.CA.decisions.length,
    }));
    expect(counts).toEqual(ids.map(() => ({ jp: 1, ca: 1 })));
  }, 600_000);
});
