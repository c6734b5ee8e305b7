import { loadConfig } from '../../../../libs/config/src/accord-config';
import { authConfigOf, directorySignInEnabled, seededIdentitiesWarning } from './sign-in-mode';

const OIDC = {
  ACCORD_OIDC_ISSUER: 'https://id.example.gc.ca/realms/accord',
  ACCORD_OIDC_CLIENT_ID: 'accord-console',
  ACCORD_JWKS_URL: 'https://id.example.gc.ca/realms/accord/jwks',
};

describe('sign-in mode', () => {
  it('offers directory sign-in only on a generated secret outside production', () => {
    expect(directorySignInEnabled(loadConfig({}))).toBe(true);
    expect(authConfigOf(loadConfig({}))).toEqual({ mode: 'directory' });
    expect(directorySignInEnabled(loadConfig({ ACCORD_JWT_SECRET: 's' }))).toBe(false);
    expect(directorySignInEnabled(loadConfig({ ACCORD_JWKS_URL: 'https://idp/jwks' }))).toBe(false);
    expect(directorySignInEnabled(loadConfig({ NODE_ENV: 'production', ACCORD_JWT_SECRET: 's' }))).toBe(
      false,
    );
    expect(directorySignInEnabled(loadConfig({ ACCORD_ENV: 'production' }))).toBe(false);
  });

  it('has no sign-in for the console on a given secret without OIDC', () => {
    expect(authConfigOf(loadConfig({ ACCORD_JWT_SECRET: 's' }))).toBeUndefined();
  });

  it('describes OIDC from the settings, with the audience the API checks', () => {
    expect(authConfigOf(loadConfig({ ...OIDC, ACCORD_JWT_AUDIENCE: 'accord-api' }))).toEqual({
      mode: 'oidc',
      issuer: OIDC.ACCORD_OIDC_ISSUER,
      clientId: 'accord-console',
      scope: 'openid profile',
      audience: 'accord-api',
    });
    expect(authConfigOf(loadConfig({ ...OIDC, ACCORD_OIDC_SCOPE: 'openid accord' }))).toMatchObject({
      scope: 'openid accord',
    });
  });

  it('refuses incomplete OIDC settings with a message naming what is missing', () => {
    expect(() => loadConfig({ ACCORD_OIDC_ISSUER: OIDC.ACCORD_OIDC_ISSUER })).toThrow(
      /ACCORD_OIDC_CLIENT_ID/,
    );
    expect(() =>
      loadConfig({ ACCORD_OIDC_ISSUER: OIDC.ACCORD_OIDC_ISSUER, ACCORD_OIDC_CLIENT_ID: 'c' }),
    ).toThrow(/ACCORD_JWKS_URL/);
    expect(() => loadConfig({ ...OIDC, ACCORD_OIDC_ISSUER: 'id.example' })).toThrow(/http\(s\) URL/);
  });

  it('warns at start while the seeded identities can sign in, and only then', () => {
    expect(seededIdentitiesWarning(loadConfig({ ACCORD_API_HOST: '0.0.0.0', PORT: '3000' }))).toMatch(
      /anyone who reaches this API \(listening on 0\.0\.0\.0:3000\) can sign in as any seeded user/,
    );
    expect(seededIdentitiesWarning(loadConfig({ ACCORD_JWT_SECRET: 's'.repeat(32) }))).toBeUndefined();
    expect(seededIdentitiesWarning(loadConfig({ ACCORD_ENV: 'production' }))).toBeUndefined();
  });
});
