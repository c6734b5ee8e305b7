/**
 * Who reads what. A joint process is visible to both parties, but a step the definition marks `internal`
 * (one party's legal examination, its Cabinet decision) keeps its comments and outputs within that party
 * (its officials and coordinators): for a reader of the other party, the view and the timeline carry the
 * step's status, dates and who acted, not what they wrote. Pure: the definition and the reader are inputs,
 * so every read path (view, step answer, timeline, inbox) filters the same way.
 */
import type { Party, ProcessDefinition, StepSpec } from '../../contracts/src/definition';
import type { Principal } from '../../contracts/src/principal';
import type {
  ChangeRequestView,
  ProcessView,
  StepView,
  TimelineEntry,
} from '../../contracts/src/process-view';

/** Step id → the party a step is internal to. */
export type InternalSteps = ReadonlyMap<string, Party>;

export const NO_INTERNAL_STEPS: InternalSteps = new Map();

/** The steps of a definition marked `internal` (each has exactly one party: the validator checks it). */
export function internalStepsOf(def: ProcessDefinition | undefined): InternalSteps {
  const out = new Map<string, Party>();
  const walk = (steps: StepSpec[]) => {
    for (const s of steps) {
      if (s.type === 'parallel') for (const b of s.branches) walk(b.steps);
      else if ((s.type === 'approval' || s.type === 'task') && s.internal) {
        const [party] = Object.keys(s.parties) as Party[];
        if (party) out.set(s.id, party);
      }
    }
  };
  if (def) walk(def.steps);
  return out;
}

/** The party `stepId` is internal to, when `reader` is not of it; else null (the reader sees everything). */
function hiddenFrom(reader: Principal, internal: InternalSteps, stepId: string | null): Party | null {
  if (!stepId) return null;
  const party = internal.get(stepId);
  return party && party !== reader.party ? party : null;
}

function changeRequestFor(
  reader: Principal,
  internal: InternalSteps,
  cr: ChangeRequestView | null | undefined,
): ChangeRequestView | null | undefined {
  if (!cr || !hiddenFrom(reader, internal, cr.fromStepId)) return cr;
  return { ...cr, comment: null };
}

export function stepFor(reader: Principal, internal: InternalSteps, step: StepView): StepView {
  const latestChangeRequest = changeRequestFor(reader, internal, step.latestChangeRequest);
  const party = hiddenFrom(reader, internal, step.id);
  if (!party)
    return latestChangeRequest === step.latestChangeRequest ? step : { ...step, latestChangeRequest };
  const parties: StepView['parties'] = {};
  for (const [p, pv] of Object.entries(step.parties) as Array<
    [Party, NonNullable<StepView['parties'][Party]>]
  >)
    parties[p] = { ...pv, decisions: pv.decisions.map((d) => ({ ...d, comment: null })) };
  return { ...step, outputs: {}, parties, latestChangeRequest, internalTo: party };
}

/**
 * Whether an answer about `step` alone (a decision's, a completion's) can be scoped without the definition:
 * the caller acts on a step of their own party or a joint one, so only a change request sent back from
 * another step may carry what another party's internal step wrote.
 */
export function stepAnswerNeedsScope(step: StepView): boolean {
  const cr = step.latestChangeRequest;
  return Boolean(cr && cr.comment !== null && cr.fromStepId !== step.id);
}

/** The step without the comment of its latest change request: when the definition could not be read. */
export function withoutChangeRequestComment(step: StepView): StepView {
  const cr = step.latestChangeRequest;
  return cr ? { ...step, latestChangeRequest: { ...cr, comment: null } } : step;
}

export function viewFor(reader: Principal, internal: InternalSteps, view: ProcessView): ProcessView {
  if (!internal.size) return view;
  const outcome =
    view.outcome && hiddenFrom(reader, internal, view.outcome.stepId)
      ? { ...view.outcome, reason: null }
      : view.outcome;
  return { ...view, outcome, steps: view.steps.map((s) => stepFor(reader, internal, s)) };
}

/** Timeline entries: on another party's internal step, no comment, no data, and no reason in the detail. */
export function timelineFor(
  reader: Principal,
  internal: InternalSteps,
  entries: TimelineEntry[],
): TimelineEntry[] {
  if (!internal.size) return entries;
  return entries.map((e) => {
    const party = hiddenFrom(reader, internal, e.stepId);
    if (!party) return e;
    const { comment: _comment, data: _data, ...rest } = e;
    const closing = e.kind === 'rejected' || e.kind === 'completed' || e.kind === 'cancelled';
    const detail = closing ? e.detail.replace(/:.*$/s, ` (the reason is internal to ${party})`) : e.detail;
    return { ...rest, detail, ...(e.comment !== undefined ? { comment: null } : {}) };
  });
}
