import type { Client } from '@temporalio/client';
import { decodeOptionalSinglePayload } from '@temporalio/common/lib/internal-non-workflow';
import type { ProcessDefinition } from '../../contracts/src/definition';
import type { ProcessInput } from '../../contracts/src/messages';

/**
 * The definition a process is pinned to, read from the start event of its current run (the input carries
 * the whole definition, also across continue-as-new): for definitions outside the catalogue (inline ones,
 * retired versions). One event fetched, decoded through the client's payload codecs (encrypted payloads on
 * a cluster: the payload converter alone cannot read them).
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
  const input = await decodeOptionalSinglePayload<ProcessInput>(client.options.loadedDataConverter, payload);
  return input?.definition ?? undefined;
}

/** Processes whose pinned definition is kept (cleared when full). */
const MAX_PINNED = 5000;

/**
 * Catalogue first (no I/O), then the start event; cached per process, also when the start event names no
 * definition (a process's pinned definition never changes), so a process outside the catalogue costs one
 * history read per API process, not one per request. A read that fails is not cached (tried again next time).
 */
export class DefinitionResolver {
  private readonly pinned = new Map<string, ProcessDefinition | null>();

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
    if (cached !== undefined) return cached ?? cat;
    let def: ProcessDefinition | undefined;
    try {
      def = await readPinnedDefinition(this.client, view.id);
    } catch {
      return cat;
    }
    if (this.pinned.size >= MAX_PINNED) this.pinned.clear();
    this.pinned.set(view.id, def ?? null);
    return def ?? cat;
  }
}
