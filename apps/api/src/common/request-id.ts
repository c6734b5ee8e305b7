/** Request ids: a sane incoming X-Request-Id is honoured, otherwise one is generated; always echoed. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Idempotent: the body parser (which may answer first) and the logger share the same id. */
export function requestIdOf(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SAFE.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  req.id = id;
  return id;
}
