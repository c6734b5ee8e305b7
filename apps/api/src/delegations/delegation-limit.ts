/**
 * A bound per delegator: one user cannot fill the delegations store (read by every decision and inbox
 * call) by creating delegations in a row. Pure, so the rule is unit-tested without Nest.
 */
import type { Delegation } from '../../../../libs/contracts/src/delegations';

export interface DelegationLimitError {
  status: 409;
  code: 'DELEGATION_LIMIT';
  message: string;
}

export function delegationLimitError(
  active: Delegation[],
  fromSub: string,
  limit: number,
): DelegationLimitError | null {
  const given = active.filter((d) => d.from.sub === fromSub).length;
  if (given < limit) return null;
  return {
    status: 409,
    code: 'DELEGATION_LIMIT',
    message: `${fromSub} already has ${given} active delegations, the most allowed (${limit}): end one first`,
  };
}
