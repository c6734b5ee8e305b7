/**
 * The interpreter workflow: a thin shell around the pure engine (./engine). It owns what needs Temporal:
 * Update/Query handlers, durable waiting (timers, deadlines), activities (due times, notifications),
 * search attributes and continue-as-new. Step semantics live in the engine, unit-tested without Temporal.
 *
 * Versioning convention: a running process replays this code, so a change that alters the commands it
 * issues (activities, timers, search-attribute upserts, their order) must be guarded:
 *   if (patched('accord-<yyyymmdd>-<what>')) { new behaviour } else { old behaviour }
 * and, once no process started before the change is running, `deprecatePatched(id)` and later removal.
 * Call `patched()` in the run's first activation (beside `rulesFor`) and keep the answer: a patch first
 * checked after an await can replay in another workflow task than it ran in (`memoFromStart` says why).
 * Every such change is replay-tested against test/histories (npm run histories:record for new ones).
 */
import {
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  log,
  makeContinueAsNewFunc,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  cancelUpdate,
  completeUpdate,
  decideUpdate,
  moveDeadlineUpdate,
  nudgeUpdate,
  reassignUpdate,
  startedUpdate,
  stateQuery,
  timelinePageQuery,
  timelineQuery,
  waiveTimerUpdate,
  type ProcessInput,
  type TimelinePage,
  type TimelinePageRequest,
} from '../libs/contracts/src/messages';
import { calendarChangedSignal } from '../libs/contracts/src/calendar-events';
import type { ProcessView, StepView } from '../libs/contracts/src/process-view';
import { searchAttributePairs } from '../libs/contracts/src/search-attributes';
import { VIEW_MEMO, memoViewOf } from '../libs/contracts/src/view-memo';
import { FORECAST_MEMO, forecastMemoOf, forecastReads } from '../libs/contracts/src/forecast-memo';
import { WITHDRAWN_MEMO, withdrawnMemoOf } from '../libs/contracts/src/withdrawn-memo';
import * as engine from './engine';

/** Continue as new past this many events unless the input says otherwise (or the server suggests it). */
export const DEFAULT_HISTORY_LIMIT = 2000;

/** The largest timeline page one Query answers. */
export const MAX_TIMELINE_PAGE = 500;

/**
 * Due times are a pure, fast computation on the calendars shipped with the worker: a local activity
 * (one marker event, no extra workflow task) rather than a scheduled one (three events and a task).
 */
const { computeDues } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumAttempts: 3,
    nonRetryableErrorTypes: ['INVALID_INPUT'],
  },
});

const { notify } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    maximumAttempts: 10,
    nonRetryableErrorTypes: ['INVALID_INPUT', 'NOTIFY_CONFIG'],
  },
});

interface Carried {
  state: engine.EngineState;
  search: engine.SearchValues | null;
}

const nowIso = () => new Date().toISOString();

function fail(e: engine.EngineError): never {
  throw ApplicationFailure.create({
    type: e.code,
    message: e.message,
    nonRetryable: true,
    ...(e.details ? { details: [e.details] } : {}),
  });
}

/** The engine's rules: the current ones, unless this run replays a history recorded before them. */
function rulesFor(input: ProcessInput): engine.EngineRules {
  if (!patched('accord-20261202-trust')) return engine.LEGACY_RULES;
  // Diet days as a legal wait (the waiver names the authority): not for processes started before it.
  return engine.currentRules(input.limits, patched('accord-20261202-diet-waiver'));
}

