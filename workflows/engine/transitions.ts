/**
 * How a process moves: start, activation in sequence, parallel blocks and joins, skips, completion,
 * routing back, closing. Functions mutate the given state in place (deterministically) and bump `rev`.
 */
import type { ParamValue, Party, ProcessDefinition, StepSpec } from '../../libs/contracts/src/definition';
import type { ActingPrincipal, Principal } from '../../libs/contracts/src/principal';
import type {
  Actor,
  ProcessStatus,
  TimelineEntry,
  TimelineKind,
} from '../../libs/contracts/src/process-view';
import { evaluate, resolveDate } from './conditions';
import { blocksWithin, indexOf, leavesWithin } from './structure';
import { awaitedRolesOf, stepParties } from './approval';
import { awaitingRoleKey } from './keys';
import { CURRENT_RULES, type Engine, type EngineRules, type EngineState, type StepState } from './types';

export interface StartInput {
  processId: string;
  title: string;
  parameters: Record<string, ParamValue>;
  businessKey?: string | null;
  initiativeId?: string | null;
  initiator: Principal;
}

export function actorOf(p: ActingPrincipal | Principal): Actor {
  const a: Actor = { sub: p.sub, name: p.name };
  if ('onBehalfOf' in p && p.onBehalfOf) a.onBehalfOf = { sub: p.onBehalfOf.sub, name: p.onBehalfOf.name };
  return a;
}

export function note(
  state: EngineState,
  at: string,
  kind: TimelineKind,
  stepId: string | null,
  detail: string,
  extra: { actor?: Actor | null; comment?: string | null; data?: Record<string, ParamValue> } = {},
): void {
  const e: TimelineEntry = { at, kind, actor: extra.actor ?? null, stepId, detail };
  if (extra.comment !== undefined) e.comment = extra.comment;
  if (extra.data !== undefined) e.data = extra.data;
  state.timeline.push(e);
  state.rev++;
}

function freshStep(id: string): StepState {
  return {
    id,
    status: 'waiting',
    round: 1,
    activation: 0,
    startedAt: null,
    completedAt: null,
    dueAt: null,
    decisions: [],
    outputs: {},
    completedBy: null,
    completedParty: null,
    roleOverrides: {},
    deadline: null,
    waiver: null,
  };
}

/** Parameters with the definition's defaults filled in. */
export function withDefaults(
  def: ProcessDefinition,
  given: Record<string, ParamValue>,
): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(def.parameters ?? {})) {
    if (spec.default !== undefined) out[name] = spec.default;
  }
  for (const [name, v] of Object.entries(given ?? {})) if (v !== undefined) out[name] = v;
  return out;
}

export function createEngine(
  def: ProcessDefinition,
  input: StartInput,
  now: string,
  rules: EngineRules = CURRENT_RULES,
): Engine {
  const idx = indexOf(def);
  const state: EngineState = {
    v: 1,
    processId: input.processId,
    title: input.title,
    parameters: withDefaults(def, input.parameters),
    businessKey: input.businessKey ?? null,
    initiativeId: input.initiativeId ?? null,
    initiator: input.initiator,
    status: 'running',
    startedAt: now,
    closedAt: null,
    lastProgressAt: now,
    outcome: null,
    steps: Object.fromEntries(idx.order.map((id) => [id, freshStep(id)])),
    blocks: Object.fromEntries([...idx.blocks.keys()].map((id) => [id, 'waiting' as const])),
    skippedBranches: {},
    timeline: [],
    requests: [],
    outbox: [],
    rev: 0,
  };
  const engine = { def, state, rules };
  note(state, now, 'started', null, `Process "${input.title}" started (${def.id} v${def.version})`, {
    actor: actorOf(input.initiator),
  });
  advance(engine, now);
  return engine;
}

export function isFinished(state: EngineState, id: string): boolean {
  const s = state.steps[id]?.status;
  return s === 'completed' || s === 'skipped';
}

function skipLeaf(e: Engine, id: string, now: string, why: string): void {
  const st = e.state.steps[id]!;
  st.status = 'skipped';
  st.completedAt = now;
  note(e.state, now, 'step-skipped', id, why);
}

function activate(e: Engine, id: string, now: string): void {
  const st = e.state.steps[id]!;
  const spec = indexOf(e.def).leaves.get(id)!.spec;
  st.status = 'active';
  st.activation++;
  st.startedAt = now;
  st.completedAt = null;
  st.dueAt = null;
  delete st.dueProjected;
  delete st.dueByParty;
  st.dueError = null;
  st.waiver = null;
  st.deadline = null;
  st.withdrawnKeys = [];
  if (spec.type === 'timer' && !spec.wait) {
    // "Until a date": no activity needed; an unknown date waits for a coordinator (waiver).
    const at = spec.from ? resolveDate(e.state, spec.from) : Date.parse(now);
    st.dueAt = at === null ? null : new Date(at).toISOString();
    if (at === null) st.dueError = 'the date this timer waits for is not known';
  }
  note(e.state, now, 'step-activated', id, `Step "${spec.title}" is active`, { data: { round: st.round } });
}

/** Walks the definition and activates whatever is next; returns true when the whole process finished. */
export function advance(e: Engine, now: string): boolean {
  if (e.state.status !== 'running') return false;
  const done = advanceSeq(e, e.def.steps, now);
  if (done) close(e, 'completed', now, null);
  return done;
}

function advanceSeq(e: Engine, seq: StepSpec[], now: string): boolean {
  for (const step of seq) if (!advanceStep(e, step, now)) return false;
  return true;
}

