/**
 * 405 with `Allow` for a method the OpenAPI document does not declare on a path it does declare (RFC 9110
 * §15.5.6), instead of the router's 404: the document says exactly what the API does, and clients (and
 * schemathesis's `unsupported_method` check) can tell "wrong method" from "no such resource".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiError } from './api-error';
import { errorBody } from './all-exceptions.filter';
import { requestIdOf } from './request-id';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface DeclaredPath {
  template: string;
  pattern: RegExp;
  /** Upper-case methods, HEAD with GET (Express answers it). */
  allow: string[];
}

/** The document's paths as patterns: `{id}` matches one path segment. */
export function declaredPaths(document: Pick<OpenAPIObject, 'paths'>): DeclaredPath[] {
  return Object.entries(document.paths).map(([template, item]) => {
    const declared = METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((m) => m.toUpperCase());
    if (declared.includes('GET') && !declared.includes('HEAD')) declared.push('HEAD');
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return { template, pattern: new RegExp(`^${source}/?$`), allow: declared };
  });
}

/** The methods allowed on `path` when it is declared and `method` is not among them; else null. */
export function notAllowed(paths: DeclaredPath[], method: string, path: string): DeclaredPath | null {
  const found = paths.find((p) => p.pattern.test(path));
  return found && !found.allow.includes(method.toUpperCase()) ? found : null;
}

/** Express middleware answering 405 (the common error shape, with `Allow`). */
export function methodNotAllowed(document: Pick<OpenAPIObject, 'paths'>) {
  const paths = declaredPaths(document);
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const found = notAllowed(paths, req.method ?? 'GET', path);
    if (!found) return next();
    const allow = found.allow.join(', ');
    const error = new ApiError(
      405,
      `${req.method} is not allowed on ${found.template}; allowed: ${allow}`,
      undefined,
      'METHOD_NOT_ALLOWED',
    );
    res.statusCode = 405;
    res.setHeader('Allow', allow);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(errorBody(error, requestIdOf(req, res))));
  };
}
