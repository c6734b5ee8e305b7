import * as path from 'node:path';
import { loadConfig } from '../../../../libs/config/src/accord-config';
import { cacheControlFor, contentSecurityPolicy, NOT_THE_CONSOLE } from './console-policy';

describe('web console serving', () => {
  it('leaves the API, docs, health, metrics and assets alone and falls back for the rest', () => {
    for (const p of [
      '/api',
      '/api/v1/inbox',
      '/docs',
      '/docs/',
      '/docs-json',
      '/health',
      '/metrics',
      '/assets/x.js',
    ])
      expect(NOT_THE_CONSOLE.test(p)).toBe(true);
    for (const p of ['/', '/inbox', '/processes/abc', '/board', '/auth/callback', '/apis', '/healthy'])
      expect(NOT_THE_CONSOLE.test(p)).toBe(false);
  });

  it('caches hashed assets for a year and revalidates the rest', () => {
    expect(cacheControlFor(path.join('/x', 'dist', 'web', 'assets', 'index-3f9a.js'))).toMatch(/immutable/);
    expect(cacheControlFor(path.join('/x', 'dist', 'web', 'index.html'))).toBe('no-cache');
    expect(cacheControlFor(path.join('/x', 'dist', 'web', 'favicon.svg'))).toBe('no-cache');
  });

  it('lets the console reach its OIDC issuer and nothing else', () => {
    expect(contentSecurityPolicy(loadConfig({}))['connect-src']).toEqual(["'self'"]);
    const oidc = loadConfig({
      ACCORD_OIDC_ISSUER: 'https://id.example.gc.ca/realms/accord',
      ACCORD_OIDC_CLIENT_ID: 'console',
      ACCORD_JWKS_URL: 'https://id.example.gc.ca/realms/accord/certs',
    });
    expect(contentSecurityPolicy(oidc)['connect-src']).toEqual(["'self'", 'https://id.example.gc.ca']);
  });
});
