/**
 * Who reads what (issue 13, item 8). A joint process is visible to both parties, but the comments and outputs
 * of a step the definition marks `internal` (here Japan's Cabinet decision to conclude, in
 * agreement-entry-into-force v2) are read by Japan's officials and coordinators only: Canada's see the step's
 * status, dates and who acted, in the view, the timeline and the inbox alike. A token without roles reads
 * nothing.
 */
import { api, tokenForPrincipal, type Json } from '../support/auth';
import { complete, waitForStep } from './helpers';

const DEF = 'agreement-entry-into-force';
const STEP = 'jp-cabinet-decision-conclusion';
const COMMENT = 'Cabinet agreed on 6 March; the Legislation Bureau asked for one wording change first.';

describe('a party’s internal step', () => {
  let id: string;

  beforeAll(async () => {
    const started = await api('POST', '/api/v1/processes', {
      as: 'jp-officer',
      body: {
        definitionId: DEF,
        title: 'Read scope: agreement without Diet approval',
        parameters: { signedOn: '2026-01-27', requiresDietApproval: false },
      },
    });
    expect(started.status).toBe(201);
    id = started.body.id;
    await waitForStep(id, STEP, 'active');
    const done = await complete('jp-cabinet-secretariat', id, STEP, {
      outputs: { decidedOn: '2026-03-06' },
      comment: COMMENT,
    });
    expect(done.status).toBe(200);
  }, 60_000);

  const stepFor = async (as: string): Promise<Json> => {
    const res = await api('GET', `/api/v1/processes/${id}`, { as });
    expect(res.status).toBe(200);
    return res.body.steps.find((s: Json) => s.id === STEP);
  };
  const entriesFor = async (as: string): Promise<Json[]> => {
    const res = await api('GET', `/api/v1/processes/${id}/timeline`, { as });
    expect(res.status).toBe(200);
    return res.body.filter((e: Json) => e.stepId === STEP && e.kind === 'completion');
  };

  it('is read in full by its own party, officials and coordinator alike', async () => {
    for (const as of ['jp-officer', 'jp-coordinator']) {
      const step = await stepFor(as);
      expect(step).toMatchObject({ status: 'completed', outputs: { decidedOn: '2026-03-06' } });
      expect(step.internalTo).toBeUndefined();
      const [entry] = await entriesFor(as);
      expect(entry).toMatchObject({ comment: COMMENT, data: { decidedOn: '2026-03-06' } });
    }
  });

  it('shows the other party its status, dates and who acted, not its outputs or comments', async () => {
    for (const as of ['ca-officer', 'ca-coordinator']) {
      const step = await stepFor(as);
      expect(step).toMatchObject({
        status: 'completed',
        completedAt: expect.any(String),
        outputs: {},
        internalTo: 'JP',
      });
      const [entry] = await entriesFor(as);
      expect(entry).toMatchObject({
        kind: 'completion',
        actor: { sub: 'jp-cabinet-secretariat' },
        comment: null,
      });
      expect(entry.data).toBeUndefined();
      expect(JSON.stringify(entry)).not.toContain('Legislation Bureau');
      const whole = await api('GET', `/api/v1/processes/${id}`, { as });
      expect(JSON.stringify(whole.body)).not.toContain('Legislation Bureau');
    }
  });

  it('leaves the joint steps of the same process readable by both', async () => {
    const res = await api('GET', `/api/v1/processes/${id}`, { as: 'ca-officer' });
    const joint = res.body.steps.filter((s: Json) => Object.keys(s.parties).length === 2);
    expect(joint.length).toBeGreaterThan(0);
    expect(joint.every((s: Json) => s.internalTo === undefined)).toBe(true);
  });
});

describe('a token without roles', () => {
  const noRoles = tokenForPrincipal({
    sub: 'visitor-1',
    name: 'Visitor',
    party: 'CA',
    org: 'GAC',
    roles: [],
  });

  it('reads nothing, each refusal saying why', async () => {
    const started = await api('POST', '/api/v1/processes', {
      as: 'ca-officer',
      body: { definitionId: 'trade-mission', title: 'Read scope: no roles' },
    });
    expect(started.status).toBe(201);
    for (const path of [
      '/api/v1/processes',
      `/api/v1/processes/${started.body.id}`,
      `/api/v1/processes/${started.body.id}/timeline`,
      '/api/v1/inbox',
      '/api/v1/definitions',
      '/api/v1/initiatives',
      '/api/v1/delegations',
    ]) {
      const res = await api('GET', path, { token: noRoles });
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 403,
        code: 'NO_ROLES',
      });
      expect(res.body.message).toMatch(/carries no Accord role/);
    }
  });

  it('may still ask who it is', async () => {
    const me = await api('GET', '/api/v1/me', { token: noRoles });
    expect(me).toMatchObject({ status: 200, body: { sub: 'visitor-1', roles: [] } });
  });
});
