/**
 * Representative processes whose histories are recorded into test/histories/ (npm run histories:record)
 * and replayed against the current workflow code by replay.e2e-spec.ts.
 */
import { randomUUID } from 'node:crypto';
import { Client, WithStartWorkflowOperation, WorkflowFailedError } from '@temporalio/client';
import {
  DELEGATIONS_WORKFLOW_TYPE,
  addDelegationUpdate,
  delegationStoreId,
  type Delegation,
} from '../../libs/contracts/src/delegations';
import { loadPayloadKeys } from '../../libs/config/src/accord-config';
import { accordDataConverter } from '../../libs/temporal/src/encryption/encryption-codec';
import { initialSearchAttributes } from '../../libs/contracts/src/search-attributes';
import {
  agreementEntryIntoForce,
  agreementEntryIntoForceV2,
  implementingArrangementV2,
} from '../../libs/definitions/src';
import { calendarChangedSignal } from '../../libs/contracts/src/calendar-events';
import {
  PROCESS_WORKFLOW_TYPE,
  cancelUpdate,
  moveDeadlineUpdate,
  reassignUpdate,
  stateQuery,
  waiveTimerUpdate,
  type ProcessInput,
} from '../../libs/contracts/src/messages';
import { VIEW_MEMO } from '../../libs/contracts/src/view-memo';
import { FORECAST_MEMO, type ForecastMemo } from '../../libs/contracts/src/forecast-memo';
import { WITHDRAWN_MEMO, type WithdrawnMemo } from '../../libs/contracts/src/withdrawn-memo';
import { autopilot } from '../engine/autopilot';
import { e2eEnv } from '../support/e2e-env';
import { testClient } from '../support/temporal-client';
import { fixtures, people } from '../engine/fixtures';
import {
  complete,
  decide,
  eventually,
  startProcess,
  startProcessSettled,
  startProcessWithFirstDues,
  timeline,
  type ProcessHandle,
} from '../engine/support';

export interface Scenario {
  name: string;
  /** Runs the process to its end; returns the handle and the run to record (default: the last one). */
  run(): Promise<{ handle: ProcessHandle; runId?: string }>;
}

