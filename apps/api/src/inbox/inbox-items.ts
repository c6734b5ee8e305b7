/**
 * Which active steps of a process belong in a caller's inbox, what each asks of them, and their order.
 * Pure functions. Whether the caller can act is whoActs (libs/directory), read from the engine's
 * `awaitedRoles`: the inbox never recomputes it.
 */
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView, StepView } from '../../../../libs/contracts/src/process-view';
import type { InboxItem, InboxReference } from '../../../../libs/contracts/src/http';
import { whoActs } from '../../../../libs/directory/src/who-acts';

export type { InboxItem, InboxReference };

/** Every `reference` output recorded on a completed step of the process. */
export function referencesOf(view: ProcessView): InboxReference[] {
  const out: InboxReference[] = [];
  for (const s of view.steps) {
    if (s.status !== 'completed') continue;
    for (const [name, type] of Object.entries(s.outputTypes ?? {})) {
      const value = s.outputs?.[name];
      if (type === 'reference' && typeof value === 'string')
        out.push({ stepId: s.id, stepTitle: s.title, name, value });
    }
  }
  return out;
}

export function actPath(processId: string, step: Pick<StepView, 'id' | 'type'>): string {
  const what = step.type === 'task' ? 'completion' : 'decisions';
  return `/api/v1/processes/${encodeURIComponent(processId)}/steps/${encodeURIComponent(step.id)}/${what}`;
}

export function inboxItemsOf(
  view: ProcessView,
  caller: Principal,
  delegations: Delegation[],
  now: number,
): InboxItem[] {
  if (view.status !== 'running') return [];
  const items: InboxItem[] = [];
  let references: InboxReference[] | null = null;
  for (const step of view.steps) {
    if (step.type !== 'approval' && step.type !== 'task') continue;
    const acting = whoActs(caller, step, delegations, now);
    if (!acting) continue;
    references ??= referencesOf(view);
    items.push({
      processId: view.id,
      processTitle: view.title,
      definitionId: view.definitionId,
      definitionTitle: view.definitionTitle,
      stepId: step.id,
      stepTitle: step.title,
      type: step.type,
      party: caller.party,
      roles: acting.roles,
      dueAt: step.dueAt,
      overdue: step.dueAt !== null && Date.parse(step.dueAt) < now,
      round: step.round,
      activeSince: step.startedAt,
      onBehalfOf: acting.onBehalfOf,
      asked: { decision: step.type === 'approval', outputs: step.outputsAsked ?? [] },
      latestChangeRequest: step.latestChangeRequest ?? null,
      references,
      links: { process: `/api/v1/processes/${encodeURIComponent(view.id)}`, act: actPath(view.id, step) },
    });
  }
  return items;
}

export function sortInbox(items: InboxItem[]): InboxItem[] {
  const key = (i: InboxItem) => (i.dueAt ? Date.parse(i.dueAt) : Number.POSITIVE_INFINITY);
  return [...items].sort(
    (a, b) => key(a) - key(b) || (a.activeSince ?? '').localeCompare(b.activeSince ?? ''),
  );
}
