/**
 * Delegations of approvals, kept durably in small long-running workflows (workflows/delegations.workflow.ts),
 * two per person: the delegations they gave (the record, bounded per delegator) and those they received
 * (what a decision or the inbox reads: one small Query). No extra database, and no workflow holds everyone's.
 * The API validates requests (party, roles, dates); the workflows store them and enforce the bounds.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Party } from './definition';

export const DELEGATIONS_WORKFLOW_TYPE = 'delegationsWorkflow';
/**
 * The single store of earlier versions: no longer written; the API moves its delegations into the per-person
 * stores at start and ends it (apps/api/src/delegations/legacy-delegations.migration.ts).
 */
export const DELEGATIONS_WORKFLOW_ID = 'accord-delegations';

/** Which of a person's two stores: delegations they gave, or delegations given to them. */
export type DelegationSide = 'given' | 'received';

/** The workflow id of one person's store (ids never start with the process prefix: not a process). */
export function delegationStoreId(side: DelegationSide, sub: string): string {
  return `accord-delegations-${side}-${sub}`;
}

export interface PersonRef {
  sub: string;
  name: string;
}

export interface Delegation {
  id: string;
  /** The approver whose approvals are handed over. */
  from: PersonRef;
  /** The colleague (same party) who may act on the delegator's behalf. */
  to: PersonRef;
  party: Party;
  /** Roles delegated: a subset of the delegator's roles. */
  roles: string[];
  /** ISO time the delegation ends. */
  until: string;
  createdAt: string;
  createdBy: PersonRef;
}

export interface DelegationsState {
  delegations: Delegation[];
}

export interface RemoveDelegationInput {
  id: string;
}

/** A bound the store enforces atomically in the Update's validator (no check-then-add race in the API). */
export interface DelegationBound {
  /** Whose side this store keeps: `given` counts by delegator, `received` by delegate. */
  side: DelegationSide;
  max: number;
}

export const addDelegationUpdate = defineUpdate<Delegation, [Delegation, DelegationBound?]>('addDelegation');

/**
 * The 409 past a bound, or null. Pure: the store's validator and the unit tests use it; `active` are the
 * store's live delegations.
 */
export function delegationLimitError(
  active: Delegation[],
  d: Pick<Delegation, 'from' | 'to'>,
  bound: DelegationBound,
): { code: 'DELEGATION_LIMIT'; message: string } | null {
  const sub = bound.side === 'given' ? d.from.sub : d.to.sub;
  const count = active.filter((x) => (bound.side === 'given' ? x.from.sub : x.to.sub) === sub).length;
  if (count < bound.max) return null;
  const what = bound.side === 'given' ? 'has given' : 'has received';
  const setting = bound.side === 'given' ? 'ACCORD_MAX_DELEGATIONS' : 'ACCORD_MAX_DELEGATIONS_RECEIVED';
  return {
    code: 'DELEGATION_LIMIT',
    message: `${sub} ${what} ${count} active delegations, the most allowed (${bound.max}, ${setting}): end one first`,
  };
}
/** Returns the removed delegation, or null if there was none with that id. */
export const removeDelegationUpdate = defineUpdate<Delegation | null, [RemoveDelegationInput]>(
  'removeDelegation',
);
export const delegationsQuery = defineQuery<Delegation[]>('delegations');
