import { createDueCalculator } from '../../activities/compute-due';
import type { ProcessDefinition } from '../../libs/contracts/src/definition';
import { fixtures, startInput } from '../../test/engine/fixtures';
import { CURRENT_RULES, DEFAULT_MAX_ROUNDS } from './types';
import { currentRules, givenDues, readFirstDues, settleNew } from './first';
import { applyDues, dueRequests, tick } from './timing';
import { createEngine } from './transitions';
import { processView } from './view';

const AT = '2026-03-02T09:00:00.000Z';
const calc = createDueCalculator({ dayLengthMs: 1000 });

/** The workflow's first loop with `firstDues` (process.workflow.ts): created at `at`, settled from them. */
function workflowSettle(def: ProcessDefinition, params: Record<string, never>, at: string, dues: object) {
  const e = createEngine(def, startInput(def, params), at, CURRENT_RULES);
  for (;;) {
    const given = givenDues(dueRequests(e), dues as Record<string, string>);
    if (!given) throw new Error('a due time is missing');
    applyDues(e, given);
    tick(e, at);
    if (e.state.status !== 'running' || dueRequests(e).length === 0) return e;
  }
}

describe('first due times computed before the start (settleNew)', () => {
  it.each([
    ['a deadline with a reminder and escalations', fixtures.deadline],
    ['a timer until a past date, then one more (two rounds at the start instant)', fixtures.timerChain],
    ['a deadline counted by each side in its own calendar', fixtures.perPartyReview],
    ['a timer in Diet days (the shipped Diet calendar)', fixtures.dietWait],
  ])('%s: the workflow settles from the answers to the same view', async (_, def) => {
    const { engine, dues } = await settleNew(def, startInput(def), AT, CURRENT_RULES, calc.computeDues);
    expect(dueRequests(engine)).toEqual([]);
    expect(Object.keys(dues).length).toBeGreaterThan(0);
    const view = processView(engine);
    expect(view.dueTimesPending).toBe(false);
    expect(processView(workflowSettle(def, {}, AT, dues))).toEqual(view);
  });

  it('asks again after a timer fired at the start instant and started the next step then', async () => {
    const asked: string[][] = [];
    const { engine, dues } = await settleNew(
      fixtures.timerChain,
      startInput(fixtures.timerChain),
      AT,
      CURRENT_RULES,
      async (r) => {
        asked.push(r.map((x) => x.key));
        return calc.computeDues(r);
      },
    );
    expect(engine.state.steps.until!.status).toBe('completed');
    expect(engine.state.steps.then!).toMatchObject({ status: 'active', startedAt: AT });
    expect(dues['then#1:due']).toBe('2026-03-02T09:00:01.000Z');
    expect(asked.flat()).toContain('then#1:due');
  });

  it('leaves a calculation that fails to its caller', async () => {
    await expect(
      settleNew(fixtures.deadline, startInput(fixtures.deadline), AT, CURRENT_RULES, () =>
        Promise.reject(new Error('calendar store down')),
      ),
    ).rejects.toThrow('calendar store down');
  });

  it('givenDues answers only when every request is in the map, with its projected flag', () => {
    const e = createEngine(fixtures.deadline, startInput(fixtures.deadline), AT, CURRENT_RULES);
    const requests = dueRequests(e);
    const all = Object.fromEntries(requests.map((r) => [r.key, AT]));
    expect(givenDues(requests, { ...all, 'other#1:due': AT })).toEqual(all);
    expect(givenDues(requests, { ...all, 'sign#1:due+projected': 'projected' })).toEqual({
      ...all,
      'sign#1:due+projected': 'projected',
    });
    const { ['sign#1:r0']: _, ...missing } = all;
    expect(givenDues(requests, missing)).toBeNull();
    expect(givenDues([], {})).toEqual({});
  });

  it('readFirstDues keeps well-formed input only', () => {
    const ok = { at: AT, dues: { 'a#1:due': AT, 'a#1:due+projected': 'projected' } };
    expect(readFirstDues(ok)).toEqual(ok);
    for (const bad of [
      undefined,
      null,
      'x',
      { dues: {} },
      { at: 'never', dues: {} },
      { at: AT },
      { at: AT, dues: [] },
      { at: AT, dues: { 'a#1:due': 'soon' } },
      { at: AT, dues: { 'a#1:due': 3 } },
      { at: AT, dues: Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`s${i}#1:due`, AT])) },
    ])
      expect(readFirstDues(bad)).toBeNull();
  });

  it('currentRules are the current rules with the configured rounds', () => {
    expect(currentRules(undefined)).toEqual(CURRENT_RULES);
    expect(currentRules({ maxRounds: 5 })).toEqual({ ...CURRENT_RULES, defaultMaxRounds: 5 });
    expect(currentRules({ maxRounds: 0 }, false)).toEqual({
      ...CURRENT_RULES,
      defaultMaxRounds: DEFAULT_MAX_ROUNDS,
      legalDietWaits: false,
    });
  });
});
