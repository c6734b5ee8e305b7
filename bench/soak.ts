/**
 * `npm run soak`: a bounded soak on loopback (issue 13, item 10). One Accord (own dev server, worker and
 * API processes: scripts/faults/stack.ts) under steady load for ACCORD_SOAK_MINUTES (10): clients start a
 * two-step process, approve both steps and read it, over and over. Every 30 s it samples the resident
 * memory of the worker and the API; at the end it prints the samples, throughput and latency, checks
 * that every process it started completed, and fails on any error answer or on memory that keeps growing
 * (the last third's mean above the middle third's by more than ACCORD_SOAK_MAX_GROWTH, 25 %).
 */
import * as fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { FaultStack, sleep, type HttpResult } from '../scripts/faults/stack';
import { APPROVALS, FAULTS_TWO_STEP, INITIATOR } from '../scripts/faults/two-step';
import { LATENCY_HEADERS, latencyRow, summarize, table } from './stats';

const minutes = Number(process.env.ACCORD_SOAK_MINUTES ?? 10);
const clients = Number(process.env.ACCORD_SOAK_CLIENTS ?? 4);
const maxGrowth = Number(process.env.ACCORD_SOAK_MAX_GROWTH ?? 0.25);
const SAMPLE_MS = 30_000;

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

async function main(): Promise<number> {
  const stack = new FaultStack({
    definitions: [FAULTS_TWO_STEP],
    log: (l) => process.stderr.write(`[soak] ${l}\n`),
  });
  await stack.start();
  const started: string[] = [];
  const errors: string[] = [];
  const latency: Record<string, number[]> = { start: [], decide: [], read: [] };
  const samples: Array<{ at: number; worker: number; api: number; processes: number }> = [];
  const t0 = Date.now();
  const end = t0 + minutes * 60_000;
  const timed = async (kind: string, fn: () => Promise<HttpResult>, want: number): Promise<HttpResult> => {
    const t = performance.now();
    const res = await fn();
    latency[kind]!.push(performance.now() - t);
    if (res.status !== want) errors.push(`${kind}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res;
  };
  const sample = () =>
    samples.push({
      at: Math.round((Date.now() - t0) / 1000),
      worker: rssMb(stack.pids().worker),
      api: rssMb(stack.pids().api),
      processes: started.length,
    });
  try {
    sample();
    const sampler = setInterval(sample, SAMPLE_MS);
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < end && errors.length < 20) {
          const res = await timed(
            'start',
            () =>
              stack.request('POST', '/processes', INITIATOR, {
                definitionId: FAULTS_TWO_STEP.id,
                title: `Soak ${randomUUID().slice(0, 8)}`,
              }),
            201,
          );
          const id = res.body.id as string | undefined;
          if (!id) continue;
          started.push(id);
          for (const [stepId, who] of APPROVALS) {
            await timed(
              'decide',
              () =>
                stack.request('POST', `/processes/${id}/steps/${stepId}/decisions`, who, {
                  decision: 'approve',
                  requestId: `${id}-${stepId}`,
                }),
              200,
            );
          }
          await timed('read', () => stack.request('GET', `/processes/${id}`, INITIATOR), 200);
        }
      }),
    );
    clearInterval(sampler);
    sample();
    const wallMs = Date.now() - t0;
    await sleep(1000);
    let notCompleted = 0;
    for (const id of started) {
      const v = await stack.request('GET', `/processes/${id}`, INITIATOR);
      if (v.body.status !== 'completed') notCompleted++;
    }
    process.stdout.write(
      `\nSoak: ${minutes} min, ${clients} clients, ${started.length} processes (${(started.length / (wallMs / 1000)).toFixed(1)}/s), ` +
        `${errors.length} errors, ${notCompleted} not completed\n\n`,
    );
    process.stdout.write(
      table(
        LATENCY_HEADERS,
        Object.entries(latency).map(([k, v]) => latencyRow(k, summarize(v), wallMs)),
      ) + '\n\n',
    );
    process.stdout.write(
      table(
        ['t (s)', 'processes', 'worker RSS MB', 'API RSS MB'],
        samples.map((s) => [s.at, s.processes, s.worker.toFixed(0), s.api.toFixed(0)]),
      ) + '\n',
    );
    const third = Math.floor(samples.length / 3);
    const growth = (key: 'worker' | 'api') => {
      if (third < 1) return 0;
      const middle = mean(samples.slice(third, 2 * third).map((s) => s[key]));
      const last = mean(samples.slice(2 * third).map((s) => s[key]));
      return (last - middle) / middle;
    };
    const grew = (['worker', 'api'] as const).filter((k) => growth(k) > maxGrowth);
    for (const k of ['worker', 'api'] as const)
      process.stdout.write(`${k} RSS, last third vs middle third: ${(growth(k) * 100).toFixed(1)} %\n`);
    for (const e of errors.slice(0, 10)) process.stdout.write(`error: ${e}\n`);
    return errors.length === 0 && notCompleted === 0 && grew.length === 0 ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
