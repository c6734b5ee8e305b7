/**
 * The web console's sign-in endpoints. The shared harness API runs on its own generated secret, so it
 * offers directory sign-in; an API given ACCORD_JWT_SECRET, or running in production, has no directory
 * endpoints at all (404), and one with OIDC settings tells the console where to sign in.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listUsers } from '../../libs/directory/src/directory';
import { api } from '../support/auth';
import { e2eEnv } from '../support/e2e-env';
import { startApiProcess, type ApiProcess } from './support/api-process';

describe('directory sign-in on the API’s own generated secret', () => {
  it('says so in the public auth config and lists the seeded directory', async () => {
    expect(await api('GET', '/api/v1/auth/config', { as: null })).toMatchObject({
      status: 200,
      body: { mode: 'directory' },
    });
    const users = await api('GET', '/api/v1/auth/directory/users', { as: null });
    expect(users.status).toBe(200);
    expect(users.body).toEqual(listUsers());
  });

  it('issues a token that the API accepts, for a working day', async () => {
    const before = Date.now();
    const res = await api('POST', '/api/v1/auth/directory/token', {
      as: null,
      body: { userId: 'ca-pco-oic' },
    });
    expect(res.status).toBe(200);
    const expiresAt = Date.parse(res.body.expiresAt);
    expect(expiresAt - before).toBeGreaterThanOrEqual(12 * 3600 * 1000 - 1000);
    expect(expiresAt - before).toBeLessThanOrEqual(12 * 3600 * 1000 + 60_000);
    const me = await api('GET', '/api/v1/me', { token: res.body.token });
    expect(me).toMatchObject({ status: 200, body: { sub: 'ca-pco-oic', party: 'CA' } });
  });

  it('refuses an unknown user, a malformed id and extra fields with a 400 naming the field', async () => {
    const unknown = await api('POST', '/api/v1/auth/directory/token', {
      as: null,
      body: { userId: 'nobody' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([
      { field: 'userId', message: 'no seeded user "nobody" (GET /api/v1/auth/directory/users lists them)' },
    ]);
    const missing = await api('POST', '/api/v1/auth/directory/token', { as: null, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([
      { field: 'userId', message: 'userId must be a string (received: missing)' },
    ]);
    const extra = await api('POST', '/api/v1/auth/directory/token', {
      as: null,
      body: { userId: 'jp-officer', roles: ['coordinator'] },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.details).toEqual([
      { field: 'roles', message: 'unknown field (received: ["coordinator"])' },
    ]);
  });
});

describe('sign-in elsewhere', () => {
  const started: ApiProcess[] = [];
  const dirs: string[] = [];
  const start = async (env: Record<string, string>) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-sign-in-'));
    dirs.push(dataDir);
    const p = await startApiProcess({
      TEMPORAL_ADDRESS: e2eEnv().temporalAddress,
      ACCORD_DATA_DIR: dataDir,
      ...env,
    });
    started.push(p);
    return p;
  };
  afterAll(async () => {
    await Promise.all(started.map((p) => p.stop()));
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  async function expectNoDirectory(url: string) {
    expect((await fetch(`${url}/api/v1/auth/directory/users`)).status).toBe(404);
    const token = await fetch(`${url}/api/v1/auth/directory/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'jp-officer' }),
    });
    expect(token.status).toBe(404);
  }

  it('has no directory endpoints when given ACCORD_JWT_SECRET, and says the console cannot sign in', async () => {
    const { url } = await start({ ACCORD_JWT_SECRET: 'a-secret-given-by-the-operator-32-bytes' });
    await expectNoDirectory(url);
    const config = await fetch(`${url}/api/v1/auth/config`);
    expect(config.status).toBe(404);
    expect(await config.json()).toMatchObject({
      code: 'SIGN_IN_NOT_CONFIGURED',
      message: expect.stringMatching(/ACCORD_OIDC_ISSUER and ACCORD_OIDC_CLIENT_ID/),
    });
  });

  it('has no directory endpoints in production, and offers OpenID Connect when configured', async () => {
    const { url } = await start({
      NODE_ENV: 'production',
      ACCORD_JWKS_URL: 'https://id.example.gc.ca/realms/accord/protocol/openid-connect/certs',
      ACCORD_JWT_ISSUER: 'https://id.example.gc.ca/realms/accord',
      ACCORD_JWT_AUDIENCE: 'accord-api',
      ACCORD_OIDC_ISSUER: 'https://id.example.gc.ca/realms/accord',
      ACCORD_OIDC_CLIENT_ID: 'accord-console',
      ACCORD_OIDC_SCOPE: 'openid profile accord',
    });
    await expectNoDirectory(url);
    expect(await (await fetch(`${url}/api/v1/auth/config`)).json()).toEqual({
      mode: 'oidc',
      issuer: 'https://id.example.gc.ca/realms/accord',
      clientId: 'accord-console',
      scope: 'openid profile accord',
      audience: 'accord-api',
    });
    const csp = (await fetch(`${url}/`)).headers.get('content-security-policy');
    expect(csp).toMatch(/connect-src 'self' https:\/\/id\.example\.gc\.ca/);
  });
});
