/**
 * Coordinators' views (issue 11.7), through HTTP on the real server, worker and Temporal: the at-risk list,
 * roll-ups per pillar and initiative (a process with no initiative under no pillar), GET /processes by
 * definition and awaited role, and bulk dry runs that say what would change.
 */
import { randomUUID } from 'node:crypto';
import type { AtRiskItem, MonitoringSummary } from '../../libs/contracts/src/http';
import { api } from '../support/auth';
import { closeTestClientAfterAll } from '../support/temporal-client';
import { startProcess, waitFor, waitForStep } from './helpers';

closeTestClientAfterAll();

const COORD = 'jp-coordinator';
const tag = () => randomUUID().slice(0, 8);
const atRisk = (q: string) => api<AtRiskItem[]>('GET', `/api/v1/monitoring/at-risk?${q}`, { as: COORD });
const summary = async () => {
  const res = await api<MonitoringSummary>('GET', '/api/v1/monitoring/summary', { as: COORD });
  expect(res.status).toBe(200);
  return res.body;
};
const list = async (q: string) => {
  const res = await api<{ items: Array<{ id: string }> }>('GET', `/api/v1/processes?pageSize=100&${q}`, {
    as: COORD,
  });
  expect(res.status).toBe(200);
  return res.body.items.map((p) => p.id);
};

