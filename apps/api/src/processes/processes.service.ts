/**
 * Process use cases over Temporal: start (atomic business-key uniqueness via the workflow id), list
 * (visibility), read (Queries) and act (Updates). Authorisation of actions lives in the workflow's Update
 * validators; the API only establishes who is acting (own roles or a delegation).
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  type Client,
} from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import {
  cancelUpdate,
  completeUpdate,
  decideUpdate,
  moveDeadlineUpdate,
  PROCESS_WORKFLOW_TYPE,
  startedUpdate,
  stateQuery,
  waiveTimerUpdate,
  type ProcessInput,
} from '../../../../libs/contracts/src/messages';
import { calendarChangedSignal, type Chamber } from '../../../../libs/contracts/src/calendar-events';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView, StartNote, StepView } from '../../../../libs/contracts/src/process-view';
import { initialSearchAttributes, SA, startMetadata } from '../../../../libs/contracts/src/search-attributes';
import type { ParamValue, Party } from '../../../../libs/contracts/src/definition';
import { assertCoordinator } from '../monitoring/coordinator';
import { DATE_ONLY, readDueAt } from './due-input';
import { PROCESS_ID_PREFIX } from '../../../../libs/contracts/src/task-queue';
import { readTimelinePage, type TimelineSlice } from '../../../../libs/temporal/src/timeline';
import { ApiError, badRequest } from '../common/api-error';
import { ACCORD_CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import { QUERY_TIMEOUT_MS, TemporalGateway } from '../temporal/temporal-gateway';
import { updateIdOf } from '../common/update-id';
import { assertProcessId, mapQueryError } from '../common/temporal-errors';
import { Catalogue } from '../definitions/catalogue';
import { DelegationsStore } from '../delegations/delegations.store';
import { MetricsService } from '../metrics/metrics.service';
import { actingPrincipalFor } from './acting-principal';
import { FIRST_SETTLE, type FirstSettle } from './first-settle';
import type { CompletionDto, DecisionDto, MoveDeadlineDto, ReasonDto, WaiverDto } from './dto/actions.dto';
import type { ListProcessesQuery } from './dto/list-processes.query';
import type { StartProcessDto } from './dto/start-process.dto';
import { listUsers } from '../../../../libs/directory/src/directory';
import { awaitedRoles } from '../../../../libs/directory/src/who-acts';
import { stepForPeople, viewForPeople, type People } from './people-view';
import {
  internalStepsOf,
  stepAnswerNeedsScope,
  stepFor,
  withoutChangeRequestComment,
  timelineFor,
  viewFor,
  type InternalSteps,
} from '../../../../libs/directory/src/read-scope';
import { summaryOf, type ProcessSummary } from './process-summary';
import { PROCESSES, quote } from './visibility';
import type { Lang } from '../../../../libs/contracts/src/i18n';
import { localizeProcessView, localizeTitled } from '../../../../libs/definitions/src/view-i18n';
import type { Forecast } from '../../../../libs/forecast/src/types';

/** Business keys map onto workflow ids, so "already used" is decided atomically by Temporal. */
export const BUSINESS_KEY_ID_PREFIX = `${PROCESS_ID_PREFIX}bk-`;

/** How long POST /processes waits for the first state of a new process before answering without steps. */
const START_VIEW_TIMEOUT_MS = 10_000;

@Injectable()
export class ProcessesService {
  private readonly logger = new Logger(ProcessesService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly gateway: TemporalGateway,
    @Inject(ACCORD_CONFIG) private readonly config: AccordConfig,
    private readonly catalogue: Catalogue,
    private readonly delegations: DelegationsStore,
    private readonly metrics: MetricsService,
    @Inject(FIRST_SETTLE) private readonly firstSettle: FirstSettle,
  ) {}

