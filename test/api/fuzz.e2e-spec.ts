/**
 * Fuzzes the API from its own OpenAPI document with schemathesis (PyPI) and every check (`--checks all`:
 * no 5xx, every status and response as documented, schema-valid requests accepted and invalid ones refused,
 * undeclared methods 405, stateful links followed), as a coordinator and as an approver, ACCORD_FUZZ_SECONDS
 * each (default 45). test/api/schemathesis.toml lists the rules no schema can state (the clock, the state).
 * schemathesis is taken from PATH, else from the venv under
 * ~/.cache/accord/venv (created with `pip install schemathesis` when missing). Bounded in time.
 * The fuzzer runs against its own API, namespace and worker (test/api/support/isolated-api.ts): on the shared
 * namespace it would pick processes other files left on worker-less task queues (or broken on purpose), whose
 * Queries honestly answer 503, and count that as a server error.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { api, tokenFor, type Json } from '../support/auth';
import { startProcess, waitFor } from './helpers';
import { startIsolatedApi, type IsolatedApi } from './support/isolated-api';

const VENV = path.join(os.homedir(), '.cache', 'accord', 'venv');
const FUZZ_SECONDS = Number(process.env.ACCORD_FUZZ_SECONDS ?? 45);
const CONFIG = path.join(__dirname, 'schemathesis.toml');

function findSchemathesis(): string {
  const onPath = spawnSync('schemathesis', ['--version'], { encoding: 'utf8' });
  if (onPath.status === 0) return 'schemathesis';
  const inVenv = path.join(VENV, 'bin', 'schemathesis');
  if (!fs.existsSync(inVenv)) {
    process.stderr.write(`[fuzz] installing schemathesis into ${VENV}\n`);
    const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : 'python';
    const venv = spawnSync(python, ['-m', 'venv', VENV], { stdio: 'inherit' });
    if (venv.status !== 0) throw new Error(`cannot create a Python venv at ${VENV}`);
    const pip = spawnSync(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', 'schemathesis'], {
      stdio: 'inherit',
      timeout: 240_000,
    });
    if (pip.status !== 0) throw new Error('pip install schemathesis failed');
  }
  return inVenv;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

async function call(
  apiUrl: string,
  method: string,
  route: string,
  as: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${apiUrl}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${tokenFor(as)}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

/** Runs schemathesis with every check as `as`; its exit code, output and the report folder. */
async function fuzzAs(bin: string, apiUrl: string, as: string, seconds: number) {
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-fuzz-'));
  const { code, out } = await run(
    bin,
    [
      '--config-file',
      CONFIG,
      'run',
      `${apiUrl}/docs-json`,
      '--url',
      apiUrl,
      '--checks',
      'all',
      '--header',
      `Authorization: Bearer ${tokenFor(as, { expiresInSeconds: 3600 })}`,
      '--max-time',
      String(seconds),
      '--max-examples',
      '40',
      // One worker: CPython 3.11's ast is not thread-safe under hypothesis (spurious runtime errors).
      '--workers',
      '1',
      '--request-timeout',
      '20',
      '--phases',
      'examples,coverage,fuzzing,stateful',
      '--seed',
      String(Date.now() % 100000),
      '--suppress-health-check',
      'all',
      '--report',
      'ndjson',
      '--report-dir',
      reportDir,
      '--no-color',
    ],
    (seconds + 90) * 1000,
  );
  process.stderr.write(
    `[fuzz as ${as}] ${out
      .split('\n')
      .filter((l) => /passed|failed|errors?|Test cases|operations|seconds/i.test(l))
      .slice(-12)
      .join('\n')}\n`,
  );
  return { code, out };
}

describe('fuzzing the OpenAPI document (schemathesis, every check)', () => {
  let world: IsolatedApi | undefined;
  let bin: string;
  beforeAll(async () => {
    // No rate limits here: a fuzzer is the runaway client they stop (429 is documented on every route).
    world = await startIsolatedApi('fuzz', {
      apiEnv: { ACCORD_RATE_LIMIT_PER_USER: '0', ACCORD_RATE_LIMIT_PER_ADDRESS: '0' },
    });
    bin = findSchemathesis();
    // Some real processes so the fuzzer also hits existing ones through the documented ids.
    const { apiUrl } = world;
    const seeded = await call(apiUrl, 'POST', '/api/v1/processes', 'ca-officer', {
      definitionId: 'trade-mission',
      title: 'Fuzz seed mission',
    });
    expect(seeded.status).toBe(201);
    // Isolation: a process on the shared harness is invisible to the fuzzed API, which lists only its own.
    const shared = await startProcess('ca-officer');
    await waitFor('the shared process listed on the harness', async () =>
      (await api('GET', '/api/v1/processes?pageSize=100', { as: 'ca-coordinator' })).body.items?.some(
        (p: { id: string }) => p.id === shared.id,
      ),
    );
    const own = await waitFor('the seeded process listed on the fuzzed API', async () => {
      const res = await call(apiUrl, 'GET', '/api/v1/processes?pageSize=100', 'ca-coordinator');
      return res.body.items?.length ? res.body.items : undefined;
    });
    expect(own.map((p: { id: string }) => p.id)).toEqual([seeded.body.id]);
    expect((await call(apiUrl, 'GET', `/api/v1/processes/${shared.id}`, 'ca-coordinator')).status).toBe(404);
  }, 300_000);
  afterAll(async () => {
    await world?.stop();
  }, 60_000);

  // A coordinator (acts on any process of their party) and an approver (decides their own steps only).
  for (const as of ['ca-coordinator', 'jp-meti']) {
    it(
      `reports nothing as ${as}`,
      async () => {
        const { code, out } = await fuzzAs(bin, world!.apiUrl, as, FUZZ_SECONDS);
        if (code !== 0) {
          throw new Error(
            `schemathesis exited with ${code}:\n${out.slice(-8000)}\n[isolated API output]\n${world!.apiOutput().slice(-3000)}`,
          );
        }
        expect(out).toMatch(/passed/i);
      },
      (FUZZ_SECONDS + 240) * 1000,
    );
  }
});
