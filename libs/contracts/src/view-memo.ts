/**
 * What the inbox and the stuck finder read of a process, kept by the workflow in its memo (`VIEW_MEMO`) next
 * to the search attributes it upserts in the same workflow task, so a visibility listing answers them without
 * a Query per process. It is the process view cut down to what an inbox item shows and what whoActs
 * (libs/directory/src/who-acts.ts) decides from, and what overdue/idle classification reads: the active steps
 * (their awaited roles, due times and the current round's decisions, without comments) and the completed
 * steps' `reference` outputs. Pure (also runs in the workflow sandbox); bounded by the definition's steps
 * and parties.
 */
import type { ProcessView, StepView } from './process-view';

/** The memo field; its value is a `ProcessView` as cut by `memoViewOf`. */
export const VIEW_MEMO = 'accordView';

/** Active, or awaiting someone (the engine awaits roles on active steps only; both, to be safe). */
function isCurrent(step: StepView): boolean {
  return (
    step.status === 'active' || Object.values(step.parties).some((p) => (p?.awaitedRoles.length ?? 0) > 0)
  );
}

/** The current step with what an inbox item shows and the current round's decisions (who, not why). */
function currentStep(step: StepView): StepView {
  const parties: StepView['parties'] = {};
  for (const [party, pv] of Object.entries(step.parties) as Array<
    [keyof StepView['parties'], NonNullable<StepView['parties'][keyof StepView['parties']]>]
  >) {
    parties[party] = {
      roles: pv.roles,
      rule: pv.rule,
      status: pv.status,
      awaitedRoles: pv.awaitedRoles,
      decisions: pv.decisions.filter((d) => d.round === step.round).map((d) => ({ ...d, comment: null })),
    };
  }
  return {
    ...step,
    outputs: {},
    outputTypes: {},
    parties,
    ...(step.latestChangeRequest !== undefined ? { latestChangeRequest: step.latestChangeRequest } : {}),
    withdrawnFrom: undefined,
    waitsFor: undefined,
  };
}

/** A completed step reduced to its `reference` outputs (what an inbox item lists as references). */
function referenceStep(step: StepView): StepView | null {
  const outputTypes: StepView['outputTypes'] = {};
  const outputs: StepView['outputs'] = {};
  for (const [name, type] of Object.entries(step.outputTypes ?? {})) {
    if (type !== 'reference' || typeof step.outputs?.[name] !== 'string') continue;
    outputTypes[name] = type;
    outputs[name] = step.outputs[name]!;
  }
  if (!Object.keys(outputs).length) return null;
  return { ...step, parties: {}, outputs, outputTypes, latestChangeRequest: null };
}

/** The view the inbox and stuck need, from the full one (the same type: their rules run on it unchanged). */
export function memoViewOf(view: ProcessView): ProcessView {
  const steps: StepView[] = [];
  for (const s of view.steps) {
    if (isCurrent(s)) steps.push(currentStep(s));
    else if (s.status === 'completed') {
      const r = referenceStep(s);
      if (r) steps.push(r);
    }
  }
  return {
    id: view.id,
    title: view.title,
    definitionId: view.definitionId,
    definitionVersion: view.definitionVersion,
    definitionTitle: view.definitionTitle,
    status: view.status,
    businessKey: view.businessKey,
    initiativeId: view.initiativeId,
    parameters: {},
    initiator: view.initiator,
    startedAt: view.startedAt,
    closedAt: view.closedAt,
    outcome: null,
    lastProgressAt: view.lastProgressAt,
    dueTimesPending: view.dueTimesPending,
    steps,
  };
}
