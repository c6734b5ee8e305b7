import type { Client } from '@temporalio/client';
import type { ProcessDefinition } from '../../contracts/src/definition';
import type { ProcessInput } from '../../contracts/src/messages';

/**
 * The definition a process is pinned to, read from the start event of its current run (the input carries
 * the whole definition, also across continue-as-new): for definitions outside the catalogue (inline ones,
 * retired versions). One event fetched.
 */
export async function readPinnedDefinition(
  client: Client,
  workflowId: string,
): Promise<ProcessDefinition | undefined> {
  const res = await client.workflowService.getWorkflowExecutionHistory({
    namespace: client.options.namespace,
    execution: { workflowId },
    maximumPageSize: 1,
  });
  const payload = res.history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload) return undefined;
  const input = client.options.loadedDataConverter.payloadConverter.fromPayload<ProcessInput>(payload);
  return input?.definition ?? undefined;
}

/** Catalogue first (no I/O), then the start event; cached per process. */
export class DefinitionResolver {
  private readonly pinned = new Map<string, ProcessDefinition>();

  constructor(
    private readonly client: Client,
    private readonly getDefinition: (id: string, version?: number) => ProcessDefinition | undefined,
  ) {}

  async of(view: {
    id: string;
    definitionId: string;
    definitionVersion: number;
  }): Promise<ProcessDefinition | undefined> {
    const cat = this.getDefinition(view.definitionId, view.definitionVersion);
    if (cat && cat.version === view.definitionVersion) return cat;
    const cached = this.pinned.get(view.id);
    if (cached) return cached;
    const def = await readPinnedDefinition(this.client, view.id).catch(() => undefined);
    if (def) {
      if (this.pinned.size > 5000) this.pinned.clear();
      this.pinned.set(view.id, def);
    }
    return def ?? cat;
  }
}
