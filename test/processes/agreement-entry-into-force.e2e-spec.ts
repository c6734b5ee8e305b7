/**
 * Bringing an agreement into force (libs/definitions/src/shipped/agreement-entry-into-force.ts) driven through
 * the HTTP API by the seeded ministry users to every end state, with each branch the parameters choose:
 * the JP Diet branch on/off, CA implementing legislation on/off, the tabling period waived by a coordinator
 * (the Prime Minister's exception) or elapsing on the 1 s test day, and each entry-into-force rule, whose timer
 * must be due when the rule says counted from the later of the two diplomatic notes.
 */
import { calendarDue } from '../../libs/calendars/src';
import { api } from '../support/auth';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';
import {
  approve,
  cancel,
  decisionBy,
  expectedDue,
  expectRejected,
  expectWellFormedTimeline,
  realCalendarInstant,
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

/** Version 1 stays shipped for the processes started on it (version 2: agreement-entry-into-force-v2.e2e-spec.ts). */
const DEF = { id: 'agreement-entry-into-force', version: 1 };
const PRE_SIGNATURE = [
  'text-draft',
  'text-finalised',
  'jp-legal-examination',
  'ca-legal-examination',
  'jp-cabinet-decision-signature',
  'ca-oic-signature',
  'signature',
];
const JP_DIET = ['jp-cabinet-decision-submit', 'jp-diet-approval', 'jp-cabinet-decision-conclusion'];
const PM_EXCEPTION =
  "Prime Minister's exception to the 21 sitting days: urgent treaty (Policy on Tabling of Treaties)";

/** A civil date `days` from today (UTC). */
function civilDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function publish(id: string): Promise<void> {
  await record('jp-official-gazette', id, 'jp-official-gazette', {
    promulgatedOn: '2026-08-20',
    treatyNumber: 'Treaty No. 12',
  });
  await record('ca-treaty-registry', id, 'ca-treaty-series', {
    publishedOn: '2026-09-01',
    ctsNumber: '2026/12',
  });
}

describe('agreement entry into force through the API', () => {
  closeTestClientAfterAll();

  it('completes the full path: text revised once, Diet approval, PM exception to the tabling period, implementing legislation, 30 days after the later note', async () => {
    const started = await start('jp-officer', DEF, {
      requiresDietApproval: true,
      requiresImplementingLegislation: true,
      entryIntoForceRule: 'days-after-last-notification',
      entryIntoForceDays: 30,
    });
    const id = started.id;
    expect(started.parameters).toMatchObject({
      tablingSittingDays: 21,
      signedOn: null,
      entryIntoForceMonths: 1,
    });
    expect(stepIn(started, 'text-draft')).toMatchObject({
      type: 'task',
      status: 'active',
      outputTypes: { textReference: 'reference' },
      parties: { JP: { roles: ['jp-mofa-negotiator'] }, CA: { roles: ['ca-gac-negotiator'] } },
    });

    // 1. Text: drafted, sent back by Canada, revised, finalised by both negotiators in round 2.
    await record('jp-mofa-negotiator', id, 'text-draft', { textReference: 'MOFA-TXT-v7' });
    await requestChanges('ca-gac-negotiator', id, 'text-finalised', 'Align the French version of article 4');
    const back = await view(id);
    expect(statuses(back)).toMatchObject({ 'text-draft': 'active', 'text-finalised': 'waiting' });
    expect(stepIn(back, 'text-draft').round).toBe(2);
    await record('ca-gac-negotiator', id, 'text-draft', { textReference: 'GAC-TXT-v8' });
    await approve('jp-mofa-negotiator', id, 'text-finalised');
    const finalised = await approve('ca-gac-negotiator', id, 'text-finalised', 'Agreed');
    expect(finalised).toMatchObject({ status: 'completed', round: 2 });
    expect(finalised.parties.CA!.decisions).toEqual([
      decisionBy('ca-gac-negotiator', 'request-changes', 'Align the French version of article 4', 1),
      decisionBy('ca-gac-negotiator', 'approve', 'Agreed', 2),
    ]);

    // 2. Legal examination: both sides in parallel; JP needs both the CLB and the Treaties Division (rule all).
    const legal = await view(id);
    expect(stepIn(legal, 'jp-legal-examination')).toMatchObject({
      status: 'active',
      parallel: { id: 'legal-examination', branch: 'jp-legal' },
      parties: { JP: { rule: 'all', roles: ['jp-clb-examiner', 'jp-mofa-treaties'] } },
    });
    expect(stepIn(legal, 'ca-legal-examination')).toMatchObject({
      status: 'active',
      parallel: { branch: 'ca-legal' },
    });
    const half = await approve('jp-clb-examiner', id, 'jp-legal-examination');
    expect(half).toMatchObject({ status: 'active', parties: { JP: { status: 'pending' } } });
    await approve('ca-gac-treaty-law', id, 'ca-legal-examination');
    await approve('jp-mofa-treaties', id, 'jp-legal-examination');
    await approve('ca-justice-legal', id, 'ca-legal-examination');

    // 3–4. Authority to sign (parallel), signature.
    await record('ca-pco-oic', id, 'ca-oic-signature', {
      madeOn: '2026-01-22',
      orderNumber: 'P.C. 2026-0042',
    });
    await record('jp-cabinet-secretariat', id, 'jp-cabinet-decision-signature', { decidedOn: '2026-01-20' });
    const signed = await record('ca-gac-negotiator', id, 'signature', {
      signedOn: '2026-01-27',
      place: 'Ottawa',
      signatories: 'Foreign Ministers of Japan and Canada',
    });
    expect(signed.outputTypes).toEqual({ signedOn: 'date', place: 'text', signatories: 'text' });

    // 5. Domestic procedures: the JP Diet branch and the CA branch side by side.
    const domestic = await view(id);
    expect(stepIn(domestic, 'jp-cabinet-decision-submit')).toMatchObject({
      status: 'active',
      parallel: { id: 'domestic-procedures', branch: 'jp-domestic' },
    });
    expect(stepIn(domestic, 'ca-tabling').status).toBe('active');
    await record('jp-cabinet-secretariat', id, 'jp-cabinet-decision-submit', { decidedOn: '2026-03-03' });
    await record('jp-diet-liaison', id, 'jp-diet-approval', {
      approvedOn: '2026-05-29',
      record: 'HR-211-17',
    });
    await record('jp-cabinet-secretariat', id, 'jp-cabinet-decision-conclusion', { decidedOn: '2026-06-05' });

    // Tabled tomorrow: the 21 sitting days (compressed to seconds from a date still ahead) have not run out.
    const tabledOn = civilDate(1);
    await record('ca-parliament-liaison', id, 'ca-tabling', { tabledOn, explanatoryMemorandum: 'EM-2026-3' });
    const tabling = await stepOf(id, 'ca-tabling-period');
    expect(tabling).toMatchObject({ type: 'timer', status: 'active', waivable: true, waiver: null });
    expect(tabling.dueAt).toBe(expectedDue(tabledOn, { amount: 21, unit: 'sitting-days', calendar: 'CA' }));
    expect(Date.parse(tabling.dueAt!)).toBeGreaterThan(Date.now());

    const notCoordinator = await api('POST', `/api/v1/processes/${id}/steps/ca-tabling-period/waiver`, {
      as: 'ca-parliament-liaison',
      body: { reason: 'We are in a hurry' },
    });
    expect(notCoordinator.status).toBe(403);
    // A legal wait: Canada's coordinator only, naming who granted the exception.
    const byJapan = await api('POST', `/api/v1/processes/${id}/steps/ca-tabling-period/waiver`, {
      as: 'jp-coordinator',
      body: { reason: PM_EXCEPTION, authority: 'Prime Minister of Canada' },
    });
    expect(byJapan.status).toBe(403);
    const noAuthority = await api('POST', `/api/v1/processes/${id}/steps/ca-tabling-period/waiver`, {
      as: 'ca-coordinator',
      body: { reason: PM_EXCEPTION },
    });
    expect(noAuthority.body.code).toBe('AUTHORITY_REQUIRED');
    const waived = await waive(
      'ca-coordinator',
      id,
      'ca-tabling-period',
      PM_EXCEPTION,
      'Prime Minister of Canada',
    );
    expect(waived).toMatchObject({
      status: 'completed',
      waiver: {
        by: 'ca-coordinator',
        reason: PM_EXCEPTION,
        at: expect.any(String),
        authority: 'Prime Minister of Canada',
      },
    });

    await record('ca-parliament-liaison', id, 'ca-implementing-legislation', {
      royalAssentOn: '2026-06-18',
      statute: 'S.C. 2026, c. 9',
    });
    await record('ca-pco-oic', id, 'ca-oic-ratification', {
      madeOn: '2026-06-25',
      orderNumber: 'P.C. 2026-0777',
    });

    // 6–7. Notes: Canada's is the later one; the agreement enters into force on the 30th day after it.
    await record('ca-gac-treaty-law', id, 'ca-note', {
      notifiedOn: '2026-07-10',
      noteReference: 'GAC-NOTE-88',
    });
    await record('jp-mofa-treaties', id, 'jp-note', { notifiedOn: '2026-07-01' });
    const eif = await waitForStep(id, 'entry-into-force-days', 'completed');
    expect(eif.dueAt).toBe(expectedDue('2026-07-10', { amount: 30, unit: 'calendar-days' }));
    expect(realCalendarInstant('2026-07-10', eif.dueAt!)).toBe('2026-08-09T00:00:00.000Z');

    // 8. Publication.
    await publish(id);
    const done = await waitStatus(id, 'completed');
    expect(done.closedAt).toEqual(expect.any(String));
    expect(statuses(done)).toMatchObject({
      ...Object.fromEntries([...PRE_SIGNATURE, ...JP_DIET].map((s) => [s, 'completed'])),
      'ca-tabling-period': 'completed',
      'ca-implementing-legislation': 'completed',
      'entry-into-force-days': 'completed',
      'entry-into-force-on-signature': 'skipped',
      'entry-into-force-month-start': 'skipped',
      'jp-official-gazette': 'completed',
      'ca-treaty-series': 'completed',
    });
    expect(stepIn(done, 'ca-tabling-period').waiver).toMatchObject({
      by: 'ca-coordinator',
      reason: PM_EXCEPTION,
    });

    const t = await timeline(id);
    expectWellFormedTimeline(t, 'completed');
    expect(t).toContainEqual(
      expect.objectContaining({
        kind: 'timer-waived',
        stepId: 'ca-tabling-period',
        comment: PM_EXCEPTION,
        actor: expect.objectContaining({ sub: 'ca-coordinator' }),
      }),
    );
    expect(t).toContainEqual(
      expect.objectContaining({ kind: 'timer-fired', stepId: 'entry-into-force-days' }),
    );
    expect(t).toContainEqual(
      expect.objectContaining({
        kind: 'routed-back',
        stepId: 'text-finalised',
        data: expect.objectContaining({ to: 'text-draft' }),
      }),
    );
    expect(t).toContainEqual(
      expect.objectContaining({
        kind: 'completion',
        stepId: 'jp-diet-approval',
        actor: expect.objectContaining({ sub: 'jp-diet-liaison' }),
      }),
    );

    // Issue 4, item 6: a whole agreement stays well under a few hundred history events.
    const history = await (await testClient()).workflow.getHandle(id).fetchHistory();
    process.stdout.write(`[agreement] full-path history: ${history.events!.length} events\n`);
    expect(history.events!.length).toBeLessThan(300);
  });

  it('already signed, no Diet approval, no implementing legislation: skips those steps; tabling period elapses; first day of the 2nd month after the later note', async () => {
    const started = await start('ca-officer', DEF, {
      signedOn: '2026-01-27',
      requiresDietApproval: false,
      requiresImplementingLegislation: false,
      tablingSittingDays: 1,
      entryIntoForceRule: 'first-day-of-month-after',
      entryIntoForceMonths: 2,
    });
    const id = started.id;
    expect(statuses(started)).toMatchObject({
      ...Object.fromEntries([...PRE_SIGNATURE, ...JP_DIET].map((s) => [s, 'skipped'])),
      'ca-tabling': 'active',
      'ca-tabling-period': 'waiting',
    });

    // One sitting day after a past tabling date: the timer is due already and fires by itself.
    await record('ca-parliament-liaison', id, 'ca-tabling', {
      tabledOn: '2026-02-02',
      explanatoryMemorandum: 'EM-2026-1',
    });
    const tabling = await waitForStep(id, 'ca-tabling-period', 'completed');
    expect(tabling.dueAt).toBe(
      expectedDue('2026-02-02', { amount: 1, unit: 'sitting-days', calendar: 'CA' }),
    );
    expect(tabling.waiver ?? null).toBeNull();

    await record('ca-pco-oic', id, 'ca-oic-ratification', {
      madeOn: '2026-02-20',
      orderNumber: 'P.C. 2026-0100',
    });
    expect((await stepOf(id, 'ca-implementing-legislation')).status).toBe('skipped');

    // Japan's note is the later one this time; both sides record at the same moment.
    await Promise.all([
      record('ca-gac-treaty-law', id, 'ca-note', { notifiedOn: '2026-03-05' }),
      record('jp-mofa-treaties', id, 'jp-note', { notifiedOn: '2026-03-17' }),
    ]);
    const eif = await waitForStep(id, 'entry-into-force-month-start', 'completed');
    expect(eif.dueAt).toBe(expectedDue('2026-03-17', { amount: 2, unit: 'month-starts' }));
    expect(realCalendarInstant('2026-03-17', eif.dueAt!)).toBe('2026-05-01T00:00:00.000Z');
    expect(
      calendarDue(new Date('2026-03-17T00:00:00.000Z'), { amount: 2, unit: 'month-starts' }).toISOString(),
    ).toBe('2026-05-01T00:00:00.000Z');

    await publish(id);
    const done = await waitStatus(id, 'completed');
    expect(statuses(done)).toMatchObject({
      'ca-tabling-period': 'completed',
      'ca-implementing-legislation': 'skipped',
      'entry-into-force-days': 'skipped',
      'entry-into-force-on-signature': 'skipped',
      'entry-into-force-month-start': 'completed',
    });
    const t = await timeline(id);
    expectWellFormedTimeline(t, 'completed');
    expect(t).toContainEqual(expect.objectContaining({ kind: 'timer-fired', stepId: 'ca-tabling-period' }));
    for (const s of [...JP_DIET, 'ca-implementing-legislation'])
      expect(t).toContainEqual(expect.objectContaining({ kind: 'step-skipped', stepId: s }));
  });

  it('on signature: no domestic procedures or notes; in force at the signature date', async () => {
    const started = await start('jp-mofa-negotiator', DEF, {
      signedOn: '2026-01-27',
      entryIntoForceRule: 'on-signature',
    });
    const id = started.id;
    const eif = await waitForStep(id, 'entry-into-force-on-signature', 'completed');
    expect(eif.dueAt).toBe('2026-01-27T00:00:00.000Z');
    const v = await view(id);
    expect(statuses(v)).toMatchObject({
      ...Object.fromEntries(
        [...JP_DIET, 'ca-tabling', 'ca-tabling-period', 'ca-oic-ratification', 'jp-note', 'ca-note'].map(
          (s) => [s, 'skipped'],
        ),
      ),
      'entry-into-force-days': 'skipped',
      'entry-into-force-month-start': 'skipped',
      'jp-official-gazette': 'active',
      'ca-treaty-series': 'active',
    });
    await publish(id);
    await waitStatus(id, 'completed');
  });

  it('on signature, signed within the process: the timer reads the signature step’s date', async () => {
    const { id } = await start('ca-gac-negotiator', DEF, { entryIntoForceRule: 'on-signature' });
    await record('ca-gac-negotiator', id, 'text-draft', { textReference: 'GAC-TXT-1' });
    await approve('ca-gac-negotiator', id, 'text-finalised');
    await approve('jp-mofa-negotiator', id, 'text-finalised');
    // Four examiners of two sides decide at the same moment: every approval counts once, the block joins once.
    await Promise.all(
      [
        ['jp-clb-examiner', 'jp-legal-examination'],
        ['jp-mofa-treaties', 'jp-legal-examination'],
        ['ca-gac-treaty-law', 'ca-legal-examination'],
        ['ca-justice-legal', 'ca-legal-examination'],
      ].map(([who, step]) => approve(who!, id, step!)),
    );
    const examined = await view(id);
    expect(statuses(examined)).toMatchObject({
      'jp-legal-examination': 'completed',
      'ca-legal-examination': 'completed',
      'jp-cabinet-decision-signature': 'active',
      'ca-oic-signature': 'active',
    });
    expect(stepIn(examined, 'jp-legal-examination').parties.JP!.decisions).toHaveLength(2);
    await record('jp-cabinet-secretariat', id, 'jp-cabinet-decision-signature', { decidedOn: '2026-04-07' });
    await record('ca-pco-oic', id, 'ca-oic-signature', {
      madeOn: '2026-04-09',
      orderNumber: 'P.C. 2026-0300',
    });
    await record('jp-mofa-negotiator', id, 'signature', {
      signedOn: '2026-04-21',
      place: 'Tokyo',
      signatories: 'Ambassadors',
    });
    const eif = await waitForStep(id, 'entry-into-force-on-signature', 'completed');
    expect(eif.dueAt).toBe('2026-04-21T00:00:00.000Z');
    expect(statuses(await view(id))).toMatchObject({
      'jp-cabinet-decision-submit': 'skipped',
      'ca-tabling': 'skipped',
      'jp-note': 'skipped',
    });
    await publish(id);
    await waitStatus(id, 'completed');
  });

  it('is rejected when a negotiator rejects the text', async () => {
    const { id } = await start('ca-gac-negotiator', DEF);
    await record('ca-gac-negotiator', id, 'text-draft', { textReference: 'GAC-TXT-v1' });
    await approve('ca-gac-negotiator', id, 'text-finalised');
    const no = await reject('jp-mofa-negotiator', id, 'text-finalised', 'Scope no longer acceptable');
    expect(no.status).toBe('rejected');
    expect(no.parties.JP).toMatchObject({
      status: expect.any(String),
      decisions: [decisionBy('jp-mofa-negotiator', 'reject', 'Scope no longer acceptable')],
    });
    const v = await expectRejected(id, {
      by: 'jp-mofa-negotiator',
      stepId: 'text-finalised',
      reason: 'Scope no longer acceptable',
    });
    expect(statuses(v)).toMatchObject({
      'text-draft': 'completed',
      'text-finalised': 'rejected',
      'jp-legal-examination': 'waiting',
    });
    expectWellFormedTimeline(await timeline(id), 'rejected');
  });

  it('is rejected by a legal examination on one side; the other side’s examination is cancelled', async () => {
    const { id } = await start('jp-officer', DEF);
    await record('jp-mofa-negotiator', id, 'text-draft', { textReference: 'MOFA-TXT-v1' });
    await approve('jp-mofa-negotiator', id, 'text-finalised');
    await approve('ca-gac-negotiator', id, 'text-finalised');
    await approve('ca-gac-treaty-law', id, 'ca-legal-examination');
    await reject('ca-justice-legal', id, 'ca-legal-examination', 'Conflicts with the Extradition Act');
    const v = await expectRejected(id, {
      by: 'ca-justice-legal',
      stepId: 'ca-legal-examination',
      reason: 'Conflicts with the Extradition Act',
    });
    expect(statuses(v)).toMatchObject({
      'ca-legal-examination': 'rejected',
      'jp-legal-examination': 'cancelled',
      'jp-cabinet-decision-signature': 'waiting',
    });
    const late = await api('POST', `/api/v1/processes/${id}/steps/jp-legal-examination/decisions`, {
      as: 'jp-clb-examiner',
      body: { decision: 'approve' },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PROCESS_CLOSED');
  });

  it('is cancelled by its initiator while waiting for entry into force (a timer no coordinator may waive)', async () => {
    const { id } = await start('jp-officer', DEF, {
      signedOn: '2026-01-27',
      requiresDietApproval: false,
      tablingSittingDays: 1,
      entryIntoForceDays: 30,
    });
    await record('ca-parliament-liaison', id, 'ca-tabling', {
      tabledOn: '2026-02-02',
      explanatoryMemorandum: 'EM-2026-2',
    });
    await record('ca-pco-oic', id, 'ca-oic-ratification', {
      madeOn: '2026-02-20',
      orderNumber: 'P.C. 2026-0101',
    });
    await record('jp-mofa-treaties', id, 'jp-note', { notifiedOn: '2026-03-01' });
    // A note dated tomorrow: 30 days after it lie ahead even on the 1 s day.
    const later = civilDate(1);
    await record('ca-gac-treaty-law', id, 'ca-note', { notifiedOn: later });
    const eif = await stepOf(id, 'entry-into-force-days');
    expect(eif).toMatchObject({ status: 'active', waivable: false });
    expect(eif.dueAt).toBe(expectedDue(later, { amount: 30, unit: 'calendar-days' }));

    const notWaivable = await api('POST', `/api/v1/processes/${id}/steps/entry-into-force-days/waiver`, {
      as: 'jp-coordinator',
      body: { reason: 'Hurry' },
    });
    expect(notWaivable.status).toBe(409);
    expect(notWaivable.body.code).toBe('NOT_WAIVABLE');

    const res = await cancel('jp-officer', id, 'Superseded by a revised agreement');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      closedAt: expect.any(String),
      outcome: { reason: 'Superseded by a revised agreement', by: { sub: 'jp-officer' }, stepId: null },
    });
    expect(statuses(res.body)).toMatchObject({
      'entry-into-force-days': 'cancelled',
      'jp-official-gazette': 'waiting',
    });
    const t = await timeline(id);
    expectWellFormedTimeline(t, 'cancelled');
    expect(t[t.length - 1]).toMatchObject({ actor: { sub: 'jp-officer' } });
  });
});
