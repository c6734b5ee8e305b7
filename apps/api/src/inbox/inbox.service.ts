/**
 * The caller's inbox: one visibility query for running processes awaiting any of the caller's `PARTY:role`
 * keys (own roles and roles delegated to them), then a state Query per process of that bounded page to
 * list the steps themselves.
 */
import { Injectable } from '@nestjs/common';
import { stateQuery } from '../../../../libs/contracts/src/messages';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { awaitingRoleKey } from '../../../../libs/contracts/src/search-attributes';
import { clauses, TemporalGateway } from '../temporal/temporal-gateway';
import { DelegationsStore } from '../delegations/delegations.store';
import { inboxItemsOf, sortInbox, type InboxItem } from './inbox-items';
import { mapLimit } from '../../../../libs/monitoring/src/limits';
import type { Lang } from '../../../../libs/contracts/src/i18n';
import { localizeInboxItem } from '../../../../libs/definitions/src/view-i18n';
import { Catalogue } from '../definitions/catalogue';

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

  /** `lang`: the language of the names (steps, definitions, outputs); the engine's English by default. */
  async inbox(caller: Principal, options: { overdue?: boolean; lang?: Lang } = {}): Promise<Inbox> {
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
    const items = views.flatMap((v) => {
      if (!v) return [];
      const book =
        options.lang && this.catalogue.titleBook(v.definitionId, v.definitionVersion, options.lang);
      const mine = inboxItemsOf(v, caller, delegations, now);
      return book ? mine.map((i) => localizeInboxItem(i, book)) : mine;
    });
    return {
      items: sortInbox(options.overdue ? items.filter((i) => i.overdue) : items),
      truncated: page.nextPageToken !== null || unanswered > 0,
    };
  }
}
