import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../libs/config/src/accord-config';
import { createDueCalculator } from './compute-due';
import { MockActivityEnvironment } from '@temporalio/testing';
import { Webhook } from 'standardwebhooks';
import { createActivities } from './index';
import {
  createNotify,
  defaultDirectory,
  logSender,
  notificationId,
  senderFor,
  type Notification,
  type ResolvedNotification,
} from './notify';

const note: Notification = {
  kind: 'reminder',
  processId: 'process-1',
  processTitle: 'ETTA entry into force',
  stepId: 'text',
  stepTitle: 'Text finalised',
  recipients: ['JP:jp-mofa-negotiator'],
  dueAt: '2026-03-02T00:00:00.000Z',
  text: 'Reminder',
};

describe('computeDue', () => {
  const calc = createDueCalculator({ dayLengthMs: 1000 });

  it('adds plain units exactly and compresses calendar days to the configured day length', async () => {
    const from = '2026-03-02T00:00:00.000Z';
    expect(await calc.computeDue({ fromIso: from, span: { amount: 90, unit: 'seconds' } })).toBe(
      '2026-03-02T00:01:30.000Z',
    );
    expect(await calc.computeDue({ fromIso: from, span: { amount: 2, unit: 'hours' } })).toBe(
      '2026-03-02T02:00:00.000Z',
    );
    expect(await calc.computeDue({ fromIso: from, span: { amount: 3, unit: 'calendar-days' } })).toBe(
      '2026-03-02T00:00:03.000Z',
    );
    expect(
      await calc.computeDues([{ key: 'a', fromIso: from, span: { amount: 1, unit: 'minutes' } }]),
    ).toEqual({ a: '2026-03-02T00:01:00.000Z' });
  });

  it('rejects nonsense as a non-retryable business error', async () => {
    await expect(
      calc.computeDue({ fromIso: 'never', span: { amount: 1, unit: 'seconds' } }),
    ).rejects.toMatchObject({ type: 'INVALID_INPUT', nonRetryable: true });
    await expect(
      calc.computeDue({ fromIso: '2026-03-02T00:00:00Z', span: { amount: -1, unit: 'seconds' } }),
    ).rejects.toMatchObject({ type: 'INVALID_INPUT' });
  });
});

