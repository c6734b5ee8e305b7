/** The ProcessView / StepView of libs/contracts, built from state (Query results and Update answers). */
import type { OutputType, Party } from '../../libs/contracts/src/definition';
import type { PartyView, ProcessView, StepView } from '../../libs/contracts/src/process-view';
import { awaitedRolesOf, partyStatus, rolesOf, ruleOf, stepParties } from './approval';
import { nextStepIds, notApplicableBecause, waitsFor } from './outlook';
import { indexOf } from './structure';
import { dueRequests } from './timing';
import type { Engine } from './types';

export function stepView(e: Engine, id: string): StepView {
  const info = indexOf(e.def).leaves.get(id)!;
  const spec = info.spec;
  const st = e.state.steps[id]!;
  const parties: Partial<Record<Party, PartyView>> = {};
  for (const p of stepParties(spec)) {
    parties[p] = {
      roles: [...rolesOf(spec, st, p)],
      rule: ruleOf(spec, p),
      status: partyStatus(spec, st, p),
      decisions: st.decisions
        .filter((d) => d.party === p)
        .map((d) => ({
          by: d.by,
          byName: d.byName,
          onBehalfOf: d.onBehalfOf,
          decision: d.decision,
          comment: d.comment,
          at: d.at,
          role: d.role,
          round: d.round,
        })),
      awaitedRoles: awaitedRolesOf(spec, st, p),
    };
  }
  const outputTypes: Record<string, OutputType> = {};
  if (spec.type === 'task') for (const [k, o] of Object.entries(spec.outputs ?? {})) outputTypes[k] = o.type;
  const notApplicable = notApplicableBecause(e, id);
  const view: StepView & { completedBy?: unknown; dueError?: string | null } = {
    id,
    title: spec.title,
    type: spec.type,
    status: notApplicable ? 'not-applicable' : st.status,
    dueAt: st.dueAt,
    startedAt: st.startedAt,
    completedAt: st.completedAt,
    outputs: { ...st.outputs },
    outputTypes,
    parties,
    round: st.round,
    parallel: info.parallel ? { ...info.parallel } : null,
  };
  if (spec.type === 'timer') {
    view.waivable = spec.waivable !== false;
    view.waiver = st.waiver ? { ...st.waiver } : null;
  }
  if (spec.type === 'task') {
    view.completedBy = st.completedBy;
    view.outputsAsked = Object.entries(spec.outputs ?? {}).map(([name, o]) => ({
      name,
      type: o.type,
      title: o.title ?? name,
      required: o.required !== false,
    }));
  }
  view.latestChangeRequest = st.lastChangeRequest ? { ...st.lastChangeRequest } : null;
  // Until the step is active again: who lost it from their inbox when a round restarted.
  if (st.status === 'waiting' && st.withdrawnKeys?.length) view.withdrawnFrom = [...st.withdrawnKeys];
  if (notApplicable) view.notApplicableBecause = notApplicable;
  else if (st.status === 'waiting') view.waitsFor = waitsFor(e, id);
  if (st.dueError) view.dueError = st.dueError;
  if (st.dueProjected && st.dueAt) view.dueProjected = true;
  if (st.dueByParty && st.dueAt) view.dueByParty = { ...st.dueByParty };
  return view;
}

export function processView(e: Engine): ProcessView {
  const s = e.state;
  const i = s.initiator;
  return {
    id: s.processId,
    title: s.title,
    definitionId: e.def.id,
    definitionVersion: e.def.version,
    definitionTitle: e.def.title,
    status: s.status,
    businessKey: s.businessKey,
    initiativeId: s.initiativeId,
    parameters: { ...s.parameters },
    initiator: { sub: i.sub, name: i.name },
    startedAt: s.startedAt,
    closedAt: s.closedAt,
    outcome: s.outcome ? { ...s.outcome } : null,
    lastProgressAt: s.lastProgressAt,
    dueTimesPending: dueRequests(e).length > 0,
    steps: indexOf(e.def).order.map((id) => stepView(e, id)),
    nextStepIds: nextStepIds(e),
  };
}
