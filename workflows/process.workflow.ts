// Placeholder replaced by the interpreter workflow (issue 4).
import type { ProcessInput } from '../libs/contracts/src/messages';
export async function processWorkflow(_input: ProcessInput): Promise<void> {}
