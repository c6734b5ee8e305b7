import type { InboxItem, InboxWithdrawnNotice } from '../../contracts/src/http';
import type { ProcessView, StepView } from '../../contracts/src/process-view';
import type { ProcessDefinition } from '../../contracts/src/definition';
import { tradeMission } from './shipped/trade-mission';
import {
  localizeInboxItem,
  localizeProcessView,
  localizeTitled,
  localizeWithdrawnNotice,
  titleBook,
} from './view-i18n';

const step = (over: Partial<StepView>): StepView => ({
  id: 'concept-approval',
  title: 'Concept approval',
  type: 'approval',
  status: 'active',
  dueAt: null,
  startedAt: null,
  completedAt: null,
  outputs: {},
  outputTypes: {},
  parties: {},
  round: 1,
  parallel: null,
  ...over,
});

const view = (steps: StepView[]): ProcessView => ({
  id: 'process-1',
  title: 'Team Canada Trade Mission to Japan',
  definitionId: 'trade-mission',
  definitionVersion: 1,
  definitionTitle: 'Planning a trade mission',
  status: 'running',
  businessKey: null,
  initiativeId: null,
  parameters: {},
  initiator: { sub: 'ca-officer', name: 'Emily Tremblay' },
  startedAt: '2026-12-01T00:00:00.000Z',
  closedAt: null,
  outcome: null,
  lastProgressAt: '2026-12-01T00:00:00.000Z',
  dueTimesPending: false,
  steps,
});

/** The shipped definition with a Japanese name for one task output (the shipped outputs are English only). */
const withOutputName: ProcessDefinition = {
  ...tradeMission,
  steps: tradeMission.steps.map((s) =>
    s.id === 'dates-and-programme' && s.type === 'task'
      ? { ...s, outputs: { ...s.outputs, startsOn: { ...s.outputs!.startsOn!, titles: { ja: '初日' } } } }
      : s,
  ),
};

describe('views in the language asked', () => {
  const ja = titleBook(withOutputName, 'ja');

  it('names the definition, its steps and task outputs in Japanese', () => {
    const out = localizeProcessView(
      view([
        step({}),
        step({
          id: 'dates-and-programme',
          title: 'Dates and programme',
          type: 'task',
          outputsAsked: [
            { name: 'startsOn', type: 'date', title: 'First day of the mission', required: true },
          ],
          latestChangeRequest: {
            at: '2026-12-01T00:00:00.000Z',
            by: { sub: 'x', name: 'X' },
            party: 'CA',
            comment: null,
            fromStepId: 'concept-approval',
            fromStepTitle: 'Concept approval',
            round: 2,
          },
        }),
      ]),
      ja,
    );
    expect(out.definitionTitle).toBe('貿易ミッションの企画');
    expect(out.steps.map((s) => s.title)).toEqual(['構想の承認', '日程及びプログラム']);
    expect(out.steps[1]!.latestChangeRequest!.fromStepTitle).toBe('構想の承認');
    expect(out.steps[1]!.outputsAsked![0]!.title).toBe('初日');
  });

  it('keeps the title of a step the definition does not name, and English in English', () => {
    const out = localizeProcessView(view([step({ id: 'inline-step', title: 'Inline step' })]), ja);
    expect(out.steps[0]!.title).toBe('Inline step');
    const en = localizeProcessView(view([step({})]), titleBook(tradeMission, 'en'));
    expect(en.steps[0]!.title).toBe('Concept approval');
    expect(en.definitionTitle).toBe('Planning a trade mission');
  });

  it('names an inbox item, its references and a forecast basis in French', () => {
    const fr = titleBook(tradeMission, 'fr');
    const item = {
      stepId: 'concept-approval',
      stepTitle: 'Concept approval',
      definitionTitle: 'Planning a trade mission',
      asked: { decision: true, outputs: [] },
      latestChangeRequest: null,
      references: [
        { stepId: 'dates-and-programme', stepTitle: 'Dates and programme', name: 'n', value: 'v' },
      ],
    } as unknown as InboxItem;
    const out = localizeInboxItem(item, fr);
    expect(out).toMatchObject({
      stepTitle: 'Approbation du concept',
      definitionTitle: "Planification d'une mission commerciale",
      references: [{ stepTitle: 'Dates et programme' }],
    });
    expect(localizeTitled([{ stepId: 'budget-approval', title: 'Budget approval' }], fr)).toEqual([
      { stepId: 'budget-approval', title: 'Approbation du budget' },
    ]);
  });

  it('names a withdrawn notice in Japanese', () => {
    const notice = {
      stepId: 'budget-approval',
      stepTitle: 'Budget approval',
      changeRequest: { fromStepId: 'concept-approval', fromStepTitle: 'Concept approval' },
    } as unknown as InboxWithdrawnNotice;
    expect(localizeWithdrawnNotice(notice, titleBook(tradeMission, 'ja'))).toMatchObject({
      stepTitle: '予算の承認',
      changeRequest: { fromStepTitle: '構想の承認' },
    });
  });
});
