/**
 * When a round restarts (a change request), reviewers who had not decided lose their inbox items: the inbox
 * says so (GET /inbox/withdrawn, issue 11.1), through HTTP on the real server, worker and Temporal. The
 * notices come from the withdrawn memo of the listing (accord-20261202-withdrawn-memo), without a state Query
 * of a process that carries it, and equal those built from the Query.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../libs/config/src/accord-config';
import type { InboxWithdrawnNotice } from '../../libs/contracts/src/http';
import { stateQuery } from '../../libs/contracts/src/messages';
import type { Principal } from '../../libs/contracts/src/principal';
import type { ProcessView } from '../../libs/contracts/src/process-view';
import { WITHDRAWN_MEMO, type WithdrawnMemo } from '../../libs/contracts/src/withdrawn-memo';
import { getDefinition } from '../../libs/definitions/src';
import { localizeWithdrawnNotice, titleBook } from '../../libs/definitions/src/view-i18n';
import { getUser, principalOf } from '../../libs/directory/src/directory';
import { internalStepsOf, viewFor } from '../../libs/directory/src/read-scope';
import {
  WITHDRAWN_NOTICE_DAYS,
  withdrawnFromListing,
  type ListedProcess,
} from '../../apps/api/src/inbox/withdrawn-listing';
import { api } from '../support/auth';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';
import { complete, decide, inboxOf, startProcess, waitFor, waitForStep } from './helpers';

closeTestClientAfterAll();

const withdrawnOf = async (as: string) => {
  const res = await api<InboxWithdrawnNotice[]>('GET', '/api/v1/inbox/withdrawn', { as });
  expect(res.status).toBe(200);
  return res.body;
};

/**
 * The API's notices from a listing (apps/api/src/inbox/withdrawn-listing.ts, as InboxService.withdrawn calls
 * it), with the state Queries it makes counted.
 */
async function noticesFrom(listed: ListedProcess[], reader: Principal, lang?: 'fr' | 'ja') {
  const client = await testClient();
  const queried: string[] = [];
  const noticeMs = WITHDRAWN_NOTICE_DAYS * loadConfig(process.env).dayLengthMs;
  const { items, unanswered } = await withdrawnFromListing(
    listed,
    reader,
    [],
    { since: Date.now() - noticeMs, noticeMs },
    {
      query: async (id) => {
        queried.push(id);
        return client.workflow.getHandle(id).query(stateQuery);
      },
      readable: (v: ProcessView) =>
        viewFor(reader, internalStepsOf(getDefinition(v.definitionId, v.definitionVersion) ?? undefined), v),
      localize: (v, notices) => {
        const def = getDefinition(v.definitionId, v.definitionVersion);
        return lang && def ? notices.map((n) => localizeWithdrawnNotice(n, titleBook(def, lang))) : notices;
      },
      concurrency: 8,
    },
  );
  expect(unanswered).toBe(0);
  return { items, queried };
}

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

  it('are built from the withdrawn memo the listing carries, without a state Query, as from the Query', async () => {
    const { id } = await startProcess('jp-officer', {
      definitionId: 'implementing-arrangement',
      title: `Withdrawn memo ${randomUUID().slice(0, 8)}`,
    });
    const client = await testClient();
    const listedMemo = async () => {
      for await (const info of client.workflow.list({ query: `WorkflowId = '${id}'` }))
        return info.memo?.[WITHDRAWN_MEMO] as WithdrawnMemo | undefined;
      return undefined;
    };
    try {
      // Listed with the field from the start (the API's start carries it): nothing withdrawn yet.
      expect(await waitFor('the process listed', listedMemo)).toMatchObject({ changes: [], steps: [] });
      await waitForStep(id, 'draft-by-jp', 'active');
      expect(
        (await complete('jp-mod-atla', id, 'draft-by-jp', { outputs: { draftReference: 'IA-D-1' } })).status,
      ).toBe(200);
      await waitForStep(id, 'inter-agency-review', 'active');
      const comment = `Annex B: "export control" — l'article 3; 附属書B`;
      const asked = await decide('jp-meti', id, 'inter-agency-review', {
        decision: 'request-changes',
        comment,
      });
      expect(asked.status).toBe(200);

      const memo = await waitFor('the withdrawn step in the listed memo', async () => {
        const m = await listedMemo();
        return m?.steps.some((s) => s.id === 'inter-agency-review') ? m : undefined;
      });
      expect(memo.changes).toMatchObject([{ comment, by: { sub: 'jp-meti' }, round: 2 }]);
      const reader = principalOf(getUser('ca-dnd')!);
      const listed: ListedProcess[] = [{ workflowId: id, memo: { [WITHDRAWN_MEMO]: memo } }];
      // As a process started before the memo existed is listed: without it.
      const unmemoed: ListedProcess[] = [{ workflowId: id, memo: null }];
      for (const lang of [undefined, 'fr', 'ja'] as const) {
        const fromMemo = await noticesFrom(listed, reader, lang);
        const fromQuery = await noticesFrom(unmemoed, reader, lang);
        expect(fromMemo.queried).toEqual([]);
        expect(fromQuery.queried).toEqual([id]);
        expect(fromMemo.items).toHaveLength(1);
        expect(fromMemo.items).toEqual(fromQuery.items);
        if (!lang) {
          expect(fromMemo.items[0]!.message).toContain(`asked for changes ("${comment}")`);
          // What the API answers over HTTP (from the memo it lists) is the same notice.
          expect((await withdrawnOf('ca-dnd')).filter((n) => n.processId === id)).toEqual(fromMemo.items);
        }
      }
    } finally {
      await api('POST', `/api/v1/processes/${id}/cancel`, {
        as: 'jp-officer',
        body: { reason: 'test over' },
      });
    }
  });
});
