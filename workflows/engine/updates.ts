/**
 * Every Update: a validator returning a typed error (or null), and an apply function that mutates the
 * state and returns the Update's answer. The workflow runs the validator synchronously before accepting
 * an Update and runs it again in the handler (state may have moved between the two).
 */
import type { OutputSpec, ParamValue } from '../../libs/contracts/src/definition';
import type {
  CancelInput,
  CompleteInput,
  DecideInput,
  MoveDeadlineInput,
  NudgeInput,
  ReassignInput,
  WaiveTimerInput,
} from '../../libs/contracts/src/messages';
import { COORDINATOR_ROLE, type ActingPrincipal } from '../../libs/contracts/src/principal';
import type { ProcessView, StepView } from '../../libs/contracts/src/process-view';
import {
  approvalsThisRound,
  countingRole,
  identityOf,
  isLegalTimer,
  partySatisfied,
  partyVocabulary,
  rolesOf,
  rolesStillNeeded,
  ruleOf,
  sideOf,
  stepParties,
} from './approval';
import { notApplicableBecause, waitsFor } from './outlook';
import { indexOf, type LeafInfo } from './structure';
import { remind, setDue } from './timing';
import { actorOf, close, completeStep, note, routeBack } from './transitions';
import type { Engine, EngineError, StepState } from './types';
import { processView, stepView } from './view';

const err = (code: EngineError['code'], message: string): EngineError => ({ code, message });

function isCoordinator(p: ActingPrincipal): boolean {
  return Array.isArray(p?.roles) && p.roles.includes(COORDINATOR_ROLE);
}

function blank(s: string | null | undefined): boolean {
  return typeof s !== 'string' || s.trim() === '';
}

function open(e: Engine): EngineError | null {
  return e.state.status === 'running' ? null : err('PROCESS_CLOSED', `The process is ${e.state.status}`);
}

function leaf(e: Engine, stepId: string): LeafInfo | EngineError {
  const idx = indexOf(e.def);
  const info = idx.leaves.get(stepId);
  return (
    info ??
    err(
      'STEP_NOT_FOUND',
      `No step "${stepId}" in ${e.def.id} v${e.def.version}; its steps are: ${idx.order.join(', ')}`,
    )
  );
}

const titled = (e: Engine, id: string) => `"${indexOf(e.def).leaves.get(id)!.spec.title}" (${id})`;

/** Not active: say what it waits for, why it will not run, or when it ended. */
function activeStep(e: Engine, info: LeafInfo): EngineError | null {
  const id = info.spec.id;
  const st = e.state.steps[id]!;
  if (st.status === 'active') return null;
  let why = `Step "${id}" is ${st.status}, not active`;
  if (st.status === 'waiting') {
    const na = notApplicableBecause(e, id);
    const before = waitsFor(e, id);
    if (na) why = `Step "${id}" will not run: ${na.charAt(0).toLowerCase()}${na.slice(1)}`;
    else if (before.length) {
      why += `: it waits for ${before.map((x) => `${titled(e, x)}, ${e.state.steps[x]!.status}`).join('; ')}`;
    }
  } else if (st.completedAt) why += ` (since ${st.completedAt})`;
  return err('STEP_NOT_ACTIVE', why);
}

/** What to do instead when a step is of another type than the action needs. */
function otherRoute(type: string, stepId: string): string {
  if (type === 'task') return `record its outputs with POST …/steps/${stepId}/completion`;
  if (type === 'approval') return `decide it with POST …/steps/${stepId}/decisions`;
  return `it ends by itself (a coordinator may waive it: POST …/steps/${stepId}/waiver)`;
}

function coordinator(p: ActingPrincipal): EngineError | null {
  return isCoordinator(p) ? null : err('NOT_COORDINATOR', `Only a coordinator may do this`);
}

/**
 * A coordinator acting on a step: under the current rules, a step (or timer) that is one party's side is
 * acted on by that party's coordinator only; a joint step by either.
 */
