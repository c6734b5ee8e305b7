/**
 * What the forecast (libs/forecast) reads of a process, kept by the workflow in its memo (`FORECAST_MEMO`)
 * beside the view memo (./view-memo.ts), so the summary's roll-up and the at-risk list forecast the processes
 * of a visibility listing without a Query per process (and without decoding the larger view memo).
 *
 * The forecast reads, of the view: the process's definition, status and start (its close when closed), the
 * parameters its definition names (conditions, span amounts, dates), and per step its status, its
 * `completedAt`, the outputs the definition names (`stepId.name` in conditions and dates) and, for an active
 * step, `startedAt`, `dueAt` and `dueProjected`. This memo is exactly that, and nothing else: a waiting step
 * with nothing recorded reads as an absent one and is left out; steps are tuples. A forecast from
 * `forecastViewFromMemo` equals the one from the full view (libs/forecast/src/forecast-memo.spec.ts, every
 * shipped definition at every state). Pure (also runs in the workflow sandbox). Bounded: by the definition's
 * steps and the parameters and outputs it names, and by `FORECAST_MEMO_MAX_BYTES` (past it the workflow
 * removes the field and readers Query the process, as for a process started before this memo existed).
 */
import type { ParamValue, ProcessDefinition } from './definition';
import type { ProcessStatus, ProcessView, StepStatus, StepView } from './process-view';

/** The memo field; its value is a `ForecastMemo`. */
export const FORECAST_MEMO = 'accordForecast';

/** The format's version: readers take a memo of another version as absent (and Query). */
export const FORECAST_MEMO_VERSION = 1;

/** The hard cap on the field's JSON (UTF-8 bytes): past it the workflow leaves the field out. */
export const FORECAST_MEMO_MAX_BYTES = 4096;

/**
 * An instant as epoch milliseconds (the forecast reads instants, never their spelling: `new Date(x)`), or the
 * string as it is when it is not one (so even that reads the same); null for none.
 */
export type MemoInstant = number | string | null;

/**
 * A step: `[id, status, completedAt]` (`completedAt` null when not completed), and for an active step
 * `[id, 'active', completedAt, startedAt, dueAt, dueProjected]` (`dueProjected` 1 when the due time was
 * counted beyond published calendar data, else 0).
 */
export type ForecastMemoStep =
  | [id: string, status: StepStatus, completedAt: MemoInstant]
  | [
      id: string,
      status: StepStatus,
      completedAt: MemoInstant,
      startedAt: MemoInstant,
      dueAt: MemoInstant,
      dueProjected: 0 | 1,
    ];

function toMemoInstant(iso: string | null | undefined): MemoInstant {
  if (iso === null || iso === undefined) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : iso;
}

function fromMemoInstant(m: MemoInstant | undefined): string | null {
  if (m === null || m === undefined) return null;
  return typeof m === 'number' ? new Date(m).toISOString() : m;
}

export interface ForecastMemo {
  v: typeof FORECAST_MEMO_VERSION;
  definitionId: string;
  definitionVersion: number;
  status: ProcessStatus;
  startedAt: string;
  /** When closed only (what a closed process's forecast answers). */
  closedAt?: string | null;
  lastProgressAt?: string;
  /** Only the parameters the definition names (an absent one reads as its default, as in the view). */
  parameters: Record<string, ParamValue>;
  /** In view order; a waiting step with nothing recorded is left out. */
  steps: ForecastMemoStep[];
  /** Step id → the recorded outputs the definition names. */
  outputs: Record<string, Record<string, ParamValue>>;
}

/** The parameters and step outputs a definition names anywhere in its steps (`{ param }`, `{ output }`). */
export interface ForecastReads {
  params: ReadonlySet<string>;
  /** Step id → output names. */
  outputs: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Every `{ param: string }` and `{ output: 'step.name' }` in the steps (conditions, span amounts, date
 * expressions): a walk over the whole tree, so a reference the forecast may read is never missed (one it
 * does not read costs a few bytes).
 */
export function forecastReads(definition: Pick<ProcessDefinition, 'steps'>): ForecastReads {
  const params = new Set<string>();
  const outputs = new Map<string, Set<string>>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.param === 'string') params.add(o.param);
    if (typeof o.output === 'string') {
      const dot = o.output.indexOf('.');
      const step = dot < 0 ? o.output : o.output.slice(0, dot);
      const name = dot < 0 ? '' : o.output.slice(dot + 1);
      if (!outputs.has(step)) outputs.set(step, new Set());
      outputs.get(step)!.add(name);
    }
    for (const v of Object.values(o)) if (v && typeof v === 'object') walk(v);
  };
  walk(definition.steps);
  return { params, outputs };
}

