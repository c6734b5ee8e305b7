/**
 * Notifications (reminders, escalations, nudges) through a pluggable sender chosen by ACCORD_NOTIFY:
 * log (a structured JSON line), webhook (POST JSON signed the Standard Webhooks way), smtp (nodemailer).
 * Recipients come as `PARTY:role` keys or `coordinator`; the user directory expands them to named people
 * (a deployment without a directory passes `directory: null` and roles stay roles).
 *
 * Webhooks receivers can trust (https://www.standardwebhooks.com, the `standardwebhooks` package): each
 * request carries `webhook-id` (one per notification, the same on every retry: the receiver's idempotency
 * key), `webhook-timestamp` and `webhook-signature`; it times out (ACCORD_WEBHOOK_TIMEOUT); a redirect is not
 * followed (a permanent failure naming it). The activity heartbeats after each delivered notification, so
 * a retried batch resumes after the last one delivered instead of resending it.
 */
import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { Webhook } from 'standardwebhooks';
import * as nodemailer from 'nodemailer';
import type { AccordConfig } from '../libs/config/src/accord-config';
import type { Notification } from '../libs/contracts/src/notifications';
import { listUsers } from '../libs/directory/src';

export type { Notification };

export interface Recipient {
  /** `PARTY:role` or `coordinator`. */
  role: string;
  /** Named users holding that role, when a directory is available. */
  users: Array<{ id: string; name: string; email?: string }>;
}

export interface ResolvedNotification extends Notification {
  to: Recipient[];
}

export interface Sender {
  /** `id`: the notification's idempotency key, the same on every attempt. */
  send(n: ResolvedNotification, id: string): Promise<void>;
}

export type Directory = (role: string) => Recipient['users'];

/** The user directory (libs/directory): `PARTY:role` → the users of that party holding the role. */
export function defaultDirectory(): Directory {
  return (key) => {
    const [party, role] = key.includes(':') ? key.split(':', 2) : [null, key];
    return listUsers()
      .filter((u) => (party === null || u.party === party) && u.roles.includes(role!))
      .map((u) => ({
        id: u.id,
        name: u.name,
        ...((u as { email?: string }).email ? { email: (u as { email?: string }).email } : {}),
      }));
  };
}

/**
 * The Standard Webhooks signer: a `whsec_…` secret is base64 (the format receivers' libraries take); any
 * other is used as its raw bytes.
 */
export function webhookSigner(secret: string): Webhook {
  return secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' });
}

/** Log levels at which an `info` line is written (the log sender obeys LOG_LEVEL like every other log). */
const INFO_VISIBLE = new Set(['trace', 'debug', 'info']);

/** The workflow and run of the activity sending (the worker's log lines all carry them); null outside one. */
function workflowOfActivity(): { workflowId: string | null; runId: string | null } {
  try {
    const execution = Context.current().info.workflowExecution;
    return { workflowId: execution?.workflowId ?? null, runId: execution?.runId ?? null };
  } catch {
    return { workflowId: null, runId: null };
  }
}

export function logSender(
  write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  logLevel = 'info',
): Sender {
  const visible = INFO_VISIBLE.has(logLevel);
  return {
    async send(n) {
      if (visible)
        write(
          JSON.stringify({
            level: 'info',
            msg: 'notification',
            at: new Date().toISOString(),
            ...workflowOfActivity(),
            step: n.stepId ?? null,
            ...n,
          }),
        );
    },
  };
}

export function webhookSender(url: string, secret: string | undefined, timeoutMs = 10_000): Sender {
  if (!secret) {
    throw ApplicationFailure.create({
      type: 'NOTIFY_CONFIG',
      message: 'ACCORD_WEBHOOK_SECRET is required for webhook notifications',
      nonRetryable: true,
    });
  }
  const signer = webhookSigner(secret);
  return {
    async send(n, id) {
      const body = JSON.stringify(n);
      const at = new Date();
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
            'webhook-signature': signer.sign(id, at, body),
          },
          body,
          // A redirect could send the signed notification elsewhere: never followed.
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        const timedOut = (err as Error).name === 'TimeoutError';
        throw ApplicationFailure.create({
          type: 'NOTIFY_UNAVAILABLE',
          message: timedOut
            ? `webhook did not answer within ${timeoutMs} ms (ACCORD_WEBHOOK_TIMEOUT)`
            : `webhook unreachable: ${(err as Error).message}`,
        });
      }
      if (res.ok) return;
      if (res.status >= 300 && res.status < 400) {
        throw ApplicationFailure.create({
          type: 'NOTIFY_REJECTED',
          message:
            `webhook answered ${res.status} (a redirect${res.headers.get('location') ? ` to ${res.headers.get('location')}` : ''}): ` +
            'redirects are not followed; set ACCORD_WEBHOOK_URL to the final address',
          nonRetryable: true,
        });
      }
      const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
      throw ApplicationFailure.create({
        type: permanent ? 'NOTIFY_REJECTED' : 'NOTIFY_UNAVAILABLE',
        message: `webhook answered ${res.status}`,
        nonRetryable: permanent,
      });
    },
  };
}

