/**
 * Tokens and limits (issue 13, item 6): the API refuses to start on a short HS256 secret or on a JWKS
 * without issuer and audience; it refuses tokens that live longer than ACCORD_MAX_TOKEN_LIFETIME, saying
 * why; it warns at start while anyone can take a seeded identity; past the per-address or per-user budget
 * it answers 429 with Retry-After; /health stays out of the budgets.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { api, tokenFor } from '../support/auth';
import { e2eEnv } from '../support/e2e-env';
import { cleanEnv, startApiProcess, SWC_REGISTER, type ApiProcess } from './support/api-process';

const ROOT = path.join(__dirname, '..', '..');

/** Starts the API from source and expects it to exit at once; its exit code and stderr. */
/**
 * Starts the API with `env` and waits for it to exit. Asynchronous on purpose: a spawnSync would block this
 * process's event loop for seconds, and the HTTP client's idle keep-alive sockets to the shared API would
 * then outlive the server's keep-alive timeout unnoticed (the next request met ECONNRESET).
 */
async function refusedStart(env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-refused-'));
  try {
    const child = spawn(process.execPath, ['-r', SWC_REGISTER, 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: cleanEnv({ ACCORD_DATA_DIR: dataDir, TEMPORAL_ADDRESS: '127.0.0.1:1', ...env }),
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 60_000,
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const status = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    });
    return { status, stderr };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('settings the API refuses at start', () => {
  it('refuses an HS256 secret shorter than 32 bytes, saying how long it is', async () => {
    const res = await refusedStart({ ACCORD_JWT_SECRET: 'short-operator-secret' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/ACCORD_JWT_SECRET is 21 bytes long; HS256 needs at least 32/);
  });

  it('refuses a JWKS URL without the issuer and audience of Accord’s tokens', async () => {
    const res = await refusedStart({ ACCORD_JWKS_URL: 'https://idp.example/jwks' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/ACCORD_JWT_ISSUER and ACCORD_JWT_AUDIENCE must be set too/);
    const noAudience = await refusedStart({
      ACCORD_JWKS_URL: 'https://idp.example/jwks',
      ACCORD_JWT_ISSUER: 'https://idp.example',
    });
    expect(noAudience.stderr).toMatch(/ACCORD_JWT_AUDIENCE must be set too/);
  });

  it('refuses a malformed maximum token lifetime', async () => {
    const res = await refusedStart({ ACCORD_MAX_TOKEN_LIFETIME: 'a fortnight' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/ACCORD_MAX_TOKEN_LIFETIME must be a duration like 24h/);
  });
});

describe('the maximum token lifetime (shared API: 24 h by default)', () => {
  it('refuses a token valid for longer, with a 401 that says why', async () => {
    const res = await api('GET', '/api/v1/me', {
      token: tokenFor('jp-officer', { expiresInSeconds: 25 * 3600 }),
    });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe(
      'Invalid token: token lifetime is 25 h (exp − iat); this API accepts at most 24 h ' +
        '(ACCORD_MAX_TOKEN_LIFETIME): ask for a shorter-lived token',
    );
  });

  it('accepts one at the maximum', async () => {
    const res = await api('GET', '/api/v1/me', {
      token: tokenFor('jp-officer', { expiresInSeconds: 24 * 3600 }),
    });
    expect(res).toMatchObject({ status: 200, body: { sub: 'jp-officer' } });
  });
});

describe('rate limits and the seeded identities warning (an API with small budgets)', () => {
  let world: ApiProcess;
  let dataDir: string;
  const USER_LIMIT = 3;
  const ADDRESS_LIMIT = 12;

  beforeAll(async () => {
    // Directory mode (no ACCORD_JWT_SECRET) on a copy of the harness's generated secret: the harness's
    // tokens work, and the API warns that the seeded identities are open to anyone.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-limits-'));
    fs.writeFileSync(path.join(dataDir, 'jwt-secret'), e2eEnv().jwtSecret + '\n', { mode: 0o600 });
    world = await startApiProcess({
      TEMPORAL_ADDRESS: e2eEnv().temporalAddress,
      ACCORD_DATA_DIR: dataDir,
      ACCORD_RATE_LIMIT_PER_USER: String(USER_LIMIT),
      ACCORD_RATE_LIMIT_PER_ADDRESS: String(ADDRESS_LIMIT),
      ACCORD_RATE_LIMIT_WINDOW: '1m',
    });
  }, 90_000);
  afterAll(async () => {
    await world?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const me = (token?: string) =>
    fetch(`${world.url}/api/v1/me`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('warns at start that anyone reaching it can sign in as a seeded user', () => {
    expect(world.output()).toMatch(/Directory sign-in is on: anyone who reaches this API/);
  });

  it('answers 429 with Retry-After past one user’s budget, and other users keep theirs', async () => {
    const officer = tokenFor('jp-officer');
    for (let i = 0; i < USER_LIMIT; i++) expect((await me(officer)).status).toBe(200);
    const limited = await me(officer);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: expect.stringMatching(
        new RegExp(
          `^Too many requests: ${USER_LIMIT} per 1 min allowed for user "jp-officer" ` +
            `\\(ACCORD_RATE_LIMIT_PER_USER\\); retry after \\d+ s \\(Retry-After\\)$`,
        ),
      ),
    });
    // Another user from the same address still has a budget of their own.
    expect((await me(tokenFor('ca-officer'))).status).toBe(200);
  });

  it('answers 429 past the address’s budget, bad tokens counted too, and /health spends none', async () => {
    // 5 requests so far from this address; unauthenticated ones count before the token is checked.
    const statuses: number[] = [];
    for (let i = 0; i < ADDRESS_LIMIT; i++) statuses.push((await me()).status);
    expect(statuses.filter((s) => s === 401).length).toBe(ADDRESS_LIMIT - 5);
    expect(statuses.slice(ADDRESS_LIMIT - 5).every((s) => s === 429)).toBe(true);
    const limited = await me(tokenFor('ca-coordinator'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as { message: string }).message).toMatch(
      /allowed for address 127\.0\.0\.1 \(ACCORD_RATE_LIMIT_PER_ADDRESS\)/,
    );
    expect((await fetch(`${world.url}/health`)).status).toBe(200);
  });
});
