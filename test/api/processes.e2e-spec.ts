/** Starting, listing, reading and acting on processes through HTTP: status codes and error mapping. */
import { randomUUID } from 'node:crypto';
import { api, type Json } from '../support/auth';
import { complete, decide, startProcess, stepOf, waitFor, waitForStep } from './helpers';

describe('processes API', () => {
  describe('POST /processes', () => {
    it('starts a process (201) with the state of the first step', async () => {
      const res = await api('POST', '/api/v1/processes', {
        as: 'ca-officer',
        body: {
          definitionId: 'trade-mission',
          title: 'Team Canada to Osaka',
          parameters: { targetCompanies: 40 },
        },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(/^process-[0-9a-f-]{36}$/),
        title: 'Team Canada to Osaka',
        definitionId: 'trade-mission',
        definitionVersion: 2,
        status: 'running',
        parameters: { targetCompanies: 40, registrationWindowDays: 30 },
        initiator: { sub: 'ca-officer' },
      });
      const first = res.body.steps.find((s: { id: string }) => s.id === 'concept-approval');
      expect(first).toMatchObject({ type: 'approval', status: 'active' });
      expect(first.parties.CA).toMatchObject({
        roles: ['ca-trade-minister-office'],
        status: 'pending',
        decisions: [],
      });
      const got = await api('GET', `/api/v1/processes/${res.body.id}`, { as: 'jp-jetro' });
      expect(got.status).toBe(200);
      expect(got.body.id).toBe(res.body.id);
      const timeline = await api('GET', `/api/v1/processes/${res.body.id}/timeline`, { as: 'jp-jetro' });
      expect(timeline.status).toBe(200);
      expect(timeline.body[0]).toMatchObject({ kind: 'started', actor: { sub: 'ca-officer' } });
    });

    it('400 naming each bad parameter', async () => {
      const res = await api('POST', '/api/v1/processes', {
        as: 'ca-officer',
        body: {
          definitionId: 'trade-mission',
          title: 'Bad params',
          parameters: { registrationWindowDays: 'soon', direction: 'sideways', colour: 'blue' },
        },
      });
      expect(res.status).toBe(400);
      const fields = res.body.details.map((d: { field: string }) => d.field).sort();
      expect(fields).toEqual([
        'parameters.colour',
        'parameters.direction',
        'parameters.registrationWindowDays',
      ]);
      expect(res.body.message).toContain('parameters.registrationWindowDays');
    });

    it('400 for missing title and unknown definition, naming the field', async () => {
      const noTitle = await api('POST', '/api/v1/processes', {
        as: 'ca-officer',
        body: { definitionId: 'trade-mission' },
      });
      expect(noTitle.status).toBe(400);
      expect(noTitle.body.details.map((d: { field: string }) => d.field)).toContain('title');
      const unknown = await api('POST', '/api/v1/processes', {
        as: 'ca-officer',
        body: { definitionId: 'nope', title: 'x' },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual([
        { field: 'definitionId', message: expect.stringContaining('unknown definition') },
      ]);
    });

    it('403 without an initiating role; 401 without a token', async () => {
      const res = await api('POST', '/api/v1/processes', {
        as: 'jp-mofa-negotiator',
        body: { definitionId: 'trade-mission', title: 'Not mine to start' },
      });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'NOT_ELIGIBLE' });
      const anon = await api('POST', '/api/v1/processes', {
        body: { definitionId: 'trade-mission', title: 'x' },
      });
      expect(anon.status).toBe(401);
    });

    it('409 when the businessKey is used, also under concurrent starts', async () => {
      const key = `TM-${randomUUID().slice(0, 8)}`;
      const body = { definitionId: 'trade-mission', title: 'Keyed', businessKey: key };
      const results = await Promise.all(
        [1, 2, 3].map(() => api('POST', '/api/v1/processes', { as: 'ca-officer', body })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const created = results.find((r) => r.status === 201)!;
      expect(created.body.businessKey).toBe(key);
      const again = await api('POST', '/api/v1/processes', { as: 'jp-officer', body });
      expect(again.status).toBe(409);
      expect(again.body.details).toEqual([{ field: 'businessKey', message: 'already used' }]);
      const bad = await api('POST', '/api/v1/processes', {
        as: 'ca-officer',
        body: { ...body, businessKey: 'has space' },
      });
      expect(bad.status).toBe(400);
    });
  });

  describe('GET /processes (visibility)', () => {
    it('filters by definition, status and awaited party, and pages with nextPageToken', async () => {
      const mine = await Promise.all([1, 2, 3].map(() => startProcess('jp-jetro')));
      const ids = new Set(mine.map((m) => m.id));
      const listed = await waitFor('processes to be visible', async () => {
        const res = await api(
          'GET',
          '/api/v1/processes?definitionId=trade-mission&status=running&awaitingParty=JP&pageSize=100',
          {
            as: 'ca-coordinator',
          },
        );
        const found = res.body.items.filter((i: { id: string }) => ids.has(i.id));
        return found.length === 3 ? found : undefined;
      });
      expect(listed[0]).toMatchObject({
        definitionId: 'trade-mission',
        status: 'running',
        initiator: 'jp-jetro',
        awaitingParties: expect.arrayContaining(['JP', 'CA']),
        currentSteps: ['concept-approval'],
      });
      const seen = new Set<string>();
      let token: string | null = null;
      let pages = 0;
      do {
        const res: Json = await api(
          'GET',
          `/api/v1/processes?pageSize=2${token ? `&pageToken=${token}` : ''}`,
          { as: 'ca-coordinator' },
        );
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        res.body.items.forEach((i: { id: string }) => seen.add(i.id));
        token = res.body.nextPageToken;
        pages++;
      } while (token && pages < 200);
      for (const id of ids) expect(seen.has(id)).toBe(true);
      expect(pages).toBeGreaterThan(1);
      const otherQuery = await api('GET', `/api/v1/processes?pageSize=2`, { as: 'ca-coordinator' });
      const foreign = await api(
        'GET',
        `/api/v1/processes?status=completed&pageToken=${otherQuery.body.nextPageToken}`,
        {
          as: 'ca-coordinator',
        },
      );
      expect(foreign.status).toBe(400);
    });
  });

  describe('decisions: status mapping', () => {
    it('200 with the step; 409 already decided / party not awaited / step not active; 404; 400 comment', async () => {
      const { id } = await startProcess('ca-officer');
      const ok = await decide('ca-trade-minister-office', id, 'concept-approval', { decision: 'approve' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ id: 'concept-approval', status: 'active' });
      expect(ok.body.parties.CA.status).toBe('done');
      expect(ok.body.parties.CA.decisions[0]).toMatchObject({
        by: 'ca-trade-minister-office',
        decision: 'approve',
        onBehalfOf: null,
      });

      const twice = await decide('ca-trade-minister-office', id, 'concept-approval', { decision: 'approve' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('ALREADY_DECIDED');

      const notActive = await decide('ca-gac-trade-missions', id, 'budget-approval', { decision: 'approve' });
      expect(notActive.status).toBe(409);
      expect(notActive.body.code).toBe('STEP_NOT_ACTIVE');

      const noComment = await decide('jp-meti', id, 'concept-approval', { decision: 'reject' });
      expect(noComment.status).toBe(400);
      expect(noComment.body.details.map((d: { field: string }) => d.field)).toContain('comment');
      const blank = await decide('jp-meti', id, 'concept-approval', {
        decision: 'request-changes',
        comment: '   ',
      });
      expect(blank.status).toBe(400);
      const badKind = await decide('jp-meti', id, 'concept-approval', { decision: 'maybe' });
      expect(badKind.status).toBe(400);
      expect(badKind.body.details[0].field).toBe('decision');

      const unknownStep = await decide('jp-meti', id, 'no-such-step', { decision: 'approve' });
      expect(unknownStep.status).toBe(404);
      expect(unknownStep.body.code).toBe('STEP_NOT_FOUND');
      const unknownProcess = await decide('jp-meti', 'process-nope', 'concept-approval', {
        decision: 'approve',
      });
      expect(unknownProcess.status).toBe(404);

      const wrongType = await complete('ca-gac-trade-missions', id, 'concept-approval', { outputs: {} });
      expect(wrongType.status).toBe(409);
      expect(wrongType.body.code).toBe('WRONG_STEP_TYPE');

      const jp = await decide('jp-jetro', id, 'concept-approval', { decision: 'approve', comment: 'Concur' });
      expect(jp.status).toBe(200);
      expect(jp.body.status).toBe('completed');
      await waitForStep(id, 'budget-approval', 'active');
    });

    it('409 PROCESS_CLOSED for a closed process; it still answers GET', async () => {
      const { id } = await startProcess('ca-officer');
      const rejected = await decide('jp-meti', id, 'concept-approval', {
        decision: 'reject',
        comment: 'Not this year',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body.status).toBe('rejected');
      const after = await decide('ca-trade-minister-office', id, 'concept-approval', { decision: 'approve' });
      expect(after.status).toBe(409);
      expect(after.body.code).toBe('PROCESS_CLOSED');
      await waitFor('workflow closed', async () => {
        const res = await api('GET', `/api/v1/processes/${id}`, { as: 'ca-officer' });
        return res.body.status === 'rejected' && res.body.closedAt ? res : undefined;
      });
      // Once the workflow itself has ended, Temporal answers Updates with "not found": still a 409.
      const closed = await waitFor('closed update 409', async () => {
        const res = await decide('ca-trade-minister-office', id, 'concept-approval', { decision: 'approve' });
        return res.status === 409 ? res : undefined;
      });
      expect(closed.body.code).toBe('PROCESS_CLOSED');
      const state = await api('GET', `/api/v1/processes/${id}`, { as: 'ca-officer' });
      expect(state.status).toBe(200);
      expect(state.body.outcome).toMatchObject({ reason: 'Not this year', stepId: 'concept-approval' });
    });

    it('completion validates outputs against the declared types (400)', async () => {
      const { id } = await startProcess('ca-officer');
      await decide('ca-trade-minister-office', id, 'concept-approval', { decision: 'approve' });
      await decide('jp-jetro', id, 'concept-approval', { decision: 'approve' });
      await decide('ca-gac-trade-missions', id, 'budget-approval', { decision: 'approve' });
      await waitForStep(id, 'dates-and-programme', 'active');
      const bad = await complete('ca-tcs-tokyo', id, 'dates-and-programme', {
        outputs: { startsOn: '2026-02-30', cities: 'Osaka' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('INVALID_OUTPUTS');
      expect(bad.body.message).toMatch(/startsOn/);
      expect(bad.body.message).toMatch(/endsOn/);
      // Each output's problem also comes by field, so a form shows it beside that field.
      expect(bad.body.details).toEqual(
        expect.arrayContaining([
          { field: 'outputs.startsOn', message: expect.stringContaining('expected a date yyyy-mm-dd') },
          { field: 'outputs.endsOn', message: expect.stringMatching(/required/) },
        ]),
      );
      const nested = await complete('ca-tcs-tokyo', id, 'dates-and-programme', {
        outputs: { startsOn: { $gt: 1 } },
      });
      expect(nested.status).toBe(400);
      expect(nested.body.details[0].field).toBe('outputs');
      const ok = await complete('ca-tcs-tokyo', id, 'dates-and-programme', {
        outputs: { startsOn: '2026-04-13', endsOn: '2026-04-17', cities: 'Tokyo, Osaka' },
        comment: 'Agreed at the working group',
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'completed', outputs: { cities: 'Tokyo, Osaka' } });
      expect(await stepOf(id, 'registration-window')).toMatchObject({ type: 'timer', status: 'active' });
    });
  });
});
