/**
 * Conditions evaluated with what is known so far, in three values: a condition on an output not yet
 * recorded is `unknown`, and the forecast assumes the guarded step is taken (the pessimistic choice).
 * The engine uses the same evaluator to mark steps `not-applicable` (decided false), so the view and the
 * forecast agree. Pure and free of Node APIs (it runs inside the workflow too).
 */
import type { Condition, ParamValue, ProcessDefinition } from '../../contracts/src/definition';
import type { StepView } from '../../contracts/src/process-view';

export type Tri = true | false | 'unknown';

/** What is known of a step: its status and recorded outputs (a StepView, or the engine's own state). */
export type KnownStep = Pick<StepView, 'status' | 'outputs'>;

export interface KnownValues<S extends KnownStep = KnownStep> {
  definition: Pick<ProcessDefinition, 'parameters'>;
  parameters: Record<string, ParamValue>;
  steps: Map<string, S>;
}

export function paramValue(known: KnownValues, name: string): ParamValue | undefined {
  if (Object.prototype.hasOwnProperty.call(known.parameters, name)) return known.parameters[name];
  return known.definition.parameters[name]?.default;
}

/** `stepId.name` → the recorded value; `undefined` while the step may still record it. */
export function outputValue(
  known: KnownValues,
  ref: string,
): { value: ParamValue | undefined; final: boolean } {
  const dot = ref.indexOf('.');
  const step = known.steps.get(dot < 0 ? ref : ref.slice(0, dot));
  const name = dot < 0 ? '' : ref.slice(dot + 1);
  if (!step) return { value: undefined, final: false };
  const has = Object.prototype.hasOwnProperty.call(step.outputs ?? {}, name);
  const final = step.status === 'completed' || step.status === 'skipped' || step.status === 'cancelled';
  return { value: has ? step.outputs[name] : undefined, final: final || has };
}

function compare(
  value: ParamValue | undefined,
  c: { equals?: ParamValue; in?: ParamValue[]; truthy?: boolean },
): boolean {
  if (c.equals !== undefined) return value === c.equals;
  if (c.in !== undefined) return c.in.includes(value ?? null);
  if (c.truthy !== undefined) return Boolean(value) === c.truthy;
  return Boolean(value);
}

export function evaluate(cond: Condition | undefined, known: KnownValues): Tri {
  if (!cond) return true;
  if ('all' in cond) {
    const r = cond.all.map((c) => evaluate(c, known));
    if (r.includes(false)) return false;
    return r.includes('unknown') ? 'unknown' : true;
  }
  if ('any' in cond) {
    const r = cond.any.map((c) => evaluate(c, known));
    if (r.includes(true)) return true;
    return r.includes('unknown') ? 'unknown' : false;
  }
  if ('not' in cond) {
    const r = evaluate(cond.not, known);
    return r === 'unknown' ? 'unknown' : !r;
  }
  if ('param' in cond) return compare(paramValue(known, cond.param), cond);
  const out = outputValue(known, cond.output);
  if (!out.final) return 'unknown';
  if (cond.exists !== undefined) return (out.value !== undefined && out.value !== null) === cond.exists;
  return compare(out.value, cond);
}
