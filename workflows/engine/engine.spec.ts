import { definition, fixtures, people, startInput, who } from '../../test/engine/fixtures';
import type { ActingPrincipal } from '../../libs/contracts/src/principal';
import type { DecisionKind } from '../../libs/contracts/src/process-view';
import type { ParamValue, ProcessDefinition } from '../../libs/contracts/src/definition';
import {
  applyCancel,
  applyComplete,
  applyDecide,
  applyDues,
  applyMoveDeadline,
  applyNudge,
  applyReassign,
  applyWaiveTimer,
  carry,
  changedSearchValues,
  answerOf,
  createEngine,
  CURRENT_RULES,
  DECISION_ROUNDS_KEPT,
  dueRequests,
  LEGACY_RULES,
  requestKey,
  resetCalendarDues,
  failDues,
  nextWakeAt,
  processView,
  recall,
  remember,
  REQUEST_MEMORY,
  restore,
  searchValues,
  tick,
  validateCancel,
  validateComplete,
  validateDecide,
  validateMoveDeadline,
  validateNudge,
  validateReassign,
  validateWaiveTimer,
  type Engine,
} from './index';

const T0 = Date.parse('2026-03-02T00:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

function start(def: ProcessDefinition, params: Record<string, ParamValue> = {}): Engine {
  return createEngine(def, startInput(def, params), at(0));
}

function decide(
  e: Engine,
  p: ActingPrincipal,
  stepId: string,
  decision: DecisionKind = 'approve',
  comment?: string,
  t = 1,
) {
  const inp = { principal: p, stepId, decision, comment: comment ?? null };
  const bad = validateDecide(e, inp);
  if (bad) throw new Error(`${bad.code}: ${bad.message}`);
  return applyDecide(e, inp, at(t));
}

function decideError(
  e: Engine,
  p: ActingPrincipal,
  stepId: string,
  decision: DecisionKind = 'approve',
  comment?: string,
) {
  return validateDecide(e, { principal: p, stepId, decision, comment: comment ?? null })?.code ?? null;
}

function complete(
  e: Engine,
  p: ActingPrincipal,
  stepId: string,
  outputs: Record<string, ParamValue> = {},
  t = 1,
) {
  const inp = { principal: p, stepId, outputs };
  const bad = validateComplete(e, inp);
  if (bad) throw new Error(`${bad.code}: ${bad.message}`);
  return applyComplete(e, inp, at(t));
}

const status = (e: Engine, id: string) => e.state.steps[id]!.status;
const kinds = (e: Engine) => e.state.timeline.map((t) => t.kind);

describe('start and sequence', () => {
  it('applies parameter defaults and activates the first step', () => {
    const e = start(fixtures.timerSeconds);
    expect(e.state.parameters).toEqual({ seconds: 2 });
    expect(status(e, 'wait')).toBe('active');
    expect(status(e, 'ok')).toBe('waiting');
    expect(kinds(e)).toEqual(['started', 'step-activated']);
  });

  it('builds a ProcessView with every leaf step in document order', () => {
    const v = processView(start(fixtures.parallel));
    expect(v.steps.map((s) => s.id)).toEqual([
      'jp-submit',
      'jp-diet',
      'ca-table',
      'ca-wait',
      'ca-legislation',
      'notes',
    ]);
    expect(v.steps[0]!.parallel).toEqual({ id: 'domestic', branch: 'jp' });
    expect(v.steps[5]!.parallel).toBeNull();
    expect(v.steps[1]!.outputTypes).toEqual({ approvedOn: 'date' });
    expect(v.steps[3]!.waivable).toBe(true);
    expect(v).toMatchObject({
      status: 'running',
      definitionId: 'test-parallel',
      definitionVersion: 1,
      closedAt: null,
      outcome: null,
    });
    expect(v.initiator).toEqual({ sub: 'jp-officer', name: 'jp-officer' });
  });
});

describe('approval rules', () => {
  it('`all` needs one approval from each listed role; `any` one from any role', () => {
    const e = start(fixtures.approvalAll);
    decide(e, people.jpClb, 'legal');
    expect(processView(e).steps[0]!.parties.JP!.status).toBe('pending');
    expect(searchValues(e).awaitingRoles).toEqual([
      'CA:ca-gac-treaty-law',
      'CA:ca-justice-legal',
      'JP:jp-mofa-treaties',
    ]);
    decide(e, people.caJustice, 'legal');
    expect(processView(e).steps[0]!.parties.CA!.status).toBe('done');
    expect(searchValues(e).awaitingParties).toEqual(['JP']);
    expect(decideError(e, people.caLaw, 'legal')).toBe('PARTY_NOT_AWAITED');
    decide(e, people.jpTreaties, 'legal');
    expect(status(e, 'legal')).toBe('completed');
    expect(e.state.status).toBe('completed');
    expect(kinds(e).slice(-2)).toEqual(['step-completed', 'completed']);
  });

  it('`all`: a second person holding an already-approved role is told so', () => {
    const e = start(fixtures.approvalAll);
    decide(e, people.jpClb, 'legal');
    expect(decideError(e, who('clb-2', 'JP', ['jp-clb-examiner']), 'legal')).toBe('ALREADY_DECIDED');
  });

  it('`quorum: n` counts distinct identities; a delegate counts for the delegator', () => {
    const e = start(fixtures.quorum);
    decide(e, people.jpMeti, 'review');
    expect(decideError(e, people.jpMeti, 'review')).toBe('ALREADY_DECIDED');
    const delegate = who('jp-deputy', 'JP', ['jp-meti'], { sub: 'jp-meti', name: 'jp-meti' });
    expect(decideError(e, delegate, 'review')).toBe('ALREADY_DECIDED');
    decide(e, people.jpMeti2, 'review');
    expect(processView(e).steps[0]!.parties.JP!.status).toBe('done');
    expect(status(e, 'review')).toBe('active');
    decide(e, people.caNeg, 'review');
    expect(e.state.status).toBe('completed');
    const d = processView(e).steps[0]!.parties.JP!.decisions;
    expect(d.map((x) => [x.by, x.role, x.round])).toEqual([
      ['jp-meti', 'jp-meti', 1],
      ['jp-meti-2', 'jp-meti', 1],
    ]);
  });

  it('validation errors name the problem', () => {
    const e = start(fixtures.review);
    expect(decideError(e, people.jpNeg, 'nope')).toBe('STEP_NOT_FOUND');
    expect(decideError(e, people.jpNeg, 'draft')).toBe('WRONG_STEP_TYPE');
    expect(decideError(e, people.jpNeg, 'text')).toBe('STEP_NOT_ACTIVE');
    complete(e, people.jpNeg, 'draft', { ref: 'D-1' });
    expect(decideError(e, people.jpClb, 'text')).toBe('NOT_ELIGIBLE');
    expect(decideError(e, people.jpNeg, 'text', 'reject')).toBe('COMMENT_REQUIRED');
    expect(decideError(e, people.jpNeg, 'text', 'request-changes', '  ')).toBe('COMMENT_REQUIRED');
    expect(decideError(e, { ...people.jpNeg, party: 'XX' as never }, 'text')).toBe('WRONG_PARTY');
    expect(
      validateDecide(e, { principal: people.jpNeg, stepId: 'text', decision: 'maybe' as never })?.code,
    ).toBe('INVALID_INPUT');
    const err = validateDecide(e, { principal: people.jpClb, stepId: 'text', decision: 'approve' })!;
    expect(err.message).toContain('jp-mofa-negotiator');
  });

  it('a party not in the step gets WRONG_PARTY', () => {
    const e = start(fixtures.timerSeconds);
    tick(e, at(0));
    applyWaiveTimer(e, { principal: people.coordinator, stepId: 'wait', reason: 'test' }, at(1));
    expect(decideError(e, people.caNeg, 'ok')).toBe('WRONG_PARTY');
  });
});

describe('reject and request changes', () => {
  function atText(def = fixtures.review) {
    const e = start(def);
    complete(
      e,
      def === fixtures.review ? people.jpNeg : people.caNeg,
      'draft',
      def === fixtures.review ? { ref: 'D-1' } : {},
    );
    return e;
  }

  it('reject → end: the process is rejected with the comment as reason', () => {
    const e = atText();
    decide(e, people.jpNeg, 'text');
    decide(e, people.caNeg, 'text', 'reject', 'Not acceptable', 5);
    expect(status(e, 'text')).toBe('rejected');
    expect(e.state.status).toBe('rejected');
    expect(e.state.outcome).toEqual({
      reason: 'Not acceptable',
      by: { sub: 'ca-gac-negotiator', name: 'ca-gac-negotiator' },
      stepId: 'text',
    });
    expect(e.state.closedAt).toBe(at(5));
    expect(decideError(e, people.caNeg, 'text')).toBe('PROCESS_CLOSED');
  });

  it('a round restarted: the reviewers who had not decided are named on the step until it is active again', () => {
    const e = atText();
    decide(e, people.caNeg, 'text', 'request-changes', 'Align the French text');
    const text = processView(e).steps.find((s) => s.id === 'text')!;
    // JP had not decided: it lost the item; CA asked for the change and is not told of its own request.
    expect(text).toMatchObject({ status: 'waiting', withdrawnFrom: ['JP:jp-mofa-negotiator'] });
    expect(text.latestChangeRequest).toMatchObject({ comment: 'Align the French text', party: 'CA' });
    complete(e, people.jpNeg, 'draft', { ref: 'D-2' });
    expect(processView(e).steps.find((s) => s.id === 'text')!.withdrawnFrom).toBeUndefined();
  });

  it('reject → goto: back to the named step, which runs again', () => {
    const e = atText(fixtures.rejectGoto);
    decide(e, people.jpNeg, 'text', 'reject', 'Redo');
    expect(status(e, 'draft')).toBe('active');
    expect(status(e, 'text')).toBe('waiting');
    expect(e.state.steps.text!.round).toBe(2);
    expect(kinds(e)).toContain('routed-back');
    // The reason travels with the route back, as it does when a step loops to itself.
    expect(e.state.timeline.find((t) => t.kind === 'routed-back')?.comment).toBe('Redo');
    complete(e, people.caNeg, 'draft');
    expect(decideError(e, people.jpNeg, 'text')).toBeNull();
  });

  it('request changes → goto a parallel block: every branch runs again, in a new round', () => {
    const def = definition('goto-block', [
      {
        id: 'legal',
        type: 'parallel',
        title: 'Legal examination',
        branches: [
          {
            id: 'jp',
            title: 'Japan',
            steps: [
              {
                id: 'jp-legal',
                type: 'approval',
                title: 'CLB',
                parties: { JP: { roles: ['jp-clb-examiner'] } },
              },
            ],
          },
          {
            id: 'ca',
            title: 'Canada',
            steps: [
              {
                id: 'ca-legal',
                type: 'approval',
                title: 'Treaty law',
                parties: { CA: { roles: ['ca-gac-treaty-law'] } },
              },
            ],
          },
        ],
      },
      {
        id: 'sign-off',
        type: 'approval',
        title: 'Sign-off',
        parties: { JP: { roles: ['jp-mofa-negotiator'] }, CA: { roles: ['ca-gac-negotiator'] } },
        onRequestChanges: { goto: 'legal' },
      },
    ]);
    const e = start(def);
    decide(e, people.jpClb, 'jp-legal');
    decide(e, people.caLaw, 'ca-legal');
    expect(status(e, 'sign-off')).toBe('active');
    decide(e, people.caNeg, 'sign-off', 'request-changes', 'Re-examine article 4', 2);
    expect([status(e, 'jp-legal'), status(e, 'ca-legal'), status(e, 'sign-off')]).toEqual([
      'active',
      'active',
      'waiting',
    ]);
    expect([e.state.steps['jp-legal']!.round, e.state.steps['ca-legal']!.round]).toEqual([2, 2]);
    const back = e.state.timeline.find((t) => t.kind === 'routed-back');
    expect(back).toMatchObject({
      stepId: 'sign-off',
      comment: 'Re-examine article 4',
      data: { to: 'legal' },
    });
    // Round 1 approvals do not carry over: both sides examine again, then the sign-off runs again.
    expect(decideError(e, people.jpClb, 'jp-legal')).toBeNull();
    decide(e, people.jpClb, 'jp-legal', 'approve', undefined, 3);
    decide(e, people.caLaw, 'ca-legal', 'approve', undefined, 3);
    expect(status(e, 'sign-off')).toBe('active');
  });

  it('request changes → goto draft counts rounds; beyond maxRounds the process is rejected', () => {
    const e = atText();
    decide(e, people.jpNeg, 'text');
    decide(e, people.caNeg, 'text', 'request-changes', 'Article 3');
    expect(status(e, 'draft')).toBe('active');
    expect(e.state.steps.text!.round).toBe(2);
    expect(e.state.steps.draft!.round).toBe(2);
    complete(e, people.jpNeg, 'draft', { ref: 'D-2' });
    // Round 1 approvals do not count in round 2.
    expect(processView(e).steps[1]!.parties.JP!.status).toBe('pending');
    decide(e, people.jpNeg, 'text');
    decide(e, people.caNeg, 'text', 'request-changes', 'Still Article 3');
    expect(e.state.status).toBe('rejected');
    expect(e.state.outcome!.reason).toContain('Round limit (2)');
  });

  it('request changes without a route repeats the same step in a new round', () => {
    const e = start(fixtures.quorum);
    decide(e, people.jpMeti, 'review');
    decide(e, people.caNeg, 'review', 'request-changes', 'Budget line');
    const s = processView(e).steps[0]!;
    expect(s).toMatchObject({ status: 'active', round: 2 });
    expect(s.parties.JP!.status).toBe('pending');
    expect(decideError(e, people.jpMeti, 'review')).toBeNull();
  });
});

describe('tasks', () => {
  const good = { signedOn: '2026-01-27', signatories: 2, place: 'Ottawa', treatyRef: 'E105123' };
  const problems = (outputs: Record<string, ParamValue>) =>
    validateComplete(start(fixtures.task), { principal: people.jpNeg, stepId: 'sign', outputs });

  it('validates typed outputs', () => {
    expect(problems(good)).toBeNull();
    expect(problems({ ...good, signedOn: '2026-02-30' })?.code).toBe('INVALID_OUTPUTS');
    expect(problems({ ...good, signedOn: '27/01/2026' })?.message).toContain(
      'signedOn: expected a date yyyy-mm-dd, got the text "27/01/2026"',
    );
    expect(problems({ ...good, signedOn: '27/01/2026' })?.details).toEqual([
      { field: 'outputs.signedOn', message: 'expected a date yyyy-mm-dd, got the text "27/01/2026"' },
    ]);
    expect(problems({ ...good, signatories: '2' })?.message).toContain(
      'signatories: expected a number, got the text "2"',
    );
    expect(problems({ ...good, treatyRef: ' ' })?.message).toContain('treatyRef');
    expect(problems({ ...good, place: 3 })?.message).toContain('place: expected text, got the number 3');
    expect(problems({ ...good, extra: 'x' })?.message).toContain('extra: not an output');
    expect(problems({ signedOn: '2026-01-27' })?.message).toContain('signatories: required');
  });

  it('records outputs, who completed and for which party; later conditions read them', () => {
    const e = start(fixtures.task);
    expect(validateComplete(e, { principal: people.jpClb, stepId: 'sign', outputs: good })?.code).toBe(
      'NOT_ELIGIBLE',
    );
    const v = complete(e, people.caNeg, 'sign', good);
    expect(v.outputs).toEqual(good);
    expect(v.parties.CA!.status).toBe('done');
    expect(v.parties.JP!.status).toBe('not-required');
    expect(e.state.status).toBe('completed');
  });
});

describe('timers', () => {
  it('asks for its due time, then fires at it', () => {
    const e = start(fixtures.timerSeconds, { seconds: 5 });
    const reqs = dueRequests(e);
    expect(reqs).toEqual([{ key: 'wait#1:due', fromIso: at(0), span: { amount: 5, unit: 'seconds' } }]);
    applyDues(e, { 'wait#1:due': at(5) });
    expect(dueRequests(e)).toEqual([]);
    expect(nextWakeAt(e)).toBe(T0 + 5000);
    expect(searchValues(e).nextDueAt).toBe(at(5));
    tick(e, at(4));
    expect(status(e, 'wait')).toBe('active');
    tick(e, at(5));
    expect(status(e, 'wait')).toBe('completed');
    expect(status(e, 'ok')).toBe('active');
    expect(kinds(e)).toContain('timer-fired');
  });

  it('ignores a due time computed for an earlier activation', () => {
    const e = start(fixtures.timerSeconds);
    applyDues(e, { 'wait#0:due': at(5) });
    expect(e.state.steps.wait!.dueAt).toBeNull();
  });

  it('waits until a date from an output when it has no span', () => {
    const def = fixtures.review;
    const e = createEngine(
      {
        ...def,
        steps: [def.steps[0]!, { id: 'until', type: 'timer', title: 'Until', from: { output: 'draft.ref' } }],
      },
      startInput(def),
      at(0),
    );
    complete(e, people.jpNeg, 'draft', { ref: at(30) });
    expect(e.state.steps.until!.dueAt).toBe(at(30));
    expect(dueRequests(e)).toEqual([]);
  });

  it('a coordinator waives a waivable timer with a reason; not a non-waivable one', () => {
    const e = start(fixtures.waiver);
    expect(validateWaiveTimer(e, { principal: people.jpNeg, stepId: 'sitting', reason: 'x' })?.code).toBe(
      'NOT_COORDINATOR',
    );
    expect(
      validateWaiveTimer(e, { principal: people.coordinator, stepId: 'sitting', reason: '' })?.code,
    ).toBe('COMMENT_REQUIRED');
    expect(validateWaiveTimer(e, { principal: people.coordinator, stepId: 'after', reason: 'x' })?.code).toBe(
      'WRONG_STEP_TYPE',
    );
    const v = applyWaiveTimer(
      e,
      { principal: people.coordinator, stepId: 'sitting', reason: 'PM exception' },
      at(3),
    );
    expect(v.status).toBe('completed');
    expect(v.waiver).toEqual({ by: 'coordinator', reason: 'PM exception', at: at(3) });
    expect(status(e, 'after')).toBe('active');
    const b = start(fixtures.timerBusinessDays);
    expect(validateWaiveTimer(b, { principal: people.coordinator, stepId: 'wait', reason: 'x' })?.code).toBe(
      'NOT_WAIVABLE',
    );
    expect(dueRequests(b)[0]!.span).toEqual({ amount: 2, unit: 'business-days', calendar: 'JP' });
  });
});

describe('parallel blocks and conditions', () => {
  it('runs branches side by side and joins when all finish', () => {
    const e = start(fixtures.parallel, { requiresImplementingLegislation: true });
    expect(searchValues(e).currentSteps).toEqual(['jp-submit', 'ca-table']);
    expect(searchValues(e).awaitingParties).toEqual(['CA', 'JP']);
    complete(e, people.jpDiet, 'jp-submit');
    complete(e, people.caParl, 'ca-table', { tabledOn: '2026-03-02' });
    expect(status(e, 'ca-wait')).toBe('active');
    applyDues(e, { 'ca-wait#1:due': at(2) });
    tick(e, at(2));
    expect(status(e, 'ca-legislation')).toBe('active');
    complete(e, people.caParl, 'ca-legislation');
    expect(status(e, 'notes')).toBe('waiting');
    complete(e, people.jpDiet, 'jp-diet', { approvedOn: '2026-03-03' });
    expect(e.state.blocks.domestic).toBe('completed');
    expect(status(e, 'notes')).toBe('active');
  });

  it('skips a branch whose condition is false and a step whose condition is false', () => {
    const e = start(fixtures.parallel, { requiresDietApproval: false });
    expect(status(e, 'jp-submit')).toBe('skipped');
    expect(status(e, 'jp-diet')).toBe('skipped');
    complete(e, people.caParl, 'ca-table', { tabledOn: '2026-03-02' });
    applyDues(e, { 'ca-wait#1:due': at(1) });
    tick(e, at(1));
    expect(status(e, 'ca-legislation')).toBe('skipped');
    expect(status(e, 'notes')).toBe('active');
    expect(kinds(e).filter((k) => k === 'step-skipped')).toHaveLength(3);
    expect(searchValues(e).progressPct).toBe(83);
  });

  it('evaluates all/any/not and output conditions', () => {
    const def = fixtures.task;
    const withWhen = (when: object) =>
      createEngine(
        { ...def, steps: [{ ...def.steps[0]!, when } as never] },
        startInput(def, { a: true, b: 'x' }),
        at(0),
      );
    expect(status(withWhen({ all: [{ param: 'a' }, { param: 'b', equals: 'x' }] }), 'sign')).toBe('active');
    expect(status(withWhen({ any: [{ param: 'missing' }, { param: 'b', in: ['y'] }] }), 'sign')).toBe(
      'skipped',
    );
    expect(status(withWhen({ not: { param: 'a', truthy: true } }), 'sign')).toBe('skipped');
    expect(status(withWhen({ output: 'sign.place', exists: false }), 'sign')).toBe('active');
  });

  it('routing back from inside a branch to a step before the block resets the whole block', () => {
    const def: ProcessDefinition = {
      ...fixtures.parallel,
      steps: [
        { id: 'prep', type: 'task', title: 'Prep', parties: { JP: { roles: ['jp-diet-liaison'] } } },
        {
          id: 'block',
          type: 'parallel',
          title: 'Block',
          branches: [
            {
              id: 'a',
              title: 'A',
              steps: [
                {
                  id: 'a1',
                  type: 'approval',
                  title: 'A1',
                  parties: { JP: { roles: ['jp-mofa-negotiator'] } },
                  onReject: { goto: 'prep' },
                },
              ],
            },
            {
              id: 'b',
              title: 'B',
              steps: [
                {
                  id: 'b1',
                  type: 'task',
                  title: 'B1',
                  parties: { CA: { roles: ['ca-parliament-liaison'] } },
                },
              ],
            },
          ],
        },
      ],
    };
    const e = start(def);
    complete(e, people.jpDiet, 'prep');
    complete(e, people.caParl, 'b1');
    decide(e, people.jpNeg, 'a1', 'reject', 'Start over');
    expect(status(e, 'prep')).toBe('active');
    expect(status(e, 'b1')).toBe('waiting');
    expect(e.state.blocks.block).toBe('waiting');
    complete(e, people.jpDiet, 'prep');
    expect(status(e, 'b1')).toBe('active');
    expect(status(e, 'a1')).toBe('active');
  });
});

describe('deadlines', () => {
  function withDeadline() {
    const e = start(fixtures.deadline);
    const reqs = dueRequests(e);
    expect(reqs.map((r) => r.key)).toEqual(['sign#1:due', 'sign#1:r0', 'sign#1:e0', 'sign#1:e1']);
    applyDues(e, { 'sign#1:due': at(3), 'sign#1:r0': at(2), 'sign#1:e0': at(0), 'sign#1:e1': at(1) });
    return e;
  }

  it('reminds the awaited roles before, escalates to coordinators after', () => {
    const e = withDeadline();
    expect(nextWakeAt(e)).toBe(T0 + 1000);
    tick(e, at(1));
    expect(e.state.outbox).toEqual([
      expect.objectContaining({
        kind: 'reminder',
        recipients: ['JP:jp-mofa-negotiator', 'JP:jp-mofa-treaties'],
      }),
    ]);
    expect(nextWakeAt(e)).toBe(T0 + 3000);
    tick(e, at(3));
    expect(e.state.outbox[1]).toMatchObject({ kind: 'escalation', recipients: ['coordinator'] });
    expect(nextWakeAt(e)).toBe(T0 + 4000);
    tick(e, at(4));
    tick(e, at(9));
    expect(kinds(e).filter((k) => k === 'escalation')).toHaveLength(2);
    expect(nextWakeAt(e)).toBeNull();
  });

  it('moveDeadline (coordinator, reason) re-arms what is still ahead', () => {
    const e = withDeadline();
    tick(e, at(3));
    expect(
      validateMoveDeadline(e, { principal: people.jpNeg, stepId: 'sign', dueAt: at(60), reason: 'x' })?.code,
    ).toBe('NOT_COORDINATOR');
    expect(
      validateMoveDeadline(e, { principal: people.coordinator, stepId: 'sign', dueAt: 'soon', reason: 'x' })
        ?.code,
    ).toBe('INVALID_INPUT');
    expect(
      validateMoveDeadline(e, { principal: people.coordinator, stepId: 'sign', dueAt: at(60), reason: '' })
        ?.code,
    ).toBe('COMMENT_REQUIRED');
    const v = applyMoveDeadline(
      e,
      { principal: people.coordinator, stepId: 'sign', dueAt: at(60), reason: 'Diet recess' },
      at(4),
    );
    expect(v.dueAt).toBe(at(60));
    expect(nextWakeAt(e)).toBe(T0 + 58000);
    const moved = e.state.timeline.find((t) => t.kind === 'deadline-moved')!;
    expect(moved).toMatchObject({ comment: 'Diet recess', data: { from: at(3), to: at(60) } });
  });
});

describe('coordinator actions', () => {
  it('nudge queues a reminder to the awaited roles now', () => {
    const e = start(fixtures.approvalAll);
    expect(validateNudge(e, { principal: people.jpNeg })?.code).toBe('NOT_COORDINATOR');
    expect(validateNudge(e, { principal: people.coordinator, stepId: 'x' })?.code).toBe('STEP_NOT_FOUND');
    applyNudge(e, { principal: people.coordinator, reason: 'Ministerial meeting next week' }, at(1));
    expect(e.state.timeline.find((t) => t.kind === 'nudged')!.comment).toBe('Ministerial meeting next week');
    expect(e.state.outbox).toHaveLength(1);
    expect(e.state.outbox[0]!.recipients).toHaveLength(4);
    expect(kinds(e)).toContain('nudged');
  });

  it('reassign replaces a party’s eligible roles on an active step (processes under the old rules)', () => {
    const def = fixtures.approvalAll;
    const e = createEngine(def, startInput(def, {}), at(0), LEGACY_RULES);
    expect(
      validateReassign(e, {
        principal: people.coordinator,
        stepId: 'legal',
        party: 'JP',
        roles: [],
        reason: 'x',
      })?.code,
    ).toBe('INVALID_INPUT');
    decide(e, people.jpClb, 'legal');
    const v = applyReassign(
      e,
      {
        principal: people.coordinator,
        stepId: 'legal',
        party: 'JP',
        roles: ['jp-clb-examiner'],
        reason: 'Treaties Division absent',
      },
      at(2),
    );
    expect(v.parties.JP).toMatchObject({ roles: ['jp-clb-examiner'], status: 'done' });
    expect(kinds(e)).toContain('reassigned');
    decide(e, people.caLaw, 'legal');
    expect(e.state.status).toBe('completed');
  });

  it('cancel: initiator or coordinator, with a reason; afterwards everything is PROCESS_CLOSED', () => {
    const e = start(fixtures.review);
    expect(validateCancel(e, { principal: people.jpNeg, reason: 'x' })?.code).toBe('NOT_COORDINATOR');
    expect(validateCancel(e, { principal: people.jpOfficer, reason: ' ' })?.code).toBe('COMMENT_REQUIRED');
    expect(validateCancel(e, { principal: people.jpOfficer, reason: 'Superseded' })).toBeNull();
    const v = applyCancel(e, { principal: people.coordinator, reason: 'Superseded' }, at(7));
    expect(v.status).toBe('cancelled');
    expect(v.steps[0]!.status).toBe('cancelled');
    expect(v.outcome!.reason).toBe('Superseded');
    expect(
      validateComplete(e, { principal: people.jpNeg, stepId: 'draft', outputs: { ref: 'x' } })?.code,
    ).toBe('PROCESS_CLOSED');
    expect(validateCancel(e, { principal: people.coordinator, reason: 'again' })?.code).toBe(
      'PROCESS_CLOSED',
    );
    expect(searchValues(e)).toMatchObject({
      status: 'cancelled',
      currentSteps: [],
      awaitingRoles: [],
      nextDueAt: null,
    });
  });
});

describe('idempotency, search values, carry-over', () => {
  it('remembers the first answer per (caller, action, step, requestId), compactly and bounded', () => {
    const e = start(fixtures.review);
    const ref = { requestId: 'r1', action: 'complete', caller: 'jp-mofa-negotiator', stepId: 'draft' };
    const key = requestKey(e, ref)!;
    expect(requestKey(e, { ...ref, caller: 'ca-officer' })).not.toBe(key);
    expect(requestKey(e, { ...ref, action: 'decide' })).not.toBe(key);
    expect(requestKey(e, { ...ref, stepId: 'text' })).not.toBe(key);
    expect(requestKey(e, { ...ref, requestId: undefined })).toBeUndefined();
    const view = complete(e, people.jpNeg, 'draft', { ref: 'D' });
    remember(e, key, view, 'step');
    expect(JSON.stringify(e.state.requests).length).toBeLessThan(200);
    const seen = recall(e.state, key);
    expect(seen.hit).toBe(true);
    expect(answerOf(e, seen.result)).toEqual(processView(e).steps.find((s) => s.id === 'draft'));
    expect(recall(e.state, undefined)).toEqual({ hit: false });
    for (let i = 0; i < REQUEST_MEMORY + 5; i++) remember(e, `x${i}`, processView(e), 'process');
    expect(e.state.requests).toHaveLength(REQUEST_MEMORY);
    expect(recall(e.state, key).hit).toBe(false);
    expect(answerOf(e, e.state.requests[0]![1])).toEqual(processView(e));
  });

  it('keeps whole results under plain requestIds for processes under the old rules', () => {
    const def = fixtures.review;
    const e = createEngine(def, startInput(def, {}), at(0), LEGACY_RULES);
    const key = requestKey(e, { requestId: 'r1', action: 'cancel', caller: 'x' });
    expect(key).toBe('r1');
    const view = processView(e);
    remember(e, key, view, 'process');
    expect(answerOf(e, recall(e.state, key).result)).toBe(view);
  });

  it('derives search values and reports only the changed ones', () => {
    const e = start(fixtures.review);
    const v1 = searchValues(e);
    expect(v1).toMatchObject({
      status: 'running',
      definitionId: 'test-review',
      pillar: '9',
      initiator: 'jp-officer',
      awaitingParties: ['JP'],
      awaitingRoles: ['JP:jp-mofa-negotiator'],
      currentSteps: ['draft'],
      progressPct: 0,
    });
    complete(e, people.jpNeg, 'draft', { ref: 'D' }, 9);
    const changed = changedSearchValues(searchValues(e), v1);
    expect(Object.keys(changed).sort()).toEqual([
      'awaitingParties',
      'awaitingRoles',
      'currentSteps',
      'lastProgressAt',
      'progressPct',
    ]);
    expect(changedSearchValues(v1, v1)).toEqual({});
  });

  it('carries the state through JSON and goes on', () => {
    const e = start(fixtures.review);
    complete(e, people.jpNeg, 'draft', { ref: 'D' });
    const carried = carry(e, 'run-1');
    expect(carried.timeline).toEqual([]);
    expect(carried.earlierRuns).toEqual([{ runId: 'run-1', entries: e.state.timeline.length }]);
    const again = restore(fixtures.review, JSON.parse(JSON.stringify(carried)));
    decide(again, people.jpNeg, 'text');
    decide(again, people.caNeg, 'text');
    expect(again.state.status).toBe('completed');
    expect(() => restore(fixtures.review, { v: 2 })).toThrow();
  });
});

describe('more edges', () => {
  it('a parallel block whose condition is false is skipped whole', () => {
    const def: ProcessDefinition = {
      ...fixtures.parallel,
      steps: [
        {
          ...(fixtures.parallel.steps[0] as object),
          when: { param: 'requiresDietApproval', equals: 'never' },
        } as never,
        fixtures.parallel.steps[1]!,
      ],
    };
    const e = start(def);
    expect(e.state.blocks.domestic).toBe('skipped');
    expect(
      ['jp-submit', 'jp-diet', 'ca-table', 'ca-wait', 'ca-legislation'].map((id) => status(e, id)),
    ).toEqual(Array(5).fill('skipped'));
    expect(status(e, 'notes')).toBe('active');
  });

  it('optional outputs may be left out; nothing else may', () => {
    const e = start(fixtures.task);
    const v = complete(e, people.jpNeg, 'sign', {
      signedOn: '2026-01-27',
      signatories: 2,
      place: 'Ottawa',
      treatyRef: 'E1',
    });
    expect(v.outputs).not.toHaveProperty('note');
    expect(v.completedAt).toBe(at(1));
  });

  it('a failed due computation leaves the step active, without a due time, for a coordinator', () => {
    const e = start(fixtures.timerSeconds);
    failDues(e, dueRequests(e), 'no calendar');
    expect(dueRequests(e)).toEqual([]);
    expect(nextWakeAt(e)).toBeNull();
    expect(processView(e).steps[0]).toMatchObject({ status: 'active', dueAt: null, dueError: 'no calendar' });
    applyMoveDeadline(
      e,
      { principal: people.coordinator, stepId: 'wait', dueAt: at(9), reason: 'set by hand' },
      at(1),
    );
    expect(nextWakeAt(e)).toBe(T0 + 9000);
    tick(e, at(9));
    expect(status(e, 'ok')).toBe('active');
  });

  it('a deadline without reminders escalates once, at the due time, by default', () => {
    const def: ProcessDefinition = {
      ...fixtures.deadline,
      steps: [
        {
          ...(fixtures.deadline.steps[0] as object),
          deadline: { within: { amount: 5, unit: 'seconds' } },
        } as never,
      ],
    };
    const e = start(def);
    expect(dueRequests(e).map((r) => r.key)).toEqual(['sign#1:due']);
    applyDues(e, { 'sign#1:due': at(5) });
    expect(nextWakeAt(e)).toBe(T0 + 5000);
    tick(e, at(5));
    expect(e.state.outbox.map((n) => n.kind)).toEqual(['escalation']);
    expect(e.state.outbox[0]!.text).toContain('JP:jp-mofa-negotiator');
  });

  it('a reassigned task is recorded by the new role only', () => {
    const e = start(fixtures.review);
    applyReassign(
      e,
      {
        principal: people.coordinator,
        stepId: 'draft',
        party: 'JP',
        roles: ['jp-mofa-treaties'],
        reason: 'Handover',
      },
      at(1),
    );
    expect(
      validateComplete(e, { principal: people.jpNeg, stepId: 'draft', outputs: { ref: 'x' } })?.code,
    ).toBe('NOT_ELIGIBLE');
    expect(
      validateComplete(e, { principal: people.jpTreaties, stepId: 'draft', outputs: { ref: 'x' } }),
    ).toBeNull();
    expect(searchValues(e).awaitingRoles).toEqual(['JP:jp-mofa-treaties']);
  });

  it('the timeline records every kind of event with the actor', () => {
    const e = start(fixtures.review);
    complete(e, people.jpNeg, 'draft', { ref: 'D-1' });
    decide(e, people.jpNeg, 'text');
    decide(e, people.caNeg, 'text');
    expect(kinds(e)).toEqual([
      'started',
      'step-activated',
      'completion',
      'step-completed',
      'step-activated',
      'decision',
      'decision',
      'step-completed',
      'completed',
    ]);
    const d = e.state.timeline.find((t) => t.kind === 'decision')!;
    expect(d).toMatchObject({
      actor: { sub: 'jp-mofa-negotiator' },
      stepId: 'text',
      data: { decision: 'approve', round: 1, party: 'JP' },
    });
  });
});

describe('coordinator powers (issue 13)', () => {
  const caCoordinator = people.caCoordinator;
  const jpCoordinator = people.coordinator;
  const reassign = (e: Engine, p: ActingPrincipal, party: 'JP' | 'CA', roles: string[]) =>
    validateReassign(e, { principal: p, stepId: 'legal', party, roles, reason: 'x' })?.code ?? null;

  it("reassigns only the coordinator's own side, within that party's vocabulary, never completing", () => {
    const e = start(fixtures.approvalAll);
    decide(e, people.jpClb, 'legal');
    expect(reassign(e, caCoordinator, 'JP', ['jp-clb-examiner'])).toBe('WRONG_PARTY');
    expect(reassign(e, jpCoordinator, 'JP', ['coordinator'])).toBe('INVALID_ROLES');
    expect(reassign(e, jpCoordinator, 'JP', ['ca-gac-treaty-law'])).toBe('INVALID_ROLES');
    expect(reassign(e, jpCoordinator, 'JP', ['jp-clb-examiner'])).toBe('REASSIGN_COMPLETES');
    expect(reassign(e, caCoordinator, 'CA', ['ca-justice-legal'])).toBeNull();
    const inp = {
      principal: jpCoordinator,
      stepId: 'legal',
      party: 'JP' as const,
      roles: ['jp-clb-examiner', 'jp-mofa-treaties'],
      reason: 'Same roles, new reason',
    };
    expect(validateReassign(e, inp)).toBeNull();
    expect(applyReassign(e, inp, at(2)).status).toBe('active');
  });

  it("moves a side's deadline by that side's coordinator only; a joint step's by either", () => {
    const e = start(fixtures.review);
    const move = (p: ActingPrincipal, stepId: string) =>
      validateMoveDeadline(e, { principal: p, stepId, dueAt: at(99), reason: 'x' })?.code ?? null;
    expect(move(caCoordinator, 'draft')).toBe('WRONG_PARTY');
    expect(move(jpCoordinator, 'draft')).toBeNull();
    complete(e, people.jpNeg, 'draft', { ref: 'D' });
    expect(move(caCoordinator, 'text')).toBeNull();
    expect(move(jpCoordinator, 'text')).toBeNull();
  });

  it("waives a country's legal timer by that country's coordinator, naming the authority", () => {
    const def = fixtures.legalWait;
    const e = start(def);
    const waive = (p: ActingPrincipal, authority?: string) =>
      validateWaiveTimer(e, { principal: p, stepId: 'tabling', reason: 'Urgent treaty', authority })?.code ??
      null;
    expect(waive(jpCoordinator, 'Prime Minister')).toBe('WRONG_PARTY');
    expect(waive(caCoordinator)).toBe('AUTHORITY_REQUIRED');
    expect(waive(caCoordinator, 'Prime Minister')).toBeNull();
    const v = applyWaiveTimer(
      e,
      { principal: caCoordinator, stepId: 'tabling', reason: 'Urgent treaty', authority: 'Prime Minister' },
      at(2),
    );
    expect(v.waiver).toEqual({
      by: 'ca-coordinator',
      reason: 'Urgent treaty',
      at: at(2),
      authority: 'Prime Minister',
    });
    expect(e.state.timeline.find((t) => t.kind === 'timer-waived')!.data).toEqual({
      authority: 'Prime Minister',
    });
  });
});

describe('parliamentary calendars (issue 10)', () => {
  it("waives a Diet timer by Japan's coordinator only, naming the authority; not before the rule", () => {
    const e = start(fixtures.dietWait);
    const waive = (p: ActingPrincipal, authority?: string) =>
      validateWaiveTimer(e, { principal: p, stepId: 'councillors', reason: 'Voted', authority })?.code ??
      null;
    expect(waive(people.caCoordinator, 'House of Councillors')).toBe('WRONG_PARTY');
    expect(waive(people.coordinator)).toBe('AUTHORITY_REQUIRED');
    expect(waive(people.coordinator, 'House of Councillors')).toBeNull();
    // Processes started before the rule keep the old one (replay): no authority asked, no side inferred.
    const legacy = createEngine(fixtures.dietWait, startInput(fixtures.dietWait), at(0), {
      ...CURRENT_RULES,
      legalDietWaits: false,
    });
    expect(
      validateWaiveTimer(legacy, { principal: people.coordinator, stepId: 'councillors', reason: 'Voted' }),
    ).toBeNull();
  });

  it('keeps whether a due time is projected, and forgets it when a coordinator sets the date', () => {
    const e = start(fixtures.dietWait);
    applyDues(e, { 'councillors#1:due': at(30), 'councillors#1:due+projected': 'projected' });
    expect(processView(e).steps[0]).toMatchObject({ dueAt: at(30), dueProjected: true });
    const b = start(fixtures.timerSeconds, { seconds: 5 });
    applyDues(b, { 'wait#1:due': at(5) });
    expect(processView(b).steps.find((s) => s.id === 'wait')!.dueProjected).toBeUndefined();
  });

  it("recomputes the due times counted in a chamber's days when its calendar changes, keeping what was sent", () => {
    const e = start(fixtures.dietWait);
    applyDues(e, { 'councillors#1:due': at(30) });
    expect(resetCalendarDues(e, 'house-of-commons', at(1))).toEqual([]);
    expect(resetCalendarDues(e, 'diet', at(1))).toEqual(['councillors']);
    expect(e.state.steps.councillors!.dueAt).toBeNull();
    expect(dueRequests(e)).toEqual([
      { key: 'councillors#1:due', fromIso: at(0), span: { amount: 30, unit: 'diet-days' } },
    ]);
    expect(kinds(e)).toContain('due-recomputed');
    applyDues(e, { 'councillors#1:due': at(40) });
    tick(e, at(40));
    expect(status(e, 'legislation')).toBe('active');
    applyDues(e, { 'legislation#1:due': at(60), 'legislation#1:r0': at(50) });
    tick(e, at(51)); // the reminder (2 sitting days before) goes
    expect(e.state.steps.legislation!.deadline!.remindersSent).toEqual([true]);
    expect(resetCalendarDues(e, 'house-of-commons', at(52))).toEqual(['legislation']);
    applyDues(e, { 'legislation#1:due': at(70), 'legislation#1:r0': at(52) });
    expect(e.state.steps.legislation).toMatchObject({ dueAt: at(70) });
    expect(e.state.steps.legislation!.deadline!.remindersSent).toEqual([true]);
  });
});

describe("a joint step counted in each side's business days (issue 10)", () => {
  it('asks for one due time per side in its calendar; the step is due at the latest, each side at its own', () => {
    const e = start(fixtures.perPartyReview);
    expect(dueRequests(e)).toEqual([
      {
        key: 'review#1:due@JP',
        fromIso: at(0),
        span: { amount: 15, unit: 'business-days', calendar: 'JP' },
      },
      {
        key: 'review#1:due@CA',
        fromIso: at(0),
        span: { amount: 15, unit: 'business-days', calendar: 'CA' },
      },
      { key: 'review#1:r0', fromIso: at(0), span: { amount: 1, unit: 'calendar-days' } },
    ]);
    applyDues(e, { 'review#1:due@JP': at(20), 'review#1:due@CA': at(22), 'review#1:r0': at(1) });
    const v = processView(e).steps[0]!;
    expect(v).toMatchObject({ dueAt: at(22), dueByParty: { JP: at(20), CA: at(22) } });
    // Visibility finds it from the earliest side's due time (monitoring then checks each side's own).
    expect(searchValues(e).nextDueAt).toBe(at(20));
  });
});

describe('bounded state (issue 13)', () => {
  const loop = fixtures.loop;

  it('caps change-request rounds when the definition sets none (409 past it)', () => {
    const e = createEngine(loop, startInput(loop, {}), at(0), { ...CURRENT_RULES, defaultMaxRounds: 3 });
    decide(e, people.jpMofa, 'sign', 'request-changes', 'one');
    decide(e, people.jpMofa, 'sign', 'request-changes', 'two');
    expect(e.state.steps.sign!.round).toBe(3);
    expect(decideError(e, people.jpMofa, 'sign', 'request-changes', 'three')).toBe('ROUND_LIMIT');
    expect(decideError(e, people.jpMofa, 'sign', 'approve')).toBeNull();
    expect(CURRENT_RULES.defaultMaxRounds).toBe(20);
  });

  it('keeps the decisions of the last rounds only (the timeline keeps every one)', () => {
    const e = createEngine(loop, startInput(loop, {}), at(0), { ...CURRENT_RULES, defaultMaxRounds: 1000 });
    const comment = 'x'.repeat(4000);
    for (let i = 0; i < 200; i++) decide(e, people.jpMofa, 'sign', 'request-changes', comment);
    const st = e.state.steps.sign!;
    expect(st.round).toBe(201);
    expect(st.decisions.length).toBeLessThanOrEqual(DECISION_ROUNDS_KEPT);
    expect(e.state.timeline.filter((t) => t.kind === 'decision')).toHaveLength(200);
    expect(JSON.stringify(processView(e)).length).toBeLessThan(DECISION_ROUNDS_KEPT * 4000 + 10_000);
    expect(JSON.stringify(carry(e, 'r')).length).toBeLessThan(DECISION_ROUNDS_KEPT * 4000 + 10_000);
  });
});
