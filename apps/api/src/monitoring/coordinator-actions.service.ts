/**
 * Coordinator actions on one process. Nudge and reassign are the engine's Updates (recorded in the timeline
 * with actor and reason); extend and cancel reuse the processes service. Callers check the coordinator role.
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { nudgeUpdate, reassignUpdate } from '../../../../libs/contracts/src/messages';
import type { Party } from '../../../../libs/contracts/src/definition';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView, StepView } from '../../../../libs/contracts/src/process-view';
import { MetricsService } from '../metrics/metrics.service';
import { ProcessesService } from '../processes/processes.service';
import { TemporalGateway } from '../temporal/temporal-gateway';
import type { NudgeDto, ReassignDto } from './dto/actions.dto';

/** Who a nudge reminded on one step, for one party. */
export interface Reminded {
  stepId: string;
  stepTitle: string;
  party: Party;
  roles: string[];
  people: Array<{ sub: string; name: string; org: string; onBehalfOf: { sub: string; name: string } | null }>;
}

/** The awaited parties of the active steps a nudge reminds (the one given, or every active one). */
export function remindedOf(view: ProcessView, stepId?: string): Reminded[] {
  return view.steps
    .filter((s) => s.status === 'active' && s.type !== 'timer' && (!stepId || s.id === stepId))
    .flatMap((s) =>
      (Object.entries(s.parties ?? {}) as Array<[Party, NonNullable<StepView['parties'][Party]>]>)
        .filter(([, pv]) => pv.awaitedRoles?.length)
        .map(([party, pv]) => ({
          stepId: s.id,
          stepTitle: s.title,
          party,
          roles: [...pv.awaitedRoles],
          people: (pv.holders ?? []).map(({ sub, name, org, onBehalfOf }) => ({
            sub,
            name,
            org,
            onBehalfOf,
          })),
        })),
    );
}

@Injectable()
export class CoordinatorActionsService {
  constructor(
    private readonly gateway: TemporalGateway,
    private readonly processes: ProcessesService,
    private readonly metrics: MetricsService,
  ) {}

  /** The reminders go to whoever is awaited; the answer says whom (names, organisations, delegates). */
  async nudge(caller: Principal, id: string, dto: NudgeDto): Promise<ProcessView & { reminded: Reminded[] }> {
    const after = await this.metrics.countCoordinatorAction('nudge', () =>
      this.gateway.update(id, nudgeUpdate, {
        principal: caller,
        requestId: randomUUID(),
        stepId: dto.stepId,
        reason: dto.reason ?? null,
      }),
    );
    const view = await this.processes.forPeople(after, caller);
    return { ...view, reminded: remindedOf(view, dto.stepId) };
  }

  reassign(caller: Principal, id: string, stepId: string, dto: ReassignDto): Promise<StepView> {
    return this.metrics.countCoordinatorAction('reassign', () =>
      this.gateway.update(id, reassignUpdate, {
        principal: caller,
        requestId: randomUUID(),
        stepId,
        party: dto.party,
        roles: dto.roles,
        reason: dto.reason,
      }),
    );
  }

  extend(caller: Principal, id: string, stepId: string, dueAt: string, reason: string): Promise<StepView> {
    return this.metrics.countCoordinatorAction('extend', () =>
      this.processes.moveDeadline(caller, id, stepId, { dueAt, reason }),
    );
  }

  cancel(caller: Principal, id: string, reason: string): Promise<ProcessView> {
    return this.metrics.countCoordinatorAction('cancel', () => this.processes.cancel(caller, id, { reason }));
  }
}