function coordinatorOfSide(e: Engine, p: ActingPrincipal, info: LeafInfo, what: string): EngineError | null {
  const notCoordinator = coordinator(p);
  if (notCoordinator || !e.rules.partySides) return notCoordinator;
  const side = sideOf(info.spec, e.rules.legalDietWaits);
  if (side.length === 1 && side[0] !== p.party) {
    return err(
      'WRONG_PARTY',
      `"${info.spec.id}" is ${side[0]}'s side: only a ${side[0]} coordinator may ${what}, not ${p.party}'s`,
    );
  }
  return null;
}

/** Decisions of rounds older than this many leave the state under the bounded rules (the timeline keeps them). */
export const DECISION_ROUNDS_KEPT = 5;

function dropOldRounds(e: Engine, st: StepState): void {
  if (!e.rules.boundedState) return;
  const oldest = st.round - DECISION_ROUNDS_KEPT + 1;
  if (st.decisions.some((d) => d.round < oldest))
    st.decisions = st.decisions.filter((d) => d.round >= oldest);
}

/** Checks a step reference for a type and activity, in the order the errors are most useful. */
function stepFor(e: Engine, stepId: string, types: string[]): LeafInfo | EngineError {
  const info = leaf(e, stepId);
  if ('code' in info) return info;
  if (!types.includes(info.spec.type)) {
    return err(
      'WRONG_STEP_TYPE',
      `Step "${stepId}" is a ${info.spec.type} step, not ${types.join(' or ')}: ${otherRoute(info.spec.type, stepId)}`,
    );
  }
  return activeStep(e, info) ?? info;
}

export function validateDecide(e: Engine, inp: DecideInput): EngineError | null {
  const closed = open(e);
  if (closed) return closed;
  const info = stepFor(e, inp.stepId, ['approval']);
  if ('code' in info) return info;
  if (!['approve', 'reject', 'request-changes'].includes(inp.decision)) {
    return err('INVALID_INPUT', `Unknown decision "${inp.decision}"`);
  }
  const p = inp.principal;
  const spec = info.spec;
  const st = e.state.steps[spec.id]!;
  if (!stepParties(spec).includes(p.party)) {
    return err('WRONG_PARTY', `Step "${spec.id}" needs no decision from ${p.party}`);
  }
  const role = countingRole(spec, st, p);
  if (role === null) {
    return err(
      'NOT_ELIGIBLE',
      `${p.party} decides "${spec.id}" with one of ${rolesOf(spec, st, p.party).join(', ')}; ${p.sub} holds none`,
    );
  }
  const me = identityOf(p);
  const mine = st.decisions.find((d) => d.round === st.round && d.identity === me);
  if (mine) return err('ALREADY_DECIDED', `${me} already decided (${mine.decision}) in round ${st.round}`);
  if (partySatisfied(spec, st, p.party)) {
    return err('PARTY_NOT_AWAITED', `${p.party} has already approved step "${spec.id}" in round ${st.round}`);
  }
  if (inp.decision === 'approve' && ruleOf(spec, p.party) === 'all') {
    const needed = rolesStillNeeded(spec, st, p.party);
    if (!p.roles.some((r) => needed.includes(r))) {
      const by = approvalsThisRound(st, p.party).find((d) => d.role === role);
      return err(
        'ALREADY_DECIDED',
        `Role ${role} already approved in round ${st.round}${by ? ` by ${by.byName}` : ''}`,
      );
    }
  }
  if (inp.decision !== 'approve' && blank(inp.comment)) {
    return err('COMMENT_REQUIRED', `A comment is required to ${inp.decision}`);
  }
  const cap = e.rules.defaultMaxRounds;
  const uncapped = spec.type === 'approval' && spec.maxRounds === undefined;
  if (inp.decision === 'request-changes' && uncapped && cap !== null && st.round >= cap) {
    return err(
      'ROUND_LIMIT',
      `"${spec.id}" has had ${st.round} rounds, the most allowed without a maxRounds in the definition: ` +
        `approve or reject it`,
    );
  }
  return null;
}

