/**
 * OpenTelemetry tracing by configuration: the built API and worker, with OTEL_EXPORTER_OTLP_ENDPOINT
 * pointing at a collector this test runs (it keeps what it receives in memory), export one trace per
 * request: the HTTP span, the Temporal client's start or Update, and under it the workflow, the Update's
 * handling and the activities, from both processes.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { freePort } from '../../libs/temporal/src/free-port';
import { tokenFor } from '../support/auth';
import { e2eEnv } from '../support/e2e-env';
import { isAlive, spawnNode, waitFor, type Spawned } from './support/processes';

interface Span {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

/** An OTLP/HTTP (JSON) collector in memory. */
async function collector(): Promise<{ url: string; spans: Span[]; close: () => void }> {
  const spans: Span[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      try {
        const doc = JSON.parse(body) as {
          resourceSpans?: Array<{
            resource?: { attributes?: Array<{ key: string; value: { stringValue?: string } }> };
            scopeSpans?: Array<{ spans?: Array<Omit<Span, 'service'>> }>;
          }>;
        };
        for (const rs of doc.resourceSpans ?? []) {
          const service =
            rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
          for (const ss of rs.scopeSpans ?? [])
            for (const s of ss.spans ?? [])
              spans.push({
                service,
                traceId: s.traceId,
                spanId: s.spanId,
                parentSpanId: s.parentSpanId,
                name: s.name,
              });
        }
      } catch {
        /* not JSON: counted as nothing */
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}`, spans, close: () => server.close() };
}

describe('tracing from HTTP to the workflow and its activities', () => {
  const children: Spawned[] = [];
  let otlp: Awaited<ReturnType<typeof collector>>;

  afterAll(async () => {
    for (const c of children) {
      if (c.child.pid && isAlive(c.child.pid)) {
        c.child.kill('SIGTERM');
        await c.exited;
      }
    }
    otlp?.close();
  });

  it('exports one trace per request across the API and the worker', async () => {
    otlp = await collector();
    const env = e2eEnv();
    const apiPort = await freePort();
    const common = {
      ...process.env,
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_NAMESPACE: env.namespace,
      ACCORD_TASK_QUEUE: `infra-tracing-${randomUUID()}`,
      ACCORD_DAY_LENGTH: '1s',
      ACCORD_DATA_DIR: env.dataDir,
      ACCORD_JWT_SECRET: env.jwtSecret,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      LOG_LEVEL: 'info',
    };
    const worker = spawnNode('apps/worker/src/main.js', [], common);
    const api = spawnNode('apps/api/src/main.js', [], {
      ...common,
      PORT: String(apiPort),
      ACCORD_API_HOST: '127.0.0.1',
    });
    children.push(worker, api);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor('worker polling', async () => {
      if (!isAlive(worker.child.pid!)) throw new Error(`worker exited: ${worker.output()}`);
      return worker.output().includes('polling task queue');
    });
    await waitFor('API healthy', async () => {
      if (!isAlive(api.child.pid!)) throw new Error(`API exited: ${api.output()}`);
      return (await fetch(`${apiUrl}/health`).catch(() => undefined))?.status === 200;
    });

    const post = async (as: string, path: string, body: unknown) => {
      const res = await fetch(`${apiUrl}/api/v1${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenFor(as)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBeLessThan(300);
      return (await res.json()) as { id: string };
    };
    const { id } = await post('ca-gac-trade-missions', '/processes', {
      definitionId: 'trade-mission',
      title: 'Traced mission',
    });
    await post('ca-trade-minister-office', `/processes/${id}/steps/concept-approval/decisions`, {
      decision: 'approve',
      requestId: randomUUID(),
    });
    // Both sides approve: the next step becomes active and its due time is computed (an activity).
    await post('jp-meti', `/processes/${id}/steps/concept-approval/decisions`, {
      decision: 'approve',
      requestId: randomUUID(),
    });

    // Closing the process ends the workflow's run span (it lasts as long as the run).
    await post('jp-coordinator', `/processes/${id}/cancel`, { reason: 'Traced far enough' });

    const traceOf = (name: RegExp) => otlp.spans.find((s) => s.service === 'accord-api' && name.test(s.name));
    const inTrace = (traceId: string) => otlp.spans.filter((s) => s.traceId === traceId);
    const describe = (spans: Span[]) => spans.map((s) => `${s.service} ${s.name}`).sort();

    // The start: HTTP → StartWorkflow (the API settled the first view itself and starts with its due times;
    // UpdateWithStartWorkflow when it could not) → the workflow's run → the activities its run schedules
    // (here the next step's due time, once both sides approved the first).
    const started = await waitFor('the start traced through the workflow and an activity', async () => {
      const root = traceOf(/^POST \/api\/v1\/processes$/);
      const spans = root ? inTrace(root.traceId) : [];
      const names = describe(spans);
      const complete =
        names.some((n) => /^accord-api (StartWorkflow|UpdateWithStartWorkflow):processWorkflow/.test(n)) &&
        names.some((n) => /^accord-worker RunWorkflow:processWorkflow/.test(n)) &&
        names.some((n) => /^accord-worker StartActivity:computeDues/.test(n)) &&
        names.some((n) => /^accord-worker RunActivity:computeDues/.test(n));
      return complete ? { root: root!, spans } : undefined;
    }).catch((err: Error) => {
      const all = otlp.spans.map((s) => `${s.traceId.slice(0, 6)} ${s.service} ${s.name}`);
      throw new Error(`${err.message}\nspans: ${JSON.stringify(all)}`);
    });
    const ids = new Set(started.spans.map((s) => s.spanId));
    // Every span but the HTTP one has its parent in the same trace: one tree, not fragments.
    expect(started.spans.filter((s) => s !== started.root && !ids.has(s.parentSpanId ?? ''))).toEqual([]);
    expect(started.root.parentSpanId || undefined).toBeUndefined();

    // The decision: HTTP → the Update → its handling in the workflow, in one trace.
    const decided = await waitFor('the decision traced into the workflow', async () => {
      const root = traceOf(/^POST \/api\/v1\/processes\/:id\/steps\/:stepId\/decisions$/);
      const names = root ? describe(inTrace(root.traceId)) : [];
      return names.some((n) => /^accord-api StartWorkflowUpdate:decide/.test(n)) &&
        names.some((n) => /^accord-worker HandleUpdate:decide/.test(n))
        ? names
        : undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message}\nspans: ${JSON.stringify(describe(otlp.spans))}`);
    });
    expect(decided.length).toBeGreaterThanOrEqual(3);
  });
});
