import type { Party } from '../../contracts/src/definition';

export type StuckReason = 'overdue' | 'idle' | 'failing';
export const STUCK_REASONS: readonly StuckReason[] = ['overdue', 'idle', 'failing'];

export interface NamedUser {
  id: string;
  name: string;
}

export interface WaitingOn {
  party: Party | null;
  /** Roles of that party that could act now. */
  roles: string[];
  /** Named users of the directory who hold one of those roles. */
  users: NamedUser[];
}

export interface StuckItem {
  processId: string;
  title: string;
  definitionId: string;
  stepId: string | null;
  stepTitle: string | null;
  reason: StuckReason;
  /** When it became stuck: the due time (overdue), last progress + threshold (idle), first failure (failing). */
  since: string;
  /** How long it has been stuck at the time of the check, in ms. */
  stuckForMs: number;
  waitingOn: WaitingOn;
  detail: string;
}

export interface StuckQuery {
  /** Default: every reason. */
  reasons?: StuckReason[];
  party?: Party;
  definitionId?: string;
  /** Only items stuck for at least this long. */
  olderThanMs?: number;
  /** Only items that became stuck at or after this time (the digest's "newly stuck"). */
  sinceAfter?: Date;
  now?: Date;
  /** Continue the failing scan (describes are bounded per call). */
  failingPageToken?: string;
}

export interface StuckResult {
  items: StuckItem[];
  /** Processes looked at (queried or described). */
  scanned: number;
  /** Set when the failing scan stopped at its bound: pass it back to continue. */
  failingNextPageToken: string | null;
  /** A bound was hit: some processes were not looked at. */
  truncated: boolean;
}