export async function processWorkflow(input: ProcessInput): Promise<ProcessView> {
  const carried = input.carried as Carried | undefined;
  const rules = rulesFor(input);
  // Whether this run keeps the inbox memo, decided in its first activation like the rules. A patch first
  // checked later can replay in another workflow task than it ran in (a Query that arrives while a local
  // activity runs splits the task), and core tells the workflow about a task's markers only when that task
  // replays: patched() then answers false and the recorded marker has no command (TMPRL1100).
  const memoFromStart = patched('accord-20261202-view-memo-at-start');
  // Whether it keeps the forecast memo beside the view memo (what the forecast reads, for the summary's
  // roll-up without a Query per process), decided in the same first activation for the same reason.
  const forecastMemo = patched('accord-20261202-forecast-memo') ? forecastReads(input.definition) : null;
  // Whether it keeps the withdrawn memo too (what GET /inbox/withdrawn reads, without a Query per process),
  // decided in the same first activation for the same reason.
  const withdrawnMemo = patched('accord-20261202-withdrawn-memo');
  // The first due times the API computed (input-driven: absent from every earlier input, so their
  // histories replay as before). The process starts at their instant and settles from them.
  let first = carried ? null : engine.readFirstDues(input.firstDues);
  const e: engine.Engine = carried
    ? engine.restore(input.definition, carried.state, rules)
    : engine.createEngine(input.definition, input, first?.at ?? nowIso(), rules);
  let upserted: engine.SearchValues | null = carried?.search ?? null;
  const sending: Promise<void>[] = [];

  type Requested = { requestId?: string; stepId?: string | null; principal: { sub: string } };
  /**
   * Registers an Update: the synchronous validator rejects before anything is written to history; the
   * handler validates again (another Update may have moved the state) and applies it. A known request
   * (same caller, action, step and requestId) answers as the first time and changes nothing.
   */
  function update<I extends Requested, R extends ProcessView | StepView>(
    def: { name: string },
    answers: engine.AnswerKind,
    validate: (e: engine.Engine, i: I) => engine.EngineError | null,
    apply: (e: engine.Engine, i: I, now: string) => R,
  ) {
    const keyOf = (i: I) =>
      engine.requestKey(e, {
        requestId: i?.requestId,
        action: def.name,
        caller: i?.principal?.sub,
        stepId: i?.stepId,
      });
    const handler = (i: I): R => {
      const key = keyOf(i);
      const seen = engine.recall(e.state, key);
      if (seen.hit) return engine.answerOf(e, seen.result) as R;
      const bad = validate(e, i);
      if (bad) fail(bad);
      const result = apply(e, i, nowIso());
      engine.remember(e, key, result, answers);
      // A sink call, not a command (and not repeated on replay): one JSON line in the worker's log.
      log.info(`${def.name} applied`, { step: i?.stepId ?? null, by: i?.principal?.sub, rev: e.state.rev });
      return result;
    };
    const validator = (i: I): void => {
      const p = (i as { principal?: { sub?: unknown; party?: unknown; roles?: unknown } } | null)?.principal;
      if (!p || typeof p.sub !== 'string' || typeof p.party !== 'string' || !Array.isArray(p.roles)) {
        fail({ code: 'INVALID_INPUT', message: 'An Update needs a principal with sub, party and roles' });
      }
      if (engine.recall(e.state, keyOf(i)).hit) return;
      const bad = validate(e, i);
      if (bad) fail(bad);
    };
    // setHandler's overloads are per definition type; the pairs above are checked at each call site.
    (setHandler as (d: unknown, h: unknown, o: unknown) => void)(def, handler, { validator });
  }

  update(decideUpdate, 'step', engine.validateDecide, engine.applyDecide);
  update(completeUpdate, 'step', engine.validateComplete, engine.applyComplete);
  update(cancelUpdate, 'process', engine.validateCancel, engine.applyCancel);
  update(moveDeadlineUpdate, 'step', engine.validateMoveDeadline, engine.applyMoveDeadline);
  update(waiveTimerUpdate, 'step', engine.validateWaiveTimer, engine.applyWaiveTimer);
  update(nudgeUpdate, 'process', engine.validateNudge, engine.applyNudge);
  update(reassignUpdate, 'step', engine.validateReassign, engine.applyReassign);
  // A chamber's calendar changed: the due times counted in its days are computed again (new behaviour only
  // when the signal arrives, which no recorded history holds).
  setHandler(calendarChangedSignal, (s) => {
    if (s?.chamber === 'house-of-commons' || s?.chamber === 'diet')
      engine.resetCalendarDues(e, s.chamber, nowIso());
  });
  /**
   * The first settled view (steps active, due times computed), for the API's update-with-start when it
   * could not compute the first due times itself (no `firstDues`). It only reads; a process started before
   * it existed never receives it, so no history changes.
   */
  let settled = false;
  setHandler(
    startedUpdate,
    async () => {
      await condition(() => settled);
      return engine.processView(e);
    },
    { validator: () => undefined },
  );
  setHandler(stateQuery, () => engine.processView(e));
  setHandler(timelineQuery, () => e.state.timeline);
  setHandler(timelinePageQuery, (req: TimelinePageRequest): TimelinePage => {
    const earlierRuns = e.state.earlierRuns ?? [];
    const runStart = earlierRuns.reduce((n, r) => n + r.entries, 0);
    const from = Math.max(0, Math.floor(Number(req?.from) || 0));
    const limit = Math.min(MAX_TIMELINE_PAGE, Math.max(0, Math.floor(Number(req?.limit) || 0)));
    const entries = from >= runStart ? e.state.timeline.slice(from - runStart, from - runStart + limit) : [];
    return { entries, runStart, total: runStart + e.state.timeline.length, earlierRuns };
  });

  /** Sends queued notifications in one activity call, without holding up the process. */
  function flushOutbox(): void {
    if (e.state.outbox.length === 0) return;
    const batch = e.state.outbox.splice(0);
    sending.push(
      notify(batch).then(
        () => undefined,
        (err) =>
          log.warn('notification failed for good', {
            processId: e.state.processId,
            step: batch.map((n) => n.stepId).join(',') || null,
            error: String(err),
          }),
      ),
    );
  }

  /** Upserts only the search attributes whose value changed since the last upsert. */
  function syncSearchAttributes(): void {
    const now = engine.searchValues(e);
    const pairs = searchAttributePairs(engine.changedSearchValues(now, upserted));
    if (pairs.length) upsertSearchAttributes(pairs);
    upserted = now;
    syncInboxMemo();
  }

  /**
   * Keeps the memo the inbox reads (libs/contracts/src/view-memo.ts) equal to the view, next to the search
   * attributes, so the inbox is a visibility listing without a Query per process. Only when it changed.
   * A new command: processes that ran before it replay without it. Runs started before `memoFromStart`
   * decide at their first upsert, as they did when they ran (`accord-20261202-view-memo`). With
   * `forecastMemo`, the forecast memo (libs/contracts/src/forecast-memo.ts) goes in the same upsert, and with
   * `withdrawnMemo` the withdrawn memo (libs/contracts/src/withdrawn-memo.ts); past its cap, each is removed
   * (readers then Query the process).
   */
  let memoOn: boolean | null = memoFromStart ? true : null;
  let memoed: string | null = null;
  function syncInboxMemo(): void {
    memoOn ??= patched('accord-20261202-view-memo');
    if (!memoOn) return;
    const view = engine.processView(e);
    const fields: Record<string, unknown> = { [VIEW_MEMO]: memoViewOf(view) };
    // Undefined removes the field (JSON.stringify leaves it out of the comparison).
    if (forecastMemo) fields[FORECAST_MEMO] = forecastMemoOf(view, forecastMemo) ?? undefined;
    if (withdrawnMemo) fields[WITHDRAWN_MEMO] = withdrawnMemoOf(view) ?? undefined;
    const json = JSON.stringify(fields);
    if (json === memoed) return;
    upsertMemo(fields);
    memoed = json;
  }

  async function computeDueTimes(): Promise<void> {
    const requests = engine.dueRequests(e);
    if (requests.length === 0) return;
    try {
      engine.applyDues(e, await computeDues(requests));
    } catch (err) {
      log.warn('due time computation failed', {
        processId: e.state.processId,
        step: requests.map((r) => r.key).join(',') || null,
        error: String(err),
      });
      engine.failDues(e, requests, String((err as Error)?.message ?? err));
    }
  }

  /**
   * One durable timer for the next instant something fires (timer step, reminder, escalation). It is kept
   * across Updates while that instant stays the same, and replaced only when it changes: fewer events.
   */
  let alarm: { at: number; rang: boolean; scope: CancellationScope } | null = null;
  function setAlarm(at: number | null): void {
    if (alarm && !alarm.rang && alarm.at === at) return;
    if (alarm && !alarm.rang) alarm.scope.cancel();
    alarm = null;
    if (at === null) return;
    const next = { at, rang: false, scope: new CancellationScope() };
    next.scope
      .run(() => sleep(Math.max(1, at - Date.now())))
      .then(
        () => (next.rang = true),
        () => undefined, // replaced by a newer alarm
      );
    alarm = next;
  }

  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  while (e.state.status === 'running') {
    // Settling from the API's first due times (engine/first.ts settleNew, the same rounds at the same
    // instant); one missing falls back to the activity.
    const given = first && engine.givenDues(engine.dueRequests(e), first.dues);
    if (given) engine.applyDues(e, given);
    else {
      first = null;
      await computeDueTimes();
    }
    engine.tick(e, first?.at ?? nowIso());
    // A timer that fired may have activated another one that needs its due time first.
    if (e.state.status === 'running' && engine.dueRequests(e).length > 0) continue;
    first = null;
    flushOutbox();
    syncSearchAttributes();
    if (e.state.status !== 'running') break;
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > historyLimit) {
      settled = true;
      await condition(allHandlersFinished);
      if (e.state.status === 'running') {
        await Promise.all(sending);
        syncSearchAttributes();
        const next: Carried = { state: engine.carry(e, info.runId), search: upserted };
        // Search attributes go along explicitly, so `upserted` stays true in the next run.
        await makeContinueAsNewFunc<typeof processWorkflow>({
          typedSearchAttributes: workflowInfo().typedSearchAttributes,
          // The inbox memo too, so the next run is listed with it before its first upsert.
          ...(memoOn ? { memo: workflowInfo().memo } : {}),
        })({ ...input, carried: next, firstDues: undefined });
      }
      break;
    }
    settled = true;
    const rev = e.state.rev;
    setAlarm(engine.nextWakeAt(e));
    await condition(() => e.state.rev !== rev || alarm?.rang === true);
  }
  // Closed: let in-flight Updates answer and notifications go, then report the final view.
  settled = true;
  await condition(allHandlersFinished);
  flushOutbox();
  syncSearchAttributes();
  await Promise.all(sending);
  return engine.processView(e);
}