  /** `shown`, when given, has the view for people as soon as it is known (possibly before the start ends). */
  async start(
    caller: Principal,
    dto: StartProcessDto,
    lang?: Lang,
    shown?: (view: ProcessView) => void,
  ): Promise<{ view: ProcessView; note: StartNote }> {
    const initiatives = this.catalogue.listInitiatives();
    const initiative = dto.initiativeId ? initiatives.find((i) => i.id === dto.initiativeId) : undefined;
    if (dto.initiativeId && !initiative) {
      throw badRequest([
        {
          field: 'initiativeId',
          message: `unknown initiative "${dto.initiativeId}" (see GET /api/v1/initiatives)`,
        },
      ]);
    }
    const definitionId = dto.definitionId ?? initiative!.definitionId;
    const definition = this.catalogue.getDefinition(definitionId, dto.definitionVersion);
    if (!definition && dto.definitionVersion !== undefined && this.catalogue.getDefinition(definitionId)) {
      throw badRequest([
        {
          field: 'definitionVersion',
          message: `"${definitionId}" has no version ${dto.definitionVersion} (see GET /api/v1/definitions/${definitionId}/versions)`,
        },
      ]);
    }
    if (!definition) {
      throw badRequest([
        {
          field: 'definitionId',
          message: `unknown definition "${definitionId}" (see GET /api/v1/definitions)`,
        },
      ]);
    }
    if (initiative && initiative.definitionId !== definition.id) {
      throw badRequest([
        {
          field: 'initiativeId',
          message: `initiative "${initiative.id}" uses definition "${initiative.definitionId}", not "${definition.id}" (leave definitionId out to use it)`,
        },
      ]);
    }
    if (!caller.roles.some((r) => definition.initiatorRoles.includes(r))) {
      throw new ApiError(
        403,
        `Starting "${definition.id}" needs one of the roles ${definition.initiatorRoles.join(', ')}`,
        undefined,
        'NOT_ELIGIBLE',
      );
    }
    let initiativeId: string | null = initiative?.id ?? null;
    // The initiative's known facts (e.g. a signature date); the caller may override any of them.
    // Only the parameters the chosen version declares (an older version may not know a newer one's).
    const initiativeDefaults: Record<string, ParamValue> = Object.fromEntries(
      Object.entries(initiative?.defaultParameters ?? {}).filter(([k]) => k in definition.parameters),
    );
    if (!initiative) {
      // The one initiative run with this definition, if unambiguous.
      const candidates = initiatives.filter((i) => i.definitionId === definition.id);
      if (candidates.length === 1) initiativeId = candidates[0]!.id;
    }
    const params = this.catalogue.validateParameters(definition, {
      ...initiativeDefaults,
      ...(dto.parameters ?? {}),
    });
    if (!params.ok) throw badRequest(params.errors);
    if (initiative && !dto.allowDuplicate) await this.refuseDuplicate(initiative.id);
    const overridden = Object.keys(dto.parameters ?? {}).filter((k) => k in initiativeDefaults);
    const note: StartNote = {
      initiativeId,
      initiativeTitle: initiatives.find((i) => i.id === initiativeId)?.title ?? null,
      definitionId: definition.id,
      parametersFromInitiative: initiative ? initiativeDefaults : {},
      parametersOverridden: overridden,
      message: initiative
        ? `Started from the initiative "${initiative.title}" (${initiative.id}) with its definition ` +
          `${definition.id} v${definition.version} and its parameters ` +
          (Object.entries(initiativeDefaults)
            .filter(([k]) => !overridden.includes(k))
            .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
            .join(', ') || 'none') +
          (overridden.length ? `; yours replaced ${overridden.join(', ')}` : '') +
          '.'
        : `Started with definition ${definition.id} v${definition.version}` +
          (initiativeId ? `, filed under its one initiative "${initiativeId}".` : '.'),
    };
    const title = (dto.title ?? initiative!.title).trim();

    const processId = dto.businessKey
      ? `${BUSINESS_KEY_ID_PREFIX}${dto.businessKey}`
      : `${PROCESS_ID_PREFIX}${randomUUID()}`;
    const input: ProcessInput = {
      processId,
      title,
      definition,
      parameters: params.values,
      businessKey: dto.businessKey ?? null,
      initiativeId,
      initiator: {
        sub: caller.sub,
        name: caller.name,
        party: caller.party,
        org: caller.org,
        roles: caller.roles,
      },
      limits: { maxRounds: this.config.limits.maxRounds },
    };
    const now = new Date();
    let settled: ProcessView | null;
    // The view for people, made beside the start when the view is known before it. Its holders are named
    // without their delegates, as in the answer to any action: a start waits on no one else's delegation
    // store (GET /processes/{id} names the delegates).
    let early: Promise<ProcessView> | undefined;
    const showEarly = (view: ProcessView) => {
      early = this.forPeople(view, caller, lang, false).then((v) => (shown?.(v), v));
      early.catch(() => undefined); // awaited below, or abandoned when the start fails
    };
    try {
      settled = await this.startSettled(input, now, showEarly);
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw new ApiError(
          409,
          `businessKey "${dto.businessKey}" is already used by another process`,
          [{ field: 'businessKey', message: 'already used' }],
          'CONFLICT',
        );
      }
      throw err;
    }
    this.metrics.processStarted(definition.id);
    try {
      if (!settled) throw new Error(`no worker answered in ${START_VIEW_TIMEOUT_MS} ms`);
      if (early) return { view: await early, note };
      const view = await this.forPeople(settled, caller, lang, false);
      shown?.(view);
      return { view, note };
    } catch (err) {
      // Started, but no worker has answered yet: the initial view (steps appear once the worker runs it).
      this.logger.warn(`state of ${processId} not available right after start: ${(err as Error).message}`);
      const at = now.toISOString();
      const view: ProcessView = {
        id: processId,
        title: input.title,
        definitionId: definition.id,
        definitionVersion: definition.version,
        definitionTitle: lang
          ? (this.catalogue.titleBook(definition.id, definition.version, lang)?.definition ??
            definition.title)
          : definition.title,
        status: 'running',
        businessKey: input.businessKey ?? null,
        initiativeId,
        parameters: input.parameters,
        initiator: { sub: caller.sub, name: caller.name },
        startedAt: at,
        closedAt: null,
        outcome: null,
        lastProgressAt: at,
        dueTimesPending: true,
        steps: [],
      };
      return { view, note };
    }
  }

  /** One running process per initiative unless the caller says otherwise: 409 naming the first one. */
  private async refuseDuplicate(initiativeId: string): Promise<void> {
    const query = `${PROCESSES} AND ExecutionStatus = 'Running' AND ${SA.initiative.name} = ${quote(initiativeId)}`;
    const page = await this.gateway.list(query, 1);
    const first = page.items[0];
    if (!first) return;
    const title = first.typedSearchAttributes.get(SA.title) ?? first.workflowId;
    throw new ApiError(
      409,
      `A process for initiative "${initiativeId}" is already running: "${title}" (${first.workflowId}, ` +
        `GET /api/v1/processes/${first.workflowId}); send allowDuplicate: true to start another`,
      [
        {
          field: 'allowDuplicate',
          message: `a process for "${initiativeId}" is running: ${first.workflowId}`,
        },
      ],
      'CONFLICT',
    );
  }

  /**
   * Starts the process and returns its first settled view (steps active, due times computed) after one
   * plain start: the API settles it itself (first-settle.ts) and hands the due times to the workflow,
   * which settles to the same view from them (`beforeStart` has it once the start is sent). When they
   * cannot be computed here, update-with-start of the read-only `started` Update, which the workflow
   * answers once it computed them; null when no worker answered that in time (the process is started all
   * the same; its steps appear once a worker runs it).
   */
  private async startSettled(
    input: ProcessInput,
    now: Date,
    beforeStart: (view: ProcessView) => void,
  ): Promise<ProcessView | null> {
    const first = await this.firstSettle.of(input, now).catch((err: Error) => {
      this.logger.warn(`first due times of ${input.processId} left to the workflow: ${err.message}`);
      return null;
    });
    if (first) {
      const starting = this.client.workflow.start(PROCESS_WORKFLOW_TYPE, {
        taskQueue: this.config.taskQueue,
        workflowId: input.processId,
        args: [{ ...input, firstDues: first.firstDues }],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: first.searchAttributes,
        memo: first.memo,
        ...startMetadata(input),
      });
      // The view for people and the forecast are made beside the start, not ahead of it: on the next turn
      // of the event loop, once the start's request is on its way (its signing and encoding run in promise
      // continuations, which their CPU work would otherwise hold back).
      setImmediate(() => beforeStart(first.view));
      await starting;
      if (first.changedSince) this.tellIfCalendarsChanged(input.processId, first.changedSince);
      return first.view;
    }
    const start = new WithStartWorkflowOperation(PROCESS_WORKFLOW_TYPE, {
      taskQueue: this.config.taskQueue,
      workflowId: input.processId,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: initialSearchAttributes(input, now),
      ...startMetadata(input),
    });
    const answer = this.client.workflow.executeUpdateWithStart(startedUpdate, {
      startWorkflowOperation: start,
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>(
      (resolve) => (timer = setTimeout(() => resolve(null), START_VIEW_TIMEOUT_MS)),
    );
    try {
      const view = await Promise.race([answer, late]);
      if (view) return view;
    } finally {
      clearTimeout(timer);
    }
    // No answer yet: the Update stays admitted and is answered when a worker comes (nobody waits for it).
    answer.catch(() => undefined);
    // The start itself is known once the server acknowledged it (a failed start throws here).
    await start.workflowHandle();
    return null;
  }

  /** In the background: a calendar change recorded while the process started is told to it too. */
  private tellIfCalendarsChanged(id: string, changedSince: () => Promise<Chamber[]>): void {
    changedSince()
      .then((chambers) =>
        Promise.all(
          chambers.map((chamber) =>
            this.client.workflow.getHandle(id).signal(calendarChangedSignal, { chamber }),
          ),
        ),
      )
      .catch((err: Error) =>
        this.logger.warn(`calendar events not checked again after starting ${id}: ${err.message}`),
      );
  }

  async list(query: ListProcessesQuery): Promise<{ items: ProcessSummary[]; nextPageToken: string | null }> {
    const clauses = [PROCESSES];
    if (query.status === 'running') clauses.push(`ExecutionStatus = 'Running'`);
    else if (query.status === 'failed') {
      clauses.push(`(AccordStatus = 'failed' OR ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut'))`);
    } else if (query.status) clauses.push(`AccordStatus = ${quote(query.status)}`);
    if (query.definitionId) clauses.push(`AccordDefinitionId = ${quote(query.definitionId)}`);
    if (query.awaitingParty) {
      clauses.push(`AccordAwaitingParties = ${quote(query.awaitingParty)}`, `ExecutionStatus = 'Running'`);
    }
    if (query.initiativeId) clauses.push(`${SA.initiative.name} = ${quote(query.initiativeId)}`);
    if (query.pillar) {
      // A pillar is the roadmap's: the processes of its initiatives (a process with no initiative has none,
      // whatever its definition's pillar).
      const ids = this.catalogue
        .listInitiatives()
        .filter((i) => i.pillar === query.pillar)
        .map((i) => quote(i.id));
      if (!ids.length) return { items: [], nextPageToken: null };
      clauses.push(`${SA.initiative.name} IN (${ids.join(', ')})`);
    }
    if (query.awaitingRole) {
      clauses.push(`${SA.awaitingRoles.name} = ${quote(query.awaitingRole)}`, `ExecutionStatus = 'Running'`);
    }
    // "Due before now" moves with the clock: page tokens are bound to the listing without it.
    const scope = clauses.join(' AND ') + (query.overdue === 'true' ? ' AND overdue' : '');
    if (query.overdue === 'true') {
      clauses.push(
        `ExecutionStatus = 'Running'`,
        `${SA.nextDueAt.name} < ${quote(new Date().toISOString())}`,
      );
    }
    const page = await this.gateway.list(clauses.join(' AND '), query.pageSize ?? 20, query.pageToken, scope);
    return { items: page.items.map(summaryOf), nextPageToken: page.nextPageToken };
  }

  /** The engine's view as it is (for code that reads it: forecasts, monitoring, acting-principal checks). */
  get(id: string): Promise<ProcessView> {
    return this.gateway.query(id, stateQuery);
  }

  /**
   * The view for people: holders by name, local due dates, the "now / next / waiting on" summary; what the
   * reader's party may not read (another party's internal steps) left out; the names in `lang` (a definition
   * outside the catalogue keeps its own).
   */
  async read(id: string, reader: Principal, lang?: Lang): Promise<ProcessView> {
    return this.forPeople(await this.get(id), reader, lang);
  }

  /** The steps of the view's definition that are internal to one party (read-scope.ts). */
  private internalSteps(view: Pick<ProcessView, 'definitionId' | 'definitionVersion'>): InternalSteps {
    return internalStepsOf(this.catalogue.getDefinition(view.definitionId, view.definitionVersion));
  }

  /** The view with the names of its definition in `lang` (the engine keeps the English titles). */
  inLang<V extends ProcessView>(view: V, lang: Lang): V {
    const book = this.catalogue.titleBook(view.definitionId, view.definitionVersion, lang);
    return book ? localizeProcessView(view, book) : view;
  }

  /** A forecast's step names in `lang`. */
  forecastInLang(forecast: Forecast | null, view: ProcessView, lang: Lang): Forecast | null {
    const book = this.catalogue.titleBook(view.definitionId, view.definitionVersion, lang);
    return forecast && book ? { ...forecast, basis: localizeTitled(forecast.basis, book) } : forecast;
  }

  /**
   * Directory users, and the delegations given by the people who hold a role awaited on these steps (the
   * only delegates a view names): one small store per such person, read in parallel with a deadline. A
   * store that does not answer only means no delegates shown. Without delegates: no read at all.
   */
  private async people(steps: StepView[], withDelegates = true): Promise<People> {
    const users = listUsers();
    if (!withDelegates) return { users, delegations: [] };
    const holders = users.filter((u) =>
      steps.some((s) => awaitedRoles(s, u.party).some((r) => u.roles.includes(r))),
    );
    const given = await Promise.all(holders.map((u) => this.delegations.given(u.id).catch(() => [])));
    return { users, delegations: given.flat() };
  }

  /** `withDelegates`: false names the holders from the directory alone (no read of their delegation stores). */
  async forPeople(
    view: ProcessView,
    reader: Principal,
    lang?: Lang,
    withDelegates = true,
  ): Promise<ProcessView> {
    const named = lang ? this.inLang(view, lang) : view;
    const people = await this.people(view.steps, withDelegates);
    return viewFor(reader, this.internalSteps(view), viewForPeople(named, people));
  }

  /**
   * The answer to an action on one step, for `caller`: its holders named from the directory (the delegates
   * among them are in GET /processes/{id}: an action waits on no read of anyone's delegations besides the
   * caller's own), and a change request sent back from another party's internal step keeps its comment
   * within that party (read-scope.ts). The definition is read only then (a rare case); if it cannot be
   * read, the comment is left out rather than shown.
   */
  private async stepAnswer(caller: Principal, id: string, step: StepView): Promise<StepView> {
    let scoped = step;
    if (stepAnswerNeedsScope(step)) {
      scoped = await this.get(id).then(
        (view) => stepFor(caller, this.internalSteps(view), step),
        () => withoutChangeRequestComment(step),
      );
    }
    return stepForPeople(scoped, await this.people([scoped], false));
  }

  /**
   * One page of the timeline, oldest first; `from` counts entries over the whole process (every run). The
   * view is read beside it for its definition: what the reader's party may not read is left out.
   */
  async timeline(id: string, reader: Principal, from = 0, limit = 100): Promise<TimelineSlice> {
    assertProcessId(id);
    try {
      const [page, view] = await this.client.connection.withDeadline(Date.now() + QUERY_TIMEOUT_MS, () =>
        Promise.all([readTimelinePage(this.client, id, from, limit), this.get(id)]),
      );
      return { ...page, entries: timelineFor(reader, this.internalSteps(view), page.entries) };
    } catch (err) {
      return mapQueryError(id, err);
    }
  }

  decide(caller: Principal, id: string, stepId: string, dto: DecisionDto): Promise<StepView> {
    return this.metrics.countDecision(dto.decision, async () => {
      const principal = await this.actingPrincipal(caller, id, stepId);
      const requestId = dto.requestId;
      const step = await this.gateway.update(
        id,
        decideUpdate,
        { principal, requestId, stepId, decision: dto.decision, comment: dto.comment ?? null },
        updateIdOf(caller, decideUpdate.name, stepId, requestId),
      );
      return this.stepAnswer(caller, id, step);
    });
  }

  complete(caller: Principal, id: string, stepId: string, dto: CompletionDto): Promise<StepView> {
    return this.metrics.countCompletion(async () => {
      const principal = await this.actingPrincipal(caller, id, stepId);
      const requestId = dto.requestId;
      const step = await this.gateway.update(
        id,
        completeUpdate,
        { principal, requestId, stepId, outputs: dto.outputs, comment: dto.comment ?? null },
        updateIdOf(caller, completeUpdate.name, stepId, requestId),
      );
      return this.stepAnswer(caller, id, step);
    });
  }

  async cancel(caller: Principal, id: string, dto: ReasonDto, lang?: Lang): Promise<ProcessView> {
    const requestId = dto.requestId;
    const view = await this.gateway.update(
      id,
      cancelUpdate,
      { principal: caller, requestId, reason: dto.reason },
      updateIdOf(caller, cancelUpdate.name, null, requestId),
    );
    return this.forPeople(view, caller, lang);
  }

  /**
   * A date alone means the end of that day in the capital of the step's party (of the caller's party when the
   * step is joint); a time already past is refused. The answer says how the value was read.
   */
  async moveDeadline(
    caller: Principal,
    id: string,
    stepId: string,
    dto: MoveDeadlineDto,
  ): Promise<StepView & { dueAtMeaning: string }> {
    assertCoordinator(caller);
    const party = DATE_ONLY.test(dto.dueAt) ? await this.partyOf(id, stepId, caller.party) : caller.party;
    const due = readDueAt(dto.dueAt, party, Date.now());
    if ('problem' in due) throw badRequest([due.problem]);
    const requestId = dto.requestId;
    const step = await this.gateway.update(
      id,
      moveDeadlineUpdate,
      { principal: caller, requestId, stepId, dueAt: due.dueAt, reason: dto.reason },
      updateIdOf(caller, moveDeadlineUpdate.name, stepId, requestId),
    );
    return { ...(await this.stepAnswer(caller, id, step)), dueAtMeaning: due.meaning };
  }

  /** The step's only party, else `fallback` (a joint step, or a step id the engine will refuse). */
  private async partyOf(id: string, stepId: string, fallback: Party): Promise<Party> {
    const step = (await this.get(id)).steps.find((s) => s.id === stepId);
    const parties = Object.keys(step?.parties ?? {}) as Party[];
    return parties.length === 1 ? parties[0]! : fallback;
  }

  async waive(caller: Principal, id: string, stepId: string, dto: WaiverDto): Promise<StepView> {
    const requestId = dto.requestId;
    const step = await this.gateway.update(
      id,
      waiveTimerUpdate,
      { principal: caller, requestId, stepId, reason: dto.reason, authority: dto.authority ?? null },
      updateIdOf(caller, waiveTimerUpdate.name, stepId, requestId),
    );
    return this.stepAnswer(caller, id, step);
  }

  /**
   * The caller, or the caller acting for a delegator: only looked up when the caller holds a delegation,
   * so the common path costs no extra Query.
   */
  private async actingPrincipal(caller: Principal, id: string, stepId: string) {
    const delegations = await this.delegations.toPerson(caller.sub, caller.party);
    if (!delegations.length) return caller;
    const view = await this.get(id);
    return actingPrincipalFor(
      caller,
      view.steps.find((s) => s.id === stepId),
      delegations,
    );
  }
}
