/**
 * The fault suite (`npm run test:faults`; issue 13, item 10). A whole Accord on loopback (its own Temporal
 * dev server, a worker process, an API process: scripts/faults/stack.ts) while processes move:
 *  - the worker SIGKILLed at moments drawn at random along the run, and started again;
 *  - the Temporal dev server stopped and started again mid-run;
 *  - the API killed (SIGKILL, then SIGTERM) and started again under load, clients retrying with the same
 *    requestId;
 *  - 20 clients racing decisions on one quorum step.
 * Every process ends; every acknowledged decision is recorded exactly once; none is doubled; none
 * acknowledged is lost. Sizes (CI: small) from the environment: ACCORD_FAULTS_PROCESSES (50),
 * ACCORD_FAULTS_KILLS (3), ACCORD_FAULTS_RACES (3), ACCORD_FAULTS_CONCURRENCY (10), ACCORD_FAULTS_SEED.
 */
import { randomUUID } from 'node:crypto';
import type { ProcessDefinition } from '../../libs/contracts/src/definition';
import type { Principal } from '../../libs/contracts/src/principal';
import { FaultStack, sleep, until } from '../../scripts/faults/stack';
import { APPROVALS, FAULTS_TWO_STEP, INITIATOR } from '../../scripts/faults/two-step';

