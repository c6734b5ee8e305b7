/**
 * What GET /inbox/withdrawn reads of a process, kept by the workflow in its memo (`WITHDRAWN_MEMO`) beside the
 * view and forecast memos (./view-memo.ts, ./forecast-memo.ts), so the notices of a visibility listing are
 * built without a Query per process (and without decoding the larger view memo).
 *
 * A notice (apps/api/src/inbox/inbox-items.ts withdrawnNoticesOf) reads, of the view: the process's id, title,
 * definition (what the reader may read of it, and the names in their language) and status, and per waiting
 * step with `withdrawnFrom` and a latest change request: its id, title, `withdrawnFrom`, that change request
 * (with its comment: the reader's scope is applied when the notice is read, as for the Query's view) and the
 * ids and titles of the steps it waits for. This memo is exactly that; `withdrawnViewOf` gives it back as a
 * view that withdrawnNoticesOf answers from as it does from the full one
 * (apps/api/src/inbox/withdrawn-memo.spec.ts: every shipped definition at every state, every reader). A new
 * process has none of these steps: an empty list. Pure (also runs in the workflow sandbox). Bounded: by the
 * definition's steps, comments (4,000 characters) each kept once, and by `WITHDRAWN_MEMO_MAX_BYTES` (past it
 * the workflow removes the field and GET /inbox/withdrawn Queries the process, as for a process started
 * before this memo existed).
 */
import type { ChangeRequestView, ProcessStatus, ProcessView, StepView } from './process-view';
import { utf8Bytes } from './forecast-memo';

/** The memo field; its value is a `WithdrawnMemo`. */
export const WITHDRAWN_MEMO = 'accordWithdrawn';

/** The format's version: readers take a memo of another version as absent (and Query). */
export const WITHDRAWN_MEMO_VERSION = 1;

/**
 * The hard cap on the field's JSON (UTF-8 bytes): past it the workflow leaves the field out. Room for one
 * change request with a comment of the longest length in ASCII (4,000) beside the titles.
 */
export const WITHDRAWN_MEMO_MAX_BYTES = 8192;

/** A waiting step a restarted round took out of inboxes. */
export interface WithdrawnMemoStep {
  id: string;
  title: string;
  /** The `PARTY:role` keys that lost it from their inbox (never empty). */
  withdrawnFrom: string[];
  /** Its latest change request: an index into `WithdrawnMemo.changes`. */
  change: number;
  /** The steps it waits for, `[id, title]` (the title as the view names it, else the id). */
  waitsFor: Array<[id: string, title: string]>;
}

export interface WithdrawnMemo {
  v: typeof WITHDRAWN_MEMO_VERSION;
  title: string;
  definitionId: string;
  definitionVersion: number;
  status: ProcessStatus;
  /** Each change request once (a route back restarts several steps with the same one). */
  changes: ChangeRequestView[];
  /** In view order; empty for a process no round took anything back from. */
  steps: WithdrawnMemoStep[];
}

/** A step a notice may be about (without the time window, which the reader applies). */
function withdrawnStep(s: StepView): boolean {
  return s.status === 'waiting' && !!s.withdrawnFrom?.length && !!s.latestChangeRequest;
}

/** The memo of a view; null when its JSON would pass `WITHDRAWN_MEMO_MAX_BYTES` (then the reader Queries). */
export function withdrawnMemoOf(view: ProcessView): WithdrawnMemo | null {
  const changes: ChangeRequestView[] = [];
  const known = new Map<string, number>();
  const steps: WithdrawnMemoStep[] = [];
  for (const s of view.steps) {
    if (!withdrawnStep(s)) continue;
    const key = JSON.stringify(s.latestChangeRequest);
    let change = known.get(key);
    if (change === undefined) {
      change = changes.push(s.latestChangeRequest!) - 1;
      known.set(key, change);
    }
    steps.push({
      id: s.id,
      title: s.title,
      withdrawnFrom: s.withdrawnFrom!,
      change,
      waitsFor: (s.waitsFor ?? []).map((id) => [id, view.steps.find((x) => x.id === id)?.title ?? id]),
    });
  }
  const memo: WithdrawnMemo = {
    v: WITHDRAWN_MEMO_VERSION,
    title: view.title,
    definitionId: view.definitionId,
    definitionVersion: view.definitionVersion,
    status: view.status,
    changes,
    steps,
  };
  return utf8Bytes(JSON.stringify(memo)) <= WITHDRAWN_MEMO_MAX_BYTES ? memo : null;
}

const placeholderStep = (id: string, title: string): StepView => ({
  id,
  title,
  type: 'task',
  status: 'waiting',
  dueAt: null,
  startedAt: null,
  completedAt: null,
  outputs: {},
  outputTypes: {},
  parties: {},
  round: 1,
  parallel: null,
});

/**
 * A view for the notices only (GET /processes/{id} answers the real one): the process `id` as its memo has
 * it, the withdrawn steps, and the steps they wait for by title; placeholders where notices read nothing.
 */
export function withdrawnViewOf(id: string, memo: WithdrawnMemo): ProcessView {
  const steps: StepView[] = memo.steps.map((s) => ({
    ...placeholderStep(s.id, s.title),
    round: memo.changes[s.change]!.round,
    latestChangeRequest: memo.changes[s.change]!,
    withdrawnFrom: s.withdrawnFrom,
    waitsFor: s.waitsFor.map(([w]) => w),
  }));
  const present = new Set(steps.map((s) => s.id));
  for (const s of memo.steps) {
    for (const [w, title] of s.waitsFor) {
      if (present.has(w)) continue;
      present.add(w);
      // Only its title is read (no `withdrawnFrom`: never a notice of its own).
      steps.push(placeholderStep(w, title));
    }
  }
  return {
    id,
    title: memo.title,
    definitionId: memo.definitionId,
    definitionVersion: memo.definitionVersion,
    definitionTitle: memo.definitionId,
    status: memo.status,
    businessKey: null,
    initiativeId: null,
    parameters: {},
    initiator: { sub: '', name: '' },
    startedAt: '',
    closedAt: null,
    outcome: null,
    lastProgressAt: '',
    dueTimesPending: false,
    steps,
  };
}

function isWithdrawnMemo(m: unknown): m is WithdrawnMemo {
  const o = m as Partial<WithdrawnMemo> | null;
  return (
    !!o &&
    o.v === WITHDRAWN_MEMO_VERSION &&
    typeof o.title === 'string' &&
    typeof o.definitionId === 'string' &&
    typeof o.definitionVersion === 'number' &&
    typeof o.status === 'string' &&
    Array.isArray(o.changes) &&
    o.changes.every((c) => !!c && typeof c === 'object' && typeof c.at === 'string') &&
    Array.isArray(o.steps) &&
    o.steps.every(
      (s) =>
        !!s &&
        typeof s.id === 'string' &&
        typeof s.title === 'string' &&
        Array.isArray(s.withdrawnFrom) &&
        Array.isArray(s.waitsFor) &&
        Number.isInteger(s.change) &&
        s.change >= 0 &&
        s.change < o.changes!.length,
    )
  );
}

/**
 * The view the notices need, from a listed execution's decoded memo; null when the field is missing (a
 * process started before this memo, or past the cap) or of another version: Query that process.
 */
export function withdrawnViewFromMemo(
  id: string,
  memo: Record<string, unknown> | undefined | null,
): ProcessView | null {
  const wm = memo?.[WITHDRAWN_MEMO];
  return isWithdrawnMemo(wm) ? withdrawnViewOf(id, wm) : null;
}
