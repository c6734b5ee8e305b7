/**
 * JSON body parsing under the API's control: size limit (413), malformed JSON (400) and non-object bodies
 * (400) answer in the common error shape instead of reaching Express's HTML error page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from './all-exceptions.filter';
import { ApiError } from './api-error';
import { requestIdOf } from './request-id';

type Req = IncomingMessage & { body?: unknown; id?: string };
type Res = ServerResponse & { status(code: number): Res; json(body: unknown): void };
type Middleware = (req: Req, res: Res, next: (err?: unknown) => void) => void;

// Express ships with @nestjs/platform-express (no separate typings installed): type the one function used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const express = require('express') as {
  json(options: { limit: string; strict: boolean; type: string[] }): Middleware;
};

export function jsonBody(limit: string): Middleware {
  const parse = express.json({ limit, strict: true, type: ['application/json', 'application/*+json'] });
  return (req, res, next) => {
    // Body errors are answered here, before the logger assigns ids: assign it now (the logger reuses it).
    const requestId = requestIdOf(req, res);
    parse(req, res, (err?: unknown) => {
      if (err) {
        const body = errorBody(err, requestId);
        return void res.status(body.statusCode).json(body);
      }
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(req.method ?? '');
      const b = req.body;
      if (hasBody && b !== undefined && (typeof b !== 'object' || b === null || Array.isArray(b))) {
        const body = errorBody(
          new ApiError(400, 'The request body must be a JSON object', undefined, 'INVALID_INPUT'),
          requestId,
        );
        return void res.status(400).json(body);
      }
      next();
    });
  };
}
