/** State carried over continue-as-new: everything but the definition (pinned in ProcessInput). */
import type { ProcessDefinition } from '../../libs/contracts/src/definition';
import type { Engine, EngineState } from './types';

export function carry(e: Engine): EngineState {
  return JSON.parse(JSON.stringify(e.state)) as EngineState;
}

export function restore(def: ProcessDefinition, carried: unknown): Engine {
  const state = carried as EngineState;
  if (!state || state.v !== 1 || typeof state.steps !== 'object')
    throw new Error('carried state is not engine state v1');
  return { def, state };
}
