/**
 * Tokens for the seeded users, signed with the harness's secret (test/.tmp/e2e-env.json), and small HTTP
 * helpers for the e2e tests.
 */
import { signToken, type SignOptions } from '../../apps/api/src/auth/sign-token';
import { getUser, principalOf } from '../../libs/directory/src/directory';
import type { Principal } from '../../libs/contracts/src/principal';
import { e2eEnv } from './e2e-env';

export function tokenFor(userId: string, options: SignOptions = {}): string {
  const user = getUser(userId);
  if (!user) throw new Error(`no seeded user "${userId}" (libs/directory/src/users.json)`);
  return signToken(principalOf(user), e2eEnv().jwtSecret, options);
}

/** A token for an arbitrary principal (e.g. claims no seeded user has). */
export function tokenForPrincipal(principal: Principal, options: SignOptions = {}): string {
  return signToken(principal, e2eEnv().jwtSecret, options);
}

/** Response bodies are checked by the assertions themselves. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

/** fetch against the harness API; `as` is a seeded user id (or null for no token). */
export async function api<T = Json>(
  method: string,
  path: string,
  options: {
    as?: string | null;
    token?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const token = options.token ?? (options.as ? tokenFor(options.as) : undefined);
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
    headers['content-type'] ??= 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${e2eEnv().apiUrl}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}
