/**
 * Trade mission (libs/definitions/src/shipped/trade-mission.ts) driven through the HTTP API to every end
 * state: completed (a change-request round on the concept, the registration window elapsing on its own on
 * the 1 s test day, the report sent back once), rejected (no-go; the round limit), cancelled (by a coordinator
 * while the registration window runs).
 */
import { waitFor } from '../api/helpers';
import { api } from '../support/auth';
import {
  approve,
  cancel,
  decisionBy,
  expectRejected,
  expectWellFormedTimeline,
  record,
  reject,
  requestChanges,
  start,
  statuses,
  stepIn,
  stepOf,
  timeline,
  view,
  waitForStep,
  waitStatus,
  waive,
} from './drive';

const DEF = 'trade-mission';

/** From a started mission to the go/no-go decision, the window closed early by a coordinator. */
async function upToGoNoGo(id: string): Promise<void> {
  await approve('ca-trade-minister-office', id, 'concept-approval');
  await approve('jp-meti', id, 'concept-approval');
  await approve('ca-gac-trade-missions', id, 'budget-approval');
  await record('ca-tcs-tokyo', id, 'dates-and-programme', {
    startsOn: '2027-05-10',
    endsOn: '2027-05-14',
    cities: 'Tokyo',
  });
  await waive('ca-coordinator', id, 'registration-window', 'Enough companies registered');
  await record('ca-gac-trade-missions', id, 'participants-recorded', { companiesRegistered: 30 });
  await approve('ca-gac-trade-missions', id, 'participant-vetting');
  await record('ca-pt-liaison', id, 'provinces-and-territories', { provincesAndTerritories: 'ON', count: 1 });
  await record('jp-jetro', id, 'b2b-matchmaking', { meetingsArranged: 80 });
  await record('ca-gac-trade-missions', id, 'logistics-and-security', { logisticsPlan: 'LOG-1' });
}

/** The listing (a visibility query over the typed search attributes) shows the process's end state. */
async function listedAs(id: string, status: string): Promise<void> {
  await waitFor(`${id} listed as ${status}`, async () => {
    const res = await api('GET', `/api/v1/processes?status=${status}&definitionId=${DEF}&pageSize=100`, {
      as: 'ca-coordinator',
    });
    return res.body.items?.find((i: { id: string; status: string }) => i.id === id && i.status === status);
  });
}

