/**
 * With payload keys configured, Temporal's PostgreSQL holds only ciphertext: a decision's comment, read
 * back in clear through the codec, is nowhere in the history or execution rows, which carry the codec's
 * `binary/encrypted` payloads instead. Runs on the PostgreSQL cluster of `npm run test:cluster`, which
 * passes the database in ACCORD_E2E_POSTGRES (jest.config.js runs this folder only then).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { decideUpdate, PROCESS_WORKFLOW_TYPE, stateQuery } from '../../../libs/contracts/src/messages';
import { e2eEnv } from '../../support/e2e-env';
import { closeTestClientAfterAll, testClient } from '../../support/temporal-client';
import { JP_APPROVER, twoStepInput } from '../../infra/support/two-step-definition';

interface PostgresAccess {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

function rowsContaining(pg: PostgresAccess, table: string, column: string, needle: string): number {
  const hex = Buffer.from(needle, 'utf8').toString('hex');
  const out = execFileSync(
    'psql',
    [
      '-h',
      pg.host,
      '-p',
      String(pg.port),
      '-U',
      pg.user,
      '-d',
      pg.database,
      '-qAtc',
      `SELECT count(*) FROM ${table} WHERE position('\\x${hex}'::bytea in ${column}) > 0`,
    ],
    { env: { ...process.env, PGPASSWORD: pg.password }, encoding: 'utf8' },
  );
  return Number(out.trim());
}

describe('payloads at rest in PostgreSQL', () => {
  closeTestClientAfterAll();
  const pg = JSON.parse(process.env.ACCORD_E2E_POSTGRES ?? 'null') as PostgresAccess | null;

  it('holds the comment only as ciphertext, and the codec reads it back', async () => {
    if (!pg) throw new Error('ACCORD_E2E_POSTGRES is not set: run this file with `npm run test:cluster`');
    expect(process.env.ACCORD_PAYLOAD_KEYS).toBeTruthy();
    const client = await testClient();
    const processId = `process-${randomUUID()}`;
    const comment = `confidential-${randomUUID()}`;
    const handle = await client.workflow.start(PROCESS_WORKFLOW_TYPE, {
      taskQueue: e2eEnv().taskQueue,
      workflowId: processId,
      args: [twoStepInput(processId)],
    });
    await handle.executeUpdate(decideUpdate, {
      args: [
        {
          principal: JP_APPROVER,
          stepId: 'jp-approval',
          decision: 'approve',
          comment,
          requestId: randomUUID(),
        },
      ],
    });
    // Read back in clear through the codec: the comment was stored.
    const state = JSON.stringify(await handle.query(stateQuery));
    expect(state).toContain(comment);

    expect(rowsContaining(pg, 'history_node', 'data', comment)).toBe(0);
    expect(rowsContaining(pg, 'executions', 'data', comment)).toBe(0);
    // …and the rows hold the codec's payloads (the search can find what is there).
    expect(rowsContaining(pg, 'history_node', 'data', 'binary/encrypted')).toBeGreaterThan(0);
    await handle.terminate('test done');
  });
});
