/**
 * The process view as people read it: the engine's view plus, per awaited party, the people who can act now
 * (directory names and organisations, delegates included), every due time as a local date and time in each
 * party's capital, and a "now / next / waiting on" summary. Pure: the directory and delegations are inputs.
 */
import { TIME_ZONES, toZoned } from '../../../../libs/calendars/src';
import { PARTIES, type Party } from '../../../../libs/contracts/src/definition';
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import type {
  LocalDue,
  ProcessSummaryText,
  ProcessView,
  StepView,
} from '../../../../libs/contracts/src/process-view';
import type { DirectoryUser } from '../../../../libs/directory/src/directory';
import { holdersOf } from '../../../../libs/directory/src/who-acts';

export interface People {
  users: DirectoryUser[];
  delegations: Delegation[];
}

/** An instant as the date and time on the wall clocks of `party`'s capital. */
export function localDue(iso: string, party: Party): LocalDue {
  const timeZone = TIME_ZONES[party];
  const z = toZoned(Date.parse(iso), timeZone);
  const minutes = Math.floor(z.msOfDay / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return { date: z.date, time: `${hh}:${mm}`, timeZone };
}

export function dueLocalOf(dueAt: string | null): Partial<Record<Party, LocalDue>> | null {
  if (!dueAt) return null;
  return Object.fromEntries(PARTIES.map((p) => [p, localDue(dueAt, p)]));
}

export function stepForPeople(step: StepView, people: People, now = Date.now()): StepView {
  const parties: StepView['parties'] = {};
  for (const [party, pv] of Object.entries(step.parties ?? {}) as Array<
    [Party, NonNullable<StepView['parties'][Party]>]
  >) {
    parties[party] = { ...pv, holders: holdersOf(step, party, people.users, people.delegations, now) };
  }
  return { ...step, parties, dueLocal: dueLocalOf(step.dueAt) };
}

const quoted = (s: StepView) => `"${s.title}"`;

function whoOn(step: StepView): string[] {
  const out: string[] = [];
  for (const [party, pv] of Object.entries(step.parties ?? {}) as Array<
    [Party, NonNullable<StepView['parties'][Party]>]
  >) {
    if (!pv.awaitedRoles?.length) continue;
    const holders = pv.holders ?? [];
    const who = holders.length
      ? holders
          .map((h) => `${h.name} (${h.org}${h.onBehalfOf ? `, for ${h.onBehalfOf.name}` : ''})`)
          .join(', ')
      : `someone holding ${pv.awaitedRoles.join(' or ')}`;
    out.push(`${party}: ${who} on ${quoted(step)}`);
  }
  return out;
}

/** "Now / next / waiting on", from a view whose steps already carry their holders. */
export function summaryOf(view: ProcessView): ProcessSummaryText {
  const byId = new Map(view.steps.map((s) => [s.id, s]));
  if (view.status !== 'running') {
    const when = view.closedAt ? ` on ${view.closedAt.slice(0, 10)}` : '';
    const why = view.outcome?.reason ? `: ${view.outcome.reason}` : '';
    return { now: [], next: [], waitingOn: [], text: `The process ${view.status}${when}${why}.` };
  }
  const active = view.steps.filter((s) => s.status === 'active');
  const now = active.map((s) => s.title);
  const next = (view.nextStepIds ?? []).map((id) => byId.get(id)?.title ?? id);
  const waitingOn = active.flatMap((s) => {
    if (s.type === 'timer') {
      const due = s.dueLocal?.JP && s.dueLocal?.CA;
      return [
        `the timer ${quoted(s)}` +
          (due ? ` (until ${s.dueLocal!.JP!.date} in Tokyo, ${s.dueLocal!.CA!.date} in Ottawa)` : ''),
      ];
    }
    return whoOn(s);
  });
  const parts = [
    `Now: ${now.length ? now.join('; ') : 'nothing is active'}.`,
    next.length ? `Next: ${next.join('; ')}.` : 'Next: the process ends.',
    waitingOn.length ? `Waiting on ${waitingOn.join('; ')}.` : '',
  ];
  return { now, next, waitingOn, text: parts.filter(Boolean).join(' ') };
}

export function viewForPeople(view: ProcessView, people: People, now = Date.now()): ProcessView {
  const steps = view.steps.map((s) => stepForPeople(s, people, now));
  const withPeople = { ...view, steps };
  return { ...withPeople, summary: summaryOf(withPeople) };
}
