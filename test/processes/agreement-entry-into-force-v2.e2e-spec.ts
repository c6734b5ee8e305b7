/**
 * Bringing an agreement into force, version 2 (libs/definitions/src/shipped/agreement-entry-into-force-v2.ts),
 * driven through the HTTP API by the seeded ministry users:
 * - Japan without Diet approval concludes by Cabinet decision and notifies while Canada's 21 sitting days
 *   still run (each side's branch ends in its own notification; neither waits for the other);
 * - the Diet path (both Houses with their own dates, the 30-day rule as a timer a coordinator ends when the
 *   Councillors vote), the exchange of instruments of ratification, promulgation before entry into force,
 *   the publication deadline per agreement, UN registration;
 * - a version 1 process started before version 2 keeps version 1 and completes on it, side by side.
 */
import { api } from '../support/auth';
import { closeTestClientAfterAll } from '../support/temporal-client';
import { waitFor } from '../api/helpers';
import {
  DAY_LENGTH_MS,
  expectedDue,
  realCalendarInstant,
  record,
  start,
  statuses,
  stepIn,
  stepOf,
  view,
  waitForStep,
  waitStatus,
  waive,
} from './drive';

const DEF = 'agreement-entry-into-force';

/** A civil date `days` from today (UTC). */
function civilDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A localized definition, step, branch or initiative as the API answers it. */
interface Named {
  id: string;
  title: string;
  titles?: Record<string, string>;
  version?: number;
  steps?: Named[];
  branches?: Named[];
  [k: string]: unknown;
}

const note = (sentOn: string, receivedOn: string) => ({ sentOn, receivedOn });

