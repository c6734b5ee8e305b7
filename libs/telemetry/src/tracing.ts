/**
 * OpenTelemetry tracing, on by configuration: with OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) set, the API and the worker export spans over OTLP/HTTP (the
 * standard OTEL_* settings apply: headers, service name, sampling), with the trace carried from the HTTP
 * request through the Temporal client (start, Update) into the workflow and its activities
 * (@temporalio/interceptors-opentelemetry). Without it nothing is traced and nothing is added.
 */
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  /** Where spans go (also the worker's sink for workflow spans). */
  processor: SpanProcessor;
  resource: Resource;
  /** Flushes what is buffered and stops. */
  shutdown(): Promise<void>;
}

export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let started: Tracing | undefined;

/** The process's tracing, started once: from the environment, or with the given processor (tests). */
export function startTracing(
  serviceName: string,
  options: { env?: NodeJS.ProcessEnv; processor?: SpanProcessor } = {},
): Tracing | undefined {
  if (started) return started;
  const env = options.env ?? process.env;
  if (!options.processor && !tracingConfigured(env)) return undefined;
  const processor = options.processor ?? new BatchSpanProcessor(new OTLPTraceExporter());
  const resource = new Resource({ 'service.name': env.OTEL_SERVICE_NAME || serviceName });
  // No automatic instrumentations: the HTTP span is Accord's own (tracing-middleware.ts) and the Temporal
  // spans come from Temporal's interceptors; NodeSDK registers the context manager and propagators.
  const sdk = new NodeSDK({ resource, spanProcessors: [processor], instrumentations: [] });
  sdk.start();
  started = { processor, resource, shutdown: () => sdk.shutdown() };
  return started;
}

export function activeTracing(): Tracing | undefined {
  return started;
}