describe('trade mission through the API', () => {
  it('completes: concept round 2, the registration window elapses, the report is revised once', async () => {
    const started = await start('ca-gac-trade-missions', DEF, {
      registrationWindowDays: 1,
      targetCompanies: 40,
    });
    const id = started.id;
    expect(started).toMatchObject({
      definitionId: DEF,
      definitionVersion: 2,
      status: 'running',
      closedAt: null,
      outcome: null,
      initiator: { sub: 'ca-gac-trade-missions' },
      // Defaults fill what the initiator did not give.
      parameters: {
        registrationWindowDays: 1,
        targetCompanies: 40,
        direction: 'canada-to-japan',
        sectors: 'Multi-sector',
      },
    });
    const concept = stepIn(started, 'concept-approval');
    expect(concept).toMatchObject({ type: 'approval', status: 'active', round: 1, parallel: null });
    expect(concept.parties.JP).toMatchObject({
      roles: ['jp-meti', 'jp-jetro'],
      rule: 'any',
      status: 'pending',
      decisions: [],
    });
    expect(concept.parties.CA).toMatchObject({ roles: ['ca-trade-minister-office'], status: 'pending' });
    // POST answers once the workflow has computed the first deadlines (dueTimesPending false).
    expect(started.dueTimesPending).toBe(false);
    expect(Date.parse(concept.dueAt!)).toBeGreaterThan(Date.parse(started.startedAt));
    expect(statuses(started)).toMatchObject({
      'budget-approval': 'waiting',
      'registration-window': 'waiting',
    });

    // METI asks for changes: the same step starts round 2 (no onRequestChanges → back to itself).
    const round2 = await requestChanges('jp-meti', id, 'concept-approval', 'Add a hydrogen track');
    expect(round2).toMatchObject({ status: 'active', round: 2 });
    expect(round2.parties.JP!.status).toBe('pending');
    expect(round2.parties.JP!.decisions).toEqual([
      decisionBy('jp-meti', 'request-changes', 'Add a hydrogen track', 1),
    ]);
    await approve('ca-trade-minister-office', id, 'concept-approval', 'Go ahead');
    const conceptDone = await approve('jp-jetro', id, 'concept-approval');
    expect(conceptDone.status).toBe('completed');
    expect(conceptDone.parties.CA).toMatchObject({
      status: 'done',
      decisions: [decisionBy('ca-trade-minister-office', 'approve', 'Go ahead', 2)],
    });
    expect(conceptDone.parties.JP!.decisions[1]).toEqual(decisionBy('jp-jetro', 'approve', null, 2));

    await approve('ca-gac-trade-missions', id, 'budget-approval');
    await record('jp-jetro', id, 'dates-and-programme', {
      startsOn: '2027-05-10',
      endsOn: '2027-05-14',
      cities: 'Tokyo, Osaka',
      programme: 'JETRO-PRG-7',
    });

    // The window (1 calendar day = 1 s here) runs from its activation and closes by itself.
    const window = await stepOf(id, 'registration-window');
    expect(window).toMatchObject({ type: 'timer', waivable: true });
    expect(Date.parse(window.dueAt!) - Date.parse(window.startedAt!)).toBe(1000);
    const closed = await waitForStep(id, 'registration-window', 'completed');
    expect(closed.waiver ?? null).toBeNull();
    expect(Date.parse(closed.completedAt!)).toBeGreaterThanOrEqual(Date.parse(window.dueAt!));

    // Outputs are typed: a number must be a number.
    const wrong = await api('POST', `/api/v1/processes/${id}/steps/participants-recorded/completion`, {
      as: 'ca-gac-trade-missions',
      body: { outputs: { companiesRegistered: 'forty-two' } },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INVALID_OUTPUTS');
    const participants = await record('ca-gac-trade-missions', id, 'participants-recorded', {
      companiesRegistered: 42,
    });
    expect(participants.outputTypes).toEqual({ companiesRegistered: 'number', participantList: 'reference' });
    expect(participants.outputs.companiesRegistered).toBe(42);
    // Vetting: two companies do not meet the criteria; the list is recorded again and vetted.
    await requestChanges('ca-gac-trade-missions', id, 'participant-vetting', 'Two are not export-ready');
    await record('ca-gac-trade-missions', id, 'participants-recorded', { companiesRegistered: 40 });
    await approve('ca-gac-trade-missions', id, 'participant-vetting');
    // Canada's provinces and territories join the Team Canada mission.
    await record('ca-pt-liaison', id, 'provinces-and-territories', {
      provincesAndTerritories: 'ON, QC, BC, AB, NS',
      count: 5,
      leads: 'Provincial trade ministers',
    });

    await record('ca-tcs-tokyo', id, 'b2b-matchmaking', { meetingsArranged: 120 });
    await record('ca-tcs-tokyo', id, 'logistics-and-security', { logisticsPlan: 'TCS-TYO-LOG-9' });
    await approve('jp-minister-office', id, 'go-no-go');
    await approve('ca-trade-minister-office', id, 'go-no-go');
    await record('ca-gac-trade-missions', id, 'mission-held', {
      heldFrom: '2027-05-10',
      heldTo: '2027-05-14',
      participants: 40,
    });
    await record('ca-tcs-tokyo', id, 'post-mission-report', { reportReference: 'RPT-1' });

    // The report goes back to its drafter, then both approve the revision (round 2).
    await requestChanges('ca-gac-trade-missions', id, 'post-mission-report-approval', 'Add the deals');
    const back = await view(id);
    expect(statuses(back)).toMatchObject({
      'post-mission-report': 'active',
      'post-mission-report-approval': 'waiting',
    });
    expect(stepIn(back, 'post-mission-report').round).toBe(2);
    await record('ca-tcs-tokyo', id, 'post-mission-report', {
      reportReference: 'RPT-1-rev1',
      dealsAnnounced: 7,
    });
    expect((await stepOf(id, 'post-mission-report-approval')).round).toBe(2);
    await approve('jp-jetro', id, 'post-mission-report-approval');
    await approve('ca-gac-trade-missions', id, 'post-mission-report-approval');

    const done = await waitStatus(id, 'completed');
    expect(done.closedAt).toEqual(expect.any(String));
    // Version 2: the steps of the other direction (a mission to Canada) are passed over.
    const ended = statuses(done);
    for (const [stepId, status] of Object.entries(ended))
      expect([stepId, status]).toEqual([stepId, stepId.endsWith('-inbound') ? 'skipped' : 'completed']);
    expect(stepIn(done, 'post-mission-report').outputs).toEqual({
      reportReference: 'RPT-1-rev1',
      dealsAnnounced: 7,
    });

    const t = await timeline(id);
    expectWellFormedTimeline(t, 'completed');
    expect(t).toContainEqual(expect.objectContaining({ kind: 'timer-fired', stepId: 'registration-window' }));
    expect(t.filter((e) => e.kind === 'routed-back').map((e) => e.stepId)).toEqual([
      'concept-approval',
      'participant-vetting',
      'post-mission-report-approval',
    ]);
    expect(t).toContainEqual(
      expect.objectContaining({
        kind: 'decision',
        stepId: 'post-mission-report-approval',
        comment: 'Add the deals',
        actor: expect.objectContaining({ sub: 'ca-gac-trade-missions' }),
      }),
    );
    expect(t).toContainEqual(
      expect.objectContaining({
        kind: 'completion',
        stepId: 'participants-recorded',
        actor: expect.objectContaining({ sub: 'ca-gac-trade-missions' }),
      }),
    );
  });

  it("a Japanese mission to Canada runs on its organiser, Invest in Canada and the provinces, not on GAC's budget or TCS Tokyo", async () => {
    const started = await start('jp-officer', DEF, {
      direction: 'japan-to-canada',
      registrationWindowDays: 1,
    });
    const id = started.id;
    expect(started.definitionVersion).toBe(2);
    expect(statuses(started)).toMatchObject({
      'concept-approval': 'skipped',
      'concept-approval-inbound': 'active',
    });
    await approve('jp-keidanren', id, 'concept-approval-inbound');
    await approve('ca-trade-minister-office', id, 'concept-approval-inbound');
    // The organiser funds it: no GAC budget approval.
    await approve('jp-keidanren', id, 'budget-approval-inbound');
    expect((await stepOf(id, 'budget-approval')).status).toBe('skipped');
    // The Trade Commissioner Service in Tokyo has no role in a mission to Canada.
    const tcs = await api('POST', `/api/v1/processes/${id}/steps/dates-and-programme-inbound/completion`, {
      as: 'ca-tcs-tokyo',
      body: { outputs: { startsOn: '2027-09-13', endsOn: '2027-09-17', cities: 'Toronto' } },
    });
    expect(tcs.status).toBe(403);
    await record('jp-keidanren', id, 'dates-and-programme-inbound', {
      startsOn: '2027-09-13',
      endsOn: '2027-09-17',
      cities: 'Toronto, Montréal, Calgary',
    });
    await waitForStep(id, 'registration-window', 'completed');
    await record('jp-keidanren', id, 'participants-recorded-inbound', { companiesRegistered: 35 });
    // Vetted by the organiser and by GAC for the visits in Canada, each in its own business days.
    const vetting = await waitFor('vetting due', async () => {
      const s = await stepOf(id, 'participant-vetting-inbound');
      return s?.dueByParty ? s : undefined;
    });
    expect(Object.keys(vetting.dueByParty!).sort()).toEqual(['CA', 'JP']);
    await approve('jp-keidanren', id, 'participant-vetting-inbound');
    await approve('ca-gac-trade-missions', id, 'participant-vetting-inbound');
    // The provinces host the visits.
    await record('ca-pt-liaison', id, 'provinces-and-territories', {
      provincesAndTerritories: 'ON, QC, AB',
      count: 3,
    });
    await record('ca-invest-in-canada', id, 'b2b-matchmaking-inbound', { meetingsArranged: 60 });
    await record('jp-embassy-canada', id, 'logistics-and-security-inbound', { logisticsPlan: 'EOJ-LOG-3' });
    await approve('jp-minister-office', id, 'go-no-go');
    await approve('ca-trade-minister-office', id, 'go-no-go');
    await record('jp-keidanren', id, 'mission-held-inbound', {
      heldFrom: '2027-09-13',
      heldTo: '2027-09-17',
      participants: 34,
    });
    await record('jp-keidanren', id, 'post-mission-report-inbound', { reportReference: 'KDR-RPT-1' });
    await approve('jp-keidanren', id, 'post-mission-report-approval-inbound');
    await approve('ca-gac-trade-missions', id, 'post-mission-report-approval-inbound');
    const done = await waitStatus(id, 'completed');
    for (const s of done.steps)
      if (s.status === 'completed' && s.type !== 'timer')
        expect(JSON.stringify(s.parties)).not.toContain('ca-tcs-tokyo');
    expect(stepIn(done, 'b2b-matchmaking').status).toBe('skipped');
  });

  it('is rejected when a minister’s office says no-go', async () => {
    // A Team Canada mission to Japan (version 1 let a mission to Canada run on these Canadian roles).
    const { id } = await start('jp-jetro', DEF, { direction: 'canada-to-japan' });
    await upToGoNoGo(id);
    await approve('ca-trade-minister-office', id, 'go-no-go');
    const no = await reject('jp-minister-office', id, 'go-no-go', 'Security situation');
    expect(no.status).toBe('rejected');
    expect(no.parties.JP).toMatchObject({
      decisions: [decisionBy('jp-minister-office', 'reject', 'Security situation')],
    });

    const v = await expectRejected(id, {
      by: 'jp-minister-office',
      stepId: 'go-no-go',
      reason: 'Security situation',
    });
    expect(statuses(v)).toMatchObject({
      'go-no-go': 'rejected',
      'mission-held': 'waiting',
      'registration-window': 'completed',
    });
    expect(stepIn(v, 'registration-window').waiver).toMatchObject({
      by: 'ca-coordinator',
      reason: 'Enough companies registered',
    });

    const late = await api('POST', `/api/v1/processes/${id}/steps/mission-held/completion`, {
      as: 'jp-jetro',
      body: { outputs: { heldFrom: '2027-05-10', heldTo: '2027-05-14', participants: 1 } },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PROCESS_CLOSED');
    const t = await timeline(id);
    expectWellFormedTimeline(t, 'rejected');
    expect(t).toContainEqual(
      expect.objectContaining({ kind: 'timer-waived', stepId: 'registration-window' }),
    );
    expect(t).toContainEqual(
      expect.objectContaining({ kind: 'step-rejected', stepId: 'go-no-go', comment: 'Security situation' }),
    );
    await listedAs(id, 'rejected');
  });

  it('is rejected when changes are requested after the last allowed round of concept approval', async () => {
    const { id } = await start('ca-officer', DEF);
    await requestChanges('jp-jetro', id, 'concept-approval', 'Round 1 changes');
    await requestChanges('ca-trade-minister-office', id, 'concept-approval', 'Round 2 changes');
    const last = await requestChanges('jp-meti', id, 'concept-approval', 'Still not ready');
    expect(last).toMatchObject({ status: 'rejected', round: 3 });
    const v = await view(id);
    expect(v.status).toBe('rejected');
    expect(v.outcome).toMatchObject({ by: { sub: 'jp-meti' }, stepId: 'concept-approval' });
    expect(v.outcome!.reason).toContain('Still not ready');
    expect(v.outcome!.reason).toMatch(/round limit \(3\)/i);
  });

  it('is cancelled by a coordinator while the registration window is open', async () => {
    const { id } = await start('ca-gac-trade-missions', DEF); // 30-day window = 30 s here
    await approve('ca-trade-minister-office', id, 'concept-approval');
    await approve('jp-jetro', id, 'concept-approval');
    await approve('ca-gac-trade-missions', id, 'budget-approval');
    await record('ca-tcs-tokyo', id, 'dates-and-programme', {
      startsOn: '2027-05-10',
      endsOn: '2027-05-14',
      cities: 'Tokyo',
    });
    expect((await stepOf(id, 'registration-window')).status).toBe('active');

    // Neither another ministry's officer nor an approver may cancel.
    const notAllowed = await cancel('jp-jetro', id, 'Not mine to cancel');
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.body.code).toBe('NOT_COORDINATOR');
    const blank = await cancel('ca-coordinator', id, '   ');
    expect(blank.status).toBe(400);

    const res = await cancel('ca-coordinator', id, 'Mission postponed to next fiscal year');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      closedAt: expect.any(String),
      outcome: {
        reason: 'Mission postponed to next fiscal year',
        by: { sub: 'ca-coordinator' },
        stepId: null,
      },
    });
    expect(statuses(res.body)).toMatchObject({
      'dates-and-programme': 'completed',
      'registration-window': 'cancelled',
      'participants-recorded': 'waiting',
    });
    const again = await cancel('ca-gac-trade-missions', id, 'Twice');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PROCESS_CLOSED');
    const t = await timeline(id);
    expectWellFormedTimeline(t, 'cancelled');
    expect(t[t.length - 1]).toMatchObject({ actor: { sub: 'ca-coordinator' } });
    await listedAs(id, 'cancelled');
  });
});
