/**
 * The forecasts of listed running processes (the summary's roll-up, the at-risk list): from the forecast memo
 * the listing carries (libs/contracts/src/forecast-memo.ts), without a Query; a process without it (started
 * before it, or past its cap) from its state Query, bounded in number and per Query; everything within one
 * time budget, so a roll-up stays quick whatever runs on the cluster (a process whose worker is gone cannot
 * answer a Query).
 */
import { forecastViewFromMemo } from '../../contracts/src/forecast-memo';
import type { ProcessView } from '../../contracts/src/process-view';
import { VIEW_MEMO } from '../../contracts/src/view-memo';
import type { Forecast } from '../../forecast/src/types';
import { mapLimit } from './limits';

/** Processes without a forecast memo whose forecast is still computed, each from a state Query. */
export const FORECAST_QUERY_LIMIT = 200;
export const FORECAST_BUDGET_MS = 8000;
const QUERY_MS = 2000;
const QUERY_CONCURRENCY = 8;

export interface ListedProcess {
  workflowId: string;
  /** The decoded memo fields the listing asked for. */
  memo?: Record<string, unknown> | null;
}

export interface ListedForecastsDeps {
  /** The state Query within `timeoutMs`; null when it does not answer. */
  query(id: string, timeoutMs: number): Promise<ProcessView | null>;
  /** The forecast of a view (the API's ForecastService.forView); null when it cannot be made. */
  forecast(view: ProcessView, now: Date): Promise<Forecast | null>;
}

export interface ListedForecasts {
  forecasts: Map<string, Forecast>;
  /** What each process shows: its view memo, or the Queried view. */
  views: Map<string, ProcessView>;
  /** A bound was hit: some processes have no forecast. */
  truncated: boolean;
}

/** With `withViews`, a process whose listing has no view memo is Queried (for what it shows). */
export async function listedForecasts(
  running: readonly ListedProcess[],
  now: Date,
  deps: ListedForecastsDeps,
  options: { withViews?: boolean; budgetMs?: number } = {},
): Promise<ListedForecasts> {
  let truncated = false;
  const forecasts = new Map<string, Forecast>();
  const views = new Map<string, ProcessView>();
  const budgetEnd = Date.now() + (options.budgetMs ?? FORECAST_BUDGET_MS);
  const toQuery: ListedProcess[] = [];
  for (const info of running) {
    const fromMemo = forecastViewFromMemo(info.workflowId, info.memo);
    const shown = info.memo?.[VIEW_MEMO] as ProcessView | undefined;
    if (!fromMemo || (options.withViews && !shown)) {
      toQuery.push(info);
      continue;
    }
    if (Date.now() >= budgetEnd) {
      truncated = true;
      break;
    }
    if (shown) views.set(info.workflowId, shown);
    const f = await deps.forecast(fromMemo, now).catch(() => null);
    if (f) forecasts.set(info.workflowId, f);
  }
  if (toQuery.length > FORECAST_QUERY_LIMIT) truncated = true;
  await mapLimit(toQuery.slice(0, FORECAST_QUERY_LIMIT), QUERY_CONCURRENCY, async (info) => {
    const left = budgetEnd - Date.now();
    if (left <= 0) {
      truncated = true;
      return;
    }
    const view = await deps.query(info.workflowId, Math.min(left, QUERY_MS));
    if (!view) return;
    views.set(info.workflowId, view);
    const f = await deps.forecast(view, now).catch(() => null);
    if (f) forecasts.set(info.workflowId, f);
  });
  return { forecasts, views, truncated };
}