export function applyDecide(e: Engine, inp: DecideInput, now: string): StepView {
  const spec = indexOf(e.def).leaves.get(inp.stepId)!.spec;
  if (spec.type !== 'approval') throw new Error('not an approval step');
  const st = e.state.steps[spec.id]!;
  const p = inp.principal;
  const actor = actorOf(p);
  const comment = blank(inp.comment) ? null : inp.comment!;
  st.decisions.push({
    party: p.party,
    identity: identityOf(p),
    by: p.sub,
    byName: p.name,
    onBehalfOf: p.onBehalfOf?.sub ?? null,
    decision: inp.decision,
    comment,
    role: countingRole(spec, st, p),
    round: st.round,
    at: now,
  });
  dropOldRounds(e, st);
  e.state.lastProgressAt = now;
  note(
    e.state,
    now,
    'decision',
    spec.id,
    `${p.name} (${p.party}) decided ${inp.decision} on "${spec.title}"`,
    {
      actor,
      comment,
      data: { decision: inp.decision, round: st.round, party: p.party },
    },
  );
  /** The step is rejected and, with it, the process (the timeline keeps the decision's comment). */
  const rejectProcessAt = (detail: string, reason: string | null) => {
    st.status = 'rejected';
    st.completedAt = now;
    note(e.state, now, 'step-rejected', spec.id, detail, { actor, comment });
    close(e, 'rejected', now, { reason, by: actor, stepId: spec.id });
  };
  if (inp.decision === 'approve') {
    if (stepParties(spec).every((party) => partySatisfied(spec, st, party))) {
      completeStep(e, spec.id, now, actor, `Step "${spec.title}" approved by every party`);
    }
  } else if (inp.decision === 'reject') {
    const route = spec.onReject ?? 'end';
    if (route === 'end') {
      rejectProcessAt(`Step "${spec.title}" rejected by ${p.name}`, comment);
    } else {
      routeBack(
        e,
        spec.id,
        route.goto,
        now,
        actor,
        `Rejected by ${p.name}: back to "${route.goto}"`,
        comment,
        p.party,
      );
    }
  } else if (spec.maxRounds !== undefined && st.round >= spec.maxRounds) {
    rejectProcessAt(
      `Step "${spec.title}": changes requested after the last allowed round (${spec.maxRounds})`,
      `Round limit (${spec.maxRounds}) reached: ${comment}`,
    );
  } else {
    const route = spec.onRequestChanges ?? { goto: spec.id };
    if (route === 'end') {
      rejectProcessAt(`Step "${spec.title}": changes requested by ${p.name} end the process`, comment);
    } else if (route.goto === spec.id) {
      st.round++;
      st.lastChangeRequest = {
        at: now,
        by: actor,
        party: p.party,
        comment,
        fromStepId: spec.id,
        fromStepTitle: spec.title,
        round: st.round,
      };
      note(
        e.state,
        now,
        'routed-back',
        spec.id,
        `Changes requested by ${p.name}: round ${st.round} of "${spec.title}"`,
        {
          actor,
          comment,
          data: { to: spec.id, round: st.round },
        },
      );
    } else {
      routeBack(
        e,
        spec.id,
        route.goto,
        now,
        actor,
        `Changes requested by ${p.name}: back to "${route.goto}"`,
        comment,
        p.party,
      );
    }
  }
  return stepView(e, spec.id);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function validDate(v: string): boolean {
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(`${v}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function outputErrors(
  specs: Record<string, OutputSpec>,
  outputs: Record<string, ParamValue>,
): string[] {
  const problems: string[] = [];
  const given = outputs ?? {};
  for (const name of Object.keys(given))
    if (!specs[name])
      problems.push(
        `${name}: not an output of this step (its outputs: ${Object.keys(specs).join(', ') || 'none'})`,
      );
  for (const [name, o] of Object.entries(specs)) {
    const v = given[name];
    if (v === undefined || v === null || v === '') {
      if (o.required !== false) problems.push(`${name}: required (${o.type})`);
      continue;
    }
    const got = `got ${typeof v === 'string' ? 'the text' : `the ${typeof v}`} ${JSON.stringify(v)}`;
    if (o.type === 'date' && !(typeof v === 'string' && validDate(v)))
      problems.push(`${name}: expected a date yyyy-mm-dd, ${got}`);
    if (o.type === 'number' && !(typeof v === 'number' && Number.isFinite(v)))
      problems.push(`${name}: expected a number, ${got}`);
    if (o.type === 'text' && typeof v !== 'string') problems.push(`${name}: expected text, ${got}`);
    if (o.type === 'reference' && !(typeof v === 'string' && v.trim() !== ''))
      problems.push(`${name}: expected a reference (non-empty text, e.g. a document number), ${got}`);
  }
  return problems;
}

export function validateComplete(e: Engine, inp: CompleteInput): EngineError | null {
  const closed = open(e);
  if (closed) return closed;
  const info = stepFor(e, inp.stepId, ['task']);
  if ('code' in info) return info;
  const spec = info.spec;
  if (spec.type !== 'task') return null;
  const st = e.state.steps[spec.id]!;
  const p = inp.principal;
  if (!stepParties(spec).includes(p.party))
    return err('WRONG_PARTY', `Step "${spec.id}" is not recorded by ${p.party}`);
  if (countingRole(spec, st, p) === null) {
    return err(
      'NOT_ELIGIBLE',
      `"${spec.id}" is recorded by one of ${rolesOf(spec, st, p.party).join(', ')}; ${p.sub} holds none`,
    );
  }
  const problems = outputErrors(spec.outputs ?? {}, inp.outputs);
  if (!problems.length) return null;
  // Each problem reads "name: what is wrong"; the details carry it per field for forms.
  const details = problems.map((p) => {
    const at = p.indexOf(': ');
    return { field: `outputs.${p.slice(0, at)}`, message: p.slice(at + 2) };
  });
  return { ...err('INVALID_OUTPUTS', `Invalid outputs for "${spec.id}": ${problems.join('; ')}`), details };
}

export function applyComplete(e: Engine, inp: CompleteInput, now: string): StepView {
  const spec = indexOf(e.def).leaves.get(inp.stepId)!.spec;
  const st = e.state.steps[spec.id]!;
  const actor = actorOf(inp.principal);
  const outputs: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(inp.outputs ?? {})) if (v !== undefined && v !== '') outputs[k] = v;
  st.outputs = outputs;
  st.completedBy = actor;
  st.completedParty = inp.principal.party;
  const comment = blank(inp.comment) ? null : inp.comment!;
  note(
    e.state,
    now,
    'completion',
    spec.id,
    `${inp.principal.name} (${inp.principal.party}) recorded "${spec.title}"`,
    {
      actor,
      comment,
      data: outputs,
    },
  );
  completeStep(e, spec.id, now, actor, `Step "${spec.title}" completed`);
  return stepView(e, spec.id);
}

export function validateCancel(e: Engine, inp: CancelInput): EngineError | null {
  const closed = open(e);
  if (closed) return closed;
  if (inp.principal?.sub !== e.state.initiator.sub && !isCoordinator(inp.principal)) {
    return err('NOT_COORDINATOR', 'Only the initiator or a coordinator may cancel a process');
  }
  return blank(inp.reason) ? err('COMMENT_REQUIRED', 'A reason is required to cancel') : null;
}

export function applyCancel(e: Engine, inp: CancelInput, now: string): ProcessView {
  close(e, 'cancelled', now, { reason: inp.reason, by: actorOf(inp.principal), stepId: null });
  return processView(e);
}

export function validateMoveDeadline(e: Engine, inp: MoveDeadlineInput): EngineError | null {
  const closed = open(e) ?? coordinator(inp.principal);
  if (closed) return closed;
  const info = stepFor(e, inp.stepId, ['approval', 'task', 'timer']);
  if ('code' in info) return info;
  const side = coordinatorOfSide(e, inp.principal, info, 'move its deadline');
  if (side) return side;
  if (typeof inp.dueAt !== 'string' || Number.isNaN(Date.parse(inp.dueAt))) {
    return err('INVALID_INPUT', `dueAt must be an ISO date-time, got "${inp.dueAt}"`);
  }
  return blank(inp.reason) ? err('COMMENT_REQUIRED', 'A reason is required to move a deadline') : null;
}

export function applyMoveDeadline(e: Engine, inp: MoveDeadlineInput, now: string): StepView {
  const st = e.state.steps[inp.stepId]!;
  const before = st.dueAt;
  const spec = indexOf(e.def).leaves.get(inp.stepId)!.spec;
  if (spec.type !== 'timer' && !st.deadline) {
    st.deadline = {
      remindOffsetsMs: [],
      escalateOffsetsMs: [0],
      remindersSent: [],
      escalationsSent: [false],
    };
  }
  const dueAt = new Date(Date.parse(inp.dueAt)).toISOString();
  setDue(e, inp.stepId, dueAt, now);
  note(
    e.state,
    now,
    'deadline-moved',
    inp.stepId,
    `Due time of "${spec.title}" moved from ${before ?? 'none'} to ${dueAt}`,
    {
      actor: actorOf(inp.principal),
      comment: inp.reason,
      data: { from: before, to: dueAt },
    },
  );
  return stepView(e, inp.stepId);
}

export function validateWaiveTimer(e: Engine, inp: WaiveTimerInput): EngineError | null {
  const closed = open(e) ?? coordinator(inp.principal);
  if (closed) return closed;
  const info = stepFor(e, inp.stepId, ['timer']);
  if ('code' in info) return info;
  if (info.spec.type === 'timer' && info.spec.waivable === false) {
    return err('NOT_WAIVABLE', `Timer "${inp.stepId}" may not be waived`);
  }
  const side = coordinatorOfSide(e, inp.principal, info, 'waive it');
  if (side) return side;
  if (blank(inp.reason)) return err('COMMENT_REQUIRED', 'A reason is required to waive a timer');
  if (e.rules.partySides && isLegalTimer(info.spec, e.rules.legalDietWaits) && blank(inp.authority)) {
    return err(
      'AUTHORITY_REQUIRED',
      `"${inp.stepId}" is a legal wait: name the authority that granted the exception (authority)`,
    );
  }
  return null;
}

export function applyWaiveTimer(e: Engine, inp: WaiveTimerInput, now: string): StepView {
  const spec = indexOf(e.def).leaves.get(inp.stepId)!.spec;
  const st = e.state.steps[inp.stepId]!;
  const actor = actorOf(inp.principal);
  const authority = blank(inp.authority) ? null : inp.authority!.trim();
  st.waiver = { by: inp.principal.sub, reason: inp.reason, at: now, ...(authority ? { authority } : {}) };
  note(
    e.state,
    now,
    'timer-waived',
    inp.stepId,
    `Timer "${spec.title}" waived by ${inp.principal.name}${authority ? ` (exception granted by ${authority})` : ''}`,
    { actor, comment: inp.reason, ...(authority ? { data: { authority } } : {}) },
  );
  completeStep(e, inp.stepId, now, actor, `Step "${spec.title}" completed (waived)`);
  return stepView(e, inp.stepId);
}

export function validateNudge(e: Engine, inp: NudgeInput): EngineError | null {
  const closed = open(e) ?? coordinator(inp.principal);
  if (closed) return closed;
  if (inp.stepId === undefined || inp.stepId === null) return null;
  const info = stepFor(e, inp.stepId, ['approval', 'task']);
  return 'code' in info ? info : null;
}

export function applyNudge(e: Engine, inp: NudgeInput, now: string): ProcessView {
  const ids = inp.stepId
    ? [inp.stepId]
    : indexOf(e.def).order.filter((id) => e.state.steps[id]!.status === 'active');
  for (const id of ids) {
    const spec = indexOf(e.def).leaves.get(id)!.spec;
    if (spec.type === 'timer') continue;
    remind(e, id, now, 'nudge', `${inp.principal.name} asks you to act on "${spec.title}"`);
    note(e.state, now, 'nudged', id, `${inp.principal.name} nudged the parties awaited on "${spec.title}"`, {
      actor: actorOf(inp.principal),
      comment: blank(inp.reason) ? null : inp.reason!,
    });
  }
  return processView(e);
}

export function validateReassign(e: Engine, inp: ReassignInput): EngineError | null {
  const closed = open(e) ?? coordinator(inp.principal);
  if (closed) return closed;
  const info = stepFor(e, inp.stepId, ['approval', 'task']);
  if ('code' in info) return info;
  if (!stepParties(info.spec).includes(inp.party))
    return err('WRONG_PARTY', `Step "${inp.stepId}" has no party ${inp.party}`);
  if (!Array.isArray(inp.roles) || inp.roles.length === 0 || inp.roles.some((r) => blank(r))) {
    return err('INVALID_INPUT', 'roles must be a non-empty list of role ids');
  }
  if (blank(inp.reason)) return err('COMMENT_REQUIRED', 'A reason is required to reassign');
  return e.rules.partySides ? reassignWithinSide(e, inp, info) : null;
}

/** A coordinator reassigns their own party's side, within its vocabulary, and never completes the step. */
function reassignWithinSide(e: Engine, inp: ReassignInput, info: LeafInfo): EngineError | null {
  const p = inp.principal;
  if (inp.party !== p.party) {
    return err(
      'WRONG_PARTY',
      `Only a ${inp.party} coordinator may reassign ${inp.party}'s side of "${inp.stepId}", not ${p.party}'s`,
    );
  }
  const vocabulary = partyVocabulary(e.def, inp.party);
  const foreign = inp.roles.filter((r) => !vocabulary.includes(r));
  if (foreign.length) {
    return err(
      'INVALID_ROLES',
      `Not roles of ${inp.party} in ${e.def.id}: ${foreign.join(', ')} (one of ${vocabulary.join(', ')})`,
    );
  }
  const spec = info.spec;
  const st = e.state.steps[spec.id]!;
  if (spec.type === 'approval') {
    const after: StepState = { ...st, roleOverrides: { ...st.roleOverrides, [inp.party]: [...inp.roles] } };
    if (partySatisfied(spec, after, inp.party)) {
      return err(
        'REASSIGN_COMPLETES',
        `Reassigning ${inp.party}'s side of "${spec.id}" to ${inp.roles.join(', ')} would approve it without a ` +
          'decision: include a role that has not approved in this round',
      );
    }
  }
  return null;
}

export function applyReassign(e: Engine, inp: ReassignInput, now: string): StepView {
  const spec = indexOf(e.def).leaves.get(inp.stepId)!.spec;
  const st = e.state.steps[inp.stepId]!;
  const before = rolesOf(spec, st, inp.party);
  st.roleOverrides[inp.party] = [...inp.roles];
  note(
    e.state,
    now,
    'reassigned',
    inp.stepId,
    `${inp.party} roles on "${spec.title}": ${before.join(', ')} → ${inp.roles.join(', ')}`,
    {
      actor: actorOf(inp.principal),
      comment: inp.reason,
      data: { party: inp.party, from: before.join(','), to: inp.roles.join(',') },
    },
  );
  // Processes under the old rules: a role change could complete the party (e.g. `all` over fewer roles).
  if (
    !e.rules.partySides &&
    spec.type === 'approval' &&
    stepParties(spec).every((p) => partySatisfied(spec, st, p))
  ) {
    completeStep(e, spec.id, now, actorOf(inp.principal), `Step "${spec.title}" approved by every party`);
  }
  return stepView(e, inp.stepId);
}
