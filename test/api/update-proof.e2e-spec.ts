/**
 * Issue 12: the principal in an Update is authenticated, not just well-formed. A client that reaches
 * Temporal's frontend but holds no update key (it bypasses the API) cannot act on a process as anyone: the
 * worker rejects its Update before anything is written; the API's own Updates go through.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { loadPayloadKeys, loadUpdateKeys } from '../../libs/config/src/accord-config';
import { decideUpdate, PROCESS_WORKFLOW_TYPE, stateQuery } from '../../libs/contracts/src/messages';
import type { ActingPrincipal } from '../../libs/contracts/src/principal';
import { UPDATE_PROOF_HEADER, proveUpdate } from '../../libs/contracts/src/update-proof';
import { temporalSettings } from '../../libs/temporal/src/connection';
import { accordDataConverter } from '../../libs/temporal/src/encryption/encryption-codec';
import { JP_APPROVER, twoStepInput } from '../infra/support/two-step-definition';
import { approve, start, stepOf } from '../processes/drive';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';

/** Rejections carry the failure's type; anything else (e.g. a timeout) fails the test as is. */
async function rejection(p: Promise<unknown>): Promise<{ type?: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      const cause = err.cause as { type?: string; message: string };
      return { type: cause?.type, message: cause?.message };
    }
    throw err;
  }
  throw new Error('expected the Update to be rejected');
}

/** A client like the API's (same server, TLS, payload codec) but with headers of the caller's choosing. */
async function rawClient(header?: (workflowId: string, updateName: string, args: unknown[]) => string) {
  const env = e2eEnv();
  const { connectionOptions } = temporalSettings({ ...process.env, TEMPORAL_ADDRESS: env.temporalAddress });
  const connection = await Connection.connect(connectionOptions as Parameters<typeof Connection.connect>[0]);
  const client = new Client({
    connection,
    namespace: env.namespace,
    dataConverter: accordDataConverter(loadPayloadKeys(process.env)),
    interceptors: header
      ? {
          workflow: [
            {
              async startUpdate(input, next) {
                const proof = header(input.workflowExecution.workflowId, input.updateName, input.args);
                const headers = {
                  ...input.headers,
                  [UPDATE_PROOF_HEADER]: defaultPayloadConverter.toPayload(proof),
                };
                return next({ ...input, headers });
              },
            },
          ],
        }
      : undefined,
  });
  return client;
}

const decision = (principal: ActingPrincipal) => ({
  principal,
  stepId: 'jp-approval',
  decision: 'approve' as const,
  requestId: randomUUID(),
});

async function decisionsOn(handle: WorkflowHandle, stepId: string) {
  const view = await handle.query(stateQuery);
  const step = view.steps.find((s) => s.id === stepId)!;
  return Object.values(step.parties).flatMap((p) => p!.decisions);
}

