/** Coordinator actions and the forecast on one process, under /processes/{id} beside the processes routes. */
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/error-response.dto';
import { ParseIdPipe } from '../common/ids';
import { StepViewDto } from '../processes/dto/process-view.response';
import { assertCoordinator } from './coordinator';
import { CoordinatorActionsService } from './coordinator-actions.service';
import { NudgeDto, ReassignDto } from './dto/actions.dto';
import { NudgeResultDto } from './dto/nudge.response';
import { ForecastDto } from './dto/responses';
import { ForecastService } from '../forecast/forecast.service';

@ApiTags('processes')
@ApiBearerAuth()
@ApiErrors(401, 413)
@Controller('processes')
export class ProcessMonitoringController {
  constructor(
    private readonly actions: CoordinatorActionsService,
    private readonly forecasts: ForecastService,
  ) {}

  @Get(':id/forecast')
  @ApiOperation({ summary: 'Projected completion (and entry into force) with the steps that dominate it' })
  @ApiOkResponse({ type: ForecastDto })
  @ApiErrors(400, 404)
  forecast(@Param('id', new ParseIdPipe('id')) id: string) {
    return this.forecasts.forProcess(id);
  }

  @Post(':id/nudge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send the reminders now to whoever the process waits on (coordinator only); says whom',
  })
  @ApiOkResponse({ type: NudgeResultDto })
  @ApiErrors(400, 403, 404, 409)
  nudge(
    @CurrentPrincipal() caller: Principal,
    @Param('id', new ParseIdPipe('id')) id: string,
    @Body() dto: NudgeDto,
  ) {
    assertCoordinator(caller);
    return this.actions.nudge(caller, id, dto);
  }

  @Post(':id/steps/:stepId/reassign')
  @HttpCode(200)
  @ApiOperation({ summary: "Replace a party's eligible roles on an active step (coordinator only)" })
  @ApiOkResponse({ type: StepViewDto })
  @ApiErrors(400, 403, 404, 409)
  reassign(
    @CurrentPrincipal() caller: Principal,
    @Param('id', new ParseIdPipe('id')) id: string,
    @Param('stepId', new ParseIdPipe('stepId')) stepId: string,
    @Body() dto: ReassignDto,
  ) {
    assertCoordinator(caller);
    return this.actions.reassign(caller, id, stepId, dto);
  }
}
