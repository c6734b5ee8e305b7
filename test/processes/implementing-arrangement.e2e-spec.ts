/**
 * Concluding an implementing arrangement (libs/definitions/src/shipped/implementing-arrangement.ts) driven
 * through the HTTP API to every end state: completed (Canada leading the draft, the inter-agency review sent
 * back once and run again with all six agencies, registration in parallel), rejected (an agency rejects; the
 * senior officials refuse to sign), cancelled (by the initiator; not by another ministry's officer).
 */
import { computeDue } from '../../libs/calendars/src/compute-due';
import { api } from '../support/auth';
import { waitFor } from '../api/helpers';
import {
  approve,
  cancel,
  DAY_LENGTH_MS,
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
  waitStatus,
} from './drive';

const DEF = 'implementing-arrangement';
const JP_AGENCIES = ['jp-mod-atla', 'jp-mofa', 'jp-meti'];
const CA_AGENCIES = ['ca-dnd', 'ca-gac', 'ca-pspc'];

describe('implementing arrangement through the API', () => {
  it('completes with Canada leading: review sent back once, revised, reviewed again by every agency', async () => {
    const started = await start('ca-officer', DEF, { leadSide: 'CA' });
    const id = started.id;
    expect(started.definitionVersion).toBe(2);
    expect(started.parameters).toMatchObject({
      leadSide: 'CA',
      parentAgreement: expect.stringContaining('Security of Information'),
    });
    expect(statuses(started)).toMatchObject({
      'draft-by-jp': 'skipped',
      'draft-by-ca': 'active',
      'inter-agency-review': 'waiting',
    });
    expect(stepIn(started, 'draft-by-ca')).toMatchObject({
      outputTypes: { draftReference: 'reference', changes: 'text' },
      parties: { CA: { roles: ['ca-officer', 'ca-dnd'] } },
      dueAt: expect.any(String),
    });

    await record('ca-dnd', id, 'draft-by-ca', { draftReference: 'DND-IA-SIA-1' });
    const review = await stepOf(id, 'inter-agency-review');
    expect(review).toMatchObject({
      status: 'active',
      round: 1,
      parties: {
        JP: { roles: JP_AGENCIES, rule: 'all', status: 'pending' },
        CA: { roles: CA_AGENCIES, rule: 'all', status: 'pending' },
      },
    });
    // Version 2: each side's reviewers count 15 business days of their own country; the step is due at the
    // later of the two, and each reviewer's inbox shows their side's own date.
    const reviewDue = await waitFor('review due times', async () => {
      const s = await stepOf(id, 'inter-agency-review');
      return s?.dueByParty ? s : undefined;
    });
    const from = new Date(reviewDue.startedAt);
    const own = (party: 'JP' | 'CA') =>
      computeDue(
        from,
        { amount: 15, unit: 'business-days', calendar: party },
        { dayLengthMs: DAY_LENGTH_MS },
      );
    expect(reviewDue.dueByParty).toEqual({ JP: own('JP').toISOString(), CA: own('CA').toISOString() });
    expect(reviewDue.dueAt).toBe(new Date(Math.max(+own('JP'), +own('CA'))).toISOString());
    const inbox = await api('GET', '/api/v1/inbox', { as: 'ca-pspc' });
    expect(
      (inbox.body as Array<{ processId: string; stepId: string; dueAt: string }>).find(
        (i) => i.processId === id && i.stepId === 'inter-agency-review',
      )?.dueAt,
    ).toBe(own('CA').toISOString());

    // Round 1: five concur, PSPC asks for changes → back to the (Canadian) draft; approvals start over.
    for (const a of [...JP_AGENCIES, 'ca-dnd', 'ca-gac']) await approve(a, id, 'inter-agency-review');
    await requestChanges('ca-pspc', id, 'inter-agency-review', 'Add the handling of CONFIDENTIAL material');
    const back = await view(id);
    expect(statuses(back)).toMatchObject({
      'draft-by-jp': 'skipped',
      'draft-by-ca': 'active',
      'inter-agency-review': 'waiting',
    });
    expect(stepIn(back, 'draft-by-ca').round).toBe(2);

    await record('ca-officer', id, 'draft-by-ca', {
      draftReference: 'DND-IA-SIA-2',
      changes: 'Section 5 on CONFIDENTIAL material',
    });
    const round2 = await stepOf(id, 'inter-agency-review');
    expect(round2).toMatchObject({
      status: 'active',
      round: 2,
      parties: { JP: { status: 'pending' }, CA: { status: 'pending' } },
    });
    // The round-1 decisions stay on record.
    expect(round2.parties.CA!.decisions).toEqual([
      decisionBy('ca-dnd', 'approve', null, 1),
      decisionBy('ca-gac', 'approve', null, 1),
      decisionBy('ca-pspc', 'request-changes', 'Add the handling of CONFIDENTIAL material', 1),
    ]);
    for (const a of JP_AGENCIES) await approve(a, id, 'inter-agency-review');
    const jpDone = await stepOf(id, 'inter-agency-review');
    expect(jpDone).toMatchObject({
      status: 'active',
      parties: { JP: { status: 'done' }, CA: { status: 'pending' } },
    });
    await approve('ca-dnd', id, 'inter-agency-review');
    // GAC's reviewer is away: a colleague without the role approves on their behalf under a delegation.
    const delegation = await api('POST', '/api/v1/delegations', {
      as: 'ca-gac',
      body: {
        to: 'ca-officer-2',
        until: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        roles: ['ca-gac'],
      },
    });
    expect(delegation.status).toBe(201);
    try {
      const delegated = await approve('ca-officer-2', id, 'inter-agency-review', 'For GAC, during leave');
      expect(delegated.parties.CA!.decisions[4]).toEqual({
        ...decisionBy('ca-officer-2', 'approve', 'For GAC, during leave', 2),
        onBehalfOf: 'ca-gac',
        role: 'ca-gac',
      });
    } finally {
      expect(
        (await api('DELETE', `/api/v1/delegations/${delegation.body.id}`, { as: 'ca-gac' })).status,
      ).toBe(204);
    }
    const concurred = await approve('ca-pspc', id, 'inter-agency-review', 'Concur');
    expect(concurred).toMatchObject({ status: 'completed', round: 2, parties: { CA: { status: 'done' } } });
    expect(concurred.parties.CA!.decisions[5]).toEqual(decisionBy('ca-pspc', 'approve', 'Concur', 2));

    await approve('jp-mofa-treaties', id, 'legal-review');
    await approve('ca-gac-treaty-law', id, 'legal-review');
    await approve('jp-senior-official', id, 'approval-to-sign');
    await approve('ca-senior-official', id, 'approval-to-sign');
    await record('jp-senior-official', id, 'signature', {
      signedOn: '2026-09-15',
      place: 'Tokyo',
      signatories: 'Senior officials',
    });

    const reg = await view(id);
    expect(stepIn(reg, 'ca-registry')).toMatchObject({
      status: 'active',
      title: expect.stringContaining('non-treaty instruments'),
      parallel: { id: 'registration', branch: 'ca-registration' },
    });
    expect(stepIn(reg, 'jp-registry')).toMatchObject({
      status: 'active',
      parallel: { id: 'registration', branch: 'jp-registration' },
    });
    await record('jp-mofa', id, 'jp-registry', {
      registeredOn: '2026-09-16',
      registryReference: 'MOFA-IA-77',
    });
    expect((await stepOf(id, 'implementation-kickoff')).status).toBe('waiting'); // the join waits for Canada
    await record('ca-treaty-registry', id, 'ca-registry', {
      registeredOn: '2026-09-18',
      registryReference: 'GAC-REG-2026-31',
    });
    await record('jp-officer', id, 'implementation-kickoff', { heldOn: '2026-10-01' });

    const done = await waitStatus(id, 'completed');
    expect(done.closedAt).toEqual(expect.any(String));
    expect(stepIn(done, 'draft-by-ca').outputs).toEqual({
      draftReference: 'DND-IA-SIA-2',
      changes: 'Section 5 on CONFIDENTIAL material',
    });
    const t = await timeline(id);
    expectWellFormedTimeline(t, 'completed');
    expect(t).toContainEqual(
      expect.objectContaining({
        kind: 'routed-back',
        stepId: 'inter-agency-review',
        actor: expect.objectContaining({ sub: 'ca-pspc' }),
        data: expect.objectContaining({ to: 'draft-by-jp' }),
      }),
    );
    expect(t.filter((e) => e.kind === 'decision' && e.stepId === 'inter-agency-review')).toHaveLength(12);
  });

  it('is rejected when an agency rejects in the inter-agency review', async () => {
    const { id } = await start('jp-officer', DEF);
    await record('jp-mod-atla', id, 'draft-by-jp', { draftReference: 'ATLA-IA-1' });
    await approve('ca-dnd', id, 'inter-agency-review');
    const no = await reject('jp-meti', id, 'inter-agency-review', 'Export-control implications unresolved');
    expect(no.status).toBe('rejected');
    const v = await expectRejected(id, {
      by: 'jp-meti',
      stepId: 'inter-agency-review',
      reason: 'Export-control implications unresolved',
    });
    expect(statuses(v)).toMatchObject({
      'draft-by-jp': 'completed',
      'draft-by-ca': 'skipped',
      'inter-agency-review': 'rejected',
      'legal-review': 'waiting',
    });
    expectWellFormedTimeline(await timeline(id), 'rejected');
  });

  it('is rejected when a senior official refuses approval to sign', async () => {
    const { id } = await start('jp-officer', DEF);
    await record('jp-officer', id, 'draft-by-jp', { draftReference: 'MOFA-IA-1' });
    for (const a of [...JP_AGENCIES, ...CA_AGENCIES]) await approve(a, id, 'inter-agency-review');
    await approve('ca-gac-treaty-law', id, 'legal-review');
    await approve('jp-mofa-treaties', id, 'legal-review');
    await approve('jp-senior-official', id, 'approval-to-sign');
    await reject('ca-senior-official', id, 'approval-to-sign', 'Not before the ministerial meeting');
    const v = await expectRejected(id, { by: 'ca-senior-official', stepId: 'approval-to-sign' });
    expect(stepIn(v, 'approval-to-sign').parties).toMatchObject({
      JP: { status: 'done', decisions: [decisionBy('jp-senior-official', 'approve')] },
      CA: { decisions: [decisionBy('ca-senior-official', 'reject', 'Not before the ministerial meeting')] },
    });
  });

  it('is cancelled by its initiator, not by another ministry’s officer', async () => {
    const { id } = await start('jp-officer', DEF);
    await record('jp-officer', id, 'draft-by-jp', { draftReference: 'MOFA-IA-2' });
    const other = await cancel('ca-officer', id, 'Not mine');
    expect(other.status).toBe(403);
    const res = await cancel('jp-officer', id, 'Folded into the SIA review');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      closedAt: expect.any(String),
      outcome: { reason: 'Folded into the SIA review', by: { sub: 'jp-officer' }, stepId: null },
    });
    expect(statuses(res.body)).toMatchObject({
      'inter-agency-review': 'cancelled',
      'legal-review': 'waiting',
    });
    expect(await view(id)).toMatchObject({ status: 'cancelled' });
    expectWellFormedTimeline(await timeline(id), 'cancelled');
  });
});
