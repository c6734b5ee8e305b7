/**
 * A fourth process needs a definition only: policy-dialogue (libs/definitions/src/shipped/policy-dialogue.json,
 * no TypeScript, no workflow code) is served by the API and runs to completion through it, with its change
 * loop, its parallel co-chairs, and its "until the meeting date" timer. The other data-only definitions (YAML)
 * are then run to completion by a generic driver that only reads the process view, as any ministry client could.
 */
import type { ParamValue } from '../../libs/contracts/src/definition';
import type { StepView } from '../../libs/contracts/src/process-view';
import { api } from '../support/auth';
import {
  approve,
  decisionBy,
  expectWellFormedTimeline,
  record,
  requestChanges,
  statuses,
  stepIn,
  stepOf,
  timeline,
  view,
  waitForStep,
  waitStatus,
} from './drive';

const PAST = '2025-01-15';

describe('data-only definitions through the API', () => {
  it('policy-dialogue (JSON only) is served and runs to completion', async () => {
    const def = await api('GET', '/api/v1/definitions/policy-dialogue', { as: 'ca-officer' });
    expect(def.status).toBe(200);
    expect(def.body).toMatchObject({ id: 'policy-dialogue', version: 1 });

    const started = await api('POST', '/api/v1/processes', {
      as: 'ca-officer',
      body: {
        definitionId: 'policy-dialogue',
        title: 'Cyber Policy Dialogue',
        initiativeId: 'cyber-policy-dialogue',
      },
    });
    expect(started.status).toBe(201);
    const id: string = started.body.id;
    // The initiative's known facts become the parameters.
    expect(started.body).toMatchObject({
      definitionId: 'policy-dialogue',
      initiativeId: 'cyber-policy-dialogue',
      parameters: { dialogueName: 'Japan–Canada Cyber Policy Dialogue', level: 'director-general' },
      initiator: { sub: 'ca-officer' },
    });

    await record('jp-mofa', id, 'terms-of-reference-draft', { termsReference: 'TOR-CYBER-1' });
    await requestChanges(
      'ca-senior-official',
      id,
      'terms-of-reference-approval',
      'Add critical infrastructure',
    );
    expect(statuses(await view(id))).toMatchObject({
      'terms-of-reference-draft': 'active',
      'terms-of-reference-approval': 'waiting',
    });
    await record('ca-gac', id, 'terms-of-reference-draft', { termsReference: 'TOR-CYBER-2' });
    await approve('jp-senior-official', id, 'terms-of-reference-approval');
    const tor = await approve('ca-senior-official', id, 'terms-of-reference-approval');
    expect(tor).toMatchObject({ status: 'completed', round: 2 });
    expect(tor.parties.CA!.decisions).toEqual([
      decisionBy('ca-senior-official', 'request-changes', 'Add critical infrastructure', 1),
      decisionBy('ca-senior-official', 'approve', null, 2),
    ]);

    const chairs = await view(id);
    expect(stepIn(chairs, 'jp-co-chair-designated')).toMatchObject({
      status: 'active',
      parallel: { id: 'co-chairs', branch: 'jp-co-chair' },
    });
    expect(stepIn(chairs, 'ca-co-chair-designated')).toMatchObject({
      status: 'active',
      parallel: { id: 'co-chairs', branch: 'ca-co-chair' },
    });
    await record('ca-senior-official', id, 'ca-co-chair-designated', {
      coChair: 'Director General, International Security Policy',
    });
    await record('jp-mofa', id, 'jp-co-chair-designated', {
      coChair: 'Director-General, Foreign Policy Bureau',
    });

    // A meeting date already past: the "until" timer (an absolute date, not compressed) is due at once.
    await record('ca-gac', id, 'inaugural-meeting-scheduled', { meetingOn: PAST, venue: 'Ottawa' });
    const until = await waitForStep(id, 'until-inaugural-meeting', 'completed');
    expect(until.dueAt).toBe(`${PAST}T00:00:00.000Z`);

    await record('jp-mofa', id, 'inaugural-meeting-held', { heldOn: PAST, jointSummary: 'JS-CYBER-1' });
    await requestChanges('jp-senior-official', id, 'joint-summary-approval', 'Mention the next meeting');
    expect((await stepOf(id, 'joint-summary-approval')).round).toBe(2);
    await approve('jp-senior-official', id, 'joint-summary-approval');
    await approve('ca-senior-official', id, 'joint-summary-approval');

    const done = await waitStatus(id, 'completed');
    expect(new Set(Object.values(statuses(done)))).toEqual(new Set(['completed']));
    const t = await timeline(id);
    expectWellFormedTimeline(t, 'completed');
    expect(t).toContainEqual(
      expect.objectContaining({ kind: 'timer-fired', stepId: 'until-inaugural-meeting' }),
    );
    expect(t.filter((e) => e.kind === 'routed-back')).toHaveLength(2);
  });

  /** Acts on whatever is active, as the seeded user whose id is the role's (every role has one). */
  async function drive(id: string): Promise<string> {
    const until = Date.now() + 20_000;
    for (;;) {
      const v = await view(id);
      if (v.status !== 'running') return v.status;
      const actionable = v.steps.filter((s) => s.status === 'active' && s.type !== 'timer');
      for (const s of actionable) await act(id, s);
      if (actionable.length === 0) {
        if (Date.now() > until)
          throw new Error(`stuck on ${v.steps.filter((s) => s.status === 'active').map((s) => s.id)}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  }

  async function act(id: string, s: StepView): Promise<void> {
    if (s.type === 'task') {
      const outputs: Record<string, ParamValue> = {};
      for (const [k, type] of Object.entries(s.outputTypes))
        outputs[k] = type === 'date' ? PAST : type === 'number' ? 3 : `${s.id}/${k}`;
      await record(Object.values(s.parties)[0]!.roles[0]!, id, s.id, outputs);
      return;
    }
    for (const pv of Object.values(s.parties)) {
      if (pv.status !== 'pending') continue;
      const voters = pv.rule === 'all' ? pv.roles : [pv.roles[0]!];
      for (const role of voters)
        if (!pv.decisions.some((d) => d.by === role && d.round === s.round)) await approve(role, id, s.id);
    }
  }

  it.each([
    ['moc-implementation', 'jp-officer'],
    ['exercise-participation', 'ca-officer'],
    ['dialogue-modernisation', 'ca-officer'],
    ['search-and-rescue-cooperation', 'jp-coast-guard'],
  ])('%s (YAML only) runs to completion from a title alone', async (definitionId, initiator) => {
    const started = await api('POST', '/api/v1/processes', {
      as: initiator,
      body: { definitionId, title: `${definitionId} e2e` },
    });
    expect(started.status).toBe(201);
    expect(await drive(started.body.id)).toBe('completed');
    expectWellFormedTimeline(await timeline(started.body.id), 'completed');
  });
});
