/** Listing rows built from search attributes alone (no Query per row). */
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { SA } from '../../../../libs/contracts/src/search-attributes';
import type { ProcessStatus } from '../../../../libs/contracts/src/process-view';
import type { ProcessSummary } from '../../../../libs/contracts/src/http';

export type { ProcessSummary };

const STATUSES: ProcessStatus[] = ['running', 'completed', 'rejected', 'cancelled', 'failed'];

export function summaryOf(
  info: Pick<
    WorkflowExecutionInfo,
    'workflowId' | 'typedSearchAttributes' | 'status' | 'startTime' | 'closeTime'
  >,
): ProcessSummary {
  const sa = info.typedSearchAttributes;
  const accordStatus = sa.get(SA.status);
  let status: ProcessStatus = STATUSES.includes(accordStatus as ProcessStatus)
    ? (accordStatus as ProcessStatus)
    : 'running';
  // A workflow that ended without the engine recording an outcome (terminated, timed out, failed).
  if (info.status.name !== 'RUNNING' && status === 'running') status = 'failed';
  const date = (d: Date | undefined) => (d ? d.toISOString() : null);
  return {
    id: info.workflowId,
    title: sa.get(SA.title) ?? null,
    definitionId: sa.get(SA.definitionId) ?? null,
    status,
    initiativeId: sa.get(SA.initiative) ?? null,
    businessKey: sa.get(SA.businessKey) ?? null,
    initiator: sa.get(SA.initiator) ?? null,
    awaitingParties: sa.get(SA.awaitingParties) ?? [],
    currentSteps: sa.get(SA.currentSteps) ?? [],
    nextDueAt: date(sa.get(SA.nextDueAt)),
    lastProgressAt: date(sa.get(SA.lastProgressAt)),
    progressPct: sa.get(SA.progressPct) ?? null,
    startedAt: info.startTime.toISOString(),
    closedAt: date(info.closeTime),
  };
}
