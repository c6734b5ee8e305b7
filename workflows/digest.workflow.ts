/**
 * The daily digest, started by the Temporal Schedule `accord-daily-digest` (apps/worker/src/digest-schedule.ts):
 * find the processes that became stuck since the previous run and send the coordinators one digest through
 * the engine's `notify` activity. "Since the previous run" = this run's scheduled time minus the window
 * (24 h), so nothing is kept between runs. Deterministic: time comes from workflowInfo, I/O from activities.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { MonitoringActivities, NewlyStuck } from '../activities/monitoring';
import type { Activities } from '../activities';
import type { Notification } from '../activities/notify';

export const DIGEST_WORKFLOW_TYPE = 'digestWorkflow';

export interface DigestInput {
  /** How far back "newly stuck" reaches from the scheduled time. Default 24 h. */
  windowMs?: number;
  /** Send a digest even when nothing became stuck. Default false. */
  sendWhenEmpty?: boolean;
  /** Items listed in the digest (the count stays exact). Default 50. */
  limit?: number;
}

export interface DigestResult {
  since: string;
  until: string;
  total: number;
  sent: boolean;
}

/** The digest travels through the engine's notify activity, which forwards any kind to its sender. */
export type DigestNotification = Notification & {
  kind: 'digest';
  items: NewlyStuck['items'];
  byReason: Record<string, number>;
};

const TEMPORAL_SCHEDULED_START_TIME = defineSearchAttributeKey(
  'TemporalScheduledStartTime',
  SearchAttributeType.DATETIME,
);

const { findNewlyStuck } = proxyActivities<MonitoringActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10s', maximumAttempts: 5 },
});
const { notify } = proxyActivities<Pick<Activities, 'notify'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 },
});

export function digestText(found: NewlyStuck, since: string): string {
  if (found.total === 0) return `No process became stuck since ${since}.`;
  const lines = found.items.map(
    (i) =>
      `- [${i.reason}] ${i.title}${i.stepTitle ? ` — ${i.stepTitle}` : ''}: ${i.detail}${i.waitingOn ? `; waiting on ${i.waitingOn}` : ''}`,
  );
  const more = found.total > found.items.length ? [`… and ${found.total - found.items.length} more`] : [];
  return [`${found.total} process step(s) became stuck since ${since}:`, ...lines, ...more].join('\n');
}

export async function digestWorkflow(input: DigestInput = {}): Promise<DigestResult> {
  const info = workflowInfo();
  const scheduled = info.typedSearchAttributes.get(TEMPORAL_SCHEDULED_START_TIME) ?? info.startTime;
  const until = new Date(scheduled);
  const since = new Date(until.getTime() - (input.windowMs ?? 86_400_000)).toISOString();
  const found = await findNewlyStuck({ sinceIso: since, limit: input.limit });
  const sent = found.total > 0 || input.sendWhenEmpty === true;
  if (sent) {
    const digest: DigestNotification = {
      kind: 'digest',
      processId: '',
      processTitle: 'Accord daily digest',
      stepId: '',
      stepTitle: 'Newly stuck processes',
      recipients: ['coordinator'],
      dueAt: null,
      text: digestText(found, since),
      items: found.items,
      byReason: found.byReason,
    };
    await notify([digest]);
  }
  return { since, until: until.toISOString(), total: found.total, sent };
}
