/**
 * Delegations of approvals, kept durably in one long-running workflow (workflows/delegations.workflow.ts):
 * no extra database. The API validates requests (party, roles, dates); the workflow stores them.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Party } from './definition';

export const DELEGATIONS_WORKFLOW_TYPE = 'delegationsWorkflow';
export const DELEGATIONS_WORKFLOW_ID = 'accord-delegations';

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

export const addDelegationUpdate = defineUpdate<Delegation, [Delegation]>('addDelegation');
/** Returns the removed delegation, or null if there was none with that id. */
export const removeDelegationUpdate = defineUpdate<Delegation | null, [RemoveDelegationInput]>(
  'removeDelegation',
);
export const delegationsQuery = defineQuery<Delegation[]>('delegations');
