/**
 * Pure classification of one process into stuck items, from its state (the `state` Query) or, for the
 * technical kind, from `describe` output. No Temporal calls here: the finder feeds these functions.
 */
import type { Party } from '../../contracts/src/definition';
import type { ProcessView, StepView } from '../../contracts/src/process-view';
import type { NamedUser, StuckItem, WaitingOn } from './types';

export type UsersWithRole = (party: Party, role: string) => NamedUser[];

export function formatDuration(ms: number, dayLengthMs = 86_400_000): string {
  const abs = Math.max(0, ms);
  if (abs >= dayLengthMs) return `${Math.round((abs / dayLengthMs) * 10) / 10} d`;
  if (abs >= 3_600_000) return `${Math.round(abs / 360_000) / 10} h`;
  if (abs >= 60_000) return `${Math.round(abs / 6_000) / 10} min`;
  return `${Math.round(abs / 100) / 10} s`;
}

function usersFor(party: Party, roles: string[], usersWithRole: UsersWithRole): NamedUser[] {
  const seen = new Map<string, NamedUser>();
  for (const role of roles)
    for (const u of usersWithRole(party, role)) seen.set(u.id, { id: u.id, name: u.name });
  return [...seen.values()];
}

/**
 * One entry per party still awaited on the step (an approval waits on each party separately), with the
 * roles the engine awaits (`awaitedRoles`): never recomputed here.
 */
export function waitingOnOf(step: StepView, usersWithRole: UsersWithRole): WaitingOn[] {
  const out: WaitingOn[] = [];
  for (const [party, pv] of Object.entries(step.parties ?? {}) as [
    Party,
    NonNullable<StepView['parties'][Party]>,
  ][]) {
    const roles = pv.awaitedRoles ?? [];
    if (!roles.length) continue;
    out.push({ party, roles: [...roles], users: usersFor(party, roles, usersWithRole) });
  }
  return out;
}

const NOBODY: WaitingOn = { party: null, roles: [], users: [] };

function base(view: ProcessView) {
  return { processId: view.id, title: view.title, definitionId: view.definitionId };
}

/** Active approval/task steps past their due time; a timer is never "overdue" (it fires by itself). */
export function overdueItems(
  view: ProcessView,
  now: Date,
  usersWithRole: UsersWithRole,
  dayLengthMs?: number,
): StuckItem[] {
  if (view.status !== 'running') return [];
  const items: StuckItem[] = [];
  for (const step of view.steps) {
    if (step.status !== 'active' || step.type === 'timer' || !step.dueAt) continue;
    const waiting = waitingOnOf(step, usersWithRole);
    for (const w of waiting.length ? waiting : [NOBODY]) {
      // A side with its own due time (its own calendar) is overdue on that one.
      const dueAt = (w.party && step.dueByParty?.[w.party]) || step.dueAt;
      const due = Date.parse(dueAt);
      if (!(due < now.getTime())) continue;
      const late = now.getTime() - due;
      items.push({
        ...base(view),
        stepId: step.id,
        stepTitle: step.title,
        reason: 'overdue',
        since: new Date(due).toISOString(),
        stuckForMs: late,
        waitingOn: w,
        detail:
          `"${step.title}" was due ${dueAt} and is ${formatDuration(late, dayLengthMs)} overdue` +
          (w.party ? `, waiting on ${w.party} (${w.roles.join(', ')})` : ''),
      });
    }
  }
  return items;
}

/**
 * No progress since `view.lastProgressAt` for longer than the threshold (`idleSince` = when it tipped over).
 * `stepIdleSince` gives a step its own threshold (a wait on a legislature counts only its sitting days): a
 * step whose own threshold is still ahead is not idle, and a process whose active steps are all such waits
 * is not idle at all.
 */
