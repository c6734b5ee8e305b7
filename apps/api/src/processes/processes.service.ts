/**
 * Process use cases over Temporal: start (atomic business-key uniqueness via the workflow id), list
 * (visibility), read (Queries) and act (Updates). Authorisation of actions lives in the workflow's Update
 * validators; the API only establishes who is acting (own roles or a delegation).
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import {
  cancelUpdate,
  completeUpdate,
  decideUpdate,
  moveDeadlineUpdate,
  PROCESS_WORKFLOW_TYPE,
  stateQuery,
  waiveTimerUpdate,
  type ProcessInput,
} from '../../../../libs/contracts/src/messages';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView, StepView } from '../../../../libs/contracts/src/process-view';
import { initialSearchAttributes } from '../../../../libs/contracts/src/search-attributes';
import { PROCESS_ID_PREFIX } from '../../../../libs/contracts/src/task-queue';
import { readTimelinePage, type TimelineSlice } from '../../../../libs/temporal/src/timeline';
import { ApiError, badRequest } from '../common/api-error';
import { assertProcessId, mapQueryError, mapUpdateError } from '../common/temporal-errors';
import { ACCORD_CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import { updateIdOf } from '../common/update-id';
import { Catalogue } from '../definitions/catalogue';
import { DelegationsStore } from '../delegations/delegations.store';
import { MetricsService } from '../metrics/metrics.service';
import { actingPrincipalFor } from './acting-principal';
import type { CompletionDto, DecisionDto, MoveDeadlineDto, ReasonDto, WaiverDto } from './dto/actions.dto';
import type { ListProcessesQuery } from './dto/list-processes.query';
import type { StartProcessDto } from './dto/start-process.dto';
import { listUsers } from '../../../../libs/directory/src/directory';
import { stepForPeople, viewForPeople, type People } from './people-view';
import { summaryOf, type ProcessSummary } from './process-summary';
import { listPage, PROCESSES, quote } from './visibility';

/** Business keys map onto workflow ids, so "already used" is decided atomically by Temporal. */
export const BUSINESS_KEY_ID_PREFIX = `${PROCESS_ID_PREFIX}bk-`;

/** Queries need a worker; without one, answer 503 after this long rather than hold the request. */
const QUERY_TIMEOUT_MS = 10_000;

/** How long POST /processes waits for the first state of a new process before answering without steps. */
const START_VIEW_TIMEOUT_MS = 10_000;
const START_VIEW_POLL_MS = 25;

@Injectable()
export class ProcessesService {
  private readonly logger = new Logger(ProcessesService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(ACCORD_CONFIG) private readonly config: AccordConfig,
    private readonly catalogue: Catalogue,
    private readonly delegations: DelegationsStore,
    private readonly metrics: MetricsService,
  ) {}

