/**
 * Renders every error in the one JSON shape. Unknown errors become a 500 with a generic message (the
 * details go to the log, never to the client).
 */
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApiError, type ErrorBody, type FieldProblem, statusText } from './api-error';

/** gRPC status codes of Temporal's frontend that mean "not now" rather than a fault of Accord's. */
const RETRY_LATER_GRPC_CODES = new Set([1, 4, 8, 14]);

interface Res {
  status(code: number): Res;
  json(body: unknown): void;
  headersSent?: boolean;
}

export function errorBody(exception: unknown, requestId: string | undefined): ErrorBody {
  if (exception instanceof ApiError) {
    return {
      statusCode: exception.getStatus(),
      error: statusText(exception.getStatus()),
      message: exception.message,
      ...(exception.code ? { code: exception.code } : {}),
      ...(exception.details ? { details: exception.details } : {}),
      requestId,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (isHealthResult(response)) {
      // Terminus health result (503): keep its per-check report next to the common fields.
      const down = Object.keys(response.error ?? {}).join(', ') || 'a dependency';
      return {
        statusCode: status,
        error: statusText(status),
        message: `Unhealthy: ${down} down`,
        status: 'error',
        checks: response.details,
        requestId,
      } as ErrorBody;
    }
    let message = exception.message;
    let details: FieldProblem[] | undefined;
    if (typeof response === 'object' && response !== null) {
      const m = (response as { message?: unknown }).message;
      if (Array.isArray(m)) {
        details = m.map((x) => ({ field: '', message: String(x) }));
        message = m.map(String).join('; ');
      } else if (typeof m === 'string') message = m;
    } else if (typeof response === 'string') message = response;
    return {
      statusCode: status,
      error: statusText(status),
      message,
      ...(details ? { details } : {}),
      requestId,
    };
  }
  // Temporal unreachable, too slow or overloaded: a 503 the client may retry. gRPC CANCELLED (the server's
  // "context canceled" when its own deadline ends first), DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE.
  const grpcCodes = [exception, (exception as { cause?: unknown })?.cause].map(
    (e) => (e as { code?: unknown })?.code,
  );
  const updateTimedOut = exception instanceof WorkflowUpdateRPCTimeoutOrCancelledError;
  if (updateTimedOut || grpcCodes.some((c) => typeof c === 'number' && RETRY_LATER_GRPC_CODES.has(c))) {
    return {
      statusCode: 503,
      error: statusText(503),
      message: 'Temporal is unavailable; retry later',
      code: 'UNAVAILABLE',
      requestId,
    };
  }
  // body-parser style errors (status/type) that reach Nest.
  const e = exception as {
    status?: unknown;
    statusCode?: unknown;
    type?: unknown;
    expose?: unknown;
    message?: unknown;
  };
  const status =
    typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    return { statusCode: status, error: statusText(status), message: clientMessageOf(e), requestId };
  }
  return { statusCode: 500, error: statusText(500), message: 'Internal server error', requestId };
}

function isHealthResult(
  r: unknown,
): r is { status: string; info?: object; error?: object; details?: object } {
  return (
    typeof r === 'object' &&
    r !== null &&
    (r as { status?: unknown }).status === 'error' &&
    'error' in r &&
    'info' in r
  );
}

function clientMessageOf(e: { type?: unknown; message?: unknown }): string {
  if (e.type === 'entity.parse.failed') return 'Malformed JSON body';
  if (e.type === 'entity.too.large') return 'Request body too large';
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported')
    return 'Unsupported body encoding';
  return typeof e.message === 'string' ? e.message : 'Bad request';
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<{ id?: string }>();
    const res = ctx.getResponse<Res>();
    const body = errorBody(exception, req?.id);
    if (body.statusCode >= 500 && !(exception instanceof HttpException))
      this.logger.error({ err: exception, requestId: req?.id }, 'unhandled error');
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }
}
