/** Delegations (acting on behalf, expiry, removal), the inbox as processes move, and idempotent requests. */
import { randomUUID } from 'node:crypto';
import { api } from '../support/auth';
import { decide, inboxOf, startProcess, stepOf, waitFor, waitForStep } from './helpers';

const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('delegations', () => {
  it('validates requests: party, roles, dates, who may name the delegator', async () => {
    const post = (as: string, body: Record<string, unknown>) =>
      api('POST', '/api/v1/delegations', { as, body });
    const otherParty = await post('jp-meti', { to: 'ca-gac', until: inFuture(3_600_000) });
    expect(otherParty.status).toBe(400);
    expect(otherParty.body.details[0]).toMatchObject({
      field: 'to',
      message: expect.stringContaining('same party'),
    });
    const notMine = await post('jp-meti', {
      to: 'jp-mofa',
      until: inFuture(3_600_000),
      roles: ['jp-clb-examiner'],
    });
    expect(notMine.status).toBe(400);
    expect(notMine.body.details[0].field).toBe('roles');
    const past = await post('jp-meti', { to: 'jp-mofa', until: new Date(Date.now() - 1000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.details[0].field).toBe('until');
    const badDate = await post('jp-meti', { to: 'jp-mofa', until: 'next tuesday' });
    expect(badDate.status).toBe(400);
    const unknown = await post('jp-meti', { to: 'nobody-here', until: inFuture(3_600_000) });
    expect(unknown.status).toBe(400);
    const forSomeoneElse = await post('jp-mofa', {
      from: 'jp-meti',
      to: 'jp-mofa',
      until: inFuture(3_600_000),
    });
    expect(forSomeoneElse.status).toBe(403);
    const coordinatorOtherParty = await post('ca-coordinator', {
      from: 'jp-meti',
      to: 'jp-mofa',
      until: inFuture(3_600_000),
    });
    expect(coordinatorOtherParty.status).toBe(403);
    const extra = await post('jp-meti', { to: 'jp-mofa', until: inFuture(3_600_000), admin: true });
    expect(extra.status).toBe(400);
    const anon = await api('POST', '/api/v1/delegations', {
      body: { to: 'jp-mofa', until: inFuture(3_600_000) },
    });
    expect(anon.status).toBe(401);
  });

  it('a delegate acts on behalf; the decision records both; deleting ends it', async () => {
    const created = await api('POST', '/api/v1/delegations', {
      as: 'jp-coordinator',
      body: { from: 'jp-meti', to: 'jp-mofa', until: inFuture(3_600_000), roles: ['jp-meti'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^dlg-/),
      from: { sub: 'jp-meti' },
      to: { sub: 'jp-mofa' },
      party: 'JP',
      roles: ['jp-meti'],
      createdBy: { sub: 'jp-coordinator' },
    });
    const delegationId = created.body.id;
    for (const who of ['jp-meti', 'jp-mofa', 'jp-coordinator']) {
      const listed = await api('GET', '/api/v1/delegations', { as: who });
      expect(listed.body.map((d: { id: string }) => d.id)).toContain(delegationId);
    }
    const outsider = await api('GET', '/api/v1/delegations', { as: 'ca-coordinator' });
    expect(outsider.body.map((d: { id: string }) => d.id)).not.toContain(delegationId);

    const { id } = await startProcess('ca-officer');
    const inbox = await waitFor('delegated item in the inbox', async () =>
      (await inboxOf('jp-mofa')).find((i) => i.processId === id),
    );
    expect(inbox).toMatchObject({
      stepId: 'concept-approval',
      roles: ['jp-meti'],
      onBehalfOf: { sub: 'jp-meti' },
    });

    const res = await decide('jp-mofa', id, 'concept-approval', {
      decision: 'approve',
      comment: 'For Yoshida-san',
    });
    expect(res.status).toBe(200);
    expect(res.body.parties.JP.decisions[0]).toMatchObject({
      by: 'jp-mofa',
      onBehalfOf: 'jp-meti',
      role: 'jp-meti',
    });
    const timeline = await api('GET', `/api/v1/processes/${id}/timeline`, { as: 'jp-mofa' });
    const entry = timeline.body.find((t: { kind: string }) => t.kind === 'decision');
    expect(entry.actor).toMatchObject({ sub: 'jp-mofa', onBehalfOf: { sub: 'jp-meti' } });
    // The delegator's approval is used up for this round.
    const again = await decide('jp-meti', id, 'concept-approval', { decision: 'approve' });
    expect(again.status).toBe(409);

    const stranger = await api('DELETE', `/api/v1/delegations/${delegationId}`, { as: 'jp-jetro' });
    expect(stranger.status).toBe(403);
    const removed = await api('DELETE', `/api/v1/delegations/${delegationId}`, { as: 'jp-meti' });
    expect(removed.status).toBe(204);
    const gone = await api('DELETE', `/api/v1/delegations/${delegationId}`, { as: 'jp-meti' });
    expect(gone.status).toBe(404);

    const second = await startProcess('ca-officer');
    const refused = await decide('jp-mofa', second.id, 'concept-approval', { decision: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_ELIGIBLE');
    expect((await inboxOf('jp-mofa')).find((i) => i.processId === second.id)).toBeUndefined();
  });

  it('an expired delegation no longer works', async () => {
    const created = await api('POST', '/api/v1/delegations', {
      as: 'ca-trade-minister-office',
      body: { to: 'ca-pspc', until: inFuture(2500) },
    });
    expect(created.status).toBe(201);
    const { id } = await startProcess('jp-officer');
    const res = await decide('ca-pspc', id, 'concept-approval', { decision: 'approve' });
    expect(res.status).toBe(200);
    expect(res.body.parties.CA.decisions[0]).toMatchObject({
      by: 'ca-pspc',
      onBehalfOf: 'ca-trade-minister-office',
    });

    const later = await startProcess('jp-officer');
    await new Promise((r) => setTimeout(r, 2600));
    const expired = await decide('ca-pspc', later.id, 'concept-approval', { decision: 'approve' });
    expect(expired.status).toBe(403);
    const listed = await api('GET', '/api/v1/delegations', { as: 'ca-trade-minister-office' });
    expect(listed.body.map((d: { id: string }) => d.id)).not.toContain(created.body.id);
  });
});

describe('inbox', () => {
  it('follows a process: awaited parties see the step, deciders drop it, the next step appears', async () => {
    const { id } = await startProcess('ca-officer', { title: `Inbox ${randomUUID().slice(0, 6)}` });
    for (const who of ['ca-trade-minister-office', 'jp-meti', 'jp-jetro']) {
      const item = await waitFor(`${who} inbox`, async () =>
        (await inboxOf(who)).find((i) => i.processId === id),
      );
      expect(item).toMatchObject({
        stepId: 'concept-approval',
        type: 'approval',
        onBehalfOf: null,
        overdue: false,
      });
      expect(item.dueAt).toEqual(expect.any(String));
    }
    // A short inbox is complete: every process awaiting the caller was looked at and answered.
    const whole = await api('GET', '/api/v1/inbox', { as: 'jp-meti' });
    expect(whole.headers.get('x-accord-truncated')).toBe('false');
    expect((await inboxOf('ca-gac-trade-missions')).find((i) => i.processId === id)).toBeUndefined();
    expect((await inboxOf('jp-mofa-negotiator')).find((i) => i.processId === id)).toBeUndefined();

    await decide('jp-meti', id, 'concept-approval', { decision: 'approve' });
    // JP is done: neither JP approver sees it; CA still does. The inbox reads visibility (eventually
    // consistent): the decision reaches it within moments.
    await waitFor(
      'gone from both JP inboxes',
      async () =>
        !(await inboxOf('jp-meti')).find((i) => i.processId === id) &&
        !(await inboxOf('jp-jetro')).find((i) => i.processId === id),
    );
    expect((await inboxOf('ca-trade-minister-office')).find((i) => i.processId === id)).toBeDefined();

    await decide('ca-trade-minister-office', id, 'concept-approval', { decision: 'approve' });
    const next = await waitFor('budget in CA inbox', async () =>
      (await inboxOf('ca-gac-trade-missions')).find((i) => i.processId === id),
    );
    expect(next.stepId).toBe('budget-approval');
    await waitFor(
      'gone from the minister office inbox',
      async () => !(await inboxOf('ca-trade-minister-office')).find((i) => i.processId === id),
    );
  });

  it('?overdue=true lists only steps past due, and items are sorted soonest due first', async () => {
    const a = await startProcess('ca-officer');
    const b = await startProcess('ca-officer');
    // A due time in the past is refused: set one a moment ahead and let it pass.
    const soon = Date.now() + 1500;
    const moved = await api('POST', `/api/v1/processes/${b.id}/steps/concept-approval/deadline`, {
      as: 'ca-coordinator',
      body: { dueAt: new Date(soon).toISOString(), reason: 'Test: late soon' },
    });
    expect(moved.status).toBe(200);
    await waitFor('the due time passed', async () => Date.now() > soon + 100);
    const items = await waitFor('both in the inbox', async () => {
      const all = await inboxOf('jp-jetro');
      return all.some((i) => i.processId === a.id) && all.some((i) => i.processId === b.id) ? all : undefined;
    });
    const due = items.map((i) => (i.dueAt ? Date.parse(i.dueAt) : Infinity));
    expect([...due].sort((x, y) => x - y)).toEqual(due);
    expect(items.findIndex((i) => i.processId === b.id)).toBeLessThan(
      items.findIndex((i) => i.processId === a.id),
    );
    const overdue = await inboxOf('jp-jetro', '?overdue=true');
    expect(overdue.find((i) => i.processId === b.id)).toMatchObject({ overdue: true });
    expect(overdue.find((i) => i.processId === a.id)).toBeUndefined();
    const bad = await api('GET', '/api/v1/inbox?overdue=maybe', { as: 'jp-jetro' });
    expect(bad.status).toBe(400);
  });
});

describe('idempotency', () => {
  it('the same requestId twice returns the same answer and counts once', async () => {
    const { id } = await startProcess('ca-officer');
    const requestId = randomUUID();
    const body = { decision: 'request-changes', comment: 'Please add the Nagoya leg', requestId };
    const first = await decide('ca-trade-minister-office', id, 'concept-approval', body);
    const second = await decide('ca-trade-minister-office', id, 'concept-approval', body);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const step = await stepOf(id, 'concept-approval');
    expect(step.round).toBe(2);
    expect(step.parties.CA.decisions).toHaveLength(1);
    const timeline = await api('GET', `/api/v1/processes/${id}/timeline`, { as: 'ca-officer' });
    expect(timeline.body.filter((t: { kind: string }) => t.kind === 'decision')).toHaveLength(1);

    // Concurrent duplicates of a completion are counted once too.
    await decide('ca-trade-minister-office', id, 'concept-approval', { decision: 'approve' });
    await decide('jp-jetro', id, 'concept-approval', { decision: 'approve' });
    await decide('ca-gac-trade-missions', id, 'budget-approval', { decision: 'approve' });
    await waitForStep(id, 'dates-and-programme', 'active');
    const completion = {
      outputs: { startsOn: '2026-05-11', endsOn: '2026-05-15', cities: 'Tokyo, Nagoya' },
      requestId: randomUUID(),
    };
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        api('POST', `/api/v1/processes/${id}/steps/dates-and-programme/completion`, {
          as: 'ca-tcs-tokyo',
          body: completion,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const t2 = await api('GET', `/api/v1/processes/${id}/timeline`, { as: 'ca-officer' });
    expect(t2.body.filter((t: { kind: string; stepId: string }) => t.kind === 'completion')).toHaveLength(1);
  });
});
