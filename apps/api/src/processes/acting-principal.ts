/**
 * Who acts on a step: the caller under their own roles, or, when they hold none of the step's roles for
 * their party, on behalf of a delegator whose delegated roles fit. Pure, so the rule is unit-tested.
 */
import type { Party } from '../../../../libs/contracts/src/definition';
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import type { ActingPrincipal, Principal } from '../../../../libs/contracts/src/principal';
import type { StepView } from '../../../../libs/contracts/src/process-view';

export function eligibleRoles(step: StepView | undefined, party: Party): string[] {
  return step?.parties?.[party]?.roles ?? [];
}

export function actingPrincipalFor(
  caller: Principal,
  step: StepView | undefined,
  delegations: Delegation[],
  now = Date.now(),
): ActingPrincipal {
  const roles = eligibleRoles(step, caller.party);
  if (!step || caller.roles.some((r) => roles.includes(r))) return caller;
  const fitting = delegations
    .filter((d) => d.to.sub === caller.sub && d.party === caller.party && Date.parse(d.until) > now)
    // A delegator who already decided this round is not offered again (the engine would refuse anyway).
    .filter((d) => !decidedBy(step, caller.party, d.from.sub))
    .map((d) => ({ d, fit: d.roles.filter((r) => roles.includes(r)) }))
    .filter((x) => x.fit.length > 0);
  if (!fitting.length) return caller;
  const { d, fit } = fitting[0]!;
  return { ...caller, roles: fit, onBehalfOf: { sub: d.from.sub, name: d.from.name } };
}

/** Whether `sub` (acting or on whose behalf) has decided this step's current round for the party. */
export function decidedBy(step: StepView, party: Party, sub: string): boolean {
  const decisions = step.parties?.[party]?.decisions ?? [];
  return decisions.some(
    (x) => x.round === step.round && (x.onBehalfOf ? x.onBehalfOf === sub : x.by === sub),
  );
}
