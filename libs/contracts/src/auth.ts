/**
 * Sign-in contract between the API and its clients (the web console among them).
 *
 * GET  /api/v1/auth/config              public: how this deployment signs people in
 * GET  /api/v1/auth/directory/users     public, directory mode only: the seeded people to pick from
 * POST /api/v1/auth/directory/token     public, directory mode only: { userId } → a bearer token
 *
 * Directory mode exists only while the API runs on its own generated secret (a laptop, a test run),
 * never in production; production signs in with OpenID Connect (authorization code + PKCE) against the
 * issuer whose JWKS the API trusts.
 */
import type { Party } from './definition';

export type AuthConfig =
  | { mode: 'directory' }
  | {
      mode: 'oidc';
      /** The issuer URL (its /.well-known/openid-configuration is read by the client). */
      issuer: string;
      clientId: string;
      /** Space-separated scopes to request, e.g. "openid profile accord". */
      scope: string;
      /** Resource/audience the API expects in tokens, when it checks one. */
      audience?: string;
    };

export interface DirectoryUser {
  id: string;
  name: string;
  party: Party;
  org: string;
  roles: string[];
}

export interface DirectoryTokenRequest {
  userId: string;
}

export interface DirectoryTokenResponse {
  token: string;
  /** ISO time the token expires. */
  expiresAt: string;
}

/**
 * Where the web console keeps its signed-in session: `localStorage[WEB_SESSION_STORAGE_KEY]` holds a
 * JSON WebSession. The console writes it after either sign-in (directory token or OIDC access token) and
 * removes it on sign-out, on a 401 or when it expires (then shows sign-in with a message). The browser
 * tests (test/web/support) sign in by writing it before the first page load.
 */
export const WEB_SESSION_STORAGE_KEY = 'accord.session';

export interface WebSession {
  /** The bearer token sent as `Authorization: Bearer <token>`. */
  token: string;
  /** ISO time the token expires. */
  expiresAt: string;
  mode: AuthConfig['mode'];
}
