/**
 * The caller's inbox: one visibility query for running processes awaiting any of the caller's `PARTY:role`
 * keys (own roles and roles delegated to them), then a state Query per process of that bounded page to
 * list the steps themselves.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { stateQuery } from '../../../../libs/contracts/src/messages';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { awaitingRoleKey } from '../../../../libs/contracts/src/search-attributes';
import { TEMPORAL_CLIENT } from '../common/tokens';
import { DelegationsStore } from '../delegations/delegations.store';
import { inboxItemsOf, sortInbox, type InboxItem } from './inbox-items';
import { listPage, PROCESSES, quote } from '../processes/visibility';

/** Processes inspected per inbox request (one Query each). */
export const INBOX_PROCESS_LIMIT = 100;

@Injectable()
export class InboxService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly delegationsStore: DelegationsStore,
  ) {}

  async inbox(caller: Principal, options: { overdue?: boolean } = {}): Promise<InboxItem[]> {
    const now = Date.now();
    const delegations = await this.delegationsStore.toPerson(caller.sub, caller.party);
    const roles = new Set([...caller.roles, ...delegations.flatMap((d) => d.roles)]);
    if (!roles.size) return [];
    const keys = [...roles].map((r) => quote(awaitingRoleKey(caller.party, r)));
    const query = `${PROCESSES} AND ExecutionStatus = 'Running' AND AccordAwaitingRoles IN (${keys.join(', ')})`;
    const page = await listPage(this.client, query, INBOX_PROCESS_LIMIT);
    const views = await Promise.all(
      page.items.map(
        (info) =>
          this.client.workflow
            .getHandle(info.workflowId)
            .query(stateQuery)
            .catch(() => null), // closed or gone since the listing: not in the inbox
      ),
    );
    const items = views.flatMap((v) => (v ? inboxItemsOf(v, caller, delegations, now) : []));
    return sortInbox(options.overdue ? items.filter((i) => i.overdue) : items);
  }
}
