/**
 * Webhook notifications on the real dev server and an SDK worker (issue 13, item 7): a batch whose third
 * notification the receiver refuses once is retried by Temporal, and the retry resumes after the two already
 * delivered (the activity's last heartbeat), sending the third again with the same `webhook-id`: a receiver
 * that dedupes on it sees each notification once. Every request verifies with a Standard Webhooks library.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Webhook } from 'standardwebhooks';
import { createActivities } from '../../activities';
import { loadConfig } from '../../libs/config/src/accord-config';
import type { Notification } from '../../libs/contracts/src/notifications';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';

closeTestClientAfterAll();

const SECRET = 'whsec_' + Buffer.from('a webhook secret of 32 bytes....').toString('base64');

describe('webhook notifications retried by Temporal', () => {
  it('resume after the last delivered notification, with one webhook-id per notification', async () => {
    const got: Array<{ id: string; text: string; status: number }> = [];
    let refusedOnce = false;
    const server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const body = new Webhook(SECRET).verify(raw, req.headers as Record<string, string>) as Notification;
        const refuse = body.text === 'Reminder 3' && !refusedOnce;
        refusedOnce ||= refuse;
        got.push({ id: String(req.headers['webhook-id']), text: body.text, status: refuse ? 503 : 204 });
        res.writeHead(refuse ? 503 : 204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const taskQueue = `webhook-retry-${randomUUID()}`;
    const connection = await NativeConnection.connect({ address: e2eEnv().temporalAddress });
    const config = loadConfig({
      ACCORD_NOTIFY: 'webhook',
      ACCORD_WEBHOOK_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      ACCORD_WEBHOOK_SECRET: SECRET,
    });
    const worker = await Worker.create({
      connection,
      namespace: e2eEnv().namespace,
      taskQueue,
      workflowsPath: require.resolve('./batch.workflow'),
      activities: createActivities({ config, directory: null }),
    });
    const running = worker.run();
    try {
      const client = await testClient();
      const batch: Notification[] = [1, 2, 3, 4].map((i) => ({
        kind: 'reminder',
        processId: 'process-webhook-retry',
        processTitle: 'Webhook retry',
        stepId: 'step',
        stepTitle: 'Step',
        recipients: ['JP:jp-meti'],
        dueAt: null,
        text: `Reminder ${i}`,
      }));
      const sent = await client.workflow.execute('notifyBatchWorkflow', {
        taskQueue,
        workflowId: `webhook-retry-${randomUUID()}`,
        args: [batch],
      });
      expect(sent).toBe(4);
      expect(got.map((g) => `${g.text}:${g.status}`)).toEqual([
        'Reminder 1:204',
        'Reminder 2:204',
        'Reminder 3:503',
        'Reminder 3:204',
        'Reminder 4:204',
      ]);
      expect(got[2]!.id).toBe(got[3]!.id);
      expect(new Set(got.map((g) => g.id)).size).toBe(4);
    } finally {
      worker.shutdown();
      await running;
      await connection.close();
      server.close();
    }
  }, 60_000);
});