export function smtpSender(smtpUrl: string, from: string): Sender {
  const transport = nodemailer.createTransport(smtpUrl);
  const domain = from.includes('@') ? from.slice(from.lastIndexOf('@') + 1) : 'localhost';
  return {
    async send(n) {
      // Directory users carry no address yet: `<user id>@<mail domain>`, or `<role>@<mail domain>`.
      const to = n.to.flatMap((r) =>
        r.users.length
          ? r.users.map((u) => u.email ?? `${u.id}@${domain}`)
          : [`${r.role.replace(':', '.')}@${domain}`],
      );
      await transport.sendMail({
        from,
        to: [...new Set(to)],
        subject: `[Accord] ${n.kind}: ${n.stepTitle} — ${n.processTitle}`,
        text: `${n.text}\n\nProcess: ${n.processTitle} (${n.processId})\nStep: ${n.stepTitle}${n.dueAt ? `\nDue: ${n.dueAt}` : ''}`,
      });
    },
  };
}

export function senderFor(config: AccordConfig): Sender {
  const c = config.notify;
  if (c.kind === 'webhook') {
    if (!c.webhookUrl)
      throw ApplicationFailure.create({
        type: 'NOTIFY_CONFIG',
        message: 'ACCORD_WEBHOOK_URL is required',
        nonRetryable: true,
      });
    return webhookSender(c.webhookUrl, c.webhookSecret, c.webhookTimeoutMs);
  }
  if (c.kind === 'smtp') {
    if (!c.smtpUrl)
      throw ApplicationFailure.create({
        type: 'NOTIFY_CONFIG',
        message: 'ACCORD_SMTP_URL is required',
        nonRetryable: true,
      });
    return smtpSender(c.smtpUrl, c.from);
  }
  return logSender(undefined, config.logLevel);
}

/**
 * Where this attempt stands: inside an activity, its workflow and activity ids (the same on every retry)
 * and how many notifications an earlier attempt delivered (its last heartbeat); outside one (tests, tools),
 * a fresh key and nothing delivered.
 */
function attempt(): { key: string; delivered: number; heartbeat: (delivered: number) => void } {
  let ctx: Context | undefined;
  try {
    ctx = Context.current();
  } catch {
    ctx = undefined;
  }
  if (!ctx) return { key: `local-${Date.now()}-${Math.random()}`, delivered: 0, heartbeat: () => undefined };
  const { workflowExecution, activityId, heartbeatDetails } = ctx.info;
  const delivered = typeof heartbeatDetails === 'number' ? heartbeatDetails : 0;
  return {
    key: `${workflowExecution?.workflowId}/${workflowExecution?.runId}/${activityId}`,
    delivered,
    heartbeat: (n) => ctx.heartbeat(n),
  };
}

/** The Standard Webhooks `webhook-id` of the batch's `index`th notification: stable across retries. */
export function notificationId(key: string, index: number): string {
  return `msg_${createHash('sha256').update(`${key}#${index}`).digest('base64url').slice(0, 32)}`;
}

export function createNotify(sender: () => Sender, directory: Directory | null) {
  return async function notify(batch: Notification[]): Promise<number> {
    if (!Array.isArray(batch)) {
      throw ApplicationFailure.create({
        type: 'INVALID_INPUT',
        message: 'notify takes a list of notifications',
        nonRetryable: true,
      });
    }
    const s = sender();
    const { key, delivered, heartbeat } = attempt();
    // An earlier attempt delivered the first `delivered`: never sent twice.
    for (let i = delivered; i < batch.length; i++) {
      const n = batch[i]!;
      const to = n.recipients.map((role) => ({ role, users: directory ? directory(role) : [] }));
      await s.send({ ...n, to }, notificationId(key, i));
      heartbeat(i + 1);
    }
    return batch.length;
  };
}
