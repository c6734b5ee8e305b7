/** Observed step durations of completed processes (pure), for forecasts to prefer over `typically`. */
import type { ProcessView } from '../../contracts/src/process-view';
import type { ObservedDurations } from './types';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Per step: the median of completedAt − startedAt over the views, in days of `dayLengthMs`. */
export function observedDurations(views: ProcessView[], dayLengthMs: number): ObservedDurations {
  const spans = new Map<string, number[]>();
  for (const v of views) {
    for (const s of v.steps) {
      if (s.status !== 'completed' || !s.startedAt || !s.completedAt || s.type === 'timer') continue;
      const days = (Date.parse(s.completedAt) - Date.parse(s.startedAt)) / dayLengthMs;
      if (Number.isFinite(days) && days >= 0) spans.set(s.id, [...(spans.get(s.id) ?? []), days]);
    }
  }
  const out: ObservedDurations = {};
  for (const [id, xs] of spans) out[id] = { days: median(xs), count: xs.length };
  return out;
}
