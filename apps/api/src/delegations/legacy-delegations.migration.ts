/**
 * Delegations made before the per-person stores lived in one workflow (DELEGATIONS_WORKFLOW_ID). When the
 * API starts, it copies that store's live delegations into the per-person stores and then ends it, so an
 * upgrade loses none. Safe to run from several API replicas at once and to run again after a crash: an add
 * with the same id replaces, and the old store ends only after every copy was attempted.
 */
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  DELEGATIONS_WORKFLOW_ID,
  delegationsQuery,
  type Delegation,
} from '../../../../libs/contracts/src/delegations';
import { TEMPORAL_CLIENT } from '../common/tokens';
import { DELEGATIONS_QUERY_TIMEOUT_MS, DelegationsStore } from './delegations.store';

export interface LegacyMigrationResult {
  /** Live delegations copied into the per-person stores. */
  moved: number;
  /** Refused by a bound of the new stores (each logged with why), or ended already. */
  skipped: number;
}

@Injectable()
export class LegacyDelegationsMigration implements OnApplicationBootstrap {
  private readonly log = new Logger('Delegations');

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly store: DelegationsStore,
  ) {}

  /** In the background: the API starts (and answers 503s) even while Temporal is unreachable. */
  onApplicationBootstrap(): void {
    void this.run().then(
      (r) =>
        r &&
        this.log.log(`moved ${r.moved} delegations from ${DELEGATIONS_WORKFLOW_ID} (${r.skipped} skipped)`),
      (err: Error) =>
        this.log.warn(`${DELEGATIONS_WORKFLOW_ID} not migrated yet (next start retries): ${err.message}`),
    );
  }

  /** Null when there is nothing to migrate (no old store, or it has ended). */
  async run(now = Date.now()): Promise<LegacyMigrationResult | null> {
    const handle = this.client.workflow.getHandle(DELEGATIONS_WORKFLOW_ID);
    let all: Delegation[];
    try {
      if ((await handle.describe()).status.name !== 'RUNNING') return null;
      all = await this.client.connection.withDeadline(Date.now() + DELEGATIONS_QUERY_TIMEOUT_MS, () =>
        handle.query(delegationsQuery),
      );
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
    const result: LegacyMigrationResult = { moved: 0, skipped: 0 };
    for (const d of all) {
      if (Date.parse(d.until) <= now) {
        result.skipped++;
        continue;
      }
      try {
        await this.store.add(d);
        result.moved++;
      } catch (err) {
        // A bound of the new stores (409): the delegator must end one first; say which was left behind.
        result.skipped++;
        this.log.warn(
          `delegation ${d.id} (${d.from.sub} → ${d.to.sub}) not moved: ${(err as Error).message}`,
        );
      }
    }
    try {
      await handle.terminate(
        'delegations moved to the per-person stores (accord-delegations-given-/received-)',
      );
    } catch (err) {
      // Another API replica ended it first.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    return result;
  }
}
