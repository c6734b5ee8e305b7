import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../../../libs/config/src/accord-config';
import { assertAuthConfigured, resolveJwtSecret } from './jwt-secret';
import { signToken } from './sign-token';

describe('JWT secret', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-secret-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prefers ACCORD_JWT_SECRET and writes nothing', () => {
    const config = loadConfig({ ACCORD_DATA_DIR: dir, ACCORD_JWT_SECRET: 'from-env' });
    expect(resolveJwtSecret(config, { create: true })).toBe('from-env');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('generates one secret (mode 0600) in the data folder and reuses it', () => {
    const config = loadConfig({ ACCORD_DATA_DIR: path.join(dir, 'nested') });
    expect(resolveJwtSecret(config, { create: false })).toBeUndefined();
    const first = resolveJwtSecret(config, { create: true })!;
    expect(first.length).toBeGreaterThanOrEqual(40);
    const file = path.join(dir, 'nested', 'jwt-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveJwtSecret(config, { create: true })).toBe(first);
    expect(resolveJwtSecret(config, { create: false })).toBe(first);
  });

  it('production needs a secret or a JWKS URL', () => {
    expect(() => assertAuthConfigured(loadConfig({ NODE_ENV: 'production', ACCORD_DATA_DIR: dir }))).toThrow(
      /ACCORD_JWT_SECRET/,
    );
    expect(() =>
      assertAuthConfigured(loadConfig({ ACCORD_ENV: 'production', ACCORD_DATA_DIR: dir })),
    ).toThrow();
    expect(() =>
      assertAuthConfigured(loadConfig({ NODE_ENV: 'production', ACCORD_JWT_SECRET: 's' })),
    ).not.toThrow();
    expect(() =>
      assertAuthConfigured(loadConfig({ NODE_ENV: 'production', ACCORD_JWKS_URL: 'https://idp/jwks' })),
    ).not.toThrow();
    expect(() => assertAuthConfigured(loadConfig({ ACCORD_DATA_DIR: dir }))).not.toThrow();
  });
});

describe('signToken', () => {
  it('produces an HS256 JWT with the Accord claims', () => {
    const token = signToken({ sub: 'u', name: 'U', party: 'CA', org: 'GAC', roles: ['ca-gac'] }, 'secret', {
      now: 1_000_000,
    });
    const [head, body] = token.split('.');
    expect(JSON.parse(Buffer.from(head!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(body!, 'base64url').toString())).toEqual({
      sub: 'u',
      name: 'U',
      party: 'CA',
      org: 'GAC',
      roles: ['ca-gac'],
      iat: 1000,
      exp: 1000 + 12 * 3600,
    });
  });
});
