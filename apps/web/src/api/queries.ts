/** The API's reads as TanStack Query hooks: one query key per resource, shared by every page. */
import { useQuery } from '@tanstack/react-query';
import type { ProcessDefinition } from '../../../../libs/contracts/src/definition';
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import type {
  InboxItem,
  InboxWithdrawnNotice,
  MonitoringSummary,
  ProcessSummary,
} from '../../../../libs/contracts/src/http';
import type { RoleListing } from '../../../../libs/contracts/src/roles';
import type { ProcessView, TimelineEntry } from '../../../../libs/contracts/src/process-view';
import type { Forecast } from '../../../../libs/forecast/src/types';
import type { Initiative } from '../../../../libs/definitions/src/initiatives';
import type { StuckItem } from '../../../../libs/monitoring/src/types';
import { api, apiRequest } from './client';

/** GET /processes/{id}: the state with, while running, its forecast. */
export type ProcessDetail = ProcessView & { forecast: Forecast | null };

/** GET /initiatives rows. */
export type InitiativeListing = Initiative & {
  definition: { id: string; version: number; title: string } | null;
  processes: ProcessSummary[];
};

/** How often the pages that others change (inbox, process, board) ask again. */
export const POLL_MS = 5000;

export const keys = {
  inbox: ['inbox'] as const,
  withdrawn: ['inbox', 'withdrawn'] as const,
  process: (id: string) => ['process', id] as const,
  timeline: (id: string) => ['timeline', id] as const,
  definitions: ['definitions'] as const,
  initiatives: ['initiatives'] as const,
  roles: ['roles'] as const,
  stuck: ['stuck'] as const,
  summary: ['summary'] as const,
  delegations: ['delegations'] as const,
};

export function useInbox() {
  return useQuery({
    queryKey: keys.inbox,
    queryFn: async () => {
      const { data, headers } = await apiRequest<InboxItem[]>('/inbox');
      return { items: data, truncated: headers.get('X-Accord-Truncated') === 'true' };
    },
    refetchInterval: POLL_MS,
  });
}

/** GET /inbox/withdrawn: items that left my inbox because someone asked for changes before I decided. */
export function useWithdrawn() {
  return useQuery({
    queryKey: keys.withdrawn,
    queryFn: () => api<InboxWithdrawnNotice[]>('/inbox/withdrawn'),
    refetchInterval: POLL_MS,
  });
}

export function useProcess(id: string, poll = true) {
  return useQuery({
    queryKey: keys.process(id),
    queryFn: () => api<ProcessDetail>(`/processes/${encodeURIComponent(id)}`),
    refetchInterval: poll ? POLL_MS : false,
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: keys.timeline(id),
    queryFn: () => api<TimelineEntry[]>(`/processes/${encodeURIComponent(id)}/timeline`),
    refetchInterval: POLL_MS,
  });
}

export function useDefinitions() {
  return useQuery({
    queryKey: keys.definitions,
    queryFn: () => api<ProcessDefinition[]>('/definitions'),
    staleTime: 10 * 60_000,
  });
}

export function useInitiatives() {
  return useQuery({ queryKey: keys.initiatives, queryFn: () => api<InitiativeListing[]>('/initiatives') });
}

/** The roles catalogue, named in the console's language (a language change invalidates every query). */
export function useRoles() {
  return useQuery({
    queryKey: keys.roles,
    queryFn: () => api<RoleListing[]>('/roles'),
    staleTime: 10 * 60_000,
  });
}

export function useStuck() {
  return useQuery({
    queryKey: keys.stuck,
    queryFn: async () => {
      const { data, headers } = await apiRequest<StuckItem[]>('/monitoring/stuck');
      return { items: data, truncated: headers.get('X-Accord-Truncated') === 'true' };
    },
    refetchInterval: POLL_MS,
  });
}

export function useSummary() {
  return useQuery({
    queryKey: keys.summary,
    queryFn: () => api<MonitoringSummary>('/monitoring/summary'),
    refetchInterval: 30_000,
  });
}

export function useDelegations() {
  return useQuery({ queryKey: keys.delegations, queryFn: () => api<Delegation[]>('/delegations') });
}
