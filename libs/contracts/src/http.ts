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
/** A due time with its date in each party's capital (Asia/Tokyo, America/Toronto). */
export interface DatedRef {
  at: string;
  on: Partial<Record<Party, string>>;
  processId: string;
  title: string;
}

export interface ProcessRollup {
  processId: string;
  title: string;
  definitionId: string;
  status: string;
  progressPct: number;
  projectedCompletion: string | null;
  /** The projected completion as a date (`YYYY-MM-DD`). */
  projectedCompletionOn?: string | null;
  /** Agreements: the projected (or actual) entry into force as a date. */
  projectedEntryIntoForceOn?: string | null;
  /** The earliest due time of its active steps (deadline or legal wait). */
  nextDueAt?: string | null;
  /** Running with an active step past its due time. */
  overdue?: boolean;
  /** On the stuck list (overdue, idle or failing). */
  stuck?: boolean;
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
  /** The title of that process. */
  projectedCompletionOfTitle?: string | null;
  /** Running processes on the stuck list (overdue, idle or failing), and those overdue. */
  stuck?: number;
  overdue?: number;
  /** The next upcoming due time (deadline or legal wait) among its running processes. */
  nextLegalDate?: DatedRef | null;
  /** Agreements: projected entry into force, by title, soonest first. */
  entryIntoForce?: Array<{ processId: string; title: string; on: string }>;
}

export interface InitiativeRollup {
  initiativeId: string;
  title: string;
  pillar: string;
  definitionId: string;
  averageProgressPct: number | null;
  projectedCompletion: string | null;
  processes: ProcessRollup[];
  byStatus?: Record<string, number>;
  stuck?: number;
  overdue?: number;
  nextLegalDate?: DatedRef | null;
  /** Agreements: the latest projected entry into force among its processes, as a date. */
  projectedEntryIntoForceOn?: string | null;
}

/** GET /monitoring/at-risk: a running process due soon or projected to finish after a target date. */
export interface AtRiskItem {
  processId: string;
  title: string;
  initiativeId: string | null;
  definitionId: string;
  reasons: Array<'due-soon' | 'forecast-late'>;
  /** Active steps due within the window, soonest first. */
  dueSoon: Array<{ stepId: string; stepTitle: string; dueAt: string; on: Partial<Record<Party, string>> }>;
  /** With a target: what the forecast projects (entry into force for agreements, else completion). */
  forecast: {
    what: 'entry-into-force' | 'completion';
    on: string;
    target: string;
    lateByDays: number;
  } | null;
  /** The above in one sentence. */
  detail: string;
}

export interface MonitoringSummary {
  generatedAt: string;
  byStatus: Record<string, number>;
  byDefinition: Array<{ definitionId: string; title: string; running: number; total: number }>;
  byAwaitedParty: Record<string, number>;
  overdue: number;
  idle: number;
  pillars: PillarRollup[];
  /** Processes not linked to a roadmap initiative (counted under no pillar). */
  withoutInitiative?: PillarRollup;
  initiatives: InitiativeRollup[];
  /** A bound was hit: some processes are not in the roll-up. */
  truncated: boolean;
  tookMs: number;
}