describe('agreement entry into force, version 2, through the API', () => {
  closeTestClientAfterAll();

  it("without Diet approval, Japan's Cabinet decides to conclude and notifies while Canada's tabling period still runs", async () => {
    const started = await start('jp-officer', DEF, { signedOn: '2026-01-27', requiresDietApproval: false });
    const id = started.id;
    expect(started).toMatchObject({ definitionId: DEF, definitionVersion: 2 });
    const s0 = statuses(started);
    for (const diet of [
      'jp-cabinet-decision-submit',
      'jp-representatives',
      'jp-councillors-period',
      'jp-councillors',
    ])
      expect([diet, s0[diet]]).toEqual([diet, 'skipped']);
    // Japan's Cabinet decision to conclude is not conditional on the Diet: it is the first JP step here.
    expect(s0['jp-cabinet-decision-conclusion']).toBe('active');
    expect(s0['ca-explanatory-memorandum']).toBe('active');

    await record('ca-gac-treaty-law', id, 'ca-explanatory-memorandum', {
      approvedOn: '2026-02-10',
      memorandumReference: 'EM-2026-07',
    });
    // Tabled tomorrow: the 21 sitting days (compressed to seconds from a date still ahead) have not run out.
    const tabledOn = civilDate(1);
    await record('ca-parliament-liaison', id, 'ca-tabling', { tabledOn });
    const tabling = await stepOf(id, 'ca-tabling-period');
    expect(tabling).toMatchObject({ status: 'active' });
    expect(tabling.dueAt).toBe(expectedDue(tabledOn, { amount: 21, unit: 'sitting-days', calendar: 'CA' }));

    await record('jp-cabinet-secretariat', id, 'jp-cabinet-decision-conclusion', { decidedOn: '2026-03-06' });
    await record('jp-mofa-treaties', id, 'jp-note', note('2026-03-09', '2026-03-10'));
    const mid = await view(id);
    expect(statuses(mid)).toMatchObject({
      'jp-cabinet-decision-conclusion': 'completed',
      'jp-note': 'completed',
      'ca-tabling-period': 'active',
      'ca-oic-ratification': 'waiting',
      'ca-note': 'waiting',
    });
    expect(Date.parse(stepIn(mid, 'ca-tabling-period').dueAt!)).toBeGreaterThan(Date.now());
    expect(mid.status).toBe('running');
  });

  it('runs a version 1 process and a version 2 process side by side; each completes on its own version', async () => {
    // Version 1, started first (as a process in flight when version 2 was deployed): on signature.
    const v1 = await start(
      'ca-gac-negotiator',
      { id: DEF, version: 1 },
      {
        signedOn: '2026-01-27',
        entryIntoForceRule: 'on-signature',
      },
    );
    expect(v1).toMatchObject({ definitionVersion: 1 });
    expect(v1.steps.map((s) => s.id)).toContain('jp-diet-approval'); // a version 1 step

    // Version 2, the Diet path and an exchange of instruments of ratification.
    const v2 = await start('jp-officer', DEF, {
      signedOn: '2026-01-27',
      requiresDietApproval: true,
      requiresImplementingLegislation: true,
      consentMode: 'instruments-of-ratification',
      leadDepartmentJP: 'moj',
      leadDepartmentCA: 'justice',
      ctsPublicationDays: 60,
    });
    const id = v2.id;
    expect(v2).toMatchObject({ definitionVersion: 2 });
    expect(v2.steps.map((s) => s.id)).not.toContain('jp-diet-approval');

    // Version 1 finishes on version 1: entry into force at signature, then its own publication steps.
    await waitForStep(v1.id, 'jp-official-gazette', 'active');
    await record('jp-official-gazette', v1.id, 'jp-official-gazette', {
      promulgatedOn: '2026-02-03',
      treatyNumber: '条約第3号',
    });
    await record('ca-treaty-registry', v1.id, 'ca-treaty-series', {
      publishedOn: '2026-03-01',
      ctsNumber: '2026/3',
    });
    const v1done = await waitStatus(v1.id, 'completed');
    expect(v1done.definitionVersion).toBe(1);

    // Japan: the Diet, each House with its own date; the Councillors vote before the 30 days run out.
    await record('jp-cabinet-secretariat', id, 'jp-cabinet-decision-submit', { decidedOn: '2026-03-03' });
    const receivedByCouncillorsOn = civilDate(1);
    await record('jp-diet-liaison', id, 'jp-representatives', {
      approvedOn: receivedByCouncillorsOn,
      receivedByCouncillorsOn,
    });
    const period = await stepOf(id, 'jp-councillors-period');
    expect(period).toMatchObject({ type: 'timer', status: 'active', waivable: true });
    expect(period.dueAt).toBe(
      expectedDue(receivedByCouncillorsOn, { amount: 30, unit: 'diet-days', calendar: 'JP' }),
    );
    // The 30-day rule is a legal wait too: ending it names who made that so (here, the Councillors' vote).
    const noAuthority = await api('POST', `/api/v1/processes/${id}/steps/jp-councillors-period/waiver`, {
      as: 'jp-coordinator',
      body: { reason: 'House of Councillors approved (plenary vote)' },
    });
    expect(noAuthority.status).toBeGreaterThanOrEqual(400);
    expect(noAuthority.status).toBeLessThan(500);
    expect(JSON.stringify(noAuthority.body)).toMatch(/authority/);
    const notJapan = await api('POST', `/api/v1/processes/${id}/steps/jp-councillors-period/waiver`, {
      as: 'ca-coordinator',
      body: { reason: 'Councillors voted', authority: 'House of Councillors' },
    });
    expect(notJapan.status).toBe(403);
    await waive(
      'jp-coordinator',
      id,
      'jp-councillors-period',
      'House of Councillors approved (plenary vote)',
      'House of Councillors (plenary vote)',
    );
    await record('jp-diet-liaison', id, 'jp-councillors', {
      dietApprovedOn: '2026-05-29',
      councillorsVotedOn: '2026-05-29',
    });
    await record('jp-cabinet-secretariat', id, 'jp-cabinet-decision-conclusion', { decidedOn: '2026-06-05' });
    await record('jp-mofa-treaties', id, 'jp-instrument-of-ratification', { readyOn: '2026-06-12' });

    // Canada: memorandum, tabling (the exception granted), implementing Act assented and in force, OIC.
    await record('ca-gac-treaty-law', id, 'ca-explanatory-memorandum', {
      approvedOn: '2026-02-10',
      memorandumReference: 'EM-2026-08',
    });
    await record('ca-parliament-liaison', id, 'ca-tabling', { tabledOn: civilDate(1) });
    await waive(
      'ca-coordinator',
      id,
      'ca-tabling-period',
      'Urgent treaty: exception to the 21 sitting days',
      'Minister of Foreign Affairs',
    );
    await record('ca-parliament-liaison', id, 'ca-implementing-act-assent', {
      royalAssentOn: '2026-06-18',
      statute: 'S.C. 2026, c. 9',
    });
    await record('ca-parliament-liaison', id, 'ca-implementing-act-in-force', { inForceOn: '2026-06-18' });
    await record('ca-pco-oic', id, 'ca-oic-ratification', {
      madeOn: '2026-06-25',
      orderNumber: 'P.C. 2026-0777',
    });
    await record('ca-gac-treaty-law', id, 'ca-instrument-of-ratification', { readyOn: '2026-06-26' });

    // The exchange of instruments; entry into force on the 30th day after it, promulgation meanwhile.
    await record('jp-mofa-treaties', id, 'exchange-of-instruments', {
      exchangedOn: '2026-07-10',
      place: 'Tokyo',
    });
    await record('jp-official-gazette', id, 'jp-official-gazette', {
      promulgatedOn: '2026-07-15',
      treatyNumber: '条約第12号',
    });
    const eif = await waitForStep(id, 'entry-into-force-days', 'completed');
    expect(realCalendarInstant('2026-07-10', eif.dueAt!)).toBe('2026-08-09T00:00:00.000Z');

    // Publication: the CTS deadline is the agreement's own (60 days for a mutual legal assistance treaty).
    const cts = await waitFor('CTS deadline set', async () => {
      const s = await stepOf(id, 'ca-treaty-series');
      return s.status === 'active' && s.dueAt ? s : undefined;
    });
    // 60 calendar days after the step started, on the 1 s test day.
    expect(Date.parse(cts.dueAt!) - Date.parse(cts.startedAt!)).toBe(60 * DAY_LENGTH_MS);
    await record('jp-mofa-treaties', id, 'jp-mofa-notice', {
      publishedOn: '2026-08-01',
      noticeNumber: '外務省告示第200号',
    });
    await record('ca-treaty-registry', id, 'ca-treaty-series', {
      publishedOn: '2026-09-01',
      ctsNumber: '2026/12',
    });
    await record('ca-gac-treaty-law', id, 'un-registration-recorded', {
      registeredOn: '2026-10-01',
      registrationNumber: 'I-60001',
    });
    const done = await waitStatus(id, 'completed');
    expect(done.definitionVersion).toBe(2);
    expect(statuses(done)).toMatchObject({
      'jp-note': 'skipped',
      'ca-note': 'skipped',
      'exchange-of-instruments': 'completed',
      'jp-official-gazette': 'completed',
      'un-registration-recorded': 'completed',
    });
  });

  it('answers definition and initiative names in Japanese for Accept-Language: ja, with a lang override', async () => {
    const ja = await api<Named>('GET', `/api/v1/definitions/${DEF}`, {
      as: 'jp-officer',
      headers: { 'accept-language': 'ja,en;q=0.5' },
    });
    expect(ja.status).toBe(200);
    expect(ja.headers.get('content-language')).toBe('ja');
    expect(ja.body).toMatchObject({
      version: 2,
      lang: 'ja',
      title: '協定の締結及び発効の手続',
      titles: { en: 'Bringing an agreement into force', fr: "Entrée en vigueur d'un accord" },
    });
    const conclude = ja.body
      .steps!.find((s) => s.id === 'domestic-procedures')!
      .branches!.find((b) => b.id === 'jp-domestic')!
      .steps!.find((s) => s.id === 'jp-cabinet-decision-conclusion');
    expect(conclude).toMatchObject({ title: '締結の閣議決定', legalBasis: expect.stringContaining('73(3)') });

    const fr = await api<Named>('GET', `/api/v1/definitions/${DEF}?lang=fr`, {
      as: 'jp-officer',
      headers: { 'accept-language': 'ja' },
    });
    expect(fr.body.title).toBe("Entrée en vigueur d'un accord");

    const bad = await api<Named>('GET', `/api/v1/definitions/${DEF}?lang=de`, {
      as: 'jp-officer',
    });
    expect(bad.status).toBe(400);

    const inis = await api<Array<Named>>('GET', '/api/v1/initiatives', {
      as: 'jp-officer',
      headers: { 'accept-language': 'ja-JP' },
    });
    expect(inis.status).toBe(200);
    const mlat = inis.body.find((i) => i.id === 'mlat')!;
    expect(mlat).toMatchObject({
      title: '刑事に関する共助に関する日本国とカナダとの間の条約',
      titles: { en: 'Mutual Legal Assistance Treaty' },
      definition: { id: DEF, version: 2, title: '協定の締結及び発効の手続' },
    });
    for (const i of inis.body) expect(i.title).not.toBe(i.id);

    const versions = await api<Array<Named>>('GET', `/api/v1/definitions/${DEF}/versions`, {
      as: 'jp-officer',
    });
    expect(versions.body.map((d) => d.version)).toEqual([1, 2]);
  });
});
