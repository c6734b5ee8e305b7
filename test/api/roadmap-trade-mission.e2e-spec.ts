/**
 * One whole roadmap process, driven only through the HTTP API by the seeded users with their tokens:
 * a trade mission (roadmap pillar 3) from concept to the approved post-mission report, including a change
 * request that sends the report back, a coordinator closing the registration window early, and each
 * actor finding their work in their inbox.
 */
import { api } from '../support/auth';
import { waitFor } from './helpers';

async function fromInbox(user: string, processId: string, stepId: string) {
  return waitFor(`${stepId} in ${user}'s inbox`, async () => {
    const res = await api('GET', '/api/v1/inbox', { as: user });
    return res.body.find(
      (i: { processId: string; stepId: string }) => i.processId === processId && i.stepId === stepId,
    );
  });
}

async function approve(user: string, processId: string, stepId: string, extra: Record<string, unknown> = {}) {
  await fromInbox(user, processId, stepId);
  const res = await api('POST', `/api/v1/processes/${processId}/steps/${stepId}/decisions`, {
    as: user,
    body: { decision: 'approve', ...extra },
  });
  expect(res.status).toBe(200);
  return res.body;
}

async function record(user: string, processId: string, stepId: string, outputs: Record<string, unknown>) {
  await fromInbox(user, processId, stepId);
  const res = await api('POST', `/api/v1/processes/${processId}/steps/${stepId}/completion`, {
    as: user,
    body: { outputs },
  });
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('completed');
  return res.body;
}

describe('a whole trade mission through the API', () => {
  it('runs from concept approval to the approved post-mission report', async () => {
    const defs = await api('GET', '/api/v1/definitions/trade-mission', { as: 'ca-gac-trade-missions' });
    expect(defs.status).toBe(200);

    const started = await api('POST', '/api/v1/processes', {
      as: 'ca-gac-trade-missions',
      body: {
        definitionId: 'trade-mission',
        title: 'Team Canada Trade Mission to Japan (clean technology)',
        initiativeId: 'team-canada-trade-mission',
        parameters: { sectors: 'Clean technology, hydrogen', targetCompanies: 60 },
        // Other files on the shared server (the console's start scenario) may have a process for this
        // initiative still running; the duplicate rule itself is tested in people-start.
        allowDuplicate: true,
      },
    });
    expect(started.status).toBe(201);
    const id: string = started.body.id;
    expect(started.body.initiativeId).toBe('team-canada-trade-mission');

    await approve('ca-trade-minister-office', id, 'concept-approval');
    await approve('jp-jetro', id, 'concept-approval', { comment: 'JETRO will host' });
    await approve('ca-gac-trade-missions', id, 'budget-approval');
    await record('ca-tcs-tokyo', id, 'dates-and-programme', {
      startsOn: '2026-10-05',
      endsOn: '2026-10-09',
      cities: 'Tokyo, Osaka',
      programme: 'GAC-TM-2026-014',
    });

    // The registration window is a timer: a coordinator closes it early with a reason.
    const waived = await waitFor('waiver accepted', async () => {
      const res = await api('POST', `/api/v1/processes/${id}/steps/registration-window/waiver`, {
        as: 'ca-coordinator',
        body: { reason: 'Target reached early' },
      });
      return res.status === 200 ? res.body : undefined;
    });
    expect(waived.waiver).toMatchObject({ by: 'ca-coordinator', reason: 'Target reached early' });

    await record('ca-gac-trade-missions', id, 'participants-recorded', { companiesRegistered: 63 });
    await approve('ca-gac-trade-missions', id, 'participant-vetting');
    await record('ca-pt-liaison', id, 'provinces-and-territories', {
      provincesAndTerritories: 'ON, QC, BC, AB',
      count: 4,
    });
    await record('jp-jetro', id, 'b2b-matchmaking', { meetingsArranged: 140 });
    await record('ca-tcs-tokyo', id, 'logistics-and-security', { logisticsPlan: 'TCS-TYO-LOG-2026-07' });
    await approve('jp-minister-office', id, 'go-no-go');
    await approve('ca-trade-minister-office', id, 'go-no-go');
    await record('jp-jetro', id, 'mission-held', {
      heldFrom: '2026-10-05',
      heldTo: '2026-10-09',
      participants: 61,
    });
    await record('ca-tcs-tokyo', id, 'post-mission-report', { reportReference: 'TCS-TYO-RPT-2026-11' });

    // Changes requested: back to the drafter, who revises; then both approve.
    await fromInbox('jp-jetro', id, 'post-mission-report-approval');
    const changes = await api(
      'POST',
      `/api/v1/processes/${id}/steps/post-mission-report-approval/decisions`,
      {
        as: 'jp-jetro',
        body: { decision: 'request-changes', comment: 'Please list the MOUs signed in Osaka' },
      },
    );
    expect(changes.status).toBe(200);
    await record('ca-tcs-tokyo', id, 'post-mission-report', {
      reportReference: 'TCS-TYO-RPT-2026-11-rev1',
      dealsAnnounced: 12,
    });
    await approve('ca-gac-trade-missions', id, 'post-mission-report-approval');
    await approve('jp-jetro', id, 'post-mission-report-approval');

    const final = await waitFor('completed', async () => {
      const res = await api('GET', `/api/v1/processes/${id}`, { as: 'ca-officer' });
      return res.body.status === 'completed' ? res.body : undefined;
    });
    expect(final.closedAt).toEqual(expect.any(String));
    const report = final.steps.find((s: { id: string }) => s.id === 'post-mission-report');
    expect(report.outputs).toMatchObject({ reportReference: 'TCS-TYO-RPT-2026-11-rev1', dealsAnnounced: 12 });

    const timeline = await api('GET', `/api/v1/processes/${id}/timeline`, { as: 'jp-coordinator' });
    const kinds = timeline.body.map((t: { kind: string }) => t.kind);
    expect(kinds[0]).toBe('started');
    expect(kinds).toEqual(
      expect.arrayContaining(['decision', 'completion', 'timer-waived', 'routed-back', 'completed']),
    );
    const times = timeline.body.map((t: { at: string }) => Date.parse(t.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // The listing and the initiatives catalogue show it as completed.
    await waitFor('listed as completed', async () => {
      const res = await api(
        'GET',
        '/api/v1/processes?status=completed&definitionId=trade-mission&pageSize=100',
        { as: 'ca-officer' },
      );
      return res.body.items.find(
        (i: { id: string; status: string }) => i.id === id && i.status === 'completed',
      );
    });
    const initiatives = await api('GET', '/api/v1/initiatives', { as: 'ca-officer' });
    expect(initiatives.status).toBe(200);
    const mine = initiatives.body.find((i: { id: string }) => i.id === started.body.initiativeId);
    expect(mine.definition).toMatchObject({ id: 'trade-mission' });
    expect(mine.processes.map((p: { id: string }) => p.id)).toContain(id);
  });
});
