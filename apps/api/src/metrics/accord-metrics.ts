/**
 * Accord's Prometheus metrics over one Registry of their own (never prom-client's global one), so several
 * apps in one process (tests) do not clash over metric names. Free of Nest, so unit specs load it directly.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { isErrorCode } from '../../../../libs/contracts/src/errors';

/** Label of a request that matched no route: keeps unknown URLs (and ids in them) out of the labels. */
export const UNMATCHED_ROUTE = 'unmatched';

export type CoordinatorAction = 'nudge' | 'reassign' | 'extend' | 'cancel';

/**
 * "ok" aside, the outcome of a failure: its Accord error code (ApiError.code, e.g. WRONG_PARTY), else
 * "HTTP_<status>" for other HTTP exceptions, else "error".
 */
export function outcomeOf(err: unknown): string {
  const e = err as { code?: unknown; getStatus?: unknown } | null;
  if (isErrorCode(e?.code)) return e.code;
  if (typeof e?.getStatus === 'function') return `HTTP_${String((e.getStatus as () => number).call(e))}`;
  return 'error';
}

export class AccordMetrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'accord_http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly started = new Counter({
    name: 'accord_processes_started_total',
    help: 'Processes started, by definition',
    labelNames: ['definition'] as const,
    registers: [this.registry],
  });

  private readonly decisions = new Counter({
    name: 'accord_decisions_total',
    help: 'Approval decisions, by decision and outcome (ok or the error code)',
    labelNames: ['decision', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly completions = new Counter({
    name: 'accord_completions_total',
    help: 'Task completions, by outcome (ok or the error code)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly coordinatorActions = new Counter({
    name: 'accord_coordinator_actions_total',
    help: 'Coordinator actions (nudge, reassign, extend, cancel), by outcome (ok or the error code)',
    labelNames: ['action', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  processStarted(definitionId: string): void {
    this.started.inc({ definition: definitionId });
  }

  /** Runs a decision and counts it with its outcome; the result or error passes through unchanged. */
  countDecision<T>(decision: string, run: () => Promise<T>): Promise<T> {
    return counted(run, (outcome) => this.decisions.inc({ decision, outcome }));
  }

  countCompletion<T>(run: () => Promise<T>): Promise<T> {
    return counted(run, (outcome) => this.completions.inc({ outcome }));
  }

  countCoordinatorAction<T>(action: CoordinatorAction, run: () => Promise<T>): Promise<T> {
    return counted(run, (outcome) => this.coordinatorActions.inc({ action, outcome }));
  }

  close(): void {
    this.registry.clear();
  }
}

async function counted<T>(run: () => Promise<T>, count: (outcome: string) => void): Promise<T> {
  try {
    const result = await run();
    count('ok');
    return result;
  } catch (err) {
    count(outcomeOf(err));
    throw err;
  }
}
