/**
 * The one way the console talks to the API (/api/v1 on the same origin): the bearer token of the session,
 * JSON in and out, errors as ApiError carrying the API's error body. A 401 ends the session (see
 * auth/session.tsx), so an expired or revoked token leads back to the sign-in page with a message.
 */
import type { ErrorBody, FieldProblem } from '../../../../libs/contracts/src/http';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }

  /** Field problems by field path (`outputs.signedOn`, `comment`, …). */
  get fieldProblems(): FieldProblem[] {
    return this.body?.details?.filter((d) => d.field) ?? [];
  }
}

type TokenSource = () => string | null;
let language = 'en';

/** The console's language, sent as Accept-Language: the API answers names (definitions, steps) in it. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

let tokenSource: TokenSource = () => null;
let onUnauthorised: () => void = () => undefined;

/** Wired once by the session provider. */
export function configureApi(source: TokenSource, unauthorised: () => void): void {
  tokenSource = source;
  onUnauthorised = unauthorised;
}

export interface ApiAnswer<T> {
  data: T;
  headers: Headers;
}

export async function apiRequest<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal; anonymous?: boolean } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  const token = init.anonymous ? null : tokenSource();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${API_BASE}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  const text = await res.text();
  const json = text ? safeJson(text) : null;
  if (!res.ok) {
    if (res.status === 401 && !init.anonymous) onUnauthorised();
    throw new ApiError(res.status, (json as ErrorBody | null) ?? null);
  }
  return { data: json as T, headers: res.headers };
}

export async function api<T>(path: string, init?: Parameters<typeof apiRequest>[1]): Promise<T> {
  return (await apiRequest<T>(path, init)).data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
