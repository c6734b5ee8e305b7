/**
 * One server span per HTTP request (W3C traceparent from the caller is continued), made active for the
 * handler so that the Temporal client's spans (StartWorkflow, UpdateWorkflow) and everything the workflow
 * does after are children of it. Named after the matched route template once the response is finished.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

type RoutedRequest = IncomingMessage & { baseUrl?: string; route?: { path?: unknown } };

export function httpTracingMiddleware(routeOf: (req: RoutedRequest) => string) {
  const tracer = trace.getTracer('accord-api');
  return (req: RoutedRequest, res: ServerResponse, next: () => void): void => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer.startSpan(
      `${req.method} ${(req.url ?? '').split('?')[0]}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'UNKNOWN' } },
      parent,
    );
    res.once('finish', () => {
      const route = routeOf(req);
      span.updateName(`${req.method} ${route}`);
      span.setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
