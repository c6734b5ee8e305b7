/**
 * Verifies bearer tokens: HS256 with the shared secret, or RS/ES keys from a JWKS URL (OIDC provider) with
 * issuer/audience checks when configured. Returns the Principal or throws InvalidTokenError.
 */
import { createRemoteJWKSet, jwtVerify, type CryptoKey, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { VerifiedTokens } from './verified-tokens';

export class InvalidTokenError extends Error {}

interface CommonSettings {
  issuer?: string;
  audience?: string;
  /** Longest accepted lifetime (exp − iat, or exp − now without iat); absent: any. */
  maxLifetimeSeconds?: number;
}

export type VerifierSettings =
  | ({ kind: 'secret'; secret: string } & CommonSettings)
  | ({ kind: 'jwks'; jwksUrl: string } & CommonSettings);

/** "90000 s" → "25 h" for messages; whole hours and minutes read better than seconds. */
function span(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/**
 * A stolen token is good until it expires, so the API bounds how long that can be, whatever the issuer
 * chose. Without iat the lifetime left (exp − now) is what counts.
 */
export function checkLifetime(payload: JWTPayload, maxSeconds: number, nowSeconds: number): void {
  const exp = payload.exp!;
  const from = typeof payload.iat === 'number' ? payload.iat : nowSeconds;
  const lifetime = exp - from;
  if (lifetime > maxSeconds) {
    throw new InvalidTokenError(
      `token lifetime is ${span(lifetime)} (exp − ${typeof payload.iat === 'number' ? 'iat' : 'now'}); ` +
        `this API accepts at most ${span(maxSeconds)} (ACCORD_MAX_TOKEN_LIFETIME): ask for a shorter-lived token`,
    );
  }
}

const ROLE_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;

/** Checks the Accord claims (sub, name, party, org, roles) of a verified payload. */
export function principalFromClaims(payload: JWTPayload): Principal {
  const { sub, name, party, org, roles } = payload as Record<string, unknown>;
  const str = (v: unknown, max = 256) => typeof v === 'string' && v.length > 0 && v.length <= max;
  if (!str(sub)) throw new InvalidTokenError('token has no valid "sub" claim');
  if (!str(name)) throw new InvalidTokenError('token has no valid "name" claim');
  if (party !== 'JP' && party !== 'CA') throw new InvalidTokenError('token "party" claim must be JP or CA');
  if (!str(org)) throw new InvalidTokenError('token has no valid "org" claim');
  if (
    !Array.isArray(roles) ||
    roles.length > 100 ||
    !roles.every((r) => typeof r === 'string' && ROLE_PATTERN.test(r))
  ) {
    throw new InvalidTokenError('token "roles" claim must be a list of role ids');
  }
  return {
    sub: sub as string,
    name: name as string,
    party,
    org: org as string,
    roles: [...new Set(roles as string[])],
  };
}

export class TokenVerifier {
  private readonly key: Promise<CryptoKey> | JWTVerifyGetKey;
  private readonly algorithms: string[];
  /** Tokens verified lately (verified-tokens.ts): one sent again within a minute is not verified again. */
  private readonly verified = new VerifiedTokens();

  constructor(private readonly settings: VerifierSettings) {
    if (settings.kind === 'secret') {
      // Imported once: jose would import a raw secret into WebCrypto again on every verification.
      this.key = crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(settings.secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['verify'],
      );
      this.algorithms = ['HS256'];
    } else {
      this.key = createRemoteJWKSet(new URL(settings.jwksUrl));
      this.algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
    }
  }

  async verify(token: string): Promise<Principal> {
    const kept = this.verified.get(token);
    if (kept) return kept;
    const { principal, exp } = await this.verifyAnew(token);
    this.verified.keep(token, principal, exp);
    return principal;
  }

  private async verifyAnew(token: string): Promise<{ principal: Principal; exp: number }> {
    let payload: JWTPayload;
    try {
      const key = this.settings.kind === 'secret' ? await (this.key as Promise<CryptoKey>) : this.key;
      const result = await jwtVerify(token, key as CryptoKey, {
        algorithms: this.algorithms,
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['exp'],
      });
      payload = result.payload;
    } catch (err) {
      const code = (err as { code?: string }).code;
      const reason =
        code === 'ERR_JWT_EXPIRED'
          ? 'token expired'
          : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
            ? `token claim invalid: ${(err as Error).message}`
            : 'token signature or format invalid';
      throw new InvalidTokenError(reason);
    }
    if (this.settings.maxLifetimeSeconds !== undefined)
      checkLifetime(payload, this.settings.maxLifetimeSeconds, Math.floor(Date.now() / 1000));
    return { principal: principalFromClaims(payload), exp: payload.exp! };
  }
}
