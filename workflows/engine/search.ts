/**
 * Search-attribute values derived from state, keyed by field of libs/contracts SA (the workflow maps them
 * to typed keys). Compared with the last upserted values so unchanged attributes are not upserted again.
 */
import { indexOf } from './structure';
import { awaitedRoles } from './timing';
import type { Engine } from './types';

export interface SearchValues {
  status: string;
  definitionId: string;
  pillar: string;
  initiative: string | null;
  businessKey: string | null;
  initiator: string;
  awaitingParties: string[];
  awaitingRoles: string[];
  currentSteps: string[];
  nextDueAt: string | null;
  lastProgressAt: string;
  progressPct: number;
  title: string;
}

export function searchValues(e: Engine): SearchValues {
  const s = e.state;
  const idx = indexOf(e.def);
  const active = idx.order.filter((id) => s.steps[id]!.status === 'active');
  const roles = [...new Set(active.flatMap((id) => awaitedRoles(e, id)))].sort();
  const parties = [...new Set(roles.map((r) => r.slice(0, r.indexOf(':'))))].sort();
  // A step whose sides have their own due times is first due at the earliest of them.
  const dues = active
    .flatMap((id) => {
      const st = s.steps[id]!;
      return st.dueByParty ? Object.values(st.dueByParty) : [st.dueAt];
    })
    .filter((d): d is string => d !== null && d !== undefined);
  const next = dues.length ? dues.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) : null;
  const total = idx.order.length;
  const finished = idx.order.filter((id) => ['completed', 'skipped'].includes(s.steps[id]!.status)).length;
  return {
    status: s.status,
    definitionId: e.def.id,
    pillar: e.def.roadmap?.pillar ?? '',
    initiative: s.initiativeId,
    businessKey: s.businessKey,
    initiator: s.initiator.sub,
    awaitingParties: parties,
    awaitingRoles: roles,
    currentSteps: active,
    nextDueAt: next,
    lastProgressAt: s.lastProgressAt,
    progressPct: s.status === 'completed' ? 100 : total === 0 ? 0 : Math.floor((finished * 100) / total),
    title: s.title,
  };
}

/** The fields whose value differs from `before` (all of them when there is no `before`). */
export function changedSearchValues(now: SearchValues, before: SearchValues | null): Partial<SearchValues> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(now) as Array<keyof SearchValues>) {
    if (!before || JSON.stringify(now[k]) !== JSON.stringify(before[k])) out[k] = now[k];
  }
  return out as Partial<SearchValues>;
}
