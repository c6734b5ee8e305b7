/**
 * Temporal's own Update id for an action sent with a requestId: the same caller, action, step and
 * requestId give the same id, so Temporal itself joins a retry to the first Update while it runs (and
 * answers it from the run's record after), and the workflow's request memory covers the rest. Someone
 * else's requestId gives another id: a new request, checked like any other. Without a requestId the SDK
 * picks a random id. Hashed, so an id stays short whatever the caller's subject holds.
 */
import { createHash } from 'node:crypto';

export function updateIdOf(
  caller: { sub: string },
  action: string,
  stepId: string | null,
  requestId: string | undefined,
): string | undefined {
  if (!requestId) return undefined;
  const digest = createHash('sha256')
    .update(JSON.stringify([caller.sub, action, stepId, requestId]))
    .digest('base64url');
  return `${action}-${digest}`;
}