const size = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a positive integer, got ${process.env[name]}`);
  return n;
};
const PROCESSES = size('ACCORD_FAULTS_PROCESSES', 50);
const KILLS = size('ACCORD_FAULTS_KILLS', 3);
const RACES = size('ACCORD_FAULTS_RACES', 3);
const CONCURRENCY = size('ACCORD_FAULTS_CONCURRENCY', 10);
const RACERS = 20;
const QUORUM = 3;

/** A seeded generator (mulberry32): a failing run can be replayed with its ACCORD_FAULTS_SEED. */
const SEED = Number(process.env.ACCORD_FAULTS_SEED ?? Date.now() % 1_000_000);
let state = SEED;
function random(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const TWO = FAULTS_TWO_STEP;
const QUORUM_DEF: ProcessDefinition = {
  ...FAULTS_TWO_STEP,
  id: 'faults-quorum',
  title: 'Fault suite quorum',
  description: `${QUORUM} of many JP senior officials approve.`,
  steps: [
    {
      id: 'quorum',
      title: 'Quorum approval',
      type: 'approval',
      parties: { JP: { roles: ['jp-senior-official'], rule: { quorum: QUORUM } } },
    },
  ],
};
const STEPS = APPROVALS;

interface Ack {
  processId: string;
  stepId: string;
  by: string;
  requestId: string;
}

type View = {
  status: string;
  steps: Array<{ id: string; parties: Record<string, { decisions: Array<{ by: string }> }> }>;
};

describe(`fault suite (seed ${SEED})`, () => {
  const stack = new FaultStack({ definitions: [TWO, QUORUM_DEF] });

  beforeAll(() => stack.start(), 300_000);
  afterAll(() => stack.stop(), 60_000);

  async function startProcesses(n: number, definitionId: string): Promise<string[]> {
    const ids: string[] = [];
    const queue = Array.from({ length: n }, (_, i) => i);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          const res = await stack.request('POST', '/processes', INITIATOR, {
            definitionId,
            title: `Fault ${definitionId} ${i}`,
          });
          if (res.status !== 201) throw new Error(`start: ${res.status} ${JSON.stringify(res.body)}`);
          ids.push(res.body.id as string);
        }
      }),
    );
    return ids;
  }

  /**
   * Both approvals of every process, CONCURRENCY at a time, each request retried with its requestId until
   * answered; `progress(acked)` runs after each acknowledgement (the fault injectors watch it).
   */
  async function decideAll(ids: string[], progress: (acked: number) => void = () => undefined) {
    const acks: Ack[] = [];
    const unexpected: string[] = [];
    let retried = 0;
    const queue = [...ids];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          for (const [stepId, who] of STEPS) {
            const requestId = `${id}-${stepId}`;
            const res = await stack.request('POST', `/processes/${id}/steps/${stepId}/decisions`, who, {
              decision: 'approve',
              requestId,
            });
            if (res.attempts > 1) retried++;
            if (res.status !== 200) {
              unexpected.push(`${id} ${stepId}: ${res.status} ${JSON.stringify(res.body)}`);
              break;
            }
            acks.push({ processId: id, stepId, by: who.sub, requestId });
            progress(acks.length);
          }
        }
      }),
    );
    stack.log(`${acks.length} decisions acknowledged, ${retried} of them after a retry`);
    return { acks, unexpected };
  }

  async function finalView(id: string): Promise<View> {
    let view: View | undefined;
    await until(
      `${id} ends`,
      async () => {
        const res = await stack.request('GET', `/processes/${id}`, INITIATOR);
        view = res.body as unknown as View;
        return res.status === 200 && view.status !== 'running';
      },
      180_000,
      () => JSON.stringify(view),
    );
    return view!;
  }

  async function decisionEntries(id: string): Promise<Array<{ stepId: string; by: string }>> {
    const res = await stack.request('GET', `/processes/${id}/timeline?pageSize=500`, INITIATOR);
    const entries = res.body as unknown as Array<{ kind: string; stepId: string; actor: { sub: string } }>;
    return entries.filter((e) => e.kind === 'decision').map((e) => ({ stepId: e.stepId, by: e.actor.sub }));
  }

  /** Every process ended; each acknowledged decision is in its view and its timeline once; nothing else is. */
  async function expectExactlyOnce(ids: string[], acks: Ack[], unexpected: string[]) {
    expect(unexpected).toEqual([]);
    const ended: Record<string, number> = {};
    const problems: string[] = [];
    for (const id of ids) {
      const view = await finalView(id);
      ended[view.status] = (ended[view.status] ?? 0) + 1;
      const recorded = view.steps.flatMap((s) =>
        Object.values(s.parties).flatMap((p) => p.decisions.map((d) => `${s.id}:${d.by}`)),
      );
      const acked = acks.filter((a) => a.processId === id).map((a) => `${a.stepId}:${a.by}`);
      const inTimeline = (await decisionEntries(id)).map((e) => `${e.stepId}:${e.by}`);
      for (const [what, got] of [
        ['view', recorded],
        ['timeline', inTimeline],
      ] as const) {
        if (JSON.stringify([...got].sort()) !== JSON.stringify([...acked].sort()))
          problems.push(
            `${id} ${what}: recorded ${JSON.stringify(got)}, acknowledged ${JSON.stringify(acked)}`,
          );
      }
    }
    expect(problems).toEqual([]);
    expect(ended).toEqual({ completed: ids.length });
  }

  /**
   * Faults one after the other along a flow of decisions: fault k runs once `offsets[k]` more decisions
   * were acknowledged after fault k-1 ended (the flow goes on meanwhile), so each lands under load.
   * `firedAt` says how many decisions were acknowledged when each one started.
   */
  function along(offsets: number[], fault: (k: number) => Promise<void>) {
    const firedAt: number[] = [];
    let base = 0;
    let latest = 0;
    let running: Promise<void> | undefined;
    const fire = (k: number) => {
      firedAt.push(latest);
      running = fault(k).then(() => {
        base = latest;
        running = undefined;
      });
    };
    return {
      firedAt,
      watch(acked: number) {
        latest = acked;
        const k = firedAt.length;
        if (!running && k < offsets.length && acked >= base + offsets[k]!) fire(k);
      },
      async done() {
        await running;
        // Past the end of the flow: run the rest anyway, so the test reports them as not under load.
        for (let k = firedAt.length; k < offsets.length; k++) {
          fire(k);
          await running;
        }
      },
    };
  }

  /** A random offset in [min, max] decisions. */
  const offset = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  it(`worker SIGKILLed ${KILLS} times at random moments while ${PROCESSES} processes move`, async () => {
    const ids = await startProcesses(PROCESSES, TWO.id);
    const total = ids.length * STEPS.length;
    const spread = Math.max(2, Math.floor(total / (KILLS + 2)));
    const kills = along(
      Array.from({ length: KILLS }, () => offset(1, spread)),
      async (k) => {
        await sleep(random() * 300);
        const t = Date.now();
        await stack.killWorker();
        await stack.startWorker();
        stack.log(`worker SIGKILL ${k + 1}/${KILLS}; back in ${Date.now() - t} ms`);
      },
    );
    const { acks, unexpected } = await decideAll(ids, kills.watch);
    await kills.done();
    stack.log(`kills after ${kills.firedAt.join(', ')} of ${total} decisions`);
    expect(kills.firedAt.filter((n) => n >= total)).toEqual([]);
    await expectExactlyOnce(ids, acks, unexpected);
    expect(stack.unexpectedWorkerExits).toEqual([]);
  }, 900_000);

  it(`Temporal dev server stopped and started again while ${PROCESSES} processes move`, async () => {
    const ids = await startProcesses(PROCESSES, TWO.id);
    const total = ids.length * STEPS.length;
    const restart = along([offset(Math.floor(total * 0.2), Math.floor(total * 0.6))], () =>
      stack.restartTemporal(2000),
    );
    const { acks, unexpected } = await decideAll(ids, restart.watch);
    await restart.done();
    stack.log(`Temporal restarted after ${restart.firedAt.join(', ')} of ${total} decisions`);
    expect(restart.firedAt.filter((n) => n >= total)).toEqual([]);
    await expectExactlyOnce(ids, acks, unexpected);
    expect(stack.unexpectedWorkerExits).toEqual([]);
  }, 900_000);

  it(`API killed and restarted under load (SIGKILL, then SIGTERM), clients retrying with the same requestId`, async () => {
    const ids = await startProcesses(PROCESSES, TWO.id);
    const total = ids.length * STEPS.length;
    const signals = ['SIGKILL', 'SIGTERM'] as const;
    const restarts = along(
      signals.map(() => offset(Math.floor(total * 0.1), Math.floor(total * 0.3))),
      (k) => stack.restartApi(signals[k]!),
    );
    const { acks, unexpected } = await decideAll(ids, restarts.watch);
    await restarts.done();
    stack.log(`API restarts after ${restarts.firedAt.join(', ')} of ${total} decisions`);
    expect(restarts.firedAt.filter((n) => n >= total)).toEqual([]);
    await expectExactlyOnce(ids, acks, unexpected);
    expect(stack.unexpectedWorkerExits).toEqual([]);
  }, 900_000);

  it(`${RACERS} clients race approvals on one quorum-of-${QUORUM} step (${RACES} times)`, async () => {
    const ids = await startProcesses(RACES, QUORUM_DEF.id);
    const racers: Principal[] = Array.from({ length: RACERS }, (_, i) => ({
      sub: `racer-${i}-${randomUUID().slice(0, 4)}`,
      name: `Racer ${i}`,
      party: 'JP',
      org: 'MOFA',
      roles: ['jp-senior-official'],
    }));
    for (const id of ids) {
      // Each racer sends its decision twice at once (a client retrying): both must get the same answer.
      const answers = await Promise.all(
        racers.flatMap((who) => {
          const body = { decision: 'approve', requestId: `${id}-${who.sub}` };
          const send = () => stack.request('POST', `/processes/${id}/steps/quorum/decisions`, who, body);
          return [send(), send()].map((p) =>
            p.then((r) => ({ who: who.sub, status: r.status, code: r.body.code })),
          );
        }),
      );
      const bySender = new Map<string, string[]>();
      for (const a of answers)
        bySender.set(a.who, [...(bySender.get(a.who) ?? []), `${a.status} ${a.code ?? ''}`]);
      const disagreeing = [...bySender].filter(([, twice]) => twice[0] !== twice[1]);
      expect(disagreeing).toEqual([]);
      const acked = [...bySender].filter(([, twice]) => twice[0]!.startsWith('200')).map(([who]) => who);
      const refused = [...bySender].filter(([, twice]) => !twice[0]!.startsWith('200')).map(([, t]) => t[0]);
      expect(acked).toHaveLength(QUORUM);
      for (const r of refused) expect(r).toMatch(/^409 (PARTY_NOT_AWAITED|STEP_NOT_ACTIVE|PROCESS_CLOSED)$/);
      await expectExactlyOnce(
        [id],
        acked.map((by) => ({ processId: id, stepId: 'quorum', by, requestId: `${id}-${by}` })),
        [],
      );
    }
  }, 600_000);
});
