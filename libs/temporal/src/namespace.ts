/**
 * A namespace ready for Accord on any server: registered if missing, and usable once a visibility query
 * naming every Accord search attribute is accepted (a new namespace reaches every service of a cluster
 * only after their namespace caches refresh).
 */
import type { Connection } from '@temporalio/client';
import { msToTs, type Duration } from '@temporalio/common/lib/time';
import { SEARCH_ATTRIBUTE_REGISTRATIONS } from '../../contracts/src/search-attributes';
import { registerSearchAttributes } from './search-attributes';

const ALREADY_EXISTS = 6;

async function retry<T>(what: string, fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${what}: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export async function ensureNamespace(
  connection: Pick<Connection, 'workflowService' | 'operatorService'>,
  namespace: string,
  options: { retention?: Duration; description?: string; timeoutMs?: number } = {},
): Promise<{ created: boolean; added: string[] }> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  let created = false;
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      description: options.description ?? 'Accord',
      workflowExecutionRetentionPeriod: msToTs(options.retention ?? '30 days'),
    });
    created = true;
  } catch (err) {
    if ((err as { code?: number }).code !== ALREADY_EXISTS) throw err;
  }
  await retry(
    `namespace ${namespace}`,
    () => connection.workflowService.describeNamespace({ namespace }),
    timeoutMs,
  );
  const { added } = await retry(
    `search attributes in ${namespace}`,
    () => registerSearchAttributes(connection, namespace),
    timeoutMs,
  );
  const query = Object.keys(SEARCH_ATTRIBUTE_REGISTRATIONS)
    .map((name) => `${name} IS NULL`)
    .join(' AND ');
  await retry(
    `search attributes usable in ${namespace}`,
    () => connection.workflowService.countWorkflowExecutions({ namespace, query }),
    timeoutMs,
  );
  return { created, added };
}
