/**
 * Reads and writes delegations in small per-person stores (libs/contracts/src/delegations.ts): the
 * delegator's `given` store is the record and enforces the bound per delegator; the delegate's `received`
 * store is what a decision or the inbox reads, one Query with a deadline. Stores start on first use with
 * update-with-start, so concurrent first writers cannot race.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  QueryNotRegisteredError,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  type Client,
} from '@temporalio/client';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import {
  addDelegationUpdate,
  DELEGATIONS_WORKFLOW_TYPE,
  delegationsQuery,
  delegationStoreId,
  removeDelegationUpdate,
  type Delegation,
  type DelegationSide,
} from '../../../../libs/contracts/src/delegations';
import { businessError } from '../common/temporal-errors';
import { ACCORD_CONFIG, TEMPORAL_CLIENT } from '../common/tokens';

/** How long one read of a store may take before the request fails (503) rather than hangs. */
export const DELEGATIONS_QUERY_TIMEOUT_MS = 5_000;

const live = (now: number) => (d: Delegation) => Date.parse(d.until) > now;

@Injectable()
export class DelegationsStore {
  /**
   * Writes to one store, one at a time from this API process: Temporal refuses more than 10 Updates in
   * flight on one workflow (RESOURCE_EXHAUSTED), which a burst from one user would otherwise hit. Writes
   * from other API processes may still race; the store's validator keeps the bound anyway.
   */
  private readonly writing = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(ACCORD_CONFIG) private readonly config: AccordConfig,
  ) {}

  /**
   * Records the delegation with the delegator (409 DELEGATION_LIMIT past their bound), then with the
   * delegate (409 past theirs). If the second write fails the first is undone: a delegation is in both
   * stores or in neither. (Were the API to stop between the two, the delegator's record would hold a
   * delegation the delegate cannot use: never more power than intended; ending it removes it.)
   */
  async add(d: Delegation): Promise<Delegation> {
    const { maxDelegationsPerPerson, maxDelegationsReceived } = this.config.limits;
    try {
      await this.addTo('given', d.from.sub, d, maxDelegationsPerPerson);
      try {
        await this.addTo('received', d.to.sub, d, maxDelegationsReceived);
      } catch (err) {
        await this.removeFrom('given', d.from.sub, d.id).catch(() => undefined);
        throw err;
      }
    } catch (err) {
      // A bound refused in a store's validator: 409 DELEGATION_LIMIT with its message.
      throw businessError(err) ?? err;
    }
    return d;
  }

  /** Ends a delegation: first the delegate's power to use it, then the delegator's record. */
  async remove(d: Delegation): Promise<void> {
    await this.removeFrom('received', d.to.sub, d.id);
    await this.removeFrom('given', d.from.sub, d.id);
  }

  /** Active delegations given by `sub` (at most ACCORD_MAX_DELEGATIONS). */
  given(sub: string, now = Date.now()): Promise<Delegation[]> {
    return this.read('given', sub, now);
  }

  /** Active delegations given to `sub`: the one read a decision or the inbox makes. */
  async toPerson(sub: string, party: string, now = Date.now()): Promise<Delegation[]> {
    return (await this.read('received', sub, now)).filter((d) => d.party === party);
  }

  private one<T>(workflowId: string, write: () => Promise<T>): Promise<T> {
    const run = (this.writing.get(workflowId) ?? Promise.resolve()).then(write, write);
    const settled = run.catch(() => undefined);
    this.writing.set(workflowId, settled);
    void settled.then(() => {
      if (this.writing.get(workflowId) === settled) this.writing.delete(workflowId);
    });
    return run;
  }

  private async addTo(side: DelegationSide, sub: string, d: Delegation, max: number): Promise<void> {
    const workflowId = delegationStoreId(side, sub);
    await this.one(workflowId, () =>
      this.client.workflow.executeUpdateWithStart(addDelegationUpdate, {
        args: [d, { side, max }],
        startWorkflowOperation: new WithStartWorkflowOperation(DELEGATIONS_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: this.config.taskQueue,
          args: [{ delegations: [] }],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      }),
    );
  }

  private async removeFrom(side: DelegationSide, sub: string, id: string): Promise<void> {
    const workflowId = delegationStoreId(side, sub);
    try {
      await this.one(workflowId, () =>
        this.client.workflow.getHandle(workflowId).executeUpdate(removeDelegationUpdate, { args: [{ id }] }),
      );
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }

  /** One store's live delegations (the workflow prunes lazily, so filter here too); none if it never started or was refused. */
  private async read(side: DelegationSide, sub: string, now: number): Promise<Delegation[]> {
    try {
      const all = await this.client.connection.withDeadline(Date.now() + DELEGATIONS_QUERY_TIMEOUT_MS, () =>
        this.client.workflow.getHandle(delegationStoreId(side, sub)).query(delegationsQuery),
      );
      return all.filter(live(now));
    } catch (err) {
      // Never started, or a start the worker refused (no proof of the API: workflows/interceptors.ts).
      if (err instanceof WorkflowNotFoundError || err instanceof QueryNotRegisteredError) return [];
      throw err;
    }
  }
}
