/**
 * GET /inbox/withdrawn's notices from one page of its visibility listing: each listed process's steps from
 * the withdrawn memo the listing carries (libs/contracts/src/withdrawn-memo.ts), without a Query; only a
 * process without it (started before it existed, or past its cap) is Queried, as every process was before.
 * The views then go through the same reader's scope, notices and language as a Queried one, so the answer
 * is the one the Queries gave. Nest-free (the service gives it the Query, the scope and the names).
 */
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import type { InboxWithdrawnNotice } from '../../../../libs/contracts/src/http';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView } from '../../../../libs/contracts/src/process-view';
import { withdrawnViewFromMemo } from '../../../../libs/contracts/src/withdrawn-memo';
import { mapLimit } from '../../../../libs/monitoring/src/limits';
import { withdrawnNoticesOf } from './inbox-items';

/** How long an item withdrawn by a restarted round is listed (days of ACCORD_DAY_LENGTH). */
export const WITHDRAWN_NOTICE_DAYS = 14;

/** A listed process: its id and the memo fields the listing decoded. */
export interface ListedProcess {
  workflowId: string;
  memo?: Record<string, unknown> | null;
}

export interface WithdrawnListingDeps {
  /** The state Query of a process without the memo; null when it does not answer in time or is gone. */
  query(id: string): Promise<ProcessView | null>;
  /** What the caller may read of a view (another party's internal steps carry no comment). */
  readable(view: ProcessView): ProcessView;
  /** The notices in the caller's language (as they are when none is asked). */
  localize(view: ProcessView, notices: InboxWithdrawnNotice[]): InboxWithdrawnNotice[];
  concurrency: number;
}

export interface WithdrawnListing {
  /** Newest first. */
  items: InboxWithdrawnNotice[];
  /** Processes without the memo whose Query did not answer. */
  unanswered: number;
}

export async function withdrawnFromListing(
  listed: readonly ListedProcess[],
  caller: Principal,
  delegations: Delegation[],
  window: { since: number; noticeMs: number },
  deps: WithdrawnListingDeps,
): Promise<WithdrawnListing> {
  let unanswered = 0;
  const views = await mapLimit([...listed], deps.concurrency, async (info) => {
    const fromMemo = withdrawnViewFromMemo(info.workflowId, info.memo);
    if (fromMemo) return fromMemo;
    const view = await deps.query(info.workflowId);
    if (!view) unanswered++;
    return view;
  });
  const items = views
    .flatMap((v) => {
      if (!v) return [];
      const notices = withdrawnNoticesOf(
        deps.readable(v),
        caller,
        delegations,
        window.since,
        window.noticeMs,
      );
      return deps.localize(v, notices);
    })
    .sort((a, b) => b.withdrawnAt.localeCompare(a.withdrawnAt));
  return { items, unanswered };
}
