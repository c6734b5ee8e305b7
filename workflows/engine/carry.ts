/**
 * State carried over continue-as-new: everything but the definition (pinned in ProcessInput) and, under the
 * bounded-state rules, the timeline: this run keeps its entries (the API reads them from it), the next run
 * only learns this run's id and how many entries it holds.
 */
import type { ProcessDefinition } from '../../libs/contracts/src/definition';
import { CURRENT_RULES, type Engine, type EngineRules, type EngineState } from './types';

export function carry(e: Engine, runId = ''): EngineState {
  const copy = JSON.parse(JSON.stringify(e.state)) as EngineState;
  if (!e.rules.boundedState) return copy;
  copy.earlierRuns = [...(copy.earlierRuns ?? []), { runId, entries: copy.timeline.length }];
  copy.timeline = [];
  return copy;
}

export function restore(
  def: ProcessDefinition,
  carried: unknown,
  rules: EngineRules = CURRENT_RULES,
): Engine {
  const state = carried as EngineState;
  if (!state || state.v !== 1 || typeof state.steps !== 'object')
    throw new Error('carried state is not engine state v1');
  return { def, state, rules };
}