describe('notify', () => {
  it('expands PARTY:role recipients to named users of the directory', async () => {
    const sent: ResolvedNotification[] = [];
    const notify = createNotify(() => ({ send: async (n) => void sent.push(n) }), defaultDirectory());
    expect(await notify([note, { ...note, kind: 'escalation', recipients: ['coordinator'] }])).toBe(2);
    expect(sent[0]!.to[0]!.role).toBe('JP:jp-mofa-negotiator');
    expect(sent[0]!.to[0]!.users.map((u) => u.id)).toContain('jp-mofa-negotiator');
    expect(sent[1]!.to[0]!.users.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps roles as roles without a directory', async () => {
    const sent: ResolvedNotification[] = [];
    const notify = createNotify(() => ({ send: async (n) => void sent.push(n) }), null);
    await notify([note]);
    expect(sent[0]!.to).toEqual([{ role: 'JP:jp-mofa-negotiator', users: [] }]);
  });

  it('log sender writes one structured JSON line', async () => {
    const lines: string[] = [];
    await logSender((l) => lines.push(l)).send({ ...note, to: [] }, 'msg_1');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      msg: 'notification',
      kind: 'reminder',
      processId: 'process-1',
    });
  });

  const SECRET = 'whsec_' + Buffer.from('a webhook secret of 32 bytes....').toString('base64');

  /** A receiver that records each request and answers what `answer` says. */
  async function receiver(
    answer: () => { status: number; headers?: Record<string, string>; delayMs?: number },
  ) {
    const got: Array<{ body: string; headers: http.IncomingHttpHeaders }> = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        got.push({ body, headers: req.headers });
        const a = answer();
        setTimeout(() => res.writeHead(a.status, a.headers ?? {}).end(), a.delayMs ?? 0);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    return { url, got, close: () => new Promise<void>((r) => server.close(() => r())) };
  }

  it('webhook sender signs the Standard Webhooks way; 4xx is permanent, 5xx retryable', async () => {
    let status = 204;
    const hook = await receiver(() => ({ status }));
    try {
      const config = loadConfig({
        ACCORD_NOTIFY: 'webhook',
        ACCORD_WEBHOOK_URL: hook.url,
        ACCORD_WEBHOOK_SECRET: SECRET,
      });
      const { notify } = createActivities({ config, directory: null });
      await notify([note]);
      const { body, headers } = hook.got[0]!;
      // What a receiver does with its own Standard Webhooks library: verify id, timestamp and signature.
      expect(new Webhook(SECRET).verify(body, headers as Record<string, string>)).toMatchObject({
        stepId: 'text',
        to: [{ role: 'JP:jp-mofa-negotiator', users: [] }],
      });
      expect(headers['webhook-id']).toMatch(/^msg_/);
      expect(() =>
        new Webhook(SECRET).verify(body.replace('Reminder', 'Forged'), headers as Record<string, string>),
      ).toThrow();
      status = 400;
      await expect(notify([note])).rejects.toMatchObject({ type: 'NOTIFY_REJECTED', nonRetryable: true });
      status = 503;
      await expect(notify([note])).rejects.toMatchObject({ type: 'NOTIFY_UNAVAILABLE', nonRetryable: false });
    } finally {
      await hook.close();
    }
  });

  it('follows no redirect and gives up on a receiver slower than ACCORD_WEBHOOK_TIMEOUT', async () => {
    let answer: { status: number; headers?: Record<string, string>; delayMs?: number } = {
      status: 307,
      headers: { location: 'http://127.0.0.1:1/elsewhere' },
    };
    const hook = await receiver(() => answer);
    try {
      const config = loadConfig({
        ACCORD_NOTIFY: 'webhook',
        ACCORD_WEBHOOK_URL: hook.url,
        ACCORD_WEBHOOK_SECRET: SECRET,
        ACCORD_WEBHOOK_TIMEOUT: '200ms',
      });
      const { notify } = createActivities({ config, directory: null });
      await expect(notify([note])).rejects.toMatchObject({
        type: 'NOTIFY_REJECTED',
        nonRetryable: true,
        message: expect.stringMatching(
          /307 \(a redirect to http:\/\/127\.0\.0\.1:1\/elsewhere\): redirects are not followed/,
        ),
      });
      expect(hook.got).toHaveLength(1);
      answer = { status: 204, delayMs: 1000 };
      await expect(notify([note])).rejects.toMatchObject({
        type: 'NOTIFY_UNAVAILABLE',
        nonRetryable: false,
        message: 'webhook did not answer within 200 ms (ACCORD_WEBHOOK_TIMEOUT)',
      });
    } finally {
      await hook.close();
    }
  });

  it('gives each notification one idempotency key, and a retry resumes after what was delivered', async () => {
    let failFrom = 2;
    const hook = await receiver(() => ({ status: hook.got.length > failFrom ? 503 : 204 }));
    try {
      const config = loadConfig({
        ACCORD_NOTIFY: 'webhook',
        ACCORD_WEBHOOK_URL: hook.url,
        ACCORD_WEBHOOK_SECRET: SECRET,
      });
      const { notify } = createActivities({ config, directory: null });
      const batch = [1, 2, 3, 4].map((i) => ({ ...note, text: `Reminder ${i}` }));
      const info = {
        activityId: '7',
        workflowExecution: { workflowId: 'process-1', runId: 'run-1' },
      };
      // First attempt: two delivered, the third refused (503); its heartbeats say 2.
      const first = new MockActivityEnvironment(info);
      const beats: unknown[] = [];
      first.on('heartbeat', (d: unknown) => beats.push(d));
      await expect(first.run(notify, batch)).rejects.toMatchObject({ type: 'NOTIFY_UNAVAILABLE' });
      expect(beats).toEqual([1, 2]);
      // The retry starts from the last heartbeat: the third and fourth only, with the same keys.
      failFrom = Infinity;
      const retry = new MockActivityEnvironment({ ...info, attempt: 2, heartbeatDetails: 2 });
      expect(await retry.run(notify, batch)).toBe(4);
      const texts = hook.got.map((g) => JSON.parse(g.body).text);
      expect(texts).toEqual(['Reminder 1', 'Reminder 2', 'Reminder 3', 'Reminder 3', 'Reminder 4']);
      const ids = hook.got.map((g) => g.headers['webhook-id']);
      expect(ids[2]).toBe(ids[3]);
      expect(new Set(ids).size).toBe(4);
      expect(ids[0]).toBe(notificationId('process-1/run-1/7', 0));
    } finally {
      await hook.close();
    }
  });

  it('refuses at start a webhook without a URL or a long enough secret, and picks the sender', () => {
    expect(() => loadConfig({ ACCORD_NOTIFY: 'webhook', ACCORD_WEBHOOK_SECRET: SECRET })).toThrow(
      /ACCORD_WEBHOOK_URL must be set/,
    );
    expect(() => loadConfig({ ACCORD_NOTIFY: 'webhook', ACCORD_WEBHOOK_URL: 'http://127.0.0.1:1/' })).toThrow(
      /ACCORD_WEBHOOK_SECRET must be set/,
    );
    expect(() =>
      loadConfig({
        ACCORD_NOTIFY: 'webhook',
        ACCORD_WEBHOOK_URL: 'http://127.0.0.1:1/',
        ACCORD_WEBHOOK_SECRET: 's3cret',
      }),
    ).toThrow(/ACCORD_WEBHOOK_SECRET is 6 bytes; at least 24/);
    expect(() => senderFor(loadConfig({ ACCORD_NOTIFY: 'smtp' }))).toThrow(/SMTP_URL/);
    expect(
      senderFor(loadConfig({ ACCORD_NOTIFY: 'smtp', ACCORD_SMTP_URL: 'smtp://127.0.0.1:2525' })),
    ).toBeDefined();
  });
});

