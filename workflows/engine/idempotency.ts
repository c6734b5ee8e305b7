/**
 * Request key → first result, bounded (oldest dropped), carried over continue-as-new with the state.
 *
 * Under the current rules the key is scoped to (caller, action, step, requestId), so someone else's id is
 * a new request checked like any other, and the memory keeps a compact reference (which view answers)
 * instead of the whole view: a retry answers with the view as it is now, and the carried state stays small
 * whatever the views hold. Processes started before keep their plain requestIds and whole results.
 */
import type { ProcessView, StepView } from '../../libs/contracts/src/process-view';
import type { Engine, EngineState } from './types';
import { processView, stepView } from './view';

/** Retries come within minutes. */
export const REQUEST_MEMORY = 100;

/** What an Update answers: the view of its step, or of the whole process. */
export type AnswerKind = 'step' | 'process';

interface CompactAnswer {
  answer: AnswerKind;
  stepId?: string;
}

export interface RequestRef {
  requestId?: string;
  action: string;
  caller: string;
  stepId?: string | null;
}

/** The memory key of a request, or undefined when it carries no requestId. */
export function requestKey(e: Engine, r: RequestRef): string | undefined {
  if (!r.requestId) return undefined;
  if (!e.rules.scopedRequests) return r.requestId;
  return JSON.stringify([r.caller, r.action, r.stepId ?? null, r.requestId]);
}

export function recall(state: EngineState, key: string | undefined): { hit: boolean; result?: unknown } {
  if (!key) return { hit: false };
  const found = state.requests.find(([id]) => id === key);
  return found ? { hit: true, result: found[1] } : { hit: false };
}

/** The answer to a repeated request: rebuilt from a compact reference, or the stored (legacy) result. */
export function answerOf(e: Engine, stored: unknown): unknown {
  const c = stored as CompactAnswer | null;
  if (c && typeof c === 'object' && (c.answer === 'step' || c.answer === 'process') && !('id' in c)) {
    return c.answer === 'step' && c.stepId ? stepView(e, c.stepId) : processView(e);
  }
  return stored;
}

export function remember(
  e: Engine,
  key: string | undefined,
  result: StepView | ProcessView,
  kind: AnswerKind,
): void {
  if (!key) return;
  const kept: unknown = e.rules.scopedRequests
    ? ({ answer: kind, ...(kind === 'step' ? { stepId: result.id } : {}) } satisfies CompactAnswer)
    : result;
  e.state.requests.push([key, kept]);
  if (e.state.requests.length > REQUEST_MEMORY)
    e.state.requests.splice(0, e.state.requests.length - REQUEST_MEMORY);
}