describe("coordinators' views", () => {
  const started: string[] = [];
  let arrangement: string;
  let mlat: string;
  let loose: string;

  beforeAll(async () => {
    // One of each: an arrangement (filed under its one initiative), the MLAT (from its initiative), and an
    // agreement with no initiative (its definition is pillar 1's, the process is no pillar's).
    arrangement = (
      await startProcess('jp-officer', { definitionId: 'implementing-arrangement', title: `IA ${tag()}` })
    ).id;
    mlat = (
      await startProcess('jp-officer', {
        definitionId: 'agreement-entry-into-force',
        initiativeId: 'mlat',
        allowDuplicate: true,
        title: `MLAT ${tag()}`,
      })
    ).id;
    started.push(arrangement, mlat);
  });

  afterAll(async () => {
    for (const id of started)
      await api('POST', `/api/v1/processes/${id}/cancel`, {
        as: 'jp-officer',
        body: { reason: 'test over' },
      });
  });

  it('a process with no initiative counts under no pillar, in the roll-up and in GET /processes?pillar', async () => {
    const before = await summary();
    loose = (
      await startProcess('jp-officer', {
        definitionId: 'agreement-entry-into-force',
        title: `Loose agreement ${tag()}`,
        parameters: { signedOn: '2026-11-02' },
      })
    ).id;
    started.push(loose);
    const after = await waitFor('counted without an initiative', async () => {
      const s = await summary();
      return s.withoutInitiative!.processes === before.withoutInitiative!.processes + 1 ? s : undefined;
    });
    const pillar1 = (s: MonitoringSummary) => s.pillars.find((p) => p.pillar === '1')!;
    expect(pillar1(after).processes).toBe(pillar1(before).processes);
    expect(after.withoutInitiative).toMatchObject({
      pillar: '',
      pillarTitle: 'Not linked to a roadmap initiative',
    });
    expect(await list('pillar=1')).not.toContain(loose);
    expect(await list('pillar=1')).toEqual(expect.arrayContaining([arrangement, mlat]));
    expect(await list('definitionId=agreement-entry-into-force')).toEqual(
      expect.arrayContaining([loose, mlat]),
    );
  });

  it('roll-ups per pillar and initiative: counts by status, stuck and overdue, next legal date, entry into force by title', async () => {
    const s = await summary();
    const pillar1 = s.pillars.find((p) => p.pillar === '1')!;
    expect(pillar1).toMatchObject({
      byStatus: expect.objectContaining({ running: expect.any(Number) }),
      stuck: expect.any(Number),
      overdue: expect.any(Number),
    });
    expect(pillar1.projectedCompletionOfTitle).toEqual(expect.any(String));
    expect(pillar1.nextLegalDate).toMatchObject({ at: expect.any(String), title: expect.any(String) });
    expect(pillar1.nextLegalDate!.on.JP).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const mlatRow = pillar1.entryIntoForce!.find((e) => e.processId === mlat);
    expect(mlatRow).toMatchObject({
      title: expect.stringContaining('MLAT'),
      on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const byInitiative = s.initiatives.find((i) => i.initiativeId === 'mlat')!;
    expect(byInitiative.processes.find((p) => p.processId === mlat)).toMatchObject({
      status: 'running',
      stuck: false,
      overdue: false,
      projectedEntryIntoForceOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(byInitiative.byStatus!.running).toBeGreaterThanOrEqual(1);
    expect(byInitiative.projectedEntryIntoForceOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const sia = s.initiatives.find((i) => i.initiativeId === 'sia-implementing-arrangement')!;
    expect(sia.nextLegalDate).toMatchObject({ at: expect.any(String) });
  });

  it('GET /processes by the role awaited; a malformed role is a 400 naming the field and the value', async () => {
    await waitForStep(mlat, 'jp-cabinet-decision-submit', 'active');
    await waitFor('listed by awaited role', async () =>
      (await list('awaitingRole=JP:jp-cabinet-secretariat')).includes(mlat),
    );
    expect(await list('awaitingRole=JP:jp-cabinet-secretariat')).not.toContain(arrangement);
    expect(await list('awaitingRole=JP:jp-mofa-treaties')).not.toContain(mlat);
    const bad = await api('GET', '/api/v1/processes?awaitingRole=cabinet', { as: COORD });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      {
        field: 'awaitingRole',
        message: 'awaitingRole must be PARTY:role, e.g. JP:jp-cabinet-secretariat (received: "cabinet")',
      },
    ]);
  });

  it('the at-risk list: a step due within N days; a forecast past a target date', async () => {
    // The arrangement's draft is due in 20 JP business days (seconds here): within 60 days, not within 1.
    const draft = await waitForStep(arrangement, 'draft-by-jp', 'active');
    await waitFor(
      'the draft has its due time',
      async () => (await waitForStep(arrangement, 'draft-by-jp', 'active')).dueAt,
    );
    const soon = await waitFor('due soon', async () => {
      const res = await atRisk('withinDays=60');
      expect(res.status).toBe(200);
      return res.body.find((i) => i.processId === arrangement);
    });
    expect(soon).toMatchObject({
      reasons: ['due-soon'],
      forecast: null,
      dueSoon: [{ stepId: 'draft-by-jp', stepTitle: draft.title, dueAt: expect.any(String) }],
    });
    expect(soon.dueSoon[0]!.on.CA).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(soon.detail).toContain(`"${draft.title}" is due`);
    expect((await atRisk('withinDays=1')).body.some((i) => i.processId === arrangement)).toBe(false);

    const late = (await atRisk('withinDays=0&target=2020-01-01')).body.find((i) => i.processId === mlat)!;
    expect(late).toMatchObject({
      reasons: ['forecast-late'],
      forecast: { what: 'entry-into-force', target: '2020-01-01' },
    });
    expect(late.forecast!.lateByDays).toBeGreaterThan(300);
    expect(late.detail).toContain('entry into force is projected on');
    expect((await atRisk('withinDays=0&target=2100-01-01')).body.some((i) => i.processId === mlat)).toBe(
      false,
    );

    for (const [q, field, message] of [
      ['target=2027-02-30', 'target', 'is not a calendar date (received: "2027-02-30")'],
      ['target=soon', 'target', 'target must be a date YYYY-MM-DD (received: "soon")'],
      ['withinDays=-1', 'withinDays', 'withinDays must be 0 or more (received: -1)'],
    ]) {
      const bad = await atRisk(q!);
      expect([q, bad.status]).toEqual([q, 400]);
      expect(bad.body as unknown).toMatchObject({ details: [{ field, message }] });
    }
    expect((await api('GET', '/api/v1/monitoring/at-risk', { as: 'jp-officer' })).status).toBe(403);
  });

  it('a bulk dry run lists title, step, the value now and the value it would get', async () => {
    const step = await waitFor('draft due', async () => {
      const s = await waitForStep(arrangement, 'draft-by-jp', 'active');
      return s.dueAt ? s : undefined;
    });
    const extend = await api<{ matched: Array<Record<string, unknown>> }>('POST', '/api/v1/monitoring/bulk', {
      as: COORD,
      body: {
        action: 'extend',
        dryRun: true,
        filter: { processIds: [arrangement] },
        params: { extendBy: '10s', reason: 'Ministers travel' },
      },
    });
    expect(extend.status).toBe(200);
    expect(extend.body.matched).toEqual([
      expect.objectContaining({
        processId: arrangement,
        title: expect.stringMatching(/^IA /),
        stepId: 'draft-by-jp',
        stepTitle: 'Draft prepared (JP)',
        change: {
          field: 'dueAt',
          from: step.dueAt,
          to: new Date(Date.parse(step.dueAt) + 10_000).toISOString(),
        },
      }),
    ]);
    const reassign = await api<{ matched: Array<Record<string, unknown>> }>(
      'POST',
      '/api/v1/monitoring/bulk',
      {
        as: COORD,
        body: {
          action: 'reassign',
          dryRun: true,
          filter: { processIds: [arrangement] },
          params: { party: 'JP', roles: ['jp-mofa'], reason: 'MOFA drafts this one' },
        },
      },
    );
    expect(reassign.body.matched[0]).toMatchObject({
      stepTitle: 'Draft prepared (JP)',
      change: { field: 'roles', from: ['jp-officer', 'jp-mod-atla'], to: ['jp-mofa'] },
    });
    // A dry run touched nothing.
    expect((await waitForStep(arrangement, 'draft-by-jp', 'active')).dueAt).toBe(step.dueAt);
  });
});
