/**
 * Monitoring settings, read from the environment beside loadConfig() (libs/config is shared; these are
 * owned here):
 * - ACCORD_IDLE_AFTER: default idle threshold when a definition sets none, "<n> <unit>" (default "14 calendar-days")
 * - ACCORD_MONITORING_MAX_PROCESSES: candidates queried per reason per call (default 500)
 * - ACCORD_MONITORING_MAX_DESCRIBES: executions described per failing-scan page (default 100)
 * - ACCORD_DIGEST_TIME_ZONE (IANA, default UTC) / ACCORD_DIGEST_AT (HH:MM, default 07:00): the daily digest
 * - ACCORD_DIGEST_SCHEDULE (on|off, default on): whether the worker creates/updates the digest Schedule
 */
import { SPAN_UNITS, type Span, type SpanUnit } from '../../contracts/src/definition';
import { DEFAULT_IDLE_AFTER } from './idle-threshold';

export interface MonitoringConfig {
  idleDefault: Span;
  maxProcesses: number;
  maxDescribes: number;
  digest: { enabled: boolean; timeZone: string; hour: number; minute: number };
}

export function parseSpan(raw: string, name: string): Span {
  const m = /^\s*(\d+)\s+([a-z-]+)(?:\s+(JP|CA))?\s*$/.exec(raw);
  if (!m || !SPAN_UNITS.includes(m[2] as SpanUnit)) {
    throw new Error(`${name} must be "<n> <unit>" with unit one of ${SPAN_UNITS.join(', ')}, got "${raw}"`);
  }
  const span: Span = { amount: Number(m[1]), unit: m[2] as SpanUnit };
  if (m[3]) span.calendar = m[3] as 'JP' | 'CA';
  return span;
}

function posInt(env: NodeJS.ProcessEnv, name: string, fallback: number, max = 100_000): number {
  const raw = env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`${name} must be an integer in 1..${max}, got "${raw}"`);
  return n;
}

function digestEnabled(raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === 'on') return true;
  if (raw === 'off') return false;
  throw new Error(`ACCORD_DIGEST_SCHEDULE must be on or off, got "${raw}"`);
}

export function loadMonitoringConfig(env: NodeJS.ProcessEnv = process.env): MonitoringConfig {
  const at = /^(\d{1,2})(?::(\d{2}))?$/.exec(env.ACCORD_DIGEST_AT ?? '07:00');
  if (!at || Number(at[1]) > 23 || Number(at[2] ?? 0) > 59)
    throw new Error(`ACCORD_DIGEST_AT must be HH:MM, got "${env.ACCORD_DIGEST_AT}"`);
  return {
    idleDefault: env.ACCORD_IDLE_AFTER
      ? parseSpan(env.ACCORD_IDLE_AFTER, 'ACCORD_IDLE_AFTER')
      : DEFAULT_IDLE_AFTER,
    maxProcesses: posInt(env, 'ACCORD_MONITORING_MAX_PROCESSES', 500),
    maxDescribes: posInt(env, 'ACCORD_MONITORING_MAX_DESCRIBES', 100, 1000),
    digest: {
      enabled: digestEnabled(env.ACCORD_DIGEST_SCHEDULE),
      timeZone: env.ACCORD_DIGEST_TIME_ZONE || 'UTC',
      hour: Number(at[1]),
      minute: Number(at[2] ?? 0),
    },
  };
}
