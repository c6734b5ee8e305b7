/**
 * The forecast memo (libs/contracts/src/forecast-memo.ts) forecasts exactly as the full view does: every
 * shipped definition and version driven through the engine step by step (with the real calendars), the
 * forecast from the two memos (through JSON, as visibility hands them back) compared with the one from the
 * state Query's view at every state. And its size, for the largest shipped definition, under the hard cap.
 */
import type { ParamValue, ProcessDefinition } from '../../contracts/src/definition';
import {
  FORECAST_MEMO,
  FORECAST_MEMO_MAX_BYTES,
  forecastMemoOf,
  forecastReads,
  forecastViewFromMemo,
  utf8Bytes,
} from '../../contracts/src/forecast-memo';
import type { ProcessView } from '../../contracts/src/process-view';
import { VIEW_MEMO, memoViewOf } from '../../contracts/src/view-memo';
import { INITIATIVES } from '../../definitions/src/initiatives';
import { listDefinitions, listDefinitionVersions } from '../../definitions/src/catalogue';
import { agreementEntryIntoForceV2 } from '../../definitions/src/shipped/agreement-entry-into-force-v2';
import { calendarSpans } from '../../monitoring/src/calendar-adapter';
import { createEngine, processView } from '../../../workflows/engine';
import { startInput } from '../../../test/engine/fixtures';
import { driveToEnd, settleDues } from '../../../test/engine/drive-to-end';
import { forecastProcess } from './forecast';

const DAY = 86_400_000;
const { addSpan, answerSpan } = calendarSpans({ dayLengthMs: DAY });

/** What visibility hands back: the memo fields as the workflow upserts them, through JSON. */
function listedMemo(view: ProcessView, def: ProcessDefinition): Record<string, unknown> {
  const fm = forecastMemoOf(view, forecastReads(def));
  return JSON.parse(
    JSON.stringify({ [VIEW_MEMO]: memoViewOf(view), [FORECAST_MEMO]: fm ?? undefined }),
  ) as Record<string, unknown>;
}

const forecastOf = (view: ProcessView, def: ProcessDefinition, now: Date) =>
  forecastProcess({ view, definition: def, now, addSpan, answerSpan, dayLengthMs: DAY });

/** Drives a process to its end (test/engine/drive-to-end.ts), calling `at` with each state; the number of states. */
function drive(
  def: ProcessDefinition,
  params: Record<string, ParamValue>,
  variant: number,
  at: (view: ProcessView, now: Date) => void,
): number {
  const { states, status } = driveToEnd(def, params, variant, at);
  expect(status).not.toBe('running');
  return states;
}

/** Every shipped definition and version, with its defaults and with each initiative's parameters. */
function cases(): Array<[string, ProcessDefinition, Record<string, ParamValue>, number]> {
  const out: Array<[string, ProcessDefinition, Record<string, ParamValue>, number]> = [];
  for (const d of listDefinitions()) {
    for (const def of listDefinitionVersions(d.id)) {
      for (const variant of [0, 1]) out.push([`${def.id} v${def.version} (${variant})`, def, {}, variant]);
      for (const i of INITIATIVES.filter((x) => x.definitionId === def.id))
        out.push([`${def.id} v${def.version}, ${i.id}`, def, i.defaultParameters ?? {}, 1]);
    }
  }
  return out;
}

describe('forecast from the memos', () => {
  it.each(cases())('equals the forecast from the full view at every state: %s', (_, def, params, variant) => {
    let compared = 0;
    const states = drive(def, params, variant, (view, now) => {
      const fromMemo = forecastViewFromMemo(view.id, listedMemo(view, def));
      expect(fromMemo).not.toBeNull();
      expect(forecastOf(fromMemo!, def, now)).toEqual(forecastOf(view, def, now));
      compared++;
    });
    expect(compared).toBe(states);
    expect(states).toBeGreaterThan(2);
  });

  it('equals it for a closed process too (its closing date)', () => {
    const def = agreementEntryIntoForceV2;
    const e = createEngine(def, startInput(def, {}), '2026-12-02T00:00:00.000Z');
    settleDues(e);
    const view = { ...processView(e), status: 'cancelled' as const, closedAt: '2026-12-05T10:00:00.000Z' };
    const now = new Date('2026-12-06T00:00:00.000Z');
    expect(forecastOf(forecastViewFromMemo(view.id, listedMemo(view, def))!, def, now)).toEqual(
      forecastOf(view, def, now),
    );
  });

  it('equals it when a due time was counted beyond published calendar data (projected)', () => {
    const def = agreementEntryIntoForceV2;
    const e = createEngine(def, startInput(def, {}), '2026-12-02T00:00:00.000Z');
    settleDues(e);
    const view = processView(e);
    // A binding deadline (earlier than the typical duration) counted beyond the published calendars.
    for (const s of view.steps.filter((x) => x.status === 'active')) {
      s.dueAt = '2026-12-04T00:00:00.000Z';
      s.dueProjected = true;
    }
    const now = new Date('2026-12-02T08:00:00.000Z');
    const full = forecastOf(view, def, now);
    expect(full.basis.some((b) => b.projected)).toBe(true);
    expect(forecastOf(forecastViewFromMemo(view.id, listedMemo(view, def))!, def, now)).toEqual(full);
  });

  it('is absent (Query the process) without either field, or of another version', () => {
    const def = agreementEntryIntoForceV2;
    const e = createEngine(def, startInput(def, {}), '2026-12-02T00:00:00.000Z');
    const memo = listedMemo(processView(e), def);
    expect(forecastViewFromMemo('p', memo)).not.toBeNull();
    expect(forecastViewFromMemo('p', { [FORECAST_MEMO]: memo[FORECAST_MEMO] })).not.toBeNull();
    expect(forecastViewFromMemo('p', undefined)).toBeNull();
    expect(forecastViewFromMemo('p', { [VIEW_MEMO]: memo[VIEW_MEMO] })).toBeNull();
    expect(
      forecastViewFromMemo('p', { ...memo, [FORECAST_MEMO]: { ...(memo[FORECAST_MEMO] as object), v: 2 } }),
    ).toBeNull();
    expect(forecastViewFromMemo('p', { [FORECAST_MEMO]: { v: 1 } })).toBeNull();
  });
});