describe('computeDue with the legal calendars', () => {
  it('counts JP business days (weekend skipped) and scales them to the day length', async () => {
    const calc = createDueCalculator({ dayLengthMs: 86_400_000 });
    // Friday 2026-03-06 10:00 Tokyo + 1 business day = Monday 2026-03-09 10:00 Tokyo.
    expect(
      await calc.computeDue({
        fromIso: '2026-03-06T01:00:00.000Z',
        span: { amount: 1, unit: 'business-days', calendar: 'JP' },
      }),
    ).toBe('2026-03-09T01:00:00.000Z');
    const fast = createDueCalculator({ dayLengthMs: 1000 });
    expect(
      await fast.computeDue({
        fromIso: '2026-03-06T01:00:00.000Z',
        span: { amount: 1, unit: 'business-days', calendar: 'JP' },
      }),
    ).toBe('2026-03-06T01:00:03.000Z');
  });

  it('reports an unknown unit as a non-retryable business error', async () => {
    const calc = createDueCalculator({ dayLengthMs: 1000 });
    await expect(
      calc.computeDue({
        fromIso: '2026-03-06T01:00:00.000Z',
        span: { amount: 1, unit: 'fortnights' as never },
      }),
    ).rejects.toMatchObject({ type: 'INVALID_INPUT', nonRetryable: true });
  });
});

describe('smtp sender', () => {
  /** A minimal SMTP server on loopback: enough of the protocol for one message. */
  function fakeSmtp(): Promise<{
    port: number;
    messages: Array<{ from: string; to: string[]; data: string }>;
    close(): void;
  }> {
    const messages: Array<{ from: string; to: string[]; data: string }> = [];
    const server = net.createServer((sock) => {
      let from = '';
      let to: string[] = [];
      let data: string | null = null;
      let buf = '';
      sock.write('220 fake ESMTP\r\n');
      sock.on('data', (chunk) => {
        buf += chunk.toString('utf8');
        let i: number;
        while ((i = buf.indexOf('\r\n')) >= 0) {
          const line = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (data !== null) {
            if (line === '.') {
              messages.push({ from, to, data });
              data = null;
              to = [];
              sock.write('250 queued\r\n');
            } else data += line + '\n';
            continue;
          }
          const cmd = line.slice(0, 4).toUpperCase();
          if (cmd === 'EHLO' || cmd === 'HELO') sock.write('250 fake\r\n');
          else if (cmd === 'MAIL') {
            from = line.slice(10).trim();
            sock.write('250 ok\r\n');
          } else if (cmd === 'RCPT') {
            to.push(line.slice(8).trim());
            sock.write('250 ok\r\n');
          } else if (cmd === 'DATA') {
            data = '';
            sock.write('354 go\r\n');
          } else if (cmd === 'QUIT') sock.end('221 bye\r\n');
          else sock.write('250 ok\r\n');
        }
      });
    });
    return new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve({ port: (server.address() as AddressInfo).port, messages, close: () => server.close() }),
      ),
    );
  }

  it('mails the named users of the awaited roles', async () => {
    const smtp = await fakeSmtp();
    try {
      const config = loadConfig({
        ACCORD_NOTIFY: 'smtp',
        ACCORD_SMTP_URL: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`,
        ACCORD_MAIL_FROM: 'accord@example.org',
      });
      const { notify } = createActivities({ config });
      await notify([note]);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]!.from).toBe('<accord@example.org>');
      expect(smtp.messages[0]!.to).toContain('<jp-mofa-negotiator@example.org>');
      expect(smtp.messages[0]!.data).toContain('Subject: =?UTF-8?Q?=5BAccord=5D_reminder=3A_Text_finalised');
      expect(smtp.messages[0]!.data).toContain('Step: Text finalised');
    } finally {
      smtp.close();
    }
  });
});
