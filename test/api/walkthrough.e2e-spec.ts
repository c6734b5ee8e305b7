/**
 * The README's "Walkthrough: bringing the MLAT into force", step by step through the API with the same people
 * and bodies (issue 11: the walkthrough reads as a person would do it, and works). ACCORD_DAY_LENGTH=1s here, so
 * the dates differ from the README's; what each answer says and who acts is the same. Also: the OpenAPI
 * document's examples of definition, initiative, step and role ids are real ones.
 */
import { api, type Json } from '../support/auth';
import { closeTestClientAfterAll } from '../support/temporal-client';
import { complete, decide, inboxOf, waitFor, waitForStep } from './helpers';

closeTestClientAfterAll();

describe('README walkthrough: bringing the MLAT into force', () => {
  let id: string;

  afterAll(async () => {
    if (id)
      await api('POST', `/api/v1/processes/${id}/cancel`, { as: 'jp-coordinator', body: { reason: 'done' } });
  });

  it('1. a MOFA negotiator starts it from its initiative; the answer says what was applied, who acts, the forecast', async () => {
    const initiatives = await api<Array<{ id: string }>>('GET', '/api/v1/initiatives', {
      as: 'jp-mofa-negotiator',
    });
    expect(initiatives.body.map((i) => i.id)).toContain('mlat');
    // Other tests may run an MLAT process too: the README's reader has none, this test says it means another.
    const res = await api<Json>('POST', '/api/v1/processes', {
      as: 'jp-mofa-negotiator',
      body: { initiativeId: 'mlat', allowDuplicate: true },
    });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body.start.message).toContain(
      'Started from the initiative "Mutual Legal Assistance Treaty" (mlat)',
    );
    expect(res.body.summary.text).toContain('Cabinet Secretariat');
    const status = (s: string) => res.body.steps.find((x: { id: string }) => x.id === s).status;
    expect(status('signature')).toBe('skipped');
    expect(status('ca-implementing-act-assent')).toBe('not-applicable');
    expect(status('entry-into-force-month-start')).toBe('not-applicable');
    expect(res.body.forecast.explanation).toMatch(
      /^Entry into force is projected on \d{4}-\d{2}-\d{2}\. What decides it: "Cabinet decision to submit to the Diet"/,
    );
    expect(res.body.forecast.projectedEntryIntoForceOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await api<Json>('POST', '/api/v1/processes', {
      as: 'jp-mofa-negotiator',
      body: { initiativeId: 'mlat' },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('allowDuplicate');
  });

  it('2. each side acts from its inbox', async () => {
    const jpItem = await waitFor('the Cabinet Secretariat item', async () =>
      (await inboxOf('jp-cabinet-secretariat')).find((i) => i.processId === id),
    );
    expect(jpItem).toMatchObject({
      stepTitle: 'Cabinet decision to submit to the Diet',
      asked: { outputs: [expect.objectContaining({ name: 'decidedOn', type: 'date' })] },
      links: { act: `/api/v1/processes/${id}/steps/jp-cabinet-decision-submit/completion` },
    });
    const done = await complete('jp-cabinet-secretariat', id, 'jp-cabinet-decision-submit', {
      outputs: { decidedOn: '2026-12-04' },
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    const dietItem = await waitFor('the Diet liaison item', async () =>
      (await inboxOf('jp-diet-liaison')).find((i) => i.processId === id),
    );
    expect(dietItem.asked.outputs.map((o: { name: string }) => o.name)).toEqual([
      'approvedOn',
      'receivedByCouncillorsOn',
    ]);

    const em = await complete('ca-gac-treaty-law', id, 'ca-explanatory-memorandum', {
      outputs: { approvedOn: '2026-12-03', memorandumReference: 'EM-2026-MLAT' },
    });
    expect(em.status).toBe(200);
    await waitForStep(id, 'ca-tabling', 'active');
    const tabled = await complete('ca-parliament-liaison', id, 'ca-tabling', {
      outputs: { tabledOn: '2026-12-07', sessionalPaper: '8532-451-12' },
    });
    expect(tabled.status).toBe(200);
    const view = await api<Json>('GET', `/api/v1/processes/${id}`, { as: 'ca-officer' });
    const period = view.body.steps.find((s: { id: string }) => s.id === 'ca-tabling-period');
    expect(period.status === 'active' || period.status === 'completed').toBe(true);
    expect(view.body.summary.text).toEqual(expect.any(String));

    // Mistakes are answered in words.
    const wrong = await decide('jp-diet-liaison', id, 'jp-representatives', { decision: 'approve' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.message).toContain('POST …/steps/jp-representatives/completion');
    const withdrawn = await api('GET', '/api/v1/inbox/withdrawn', { as: 'jp-diet-liaison' });
    expect(withdrawn.status).toBe(200);
  });

  it('3. a coordinator watches both sides, sets a deadline, dry-runs an extension and nudges', async () => {
    const listed = await api<Json>('GET', '/api/v1/processes?initiativeId=mlat', { as: 'ca-coordinator' });
    expect(listed.body.items.some((p: { id: string }) => p.id === id)).toBe(true);
    const byRole = await waitFor('waiting on the Diet liaison', async () => {
      const r = await api<Json>('GET', '/api/v1/processes?awaitingRole=JP:jp-diet-liaison', {
        as: 'ca-coordinator',
      });
      return r.body.items.some((p: { id: string }) => p.id === id) ? r : undefined;
    });
    expect(byRole.status).toBe(200);
    const risk = await api<Json>('GET', '/api/v1/monitoring/at-risk?withinDays=30&target=2027-06-30', {
      as: 'ca-coordinator',
    });
    expect(risk.status).toBe(200);
    const summary = await api<Json>('GET', '/api/v1/monitoring/summary', { as: 'ca-coordinator' });
    const mlat = summary.body.initiatives.find((i: { initiativeId: string }) => i.initiativeId === 'mlat');
    expect(mlat).toMatchObject({
      byStatus: expect.any(Object),
      stuck: expect.any(Number),
      overdue: expect.any(Number),
    });
    expect(mlat.projectedEntryIntoForceOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await api('GET', '/api/v1/monitoring/stuck', { as: 'ca-coordinator' })).status).toBe(200);
    const forecast = await api<Json>('GET', `/api/v1/processes/${id}/forecast`, { as: 'ca-coordinator' });
    expect(forecast.body.explanation).toMatch(/^Entry into force is projected on /);

    const deadline = await api<Json>('POST', `/api/v1/processes/${id}/steps/jp-representatives/deadline`, {
      as: 'jp-coordinator',
      body: { dueAt: '2027-03-31', reason: 'Before the Diet rises for Golden Week' },
    });
    expect(deadline.status).toBe(200);
    expect(deadline.body.dueAtMeaning).toContain('Asia/Tokyo');
    expect(deadline.body.dueLocal.JP).toMatchObject({ date: '2027-03-31' });

    const dry = await api<Json>('POST', '/api/v1/monitoring/bulk', {
      as: 'jp-coordinator',
      body: {
        action: 'extend',
        dryRun: true,
        filter: { processIds: [id] },
        params: { extendBy: '14d', reason: 'Diet schedule' },
      },
    });
    expect(dry.status).toBe(200);
    expect(dry.body.matched[0]).toMatchObject({
      stepTitle: 'House of Representatives approves',
      change: { field: 'dueAt', from: deadline.body.dueAt },
    });
    expect(Date.parse(dry.body.matched[0].change.to) - Date.parse(deadline.body.dueAt)).toBe(14 * 86_400_000);

    const nudge = await api<Json>('POST', `/api/v1/processes/${id}/nudge`, {
      as: 'ca-coordinator',
      body: { reason: 'Ministers meet Friday' },
    });
    expect(nudge.status).toBe(200);
    expect(nudge.body.reminded.length).toBeGreaterThan(0);
  });
});

describe('OpenAPI examples', () => {
  it('every example of a definition, initiative, step or role id names a real one', async () => {
    const doc = await api<Json>('GET', '/docs-json');
    const defs = await api<Array<{ id: string }>>('GET', '/api/v1/definitions', { as: 'jp-officer' });
    const initiatives = await api<Array<{ id: string }>>('GET', '/api/v1/initiatives', { as: 'jp-officer' });
    const stepIds = new Set<string>();
    const roles = new Set<string>();
    for (const d of defs.body) {
      const full = await api<Json>('GET', `/api/v1/definitions/${d.id}`, { as: 'jp-officer' });
      const walk = (steps: Json[]) => {
        for (const s of steps) {
          if (s.type === 'parallel') {
            stepIds.add(s.id);
            for (const b of s.branches) walk(b.steps);
          } else {
            stepIds.add(s.id);
            for (const p of Object.values(s.parties ?? {}) as Array<{ roles: string[] }>)
              for (const r of p.roles) roles.add(r);
          }
        }
      };
      walk(full.body.steps);
    }
    const known: Record<string, Set<string>> = {
      definitionId: new Set(defs.body.map((d) => d.id)),
      initiativeId: new Set(initiatives.body.map((i) => i.id)),
      stepId: stepIds,
      role: roles,
    };
    const checked: string[] = [];
    const visit = (node: unknown, name: string) => {
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (typeof o.example === 'string') {
        const set = known[name];
        if (set) {
          checked.push(`${name}=${o.example}`);
          expect([name, o.example, set.has(o.example)]).toEqual([name, o.example, true]);
        }
        const path = /\/steps\/([a-z0-9-]+)\//.exec(o.example);
        if (path) {
          checked.push(`path step ${path[1]}`);
          expect([o.example, stepIds.has(path[1]!)]).toEqual([o.example, true]);
        }
        if (name === 'awaitingRole') expect(roles.has(o.example.split(':')[1]!)).toBe(true);
      }
      for (const [k, v] of Object.entries(o)) visit(v, k === 'properties' || k === 'items' ? name : k);
    };
    visit(doc.body, '');
    expect(checked.length).toBeGreaterThan(3);
  });
});
