/**
 * CPU time of one forecast (libs/forecast `forecastProcess`, what GET /processes/{id}, the at-risk list and the
 * summary's roll-ups run up to ~200 times a request) over shipped definitions, with the real calendars —
 * beside the same forecasts counted day by day (test/support/calendar-reference.ts, the counting before the
 * day indexes) in the same run. And one computeDues-style span count (21 sitting days from an instant, as the
 * worker's activity and the API's first settle count it), both ways. No server: pure CPU.
 *
 *   npm run build && node dist/bench/forecast.js [--repeat 30] [--warmup 3]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/bench/forecast.js --only reference   # or indexed
 *
 * The states: each definition driven through the engine as its people would (tasks recorded, approvals
 * given, timers fired when due), a day or more apart, from 2 Dec 2026 (the forecast-memo spec's driver);
 * every state is forecast `--repeat` times per side, the sides alternating per round.
 */
import * as os from 'node:os';
import type { ParamValue, ProcessDefinition } from '../libs/contracts/src/definition';
import type { ProcessView } from '../libs/contracts/src/process-view';
import { computeDueAnswer } from '../libs/calendars/src/compute-due';
import { loadDietCalendar } from '../libs/calendars/src/diet-calendar';
import { holidaysOf } from '../libs/calendars/src/holidays';
import { withSittingEvents } from '../libs/calendars/src/recorded-events';
import { loadSittingCalendar } from '../libs/calendars/src/sitting-calendar';
import type { CalendarEvent } from '../libs/contracts/src/calendar-events';
import { INITIATIVES } from '../libs/definitions/src/initiatives';
import { agreementEntryIntoForceV2 } from '../libs/definitions/src/shipped/agreement-entry-into-force-v2';
import { implementingArrangementV2 } from '../libs/definitions/src/shipped/implementing-arrangement-v2';
import { tradeMissionV2 } from '../libs/definitions/src/shipped/trade-mission-v2';
import { forecastProcess } from '../libs/forecast/src/forecast';
import type { AnswerSpan } from '../libs/forecast/src/types';
import { calendarSpans } from '../libs/monitoring/src/calendar-adapter';
import { driveToEnd } from '../test/engine/drive-to-end';
import { refComputeDueAnswer } from '../test/support/calendar-reference';
import { intFlag, ratio, runIfMain, summarize, table } from './stats';

const DAY = 86_400_000;

interface State {
  view: ProcessView;
  now: Date;
}

/** The states of one process driven to its end (test/engine/drive-to-end.ts). */
function drive(def: ProcessDefinition, params: Record<string, ParamValue>, variant: number): State[] {
  const states: State[] = [];
  driveToEnd(def, params, variant, (view, now) => states.push({ view, now }));
  return states;
}

interface Case {
  label: string;
  def: ProcessDefinition;
  states: State[];
}

function cases(): Case[] {
  const agreement = agreementEntryIntoForceV2;
  const initiative = INITIATIVES.find((i) => i.definitionId === agreement.id);
  const out: Case[] = [
    { label: `${agreement.id} v2, defaults`, def: agreement, states: drive(agreement, {}, 0) },
    { label: `${agreement.id} v2, past dates`, def: agreement, states: drive(agreement, {}, 1) },
  ];
  if (initiative)
    out.push({
      label: `${agreement.id} v2, ${initiative.id}`,
      def: agreement,
      states: drive(agreement, initiative.defaultParameters ?? {}, 1),
    });
  out.push(
    {
      label: 'implementing-arrangement v2',
      def: implementingArrangementV2,
      states: drive(implementingArrangementV2, {}, 0),
    },
    { label: 'trade-mission v2', def: tradeMissionV2, states: drive(tradeMissionV2, {}, 0) },
  );
  return out;
}

