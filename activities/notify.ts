/**
 * Notifications (reminders, escalations, nudges) through a pluggable sender chosen by ACCORD_NOTIFY:
 * log (a structured JSON line), webhook (POST JSON signed with HMAC-SHA256 of the body), smtp (nodemailer).
 * Recipients come as `PARTY:role` keys or `coordinator`; the user directory expands them to named people
 * (a deployment without a directory passes `directory: null` and roles stay roles).
 */
import { createHmac } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
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
  send(n: ResolvedNotification): Promise<void>;
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

export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
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

export function webhookSender(url: string, secret: string | undefined): Sender {
  if (!secret) {
    throw ApplicationFailure.create({
      type: 'NOTIFY_CONFIG',
      message: 'ACCORD_WEBHOOK_SECRET is required for webhook notifications',
      nonRetryable: true,
    });
  }
  return {
    async send(n) {
      const body = JSON.stringify(n);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-accord-signature': signature(body, secret) },
        body,
      });
      if (res.ok) return;
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
    return webhookSender(c.webhookUrl, c.webhookSecret);
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
    for (const n of batch) {
      const to = n.recipients.map((role) => ({ role, users: directory ? directory(role) : [] }));
      await s.send({ ...n, to });
    }
    return batch.length;
  };
}
