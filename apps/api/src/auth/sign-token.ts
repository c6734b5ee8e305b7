/**
 * HS256 token signing with node:crypto only (the token script and the tests use it; the API verifies with
 * jose). Kept dependency-free so it loads in any runtime, ESM or not.
 */
import { createHmac } from 'node:crypto';
import type { Principal } from '../../../../libs/contracts/src/principal';

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export interface SignOptions {
  /** Lifetime in seconds (default 12 h). Negative values produce an already expired token (tests). */
  expiresInSeconds?: number;
  issuer?: string;
  audience?: string;
  now?: number;
}

export function signToken(principal: Principal, secret: string, options: SignOptions = {}): string {
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const payload: Record<string, unknown> = {
    sub: principal.sub,
    name: principal.name,
    party: principal.party,
    org: principal.org,
    roles: principal.roles,
    iat,
    exp: iat + (options.expiresInSeconds ?? 12 * 3600),
  };
  if (options.issuer) payload.iss = options.issuer;
  if (options.audience) payload.aud = options.audience;
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(payload));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}
