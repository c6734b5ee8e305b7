/**
 * Timers and deadlines. Due times are computed OUTSIDE the engine (calendars need I/O and configuration):
 * the engine lists what it needs (dueRequests), the workflow asks the computeDue activity in ONE call,
 * and hands the answers back (applyDues). Reminder/escalation instants are derived from the due time
 * with offsets measured from the activation time, so moving a deadline moves them too.
 */
import type { Party, Span } from '../../libs/contracts/src/definition';
import { DUE_PROJECTED_SUFFIX } from '../../libs/contracts/src/due';
import { awaitingRoleKey } from './keys';
import { awaitedRolesOf, stepParties } from './approval';
import { resolveAmount, resolveDate } from './conditions';
import { indexOf } from './structure';
import { completeStep, note } from './transitions';
import type { DueRequest, DueResults, Engine, StepState } from './types';

const key = (st: StepState, what: string) => `${st.id}#${st.activation}:${what}`;

export function dueRequests(e: Engine): DueRequest[] {
  const out: DueRequest[] = [];
  if (e.state.status !== 'running') return out;
  const idx = indexOf(e.def);
  const span = (s: Span): DueRequest['span'] => {
    const r: DueRequest['span'] = { amount: resolveAmount(e.state, s), unit: s.unit };
    if (s.calendar) r.calendar = s.calendar;
    return r;
  };
  for (const id of idx.order) {
    const st = e.state.steps[id]!;
    if (st.status !== 'active' || st.dueAt !== null || st.dueError) continue;
    const spec = idx.leaves.get(id)!.spec;
    const started = st.startedAt!;
    if (spec.type === 'timer') {
      if (!spec.wait) continue;
      const from = spec.from ? resolveDate(e.state, spec.from) : null;
      out.push({
        key: key(st, 'due'),
        fromIso: from === null ? started : new Date(from).toISOString(),
        span: span(spec.wait),
      });
    } else if (spec.deadline?.perPartyCalendars) {
      // Each side counts the deadline in its own calendar (its business days); the step is due at the latest.
      for (const p of stepParties(spec))
        out.push({
          key: key(st, `due@${p}`),
          fromIso: started,
          span: { ...span(spec.deadline.within), calendar: p },
        });
      (spec.deadline.remindBefore ?? []).forEach((s, i) =>
        out.push({ key: key(st, `r${i}`), fromIso: started, span: span(s) }),
      );
      (spec.deadline.escalateAfter ?? []).forEach((s, i) =>
        out.push({ key: key(st, `e${i}`), fromIso: started, span: span(s) }),
      );
    } else if (spec.deadline) {
      out.push({ key: key(st, 'due'), fromIso: started, span: span(spec.deadline.within) });
      (spec.deadline.remindBefore ?? []).forEach((s, i) =>
        out.push({ key: key(st, `r${i}`), fromIso: started, span: span(s) }),
      );
      (spec.deadline.escalateAfter ?? []).forEach((s, i) =>
        out.push({ key: key(st, `e${i}`), fromIso: started, span: span(s) }),
      );
    }
  }
  return out;
}