/** CPU microseconds (user + system) of one call. */
function cpuOf(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** A House of Commons dissolution recorded through the API, so the sitting calendar carries an event. */
const RECORDED: CalendarEvent[] = [
  {
    id: 'bench-dissolution',
    chamber: 'house-of-commons',
    kind: 'dissolution',
    from: '2027-03-01',
    to: '2027-04-20',
    source: 'bench',
    recordedAt: '2026-12-01T00:00:00.000Z',
    recordedBy: { sub: 'bench', name: 'Bench', party: 'CA' },
  },
];

async function main(): Promise<void> {
  const repeat = intFlag('repeat', 30);
  const warmup = intFlag('warmup', 3);
  const onlyIdx = process.argv.indexOf('--only');
  const only = onlyIdx > 0 ? process.argv[onlyIdx + 1] : undefined;
  const load0 = os.loadavg();

  const indexed = calendarSpans({ dayLengthMs: DAY }, () => RECORDED);
  const sitting = withSittingEvents(loadSittingCalendar(), RECORDED);
  const diet = loadDietCalendar();
  const reference: AnswerSpan = (from, span) =>
    refComputeDueAnswer(from, span, {
      dayLengthMs: DAY,
      ...(span.unit === 'sitting-days' ? { sittingCalendar: sitting } : {}),
      ...(span.unit === 'diet-days' ? { dietCalendar: diet } : {}),
    });
  const sides: Array<{ name: string; answerSpan: AnswerSpan }> = [
    { name: 'reference', answerSpan: reference },
    { name: 'indexed', answerSpan: indexed.answerSpan },
  ].filter((s) => !only || s.name === only);

  const all = cases();
  const forecast = (c: Case, s: State, answerSpan: AnswerSpan) =>
    forecastProcess({
      view: s.view,
      definition: c.def,
      now: s.now,
      addSpan: (f, sp) => answerSpan(f, sp).due,
      answerSpan,
      dayLengthMs: DAY,
    });

  // The holiday years both sides read, loaded before anything is timed; then the first forecast of each side
  // (the indexed side builds its day indexes there).
  for (let y = 2025; y <= 2045; y++) for (const p of ['JP', 'CA'] as const) holidaysOf(p, y);
  const cold: Record<string, number> = {};
  for (const side of [...sides].reverse())
    cold[side.name] = cpuOf(() => forecast(all[0]!, all[0]!.states[0]!, side.answerSpan));
  let compared = 0;
  if (sides.length === 2)
    for (const c of all)
      for (const s of c.states) {
        const a = JSON.stringify(forecast(c, s, sides[0]!.answerSpan));
        const b = JSON.stringify(forecast(c, s, sides[1]!.answerSpan));
        if (a !== b) throw new Error(`${c.label}: the forecasts differ at ${s.now.toISOString()}`);
        compared++;
      }

  const samples = new Map<string, number[]>();
  for (let round = 0; round < warmup + repeat; round++) {
    const order = round % 2 ? [...sides].reverse() : sides;
    for (const side of order)
      for (const c of all)
        for (const s of c.states) {
          const us = cpuOf(() => forecast(c, s, side.answerSpan));
          if (round < warmup) continue;
          for (const key of [`${side.name}|${c.label}`, `${side.name}|all`]) {
            if (!samples.has(key)) samples.set(key, []);
            samples.get(key)!.push(us);
          }
        }
  }

  // computeDues-style: 21 sitting days from an Ottawa afternoon instant, on the calendar with a recorded event.
  const spanSamples = new Map<string, number[]>();
  const from = new Date('2026-12-02T19:23:11.000Z');
  const span = { amount: 21, unit: 'sitting-days' as const, calendar: 'CA' as const };
  const spanSides = [
    {
      name: 'reference',
      count: () => refComputeDueAnswer(from, span, { dayLengthMs: DAY, sittingCalendar: sitting }),
    },
    {
      name: 'indexed',
      count: () => computeDueAnswer(from, span, { dayLengthMs: DAY, sittingCalendar: sitting }),
    },
  ].filter((s) => !only || s.name === only);
  if (spanSides.length === 2) {
    const [a, b] = spanSides.map((s) => JSON.stringify(s.count()));
    if (a !== b) throw new Error(`the span counts differ: ${a} / ${b}`);
  }
  for (let round = 0; round < 20 * (warmup + repeat); round++)
    for (const side of round % 2 ? [...spanSides].reverse() : spanSides) {
      const us = cpuOf(side.count);
      if (round >= 20 * warmup) {
        if (!spanSamples.has(side.name)) spanSamples.set(side.name, []);
        spanSamples.get(side.name)!.push(us);
      }
    }
  const floor: number[] = [];
  for (let i = 0; i < 2000; i++) floor.push(cpuOf(() => undefined));
  const load1 = os.loadavg();

  const states = all.reduce((n, c) => n + c.states.length, 0);
  process.stdout.write(
    `forecast CPU per call, ms (${states} states of ${all.length} processes, ${repeat} rounds after ${warmup} warm-up; ` +
      `${compared} forecasts compared equal; load average ${load0[0]!.toFixed(2)} → ${load1[0]!.toFixed(2)})\n\n`,
  );
  const fine = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '-');
  const rows: Array<Array<string | number>> = [];
  for (const c of [...all.map((x) => x.label), 'all']) {
    const per = sides.map((s) => summarize(samples.get(`${s.name}|${c}`) ?? []));
    const row: Array<string | number> = [c, per[0]!.n];
    for (const p of per) row.push(fine(p.p50), fine(p.p95));
    if (per.length === 2) row.push(ratio(per[0]!.p50, per[1]!.p50));
    rows.push(row);
  }
  const headers = ['', 'n'];
  for (const s of sides) headers.push(`${s.name} p50`, `${s.name} p95`);
  if (sides.length === 2) headers.push('p50 ratio');
  process.stdout.write(`${table(headers, rows)}\n\n`);
  process.stdout.write(
    `first forecast of each side (holiday years loaded before), ms: ${sides
      .map((s) => `${s.name} ${fine(cold[s.name]!)}`)
      .join(', ')}; the timer's floor (an empty call) p50 ${fine(summarize(floor).p50)} ms\n\n`,
  );
  const spanRows = spanSides.map((s) => {
    const x = summarize(spanSamples.get(s.name) ?? []);
    return [`21 sitting days from an instant: ${s.name}`, x.n, fine(x.p50), fine(x.p95)];
  });
  process.stdout.write(`${table(['computeDues-style span', 'n', 'p50 ms', 'p95 ms'], spanRows)}\n`);
}

runIfMain(module, main);
