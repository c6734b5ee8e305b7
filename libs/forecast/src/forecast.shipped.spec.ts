/** The forecast over the shipped agreement definition with the real calendars (libs/calendars). */
import { addBusinessDays, computeDue } from '../../calendars/src/compute-due';
import type { ProcessView, StepView } from '../../contracts/src/process-view';
import { agreementEntryIntoForce } from '../../definitions/src/shipped/agreement-entry-into-force';
import { calendarAddSpan } from '../../monitoring/src/calendar-adapter';
import { forecastProcess } from './forecast';
import { stepView } from '../../../test/support/views';
import { agreementEntryIntoForceV2 } from '../../definitions/src/shipped/agreement-entry-into-force-v2';
import { INITIATIVES } from '../../definitions/src/initiatives';
import type { ParamValue } from '../../contracts/src/definition';
import {
  applyComplete,
  applyDues,
  createEngine,
  dueRequests,
  processView,
  validateComplete,
  type Engine,
} from '../../../workflows/engine';
import { startInput, who } from '../../../test/engine/fixtures';

const DAY = 86_400_000;
const addSpan = calendarAddSpan({ dayLengthMs: DAY });

const step = (id: string, status: StepView['status'], extra: Partial<StepView> = {}): StepView =>
  stepView(id, { type: 'task', status, ...extra });

/** ETTA-like: signed 27 Jan 2026, no Diet approval needed, tabled in the House on Mon 2 Feb 2026. */
function tabled(timer: Partial<StepView>): ProcessView {
  return {
    id: 'process-etta',
    title: 'ETTA',
    definitionId: agreementEntryIntoForce.id,
    definitionVersion: 1,
    definitionTitle: '',
    status: 'running',
    businessKey: null,
    initiativeId: 'etta',
    parameters: { signedOn: '2026-01-27', requiresDietApproval: false },
    initiator: { sub: 'ca-officer', name: 'CA Officer' },
    startedAt: '2026-01-27T00:00:00.000Z',
    closedAt: null,
    outcome: null,
    lastProgressAt: '2026-02-02T00:00:00.000Z',
    dueTimesPending: false,
    steps: [
      step('ca-tabling', 'completed', {
        startedAt: '2026-01-27T00:00:00.000Z',
        completedAt: '2026-02-02T00:00:00.000Z',
        outputs: { tabledOn: '2026-02-02' },
      }),
      step('ca-tabling-period', 'waiting', { type: 'timer', ...timer }),
    ],
  };
}

describe('forecast of the shipped agreement, real calendars', () => {
  const now = new Date('2026-02-02T12:00:00.000Z');

  it('21 sitting days from the tabling date, the Order in Council deadline, notes, then 30 days after the later note', () => {
    const f = forecastProcess({ view: tabled({}), definition: agreementEntryIntoForce, now, addSpan });
    const at = (id: string) => f.basis.find((b) => b.stepId === id)!;
    // Sitting days after Mon 2 Feb: 3–6, 9–13 Feb (9), break, 23–27 Feb (14), 2–6 Mar (19), 9, 10 Mar (21).
    expect(at('ca-tabling-period')).toMatchObject({
      end: '2026-03-11T00:00:00.000Z',
      source: 'timer',
      critical: true,
    });
    // The Order in Council is expected to take its typical 30 days, well within its 45-business-day deadline:
    // the deadline is a limit, not the expectation.
    const oicDue = addBusinessDays(new Date('2026-03-11T00:00:00.000Z'), 45, 'CA');
    expect(at('ca-oic-ratification')).toMatchObject({
      source: 'typical',
      end: '2026-04-10T00:00:00.000Z',
      endOn: '2026-04-10',
      expectedDays: 30,
      dueOn: oicDue.toISOString().slice(0, 10),
    });
    // The CA note typically 14 days later; entry into force on the 30th day after the later note.
    expect(at('ca-note').end).toBe('2026-04-24T00:00:00.000Z');
    expect(f.projectedEntryIntoForce).toBe('2026-05-24T00:00:00.000Z');
    expect(f.projectedEntryIntoForceOn).toBe('2026-05-24');
    expect(f.basis.map((b) => b.stepId)).not.toContain('jp-diet-approval');
    expect(f.basis.map((b) => b.stepId)).not.toContain('entry-into-force-month-start');
    expect(f.dominant).toEqual(
      expect.arrayContaining(['ca-tabling-period', 'ca-oic-ratification', 'entry-into-force-days']),
    );
    // Those deciding entry into force first, longest contribution first; then those after it.
    const len = (id: string) => Date.parse(at(id).end) - Date.parse(at(id).start);
    const deciding = f.dominant.filter((id) => at(id).decidesEntryIntoForce);
    expect(f.dominant.slice(0, deciding.length)).toEqual(deciding);
    expect(deciding.map(len)).toEqual([...deciding.map(len)].sort((x, y) => y - x));
    expect(Date.parse(f.projectedCompletion)).toBeGreaterThan(Date.parse(f.projectedEntryIntoForce!));
  });

  it('an active timer keeps its exact due time; a waiver-shortened or moved timer moves everything after it', () => {
    const a = forecastProcess({
      view: tabled({
        status: 'active',
        startedAt: '2026-02-02T00:00:00.000Z',
        dueAt: '2026-03-11T00:00:00.000Z',
      }),
      definition: agreementEntryIntoForce,
      now,
      addSpan,
    });
    const b = forecastProcess({
      view: tabled({
        status: 'active',
        startedAt: '2026-02-02T00:00:00.000Z',
        dueAt: '2026-03-12T00:00:00.000Z',
      }),
      definition: agreementEntryIntoForce,
      now,
      addSpan,
    });
    expect(a.basis.find((x) => x.stepId === 'ca-tabling-period')!.end).toBe('2026-03-11T00:00:00.000Z');
    expect(Date.parse(b.projectedEntryIntoForce!)).toBeGreaterThan(Date.parse(a.projectedEntryIntoForce!));
  });
});

