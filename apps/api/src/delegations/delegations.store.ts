/**
 * Reads and writes delegations in the delegations workflow (one per namespace), started on first use with
 * update-with-start so concurrent first writers cannot race.
 */
import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import {
  addDelegationUpdate,
  DELEGATIONS_WORKFLOW_ID,
  DELEGATIONS_WORKFLOW_TYPE,
  delegationsQuery,
  removeDelegationUpdate,
  type Delegation,
} from '../../../../libs/contracts/src/delegations';
import { ACCORD_CONFIG, TEMPORAL_CLIENT } from '../common/tokens';

/** How long one read of the delegations may take before the request fails (503) rather than hangs. */
const DELEGATIONS_QUERY_TIMEOUT_MS = 5_000;

@Injectable()
export class DelegationsStore {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(ACCORD_CONFIG) private readonly config: AccordConfig,
  ) {}

  async add(delegation: Delegation): Promise<Delegation> {
    return this.client.workflow.executeUpdateWithStart(addDelegationUpdate, {
      args: [delegation],
      startWorkflowOperation: new WithStartWorkflowOperation(DELEGATIONS_WORKFLOW_TYPE, {
        workflowId: DELEGATIONS_WORKFLOW_ID,
        taskQueue: this.config.taskQueue,
        args: [{ delegations: [] }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
  }

  async remove(id: string): Promise<Delegation | null> {
    try {
      return await this.client.workflow
        .getHandle(DELEGATIONS_WORKFLOW_ID)
        .executeUpdate(removeDelegationUpdate, {
          args: [{ id }],
        });
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  }

  /** Every stored delegation that has not ended (the workflow prunes lazily, so filter here too). */
  async active(now = Date.now()): Promise<Delegation[]> {
    try {
      // A deadline: a decision or the inbox never waits longer than this on the delegations.
      const all = await this.client.connection.withDeadline(Date.now() + DELEGATIONS_QUERY_TIMEOUT_MS, () =>
        this.client.workflow.getHandle(DELEGATIONS_WORKFLOW_ID).query(delegationsQuery),
      );
      return all.filter((d) => Date.parse(d.until) > now);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return [];
      throw err;
    }
  }

  /** Active delegations the given person may act under. */
  async toPerson(sub: string, party: string): Promise<Delegation[]> {
    return (await this.active()).filter((d) => d.to.sub === sub && d.party === party);
  }
}
