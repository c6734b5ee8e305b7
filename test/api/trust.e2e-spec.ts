/**
 * The probes of issue 13, as a new user would try them through the HTTP API: each one did something it
 * must not on the code before the fix (a coordinator completing the other party's side by reassigning,
 * someone else's requestId answering with another person's result, a legal timer waived by the wrong
 * country or without the authority that granted the exception).
 */
import { api } from '../support/auth';
import { approve, record, start, stepOf, timeline } from '../processes/drive';
import { decide, waitForStep } from './helpers';

const REVIEW = 'inter-agency-review';

/** An implementing arrangement at its inter-agency review (JP drafts: the default lead side). */
async function atReview(): Promise<string> {
  const { id } = await start('jp-officer', 'implementing-arrangement');
  await record('jp-mod-atla', id, 'draft-by-jp', { draftReference: 'ATLA-IA-1' });
  await waitForStep(id, REVIEW, 'active');
  return id;
}

const reassign = (as: string, id: string, body: Record<string, unknown>) =>
  api('POST', `/api/v1/processes/${id}/steps/${REVIEW}/reassign`, { as, body });

describe('coordinator powers: own side only, never completing a step', () => {
  it("a JP coordinator cannot complete Canada's side by reassigning it (the probe)", async () => {
    const id = await atReview();
    await approve('ca-dnd', id, REVIEW);
    const res = await reassign('jp-coordinator', id, {
      party: 'CA',
      roles: ['ca-dnd'],
      reason: 'GAC and PSPC are slow',
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('WRONG_PARTY');
    const step = await stepOf(id, REVIEW);
    expect(step.status).toBe('active');
    expect(step.parties.CA.roles).toEqual(['ca-dnd', 'ca-gac', 'ca-pspc']);
  });

  it("Canada's coordinator cannot complete Canada's side by reassigning it to the roles that approved", async () => {
    const id = await atReview();
    await approve('ca-dnd', id, REVIEW);
    const res = await reassign('ca-coordinator', id, { party: 'CA', roles: ['ca-dnd'], reason: 'Only DND' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REASSIGN_COMPLETES');
    expect((await stepOf(id, REVIEW)).status).toBe('active');
  });

  it('reassign takes roles of that party from the definition, never coordinator', async () => {
    const id = await atReview();
    for (const roles of [
      ['coordinator'],
      ['jp-mofa'],
      ['ca-treaty-registry-nope'],
      ['ca-dnd', 'coordinator'],
    ]) {
      const res = await reassign('ca-coordinator', id, { party: 'CA', roles, reason: 'Try' });
      expect({ roles, status: res.status, code: res.body.code }).toEqual({
        roles,
        status: 400,
        code: 'INVALID_ROLES',
      });
    }
    // A role of Canada's vocabulary in this definition (it signs later): allowed, and the step waits for it.
    const ok = await reassign('ca-coordinator', id, {
      party: 'CA',
      roles: ['ca-dnd', 'ca-senior-official'],
      reason: 'PSPC and GAC replaced by the senior official',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('active');
    expect(ok.body.parties.CA.roles).toEqual(['ca-dnd', 'ca-senior-official']);
  });

  it('a step-side deadline is moved by that side only; a joint step by either coordinator', async () => {
    const { id } = await start('jp-officer', 'implementing-arrangement');
    await waitForStep(id, 'draft-by-jp', 'active');
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const move = (as: string, stepId: string) =>
      api('POST', `/api/v1/processes/${id}/steps/${stepId}/deadline`, {
        as,
        body: { dueAt, reason: 'Later' },
      });
    const wrong = await move('ca-coordinator', 'draft-by-jp');
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('WRONG_PARTY');
    expect((await move('jp-coordinator', 'draft-by-jp')).status).toBe(200);
    await record('jp-mod-atla', id, 'draft-by-jp', { draftReference: 'ATLA-IA-1' });
    await waitForStep(id, REVIEW, 'active');
    expect((await move('ca-coordinator', REVIEW)).status).toBe(200);
    const moved = (await timeline(id)).filter((e) => e.kind === 'deadline-moved');
    expect(moved.map((e) => e.actor?.sub)).toEqual(['jp-coordinator', 'ca-coordinator']);
    expect(moved.every((e) => e.comment === 'Later')).toBe(true);
  });
});

describe('idempotency bound to the caller, the action and the step', () => {
  it("someone else's requestId is a new request, checked like any other (the probe)", async () => {
    const id = await atReview();
    const requestId = `rq-${Math.random().toString(36).slice(2)}`;
    const first = await decide('jp-mod-atla', id, REVIEW, { decision: 'approve', requestId });
    expect(first.status).toBe(200);
    const other = await decide('ca-officer', id, REVIEW, { decision: 'approve', requestId });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('NOT_ELIGIBLE');
    // The same caller again: the first answer, counted once.
    const again = await decide('jp-mod-atla', id, REVIEW, { decision: 'approve', requestId });
    expect(again.status).toBe(200);
    const step = await stepOf(id, REVIEW);
    expect(step.parties.JP.decisions).toHaveLength(1);
    // The same id for another action of the same caller is a new request too.
    const viaComplete = await api('POST', `/api/v1/processes/${id}/steps/${REVIEW}/completion`, {
      as: 'jp-mod-atla',
      body: { outputs: {}, requestId },
    });
    expect(viaComplete.status).toBe(409);
    expect(viaComplete.body.code).toBe('WRONG_STEP_TYPE');
  });
});
