/**
 * The caller's inbox: one visibility query for running processes awaiting any of the caller's `PARTY:role`
 * keys (own roles and roles delegated to them; the own roles listed beside the read of the delegations,
 * listing-beside-delegations.ts), paged; the steps themselves come from each process's inbox
 * memo in that same answer (libs/contracts/src/view-memo.ts), so the cost does not grow with the number
 * of processes. Only a process that ran before the memo existed is Queried.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import { SA } from '../../../../libs/contracts/src/search-attributes';
import { ACCORD_CONFIG } from '../common/tokens';
import { Catalogue } from '../definitions/catalogue';
import { stateQuery } from '../../../../libs/contracts/src/messages';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView } from '../../../../libs/contracts/src/process-view';
import { VIEW_MEMO } from '../../../../libs/contracts/src/view-memo';
import { WITHDRAWN_MEMO } from '../../../../libs/contracts/src/withdrawn-memo';
import { awaitingRoleKey } from '../../../../libs/contracts/src/search-attributes';
import { clauses, TemporalGateway } from '../temporal/temporal-gateway';
import { DelegationsStore } from '../delegations/delegations.store';
import { internalStepsOf, viewFor } from '../../../../libs/directory/src/read-scope';
import {
  definitionsWithRoles,
  inboxItemsOf,
  sortInbox,
  type InboxItem,
  type InboxWithdrawnNotice,
} from './inbox-items';
import { mapLimit } from '../../../../libs/monitoring/src/limits';
import { listBesideDelegations } from './listing-beside-delegations';
import { WITHDRAWN_NOTICE_DAYS, withdrawnFromListing } from './withdrawn-listing';
import type { Lang } from '../../../../libs/contracts/src/i18n';
import { localizeInboxItem, localizeWithdrawnNotice } from '../../../../libs/definitions/src/view-i18n';

/** Processes per inbox page (one visibility page; a Query only for a process without the inbox memo). */
export const INBOX_PROCESS_LIMIT = 100;
/** A process whose worker cannot answer must not hold the whole inbox. */
const QUERY_TIMEOUT_MS = 3000;
const QUERY_CONCURRENCY = 8;
export { WITHDRAWN_NOTICE_DAYS };
/** Processes inspected per withdrawn-notices request (a Query only for a process without the withdrawn memo). */
export const WITHDRAWN_PROCESS_LIMIT = 50;

export interface Inbox {
  items: InboxItem[];
  /** More processes await the caller than one request inspects, or some did not answer in time. */
  truncated: boolean;
  /** The next page of processes awaiting the caller (GET /inbox?pageToken=…), null on the last one. */
  nextPageToken: string | null;
}

@Injectable()
export class InboxService {
  constructor(
    private readonly gateway: TemporalGateway,
    private readonly delegationsStore: DelegationsStore,
    private readonly catalogue: Catalogue,
    @Inject(ACCORD_CONFIG) private readonly config: AccordConfig,
  ) {}

  /**
   * Items a restarted round took out of the caller's inbox in the last WITHDRAWN_NOTICE_DAYS: running
   * processes of the catalogue's definitions where the caller's roles act, with progress since then (the
   * change request is progress), newest first, bounded. The steps come from each process's withdrawn memo
   * in that same listing (libs/contracts/src/withdrawn-memo.ts, ./withdrawn-listing.ts); only a process
   * without it (started before it existed, or past its cap) is Queried.
   */
  async withdrawn(
    caller: Principal,
    lang?: Lang,
  ): Promise<{ items: InboxWithdrawnNotice[]; truncated: boolean }> {
    const noticeMs = WITHDRAWN_NOTICE_DAYS * this.config.dayLengthMs;
    const since = Date.now() - noticeMs;
    const delegations = await this.delegationsStore.toPerson(caller.sub, caller.party);
    const roles = new Set([...caller.roles, ...delegations.flatMap((d) => d.roles)]);
    const defs = this.catalogue.listDefinitions().flatMap((d) => this.catalogue.listDefinitionVersions(d.id));
    const ids = definitionsWithRoles(defs, caller.party, roles);
    if (!ids.length) return { items: [], truncated: false };
    const quote = clauses.quote;
    const query =
      `${clauses.running} AND ${SA.definitionId.name} IN (${ids.map(quote).join(', ')}) ` +
      `AND ${SA.lastProgressAt.name} >= ${quote(new Date(since).toISOString())}`;
    // Only the withdrawn memo is decoded (not the larger view memo).
    const page = await this.gateway.listWithMemo(query, WITHDRAWN_PROCESS_LIMIT, undefined, {
      fields: [WITHDRAWN_MEMO],
      runningOnly: true,
    });
    const { items, unanswered } = await withdrawnFromListing(
      page.items,
      caller,
      delegations,
      { since, noticeMs },
      {
        query: (id) => this.gateway.tryQuery(id, stateQuery, QUERY_TIMEOUT_MS),
        readable: (v) => this.readable(caller, v),
        localize: (v, notices) => {
          const book = lang && this.catalogue.titleBook(v.definitionId, v.definitionVersion, lang);
          return book ? notices.map((n) => localizeWithdrawnNotice(n, book)) : notices;
        },
        concurrency: QUERY_CONCURRENCY,
      },
    );
    return { items, truncated: page.nextPageToken !== null || unanswered > 0 };
  }

  /** `lang`: the language of the names (steps, definitions, outputs); the engine's English by default. */
  async inbox(
    caller: Principal,
    options: { overdue?: boolean; lang?: Lang; pageToken?: string } = {},
  ): Promise<Inbox> {
    const now = Date.now();
    const quote = clauses.quote;
    const { delegations, page } = await listBesideDelegations(
      caller.roles,
      () => this.delegationsStore.toPerson(caller.sub, caller.party),
      (d) => d.roles,
      (roles) => {
        const keys = roles.map((r) => quote(awaitingRoleKey(caller.party, r)));
        const query = `${clauses.processes} AND ExecutionStatus = 'Running' AND AccordAwaitingRoles IN (${keys.join(', ')})`;
        return this.gateway.listWithMemo(query, INBOX_PROCESS_LIMIT, options.pageToken);
      },
    );
    if (!page) return { items: [], truncated: false, nextPageToken: null };
    let unanswered = 0;
    const views = await mapLimit(page.items, QUERY_CONCURRENCY, async (info) => {
      // The memo the workflow upserted with the same search attributes the listing matched on.
      const memo = info.memo?.[VIEW_MEMO] as ProcessView | undefined;
      if (memo) return memo;
      // Started before the memo existed. Null: closed since the listing, or its worker did not answer in time.
      const view = await this.gateway.tryQuery(info.workflowId, stateQuery, QUERY_TIMEOUT_MS);
      if (!view) unanswered++;
      return view;
    });
    const items = views.flatMap((v) => {
      if (!v) return [];
      const book =
        options.lang && this.catalogue.titleBook(v.definitionId, v.definitionVersion, options.lang);
      const mine = inboxItemsOf(this.readable(caller, v), caller, delegations, now);
      return book ? mine.map((i) => localizeInboxItem(i, book)) : mine;
    });
    return {
      items: sortInbox(options.overdue ? items.filter((i) => i.overdue) : items),
      truncated: page.nextPageToken !== null || unanswered > 0,
      nextPageToken: page.nextPageToken,
    };
  }

  /** What the caller may read of a view: another party's internal steps carry no comment or output here either. */
  private readable(caller: Principal, v: ProcessView): ProcessView {
    return viewFor(
      caller,
      internalStepsOf(this.catalogue.getDefinition(v.definitionId, v.definitionVersion)),
      v,
    );
  }
}
