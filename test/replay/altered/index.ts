/**
 * A deliberately non-deterministic variant of the process workflow (test only): it waits on a timer the
 * recorded histories never had. Replaying any history against it must fail with a DeterminismViolationError,
 * which proves the replay suite catches such a change.
 */
import { sleep } from '@temporalio/workflow';
import type { ProcessInput } from '../../../libs/contracts/src/messages';
import type { ProcessView } from '../../../libs/contracts/src/process-view';
import { processWorkflow as original } from '../../../workflows/process.workflow';

export async function processWorkflow(input: ProcessInput): Promise<ProcessView> {
  await sleep('1 second');
  return original(input);
}
