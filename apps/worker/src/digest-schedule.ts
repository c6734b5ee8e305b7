/**
 * The Temporal Schedule that runs the daily digest (not a cron in the API process): every day at
 * ACCORD_DIGEST_AT (07:00) in ACCORD_DIGEST_TIME_ZONE (UTC), overlapping runs skipped. Idempotent: creates
 * the schedule, or updates it to the current settings when it exists.
 */
import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleHandle,
} from '@temporalio/client';
import type { AccordConfig } from '../../../libs/config/src/accord-config';
import { loadMonitoringConfig, type MonitoringConfig } from '../../../libs/monitoring/src/monitoring-config';
import { DIGEST_WORKFLOW_TYPE, type DigestInput } from '../../../workflows/digest.workflow';

export const DIGEST_SCHEDULE_ID = 'accord-daily-digest';

export interface DigestScheduleOptions {
  /** Default `accord-daily-digest`; tests use their own. */
  scheduleId?: string;
  monitoring?: MonitoringConfig;
  input?: DigestInput;
}

export async function ensureDigestSchedule(
  client: Client,
  config: Pick<AccordConfig, 'taskQueue'>,
  options: DigestScheduleOptions = {},
): Promise<ScheduleHandle> {
  const scheduleId = options.scheduleId ?? DIGEST_SCHEDULE_ID;
  const { digest } = options.monitoring ?? loadMonitoringConfig();
  const spec = {
    calendars: [
      { hour: digest.hour, minute: digest.minute, comment: 'daily digest of newly stuck processes' },
    ],
    timezone: digest.timeZone,
  };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: DIGEST_WORKFLOW_TYPE,
    workflowId: `${scheduleId}-run`,
    taskQueue: config.taskQueue,
    args: [options.input ?? {}],
  };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1h' as const };
  try {
    return await client.schedule.create({ scheduleId, spec, action, policies });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    const handle = client.schedule.getHandle(scheduleId);
    await handle.update((prev) => ({ ...prev, spec, action, policies: { ...prev.policies, ...policies } }));
    return handle;
  }
}
