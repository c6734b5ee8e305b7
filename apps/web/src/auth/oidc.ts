/**
 * OpenID Connect sign-in (authorization code + PKCE) with oidc-client-ts. Kept apart from React so the
 * OIDC test can drive it against a real provider: the redirect URI is `<origin>/auth/callback`, and the
 * bearer sent to the API is the access token when it is a JWT (the API verifies JWTs against the issuer's
 * JWKS), else the ID token.
 */
import { UserManager, WebStorageStateStore, type User, type UserManagerSettings } from 'oidc-client-ts';
import type { AuthConfig } from '../../../../libs/contracts/src/auth';

export type OidcAuthConfig = Extract<AuthConfig, { mode: 'oidc' }>;

export const CALLBACK_PATH = '/auth/callback';

export function oidcSettings(config: OidcAuthConfig, origin: string, store?: Storage): UserManagerSettings {
  return {
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: config.scope,
    ...(config.audience ? { extraQueryParams: { resource: config.audience } } : {}),
    ...(store
      ? { userStore: new WebStorageStateStore({ store }), stateStore: new WebStorageStateStore({ store }) }
      : {}),
  };
}

export function userManagerFor(config: OidcAuthConfig, origin = window.location.origin): UserManager {
  return new UserManager(oidcSettings(config, origin, window.sessionStorage));
}

export function isJwt(token: string | undefined | null): token is string {
  return !!token && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

/** The token the API accepts: a JWT access token, else the ID token. */
export function bearerOf(user: Pick<User, 'access_token' | 'id_token'>): string {
  if (isJwt(user.access_token)) return user.access_token;
  if (isJwt(user.id_token)) return user.id_token;
  throw new Error('The identity provider returned neither a JWT access token nor an ID token');
}

/** The `exp` claim of a JWT as an ISO time, or null when it has none. */
export function expiryOf(jwt: string): string | null {
  try {
    const payload = jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(
      atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '=')),
    ) as {
      exp?: number;
    };
    return typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : null;
  } catch {
    return null;
  }
}

/** Sends the browser to the identity provider. */
export async function startOidcSignIn(
  config: OidcAuthConfig,
  manager = userManagerFor(config),
): Promise<void> {
  await manager.signinRedirect();
}

/** On /auth/callback: exchanges the code (with the PKCE verifier) for tokens; returns the API bearer. */
export async function completeOidcSignIn(
  config: OidcAuthConfig,
  manager = userManagerFor(config),
  url = window.location.href,
): Promise<{ token: string; expiresAt: string | null }> {
  const user = await manager.signinRedirectCallback(url);
  const token = bearerOf(user);
  return { token, expiresAt: expiryOf(token) };
}