/**
 * The cases of issue 11 on the shipped definition (version 2), driven through the engine with the real
 * calendars: the MLAT started from its initiative at 14:23 UTC, the ETTA with its deadlines moved.
 */
describe('forecasts that explain (issue 11): MLAT and ETTA on version 2', () => {
  const def = agreementEntryIntoForceV2;
  const eifSteps = ['entry-into-force-days'];
  const afterEif = ['jp-mofa-notice', 'ca-treaty-series', 'un-registration-recorded'];

  function settle(e: Engine) {
    const results: Record<string, string> = {};
    for (const r of dueRequests(e))
      results[r.key] = computeDue(new Date(r.fromIso), r.span, { dayLengthMs: DAY }).toISOString();
    applyDues(e, results);
  }
  function started(
    initiative: string,
    over: Record<string, ParamValue> = {},
    at = '2026-12-02T14:23:11.000Z',
  ) {
    const params = { ...INITIATIVES.find((i) => i.id === initiative)!.defaultParameters, ...over };
    const e = createEngine(def, startInput(def, params), at);
    settle(e);
    return e;
  }
  function complete(
    e: Engine,
    stepId: string,
    role: string,
    outputs: Record<string, ParamValue>,
    at: string,
  ) {
    const party = role.startsWith('jp-') ? 'JP' : 'CA';
    const inp = { principal: who(`${role}-person`, party, [role]), stepId, outputs };
    const bad = validateComplete(e, inp);
    if (bad) throw new Error(bad.message);
    applyComplete(e, inp, at);
    settle(e);
  }
  const forecast = (e: Engine, now: string) =>
    forecastProcess({ view: processView(e), definition: def, now: new Date(now), addSpan });

  it('MLAT: dates are dates, not timestamps carrying the start time (14:23:11)', () => {
    const f = forecast(started('mlat'), '2026-12-02T14:23:11.000Z');
    expect(f.projectedEntryIntoForce).toBe('2027-06-17T00:00:00.000Z');
    expect(f.projectedEntryIntoForceOn).toBe('2027-06-17');
    expect(f.projectedCompletionOn).toBe(f.projectedCompletion.slice(0, 10));
    for (const b of f.basis) {
      expect([b.stepId, b.start.slice(10), b.end.slice(10)]).toEqual([
        b.stepId,
        'T00:00:00.000Z',
        'T00:00:00.000Z',
      ]);
      expect(b.endOn).toBe(b.end.slice(0, 10));
    }
  });

  it('MLAT: the explanation starts from what decides entry into force, never from a step after it', () => {
    const f = forecast(started('mlat'), '2026-12-02T14:23:11.000Z');
    expect(f.explanation.startsWith('Entry into force is projected on 2027-06-17. What decides it: ')).toBe(
      true,
    );
    const eifPart = f.explanation.slice(0, f.explanation.indexOf('After entry into force'));
    // The Diet's chain decides it (Canada's side is expected earlier); the steps after it come last.
    expect(eifPart).toContain('"Cabinet decision to submit to the Diet" (typically 60 days, to 2027-01-31)');
    expect(eifPart).toContain('"House of Representatives approves" (typically 40 days the Diet sits');
    expect(eifPart).toContain('"Entry into force (days after the later note)" (a wait ending 2027-06-17)');
    for (const id of afterEif) expect(eifPart).not.toContain(f.basis.find((b) => b.stepId === id)!.title);
    expect(f.basis.filter((b) => b.decidesEntryIntoForce).map((b) => b.stepId)).toEqual([
      'jp-cabinet-decision-submit',
      'jp-representatives',
      'jp-councillors-period',
      'jp-councillors',
      'jp-cabinet-decision-conclusion',
      'jp-note',
      ...eifSteps,
    ]);
    // Dominant: the steps deciding entry into force first, longest first; registration (90 days) after them.
    expect(f.dominant[0]).toBe('jp-cabinet-decision-submit');
    expect(f.dominant.indexOf('un-registration-recorded')).toBeGreaterThan(f.dominant.indexOf('jp-note'));
  });

  it('MLAT: completing two tasks 59 days early moves entry into force by days, not months (the Diet sits from January)', () => {
    const e = started('mlat');
    const before = forecast(e, '2026-12-02T14:23:11.000Z');
    complete(
      e,
      'jp-cabinet-decision-submit',
      'jp-cabinet-secretariat',
      { decidedOn: '2026-12-03' },
      '2026-12-03T01:00:00.000Z',
    );
    complete(
      e,
      'ca-explanatory-memorandum',
      'ca-gac-treaty-law',
      { approvedOn: '2026-12-03', memorandumReference: 'EM-2026-41' },
      '2026-12-03T15:00:00.000Z',
    );
    const after = forecast(e, '2026-12-03T16:00:00.000Z');
    // The House of Representatives can only act in session (projected from 20 January 2027): 12 days earlier.
    expect(after.projectedEntryIntoForceOn).toBe('2027-06-05');
    const moved =
      (Date.parse(before.projectedEntryIntoForce!) - Date.parse(after.projectedEntryIntoForce!)) / DAY;
    expect(moved).toBe(12);
  });

  it('ETTA: a deadline moves the forecast only where it binds', () => {
    // Without Diet approval Canada's side decides entry into force; the tabling step is active with its
    // 60-day deadline and typically takes 30 days.
    const e = started('etta', { requiresDietApproval: false });
    complete(
      e,
      'ca-explanatory-memorandum',
      'ca-gac-treaty-law',
      { approvedOn: '2026-12-02', memorandumReference: 'EM-2026-7' },
      '2026-12-02T15:00:00.000Z',
    );
    const now = '2026-12-02T16:00:00.000Z';
    const withDue = (dueAt: string) => {
      const view = processView(e);
      view.steps.find((s) => s.id === 'ca-tabling')!.dueAt = dueAt;
      return forecastProcess({ view, definition: def, now: new Date(now), addSpan });
    };
    const base = forecast(e, now);
    const tabling = (f: ReturnType<typeof forecast>) => f.basis.find((b) => b.stepId === 'ca-tabling')!;
    expect(tabling(base)).toMatchObject({ source: 'typical', endOn: '2027-01-01', dueOn: '2027-01-31' });
    expect(base.basis.find((b) => b.stepId === 'ca-tabling')!.decidesEntryIntoForce).toBe(true);
    // Extended by four months: the expected 30 days still come first, nothing moves.
    const later = withDue('2027-05-31T15:00:00.000Z');
    expect(later.projectedEntryIntoForce).toBe(base.projectedEntryIntoForce);
    expect(tabling(later)).toMatchObject({ source: 'typical', endOn: '2027-01-01', dueOn: '2027-05-31' });
    // Brought forward to 14 December: it binds, but the House rises on 11 December and sits again on
    // 25 January 2027, so the 21 sitting days end on the same date: entry into force does not move.
    const december = withDue('2026-12-14T15:00:00.000Z');
    expect(tabling(december)).toMatchObject({ source: 'deadline', endOn: '2026-12-14' });
    expect(december.projectedEntryIntoForce).toBe(base.projectedEntryIntoForce);
    // Brought forward to Friday 4 December: 5 sitting days before the break count, entry into force moves.
    const sooner = withDue('2026-12-04T15:00:00.000Z');
    expect(tabling(sooner)).toMatchObject({ source: 'deadline', endOn: '2026-12-04' });
    expect(Date.parse(sooner.projectedEntryIntoForce!)).toBeLessThan(
      Date.parse(base.projectedEntryIntoForce!),
    );
    expect(sooner.explanation).toContain('the deadline binds');
    expect(base.explanation).not.toContain('the deadline binds');
  });

  it('observed durations of completed processes replace `typically` once there are enough', () => {
    const e = started('mlat');
    const now = '2026-12-02T14:23:11.000Z';
    const withObserved = (count: number) =>
      forecastProcess({
        view: processView(e),
        definition: def,
        now: new Date(now),
        addSpan,
        observed: { 'jp-cabinet-decision-submit': { days: 20.4, count } },
      });
    expect(withObserved(2).basis[0]).toMatchObject({
      stepId: 'jp-cabinet-decision-submit',
      source: 'typical',
    });
    const f = withObserved(3);
    expect(f.basis[0]).toMatchObject({
      source: 'observed',
      expectedDays: 21,
      observedCount: 3,
      endOn: '2026-12-23',
    });
    expect(f.explanation).toContain('(21 days as observed in 3 completed processes, to 2026-12-23)');
  });
});
