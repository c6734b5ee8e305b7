import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../../../libs/config/src/accord-config';
import { assertAuthConfigured, resolveJwtSecret } from './jwt-secret';
import { signToken } from './sign-token';

const LONG_SECRET = 'an-operator-secret-of-32-bytes-or-more';

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
      assertAuthConfigured(loadConfig({ NODE_ENV: 'production', ACCORD_JWT_SECRET: LONG_SECRET })),
    ).not.toThrow();
    expect(() =>
      assertAuthConfigured(
        loadConfig({
          NODE_ENV: 'production',
          ACCORD_JWKS_URL: 'https://idp/jwks',
          ACCORD_JWT_ISSUER: 'https://idp',
          ACCORD_JWT_AUDIENCE: 'accord',
        }),
      ),
    ).not.toThrow();
    expect(() => assertAuthConfigured(loadConfig({ ACCORD_DATA_DIR: dir }))).not.toThrow();
  });

  it('refuses an HS256 secret shorter than 32 bytes, saying how long it is', () => {
    expect(() => assertAuthConfigured(loadConfig({ ACCORD_JWT_SECRET: 'x'.repeat(31) }))).toThrow(
      /ACCORD_JWT_SECRET is 31 bytes long; HS256 needs at least 32/,
    );
    // Bytes, not characters: 11 three-byte characters are 33 bytes.
    expect(() => assertAuthConfigured(loadConfig({ ACCORD_JWT_SECRET: '鍵'.repeat(11) }))).not.toThrow();
  });

  it('refuses a JWKS URL without the issuer and the audience that make its tokens Accord’s', () => {
    const jwks = { ACCORD_JWKS_URL: 'https://idp/jwks' };
    expect(() => assertAuthConfigured(loadConfig(jwks))).toThrow(
      /ACCORD_JWT_ISSUER and ACCORD_JWT_AUDIENCE must be set too/,
    );
    expect(() => assertAuthConfigured(loadConfig({ ...jwks, ACCORD_JWT_ISSUER: 'https://idp' }))).toThrow(
      /: ACCORD_JWT_AUDIENCE must be set too/,
    );
    expect(() => assertAuthConfigured(loadConfig({ ...jwks, ACCORD_JWT_AUDIENCE: 'accord' }))).toThrow(
      /: ACCORD_JWT_ISSUER must be set too/,
    );
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
