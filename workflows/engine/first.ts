/**
 * A new process's first settled state, computed before the workflow runs (the API, which holds the
 * definition and the calendars, at POST /processes): the engine created at the start instant, every due
 * time asked until no request is left, and what is due at that instant fired, exactly as the workflow's
 * loop settles. The answers travel in `ProcessInput.firstDues`; the workflow then settles to the same
 * state from them, without its due-time local activity, in its first workflow task.
 */
import type { FirstDues, ProcessLimits } from '../../libs/contracts/src/messages';
import { DUE_PROJECTED_SUFFIX } from '../../libs/contracts/src/due';
import type { ProcessDefinition } from '../../libs/contracts/src/definition';
import { indexOf } from './structure';
import { dueRequests, applyDues, tick } from './timing';
import { createEngine, type StartInput } from './transitions';
import { CURRENT_RULES, type DueRequest, type DueResults, type Engine, type EngineRules } from './types';

/** The rules of a process started under the current code (`legalDietWaits` as its patch decides). */
export function currentRules(limits: ProcessLimits | undefined, legalDietWaits = true): EngineRules {
  const maxRounds = limits?.maxRounds;
  return {
    ...CURRENT_RULES,
    legalDietWaits,
    ...(Number.isInteger(maxRounds) && maxRounds! > 0 ? { defaultMaxRounds: maxRounds! } : {}),
  };
}

/**
 * The answers to `requests` out of `given`, with their projected flags; null when one is missing (the
 * workflow then asks its activity, as without `firstDues`).
 */
export function givenDues(requests: DueRequest[], given: DueResults): DueResults | null {
  const out: DueResults = {};
  for (const r of requests) {
    const due = given[r.key];
    if (typeof due !== 'string') return null;
    out[r.key] = due;
    const projected = given[r.key + DUE_PROJECTED_SUFFIX];
    if (projected !== undefined) out[r.key + DUE_PROJECTED_SUFFIX] = projected;
  }
  return out;
}

/** Bounded, well-formed `firstDues` (instants that parse, string values), or null to ignore it. */
export function readFirstDues(value: unknown): FirstDues | null {
  const f = value as FirstDues | null | undefined;
  if (!f || typeof f !== 'object' || typeof f.at !== 'string' || !Number.isFinite(Date.parse(f.at)))
    return null;
  if (!f.dues || typeof f.dues !== 'object' || Array.isArray(f.dues)) return null;
  const entries = Object.entries(f.dues);
  if (entries.length > MAX_FIRST_DUES) return null;
  for (const [k, v] of entries) {
    if (typeof v !== 'string') return null;
    if (!k.endsWith(DUE_PROJECTED_SUFFIX) && !Number.isFinite(Date.parse(v))) return null;
  }
  return { at: f.at, dues: f.dues };
}

/** More first due times than any definition asks for is not an input the workflow takes. */
export const MAX_FIRST_DUES = 2000;

/**
 * Settles a new process as the workflow does (create at `at`; ask the due times; fire what is due at
 * `at`; again while a fired timer activated a step that needs its due time). `compute` is the same due
 * calculation the workflow's activity runs; it throwing is left to the caller (who then lets the workflow
 * compute). Returns the engine and every answer, for `firstDues`.
 */
export async function settleNew(
  def: ProcessDefinition,
  input: StartInput,
  at: string,
  rules: EngineRules,
  compute: (requests: DueRequest[]) => Promise<DueResults>,
): Promise<{ engine: Engine; dues: DueResults }> {
  const e = createEngine(def, input, at, rules);
  const dues: DueResults = {};
  // Each round past the first needs a timer that completed a step: at most one per step.
  for (let round = 0; round <= indexOf(def).order.length; round++) {
    const requests = dueRequests(e);
    if (requests.length > 0) {
      const answers = await compute(requests);
      Object.assign(dues, answers);
      applyDues(e, answers);
    }
    tick(e, at);
    if (e.state.status !== 'running' || dueRequests(e).length === 0) return { engine: e, dues };
  }
  throw new Error(`${def.id}: the first due times did not settle`);
}