describe('forecast memo size', () => {
  it('reads only what the definition names: no free-text parameter, no unnamed output', () => {
    const def = agreementEntryIntoForceV2;
    const reads = forecastReads(def);
    expect(reads.params.has('requiresDietApproval')).toBe(true);
    expect([...(reads.outputs.get('jp-note') ?? [])]).toEqual(['receivedOn']);
    const e = createEngine(def, startInput(def, { signedOn: '2026-11-30' }), '2026-12-02T00:00:00.000Z');
    settleDues(e);
    const view = processView(e);
    const memo = forecastMemoOf({ ...view, parameters: { ...view.parameters, note: 'free text' } }, reads)!;
    expect(memo.parameters).toMatchObject({ signedOn: '2026-11-30' });
    expect(memo.parameters).not.toHaveProperty('note');
    expect(memo.steps.length).toBeGreaterThan(0);
    expect(memo.steps.length).toBeLessThan(view.steps.length);
    expect(memo.steps.every(([, status, completedAt]) => status !== 'waiting' || completedAt)).toBe(true);
    // An active step carries its dates; no title, parties or decisions anywhere.
    const active = view.steps.find((s) => s.status === 'active')!;
    expect(memo.steps.find(([id]) => id === active.id)).toEqual([
      active.id,
      'active',
      null,
      Date.parse(active.startedAt!),
      active.dueAt ? Date.parse(active.dueAt) : null,
      active.dueProjected ? 1 : 0,
    ]);
    expect(JSON.stringify(memo)).not.toMatch(/title|parties|decisions/);
  });

  it(`stays under ${FORECAST_MEMO_MAX_BYTES} bytes through agreement-entry-into-force v2, the largest shipped definition`, () => {
    const def = agreementEntryIntoForceV2;
    const sizes = { forecast: 0, view: 0 };
    for (const [params, variant] of [
      [{}, 0],
      [{}, 1],
      ...INITIATIVES.filter((i) => i.definitionId === def.id).map((i) => [i.defaultParameters ?? {}, 1]),
    ] as Array<[Record<string, ParamValue>, number]>) {
      drive(def, params, variant, (view) => {
        const fm = forecastMemoOf(view, forecastReads(def));
        expect(fm).not.toBeNull();
        sizes.forecast = Math.max(sizes.forecast, utf8Bytes(JSON.stringify(fm)));
        sizes.view = Math.max(sizes.view, utf8Bytes(JSON.stringify(memoViewOf(view))));
      });
    }
    // The largest of every shipped definition's steps: version 2 of the agreement is the one to measure.
    const steps = (d: ProcessDefinition) => JSON.stringify(d.steps).length;
    for (const d of listDefinitions())
      for (const v of listDefinitionVersions(d.id)) expect(steps(v)).toBeLessThanOrEqual(steps(def));
    process.stderr.write(
      `[forecast memo] agreement-entry-into-force v2: forecast memo at most ${sizes.forecast} bytes ` +
        `(cap ${FORECAST_MEMO_MAX_BYTES}), view memo at most ${sizes.view} bytes\n`,
    );
    expect(sizes.forecast).toBeGreaterThan(100);
    // Measured 2,699 bytes (its last states: some forty steps completed); a quarter of the cap left over.
    expect(sizes.forecast).toBeLessThanOrEqual((FORECAST_MEMO_MAX_BYTES * 3) / 4);
  });

  it('is left out past the cap (a parameter the definition names, grown past it)', () => {
    const def = agreementEntryIntoForceV2;
    const named = [...forecastReads(def).params][0]!;
    const e = createEngine(def, startInput(def, {}), '2026-12-02T00:00:00.000Z');
    const view = processView(e);
    expect(forecastMemoOf(view, forecastReads(def))).not.toBeNull();
    const big = { ...view, parameters: { ...view.parameters, [named]: 'x'.repeat(FORECAST_MEMO_MAX_BYTES) } };
    expect(forecastMemoOf(big, forecastReads(def))).toBeNull();
    // Counted in UTF-8 bytes, not characters.
    const kana = { ...view, parameters: { ...view.parameters, [named]: 'あ'.repeat(1400) } };
    expect(utf8Bytes('あ')).toBe(3);
    expect(forecastMemoOf(kana, forecastReads(def))).toBeNull();
  });
});
