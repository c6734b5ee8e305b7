/**
 * The authorisation matrix: each action × right/wrong party × right/wrong role × no token, and the
 * coordinator rules (own side only; reassign within the party's vocabulary). Wrong-party
 * callers carry the step's own role ids under the other party's flag, so only the party check refuses them.
 */
import { api, tokenFor, tokenForPrincipal } from '../support/auth';
import type { Principal } from '../../libs/contracts/src/principal';
import { decide, startProcess, waitForStep } from './helpers';

type Caller = { as: string } | { principal: Principal } | { anonymous: true };

const asUser = (as: string): Caller => ({ as });
const forged = (party: 'JP' | 'CA', roles: string[]): Caller => ({
  principal: {
    sub: `forged-${party}-${roles.join('+')}`,
    name: 'Wrong Party',
    party,
    org: 'Elsewhere',
    roles,
  },
});
const anonymous: Caller = { anonymous: true };

function call(caller: Caller, method: string, path: string, body?: unknown) {
  if ('anonymous' in caller) return api(method, path, { body });
  if ('as' in caller) return api(method, path, { token: tokenFor(caller.as), body });
  return api(method, path, { token: tokenForPrincipal(caller.principal), body });
}

/** A process whose active steps are: concept-approval (after setup as needed). */
async function freshProcess() {
  return (await startProcess('ca-officer')).id;
}

/** A process whose task `dates-and-programme` is active. */
async function atTask() {
  const id = await freshProcess();
  await decide('ca-trade-minister-office', id, 'concept-approval', { decision: 'approve' });
  await decide('jp-jetro', id, 'concept-approval', { decision: 'approve' });
  await decide('ca-gac-trade-missions', id, 'budget-approval', { decision: 'approve' });
  await waitForStep(id, 'dates-and-programme', 'active');
  return id;
}

/** A process whose timer `registration-window` is active. */
async function atTimer() {
  const id = await atTask();
  await api('POST', `/api/v1/processes/${id}/steps/dates-and-programme/completion`, {
    as: 'jp-jetro',
    body: { outputs: { startsOn: '2026-04-13', endsOn: '2026-04-17', cities: 'Tokyo' } },
  });
  await waitForStep(id, 'registration-window', 'active');
  return id;
}

interface Row {
  label: string;
  caller: Caller;
  expected: number;
}

