/** Plain view values for unit specs that work on process views without a workflow (forecast, monitoring, inbox). */
import type { StepView } from '../../libs/contracts/src/process-view';

/** An active approval step with no due time, no parties and no outputs, unless `over` says otherwise. */
export function stepView(id: string, over: Partial<StepView> = {}): StepView {
  return {
    id,
    title: id,
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
  };
}
