/**
 * Which active steps of a process belong in a caller's inbox, what each asks of them, and their order.
 * Pure functions. Whether the caller can act is whoActs (libs/directory), read from the engine's
 * `awaitedRoles`: the inbox never recomputes it.
 */
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView, StepView } from '../../../../libs/contracts/src/process-view';
import type { InboxItem, InboxReference, InboxWithdrawnNotice } from '../../../../libs/contracts/src/http';
import type { Party, ProcessDefinition, StepSpec } from '../../../../libs/contracts/src/definition';
import { awaitingRoleKey } from '../../../../libs/contracts/src/search-attributes';
import { whoActs } from '../../../../libs/directory/src/who-acts';

export type { InboxItem, InboxReference, InboxWithdrawnNotice };

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
    // The caller's side's own due time when the sides count the deadline in their own calendars.
    const dueAt = step.dueByParty?.[caller.party] ?? step.dueAt;
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
      dueAt,
      ...(step.dueProjected ? { dueProjected: true } : {}),
      overdue: dueAt !== null && Date.parse(dueAt) < now,
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

/**
 * The caller's items that a restarted round took out of their inbox: waiting steps whose `withdrawnFrom`
 * names one of the caller's keys (own roles, or roles delegated to them now), changed since `since`.
 */
export function withdrawnNoticesOf(
  view: ProcessView,
  caller: Principal,
  delegations: Delegation[],
  since: number,
  noticeMs: number,
): InboxWithdrawnNotice[] {
  if (view.status !== 'running') return [];
  const roles = new Set([...caller.roles, ...delegations.flatMap((d) => d.roles)]);
  const out: InboxWithdrawnNotice[] = [];
  for (const step of view.steps) {
    const cr = step.latestChangeRequest;
    if (step.status !== 'waiting' || !step.withdrawnFrom?.length || !cr || Date.parse(cr.at) < since)
      continue;
    const mine = [...roles].filter((r) => step.withdrawnFrom!.includes(awaitingRoleKey(caller.party, r)));
    if (!mine.length) continue;
    const who = `${cr.by.name}${cr.party ? ` (${cr.party})` : ''}`;
    const onStep = cr.fromStepId === step.id ? '' : ` on "${cr.fromStepTitle}"`;
    out.push({
      processId: view.id,
      processTitle: view.title,
      stepId: step.id,
      stepTitle: step.title,
      party: caller.party,
      roles: mine,
      withdrawnAt: cr.at,
      changeRequest: cr,
      noticeUntil: new Date(Date.parse(cr.at) + noticeMs).toISOString(),
      message:
        `"${step.title}" left your inbox on ${cr.at.slice(0, 10)}: ${who} asked for changes${onStep}` +
        `${cr.comment ? ` ("${cr.comment}")` : ''}. Round ${cr.round} comes back to your inbox when ${before(view, step)}.`,
      links: { process: `/api/v1/processes/${encodeURIComponent(view.id)}` },
    });
  }
  return out;
}

/** What a waiting step waits for, by title. */
function before(view: ProcessView, step: StepView): string {
  const titles = (step.waitsFor ?? []).map((id) => `"${view.steps.find((s) => s.id === id)?.title ?? id}"`);
  if (!titles.length) return 'the step is active again';
  return `${titles.join(' and ')} ${titles.length === 1 ? 'is' : 'are'} done`;
}

function leafSteps(steps: StepSpec[]): Exclude<StepSpec, { type: 'parallel' }>[] {
  return steps.flatMap((s) => (s.type === 'parallel' ? s.branches.flatMap((b) => leafSteps(b.steps)) : [s]));
}

/** Definitions with a step where one of these roles of the party may act (where an item can be withdrawn). */
export function definitionsWithRoles(defs: ProcessDefinition[], party: Party, roles: Set<string>): string[] {
  const ids = defs
    .filter((d) =>
      leafSteps(d.steps).some(
        (s) => s.type !== 'timer' && (s.parties?.[party]?.roles ?? []).some((r) => roles.has(r)),
      ),
    )
    .map((d) => d.id);
  return [...new Set(ids)].sort();
}
