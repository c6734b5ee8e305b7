/** Which active steps of a process belong in a caller's inbox, and their order. Pure functions. */
import type { Party } from '../../../../libs/contracts/src/definition';
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView, StepView } from '../../../../libs/contracts/src/process-view';
import type { InboxItem } from '../../../../libs/contracts/src/http';
import { decidedBy } from '../processes/acting-principal';

export type { InboxItem };

export function inboxItemsOf(
  view: ProcessView,
  caller: Principal,
  delegations: Delegation[],
  now: number,
): InboxItem[] {
  const items: InboxItem[] = [];
  if (view.status !== 'running') return items;
  for (const step of view.steps) {
    if (step.status !== 'active' || (step.type !== 'approval' && step.type !== 'task')) continue;
    const party = step.parties?.[caller.party];
    if (!party || party.status !== 'pending') continue;
    const item = (roles: string[], onBehalfOf: InboxItem['onBehalfOf']): InboxItem => ({
      processId: view.id,
      processTitle: view.title,
      definitionId: view.definitionId,
      stepId: step.id,
      stepTitle: step.title,
      type: step.type as 'approval' | 'task',
      party: caller.party,
      roles,
      dueAt: step.dueAt,
      overdue: step.dueAt !== null && Date.parse(step.dueAt) < now,
      round: step.round,
      activeSince: step.startedAt,
      onBehalfOf,
    });
    // Under `all`, a role already approved this round (by a colleague) is no longer awaited.
    const approvedRoles = new Set(
      party.rule === 'all'
        ? party.decisions.filter((d) => d.round === step.round && d.decision === 'approve').map((d) => d.role)
        : [],
    );
    const awaited = party.roles.filter((r) => !approvedRoles.has(r));
    const own = caller.roles.filter((r) => awaited.includes(r));
    if (own.length) {
      if (!alreadyDecided(step, caller.party, caller.sub)) items.push(item(own, null));
      continue;
    }
    for (const d of delegations) {
      const fit = d.roles.filter((r) => awaited.includes(r));
      if (fit.length && !alreadyDecided(step, caller.party, d.from.sub)) {
        items.push(item(fit, { sub: d.from.sub, name: d.from.name }));
        break;
      }
    }
  }
  return items;
}

function alreadyDecided(step: StepView, party: Party, sub: string): boolean {
  return step.type === 'approval' && decidedBy(step, party, sub);
}

export function sortInbox(items: InboxItem[]): InboxItem[] {
  const key = (i: InboxItem) => (i.dueAt ? Date.parse(i.dueAt) : Number.POSITIVE_INFINITY);
  return [...items].sort(
    (a, b) => key(a) - key(b) || (a.activeSince ?? '').localeCompare(b.activeSince ?? ''),
  );
}
