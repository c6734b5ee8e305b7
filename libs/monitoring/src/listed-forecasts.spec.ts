/**
 * The roll-up's and the at-risk list's forecasts (listedForecasts): from the listing's forecast memo without a Query; a process
 * without it (started before it, or past its cap) is Queried, at most FORECAST_QUERY_LIMIT of them.
 */
import { FORECAST_MEMO, forecastMemoOf, forecastReads } from '../../contracts/src/forecast-memo';
import type { ProcessView } from '../../contracts/src/process-view';
import { VIEW_MEMO, memoViewOf } from '../../contracts/src/view-memo';
import type { Forecast } from '../../forecast/src/types';
import { agreementEntryIntoForceV2 as def } from '../../definitions/src/shipped/agreement-entry-into-force-v2';
import { createEngine, processView } from '../../../workflows/engine';
import { startInput } from '../../../test/engine/fixtures';
import { FORECAST_QUERY_LIMIT, listedForecasts, type ListedProcess } from './listed-forecasts';

const view = (id: string): ProcessView =>
  processView(createEngine(def, startInput(def, {}, id), '2026-12-02T00:00:00.000Z'));

/** A listed execution: with both memos as the workflow upserts them, with the view memo only, or none. */
function listed(id: string, memo: 'both' | 'view' | 'none'): ListedProcess {
  const v = view(id);
  const fields =
    memo === 'none'
      ? undefined
      : JSON.parse(
          JSON.stringify({
            [VIEW_MEMO]: memoViewOf(v),
            ...(memo === 'both' ? { [FORECAST_MEMO]: forecastMemoOf(v, forecastReads(def)) } : {}),
          }),
        );
  return { workflowId: id, memo: fields as Record<string, unknown> | undefined };
}

function service() {
  const queried: string[] = [];
  const forecastFor: ProcessView[] = [];
  const deps = {
    query: async (id: string) => {
      queried.push(id);
      return view(id);
    },
    forecast: async (v: ProcessView) => {
      forecastFor.push(v);
      return { projectedCompletion: `of ${v.id}` } as Forecast;
    },
  };
  const svc = {
    deps,
    forecastsOf: (infos: ListedProcess[], now: Date, options: { withViews?: boolean } = {}) =>
      listedForecasts(infos, now, deps, options),
  };
  return { svc, queried, forecastFor };
}

describe('listedForecasts', () => {
  const now = new Date('2026-12-03T00:00:00.000Z');

  it('forecasts from the forecast memo without a Query; Queries only the processes without it', async () => {
    const { svc, queried, forecastFor } = service();
    const infos = [listed('a', 'both'), listed('b', 'view'), listed('c', 'none'), listed('d', 'both')];
    const r = await svc.forecastsOf(infos, now);
    expect(queried.sort()).toEqual(['b', 'c']);
    expect([...r.forecasts.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(r.forecasts.get('a')!.projectedCompletion).toBe('of a');
    expect(r.truncated).toBe(false);
    // The memo's view carries what the forecast reads of the process (the rest is in forecast-memo.spec.ts).
    const a = forecastFor.find((v) => v.id === 'a')!;
    expect(a).toMatchObject({ definitionId: def.id, definitionVersion: def.version, status: 'running' });
    expect(a.parameters).toEqual(forecastMemoOf(view('a'), forecastReads(def))!.parameters);
    // What the at-risk list shows: the view memo (or the Queried view).
    expect(r.views.get('a')).toEqual(JSON.parse(JSON.stringify(memoViewOf(view('a')))));
  });

  it(`Queries at most ${FORECAST_QUERY_LIMIT} processes without the memo (truncated); those with it are all forecast`, async () => {
    const { svc, queried } = service();
    const infos = [
      ...Array.from({ length: 250 }, (_, i) => listed(`old-${i}`, 'none')),
      ...Array.from({ length: 300 }, (_, i) => listed(`new-${i}`, 'both')),
    ];
    const r = await svc.forecastsOf(infos, now);
    expect(queried).toHaveLength(FORECAST_QUERY_LIMIT);
    expect(queried.every((id) => id.startsWith('old-'))).toBe(true);
    expect(r.forecasts.size).toBe(300 + FORECAST_QUERY_LIMIT);
    expect(r.truncated).toBe(true);
  });

  it('with views asked for, Queries a process that has the forecast memo but not the view memo', async () => {
    const { svc, queried } = service();
    const v = view('e');
    const info: ListedProcess = {
      workflowId: 'e',
      memo: JSON.parse(JSON.stringify({ [FORECAST_MEMO]: forecastMemoOf(v, forecastReads(def)) })) as Record<
        string,
        unknown
      >,
    };
    await svc.forecastsOf([info], now);
    expect(queried).toEqual([]);
    const r = await svc.forecastsOf([info], now, { withViews: true });
    expect(queried).toEqual(['e']);
    expect(r.views.get('e')!.steps.length).toBe(v.steps.length);
  });

  it('stops at the time budget (truncated), Queries included', async () => {
    const { svc, queried } = service();
    const r = await listedForecasts(
      [listed('a', 'both'), listed('b', 'none')],
      new Date(),
      {
        query: svc.deps.query,
        forecast: svc.deps.forecast,
      },
      { budgetMs: 0 },
    );
    expect(r.forecasts.size).toBe(0);
    expect(queried).toEqual([]);
    expect(r.truncated).toBe(true);
  });
});
