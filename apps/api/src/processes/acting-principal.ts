/**
 * Who acts on a step: the caller under their own roles, or, when none of their roles is awaited, on behalf
 * of a delegator whose delegated roles are. Read from the engine's `awaitedRoles` (libs/directory who-acts),
 * so the API's check and the inbox cannot disagree; the workflow's Update validator has the last word.
 */
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import type { ActingPrincipal, Principal } from '../../../../libs/contracts/src/principal';
import type { StepView } from '../../../../libs/contracts/src/process-view';
import { whoActs } from '../../../../libs/directory/src/who-acts';

export { decidedBy } from '../../../../libs/directory/src/who-acts';

export function actingPrincipalFor(
  caller: Principal,
  step: StepView | undefined,
  delegations: Delegation[],
  now = Date.now(),
): ActingPrincipal {
  const acting = whoActs(caller, step, delegations, now);
  if (!acting?.onBehalfOf) return caller;
  return { ...caller, roles: acting.roles, onBehalfOf: acting.onBehalfOf };
}