  async start(caller: Principal, dto: StartProcessDto): Promise<ProcessView> {
    const definition = this.catalogue.getDefinition(dto.definitionId, dto.definitionVersion);
    if (
      !definition &&
      dto.definitionVersion !== undefined &&
      this.catalogue.getDefinition(dto.definitionId)
    ) {
      throw badRequest([
        {
          field: 'definitionVersion',
          message: `"${dto.definitionId}" has no version ${dto.definitionVersion} (see GET /api/v1/definitions/${dto.definitionId}/versions)`,
        },
      ]);
    }
    if (!definition) {
      throw badRequest([
        {
          field: 'definitionId',
          message: `unknown definition "${dto.definitionId}" (see GET /api/v1/definitions)`,
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
    const initiatives = this.catalogue.listInitiatives();
    let initiativeId: string | null = dto.initiativeId ?? null;
    let initiativeDefaults: Record<string, unknown> = {};
    if (initiativeId) {
      const initiative = initiatives.find((i) => i.id === initiativeId);
      if (!initiative)
        throw badRequest([{ field: 'initiativeId', message: `unknown initiative "${initiativeId}"` }]);
      if (initiative.definitionId !== definition.id) {
        throw badRequest([
          {
            field: 'initiativeId',
            message: `initiative "${initiativeId}" uses definition "${initiative.definitionId}"`,
          },
        ]);
      }
      // The initiative's known facts (e.g. a signature date); the caller may override any of them.
      // Only the parameters the chosen version declares (an older version may not know a newer one's).
      initiativeDefaults = Object.fromEntries(
        Object.entries(initiative.defaultParameters).filter(([k]) => k in definition.parameters),
      );
    } else {
      // The one initiative run with this definition, if unambiguous.
      const candidates = initiatives.filter((i) => i.definitionId === definition.id);
      if (candidates.length === 1) initiativeId = candidates[0]!.id;
    }
    const params = this.catalogue.validateParameters(definition, {
      ...initiativeDefaults,
      ...(dto.parameters ?? {}),
    });
    if (!params.ok) throw badRequest(params.errors);

    const processId = dto.businessKey
      ? `${BUSINESS_KEY_ID_PREFIX}${dto.businessKey}`
      : `${PROCESS_ID_PREFIX}${randomUUID()}`;
    const input: ProcessInput = {
      processId,
      title: dto.title.trim(),
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
    try {
      await this.client.workflow.start(PROCESS_WORKFLOW_TYPE, {
        taskQueue: this.config.taskQueue,
        workflowId: processId,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: initialSearchAttributes(input, now),
      });
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
      return this.forPeople(await this.firstSettledView(processId));
    } catch (err) {
      // Started, but no worker has answered yet: the initial view (steps appear once the worker runs it).
      this.logger.warn(`state of ${processId} not available right after start: ${(err as Error).message}`);
      const at = now.toISOString();
      return {
        id: processId,
        title: input.title,
        definitionId: definition.id,
        definitionVersion: definition.version,
        definitionTitle: definition.title,
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
    }
  }

  /**
   * The new process's first state with the due times of its first steps computed (the workflow computes
   * them by an activity just after the start), so the answer to POST shows the deadlines. Bounded: after
   * START_VIEW_TIMEOUT_MS the last state is returned as it is.
   */
  private async firstSettledView(processId: string): Promise<ProcessView> {
    const deadline = Date.now() + START_VIEW_TIMEOUT_MS;
    const handle = this.client.workflow.getHandle(processId);
    for (;;) {
      const view = await this.client.connection.withDeadline(deadline, () => handle.query(stateQuery));
      if (!view.dueTimesPending || Date.now() + START_VIEW_POLL_MS >= deadline) return view;
      await new Promise((resolve) => setTimeout(resolve, START_VIEW_POLL_MS));
    }
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
    const page = await listPage(this.client, clauses.join(' AND '), query.pageSize ?? 20, query.pageToken);
    return { items: page.items.map(summaryOf), nextPageToken: page.nextPageToken };
  }

  /** The engine's view as it is (for code that reads it: forecasts, monitoring, acting-principal checks). */
  async get(id: string): Promise<ProcessView> {
    assertProcessId(id);
    try {
      return await this.client.connection.withDeadline(Date.now() + QUERY_TIMEOUT_MS, () =>
        this.client.workflow.getHandle(id).query(stateQuery),
      );
    } catch (err) {
      return mapQueryError(id, err);
    }
  }

  /** The view for people: holders by name, local due dates, the "now / next / waiting on" summary. */
  async read(id: string): Promise<ProcessView> {
    return this.forPeople(await this.get(id));
  }

  /** Directory users and active delegations (a missing delegations store only means no delegates). */
  private async people(): Promise<People> {
    const delegations = await this.delegations.active().catch(() => []);
    return { users: listUsers(), delegations };
  }

  async forPeople(view: ProcessView): Promise<ProcessView> {
    return viewForPeople(view, await this.people());
  }

  async stepForPeople(step: StepView): Promise<StepView> {
    return stepForPeople(step, await this.people());
  }

  /** One page of the timeline, oldest first; `from` counts entries over the whole process (every run). */
  async timeline(id: string, from = 0, limit = 100): Promise<TimelineSlice> {
    assertProcessId(id);
    try {
      return await this.client.connection.withDeadline(Date.now() + QUERY_TIMEOUT_MS, () =>
        readTimelinePage(this.client, id, from, limit),
      );
    } catch (err) {
      return mapQueryError(id, err);
    }
  }

  decide(caller: Principal, id: string, stepId: string, dto: DecisionDto): Promise<StepView> {
    return this.metrics.countDecision(dto.decision, async () => {
      const principal = await this.actingPrincipal(caller, id, stepId);
      const requestId = dto.requestId;
      const step = await this.update(id, () =>
        this.client.workflow.getHandle(id).executeUpdate(decideUpdate, {
          args: [{ principal, requestId, stepId, decision: dto.decision, comment: dto.comment ?? null }],
          updateId: updateIdOf(caller, decideUpdate.name, stepId, requestId),
        }),
      );
      return this.stepForPeople(step);
    });
  }

  complete(caller: Principal, id: string, stepId: string, dto: CompletionDto): Promise<StepView> {
    return this.metrics.countCompletion(async () => {
      const principal = await this.actingPrincipal(caller, id, stepId);
      const requestId = dto.requestId;
      const step = await this.update(id, () =>
        this.client.workflow.getHandle(id).executeUpdate(completeUpdate, {
          args: [{ principal, requestId, stepId, outputs: dto.outputs, comment: dto.comment ?? null }],
          updateId: updateIdOf(caller, completeUpdate.name, stepId, requestId),
        }),
      );
      return this.stepForPeople(step);
    });
  }

  async cancel(caller: Principal, id: string, dto: ReasonDto): Promise<ProcessView> {
    const requestId = dto.requestId;
    const view = await this.update(id, () =>
      this.client.workflow.getHandle(id).executeUpdate(cancelUpdate, {
        args: [{ principal: caller, requestId, reason: dto.reason }],
        updateId: updateIdOf(caller, cancelUpdate.name, null, requestId),
      }),
    );
    return this.forPeople(view);
  }

  async moveDeadline(caller: Principal, id: string, stepId: string, dto: MoveDeadlineDto): Promise<StepView> {
    const requestId = dto.requestId;
    const step = await this.update(id, () =>
      this.client.workflow.getHandle(id).executeUpdate(moveDeadlineUpdate, {
        updateId: updateIdOf(caller, moveDeadlineUpdate.name, stepId, requestId),
        args: [
          {
            principal: caller,
            requestId,
            stepId,
            dueAt: new Date(dto.dueAt).toISOString(),
            reason: dto.reason,
          },
        ],
      }),
    );
    return this.stepForPeople(step);
  }

  async waive(caller: Principal, id: string, stepId: string, dto: WaiverDto): Promise<StepView> {
    const requestId = dto.requestId;
    const step = await this.update(id, () =>
      this.client.workflow.getHandle(id).executeUpdate(waiveTimerUpdate, {
        args: [
          { principal: caller, requestId, stepId, reason: dto.reason, authority: dto.authority ?? null },
        ],
        updateId: updateIdOf(caller, waiveTimerUpdate.name, stepId, requestId),
      }),
    );
    return this.stepForPeople(step);
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

  private async update<T>(id: string, run: () => Promise<T>): Promise<T> {
    assertProcessId(id);
    try {
      return await run();
    } catch (err) {
      return mapUpdateError(this.client, id, err);
    }
  }
}
