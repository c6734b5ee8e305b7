/**
 * GET /metrics on the harness API: Prometheus text with the HTTP histogram (labelled by route template,
 * never by a process id) and business counters that move by exactly what the API did. Counters are read
 * before and after, so the shared API's earlier traffic does not matter.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '../../libs/temporal/src/free-port';
import { api, tokenFor } from '../support/auth';
import { e2eEnv } from '../support/e2e-env';
import { decide, startProcess, waitFor } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const REGISTER = path.join(__dirname, 'support', 'swc-register.js');

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text exposition format (sample lines only). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

async function scrape(): Promise<{ text: string; samples: Sample[] }> {
  const res = await fetch(`${e2eEnv().apiUrl}/metrics`);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, samples: parse(text) };
}

/** The value of one series (0 when it does not exist yet). */
function valueOf(samples: Sample[], name: string, labels: Record<string, string>): number {
  const found = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} series`);
  return found[0]?.value ?? 0;
}

const DECISIONS_ROUTE = '/api/v1/processes/:id/steps/:stepId/decisions';

describe('GET /metrics', () => {
  it('answers Prometheus text, without a token, with the HTTP histogram and default Node metrics', async () => {
    await api('GET', '/health');
    const res = await fetch(`${e2eEnv().apiUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('# TYPE accord_http_request_duration_seconds histogram');
    expect(text).toMatch(/^accord_http_request_duration_seconds_bucket\{.*route="\/health".*\} \d+$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_total_bytes \d/m);
    // Not under the api/v1 prefix, like /health.
    expect((await api('GET', '/api/v1/metrics', { as: 'jp-coordinator' })).status).toBe(404);
  });

  it('counts a started process, decisions with their outcome (a 403 with its code), a nudge and HTTP requests by route template', async () => {
    const before = (await scrape()).samples;

    const { id } = await startProcess('ca-officer');
    const ok = await decide('ca-trade-minister-office', id, 'concept-approval', { decision: 'approve' });
    expect(ok.status).toBe(200);
    const refused = await decide('ca-gac', id, 'concept-approval', { decision: 'approve' });
    expect(refused.status).toBe(403);
    const code = refused.body.code as string;
    expect(['NOT_ELIGIBLE', 'WRONG_PARTY']).toContain(code);
    const unauthenticated = await decide(null, id, 'concept-approval', { decision: 'approve' });
    expect(unauthenticated.status).toBe(401);
    expect((await api('GET', `/api/v1/processes/${id}`, { as: 'jp-coordinator' })).status).toBe(200);
    const nudge = await api('POST', `/api/v1/processes/${id}/nudge`, {
      as: 'jp-coordinator',
      body: { reason: 'metrics' },
    });
    expect(nudge.status).toBe(200);

    const { text, samples: after } = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);

    expect(delta('accord_processes_started_total', { definition: 'trade-mission' })).toBe(1);
    expect(delta('accord_decisions_total', { decision: 'approve', outcome: 'ok' })).toBe(1);
    expect(delta('accord_decisions_total', { decision: 'approve', outcome: code })).toBe(1);
    // The 401 is refused by the guard before the service: an HTTP request, not a decision.
    expect(delta('accord_decisions_total', { decision: 'approve', outcome: 'HTTP_401' })).toBe(0);
    expect(delta('accord_completions_total', { outcome: 'ok' })).toBe(0);
    expect(delta('accord_coordinator_actions_total', { action: 'nudge', outcome: 'ok' })).toBe(1);

    const requests = (status: string) => ({ method: 'POST', route: DECISIONS_ROUTE, status_code: status });
    expect(delta('accord_http_request_duration_seconds_count', requests('200'))).toBe(1);
    expect(delta('accord_http_request_duration_seconds_count', requests('403'))).toBe(1);
    expect(delta('accord_http_request_duration_seconds_count', requests('401'))).toBe(1);
    expect(
      delta('accord_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/v1/processes',
        status_code: '201',
      }),
    ).toBe(1);
    expect(
      delta('accord_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/v1/processes/:id',
        status_code: '200',
      }),
    ).toBe(1);

    // Route labels are templates: never a process id, never a raw URL.
    expect(text).not.toContain(id);
    const routes = new Set(
      after.filter((s) => s.name === 'accord_http_request_duration_seconds_count').map((s) => s.labels.route),
    );
    expect(routes).toContain('/api/v1/processes/:id');
    for (const route of routes) expect(route).not.toMatch(/process-|bk-/);
  });

  it('labels unknown URLs as one "unmatched" route', async () => {
    const before = (await scrape()).samples;
    const unknown = `/api/v1/no-such-resource/process-${Date.now()}`;
    expect((await api('GET', unknown, { as: 'jp-coordinator' })).status).toBe(404);
    const { text, samples: after } = await scrape();
    const labels = { method: 'GET', route: 'unmatched', status_code: '404' };
    expect(
      valueOf(after, 'accord_http_request_duration_seconds_count', labels) -
        valueOf(before, 'accord_http_request_duration_seconds_count', labels),
    ).toBe(1);
    expect(text).not.toContain('no-such-resource');
  });
});

describe('GET /metrics with ACCORD_METRICS_TOKEN', () => {
  it('needs exactly that bearer token (401 otherwise, a user JWT included)', async () => {
    const env = e2eEnv();
    const port = await freePort();
    const metricsToken = 'scrape-me-0123456789';
    // The API from source as its own process (as in standalone.e2e-spec.ts), on the harness's Temporal.
    const child = spawn(process.execPath, ['-r', REGISTER, 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: env.temporalAddress,
        TEMPORAL_NAMESPACE: env.namespace,
        ACCORD_TASK_QUEUE: env.taskQueue,
        ACCORD_JWT_SECRET: env.jwtSecret,
        ACCORD_DATA_DIR: env.dataDir,
        ACCORD_API_HOST: '127.0.0.1',
        PORT: String(port),
        ACCORD_METRICS_TOKEN: metricsToken,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}/metrics`;
    const scrapeWith = (authorization?: string) =>
      fetch(url, { headers: authorization ? { authorization } : {} });
    try {
      const anonymous = await waitFor(
        'the API with a metrics token',
        () => scrapeWith().catch(() => undefined),
        60_000,
      );
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await anonymous.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      expect((await scrapeWith(`Bearer ${metricsToken}x`)).status).toBe(401);
      expect((await scrapeWith(`Bearer ${tokenFor('jp-coordinator')}`)).status).toBe(401);
      const ok = await scrapeWith(`Bearer ${metricsToken}`);
      expect(ok.status).toBe(200);
      // The refused scrapes were counted too (status from the controller, after the route matched).
      expect(await ok.text()).toMatch(
        /^accord_http_request_duration_seconds_count\{method="GET",route="\/metrics",status_code="401"\} 3$/m,
      );
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