describe('Updates need the API’s proof', () => {
  closeTestClientAfterAll();
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) await c.connection.close();
  });
  const raw = async (header?: Parameters<typeof rawClient>[0]) => {
    const c = await rawClient(header);
    clients.push(c);
    return c;
  };

  async function twoStep(): Promise<string> {
    const client = await testClient();
    const id = `proof-${randomUUID()}`;
    await client.workflow.start(PROCESS_WORKFLOW_TYPE, {
      taskQueue: e2eEnv().taskQueue,
      workflowId: id,
      args: [twoStepInput(id)],
    });
    return id;
  }

  it('rejects an Update from a client without the key, and accepts the same Update signed', async () => {
    const id = await twoStep();
    const forger = (await raw()).workflow.getHandle(id);
    const refused = await rejection(forger.executeUpdate(decideUpdate, { args: [decision(JP_APPROVER)] }));
    expect(refused.type).toBe('UNAUTHENTICATED_UPDATE');
    expect(refused.message).toContain(`carries no ${UPDATE_PROOF_HEADER} header`);
    expect(await decisionsOn(forger, 'jp-approval')).toEqual([]);

    // The same Update through a client holding the key (as the API's) is accepted.
    const signed = (await testClient()).workflow.getHandle(id);
    const step = await signed.executeUpdate(decideUpdate, { args: [decision(JP_APPROVER)] });
    expect(step.status).toBe('completed');
    expect((await decisionsOn(signed, 'jp-approval')).map((d) => d.by)).toEqual([JP_APPROVER.sub]);
  });

  it('rejects proofs made with another key, for another process, or over other arguments', async () => {
    const id = await twoStep();
    const keys = loadUpdateKeys(process.env);
    const mine = keys.keys[keys.current]!;
    const otherKey = randomBytes(32).toString('hex');

    const cases: Array<[string, Parameters<typeof rawClient>[0], string]> = [
      [
        'a key of its own under the same id',
        (w, u, a) =>
          proveUpdate(keys.current, otherKey, { workflowId: w, updateName: u, args: a }, Date.now()),
        'does not match',
      ],
      [
        'a key id the worker does not know',
        (w, u, a) => proveUpdate('forged', otherKey, { workflowId: w, updateName: u, args: a }, Date.now()),
        'unknown key "forged"',
      ],
      [
        'a valid proof taken from another process',
        (_w, u, a) =>
          proveUpdate(keys.current, mine, { workflowId: 'another', updateName: u, args: a }, Date.now()),
        'does not match',
      ],
      [
        "a valid proof of someone else's Update",
        (w, u) =>
          proveUpdate(
            keys.current,
            mine,
            { workflowId: w, updateName: u, args: [decision({ ...JP_APPROVER, sub: 'someone-else' })] },
            Date.now(),
          ),
        'does not match',
      ],
      [
        'an expired proof',
        (w, u, a) =>
          proveUpdate(keys.current, mine, { workflowId: w, updateName: u, args: a }, Date.now() - 3_600_000),
        'expired',
      ],
      ['a malformed header', () => 'not-a-proof', 'malformed'],
    ];
    for (const [what, header, says] of cases) {
      const handle = (await raw(header)).workflow.getHandle(id);
      const refused = await rejection(handle.executeUpdate(decideUpdate, { args: [decision(JP_APPROVER)] }));
      expect({ what, type: refused.type, says: refused.message.includes(says) }).toEqual({
        what,
        type: 'UNAUTHENTICATED_UPDATE',
        says: true,
      });
    }
    expect(await decisionsOn((await testClient()).workflow.getHandle(id), 'jp-approval')).toEqual([]);

    // Holding the key is what counts: the same hand-made header with the right key is accepted.
    const honest = (
      await raw((w, u, a) =>
        proveUpdate(keys.current, mine, { workflowId: w, updateName: u, args: a }, Date.now()),
      )
    ).workflow.getHandle(id);
    expect((await honest.executeUpdate(decideUpdate, { args: [decision(JP_APPROVER)] })).status).toBe(
      'completed',
    );
  });

  it('leaves the API working: a process started and decided over HTTP, a forged decision on it refused', async () => {
    const view = await start('ca-gac-trade-missions', 'trade-mission');
    const forger = (await raw()).workflow.getHandle(view.id);
    const jpMeti: ActingPrincipal = {
      sub: 'forger-as-jp-meti',
      name: 'Not METI',
      party: 'JP',
      org: 'METI',
      roles: ['jp-meti'],
    };
    const refused = await rejection(
      forger.executeUpdate(decideUpdate, {
        args: [
          { principal: jpMeti, stepId: 'concept-approval', decision: 'approve', requestId: randomUUID() },
        ],
      }),
    );
    expect(refused.type).toBe('UNAUTHENTICATED_UPDATE');
    expect((await approve('jp-meti', view.id, 'concept-approval')).status).toBe('active');
    const step = await stepOf(view.id, 'concept-approval');
    expect(step.parties.JP.decisions.map((d: { by: string }) => d.by)).not.toContain('forger-as-jp-meti');
    expect(step.parties.JP.decisions).toHaveLength(1);
  });
});
