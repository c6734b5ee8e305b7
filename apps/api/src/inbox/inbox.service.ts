/**
 * The caller's inbox: one visibility query for running processes awaiting any of the caller's `PARTY:role`
 * keys (own roles and roles delegated to them), then a state Query per process of that bounded page to
 * list the steps themselves.
 */
import { Injectable } from '@nestjs/common';
import { stateQuery } from '../../../../libs/contracts/src/messages';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView } from '../../../../libs/contracts/src/process-view';
import { awaitingRoleKey } from '../../../../libs/contracts/src/search-attributes';
import { clauses, TemporalGateway } from '../temporal/temporal-gateway';
import { Catalogue } from '../definitions/catalogue';
import { DelegationsStore } from '../delegations/delegations.store';
import { internalStepsOf, viewFor } from '../../../../libs/directory/src/read-scope';
import { inboxItemsOf, sortInbox, type InboxItem } from './inbox-items';
import { mapLimit } from '../../../../libs/monitoring/src/limits';

/** Processes inspected per inbox request (one Query each). */
export const INBOX_PROCESS_LIMIT = 100;
/** A process whose worker cannot answer must not hold the whole inbox. */
const QUERY_TIMEOUT_MS = 3000;
const QUERY_CONCURRENCY = 8;

export interface Inbox {
  items: InboxItem[];
  /** More processes await the caller than one request inspects, or some did not answer in time. */
  truncated: boolean;
}

@Injectable()
export class InboxService {
  constructor(
    private readonly gateway: TemporalGateway,
    private readonly delegationsStore: DelegationsStore,
    private readonly catalogue: Catalogue,
  ) {}

  async inbox(caller: Principal, options: { overdue?: boolean } = {}): Promise<Inbox> {
    const now = Date.now();
    const delegations = await this.delegationsStore.toPerson(caller.sub, caller.party);
    const roles = new Set([...caller.roles, ...delegations.flatMap((d) => d.roles)]);
    if (!roles.size) return { items: [], truncated: false };
    const quote = clauses.quote;
    const keys = [...roles].map((r) => quote(awaitingRoleKey(caller.party, r)));
    const query = `${clauses.processes} AND ExecutionStatus = 'Running' AND AccordAwaitingRoles IN (${keys.join(', ')})`;
    const page = await this.gateway.list(query, INBOX_PROCESS_LIMIT);
    let unanswered = 0;
    const views = await mapLimit(page.items, QUERY_CONCURRENCY, async (info) => {
      // Closed since the listing (not in the inbox any more), or its worker did not answer in time.
      const view = await this.gateway.tryQuery(info.workflowId, stateQuery, QUERY_TIMEOUT_MS);
      if (!view) unanswered++;
      return view;
    });
    // A change request asked from another party's internal step carries no comment here either.
    const readable = (v: ProcessView) =>
      viewFor(caller, internalStepsOf(this.catalogue.getDefinition(v.definitionId, v.definitionVersion)), v);
    const items = views.flatMap((v) => (v ? inboxItemsOf(readable(v), caller, delegations, now) : []));
    return {
      items: sortInbox(options.overdue ? items.filter((i) => i.overdue) : items),
      truncated: page.nextPageToken !== null || unanswered > 0,
    };
  }
}
