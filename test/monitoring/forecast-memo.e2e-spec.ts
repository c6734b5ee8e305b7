/**
 * The forecast memo on the real worker and server (accord-20261202-forecast-memo): what a visibility listing
 * hands back is what the state Query's view gives, and the forecast from the listing equals the forecast
 * from the Query for the same processes at the same instant (what GET /monitoring/summary now reads instead
 * of Querying each running process). ACCORD_DAY_LENGTH=1s here, so processes move while they are read:
 * each comparison is made once the listing has caught up with the Query.
 */
import type { ParamValue, ProcessDefinition } from '../../libs/contracts/src/definition';
import {
  FORECAST_MEMO,
  forecastMemoOf,
  forecastReads,
  forecastViewFromMemo,
} from '../../libs/contracts/src/forecast-memo';
import { stateQuery } from '../../libs/contracts/src/messages';
import type { ProcessView } from '../../libs/contracts/src/process-view';
import { agreementEntryIntoForceV2, implementingArrangementV2 } from '../../libs/definitions/src';
import { forecastProcess } from '../../libs/forecast/src/forecast';
import { calendarSpans } from '../../libs/monitoring/src/calendar-adapter';
import { filledOutputs, who } from '../engine/fixtures';
import { complete, eventually, startProcessSettled } from '../engine/support';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';

closeTestClientAfterAll();

const DAY_MS = 1000;
const { addSpan, answerSpan } = calendarSpans({ dayLengthMs: DAY_MS });

/** The memo of one process as a visibility listing decodes it. */
async function listedMemo(query: string, id: string): Promise<Record<string, unknown> | undefined> {
  const client = await testClient();
  for await (const info of client.workflow.list({ query })) if (info.workflowId === id) return info.memo;
  return undefined;
}

describe('forecast memo (real worker)', () => {
  it('the listing carries what the Query gives, and forecasts the same', async () => {
    const client = await testClient();
    const started: Array<{ def: ProcessDefinition; id: string }> = [];
    const cases: Array<[ProcessDefinition, Record<string, ParamValue>]> = [
      [agreementEntryIntoForceV2, {}],
      [agreementEntryIntoForceV2, { requiresDietApproval: false, requiresImplementingLegislation: true }],
      [implementingArrangementV2, { leadSide: 'CA' }],
    ];
    for (const [def, params] of cases) {
      const { handle, view } = await startProcessSettled(def, params);
      started.push({ def, id: handle.workflowId });
      // One task recorded (a completed step, an output the definition may name).
      const task = view.steps.find((s) => s.status === 'active' && s.type === 'task');
      if (task) {
        const [party, pv] = Object.entries(task.parties)[0]!;
        await complete(
          handle,
          who(`${pv!.roles[0]}-user`, party as 'JP' | 'CA', [pv!.roles[0]!]),
          task.id,
          filledOutputs(task, new Date().toISOString().slice(0, 10)),
        );
      }
    }
    const query = `WorkflowId IN (${started.map((s) => `'${s.id}'`).join(', ')})`;
    for (const { def, id } of started) {
      const reads = forecastReads(def);
      const seen = await eventually(
        async () => {
          const listed = await listedMemo(query, id);
          const view = await client.workflow.getHandle(id).query(stateQuery);
          return { listed, view };
        },
        ({ listed, view }) =>
          JSON.stringify(listed?.[FORECAST_MEMO]) === JSON.stringify(forecastMemoOf(view, reads)),
      );
      const fromMemo = forecastViewFromMemo(id, seen.listed);
      expect(fromMemo).not.toBeNull();
      const memo = seen.listed![FORECAST_MEMO] as { steps: unknown[] };
      expect(memo.steps.length).toBeGreaterThan(0);
      const now = new Date();
      const forecast = (v: ProcessView) =>
        forecastProcess({ view: v, definition: def, now, addSpan, answerSpan, dayLengthMs: DAY_MS });
      const expected = forecast(seen.view);
      expect(expected.basis.length).toBeGreaterThan(0);
      expect(forecast(fromMemo!)).toEqual(expected);
    }
  });
});
