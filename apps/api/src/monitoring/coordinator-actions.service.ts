/**
 * Coordinator actions on one process. Nudge and reassign are the engine's Updates (recorded in the timeline
 * with actor and reason); extend and cancel reuse the processes service. Callers check the coordinator role.
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { nudgeUpdate, reassignUpdate } from '../../../../libs/contracts/src/messages';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView, StepView } from '../../../../libs/contracts/src/process-view';
import { mapUpdateError } from '../common/temporal-errors';
import { MetricsService, type CoordinatorAction } from '../metrics/metrics.service';
import type { NudgeDto, ReassignDto } from './dto/actions.dto';
import { MonitoringContext } from './monitoring.context';

@Injectable()
export class CoordinatorActionsService {
  constructor(
    private readonly ctx: MonitoringContext,
    private readonly metrics: MetricsService,
  ) {}

  nudge(caller: Principal, id: string, dto: NudgeDto): Promise<ProcessView> {
    return this.update('nudge', id, () =>
      this.ctx.client.workflow.getHandle(id).executeUpdate(nudgeUpdate, {
        args: [
          { principal: caller, requestId: randomUUID(), stepId: dto.stepId, reason: dto.reason ?? null },
        ],
      }),
    );
  }

  reassign(caller: Principal, id: string, stepId: string, dto: ReassignDto): Promise<StepView> {
    return this.update('reassign', id, () =>
      this.ctx.client.workflow.getHandle(id).executeUpdate(reassignUpdate, {
        args: [
          {
            principal: caller,
            requestId: randomUUID(),
            stepId,
            party: dto.party,
            roles: dto.roles,
            reason: dto.reason,
          },
        ],
      }),
    );
  }

  extend(caller: Principal, id: string, stepId: string, dueAt: string, reason: string): Promise<StepView> {
    return this.metrics.countCoordinatorAction('extend', () =>
      this.ctx.processes.moveDeadline(caller, id, stepId, { dueAt, reason }),
    );
  }

  cancel(caller: Principal, id: string, reason: string): Promise<ProcessView> {
    return this.metrics.countCoordinatorAction('cancel', () =>
      this.ctx.processes.cancel(caller, id, { reason }),
    );
  }

  private update<T>(action: CoordinatorAction, id: string, run: () => Promise<T>): Promise<T> {
    return this.metrics.countCoordinatorAction(action, async () => {
      try {
        return await run();
      } catch (err) {
        return mapUpdateError(this.ctx.client, id, err);
      }
    });
  }
}
