/** A test workflow: one `notify` call with a batch (the real activity, as the process workflow calls it). */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { Notification } from '../../libs/contracts/src/notifications';

const { notify } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumAttempts: 5 },
});

export async function notifyBatchWorkflow(batch: Notification[]): Promise<number> {
  return notify(batch);
}
