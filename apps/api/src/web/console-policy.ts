/**
 * What the API decides about the web console it serves: which paths are not the console's, how long
 * files may be cached, what the Content Security Policy allows, whether a build is there. Plain functions
 * (web-console.module.ts wires them), so unit specs and the supervisor load them without Nest.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';

/** Paths that never fall back to index.html: the API's own, and the assets folder (a missing asset is a 404). */
export const NOT_THE_CONSOLE = /^\/(api|docs|docs-json|docs-yaml|health|metrics|assets)(\/|$)/;

/** Vite writes content-hashed files under assets/; everything else (index.html, icons) may change in place. */
export function cacheControlFor(file: string): string {
  return file.split(path.sep).includes('assets') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export function webConsoleBuilt(config: Pick<AccordConfig, 'web'>): boolean {
  return fs.existsSync(path.join(config.web.dir, 'index.html'));
}

/**
 * Helmet's CSP directives for the console and Swagger UI: scripts from this origin only, inline styles
 * (Swagger UI, web components), and the OIDC issuer for discovery, token and silent renew requests.
 * No upgrade-insecure-requests: TLS is the reverse proxy's job, and on plain http (a laptop, a LAN
 * address) it would send the console's own assets to an https port that does not exist.
 */
export function contentSecurityPolicy(config: AccordConfig): Record<string, string[] | null> {
  const issuer = config.oidc ? [new URL(config.oidc.issuer).origin] : [];
  return {
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...issuer],
    'frame-src': ["'self'", ...issuer],
    'upgrade-insecure-requests': null,
  };
}
