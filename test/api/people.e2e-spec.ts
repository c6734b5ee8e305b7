/**
 * The API speaks to people (issue 11.1, 11.2): who holds a step by name, what is asked in the inbox, what
 * comes next, steps that cannot run. Through HTTP on the real server, worker and Temporal.
 */
import { randomUUID } from 'node:crypto';
import type { ProcessView, StepView } from '../../libs/contracts/src/process-view';
import { api } from '../support/auth';
import { complete, decide, inboxOf, waitFor, waitForStep } from './helpers';

const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();

async function read(id: string, as = 'jp-coordinator'): Promise<ProcessView> {
  const res = await api<ProcessView>('GET', `/api/v1/processes/${id}`, { as });
  expect(res.status).toBe(200);
  return res.body;
}
const stepIn = (v: ProcessView, id: string) => v.steps.find((s) => s.id === id) as StepView;

async function startArrangement(): Promise<ProcessView> {
  const res = await api<ProcessView>('POST', '/api/v1/processes', {
    as: 'jp-officer',
    body: {
      definitionId: 'implementing-arrangement',
      title: `People ${randomUUID().slice(0, 8)}`,
      parameters: { leadSide: 'JP' },
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('people in the process view', () => {
  it('names who can act now per party, with the roles still awaited, and says now / next / waiting on', async () => {
    const started = await startArrangement();
    const draft = stepIn(started, 'draft-by-jp');
    expect(draft.status).toBe('active');
    expect(draft.parties.JP).toMatchObject({
      awaitedRoles: ['jp-officer', 'jp-mod-atla'],
      holders: expect.arrayContaining([
        {
          sub: 'jp-officer',
          name: 'Sato Haruka',
          org: 'Ministry of Economy, Trade and Industry',
          roles: ['jp-officer'],
          onBehalfOf: null,
        },
        expect.objectContaining({ sub: 'jp-officer-2', name: 'Kato Ren' }),
        expect.objectContaining({ sub: 'jp-mod-atla', name: 'Nakamura Sho', roles: ['jp-mod-atla'] }),
      ]),
    });
    expect(draft.outputsAsked).toEqual([
      { name: 'draftReference', type: 'reference', title: 'Draft reference', required: true },
      { name: 'changes', type: 'text', title: 'Changes since the last round', required: false },
    ]);
    // The due time as a local date and time in both capitals.
    expect(draft.dueAt).toEqual(expect.any(String));
    expect(draft.dueLocal).toEqual({
      JP: {
        date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
        time: expect.stringMatching(/^\d\d:\d\d$/),
        timeZone: 'Asia/Tokyo',
      },
      CA: {
        date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
        time: expect.stringMatching(/^\d\d:\d\d$/),
        timeZone: 'America/Toronto',
      },
    });
    // A waiting step awaits nobody yet, and says what it waits for.
    const review = stepIn(started, 'inter-agency-review');
    expect(review).toMatchObject({ status: 'waiting', waitsFor: ['draft-by-jp'] });
    expect(review.parties.JP).toMatchObject({ awaitedRoles: [], holders: [] });
    expect(started.nextStepIds).toEqual(['inter-agency-review']);
    expect(started.summary).toMatchObject({
      now: ['Draft prepared (JP)'],
      next: ['Inter-agency review'],
      waitingOn: [expect.stringContaining('Sato Haruka (Ministry of Economy, Trade and Industry)')],
    });
    expect(started.summary!.text).toMatch(
      /^Now: Draft prepared \(JP\)\. Next: Inter-agency review\. Waiting on JP: /,
    );

    await complete('jp-mod-atla', started.id, 'draft-by-jp', {
      outputs: { draftReference: 'ATLA-IA-SIA-1' },
    }).then((r) => expect(r.status).toBe(200));
    await waitForStep(started.id, 'inter-agency-review', 'active');
    // Under `all`, a role approved this round is no longer awaited; its holders leave the list.
    expect((await decide('jp-mofa', started.id, 'inter-agency-review', { decision: 'approve' })).status).toBe(
      200,
    );
    // A delegate of an awaited approver is named as such.
    const delegation = await api('POST', '/api/v1/delegations', {
      as: 'jp-meti',
      body: { to: 'jp-officer-2', until: inFuture(3_600_000) },
    });
    expect(delegation.status).toBe(201);
    try {
      const v = await read(started.id);
      const jp = stepIn(v, 'inter-agency-review').parties.JP!;
      expect(jp.awaitedRoles).toEqual(['jp-mod-atla', 'jp-meti']);
      const names = jp.holders!.map((h) => h.sub);
      expect(names).not.toContain('jp-mofa');
      expect(jp.holders).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ sub: 'jp-meti', onBehalfOf: null }),
          expect.objectContaining({ sub: 'jp-meti-2', name: 'Inoue Nana' }),
          {
            sub: 'jp-officer-2',
            name: 'Kato Ren',
            org: 'Ministry of Foreign Affairs',
            roles: ['jp-meti'],
            onBehalfOf: { sub: 'jp-meti', name: 'Yoshida Takumi' },
          },
        ]),
      );
      // The delegate's inbox carries the item on behalf of the delegator: the same answer as the view.
      const items = await inboxOf('jp-officer-2');
      expect(items.find((i) => i.processId === started.id)).toMatchObject({
        stepId: 'inter-agency-review',
        roles: ['jp-meti'],
        onBehalfOf: { sub: 'jp-meti', name: 'Yoshida Takumi' },
      });
    } finally {
      await api('DELETE', `/api/v1/delegations/${delegation.body.id}`, { as: 'jp-meti' });
    }
  });

  it('inbox items carry what is asked, the references, and after a change request who asked and why', async () => {
    const started = await startArrangement();
    const asked = (await inboxOf('jp-mod-atla')).find((i) => i.processId === started.id);
    expect(asked).toMatchObject({
      stepId: 'draft-by-jp',
      type: 'task',
      asked: {
        decision: false,
        outputs: [
          { name: 'draftReference', type: 'reference', title: 'Draft reference', required: true },
          { name: 'changes', type: 'text', title: 'Changes since the last round', required: false },
        ],
      },
      latestChangeRequest: null,
      references: [],
      links: {
        process: `/api/v1/processes/${started.id}`,
        act: `/api/v1/processes/${started.id}/steps/draft-by-jp/completion`,
      },
    });
    await complete('jp-mod-atla', started.id, 'draft-by-jp', {
      outputs: { draftReference: 'ATLA-IA-SIA-7' },
    });
    await waitForStep(started.id, 'inter-agency-review', 'active');
    const review = (await inboxOf('ca-pspc')).find((i) => i.processId === started.id);
    expect(review).toMatchObject({
      stepId: 'inter-agency-review',
      asked: { decision: true, outputs: [] },
      references: [
        {
          stepId: 'draft-by-jp',
          stepTitle: 'Draft prepared (JP)',
          name: 'draftReference',
          value: 'ATLA-IA-SIA-7',
        },
      ],
      links: { act: `/api/v1/processes/${started.id}/steps/inter-agency-review/decisions` },
    });
    const why = 'Annex B must name the procurement channel';
    expect(
      (
        await decide('ca-pspc', started.id, 'inter-agency-review', {
          decision: 'request-changes',
          comment: why,
        })
      ).status,
    ).toBe(200);
    const back = await waitFor('the draft back in the inbox', async () =>
      (await inboxOf('jp-mod-atla')).find((i) => i.processId === started.id && i.round === 2),
    );
    expect(back).toMatchObject({
      stepId: 'draft-by-jp',
      latestChangeRequest: {
        by: { sub: 'ca-pspc', name: 'Ethan Bélanger' },
        party: 'CA',
        comment: why,
        fromStepId: 'inter-agency-review',
        fromStepTitle: 'Inter-agency review',
        round: 2,
        at: expect.any(String),
      },
    });
    // The review itself says who sent it back, for when it comes round again.
    const v = await read(started.id);
    expect(stepIn(v, 'inter-agency-review')).toMatchObject({
      status: 'waiting',
      latestChangeRequest: { by: { sub: 'ca-pspc' }, comment: why },
    });
  });
});

describe('steps that cannot run', () => {
  it('are not-applicable from the start, with the reason; the real next steps stay waiting', async () => {
    const res = await api<ProcessView>('POST', '/api/v1/processes', {
      as: 'jp-mofa-negotiator',
      body: {
        definitionId: 'agreement-entry-into-force',
        initiativeId: 'mlat',
        title: `MLAT ${randomUUID().slice(0, 6)}`,
      },
    });
    expect(res.status).toBe(201);
    const v = res.body;
    expect(stepIn(v, 'ca-implementing-legislation')).toMatchObject({
      status: 'not-applicable',
      notApplicableBecause: expect.stringContaining('requiresImplementingLegislation = false'),
    });
    expect(stepIn(v, 'entry-into-force-on-signature').status).toBe('not-applicable');
    expect(stepIn(v, 'entry-into-force-month-start').status).toBe('not-applicable');
    expect(stepIn(v, 'entry-into-force-days').status).toBe('waiting');
    expect(stepIn(v, 'jp-diet-approval').status).toBe('waiting');
    // Signed already (the initiative's signature date): the signing steps were passed over for real.
    expect(stepIn(v, 'signature').status).toBe('skipped');
  });
});
