/**
 * What every operation does whatever its controller declares, added to the OpenAPI document in one place so
 * that it says exactly what the API does: 400 wherever there is input to validate; 429 (rate limits:
 * rate-limit/rate-limit.guards.ts) on every rate-limited route; on every route needing a token, 403 (a token
 * without roles, NO_ROLES) and 503 (Temporal unavailable or too slow, UNAVAILABLE). Request bodies admit no
 * other field than those declared (the validation pipe refuses unknown fields: additionalProperties false).
 */
import type { OpenAPIObject } from '@nestjs/swagger';

const ERROR = { $ref: '#/components/schemas/ErrorResponseDto' };

const ADDED: Record<string, { description: string; headers?: Record<string, unknown> }> = {
  '400': {
    description: 'Invalid input (the message and details name each bad field and the value received)',
  },
  '403': { description: "The caller's party or roles do not allow this (a token without roles: NO_ROLES)" },
  '429': {
    description: 'Too many requests from this address or user (RATE_LIMITED)',
    headers: {
      'Retry-After': {
        description: 'Seconds to wait before retrying',
        schema: { type: 'integer', minimum: 1 },
      },
    },
  },
  '503': { description: 'Temporal is unavailable or did not answer in time; retry later (UNAVAILABLE)' },
};

/** Paths outside the rate limits (health probes and metrics scrapes: rate-limit.guards.ts NotRateLimited). */
const NOT_RATE_LIMITED = new Set(['/health', '/metrics']);

export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item) as Array<{
      responses?: Record<string, unknown>;
      security?: unknown[];
      parameters?: unknown[];
      requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
    }>) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      const statuses: string[] = [];
      if (operation.parameters?.length || operation.requestBody) statuses.push('400');
      for (const media of Object.values(operation.requestBody?.content ?? {}))
        closeObject(document, media.schema, new Set());
      if (!NOT_RATE_LIMITED.has(path)) statuses.push('429');
      if (operation.security?.length) statuses.push('403', '503');
      for (const status of statuses) {
        if (operation.responses[status]) continue;
        const { description, headers } = ADDED[status]!;
        operation.responses[status] = {
          description,
          ...(headers ? { headers } : {}),
          content: { 'application/json': { schema: ERROR } },
        };
      }
    }
  }
  return document;
}

/** additionalProperties: false on a request body's schema and the object schemas it refers to. */
function closeObject(document: OpenAPIObject, schema: unknown, seen: Set<unknown>): void {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/components/schemas/', '');
    closeObject(document, document.components?.schemas?.[name], seen);
    return;
  }
  if (s.properties && s.additionalProperties === undefined) s.additionalProperties = false;
  for (const prop of Object.values((s.properties ?? {}) as Record<string, unknown>))
    closeObject(document, prop, seen);
  if (s.items) closeObject(document, s.items, seen);
}
