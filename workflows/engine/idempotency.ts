/** requestId → first result, bounded (oldest dropped), carried over continue-as-new with the state. */
import type { EngineState } from './types';

/** Retries come within minutes; results are views, so keep the carried state small. */
export const REQUEST_MEMORY = 100;

export function recall(
  state: EngineState,
  requestId: string | undefined,
): { hit: boolean; result?: unknown } {
  if (!requestId) return { hit: false };
  const found = state.requests.find(([id]) => id === requestId);
  return found ? { hit: true, result: found[1] } : { hit: false };
}

export function remember(state: EngineState, requestId: string | undefined, result: unknown): void {
  if (!requestId) return;
  state.requests.push([requestId, result]);
  if (state.requests.length > REQUEST_MEMORY)
    state.requests.splice(0, state.requests.length - REQUEST_MEMORY);
}
