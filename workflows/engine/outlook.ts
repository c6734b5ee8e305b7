/**
 * What lies ahead of a process, read from its state without changing it: which waiting steps can never run
 * under the current parameters and outputs (`not-applicable`), what a waiting step waits for, and which
 * steps become active when the current ones finish. Pure; used by the view only (no commands change).
 */
import type { Condition, ParamValue, StepSpec } from '../../libs/contracts/src/definition';
import { evaluate, type KnownStep, type KnownValues } from '../../libs/forecast/src/conditions';
import { indexOf, leavesWithin } from './structure';
import { advance } from './transitions';
import type { Engine, EngineState } from './types';

/** Outputs count as known only once their step has completed (a reopened step may record others). */
function knownValues(e: Engine): KnownValues {
  const steps = new Map<string, KnownStep>();
  for (const [id, st] of Object.entries(e.state.steps)) {
    steps.set(id, { status: st.status, outputs: st.status === 'completed' ? st.outputs : {} });
  }
  return { definition: e.def, parameters: e.state.parameters, steps };
}

/** The parameters and outputs a condition reads, for saying why a step is not applicable. */
function inputsOf(c: Condition | undefined, out: string[] = []): string[] {
  if (!c) return out;
  if ('all' in c) c.all.forEach((x) => inputsOf(x, out));
  else if ('any' in c) c.any.forEach((x) => inputsOf(x, out));
  else if ('not' in c) inputsOf(c.not, out);
  else out.push('param' in c ? c.param : c.output);
  return out;
}

function describe(c: Condition, params: Record<string, ParamValue>): string {
  const inputs = [...new Set(inputsOf(c))];
  const shown = inputs.map((n) => (n in params ? `${n} = ${JSON.stringify(params[n])}` : n));
  return `its condition on ${shown.join(', ')} does not hold`;
}

/**
 * For a waiting step: why it cannot run (its own condition, or its block's or branch's, decided false), or
 * null when it may still run. Blocks already active have taken their branch decision: only waiting ones count.
 */
export function notApplicableBecause(e: Engine, id: string): string | null {
  const s = e.state;
  if (s.steps[id]?.status !== 'waiting') return null;
  const info = indexOf(e.def).leaves.get(id)!;
  const known = knownValues(e);
  const checks: Array<{ when: Condition | undefined; what: string }> = [];
  for (let k = 0; k + 1 < info.path.length; k++) {
    const block = info.path[k]!.seq[info.path[k]!.at]!;
    if (block.type !== 'parallel' || s.blocks[block.id] !== 'waiting') continue;
    const inner = info.path[k + 1]!.seq;
    const branch = block.branches.find((b) => b.steps === inner);
    checks.push({ when: block.when, what: `block "${block.title}"` });
    if (branch) checks.push({ when: branch.when, what: `branch "${branch.title}"` });
  }
  checks.push({ when: info.spec.when, what: 'step' });
  for (const c of checks) {
    if (c.when && evaluate(c.when, known) === false) {
      const why = describe(c.when, s.parameters);
      return c.what === 'step' ? why.replace(/^its/, 'Its') : `The ${c.what} is not taken: ${why}`;
    }
  }
  return null;
}

const unfinished = (s: EngineState, id: string) => ['waiting', 'active'].includes(s.steps[id]!.status);

/**
 * For a waiting step: the unfinished steps before it in its sequence (the nearest element that still has
 * some), going out through enclosing blocks. Empty when nothing before it is unfinished.
 */
export function waitsFor(e: Engine, id: string): string[] {
  const info = indexOf(e.def).leaves.get(id)!;
  for (let k = info.path.length - 1; k >= 0; k--) {
    const { seq, at } = info.path[k]!;
    for (let i = at - 1; i >= 0; i--) {
      const ids = leavesWithin(seq[i] as StepSpec).filter(
        (x) => unfinished(e.state, x) && notApplicableBecause(e, x) === null,
      );
      if (ids.length) return ids;
    }
  }
  return [];
}

/**
 * The steps that become active when every active step finishes: a dry run of the engine's own `advance`
 * on a copy of the state (timeline, outbox and requests left out of the copy).
 */
export function nextStepIds(e: Engine): string[] {
  const s = e.state;
  if (s.status !== 'running') return [];
  const copy: EngineState = {
    ...s,
    steps: JSON.parse(JSON.stringify(s.steps)),
    blocks: { ...s.blocks },
    skippedBranches: { ...s.skippedBranches },
    timeline: [],
    requests: [],
    outbox: [],
  };
  const active = Object.values(copy.steps).filter((st) => st.status === 'active');
  if (!active.length) return [];
  for (const st of active) st.status = 'completed';
  advance({ def: e.def, state: copy, rules: e.rules }, s.lastProgressAt);
  return indexOf(e.def).order.filter(
    (id) => copy.steps[id]!.status === 'active' && s.steps[id]!.status !== 'active',
  );
}