describe('authorisation matrix', () => {
  const decisionRows: Row[] = [
    { label: 'right party (CA), right role', caller: asUser('ca-trade-minister-office'), expected: 200 },
    { label: 'right party (JP), right role', caller: asUser('jp-meti'), expected: 200 },
    { label: 'right party, wrong role', caller: asUser('ca-gac'), expected: 403 },
    { label: 'right party, initiator role only', caller: asUser('ca-officer'), expected: 403 },
    {
      label: "wrong party, the other party's role ids",
      caller: forged('JP', ['ca-trade-minister-office']),
      expected: 403,
    },
    { label: 'wrong party, wrong role', caller: asUser('jp-clb-examiner'), expected: 403 },
    { label: 'coordinator (not an approver here)', caller: asUser('ca-coordinator'), expected: 403 },
    { label: 'no token', caller: anonymous, expected: 401 },
  ];
  it.each(decisionRows)('decide approval: $label → $expected', async ({ caller, expected }) => {
    const id = await freshProcess();
    const res = await call(caller, 'POST', `/api/v1/processes/${id}/steps/concept-approval/decisions`, {
      decision: 'approve',
    });
    expect(res.status).toBe(expected);
    if (expected === 403) expect(['NOT_ELIGIBLE', 'WRONG_PARTY']).toContain(res.body.code);
  });

  it('a party that the step does not involve gets WRONG_PARTY (budget approval is CA only)', async () => {
    const id = await freshProcess();
    await decide('ca-trade-minister-office', id, 'concept-approval', { decision: 'approve' });
    await decide('jp-jetro', id, 'concept-approval', { decision: 'approve' });
    await waitForStep(id, 'budget-approval', 'active');
    const res = await call(
      forged('JP', ['ca-gac-trade-missions']),
      'POST',
      `/api/v1/processes/${id}/steps/budget-approval/decisions`,
      {
        decision: 'approve',
      },
    );
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('WRONG_PARTY');
  });

  const completionRows: Row[] = [
    { label: 'right party (CA), right role', caller: asUser('ca-tcs-tokyo'), expected: 200 },
    { label: 'right party (JP), right role', caller: asUser('jp-jetro'), expected: 200 },
    { label: 'right party, wrong role', caller: asUser('ca-dnd'), expected: 403 },
    {
      label: "wrong party, the other party's role ids",
      caller: forged('JP', ['ca-tcs-tokyo']),
      expected: 403,
    },
    { label: 'no token', caller: anonymous, expected: 401 },
  ];
  it.each(completionRows)('complete task: $label → $expected', async ({ caller, expected }) => {
    const id = await atTask();
    const res = await call(caller, 'POST', `/api/v1/processes/${id}/steps/dates-and-programme/completion`, {
      outputs: { startsOn: '2026-04-13', endsOn: '2026-04-17', cities: 'Tokyo' },
    });
    expect(res.status).toBe(expected);
  });

  const cancelRows: Row[] = [
    { label: 'the initiator', caller: asUser('ca-officer'), expected: 200 },
    { label: 'a coordinator of the same party', caller: asUser('ca-coordinator'), expected: 200 },
    { label: 'a coordinator of the other party', caller: asUser('jp-coordinator'), expected: 200 },
    { label: 'another officer with the initiator role', caller: asUser('ca-officer-2'), expected: 403 },
    { label: 'an approver of the process', caller: asUser('jp-meti'), expected: 403 },
    { label: 'no token', caller: anonymous, expected: 401 },
  ];
  it.each(cancelRows)('cancel: $label → $expected', async ({ caller, expected }) => {
    const id = await freshProcess();
    const res = await call(caller, 'POST', `/api/v1/processes/${id}/cancel`, { reason: 'Replanned' });
    expect(res.status).toBe(expected);
    if (expected === 200)
      expect(res.body).toMatchObject({ status: 'cancelled', outcome: { reason: 'Replanned' } });
  });

  const coordinatorRows: Row[] = [
    { label: 'coordinator CA', caller: asUser('ca-coordinator'), expected: 200 },
    { label: 'coordinator JP', caller: asUser('jp-coordinator'), expected: 200 },
    { label: 'an approver of the step', caller: asUser('ca-trade-minister-office'), expected: 403 },
    { label: 'the initiator', caller: asUser('ca-officer'), expected: 403 },
    { label: 'no token', caller: anonymous, expected: 401 },
  ];
  it.each(coordinatorRows)('move deadline: $label → $expected', async ({ caller, expected }) => {
    const id = await freshProcess();
    const dueAt = new Date(Date.now() + 3_600_000).toISOString();
    const res = await call(caller, 'POST', `/api/v1/processes/${id}/steps/concept-approval/deadline`, {
      dueAt,
      reason: 'Minister travelling',
    });
    expect(res.status).toBe(expected);
    if (expected === 200) expect(res.body.dueAt).toBe(dueAt);
    if (expected === 403) expect(res.body.code).toBe('NOT_COORDINATOR');
  });

  const waiverRows: Row[] = [
    { label: 'coordinator', caller: asUser('jp-coordinator'), expected: 200 },
    { label: 'the task owner', caller: asUser('ca-gac-trade-missions'), expected: 403 },
    { label: 'no token', caller: anonymous, expected: 401 },
  ];
  it.each(waiverRows)('waive timer: $label → $expected', async ({ caller, expected }) => {
    const id = await atTimer();
    const res = await call(caller, 'POST', `/api/v1/processes/${id}/steps/registration-window/waiver`, {
      reason: 'Enough companies',
    });
    expect(res.status).toBe(expected);
    if (expected === 200)
      expect(res.body).toMatchObject({ status: 'completed', waiver: { by: 'jp-coordinator' } });
  });

  // Coordinator rules: each coordinator acts on their own party's side; reassign stays in that party's
  // vocabulary of the definition and never names `coordinator`.
  interface ReassignRow extends Row {
    body: { party: 'JP' | 'CA'; roles: string[] };
    code?: string;
  }
  const reassignRows: ReassignRow[] = [
    {
      label: "CA coordinator, CA's side, a CA role of the definition",
      caller: asUser('ca-coordinator'),
      body: { party: 'CA', roles: ['ca-gac-trade-missions'] },
      expected: 200,
    },
    {
      label: "JP coordinator, JP's side, a JP role of the definition",
      caller: asUser('jp-coordinator'),
      body: { party: 'JP', roles: ['jp-jetro'] },
      expected: 200,
    },
    {
      label: "JP coordinator, CA's side",
      caller: asUser('jp-coordinator'),
      body: { party: 'CA', roles: ['ca-gac-trade-missions'] },
      expected: 403,
      code: 'WRONG_PARTY',
    },
    {
      label: 'CA coordinator, to the coordinator role',
      caller: asUser('ca-coordinator'),
      body: { party: 'CA', roles: ['coordinator'] },
      expected: 400,
      code: 'INVALID_ROLES',
    },
    {
      label: "CA coordinator, to a JP role on CA's side",
      caller: asUser('ca-coordinator'),
      body: { party: 'CA', roles: ['jp-jetro'] },
      expected: 400,
      code: 'INVALID_ROLES',
    },
    {
      label: 'an approver of the step',
      caller: asUser('ca-trade-minister-office'),
      body: { party: 'CA', roles: ['ca-gac-trade-missions'] },
      expected: 403,
      code: 'NOT_COORDINATOR',
    },
    {
      label: 'no token',
      caller: anonymous,
      body: { party: 'CA', roles: ['ca-gac-trade-missions'] },
      expected: 401,
    },
  ];
  it.each(reassignRows)('reassign: $label → $expected', async ({ caller, body, expected, code }) => {
    const id = await freshProcess();
    const res = await call(caller, 'POST', `/api/v1/processes/${id}/steps/concept-approval/reassign`, {
      ...body,
      reason: 'Minister travelling',
    });
    expect(res.status).toBe(expected);
    if (code) expect(res.body.code).toBe(code);
    if (expected === 200) {
      expect(res.body.status).toBe('active');
      expect(res.body.parties[body.party].roles).toEqual(body.roles);
    }
  });

  const sideDeadlineRows: Row[] = [
    { label: "CA coordinator on CA's own step", caller: asUser('ca-coordinator'), expected: 200 },
    { label: "JP coordinator on CA's own step", caller: asUser('jp-coordinator'), expected: 403 },
  ];
  it.each(sideDeadlineRows)(
    'move a side deadline (CA-only budget approval): $label → $expected',
    async ({ caller, expected }) => {
      const id = await freshProcess();
      await decide('ca-trade-minister-office', id, 'concept-approval', { decision: 'approve' });
      await decide('jp-jetro', id, 'concept-approval', { decision: 'approve' });
      await waitForStep(id, 'budget-approval', 'active');
      const res = await call(caller, 'POST', `/api/v1/processes/${id}/steps/budget-approval/deadline`, {
        dueAt: new Date(Date.now() + 3_600_000).toISOString(),
        reason: 'Treasury Board meets later',
      });
      expect(res.status).toBe(expected);
      if (expected === 403) expect(res.body.code).toBe('WRONG_PARTY');
    },
  );

  it('reads need a token', async () => {
    const id = await freshProcess();
    for (const path of [
      `/api/v1/processes/${id}`,
      `/api/v1/processes/${id}/timeline`,
      '/api/v1/processes',
      '/api/v1/inbox',
      '/api/v1/definitions',
      '/api/v1/initiatives',
      '/api/v1/delegations',
    ]) {
      expect((await api('GET', path)).status).toBe(401);
    }
  });
});
