/**
 * Drives a roadmap process through the HTTP API the way ministries do: seeded users with their own tokens
 * start it, decide, record completions, waive timers and cancel. Thin, asserting wrappers over
 * test/api/helpers.ts and test/support/auth.ts (each call fails with the response body when the API says no).
 */
import { computeDue, DAY_MS, type DueSpan } from '../../libs/calendars/src';
import type { ProcessView, StepView, TimelineEntry } from '../../libs/contracts/src/process-view';
import { complete, decide, stepOf, waitFor, waitForStep } from '../api/helpers';
import { api, type ApiResponse, type Json } from '../support/auth';

/** The global worker runs with ACCORD_DAY_LENGTH=1s (test/setup/global-setup.ts). */
export const DAY_LENGTH_MS = 1000;

/** Who reads the views (a coordinator sees every process). */
const READER = 'jp-coordinator';

function ok<T>(what: string, res: ApiResponse<T>, status = 200): T {
  if (res.status !== status)
    throw new Error(`${what}: expected HTTP ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A definition id (latest version) or a pinned version. */
export type DefinitionRef = string | { id: string; version: number };

export async function start(
  as: string,
  definition: DefinitionRef,
  parameters: Record<string, unknown> = {},
  title?: string,
): Promise<ProcessView> {
  const definitionId = typeof definition === 'string' ? definition : definition.id;
  const version = typeof definition === 'string' ? {} : { definitionVersion: definition.version };
  const res = await api<ProcessView>('POST', '/api/v1/processes', {
    as,
    body: {
      definitionId,
      ...version,
      title: title ?? `${definitionId} e2e ${Math.random().toString(36).slice(2, 8)}`,
      parameters,
    },
  });
  return ok(`${as} starts ${definitionId}`, res, 201);
}

/**
 * A read, once more after a 503 as the API asks of its clients. Seen on the cluster: a Query that reaches the
 * worker just as it evicts a run that has closed is dropped by the SDK ("leftover buffered tasks when
 * evicting run") and times out; the next one replays the closed run and answers.
 */
async function read<T>(path: string): Promise<ApiResponse<T>> {
  const first = await api<T>('GET', path, { as: READER });
  return first.status === 503 ? api<T>('GET', path, { as: READER }) : first;
}

export const view = async (id: string): Promise<ProcessView> =>
  ok(`view ${id}`, await read<ProcessView>(`/api/v1/processes/${id}`));

export const timeline = async (id: string): Promise<TimelineEntry[]> =>
  ok(`timeline ${id}`, await read<TimelineEntry[]>(`/api/v1/processes/${id}/timeline`));

export function stepIn(v: ProcessView, stepId: string): StepView {
  const s = v.steps.find((x) => x.id === stepId);
  if (!s) throw new Error(`no step ${stepId} in ${v.definitionId}`);
  return s;
}

/** The step as GET /processes/{id} shows it (shared with the API tests). */
export { stepOf };

/** Step id → status, for one-line assertions over a whole process. */
export function statuses(v: ProcessView): Record<string, string> {
  return Object.fromEntries(v.steps.map((s) => [s.id, s.status]));
}

export async function approve(as: string, id: string, stepId: string, comment?: string): Promise<StepView> {
  const body = comment === undefined ? { decision: 'approve' } : { decision: 'approve', comment };
  return ok(`${as} approves ${stepId}`, await decide(as, id, stepId, body));
}

export async function requestChanges(
  as: string,
  id: string,
  stepId: string,
  comment: string,
): Promise<StepView> {
  return ok(
    `${as} requests changes on ${stepId}`,
    await decide(as, id, stepId, { decision: 'request-changes', comment }),
  );
}

export async function reject(as: string, id: string, stepId: string, comment: string): Promise<StepView> {
  return ok(`${as} rejects ${stepId}`, await decide(as, id, stepId, { decision: 'reject', comment }));
}

/** Records a task's outputs; the step must be active (after a timer, waits until it is). */
export async function record(
  as: string,
  id: string,
  stepId: string,
  outputs: Record<string, unknown>,
): Promise<StepView> {
  await waitForStep(id, stepId, 'active');
  const done = ok(`${as} records ${stepId}`, await complete(as, id, stepId, { outputs }));
  expect(done).toMatchObject({ id: stepId, status: 'completed', outputs });
  return done;
}

/** Ends a timer early; a legal wait (sitting days) also names the authority that granted the exception. */
export async function waive(
  as: string,
  id: string,
  stepId: string,
  reason: string,
  authority?: string,
): Promise<StepView> {
  await waitForStep(id, stepId, 'active');
  const body = authority === undefined ? { reason } : { reason, authority };
  return ok(
    `${as} waives ${stepId}`,
    await api<StepView>('POST', `/api/v1/processes/${id}/steps/${stepId}/waiver`, { as, body }),
  );
}

/** The raw response: the view on success, the error body ({ code, message }) otherwise. */
export const cancel = (as: string, id: string, reason: string): Promise<ApiResponse<Json>> =>
  api('POST', `/api/v1/processes/${id}/cancel`, { as, body: { reason } });

export async function waitStatus(id: string, status: ProcessView['status']): Promise<ProcessView> {
  return waitFor(`${id} ${status}`, async () => {
    const v = await view(id);
    return v.status === status ? v : undefined;
  });
}

export { waitForStep };

/** The process ended rejected at `stepId` by `by` (for `reason`, when given); returns the view. */
export async function expectRejected(
  id: string,
  outcome: { by: string; stepId: string; reason?: string },
): Promise<ProcessView> {
  const v = await view(id);
  expect(v).toMatchObject({
    status: 'rejected',
    closedAt: expect.any(String),
    outcome: {
      by: { sub: outcome.by },
      stepId: outcome.stepId,
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
    },
  });
  return v;
}

/** A decision as the process view shows it (party view), made by `by` in person. */
export function decisionBy(by: string, decision: string, comment: string | null = null, round = 1) {
  return {
    by,
    byName: expect.any(String),
    onBehalfOf: null,
    decision,
    comment,
    at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    role: expect.any(String),
    round,
  };
}

/** What the worker computes for a timer that waits `span` from a date-only value, on the 1 s test day. */
export function expectedDue(fromDate: string, span: DueSpan): string {
  return computeDue(new Date(`${fromDate}T00:00:00.000Z`), span, {
    dayLengthMs: DAY_LENGTH_MS,
  }).toISOString();
}

/** Inverse of the compression: the real calendar instant a compressed due time stands for. */
export function realCalendarInstant(fromDate: string, dueAt: string): string {
  const from = Date.parse(`${fromDate}T00:00:00.000Z`);
  return new Date(from + ((Date.parse(dueAt) - from) * DAY_MS) / DAY_LENGTH_MS).toISOString();
}

/** Timeline sanity every process shares: starts with `started`, time-ordered, ends with the closing kind. */
export function expectWellFormedTimeline(
  t: TimelineEntry[],
  closing: 'completed' | 'rejected' | 'cancelled',
) {
  expect(t[0]).toMatchObject({
    kind: 'started',
    actor: expect.objectContaining({ sub: expect.any(String) }),
  });
  const times = t.map((e) => Date.parse(e.at));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  expect(t[t.length - 1]!.kind).toBe(closing);
  expect(t.filter((e) => e.kind === closing)).toHaveLength(1);
}
