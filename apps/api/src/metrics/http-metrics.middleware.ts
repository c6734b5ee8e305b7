/**
 * Times every HTTP request and records it when the response is finished, so answers from guards (401),
 * filters and body parsing are counted as well as handler results. The route label is the matched route
 * template (/api/v1/processes/:id), never the raw URL. Installed first by app.factory.ts (app.use), so it
 * also sees /health and /metrics, which Nest's prefixed middleware routes would not.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UNMATCHED_ROUTE, type AccordMetrics } from './accord-metrics';

/** What express adds to the request once a route matched. */
type RoutedRequest = IncomingMessage & { baseUrl?: string; route?: { path?: unknown } };

/** The matched route template; catch-alls (Nest's 404 handler, /api/v1*path) count as unmatched. */
export function routeTemplateOf(req: { baseUrl?: string; route?: { path?: unknown } }): string {
  const path = req.route?.path;
  return typeof path === 'string' && !path.includes('*') ? `${req.baseUrl ?? ''}${path}` : UNMATCHED_ROUTE;
}

export function httpMetricsMiddleware(metrics: AccordMetrics) {
  return (req: RoutedRequest, res: ServerResponse, next: () => void): void => {
    const end = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      end({
        method: req.method ?? 'UNKNOWN',
        route: routeTemplateOf(req),
        status_code: String(res.statusCode),
      });
    });
    next();
  };
}
