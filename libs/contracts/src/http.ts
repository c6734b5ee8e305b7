/**
 * Shapes of HTTP API answers beyond the process view, shared by the API (which builds them) and its clients
 * (the web console reads them). Types only.
 */
import type { Party } from './definition';
import type { ChangeRequestView, OutputAsked, ProcessStatus } from './process-view';

/** One field's problem in a 400 answer. `field` is a path such as `parameters.budget` or `outputs.signedOn`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The one shape of every error answer. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** An Accord error code (errors.ts) for business errors. */
  code?: string;
  details?: FieldProblem[];
  requestId?: string;
}

/** A reference recorded earlier in the process (the document under review, a note number, …). */
export interface InboxReference {
  stepId: string;
  stepTitle: string;
  name: string;
  value: string;
}

/** GET /inbox: one step awaiting the caller. */
export interface InboxItem {
  processId: string;
  processTitle: string;
  definitionId: string;
  /** The definition's title, in the language asked. */
  definitionTitle: string;
  stepId: string;
  /** In the language asked. */
  stepTitle: string;
  type: 'approval' | 'task';
  party: Party;
  /** The caller's roles (or delegated roles) that make them eligible. */
  roles: string[];
  dueAt: string | null;
  /** dueAt is counted beyond published calendar data (see StepView.dueProjected). */
  dueProjected?: boolean;
  overdue: boolean;
  round: number;
  activeSince: string | null;
  /** Set when the item is in the inbox through a delegation. */
  onBehalfOf: { sub: string; name: string } | null;
  /** What is asked: a decision (approve, reject, request-changes) or the outputs to record. */
  asked: { decision: boolean; outputs: OutputAsked[] };
  /** The latest change request that reopened the step: who asked, why, when. */
  latestChangeRequest: ChangeRequestView | null;
  /** References recorded by earlier steps (e.g. the text under review). */
  references: InboxReference[];
  /** Where to act and where to read the whole process. */
  links: { process: string; act: string };
}

/**
 * GET /inbox/withdrawn: an item that left the caller's inbox because a round restarted (a change request or
 * a rejection routed back) before they decided; listed for a bounded time after the change request.
 */
export interface InboxWithdrawnNotice {
  processId: string;
  processTitle: string;
  stepId: string;
  stepTitle: string;
  party: Party;
  /** The caller's roles (own or delegated) that were awaited. */
  roles: string[];
  /** When the item left the inbox (the change request). */
  withdrawnAt: string;
  /** Who asked for changes, why, on which step, and the round it opened. */
  changeRequest: ChangeRequestView;
  /** Listed until then, or until the step is active again (it is then back in the inbox). */
  noticeUntil: string;
  /** The above in one sentence. */
  message: string;
  links: { process: string };
}

/** GET /processes rows (and the processes of an initiative), built from search attributes alone. */
export interface ProcessSummary {
  id: string;
  title: string | null;
  definitionId: string | null;
  status: ProcessStatus;
  initiativeId: string | null;
  businessKey: string | null;
  initiator: string | null;
  awaitingParties: string[];
  currentSteps: string[];
  nextDueAt: string | null;
  lastProgressAt: string | null;
  progressPct: number | null;
  startedAt: string;
  closedAt: string | null;
}

export interface ProcessPage {
  items: ProcessSummary[];
  nextPageToken: string | null;
}

/** GET /monitoring/summary. */
export interface ProcessRollup {
  processId: string;
  title: string;
  definitionId: string;
  status: string;
  progressPct: number;
  projectedCompletion: string | null;
}

export interface PillarRollup {
  pillar: string;
  pillarTitle: string;
  processes: number;
  byStatus: Record<string, number>;
  averageProgressPct: number | null;
  /** The latest projected completion among its running processes: when the pillar's commitments are done. */
  projectedCompletion: string | null;
  projectedCompletionOf: string | null;
}

export interface InitiativeRollup {
  initiativeId: string;
  title: string;
  pillar: string;
  definitionId: string;
  averageProgressPct: number | null;
  projectedCompletion: string | null;
  processes: ProcessRollup[];
}

export interface MonitoringSummary {
  generatedAt: string;
  byStatus: Record<string, number>;
  byDefinition: Array<{ definitionId: string; title: string; running: number; total: number }>;
  byAwaitedParty: Record<string, number>;
  overdue: number;
  idle: number;
  pillars: PillarRollup[];
  initiatives: InitiativeRollup[];
  /** A bound was hit: some processes are not in the roll-up. */
  truncated: boolean;
  tookMs: number;
}
