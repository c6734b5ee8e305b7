/**
 * How people sign in to this deployment, decided in one place. Directory sign-in (pick a seeded user, get
 * a token) exists only while the API runs on its own generated secret: no ACCORD_JWT_SECRET, no JWKS, not
 * production. Then the secret never left the data folder, so the deployment is a laptop or a test run.
 */
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import type { AuthConfig } from '../../../../libs/contracts/src/auth';

export function directorySignInEnabled(config: AccordConfig): boolean {
  return !config.production && !config.auth.jwtSecret && !config.auth.jwksUrl;
}

/** What GET /api/v1/auth/config answers; undefined when the console has no way to sign in. */
export function authConfigOf(config: AccordConfig): AuthConfig | undefined {
  if (config.oidc) {
    return {
      mode: 'oidc',
      issuer: config.oidc.issuer,
      clientId: config.oidc.clientId,
      scope: config.oidc.scope,
      ...(config.auth.audience ? { audience: config.auth.audience } : {}),
    };
  }
  if (directorySignInEnabled(config)) return { mode: 'directory' };
  return undefined;
}

/**
 * The warning logged at start while directory sign-in is on: anyone who reaches the API can take any
 * seeded identity, coordinators included. Fine on a laptop, never on a shared host.
 */
export function seededIdentitiesWarning(config: AccordConfig): string | undefined {
  if (!directorySignInEnabled(config)) return undefined;
  return (
    'Directory sign-in is on: anyone who reaches this API (listening on ' +
    `${config.api.host}:${config.api.port}) can sign in as any seeded user, coordinators included. ` +
    'For anything but a laptop or a test run, set ACCORD_JWKS_URL (an identity provider) or ' +
    'ACCORD_JWT_SECRET, or run with NODE_ENV=production.'
  );
}
