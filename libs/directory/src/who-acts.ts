/**
 * Who can act on a step, read from the engine's answer (`awaitedRoles` per party in the view) with
 * delegations applied. The ONE place the API's acting-principal check, the inbox, the holders shown in the
 * view and monitoring's "waiting on" get it from: none of them recomputes what the engine awaits.
 */
import { CHAMBER_PARTY, type Chamber } from '../../contracts/src/calendar-events';
import type { Party } from '../../contracts/src/definition';
import type { Delegation } from '../../contracts/src/delegations';
import { COORDINATOR_ROLE, type Principal } from '../../contracts/src/principal';
import type { Holder, StepView } from '../../contracts/src/process-view';
import type { DirectoryUser } from './directory';

export interface Acting {
  /** The awaited roles the person acts under (own, or delegated to them). */
  roles: string[];
  onBehalfOf: { sub: string; name: string } | null;
}

/** The roles of `party` the engine awaits on this step now (none unless the step is active). */
export function awaitedRoles(step: StepView | undefined, party: Party): string[] {
  return step?.parties?.[party]?.awaitedRoles ?? [];
}

/** Whether `sub` (acting or on whose behalf) has decided this step's current round for the party. */
export function decidedBy(step: StepView, party: Party, sub: string): boolean {
  if (step.type !== 'approval') return false;
  const decisions = step.parties?.[party]?.decisions ?? [];
  return decisions.some(
    (x) => x.round === step.round && (x.onBehalfOf ? x.onBehalfOf === sub : x.by === sub),
  );
}

const live = (d: Delegation, now: number) => Date.parse(d.until) > now;

/**
 * How `caller` can act on `step` now: under their own awaited roles, else on behalf of a delegator whose
 * delegated roles are awaited (and who has not decided this round); null when they cannot.
 */
export function whoActs(
  caller: Principal,
  step: StepView | undefined,
  delegations: Delegation[],
  now = Date.now(),
): Acting | null {
  const awaited = awaitedRoles(step, caller.party);
  if (!step || !awaited.length) return null;
  const own = caller.roles.filter((r) => awaited.includes(r));
  if (own.length) return decidedBy(step, caller.party, caller.sub) ? null : { roles: own, onBehalfOf: null };
  for (const d of delegations) {
    if (d.to.sub !== caller.sub || d.party !== caller.party || !live(d, now)) continue;
    const fit = d.roles.filter((r) => awaited.includes(r));
    if (fit.length && !decidedBy(step, caller.party, d.from.sub)) {
      return { roles: fit, onBehalfOf: { sub: d.from.sub, name: d.from.name } };
    }
  }
  return null;
}

/**
 * The people who can act now for `party` on `step`: directory users holding an awaited role (who have not
 * decided this round), and their delegates for the delegated awaited roles.
 */
export function holdersOf(
  step: StepView,
  party: Party,
  users: DirectoryUser[],
  delegations: Delegation[],
  now = Date.now(),
): Holder[] {
  const awaited = awaitedRoles(step, party);
  if (!awaited.length) return [];
  const out = new Map<string, Holder>();
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const u of users) {
    if (u.party !== party || decidedBy(step, party, u.id)) continue;
    const roles = u.roles.filter((r) => awaited.includes(r));
    if (roles.length) out.set(u.id, { sub: u.id, name: u.name, org: u.org, roles, onBehalfOf: null });
  }
  for (const d of delegations) {
    if (d.party !== party || !live(d, now) || decidedBy(step, party, d.from.sub)) continue;
    const roles = d.roles.filter((r) => awaited.includes(r));
    const key = `${d.to.sub}>${d.from.sub}`;
    if (!roles.length || out.has(d.to.sub) || out.has(key)) continue;
    const org = byId.get(d.to.sub)?.org ?? '';
    out.set(key, {
      sub: d.to.sub,
      name: d.to.name,
      org,
      roles,
      onBehalfOf: { sub: d.from.sub, name: d.from.name },
    });
  }
  return [...out.values()];
}

/**
 * Who may record a parliamentary event (prorogation, dissolution, Diet session) that moves legal due times:
 * a coordinator of the chamber's own party (the House of Commons: CA; the Diet: JP). Operators change the
 * shipped data by a commit or ACCORD_SITTING_CALENDAR instead. Null when allowed, else why not.
 */
export function calendarRecorderRefusal(
  caller: Principal,
  chamber: Chamber,
): { code: 'NOT_COORDINATOR' | 'WRONG_PARTY'; message: string } | null {
  const party = CHAMBER_PARTY[chamber];
  if (!caller.roles.includes(COORDINATOR_ROLE))
    return {
      code: 'NOT_COORDINATOR',
      message: `Only a ${party} coordinator may record an event of the ${chamber} calendar`,
    };
  if (caller.party !== party)
    return {
      code: 'WRONG_PARTY',
      message: `The ${chamber} calendar is ${party}'s: only a ${party} coordinator may record it, not ${caller.party}'s`,
    };
  return null;
}