const own = (o: object | undefined, k: string) => !!o && Object.prototype.hasOwnProperty.call(o, k);

function namedOutputs(step: StepView, reads: ForecastReads): Record<string, ParamValue> | undefined {
  let outputs: Record<string, ParamValue> | undefined;
  for (const name of reads.outputs.get(step.id) ?? []) {
    if (own(step.outputs, name)) (outputs ??= {})[name] = step.outputs[name]!;
  }
  return outputs;
}

/** UTF-8 length of a string (no TextEncoder in every sandbox). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The memo of a view; null when its JSON would pass `FORECAST_MEMO_MAX_BYTES` (then readers Query). */
export function forecastMemoOf(view: ProcessView, reads: ForecastReads): ForecastMemo | null {
  const parameters: Record<string, ParamValue> = {};
  for (const name of reads.params) if (own(view.parameters, name)) parameters[name] = view.parameters[name]!;
  const steps: ForecastMemoStep[] = [];
  const outputs: ForecastMemo['outputs'] = {};
  for (const s of view.steps) {
    const named = namedOutputs(s, reads);
    if (s.status === 'waiting' && !s.completedAt && !named) continue;
    if (named) outputs[s.id] = named;
    steps.push(
      s.status === 'active'
        ? [
            s.id,
            s.status,
            toMemoInstant(s.completedAt),
            toMemoInstant(s.startedAt),
            toMemoInstant(s.dueAt),
            s.dueProjected === true ? 1 : 0,
          ]
        : [s.id, s.status, toMemoInstant(s.completedAt)],
    );
  }
  const memo: ForecastMemo = {
    v: FORECAST_MEMO_VERSION,
    definitionId: view.definitionId,
    definitionVersion: view.definitionVersion,
    status: view.status,
    startedAt: view.startedAt,
    ...(view.status !== 'running' ? { closedAt: view.closedAt, lastProgressAt: view.lastProgressAt } : {}),
    parameters,
    steps,
    outputs,
  };
  return utf8Bytes(JSON.stringify(memo)) <= FORECAST_MEMO_MAX_BYTES ? memo : null;
}

/**
 * A view for the forecast only (GET /processes/{id} answers the real one): the process `id` as its memo has
 * it, with placeholders where the forecast reads nothing (titles, parties, decisions, other outputs).
 */
export function forecastViewOf(id: string, memo: ForecastMemo): ProcessView {
  return {
    id,
    title: id,
    definitionId: memo.definitionId,
    definitionVersion: memo.definitionVersion,
    definitionTitle: memo.definitionId,
    status: memo.status,
    businessKey: null,
    initiativeId: null,
    parameters: { ...memo.parameters },
    initiator: { sub: '', name: '' },
    startedAt: memo.startedAt,
    closedAt: memo.closedAt ?? null,
    outcome: null,
    lastProgressAt: memo.lastProgressAt ?? memo.startedAt,
    dueTimesPending: false,
    steps: memo.steps.map(([stepId, status, completedAt, startedAt, dueAt, dueProjected]): StepView => ({
      id: stepId,
      title: stepId,
      type: 'task',
      status,
      dueAt: fromMemoInstant(dueAt),
      ...(dueProjected === 1 ? { dueProjected: true } : {}),
      startedAt: fromMemoInstant(startedAt),
      completedAt: fromMemoInstant(completedAt),
      outputs: { ...(memo.outputs[stepId] ?? {}) },
      outputTypes: {},
      parties: {},
      round: 1,
      parallel: null,
    })),
  };
}

function isForecastMemo(m: unknown): m is ForecastMemo {
  const o = m as Partial<ForecastMemo> | null;
  return (
    !!o &&
    o.v === FORECAST_MEMO_VERSION &&
    typeof o.definitionId === 'string' &&
    typeof o.startedAt === 'string' &&
    !!o.parameters &&
    typeof o.parameters === 'object' &&
    !!o.outputs &&
    typeof o.outputs === 'object' &&
    Array.isArray(o.steps) &&
    o.steps.every((s) => Array.isArray(s) && typeof s[0] === 'string')
  );
}

/**
 * The view the forecast needs, from a listed execution's decoded memo; null when the field is missing (a
 * process started before this memo, or past the cap) or of another version: Query that process.
 */
export function forecastViewFromMemo(
  id: string,
  memo: Record<string, unknown> | undefined | null,
): ProcessView | null {
  const fm = memo?.[FORECAST_MEMO];
  return isForecastMemo(fm) ? forecastViewOf(id, fm) : null;
}
