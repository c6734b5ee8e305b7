/**
 * Each building block of the definition format, driven on the real Temporal server through the shared
 * worker (ACCORD_DAY_LENGTH=1s), with small inline definitions (fixtures.ts).
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  cancelUpdate,
  moveDeadlineUpdate,
  nudgeUpdate,
  reassignUpdate,
  waiveTimerUpdate,
} from '../../libs/contracts/src/messages';
import { SA } from '../../libs/contracts/src/search-attributes';
import { computeDue } from '../../libs/calendars/src';
import type { ProcessView } from '../../libs/contracts/src/process-view';
import { closeTestClientAfterAll } from '../support/temporal-client';
import { fixtures, people } from './fixtures';
import { complete, decide, errorCode, eventually, startProcess, step, timeline, view } from './support';

closeTestClientAfterAll();

describe('approval rules', () => {
  it('`all` per role and `any`; search attributes follow the awaited roles', async () => {
    const h = await startProcess(fixtures.approvalAll);
    await decide(h, people.jpClb, 'legal');
    const sa = await eventually(
      () => h.describe(),
      (d) => (d.typedSearchAttributes.get(SA.awaitingRoles) ?? []).includes('JP:jp-mofa-treaties'),
    );
    expect(sa.typedSearchAttributes.get(SA.awaitingRoles)).toEqual([
      'CA:ca-gac-treaty-law',
      'CA:ca-justice-legal',
      'JP:jp-mofa-treaties',
    ]);
    expect(sa.typedSearchAttributes.get(SA.status)).toBe('running');
    expect(sa.typedSearchAttributes.get(SA.definitionId)).toBe('test-approval-all');
    await decide(h, people.caLaw, 'legal');
    const last = await decide(h, people.jpTreaties, 'legal');
    expect(last.status).toBe('completed');
    const result: ProcessView = await h.result();
    expect(result.status).toBe('completed');
    const d = await h.describe();
    expect(d.typedSearchAttributes.get(SA.status)).toBe('completed');
    expect(d.typedSearchAttributes.get(SA.progressPct)).toBe(100);
    expect(d.typedSearchAttributes.get(SA.awaitingRoles)).toBeUndefined();
  });

  it('quorum: two approvers of one party deciding at the same moment are both counted', async () => {
    const h = await startProcess(fixtures.quorum);
    const [a, b] = await Promise.all([
      decide(h, people.jpMeti, 'review'),
      decide(h, people.jpMofa, 'review'),
    ]);
    expect([a.status, b.status]).toEqual(['active', 'active']);
    const s = await step(h, 'review');
    expect(s.parties.JP!.status).toBe('done');
    expect(s.parties.JP!.decisions.map((x) => x.by).sort()).toEqual(['jp-meti', 'jp-mofa']);
    await decide(h, people.caNeg, 'review');
    expect((await h.result()).status).toBe('completed');
  });

  it('the same person twice at the same moment counts once', async () => {
    const h = await startProcess(fixtures.quorum);
    const settled = await Promise.allSettled([
      decide(h, people.jpMeti, 'review'),
      decide(h, people.jpMeti, 'review'),
    ]);
    expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = settled.find((s) => s.status === 'rejected')!;
    expect(await errorCode(Promise.reject((rejected as PromiseRejectedResult).reason))).toBe(
      'ALREADY_DECIDED',
    );
    expect((await step(h, 'review')).parties.JP!.decisions).toHaveLength(1);
    await h.terminate('test over');
  });
});

describe('reject and request changes', () => {
  it('reject → end: the process is rejected', async () => {
    const h = await startProcess(fixtures.review);
    await complete(h, people.jpNeg, 'draft', { ref: 'D-1' });
    await decide(h, people.caNeg, 'text', 'reject', { comment: 'Out of scope' });
    const result: ProcessView = await h.result();
    expect(result.status).toBe('rejected');
    expect(result.outcome).toMatchObject({ reason: 'Out of scope', stepId: 'text' });
  });

  it('reject → goto: routes back to the named step', async () => {
    const h = await startProcess(fixtures.rejectGoto);
    await complete(h, people.caNeg, 'draft');
    await decide(h, people.jpNeg, 'text', 'reject', { comment: 'Redo' });
    expect((await step(h, 'draft')).status).toBe('active');
    expect(await errorCode(decide(h, people.jpNeg, 'text'))).toBe('STEP_NOT_ACTIVE');
    await complete(h, people.caNeg, 'draft');
    await decide(h, people.jpNeg, 'text');
    await decide(h, people.caNeg, 'text');
    const result: ProcessView = await h.result();
    expect(result.status).toBe('completed');
    expect(result.steps.find((s) => s.id === 'text')!.round).toBe(2);
  });

  it('request changes goes back for a new round; past maxRounds the process is rejected', async () => {
    const h = await startProcess(fixtures.review);
    await complete(h, people.jpNeg, 'draft', { ref: 'D-1' });
    await decide(h, people.jpNeg, 'text', 'request-changes', { comment: 'Article 3' });
    expect(await errorCode(decide(h, people.caNeg, 'text', 'request-changes'))).toBe('STEP_NOT_ACTIVE');
    await complete(h, people.jpNeg, 'draft', { ref: 'D-2' });
    expect((await step(h, 'text')).round).toBe(2);
    expect(await errorCode(decide(h, people.caNeg, 'text', 'request-changes'))).toBe('COMMENT_REQUIRED');
    await decide(h, people.caNeg, 'text', 'request-changes', { comment: 'Still Article 3' });
    const result: ProcessView = await h.result();
    expect(result.status).toBe('rejected');
    expect(result.outcome!.reason).toContain('Round limit');
  });
});

describe('tasks', () => {
  it('validates typed outputs, records valid ones', async () => {
    const h = await startProcess(fixtures.task);
    const good = { signedOn: '2026-01-27', signatories: 2, place: 'Ottawa', treatyRef: 'E105123' };
    expect(await errorCode(complete(h, people.jpNeg, 'sign', { ...good, signedOn: '27 Jan' }))).toBe(
      'INVALID_OUTPUTS',
    );
    expect(await errorCode(complete(h, people.jpNeg, 'sign', { ...good, signatories: 'two' }))).toBe(
      'INVALID_OUTPUTS',
    );
    expect(await errorCode(complete(h, people.jpClb, 'sign', good))).toBe('NOT_ELIGIBLE');
    expect(await errorCode(decide(h, people.jpNeg, 'sign'))).toBe('WRONG_STEP_TYPE');
    expect(await errorCode(decide(h, people.jpNeg, 'nope'))).toBe('STEP_NOT_FOUND');
    const s = await complete(h, people.caNeg, 'sign', good);
    expect(s.outputs).toEqual(good);
    expect((await h.result()).status).toBe('completed');
  });
});

describe('timers', () => {
  it('waits the given seconds, then activates the next step', async () => {
    const h = await startProcess(fixtures.timerSeconds, { seconds: 2 });
    const t0 = Date.now();
    const wait = await eventually(
      () => step(h, 'wait'),
      (s) => s.dueAt !== null,
    );
    expect(Date.parse(wait.dueAt!) - Date.parse(wait.startedAt!)).toBe(2000);
    await eventually(
      () => step(h, 'ok'),
      (s) => s.status === 'active',
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1500);
    expect((await timeline(h)).map((t) => t.kind)).toContain('timer-fired');
    await decide(h, people.jpNeg, 'ok');
    expect((await h.result()).status).toBe('completed');
  });

  it('a timer until a past date fires at once and the next timer still gets its due time', async () => {
    const h = await startProcess(fixtures.timerChain);
    const result: ProcessView = await h.result();
    expect(result.status).toBe('completed');
    expect(result.steps.map((s) => s.dueAt)).toEqual(['2025-01-15T00:00:00.000Z', expect.any(String)]);
  });

  it('business days on the compressed calendar (1 day = 1 s)', async () => {
    const h = await startProcess(fixtures.timerBusinessDays);
    const s = await eventually(
      () => step(h, 'wait'),
      (x) => x.dueAt !== null,
    );
    // Two JP business days counted on the real calendar (weekends, holidays), then scaled to 1 day = 1 s.
    const expected = computeDue(
      new Date(s.startedAt!),
      { amount: 2, unit: 'business-days', calendar: 'JP' },
      { dayLengthMs: 1000 },
    );
    expect(s.dueAt).toBe(expected.toISOString());
    expect(Date.parse(s.dueAt!) - Date.parse(s.startedAt!)).toBeGreaterThanOrEqual(2000);
    expect(
      await errorCode(
        h.executeUpdate(waiveTimerUpdate, {
          args: [{ principal: people.coordinator, stepId: 'wait', reason: 'x' }],
        }),
      ),
    ).toBe('NOT_WAIVABLE');
    const result: ProcessView = await h.result();
    expect(result.status).toBe('completed');
  });

  it('a coordinator waives a timer with a reason', async () => {
    const h = await startProcess(fixtures.waiver);
    expect(
      await errorCode(
        h.executeUpdate(waiveTimerUpdate, {
          args: [{ principal: people.caParl, stepId: 'sitting', reason: 'x' }],
        }),
      ),
    ).toBe('NOT_COORDINATOR');
    const w = await h.executeUpdate(waiveTimerUpdate, {
      args: [{ principal: people.coordinator, stepId: 'sitting', reason: 'PM exception: urgent treaty' }],
    });
    expect(w.status).toBe('completed');
    expect(w.waiver).toMatchObject({ by: 'coordinator', reason: 'PM exception: urgent treaty' });
    expect((await step(h, 'after')).status).toBe('active');
    await h.executeUpdate(cancelUpdate, {
      args: [{ principal: people.coordinator, reason: 'done testing' }],
    });
  });
});

describe('parallel blocks and conditions', () => {
  it('both branches run, the join waits for both, a false step condition skips', async () => {
    const h = await startProcess(fixtures.parallel);
    let v = await view(h);
    expect(v.steps.filter((s) => s.status === 'active').map((s) => s.id)).toEqual(['jp-submit', 'ca-table']);
    expect(v.steps.find((s) => s.id === 'ca-table')!.parallel).toEqual({ id: 'domestic', branch: 'ca' });
    await complete(h, people.caParl, 'ca-table', { tabledOn: '2026-03-02' });
    await eventually(
      () => step(h, 'ca-legislation'),
      (s) => s.status === 'skipped',
    );
    expect((await step(h, 'notes')).status).toBe('waiting');
    await complete(h, people.jpDiet, 'jp-submit');
    await complete(h, people.jpDiet, 'jp-diet', { approvedOn: '2026-03-05' });
    v = await view(h);
    expect(v.steps.find((s) => s.id === 'notes')!.status).toBe('active');
    await decide(h, people.jpNeg, 'notes');
    await decide(h, people.caNeg, 'notes');
    expect((await h.result()).status).toBe('completed');
  });

  it('a branch whose condition is false is skipped', async () => {
    const h = await startProcess(fixtures.parallel, {
      requiresDietApproval: false,
      requiresImplementingLegislation: true,
    });
    const v = await view(h);
    expect(v.steps.filter((s) => s.status === 'skipped').map((s) => s.id)).toEqual(['jp-submit', 'jp-diet']);
    await complete(h, people.caParl, 'ca-table', { tabledOn: '2026-03-02' });
    await eventually(
      () => step(h, 'ca-legislation'),
      (s) => s.status === 'active',
    );
    await h.executeUpdate(cancelUpdate, { args: [{ principal: people.jpOfficer, reason: 'done testing' }] });
  });
});

describe('deadlines and coordinator actions', () => {
  it('reminds before the deadline and escalates after it', async () => {
    const h = await startProcess(fixtures.deadline);
    const tl = await eventually(
      () => timeline(h),
      (t) => t.filter((x) => x.kind === 'escalation').length === 2,
      15_000,
    );
    const kinds = tl.map((t) => t.kind);
    expect(kinds.indexOf('reminder')).toBeLessThan(kinds.indexOf('escalation'));
    expect(tl.find((t) => t.kind === 'reminder')!.detail).toContain('JP:jp-mofa-negotiator');
    // The notifications went through the notify activity.
    const history = await h.fetchHistory();
    const notifies = history.events!.filter(
      (ev) => ev.activityTaskScheduledEventAttributes?.activityType?.name === 'notify',
    );
    expect(notifies.length).toBeGreaterThanOrEqual(2);
    expect(history.events!.some((ev) => ev.activityTaskFailedEventAttributes)).toBe(false);
    await h.executeUpdate(cancelUpdate, {
      args: [{ principal: people.coordinator, reason: 'done testing' }],
    });
  });

  it('moveDeadline re-arms the timers; nudge and reassign', async () => {
    const h = await startProcess(fixtures.deadline);
    const s0 = await eventually(
      () => step(h, 'sign'),
      (s) => s.dueAt !== null,
    );
    const later = new Date(Date.parse(s0.dueAt!) + 60_000).toISOString();
    expect(
      await errorCode(
        h.executeUpdate(moveDeadlineUpdate, {
          args: [{ principal: people.jpNeg, stepId: 'sign', dueAt: later, reason: 'x' }],
        }),
      ),
    ).toBe('NOT_COORDINATOR');
    const moved = await h.executeUpdate(moveDeadlineUpdate, {
      args: [{ principal: people.coordinator, stepId: 'sign', dueAt: later, reason: 'Diet recess' }],
    });
    expect(moved.dueAt).toBe(later);
    await new Promise((r) => setTimeout(r, 4000));
    const kinds = (await timeline(h)).map((t) => t.kind);
    expect(kinds).toContain('deadline-moved');
    expect(kinds).not.toContain('escalation');
    const nextDue = (await h.describe()).typedSearchAttributes.get(SA.nextDueAt);
    expect(nextDue?.toISOString()).toBe(later);
    await h.executeUpdate(nudgeUpdate, { args: [{ principal: people.coordinator, stepId: 'sign' }] });
    const r = await h.executeUpdate(reassignUpdate, {
      args: [
        {
          principal: people.coordinator,
          stepId: 'sign',
          party: 'JP',
          roles: ['jp-mofa-treaties'],
          reason: 'Negotiator away',
        },
      ],
    });
    expect(r.parties.JP!.roles).toEqual(['jp-mofa-treaties']);
    expect(await errorCode(decide(h, people.jpNeg, 'sign'))).toBe('NOT_ELIGIBLE');
    expect((await timeline(h)).map((t) => t.kind)).toEqual(expect.arrayContaining(['nudged', 'reassigned']));
    await decide(h, people.jpTreaties, 'sign');
    expect((await h.result()).status).toBe('completed');
  });

  it('cancel: not by an approver; by the initiator with a reason', async () => {
    const h = await startProcess(fixtures.review);
    expect(
      await errorCode(h.executeUpdate(cancelUpdate, { args: [{ principal: people.jpNeg, reason: 'x' }] })),
    ).toBe('NOT_COORDINATOR');
    const v = await h.executeUpdate(cancelUpdate, {
      args: [{ principal: people.jpOfficer, reason: 'Superseded by a new text' }],
    });
    expect(v.status).toBe('cancelled');
    const result: ProcessView = await h.result();
    expect(result).toMatchObject({ status: 'cancelled', outcome: { reason: 'Superseded by a new text' } });
    expect(result.steps[0]!.status).toBe('cancelled');
    expect((await h.describe()).typedSearchAttributes.get(SA.status)).toBe('cancelled');
  });
});

describe('duplicates, order, closed processes, continue-as-new', () => {
  it('a repeated request id returns the first answer and counts once', async () => {
    const h = await startProcess(fixtures.quorum);
    const first = await decide(h, people.jpMeti, 'review', 'approve', { requestId: 'req-1' });
    const again = await decide(h, people.jpMeti, 'review', 'approve', { requestId: 'req-1' });
    expect(again).toEqual(first);
    const both = await Promise.all([
      decide(h, people.jpMofa, 'review', 'approve', { requestId: 'req-2' }),
      decide(h, people.jpMofa, 'review', 'approve', { requestId: 'req-2' }),
    ]);
    expect(both[1]).toEqual(both[0]);
    const s = await step(h, 'review');
    expect(s.parties.JP!.decisions).toHaveLength(2);
    expect((await timeline(h)).filter((t) => t.kind === 'decision')).toHaveLength(2);
    await h.terminate('test over');
  });

  it('an Update without a proper principal is INVALID_INPUT', async () => {
    const h = await startProcess(fixtures.quorum);
    expect(await errorCode(decide(h, { sub: 'x' } as never, 'review'))).toBe('INVALID_INPUT');
    await h.terminate('test over');
  });

  it('a decision on a step not yet active is STEP_NOT_ACTIVE', async () => {
    const h = await startProcess(fixtures.review);
    expect(await errorCode(decide(h, people.jpNeg, 'text'))).toBe('STEP_NOT_ACTIVE');
    expect(await errorCode(complete(h, people.caNeg, 'draft', { ref: 'x' }))).toBe('WRONG_PARTY');
    await h.terminate('test over');
  });

  it('a closed process accepts no decision, and still answers its state', async () => {
    const h = await startProcess(fixtures.quorum);
    await h.executeUpdate(cancelUpdate, { args: [{ principal: people.coordinator, reason: 'closing' }] });
    await h.result();
    const err = await decide(h, people.jpMeti, 'review').catch((x: unknown) => x);
    // The server refuses Updates to a closed workflow; the API maps this to PROCESS_CLOSED.
    expect(err).toBeInstanceOf(WorkflowNotFoundError);
    expect(String((err as Error).message)).toMatch(/completed/i);
    expect((await view(h)).status).toBe('cancelled');
  });

  it('continue-as-new keeps state, decisions and idempotency', async () => {
    const h = await startProcess(fixtures.long, {}, { historyLimit: 25 });
    const firstRun = (await h.describe()).runId;
    const first = await complete(h, people.jpNeg, 't1', {}, { requestId: 'can-1' });
    for (let i = 2; i <= 8; i++) await complete(h, people.jpNeg, `t${i}`);
    await eventually(
      () => h.describe(),
      (d) => d.runId !== firstRun,
    );
    expect(await complete(h, people.jpNeg, 't1', {}, { requestId: 'can-1' })).toEqual(first);
    for (let i = 9; i <= 12; i++) await complete(h, people.jpNeg, `t${i}`);
    const result: ProcessView = await h.result();
    expect(result.status).toBe('completed');
    expect(result.steps.every((s) => s.status === 'completed')).toBe(true);
    const tl = await timeline(h);
    expect(tl.filter((t) => t.kind === 'completion')).toHaveLength(12);
    expect(tl[0]!.kind).toBe('started');
  });
});