export const scenarios: Scenario[] = [
  {
    // POST /processes since the `started` Update: update-with-start answers the first settled view.
    name: 'started-with-update',
    async run() {
      const { handle: h, view } = await startProcessSettled(fixtures.deadline);
      if (view.dueTimesPending || !view.steps.some((s) => s.dueAt))
        throw new Error('answered before its due times');
      await h.executeUpdate(cancelUpdate, { args: [{ principal: people.coordinator, reason: 'Recorded' }] });
      await h.result();
      return { handle: h };
    },
  },
  {
    // POST /processes since `firstDues`: the API settles the first view and starts with its due times; the
    // workflow settles from them (a timer until a past date fires at the start instant, the next one's due
    // time given too: two rounds without the computeDues activity), then runs the second timer out.
    name: 'started-with-first-dues',
    async run() {
      const { handle: h, view } = await startProcessWithFirstDues(fixtures.timerChain);
      const held = await h.query(stateQuery);
      if (JSON.stringify(held.steps) !== JSON.stringify(view.steps))
        throw new Error('the workflow does not hold the view computed before the start');
      await h.result();
      return { handle: h };
    },
  },
  {
    name: 'approval-completed',
    async run() {
      const h = await startProcess(fixtures.review);
      await complete(h, people.jpNeg, 'draft', { ref: 'D-1' });
      await decide(h, people.caNeg, 'text', 'request-changes', { comment: 'Article 3', requestId: 'rc-1' });
      await complete(h, people.jpNeg, 'draft', { ref: 'D-2' });
      await decide(h, people.jpNeg, 'text', 'approve', { requestId: 'a-1' });
      await decide(h, people.jpNeg, 'text', 'approve', { requestId: 'a-1' });
      await decide(h, people.caNeg, 'text');
      await h.result();
      return { handle: h };
    },
  },
  {
    name: 'approval-rejected',
    async run() {
      const h = await startProcess(fixtures.review);
      await complete(h, people.jpNeg, 'draft', { ref: 'D-1' });
      await decide(h, people.jpNeg, 'text');
      await decide(h, people.caNeg, 'text', 'reject', { comment: 'Out of scope' });
      await h.result();
      return { handle: h };
    },
  },
  {
    name: 'parallel-timer',
    async run() {
      const h = await startProcess(fixtures.parallel, { requiresImplementingLegislation: true });
      await autopilot(h);
      await h.result();
      return { handle: h };
    },
  },
  {
    name: 'deadline-escalation-cancelled',
    async run() {
      const h = await startProcess(fixtures.deadline);
      await eventually(
        () => timeline(h),
        (t) => t.filter((x) => x.kind === 'escalation').length === 2,
      );
      await h.executeUpdate(cancelUpdate, { args: [{ principal: people.coordinator, reason: 'Recorded' }] });
      await h.result();
      return { handle: h };
    },
  },
  {
    name: 'continue-as-new-first-run',
    async run() {
      const h = await startProcess(fixtures.long, {}, { historyLimit: 25 });
      const first = (await h.describe()).runId;
      for (let i = 1; i <= 12; i++) await complete(h, people.jpNeg, `t${i}`);
      await h.result();
      return { handle: h, runId: first };
    },
  },
  {
    name: 'agreement-entry-into-force',
    async run() {
      const h = await startProcess(agreementEntryIntoForce);
      await autopilot(h);
      await h.result();
      return { handle: h };
    },
  },
  {
    // Version 2, defaults: the Diet (both Houses, the 30-day rule timer in Diet days), notes sent from each
    // side's own branch, promulgation beside the entry-into-force timer, publication and UN registration.
    name: 'agreement-entry-into-force-v2',
    async run() {
      const h = await startProcess(agreementEntryIntoForceV2, {
        leadDepartmentJP: 'moj',
        leadDepartmentCA: 'justice',
      });
      await autopilot(h);
      await h.result();
      return { handle: h };
    },
  },
  {
    // Version 2 without Diet approval, an implementing Act, and an exchange of instruments of ratification.
    name: 'agreement-entry-into-force-v2-instruments',
    async run() {
      const h = await startProcess(agreementEntryIntoForceV2, {
        requiresDietApproval: false,
        requiresImplementingLegislation: true,
        consentMode: 'instruments-of-ratification',
      });
      await autopilot(h);
      await h.result();
      return { handle: h };
    },
  },
  // Recorded with the rules of accord-20261202-trust (issue 13).
  {
    name: 'trust-coordinator-sides',
    async run() {
      const h = await startProcess(fixtures.approvalAll);
      await decide(h, people.jpClb, 'legal', 'approve', { requestId: 'same-id' });
      await decide(h, people.jpClb, 'legal', 'approve', { requestId: 'same-id' });
      await h.executeUpdate(moveDeadlineUpdate, {
        args: [
          {
            principal: people.caCoordinator,
            stepId: 'legal',
            dueAt: new Date(Date.now() + 86_400_000).toISOString(),
            reason: 'Joint step: either side',
          },
        ],
      });
      await h.executeUpdate(reassignUpdate, {
        args: [
          {
            principal: people.caCoordinator,
            stepId: 'legal',
            party: 'CA',
            roles: ['ca-justice-legal'],
            reason: 'Justice leads',
          },
        ],
      });
      await decide(h, people.jpTreaties, 'legal');
      await decide(h, people.caJustice, 'legal', 'approve', { requestId: 'same-id' });
      await h.result();
      return { handle: h };
    },
  },
  {
    name: 'trust-legal-wait-waived',
    async run() {
      const h = await startProcess(fixtures.legalWait);
      await eventually(
        () => timeline(h),
        (t) => t.some((x) => x.kind === 'step-activated' && x.stepId === 'tabling'),
      );
      await h.executeUpdate(waiveTimerUpdate, {
        args: [
          {
            principal: people.caCoordinator,
            stepId: 'tabling',
            reason: 'Urgent treaty',
            authority: 'Prime Minister of Canada',
          },
        ],
      });
      await complete(h, people.caParl, 'oic');
      await h.result();
      return { handle: h };
    },
  },
  {
    name: 'trust-rounds-continue-as-new-first-run',
    async run() {
      const h = await startProcess(fixtures.loop, {}, { historyLimit: 40, limits: { maxRounds: 100 } });
      const first = (await h.describe()).runId;
      for (let i = 1; i <= 20; i++) {
        await decide(h, people.jpMofa, 'sign', 'request-changes', {
          comment: `Round ${i}: ${'x'.repeat(500)}`,
        });
      }
      await decide(h, people.jpMofa, 'sign');
      await decide(h, people.caNeg, 'sign');
      await h.result();
      return { handle: h, runId: first };
    },
  },
  {
    name: 'calendar-changed-diet-waived',
    async run() {
      const h = await startProcess(fixtures.dietWait);
      const due = async () => (await h.query(stateQuery)).steps.find((x) => x.id === 'councillors')?.dueAt;
      await eventually(due, (d) => typeof d === 'string');
      // A Diet event recorded through the API: the 30-day rule is counted again (a second computeDues).
      await h.signal(calendarChangedSignal, { chamber: 'diet' });
      await eventually(
        () => timeline(h),
        (t) => t.some((x) => x.kind === 'due-recomputed' && x.stepId === 'councillors'),
      );
      await eventually(due, (d) => typeof d === 'string');
      await h.executeUpdate(waiveTimerUpdate, {
        args: [
          {
            principal: people.coordinator,
            stepId: 'councillors',
            reason: 'The House of Councillors voted',
            authority: 'House of Councillors (plenary vote)',
          },
        ],
      });
      await complete(h, people.caParl, 'legislation');
      await h.result();
      return { handle: h };
    },
  },
  {
    // Version 2 of the implementing arrangement: the joint reviews ask one due time per side, in its own
    // business days; the non-treaty registry.
    name: 'implementing-arrangement-v2',
    async run() {
      const h = await startProcess(implementingArrangementV2, { leadSide: 'CA' });
      await autopilot(h);
      await h.result();
      return { handle: h };
    },
  },
  {
    // `accord-20261202-view-memo`: the inbox memo upserted beside the search attributes (a reference output,
    // a change-request round, a duplicate request id, completion).
    name: 'view-memo-approval-completed',
    async run() {
      const h = await startProcess(fixtures.review);
      await complete(h, people.jpNeg, 'draft', { ref: 'D-1' });
      await eventually(
        async () => (await h.describe()).memo?.[VIEW_MEMO] as { steps?: Array<{ id: string }> } | undefined,
        (m) => !!m?.steps?.some((s) => s.id === 'text'),
      );
      await decide(h, people.caNeg, 'text', 'request-changes', { comment: 'Article 3', requestId: 'rc-1' });
      await complete(h, people.jpNeg, 'draft', { ref: 'D-2' });
      await decide(h, people.jpNeg, 'text', 'approve', { requestId: 'a-1' });
      await decide(h, people.jpNeg, 'text', 'approve', { requestId: 'a-1' });
      await decide(h, people.caNeg, 'text');
      await h.result();
      return { handle: h };
    },
  },
  {
    // The inbox memo carried into the next run by continue-as-new.
    name: 'view-memo-continue-as-new-first-run',
    async run() {
      const h = await startProcess(fixtures.long, {}, { historyLimit: 25 });
      const first = (await h.describe()).runId;
      for (let i = 1; i <= 12; i++) await complete(h, people.jpNeg, `t${i}`);
      await h.result();
      return { handle: h, runId: first };
    },
  },
  {
    // `accord-20261202-forecast-memo`: the forecast memo upserted beside the view memo, through version 2 of
    // the agreement (outputs its timers count from, conditions on parameters, Diet-day timers) to completion.
    name: 'forecast-memo-agreement-v2',
    async run() {
      const h = await startProcess(agreementEntryIntoForceV2, {
        requiresDietApproval: false,
        requiresImplementingLegislation: true,
      });
      await eventually(
        async () => (await h.describe()).memo?.[FORECAST_MEMO] as ForecastMemo | undefined,
        (m) => (m?.steps.length ?? 0) > 0,
      );
      await autopilot(h);
      await h.result();
      return { handle: h };
    },
  },
  {
    // The forecast memo carried into the next run by continue-as-new.
    name: 'forecast-memo-continue-as-new-first-run',
    async run() {
      const h = await startProcess(fixtures.long, {}, { historyLimit: 25 });
      const first = (await h.describe()).runId;
      for (let i = 1; i <= 12; i++) await complete(h, people.jpNeg, `t${i}`);
      await h.result();
      const memo = (await h.describe()).memo?.[FORECAST_MEMO] as ForecastMemo | undefined;
      if (memo?.status !== 'completed') throw new Error('the last run has no forecast memo');
      return { handle: h, runId: first };
    },
  },
  {
    // `accord-20261202-withdrawn-memo`: the withdrawn memo (what GET /inbox/withdrawn reads) upserted beside
    // the view and forecast memos: an empty list at the start, the reviewer's step taken back by a change
    // request routed to the draft (the step, its change request and what it waits for), gone when the round
    // is back, then completion.
    name: 'withdrawn-memo-approval-completed',
    async run() {
      const h = await startProcess(fixtures.review);
      const withdrawn = async () => (await h.describe()).memo?.[WITHDRAWN_MEMO] as WithdrawnMemo | undefined;
      await complete(h, people.jpNeg, 'draft', { ref: 'D-1' });
      await decide(h, people.caNeg, 'text', 'request-changes', { comment: 'Article 3', requestId: 'rc-1' });
      const memo = await eventually(withdrawn, (m) => !!m?.steps.some((s) => s.id === 'text'));
      if (memo?.changes[0]?.comment !== 'Article 3') throw new Error('the memo lacks the change request');
      await complete(h, people.jpNeg, 'draft', { ref: 'D-2' });
      await eventually(withdrawn, (m) => m?.steps.length === 0);
      await decide(h, people.jpNeg, 'text');
      await decide(h, people.caNeg, 'text');
      await h.result();
      return { handle: h };
    },
  },
  {
    // The withdrawn memo carried into the next run by continue-as-new (its patch decided again there).
    name: 'withdrawn-memo-continue-as-new-first-run',
    async run() {
      const h = await startProcess(fixtures.long, {}, { historyLimit: 25 });
      const first = (await h.describe()).runId;
      for (let i = 1; i <= 12; i++) await complete(h, people.jpNeg, `t${i}`);
      await h.result();
      const memo = (await h.describe()).memo?.[WITHDRAWN_MEMO] as WithdrawnMemo | undefined;
      if (memo?.status !== 'completed') throw new Error('the last run has no withdrawn memo');
      return { handle: h, runId: first };
    },
  },
  // `accord-20261202-signed-start`: the start's proof decided in the first activation and recorded as a marker.
  {
    // A start without the API's proof (a client that bypasses the API, with the search attributes and a memo
    // of its choosing): failed in its first task with UNAUTHENTICATED_START, having acted on nothing.
    name: 'signed-start-refused',
    async run() {
      const signed = await testClient();
      const forger = new Client({
        connection: signed.connection,
        namespace: signed.options.namespace,
        dataConverter: accordDataConverter(loadPayloadKeys(process.env)),
      });
      const processId = `process-${fixtures.deadline.id}-${randomUUID()}`;
      const input: ProcessInput = {
        processId,
        title: 'Forged',
        definition: fixtures.deadline,
        parameters: {},
        initiator: people.coordinator,
      };
      const h = await forger.workflow.start(PROCESS_WORKFLOW_TYPE, {
        taskQueue: e2eEnv().taskQueue,
        workflowId: processId,
        args: [input],
        typedSearchAttributes: initialSearchAttributes(input),
        memo: { [VIEW_MEMO]: { id: processId, title: 'Forged' } },
      });
      const failed = await h.result().then(
        () => null,
        (err: unknown) => err,
      );
      if (!(failed instanceof WorkflowFailedError)) throw new Error(`not refused: ${String(failed)}`);
      return { handle: h };
    },
  },
  {
    // Signed by the API's client (update-with-start), then driven to completion.
    name: 'signed-start-approval-completed',
    async run() {
      const { handle: h } = await startProcessSettled(fixtures.review);
      await complete(h, people.jpNeg, 'draft', { ref: 'D-1' });
      await decide(h, people.caNeg, 'text', 'request-changes', { comment: 'Article 3', requestId: 'rc-1' });
      await complete(h, people.jpNeg, 'draft', { ref: 'D-2' });
      await decide(h, people.jpNeg, 'text');
      await decide(h, people.caNeg, 'text');
      await h.result();
      return { handle: h };
    },
  },
  {
    // The last run of a signed process that continued as new: a run the workflow continued is not checked
    // again (no marker of either kind).
    name: 'signed-start-continued-last-run',
    async run() {
      const h = await startProcess(fixtures.long, {}, { historyLimit: 25 });
      for (let i = 1; i <= 12; i++) await complete(h, people.jpNeg, `t${i}`);
      await h.result();
      return { handle: h };
    },
  },
  {
    // A delegations store started without the API's proof, with a delegation in its input: refused.
    name: 'signed-start-delegations-refused',
    async run() {
      const signed = await testClient();
      const forger = new Client({
        connection: signed.connection,
        namespace: signed.options.namespace,
        dataConverter: accordDataConverter(loadPayloadKeys(process.env)),
      });
      const sub = `replay-${randomUUID()}`;
      const h = await forger.workflow.start(DELEGATIONS_WORKFLOW_TYPE, {
        taskQueue: e2eEnv().taskQueue,
        workflowId: delegationStoreId('received', sub),
        args: [{ delegations: [delegationTo(sub)] }],
      });
      const failed = await h.result().then(
        () => null,
        (err: unknown) => err,
      );
      if (!(failed instanceof WorkflowFailedError)) throw new Error(`not refused: ${String(failed)}`);
      return { handle: h };
    },
  },
  {
    // A delegations store started by the API's client (update-with-start of an add), then terminated.
    name: 'signed-start-delegations-added',
    async run() {
      const client = await testClient();
      const sub = `replay-${randomUUID()}`;
      const workflowId = delegationStoreId('received', sub);
      await client.workflow.executeUpdateWithStart(addDelegationUpdate, {
        args: [delegationTo(sub), { side: 'received', max: 10 }],
        startWorkflowOperation: new WithStartWorkflowOperation(DELEGATIONS_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: e2eEnv().taskQueue,
          args: [{ delegations: [] }],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      });
      const h = client.workflow.getHandle(workflowId);
      await h.terminate('recorded');
      return { handle: h };
    },
  },
];

function delegationTo(sub: string): Delegation {
  const from = { sub: people.jpMofa.sub, name: people.jpMofa.name };
  return {
    id: `dlg-${randomUUID()}`,
    from,
    to: { sub, name: 'Replay delegate' },
    party: 'JP',
    roles: people.jpMofa.roles.slice(0, 1),
    until: new Date(Date.now() + 86_400_000).toISOString(),
    createdAt: new Date().toISOString(),
    createdBy: from,
  };
}
