/**
 * The API as its own process (apps/api/src/main.ts run from source): /health answers 503 while Temporal is
 * unreachable, SIGTERM stops it cleanly, the JWT secret is generated in the data folder on first start and
 * shared with `npm run token`, and production refuses to start without a secret or JWKS URL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import * as http from 'node:http';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { signToken } from '../../apps/api/src/auth/sign-token';
import { getUser, principalOf } from '../../libs/directory/src/directory';
import { e2eEnv } from '../support/e2e-env';
import { freePort } from '../../libs/temporal/src/free-port';
import { cleanEnv } from './support/api-process';

const ROOT = path.join(__dirname, '..', '..');
const REGISTER = path.join(__dirname, 'support', 'swc-register.js');

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the API as a standalone process', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-api-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('reports 503 while Temporal is down, opens CORS to configured origins only, generates and shares the JWT secret, stops on SIGTERM', async () => {
    const port = await freePort();
    const deadTemporal = `127.0.0.1:${await freePort()}`;
    const child = spawn(process.execPath, ['-r', REGISTER, 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: cleanEnv({
        ACCORD_DATA_DIR: dataDir,
        TEMPORAL_ADDRESS: deadTemporal,
        PORT: String(port),
        ACCORD_API_HOST: '127.0.0.1',
        ACCORD_CORS_ORIGINS: 'https://app.example',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const done = exited(child);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    try {
      const health = await waitForHttp(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(503);
      const body = await health.json();
      expect(body).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
        checks: { temporal: { status: 'down', message: 'Temporal did not answer within 2000 ms' } },
      });
      // Public: no internal error (the gRPC message names the address it tried) reaches the client.
      expect(JSON.stringify(body)).not.toContain(deadTemporal.split(':')[1]!);

      // CORS opens only to the configured origins.
      const preflight = (origin: string) =>
        fetch(`http://127.0.0.1:${port}/api/v1/me`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'authorization',
          },
        });
      expect((await preflight('https://app.example')).headers.get('access-control-allow-origin')).toBe(
        'https://app.example',
      );
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

      const secretFile = path.join(dataDir, 'jwt-secret');
      expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);

      const token = spawnSync(process.execPath, ['-r', REGISTER, 'scripts/token.ts', 'ca-pco-oic'], {
        cwd: ROOT,
        env: cleanEnv({ ACCORD_DATA_DIR: dataDir }),
        encoding: 'utf8',
      });
      expect(token.status).toBe(0);
      const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`, {
        headers: { authorization: `Bearer ${token.stdout.trim()}` },
      });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ sub: 'ca-pco-oic', party: 'CA', roles: ['ca-pco-oic'] });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await done).toBe(0);
    expect(stderr).not.toMatch(/failed to start/);
  });

  it('npm run token -- --list --json lists the seeded users', () => {
    const res = spawnSync(process.execPath, ['-r', REGISTER, 'scripts/token.ts', '--list', '--json'], {
      cwd: ROOT,
      env: cleanEnv({ ACCORD_DATA_DIR: dataDir }),
      encoding: 'utf8',
    });
    expect(res.status).toBe(0);
    const users = JSON.parse(res.stdout);
    expect(users.find((u: { id: string }) => u.id === 'jp-coordinator')).toEqual({
      id: 'jp-coordinator',
      name: expect.any(String),
      party: 'JP',
      org: expect.any(String),
      roles: ['coordinator'],
    });
    const unknown = spawnSync(process.execPath, ['-r', REGISTER, 'scripts/token.ts', 'nobody'], {
      cwd: ROOT,
      env: cleanEnv({ ACCORD_DATA_DIR: dataDir }),
      encoding: 'utf8',
    });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/unknown user/);
  });

  it('production refuses to start without ACCORD_JWT_SECRET or ACCORD_JWKS_URL', () => {
    const res = spawnSync(process.execPath, ['-r', REGISTER, 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: cleanEnv({ ACCORD_DATA_DIR: dataDir, NODE_ENV: 'production', TEMPORAL_ADDRESS: '127.0.0.1:1' }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/ACCORD_JWT_SECRET or ACCORD_JWKS_URL/);
    expect(fs.existsSync(path.join(dataDir, 'jwt-secret'))).toBe(false);
  });

  it('production refuses to start without ACCORD_UPDATE_KEYS (the key that proves Updates come from the API)', () => {
    const res = spawnSync(process.execPath, ['-r', REGISTER, 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: cleanEnv({
        ACCORD_DATA_DIR: dataDir,
        NODE_ENV: 'production',
        ACCORD_JWT_SECRET: randomBytes(32).toString('hex'),
        TEMPORAL_ADDRESS: '127.0.0.1:1',
      }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/ACCORD_UPDATE_KEYS is required in production/);
    expect(fs.existsSync(path.join(dataDir, 'dev-update-keys'))).toBe(false);
  });

  it('verifies RS256 tokens from a JWKS URL with issuer and audience (OIDC provider)', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
    const jwks = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    const jwksPort = await freePort();
    await new Promise<void>((r) => jwks.listen(jwksPort, '127.0.0.1', r));
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const rs256 = (claims: object) => {
      const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${b64(claims)}`;
      return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    };
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: 'idp-user-1',
      name: 'Idp User',
      party: 'CA',
      org: 'GAC',
      roles: ['ca-gac'],
      iss: 'https://idp.example',
      aud: 'accord',
      iat: now,
      exp: now + 600,
    };
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', REGISTER, 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: cleanEnv({
        NODE_ENV: 'production',
        ACCORD_UPDATE_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        ACCORD_DATA_DIR: dataDir,
        ACCORD_JWKS_URL: `http://127.0.0.1:${jwksPort}/jwks.json`,
        ACCORD_JWT_ISSUER: 'https://idp.example',
        ACCORD_JWT_AUDIENCE: 'accord',
        TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
        PORT: String(port),
        ACCORD_API_HOST: '127.0.0.1',
      }),
      stdio: 'ignore',
    });
    const done = exited(child);
    try {
      await waitForHttp(`http://127.0.0.1:${port}/health`);
      const me = (token: string) =>
        fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      const ok = await me(rs256(claims));
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ sub: 'idp-user-1', party: 'CA', roles: ['ca-gac'] });
      expect((await me(rs256({ ...claims, aud: 'someone-else' }))).status).toBe(401);
      expect((await me(rs256({ ...claims, iss: 'https://evil.example' }))).status).toBe(401);
      expect((await me(rs256({ ...claims, exp: now - 10 }))).status).toBe(401);
      // A shared-secret token is not accepted in JWKS mode.
      const hs = signToken({ sub: 'x', name: 'X', party: 'CA', org: 'o', roles: [] }, 'guess', {
        issuer: 'https://idp.example',
        audience: 'accord',
      });
      expect((await me(hs)).status).toBe(401);
      expect(fs.existsSync(path.join(dataDir, 'jwt-secret'))).toBe(false);
    } finally {
      child.kill('SIGTERM');
      jwks.close();
    }
    expect(await done).toBe(0);
  });

  it('answers 201 with the first step settled by the API when no worker serves the task queue yet, and 503 (not 500) for reads without a worker', async () => {
    const port = await freePort();
    const secret = 'standalone-secret-of-at-least-32-bytes';
    const child = spawn(process.execPath, ['-r', REGISTER, 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: cleanEnv({
        ACCORD_DATA_DIR: dataDir,
        ACCORD_JWT_SECRET: secret,
        ACCORD_TASK_QUEUE: `no-worker-${Date.now()}`,
        TEMPORAL_ADDRESS: e2eEnv().temporalAddress,
        PORT: String(port),
        ACCORD_API_HOST: '127.0.0.1',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The API's log, told when the answer is not the one expected (its error line says why).
    let output = '';
    for (const stream of [child.stdout!, child.stderr!])
      stream.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));
    const done = exited(child);
    try {
      await waitForHttp(`http://127.0.0.1:${port}/health`);
      const token = signToken(principalOf(getUser('ca-officer')!), secret);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const started = await fetch(`http://127.0.0.1:${port}/api/v1/processes`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ definitionId: 'trade-mission', title: 'Nobody is working yet' }),
      });
      expect(started.status).toBe(201);
      const view = (await started.json()) as {
        id: string;
        steps: Array<{ id: string; dueAt: string | null }>;
      };
      // The API settles the first view itself (the process starts with its first due times): no worker needed.
      expect(view).toMatchObject({ status: 'running', definitionId: 'trade-mission' });
      expect(view.steps.find((s) => s.id === 'concept-approval')).toMatchObject({ status: 'active' });
      expect(Date.parse(view.steps.find((s) => s.id === 'concept-approval')!.dueAt!)).toBeGreaterThan(
        Date.now(),
      );
      const read = await fetch(`http://127.0.0.1:${port}/api/v1/processes/${view.id}`, { headers });
      const answer = { status: read.status, body: (await read.json()) as { code?: string } };
      if (answer.status !== 503) throw new Error(`GET answered ${answer.status}; the API's log:\n${output}`);
      expect(answer).toMatchObject({ status: 503, body: { code: 'UNAVAILABLE' } });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await done).toBe(0);
  }, 90_000);
});
