/**
 * Bounded state (issue 13, item 3). The probe: one approver sending change request after change request
 * with 4,000-character comments made the history and every answer grow until GET /processes/{id} failed.
 * Now: a default cap on change-request rounds (409 past it), compact idempotency results, old rounds'
 * decisions out of the state, and a timeline the workflow does not carry across continue-as-new (each run
 * keeps its own entries; the API pages through all of them).
 */
import { implementingArrangement } from '../../libs/definitions/src';
import { DEFAULT_MAX_ROUNDS } from '../../workflows/engine/types';
import { startProcess } from '../engine/support';
import { approve, record, start } from '../processes/drive';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { api, type ApiResponse } from '../support/auth';
import { testClient } from '../support/temporal-client';
import { decide, waitForStep } from './helpers';

const SIGN = 'approval-to-sign';
const COMMENT = 'Please revise the annex. '.repeat(200).slice(0, 4000);

/** Drives an implementing arrangement to its approval to sign (JP drafts). */
async function toApprovalToSign(id: string): Promise<void> {
  await record('jp-mod-atla', id, 'draft-by-jp', { draftReference: 'ATLA-IA-1' });
  for (const as of ['jp-mod-atla', 'jp-mofa', 'jp-meti', 'ca-dnd', 'ca-gac', 'ca-pspc'])
    await approve(as, id, 'inter-agency-review');
  for (const as of ['jp-mofa-treaties', 'ca-gac-treaty-law']) await approve(as, id, 'legal-review');
  await waitForStep(id, SIGN, 'active');
}

const requestChanges = (id: string, comment = COMMENT) =>
  decide('jp-senior-official', id, SIGN, { decision: 'request-changes', comment });

describe('bounded state', () => {
  it(`caps change-request rounds at ${DEFAULT_MAX_ROUNDS} when the definition sets none: 409 past it`, async () => {
    const { id } = await start('jp-officer', 'implementing-arrangement');
    await toApprovalToSign(id);
    for (let round = 1; round < DEFAULT_MAX_ROUNDS; round++) {
      expect((await requestChanges(id, `Round ${round}`)).status).toBe(200);
    }
    const past = await requestChanges(id, 'One more');
    expect(past.status).toBe(409);
    expect(past.body).toMatchObject({ code: 'ROUND_LIMIT' });
    expect(past.body.message).toContain(`${DEFAULT_MAX_ROUNDS} rounds`);
    // Approving or rejecting still works.
    expect((await decide('jp-senior-official', id, SIGN, { decision: 'approve' })).status).toBe(200);
  });

  it('200 rounds of 4,000-character change requests: answers stay small and fast, continue-as-new input < 256 KB, the timeline complete', async () => {
    // Caps raised for the test; a low history limit so the process continues as new several times.
    const h = await startProcess(
      implementingArrangement,
      {},
      { historyLimit: 300, limits: { maxRounds: 1000 } },
    );
    const id = h.workflowId;
    await toApprovalToSign(id);
    const t0 = Date.now();
    for (let i = 0; i < 200; i++) {
      const res = await requestChanges(id);
      if (res.status !== 200) throw new Error(`round ${i + 1}: ${res.status} ${JSON.stringify(res.body)}`);
      expect(JSON.stringify(res.body).length).toBeLessThan(64 * 1024);
    }
    const decideMs = (Date.now() - t0) / 200;

    const reads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r0 = performance.now();
      const res = await api('GET', `/api/v1/processes/${id}`, { as: 'jp-coordinator' });
      reads.push(performance.now() - r0);
      expect(res.status).toBe(200);
      const step = res.body.steps.find((s: { id: string }) => s.id === SIGN);
      expect(step.round).toBe(201);
      expect(JSON.stringify(res.body).length).toBeLessThan(64 * 1024);
    }
    reads.sort((a, b) => a - b);
    process.stderr.write(
      `[bounded] 200 rounds: ${decideMs.toFixed(1)} ms per decision; GET /processes/{id} median ` +
        `${reads[2]!.toFixed(1)} ms\n`,
    );

    // Every continue-as-new carried less than 256 KB.
    const client = await testClient();
    const runs: string[] = [];
    let sizes: number[] = [];
    let runId: string | undefined = (h as WorkflowHandleWithFirstExecutionRunId).firstExecutionRunId;
    while (runId) {
      runs.push(runId);
      const history: temporal.api.history.v1.IHistory = await client.workflow
        .getHandle(id, runId)
        .fetchHistory();
      const attrs = history.events?.find(
        (e) => e.workflowExecutionContinuedAsNewEventAttributes,
      )?.workflowExecutionContinuedAsNewEventAttributes;
      if (!attrs) break;
      sizes.push((attrs.input?.payloads ?? []).reduce((n, p) => n + (p.data?.length ?? 0), 0));
      runId = attrs.newExecutionRunId ?? undefined;
    }
    sizes = sizes.filter((n) => n > 0);
    process.stderr.write(
      `[bounded] ${runs.length} runs; continue-as-new inputs: ${sizes.join(', ')} bytes\n`,
    );
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const n of sizes) expect(n).toBeLessThan(256 * 1024);

    // The timeline is complete through the API, page by page, across the runs.
    const entries: Array<{ kind: string; stepId: string | null; comment?: string | null }> = [];
    for (let token: string | null = '0'; token !== null;) {
      const page: ApiResponse = await api(
        'GET',
        `/api/v1/processes/${id}/timeline?pageSize=100&pageToken=${token}`,
        {
          as: 'jp-coordinator',
        },
      );
      expect(page.status).toBe(200);
      expect(page.body.length).toBeLessThanOrEqual(100);
      entries.push(...page.body);
      token = page.headers.get('x-next-page-token');
    }
    const changeRequests = entries.filter((e) => e.kind === 'decision' && e.stepId === SIGN);
    expect(changeRequests).toHaveLength(200);
    expect(changeRequests.every((e) => e.comment === COMMENT)).toBe(true);
    expect(entries[0]!.kind).toBe('started');

    // And the process still moves on.
    expect((await decide('jp-senior-official', id, SIGN, { decision: 'approve' })).status).toBe(200);
  }, 300_000);
});
