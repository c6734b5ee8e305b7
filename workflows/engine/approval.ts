/** Approval rules per party: who may act, under which role, and when a party is satisfied. */
import type {
  ApprovalRule,
  LeafStepSpec,
  Party,
  PartyAssignment,
  ProcessDefinition,
} from '../../libs/contracts/src/definition';
import { COORDINATOR_ROLE } from '../../libs/contracts/src/principal';
import type { ActingPrincipal } from '../../libs/contracts/src/principal';
import type { PartyStatus } from '../../libs/contracts/src/process-view';
import { indexOf } from './structure';
import type { DecisionRecord, StepState } from './types';

export function identityOf(p: ActingPrincipal): string {
  return p.onBehalfOf?.sub ?? p.sub;
}

export function stepParties(spec: LeafStepSpec): Party[] {
  if (spec.type === 'timer') return [];
  return (Object.keys(spec.parties) as Party[]).filter((p) => spec.parties[p]);
}

export function assignment(spec: LeafStepSpec, party: Party): PartyAssignment | undefined {
  return spec.type === 'timer' ? undefined : spec.parties[party];
}

export function rolesOf(spec: LeafStepSpec, st: StepState, party: Party): string[] {
  return st.roleOverrides[party] ?? assignment(spec, party)?.roles ?? [];
}

export function ruleOf(spec: LeafStepSpec, party: Party): ApprovalRule {
  return spec.type === 'approval' ? (assignment(spec, party)?.rule ?? 'any') : 'any';
}

export function approvalsThisRound(st: StepState, party: Party): DecisionRecord[] {
  return st.decisions.filter((d) => d.round === st.round && d.party === party && d.decision === 'approve');
}

export function partySatisfied(spec: LeafStepSpec, st: StepState, party: Party): boolean {
  const approvals = approvalsThisRound(st, party);
  const rule = ruleOf(spec, party);
  if (rule === 'any') return approvals.length > 0;
  if (rule === 'all') {
    const got = new Set(approvals.map((d) => d.role));
    return rolesOf(spec, st, party).every((r) => got.has(r));
  }
  return new Set(approvals.map((d) => d.identity)).size >= rule.quorum;
}

/** Roles of a party still needed now (for `all`, the roles not yet approved this round). */
export function rolesStillNeeded(spec: LeafStepSpec, st: StepState, party: Party): string[] {
  const roles = rolesOf(spec, st, party);
  if (spec.type !== 'approval' || ruleOf(spec, party) !== 'all') return roles;
  const got = new Set(approvalsThisRound(st, party).map((d) => d.role));
  return roles.filter((r) => !got.has(r));
}

/**
 * THE answer to "who is awaited on this step": the roles of `party` still awaited now (active step, party
 * pending, current round; under `all` the roles not yet approved). The view, the search attributes, the
 * inbox, monitoring and the API's acting-principal check all read this (delegations are applied by
 * intersecting a delegate's delegated roles with it).
 */
export function awaitedRolesOf(spec: LeafStepSpec, st: StepState, party: Party): string[] {
  if (st.status !== 'active' || spec.type === 'timer') return [];
  if (partyStatus(spec, st, party) !== 'pending') return [];
  return rolesStillNeeded(spec, st, party);
}

export function partyStatus(spec: LeafStepSpec, st: StepState, party: Party): PartyStatus {
  if (spec.type === 'task') {
    if (st.status === 'completed') return st.completedParty === party ? 'done' : 'not-required';
    return st.status === 'waiting' || st.status === 'active' ? 'pending' : 'not-required';
  }
  if (st.status === 'skipped' || st.status === 'cancelled') return 'not-required';
  if (partySatisfied(spec, st, party)) return 'done';
  return st.status === 'waiting' || st.status === 'active' ? 'pending' : 'not-required';
}

/**
 * The role a decision counts under: for `all`, the first role the principal holds that is still
 * needed this round; otherwise the first listed role the principal holds.
 */
export function countingRole(spec: LeafStepSpec, st: StepState, p: ActingPrincipal): string | null {
  const held = rolesOf(spec, st, p.party).filter((r) => p.roles.includes(r));
  if (held.length === 0) return null;
  const needed = rolesStillNeeded(spec, st, p.party).filter((r) => held.includes(r));
  return needed[0] ?? held[0]!;
}

/** The roles a party acts under anywhere in the definition (what a coordinator may reassign to). */
export function partyVocabulary(def: ProcessDefinition, party: Party): string[] {
  const roles = new Set<string>();
  for (const { spec } of indexOf(def).leaves.values()) {
    for (const r of assignment(spec, party)?.roles ?? []) if (r !== COORDINATOR_ROLE) roles.add(r);
  }
  return [...roles];
}

/**
 * Whose side a step is: a step one party acts on is that party's; a timer counted on a country's calendar
 * (its business or sitting days) is that country's; anything else is joint (an empty list).
 */
/** Whose legislature counts these days (a timer in them is that side's, whatever its `calendar`). */
const LEGISLATURE_SIDE: Partial<Record<string, Party>> = { 'sitting-days': 'CA', 'diet-days': 'JP' };

export function sideOf(spec: LeafStepSpec, legislatures = false): Party[] {
  if (spec.type === 'timer') {
    const side = (legislatures && LEGISLATURE_SIDE[spec.wait?.unit ?? '']) || spec.wait?.calendar;
    return side ? [side] : [];
  }
  const parties = stepParties(spec);
  return parties.length === 1 ? parties : [];
}

/**
 * A legal wait (the House of Commons' sitting days; with `diet`, also the Diet's days of the 30-day rule):
 * waiving it records who granted the exception.
 */
export function isLegalTimer(spec: LeafStepSpec, diet = false): boolean {
  return (
    spec.type === 'timer' && (spec.wait?.unit === 'sitting-days' || (diet && spec.wait?.unit === 'diet-days'))
  );
}
