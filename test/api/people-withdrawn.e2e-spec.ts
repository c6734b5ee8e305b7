/**
 * When a round restarts (a change request), reviewers who had not decided lose their inbox items: the inbox
 * says so (GET /inbox/withdrawn, issue 11.1), through HTTP on the real server, worker and Temporal.
 */
import { randomUUID } from 'node:crypto';
import type { InboxWithdrawnNotice } from '../../libs/contracts/src/http';
import { api } from '../support/auth';
import { closeTestClientAfterAll } from '../support/temporal-client';
import { complete, decide, inboxOf, startProcess, waitFor, waitForStep } from './helpers';

closeTestClientAfterAll();

const withdrawnOf = async (as: string) => {
  const res = await api<InboxWithdrawnNotice[]>('GET', '/api/v1/inbox/withdrawn', { as });
  expect(res.status).toBe(200);
  return res.body;
};

describe('items withdrawn when a round restarts', () => {
  it('the reviewers who had not decided are told who asked for changes and why, until the round is back', async () => {
    const { id } = await startProcess('jp-officer', {
      definitionId: 'implementing-arrangement',
      title: `Withdrawn notices ${randomUUID().slice(0, 8)}`,
    });
    try {
      await waitForStep(id, 'draft-by-jp', 'active');
      expect(
        (await complete('jp-mod-atla', id, 'draft-by-jp', { outputs: { draftReference: 'IA-D-1' } })).status,
      ).toBe(200);
      await waitForStep(id, 'inter-agency-review', 'active');
      expect((await decide('jp-mofa', id, 'inter-agency-review', { decision: 'approve' })).status).toBe(200);
      const asked = await decide('jp-meti', id, 'inter-agency-review', {
        decision: 'request-changes',
        comment: 'Annex B cites the old export-control regulation',
      });
      expect(asked.status).toBe(200);

      // CA DND had not decided: the item left its inbox, and the notice says who, why and when it comes back.
      const notices = await waitFor('the notice for ca-dnd', async () => {
        const n = (await withdrawnOf('ca-dnd')).filter((x) => x.processId === id);
        return n.length ? n : undefined;
      });
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        stepId: 'inter-agency-review',
        stepTitle: 'Inter-agency review',
        party: 'CA',
        roles: ['ca-dnd'],
        changeRequest: {
          by: { sub: 'jp-meti' },
          party: 'JP',
          comment: 'Annex B cites the old export-control regulation',
          round: 2,
        },
        links: { process: `/api/v1/processes/${id}` },
      });
      expect(notices[0]!.message).toContain(
        'asked for changes ("Annex B cites the old export-control regulation")',
      );
      expect(notices[0]!.message).toContain(
        'Round 2 comes back to your inbox when "Draft prepared (JP)" is done',
      );
      expect(Date.parse(notices[0]!.noticeUntil)).toBeGreaterThan(Date.parse(notices[0]!.withdrawnAt));
      expect((await inboxOf('ca-dnd')).some((i) => i.processId === id)).toBe(false);
      // JP MOD/ATLA had not decided either; JP MOFA had approved and JP METI asked: neither is told.
      expect((await withdrawnOf('jp-mod-atla')).some((n) => n.processId === id)).toBe(true);
      expect((await withdrawnOf('jp-mofa')).some((n) => n.processId === id)).toBe(false);
      expect((await withdrawnOf('jp-meti')).some((n) => n.processId === id)).toBe(false);

      // The revised draft: round 2 is active, the item is back in the inbox and the notice is gone.
      expect(
        (await complete('jp-mod-atla', id, 'draft-by-jp', { outputs: { draftReference: 'IA-D-2' } })).status,
      ).toBe(200);
      await waitFor('round 2 back in ca-dnd inbox', async () =>
        (await inboxOf('ca-dnd')).find((i) => i.processId === id && i.round === 2),
      );
      expect((await withdrawnOf('ca-dnd')).some((n) => n.processId === id)).toBe(false);
    } finally {
      await api('POST', `/api/v1/processes/${id}/cancel`, {
        as: 'jp-officer',
        body: { reason: 'test over' },
      });
    }
  });
});