function advanceStep(e: Engine, step: StepSpec, now: string): boolean {
  const s = e.state;
  if (step.type !== 'parallel') {
    const st = s.steps[step.id]!;
    if (st.status === 'completed' || st.status === 'skipped') return true;
    if (st.status !== 'waiting') return false;
    if (!evaluate(s, step.when)) {
      skipLeaf(e, step.id, now, `Step "${step.title}" skipped: its condition does not hold`);
      return true;
    }
    activate(e, step.id, now);
    return false;
  }
  const b = s.blocks[step.id];
  if (b === 'completed' || b === 'skipped') return true;
  if (b === 'waiting') {
    if (!evaluate(s, step.when)) {
      for (const id of leavesWithin(step))
        skipLeaf(e, id, now, `Step skipped: block "${step.title}" not taken`);
      for (const id of blocksWithin(step)) s.blocks[id] = 'skipped';
      return true;
    }
    s.blocks[step.id] = 'active';
    for (const br of step.branches) {
      if (evaluate(s, br.when)) continue;
      s.skippedBranches[`${step.id}/${br.id}`] = true;
      for (const inner of br.steps) {
        for (const id of leavesWithin(inner))
          skipLeaf(e, id, now, `Step skipped: branch "${br.title}" not taken`);
        for (const id of blocksWithin(inner)) s.blocks[id] = 'skipped';
      }
    }
  }
  let all = true;
  for (const br of step.branches) {
    if (s.skippedBranches[`${step.id}/${br.id}`]) continue;
    if (!advanceSeq(e, br.steps, now)) all = false;
  }
  if (all) s.blocks[step.id] = 'completed';
  return all;
}

export function completeStep(e: Engine, id: string, now: string, actor: Actor | null, detail: string): void {
  const st = e.state.steps[id]!;
  st.status = 'completed';
  st.completedAt = now;
  e.state.lastProgressAt = now;
  note(e.state, now, 'step-completed', id, detail, { actor });
  advance(e, now);
}

/**
 * Route back from step `fromId` to `targetId`: every step from the target to here (whole elements of the
 * innermost sequence holding both) goes back to waiting; steps that had run start a new round.
 */
export function routeBack(
  e: Engine,
  fromId: string,
  targetId: string,
  now: string,
  actor: Actor | null,
  why: string,
  comment: string | null = null,
  party: Party | null = null,
): void {
  const idx = indexOf(e.def);
  const from = idx.leaves.get(fromId)!;
  // A target may be a parallel block: going back to it runs all its branches again.
  const to = { path: idx.leaves.get(targetId)?.path ?? idx.blockPaths.get(targetId)! };
  // The innermost sequence holding both: descend while they sit in the same element and branch.
  let k = 0;
  while (
    k + 1 < from.path.length &&
    k + 1 < to.path.length &&
    from.path[k]!.at === to.path[k]!.at &&
    from.path[k + 1]!.seq === to.path[k + 1]!.seq
  )
    k++;
  const seq = from.path[k]!.seq;
  const lo = Math.min(from.path[k]!.at, to.path[k]!.at);
  const hi = Math.max(from.path[k]!.at, to.path[k]!.at);
  const s = e.state;
  const fromTitle = from.spec.title;
  for (const el of seq.slice(lo, hi + 1)) {
    for (const id of leavesWithin(el)) {
      const st = s.steps[id]!;
      // Whoever was still awaited here loses the item now: remember them (with who and why) to tell them.
      // On the step where the change was asked, everyone but the decider's own role (they know why).
      const spec = idx.leaves.get(id)!.spec;
      const decided = id === fromId ? st.decisions.at(-1) : undefined;
      const own = decided?.role && party ? awaitingRoleKey(party, decided.role) : null;
      st.withdrawnKeys = stepParties(spec)
        .flatMap((p) => awaitedRolesOf(spec, st, p).map((r) => awaitingRoleKey(p, r)))
        .filter((k) => k !== own);
      if (st.startedAt !== null) st.round++;
      if (actor) {
        st.lastChangeRequest = {
          at: now,
          by: actor,
          party,
          comment,
          fromStepId: fromId,
          fromStepTitle: fromTitle,
          round: st.round,
        };
      }
      st.status = 'waiting';
      st.dueAt = null;
      st.deadline = null;
    }
    for (const id of blocksWithin(el)) {
      s.blocks[id] = 'waiting';
      for (const key of Object.keys(s.skippedBranches))
        if (key.startsWith(`${id}/`)) delete s.skippedBranches[key];
    }
  }
  s.lastProgressAt = now;
  note(s, now, 'routed-back', fromId, why, { actor, comment, data: { to: targetId } });
  advance(e, now);
}

export function close(
  e: Engine,
  status: Exclude<ProcessStatus, 'running'>,
  now: string,
  outcome: EngineState['outcome'],
): void {
  const s = e.state;
  s.status = status;
  s.closedAt = now;
  s.lastProgressAt = now;
  s.outcome = outcome;
  for (const st of Object.values(s.steps)) {
    if (st.status === 'active') {
      st.status = 'cancelled';
      st.completedAt = now;
    }
  }
  const words = {
    completed: 'completed',
    rejected: 'rejected',
    cancelled: 'cancelled',
    failed: 'failed',
  } as const;
  const kind: TimelineKind = status === 'failed' ? 'rejected' : status;
  note(
    s,
    now,
    kind,
    outcome?.stepId ?? null,
    `Process ${words[status]}${outcome?.reason ? `: ${outcome.reason}` : ''}`,
    {
      actor: outcome?.by ?? null,
    },
  );
}
