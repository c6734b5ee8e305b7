/** Shared helpers for the API e2e tests. */
import { randomUUID } from 'node:crypto';
import { api, type Json } from '../support/auth';
import { waitFor as pollUntil } from '../support/wait';

export async function startProcess(
  as: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; view: Json }> {
  const res = await api('POST', '/api/v1/processes', {
    as,
    body: { definitionId: 'trade-mission', title: `Test mission ${randomUUID().slice(0, 8)}`, ...body },
  });
  if (res.status !== 201) throw new Error(`start failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, view: res.body };
}

/** Polls the API until `probe` returns something (20 s, every 150 ms). */
export const waitFor = <T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> => pollUntil(what, probe, timeoutMs, 150);

export async function stepOf(id: string, stepId: string, as = 'jp-coordinator'): Promise<Json> {
  const res = await api('GET', `/api/v1/processes/${id}`, { as });
  return res.body.steps.find((s: { id: string }) => s.id === stepId);
}

export async function waitForStep(
  id: string,
  stepId: string,
  status: string,
  as = 'jp-coordinator',
): Promise<Json> {
  return waitFor(`${id} ${stepId} ${status}`, async () => {
    const s = await stepOf(id, stepId, as);
    return s?.status === status ? s : undefined;
  });
}

export const decide = (as: string | null, id: string, stepId: string, body: Record<string, unknown>) =>
  api('POST', `/api/v1/processes/${id}/steps/${stepId}/decisions`, { as, body });

export const complete = (as: string | null, id: string, stepId: string, body: Record<string, unknown>) =>
  api('POST', `/api/v1/processes/${id}/steps/${stepId}/completion`, { as, body });

export async function inboxOf(as: string, query = ''): Promise<Json[]> {
  const res = await api('GET', `/api/v1/inbox${query}`, { as });
  if (res.status !== 200) throw new Error(`inbox ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
