/**
 * Drives a process through the engine to its end as its people would (tasks recorded, every pending party
 * approving, timers fired when due), a day or more apart, with the real calendars for due times: the states
 * the forecast-memo spec compares and the forecast benchmark times.
 */
import { computeDue } from '../../libs/calendars/src/compute-due';
import type { ParamValue, ProcessDefinition } from '../../libs/contracts/src/definition';
import type { ProcessView } from '../../libs/contracts/src/process-view';
import {
  applyComplete,
  applyDecide,
  applyDues,
  createEngine,
  dueRequests,
  processView,
  tick,
  validateComplete,
  validateDecide,
  type Engine,
} from '../../workflows/engine';
import { filledOutputs, PAST_DATE, startInput, who } from './fixtures';

const DAY = 86_400_000;

/** Answers every due-time request with the real calendars (calendar days of 24 h). */
export function settleDues(e: Engine): void {
  const results: Record<string, string> = {};
  for (const r of dueRequests(e))
    results[r.key] = computeDue(new Date(r.fromIso), r.span, { dayLengthMs: DAY }).toISOString();
  applyDues(e, results);
}

/**
 * Calls `at` with each state and the time it is read at; returns the number of states and the status the
 * process ended in (still `running` past 400 moves). Variant 0 fills dates with the day itself, variant 1
 * with a date long past (timers counted from them are due at once).
 */
export function driveToEnd(
  def: ProcessDefinition,
  params: Record<string, ParamValue>,
  variant: number,
  at: (view: ProcessView, now: Date) => void,
): { states: number; status: string } {
  let t = Date.parse('2026-12-02T14:23:11.000Z');
  const iso = () => new Date(t).toISOString();
  const e = createEngine(def, startInput(def, params), iso());
  settleDues(e);
  let states = 0;
  for (let guard = 0; guard < 400 && e.state.status === 'running'; guard++) {
    const view = processView(e);
    at(view, new Date(t + DAY / 3));
    states++;
    const active = view.steps.filter((s) => s.status === 'active');
    const acted = active.find((s) => s.type !== 'timer');
    t += DAY + 3_600_000 * (guard % 5);
    if (acted?.type === 'task') {
      const [party, pv] = Object.entries(acted.parties)[0]!;
      const inp = {
        principal: who(`${pv!.roles[0]}-user`, party as 'JP' | 'CA', [pv!.roles[0]!]),
        stepId: acted.id,
        outputs: filledOutputs(acted, variant ? PAST_DATE : iso().slice(0, 10)),
      };
      const bad = validateComplete(e, inp);
      if (bad) throw new Error(`${def.id}: ${bad.message}`);
      applyComplete(e, inp, iso());
    } else if (acted?.type === 'approval') {
      const [party, pv] = Object.entries(acted.parties).find(([, p]) => p!.status === 'pending')!;
      const role = pv!.awaitedRoles[0] ?? pv!.roles[0]!;
      const n = pv!.decisions.filter((d) => d.round === acted.round).length;
      const inp = {
        principal: who(`${role}-user-${n}`, party as 'JP' | 'CA', [role]),
        stepId: acted.id,
        decision: 'approve' as const,
      };
      const bad = validateDecide(e, inp);
      if (bad) throw new Error(`${def.id}: ${bad.message}`);
      applyDecide(e, inp, iso());
    } else {
      // Only timers: to the first one's due time.
      const due = Math.min(...active.map((s) => (s.dueAt ? Date.parse(s.dueAt) : t)));
      t = Math.max(t, due + 1000);
    }
    settleDues(e);
    tick(e, iso());
    settleDues(e);
  }
  return { states, status: e.state.status };
}
