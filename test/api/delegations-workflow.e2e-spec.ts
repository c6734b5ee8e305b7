/**
 * The delegations store workflow on the real server and worker: updates, the query, pruning of ended
 * delegations, and continue-as-new carrying the delegations over.
 */
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import {
  addDelegationUpdate,
  DELEGATIONS_WORKFLOW_TYPE,
  delegationsQuery,
  removeDelegationUpdate,
  type Delegation,
} from '../../libs/contracts/src/delegations';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';

closeTestClientAfterAll();

const delegation = (id: string, untilMs: number): Delegation => ({
  id,
  from: { sub: 'jp-meti', name: 'Meti' },
  to: { sub: 'jp-mofa', name: 'Mofa' },
  party: 'JP',
  roles: ['jp-meti'],
  until: new Date(Date.now() + untilMs).toISOString(),
  createdAt: new Date().toISOString(),
  createdBy: { sub: 'jp-meti', name: 'Meti' },
});

describe('delegationsWorkflow', () => {
  it('stores, prunes and carries delegations over continue-as-new', async () => {
    const client = await testClient();
    const workflowId = `delegations-test-${randomUUID()}`;
    const add = (d: Delegation) =>
      client.workflow.executeUpdateWithStart(addDelegationUpdate, {
        args: [d],
        startWorkflowOperation: new WithStartWorkflowOperation(DELEGATIONS_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: e2eEnv().taskQueue,
          args: [{ delegations: [] }],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      });
    const handle = client.workflow.getHandle(workflowId);
    await add(delegation('keep', 3_600_000));
    const firstRun = (await handle.describe()).runId;
    await add(delegation('short', 1000));
    expect((await handle.query(delegationsQuery)).map((d) => d.id).sort()).toEqual(['keep', 'short']);
    await expect(
      handle.executeUpdate(addDelegationUpdate, { args: [{ id: 'bad' } as Delegation] }),
    ).rejects.toThrow();

    await new Promise((r) => setTimeout(r, 1100));
    // Any change prunes ended delegations.
    expect(await handle.executeUpdate(removeDelegationUpdate, { args: [{ id: 'nothing' }] })).toBeNull();
    expect((await handle.query(delegationsQuery)).map((d) => d.id)).toEqual(['keep']);

    // Enough changes to continue as new (500 per run).
    for (let i = 0; i < 260; i++) {
      await handle.executeUpdate(addDelegationUpdate, { args: [delegation(`tmp-${i}`, 3_600_000)] });
      await handle.executeUpdate(removeDelegationUpdate, { args: [{ id: `tmp-${i}` }] });
    }
    const secondRun = (await handle.describe()).runId;
    expect(secondRun).not.toBe(firstRun);
    expect((await client.workflow.getHandle(workflowId, firstRun).describe()).status.name).toBe(
      'CONTINUED_AS_NEW',
    );
    expect((await handle.query(delegationsQuery)).map((d) => d.id)).toEqual(['keep']);
    await handle.terminate('test done');
  });
});
