/** The optional protection of GET /metrics: ACCORD_METRICS_TOKEN, sent as `Authorization: Bearer <token>`. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True when no token is configured, or the header carries exactly that token (compared in constant time). */
export function metricsTokenAccepted(
  expected: string | undefined,
  authorization: string | undefined,
): boolean {
  if (!expected) return true;
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(expected));
}
