/**
 * Counts every gRPC attempt the benchmark's Temporal connection makes (the API's, the worker's client and the
 * baselines share it): per method, the attempts, the ones that failed and with which status (e.g.
 * RESOURCE_EXHAUSTED: Temporal's per-namespace rate limits), and the time spent in them. It sits inside the
 * SDK's retry interceptor, so a call the client retries counts once per attempt.
 */
import * as grpc from '@grpc/grpc-js';

export interface MethodStats {
  attempts: number;
  /** Failed attempts by gRPC status name. */
  failed: Record<string, number>;
  /** Sum of the attempts' durations (concurrent attempts overlap). */
  ms: number;
  /** The last failure's status details (what the server said). */
  lastFailure?: string;
}

export type RpcStats = Record<string, MethodStats>;

export class RpcCounter {
  private readonly stats: RpcStats = {};

  readonly interceptor: grpc.Interceptor = (options, nextCall) => {
    const method = String(options.method_definition.path).split('/').pop() ?? '?';
    const t0 = performance.now();
    return new grpc.InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        next(metadata, {
          onReceiveStatus: (status, pass) => {
            const s = (this.stats[method] ??= { attempts: 0, failed: {}, ms: 0 });
            s.attempts++;
            s.ms += performance.now() - t0;
            if (status.code !== grpc.status.OK) {
              const name = grpc.status[status.code] ?? String(status.code);
              s.failed[name] = (s.failed[name] ?? 0) + 1;
              s.lastFailure = `${name}: ${status.details}`.slice(0, 300);
            }
            pass(status);
          },
        });
      },
    });
  };

  snapshot(): RpcStats {
    return structuredClone(this.stats);
  }
}

/** What happened between two snapshots. */
export function rpcDelta(after: RpcStats, before: RpcStats): RpcStats {
  const out: RpcStats = {};
  for (const [m, a] of Object.entries(after)) {
    const b = before[m] ?? { attempts: 0, failed: {}, ms: 0 };
    if (a.attempts === b.attempts) continue;
    const failed: Record<string, number> = {};
    for (const [k, n] of Object.entries(a.failed))
      if (n - (b.failed[k] ?? 0)) failed[k] = n - (b.failed[k] ?? 0);
    out[m] = { attempts: a.attempts - b.attempts, failed, ms: a.ms - b.ms };
    if (Object.keys(failed).length) out[m].lastFailure = a.lastFailure;
  }
  return out;
}

/** Adds `d` into `into`. */
export function rpcAdd(into: RpcStats, d: RpcStats): void {
  for (const [m, s] of Object.entries(d)) {
    const t = (into[m] ??= { attempts: 0, failed: {}, ms: 0 });
    t.attempts += s.attempts;
    t.ms += s.ms;
    for (const [k, n] of Object.entries(s.failed)) t.failed[k] = (t.failed[k] ?? 0) + n;
    if (s.lastFailure) t.lastFailure = s.lastFailure;
  }
}

/** "ListWorkflowExecutions 3.0 (12 ms), CountWorkflowExecutions 21.0 (RESOURCE_EXHAUSTED 0.4)", per request. */
export function rpcLine(s: RpcStats, requests: number): string {
  return Object.entries(s)
    .sort((a, b) => b[1].attempts - a[1].attempts)
    .map(([m, x]) => {
      const per = (n: number) => (n / requests).toFixed(1);
      const failed = Object.entries(x.failed).map(([k, n]) => `${k} ${per(n)}`);
      return `${m} ${per(x.attempts)}${failed.length ? ` (${failed.join(', ')})` : ''}`;
    })
    .join(', ');
}