export function idleItems(
  view: ProcessView,
  now: Date,
  idleSince: Date,
  usersWithRole: UsersWithRole,
  dayLengthMs?: number,
  stepIdleSince?: (step: StepView) => Date | null,
): StuckItem[] {
  if (view.status !== 'running' || idleSince.getTime() > now.getTime()) return [];
  const quiet = now.getTime() - Date.parse(view.lastProgressAt);
  const running = view.steps.filter((s) => s.status === 'active');
  const sinceOf = (s: StepView) => stepIdleSince?.(s) ?? idleSince;
  const active = running.filter((s) => sinceOf(s).getTime() <= now.getTime());
  if (running.length > 0 && active.length === 0) return [];
  const detail = `no progress since ${view.lastProgressAt} (${formatDuration(quiet, dayLengthMs)})`;
  const entries = active.flatMap((step) => {
    const waiting = waitingOnOf(step, usersWithRole);
    return (waiting.length ? waiting : [NOBODY]).map((w) => ({ step, w }));
  });
  if (entries.length === 0) entries.push({ step: undefined as unknown as StepView, w: NOBODY });
  return entries.map(({ step, w }) => ({
    ...base(view),
    stepId: step?.id ?? null,
    stepTitle: step?.title ?? null,
    reason: 'idle' as const,
    since: (step ? sinceOf(step) : idleSince).toISOString(),
    stuckForMs: now.getTime() - (step ? sinceOf(step) : idleSince).getTime(),
    waitingOn: w,
    detail: step ? `${detail}; "${step.title}" is active` : detail,
  }));
}

/** The parts of DescribeWorkflowExecutionResponse the technical check reads. */
export interface DescribedExecution {
  pendingActivities?: Array<{
    activityId?: string | null;
    activityType?: { name?: string | null } | null;
    attempt?: number | null;
    maximumAttempts?: number | null;
    lastFailure?: { message?: string | null } | null;
    scheduledTime?: Date | null;
    lastStartedTime?: Date | null;
    lastAttemptCompleteTime?: Date | null;
  }> | null;
  pendingWorkflowTask?: {
    attempt?: number | null;
    originalScheduledTime?: Date | null;
    scheduledTime?: Date | null;
  } | null;
}

export interface ProcessMeta {
  processId: string;
  title: string;
  definitionId: string;
  /** From AccordCurrentSteps: where the process stands, for the report. */
  currentStep: string | null;
}

/**
 * Activities retrying (attempt > 1) and workflow tasks failing (attempt > 1; `lastWorkflowTaskFailure` from
 * the tail of the history names the cause, e.g. a non-deterministic change).
 */
export function failingItems(
  meta: ProcessMeta,
  described: DescribedExecution,
  now: Date,
  lastWorkflowTaskFailure?: { at: Date | null; cause: string | null; message: string | null } | null,
): StuckItem[] {
  const items: StuckItem[] = [];
  const failing = (since: Date, detail: string): StuckItem => ({
    processId: meta.processId,
    title: meta.title,
    definitionId: meta.definitionId,
    waitingOn: NOBODY,
    stepId: meta.currentStep,
    stepTitle: null,
    reason: 'failing',
    since: since.toISOString(),
    stuckForMs: now.getTime() - since.getTime(),
    detail,
  });
  for (const a of described.pendingActivities ?? []) {
    const attempt = a.attempt ?? 1;
    if (attempt <= 1 && !a.lastFailure) continue;
    const since = a.scheduledTime ?? a.lastStartedTime ?? now;
    const name = a.activityType?.name ?? 'activity';
    items.push(
      failing(
        since,
        `activity ${name} retrying: attempt ${attempt}${a.maximumAttempts ? ` of ${a.maximumAttempts}` : ''}` +
          (a.lastFailure?.message ? `; last error: ${a.lastFailure.message}` : ''),
      ),
    );
  }
  const wft = described.pendingWorkflowTask;
  if (wft && (wft.attempt ?? 1) > 1) {
    const since = lastWorkflowTaskFailure?.at ?? wft.originalScheduledTime ?? wft.scheduledTime ?? now;
    const why = [lastWorkflowTaskFailure?.cause, lastWorkflowTaskFailure?.message].filter(Boolean).join(': ');
    items.push(failing(since, `workflow task failing: attempt ${wft.attempt}${why ? `; ${why}` : ''}`));
  }
  return items;
}