export function applyDues(e: Engine, results: DueResults): void {
  const idx = indexOf(e.def);
  for (const id of idx.order) {
    const st = e.state.steps[id]!;
    const leafSpec = idx.leaves.get(id)!.spec;
    let due = results[key(st, 'due')];
    let byParty: Partial<Record<Party, string>> | undefined;
    if (leafSpec.type !== 'timer' && leafSpec.deadline?.perPartyCalendars) {
      const parties = stepParties(leafSpec);
      const dues = parties.map((p) => results[key(st, `due@${p}`)]);
      if (dues.every((d): d is string => d !== undefined) && dues.length > 0) {
        byParty = Object.fromEntries(parties.map((p, i) => [p, dues[i]!]));
        due = dues.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
      }
    }
    if (st.status !== 'active' || st.dueAt !== null || due === undefined) continue;
    st.dueAt = due;
    if (byParty) st.dueByParty = byParty;
    else delete st.dueByParty;
    if (results[key(st, 'due') + DUE_PROJECTED_SUFFIX]) st.dueProjected = true;
    else delete st.dueProjected;
    const spec = idx.leaves.get(id)!.spec;
    const previous = st.deadline;
    if (spec.type !== 'timer' && spec.deadline) {
      const started = Date.parse(st.startedAt!);
      const offset = (k: string) => Math.max(0, Date.parse(results[key(st, k)] ?? st.startedAt!) - started);
      const remind = (spec.deadline.remindBefore ?? []).map((_, i) => offset(`r${i}`));
      const escalate = spec.deadline.escalateAfter
        ? spec.deadline.escalateAfter.map((_, i) => offset(`e${i}`))
        : [0];
      st.deadline = {
        remindOffsetsMs: remind,
        escalateOffsetsMs: escalate,
        // A recomputation (a calendar changed) keeps what was already sent.
        remindersSent: remind.map((_, i) => previous?.remindersSent[i] ?? false),
        escalationsSent: escalate.map((_, i) => previous?.escalationsSent[i] ?? false),
      };
    }
    e.state.rev++;
  }
}

/** The unit counted in a chamber's days. */
const CHAMBER_UNIT = { 'house-of-commons': 'sitting-days', diet: 'diet-days' } as const;

/**
 * A chamber's calendar changed (a prorogation, dissolution or session was recorded or removed): active steps
 * whose due time counts that chamber's days forget it, so the next computeDues counts again on the new
 * calendar. Reminders and escalations already sent stay sent. Returns the ids reset.
 */
export function resetCalendarDues(e: Engine, chamber: keyof typeof CHAMBER_UNIT, now: string): string[] {
  if (e.state.status !== 'running') return [];
  const unit = CHAMBER_UNIT[chamber];
  if (!unit) return [];
  const idx = indexOf(e.def);
  const reset: string[] = [];
  for (const id of idx.order) {
    const st = e.state.steps[id]!;
    if (st.status !== 'active' || (st.dueAt === null && !st.dueError)) continue;
    const spec = idx.leaves.get(id)!.spec;
    const span = spec.type === 'timer' ? spec.wait : spec.deadline?.within;
    if (span?.unit !== unit) continue;
    st.dueAt = null;
    st.dueError = null;
    reset.push(id);
    note(
      e.state,
      now,
      'due-recomputed',
      id,
      `The ${chamber === 'diet' ? 'Diet' : 'House of Commons'} calendar changed: "${spec.title}" is due again on the new calendar`,
    );
  }
  if (reset.length) e.state.rev++;
  return reset;
}

/** Due computation failed for good: the step stays active without a due time (a coordinator can act). */
export function failDues(e: Engine, requests: DueRequest[], message: string): void {
  for (const r of requests) {
    const id = r.key.slice(0, r.key.lastIndexOf('#'));
    const st = e.state.steps[id];
    if (st && st.status === 'active' && st.dueAt === null) st.dueError = message;
  }
  e.state.rev++;
}

/** `PARTY:role` keys of the roles that could act now on an active step, pending parties only. */
export function awaitedRoles(e: Engine, id: string): string[] {
  const spec = indexOf(e.def).leaves.get(id)!.spec;
  const st = e.state.steps[id]!;
  return stepParties(spec).flatMap((p: Party) =>
    awaitedRolesOf(spec, st, p).map((r) => awaitingRoleKey(p, r)),
  );
}

function instants(st: StepState): { reminders: number[]; escalations: number[] } {
  if (!st.deadline || !st.dueAt) return { reminders: [], escalations: [] };
  const due = Date.parse(st.dueAt);
  return {
    reminders: st.deadline.remindOffsetsMs.map((o) => due - o),
    escalations: st.deadline.escalateOffsetsMs.map((o) => due + o),
  };
}

