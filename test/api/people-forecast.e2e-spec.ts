/**
 * Forecasts that explain (issue 11.4), through HTTP on the real server, worker and Temporal: an agreement's
 * explanation starts from what decides its entry into force and gives dates as dates; once enough processes of
 * a definition have completed, their observed durations replace the definition's `typically`.
 * (ACCORD_DAY_LENGTH=1s here: a "day" lasts a second, so the dates are those of compressed days.)
 */
import { randomUUID } from 'node:crypto';
import type { Forecast } from '../../libs/forecast/src/types';
import { api } from '../support/auth';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';
import { eventually, inlineDefinition, startInline } from '../monitoring/support';
import { complete } from './helpers';

closeTestClientAfterAll();

const COORD = 'jp-coordinator';
const forecastOf = async (id: string) => {
  const res = await api<Forecast>('GET', `/api/v1/processes/${id}/forecast`, { as: COORD });
  expect(res.status).toBe(200);
  return res.body;
};

describe('forecasts that explain', () => {
  it('the MLAT started from its initiative: entry into force first, what decides it, then what follows', async () => {
    const started = await api<{ id: string; forecast: Forecast }>('POST', '/api/v1/processes', {
      as: 'jp-officer',
      body: {
        initiativeId: 'mlat',
        allowDuplicate: true,
        title: `MLAT forecast ${randomUUID().slice(0, 8)}`,
      },
    });
    expect(started.status).toBe(201);
    try {
      const f = await forecastOf(started.body.id);
      expect(f.explanation).toMatch(
        /^Entry into force is projected on \d{4}-\d{2}-\d{2}\. What decides it: /,
      );
      expect(f.projectedEntryIntoForceOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.projectedCompletionOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const deciding = f.basis.filter((b) => b.decidesEntryIntoForce).map((b) => b.stepId);
      expect(deciding.at(-1)).toBe('entry-into-force-days');
      expect(deciding).toContain('jp-representatives');
      // Never led by a step after entry into force: those come after "After entry into force".
      const head = f.explanation.slice(0, f.explanation.indexOf('After entry into force'));
      expect(head).not.toContain('Registered with the UN Secretariat');
      expect(f.explanation.indexOf('Registered with the UN Secretariat')).toBeGreaterThan(head.length);
      expect(deciding).toContain(f.dominant[0]);
      for (const b of f.basis) expect(b.endOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // The 201 answer carried the same kind of forecast.
      expect(started.body.forecast.explanation).toMatch(/^Entry into force is projected on /);
    } finally {
      await api('POST', `/api/v1/processes/${started.body.id}/cancel`, {
        as: 'jp-officer',
        body: { reason: 'forecast test over' },
      });
    }
  });

  it('observed durations of completed processes replace `typically` from three on', async () => {
    const client = await testClient();
    const { taskQueue } = e2eEnv();
    const def = inlineDefinition(`observed-${Date.now().toString(36)}`, [
      {
        id: 'draft',
        type: 'task',
        title: 'Draft the concept note',
        parties: { JP: { roles: ['jp-senior-official'] } },
        typically: { amount: 30, unit: 'calendar-days' },
      },
      {
        id: 'approve',
        type: 'task',
        title: 'Approve the concept note',
        parties: { JP: { roles: ['jp-senior-official'] } },
        typically: { amount: 10, unit: 'calendar-days' },
      },
    ]);
    const done = await Promise.all([0, 1, 2].map((i) => startInline(client, taskQueue, def, `Done ${i}`)));
    for (const h of done) {
      for (const step of ['draft', 'approve']) {
        await eventually(`${h.workflowId} ${step} active`, async () => {
          const res = await complete('jp-senior-official', h.workflowId, step, { outputs: {} });
          return res.status === 200 || undefined;
        });
      }
      await eventually(
        `${h.workflowId} completed`,
        async () => (await h.describe()).status.name === 'COMPLETED',
      );
    }
    const open = await startInline(client, taskQueue, def, 'Open');
    try {
      const f = await eventually('observed durations in the forecast', async () => {
        const x = await forecastOf(open.workflowId);
        return x.basis.find((b) => b.stepId === 'draft')?.source === 'observed' ? x : undefined;
      });
      const draft = f.basis.find((b) => b.stepId === 'draft')!;
      expect(draft).toMatchObject({ source: 'observed', observedCount: 3 });
      // Completed within seconds (a second is a day here), far from the 30 days of `typically`.
      expect(draft.expectedDays!).toBeLessThan(30);
      expect(f.explanation).toContain('as observed in 3 completed processes');
    } finally {
      await open.terminate('forecast test over').catch(() => undefined);
    }
  });
});