/** Fires whatever is due at `now`: timers, reminders, escalations. */
export function tick(e: Engine, now: string): void {
  if (e.state.status !== 'running') return;
  const t = Date.parse(now);
  const idx = indexOf(e.def);
  for (const id of idx.order) {
    const st = e.state.steps[id]!;
    if (st.status !== 'active') continue;
    const spec = idx.leaves.get(id)!.spec;
    if (spec.type === 'timer') {
      if (st.dueAt !== null && Date.parse(st.dueAt) <= t) {
        note(e.state, now, 'timer-fired', id, `Timer "${spec.title}" elapsed`);
        completeStep(e, id, now, null, `Step "${spec.title}" completed`);
        if (e.state.status !== 'running') return;
      }
      continue;
    }
    const { reminders, escalations } = instants(st);
    reminders.forEach((at, i) => {
      if (st.deadline!.remindersSent[i] || at > t) return;
      st.deadline!.remindersSent[i] = true;
      remind(e, id, now, 'reminder', `Reminder: "${spec.title}" is due ${st.dueAt}`);
    });
    escalations.forEach((at, i) => {
      if (st.deadline!.escalationsSent[i] || at > t) return;
      st.deadline!.escalationsSent[i] = true;
      const waiting = awaitedRoles(e, id);
      e.state.outbox.push({
        kind: 'escalation',
        processId: e.state.processId,
        processTitle: e.state.title,
        stepId: id,
        stepTitle: spec.title,
        recipients: ['coordinator'],
        dueAt: st.dueAt,
        text: `Overdue since ${st.dueAt}: "${spec.title}" still waits on ${waiting.join(', ') || 'nobody'}`,
      });
      note(
        e.state,
        now,
        'escalation',
        id,
        `Escalated to coordinators: "${spec.title}" overdue (due ${st.dueAt})`,
        {
          data: { awaiting: waiting.join(',') },
        },
      );
    });
  }
}

/** Queues a reminder to the awaited roles of an active step and records it. */
export function remind(e: Engine, id: string, now: string, kind: 'reminder' | 'nudge', text: string): void {
  const spec = indexOf(e.def).leaves.get(id)!.spec;
  const recipients = awaitedRoles(e, id);
  if (recipients.length === 0) return;
  e.state.outbox.push({
    kind,
    processId: e.state.processId,
    processTitle: e.state.title,
    stepId: id,
    stepTitle: spec.title,
    recipients,
    dueAt: e.state.steps[id]!.dueAt,
    text,
  });
  if (kind === 'reminder') note(e.state, now, 'reminder', id, `Reminder sent to ${recipients.join(', ')}`);
}

/** The next instant something fires (ms since epoch), or null. */
export function nextWakeAt(e: Engine): number | null {
  if (e.state.status !== 'running') return null;
  let next: number | null = null;
  const consider = (t: number) => (next = next === null ? t : Math.min(next, t));
  for (const st of Object.values(e.state.steps)) {
    if (st.status !== 'active' || st.dueAt === null) continue;
    if (!st.deadline) {
      if (indexOf(e.def).leaves.get(st.id)!.spec.type === 'timer') consider(Date.parse(st.dueAt));
      continue;
    }
    const { reminders, escalations } = instants(st);
    reminders.forEach((at, i) => !st.deadline!.remindersSent[i] && consider(at));
    escalations.forEach((at, i) => !st.deadline!.escalationsSent[i] && consider(at));
  }
  return next;
}

/** A new due time: reminders/escalations still ahead fire again relative to it; past ones stay sent. */
export function setDue(e: Engine, id: string, dueAt: string, now: string): void {
  const st = e.state.steps[id]!;
  st.dueAt = dueAt;
  st.dueError = null;
  delete st.dueProjected; // a date a coordinator set is not computed
  delete st.dueByParty; // one date for every side, set by a coordinator
  if (st.deadline) {
    const t = Date.parse(now);
    const { reminders, escalations } = instants(st);
    st.deadline.remindersSent = reminders.map((at) => at <= t);
    st.deadline.escalationsSent = escalations.map((at) => at <= t);
  }
  e.state.rev++;
}
