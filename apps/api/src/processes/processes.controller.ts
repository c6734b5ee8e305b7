import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiBody,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView } from '../../../../libs/contracts/src/process-view';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/error-response.dto';
import type { HeaderSink } from '../common/header-sink';
import { ApiIdParam, ParseIdPipe } from '../common/ids';
import { RequestLang } from '../common/lang';
import type { Lang } from '../../../../libs/contracts/src/i18n';
import { ForecastService } from '../forecast/forecast.service';
import { CancelDto, CompletionDto, DecisionDto, MoveDeadlineDto, WaiverDto } from './dto/actions.dto';
import { ListProcessesQuery, TimelineQuery } from './dto/list-processes.query';
import {
  MovedDeadlineDto,
  PartyViewDto,
  ProcessPageDto,
  ProcessStartedDto,
  ProcessViewDto,
  StepViewDto,
  TimelineEntryDto,
} from './dto/process-view.response';
import { StartProcessDto } from './dto/start-process.dto';
import { ProcessesService } from './processes.service';

/** The same header as the monitoring scan's pages. */
const NEXT_PAGE_HEADER = 'X-Next-Page-Token';

@ApiTags('processes')
@ApiBearerAuth()
@ApiExtraModels(PartyViewDto)
@ApiErrors(401, 413)
@Controller('processes')
export class ProcessesController {
  constructor(
    private readonly processes: ProcessesService,
    private readonly forecasts: ForecastService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Start a process of a definition or of a roadmap initiative (needs an initiating role)',
    description:
      '`{"initiativeId": "mlat"}` alone is enough: the initiative names its definition, title and known parameters ' +
      '(yours override them); the answer says what was applied (`start`). A second running process for the same ' +
      'initiative is refused (409, naming the first) unless `allowDuplicate` is true. 201 carries the view and its forecast.',
  })
  @ApiBody({
    type: StartProcessDto,
    examples: {
      initiative: { summary: 'From an initiative', value: { initiativeId: 'mlat' } },
      definition: {
        summary: 'From a definition',
        value: {
          definitionId: 'trade-mission',
          title: 'Team Canada Trade Mission to Japan',
          parameters: { direction: 'canada-to-japan', targetCompanies: 40 },
        },
      },
    },
  })
  @ApiCreatedResponse({
    type: ProcessStartedDto,
    links: {
      GetProcess: { operationId: 'ProcessesController_get', parameters: { id: '$response.body#/id' } },
      GetTimeline: { operationId: 'ProcessesController_timeline', parameters: { id: '$response.body#/id' } },
      DecideFirstStep: {
        operationId: 'ProcessesController_decide',
        parameters: { id: '$response.body#/id', stepId: '$response.body#/steps/0/id' },
      },
      CompleteFirstStep: {
        operationId: 'ProcessesController_complete',
        parameters: { id: '$response.body#/id', stepId: '$response.body#/steps/0/id' },
      },
      MoveFirstDeadline: {
        operationId: 'ProcessesController_moveDeadline',
        parameters: { id: '$response.body#/id', stepId: '$response.body#/steps/0/id' },
      },
      Cancel: { operationId: 'ProcessesController_cancel', parameters: { id: '$response.body#/id' } },
    },
  })
  @ApiErrors(400, 403, 409)
  async start(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: StartProcessDto,
    @RequestLang() lang: Lang,
  ) {
    // The forecast is made from the view as soon as it is known: beside the start, not after it.
    let forecast: ReturnType<ProcessesController['forecastOf']> | undefined;
    const { view, note } = await this.processes.start(caller, dto, lang, (shown) => {
      forecast = this.forecastOf(shown, lang);
      forecast.catch(() => undefined); // awaited below, or abandoned when the start fails
    });
    return { ...view, forecast: await (forecast ?? this.forecastOf(view, lang)), start: note };
  }

  /**
   * The forecast is an estimate beside the state: if it cannot be made, the state is still answered. Its
   * step names are in the language asked, like the view's.
   */
  private async forecastOf(view: ProcessView, lang: Lang) {
    if (view.status !== 'running' || !view.steps.length) return null;
    const forecast = await this.forecasts.forView(view).catch(() => null);
    return this.processes.forecastInLang(forecast, view, lang);
  }

  @Get()
  @ApiOperation({ summary: 'List processes (visibility query), newest first, paged' })
  @ApiOkResponse({ type: ProcessPageDto })
  @ApiErrors(400)
  list(@Query() query: ListProcessesQuery) {
    return this.processes.list(query);
  }

  @Get(':id')
  @ApiIdParam('id', 'process-3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11', 'Process id')
  @ApiOperation({
    summary:
      'The state of a process: status, parameters, every step with its decisions, and (running) its forecast',
  })
  @ApiOkResponse({ type: ProcessViewDto })
  @ApiErrors(400, 404)
  async get(
    @CurrentPrincipal() caller: Principal,
    @Param('id', new ParseIdPipe('id')) id: string,
    @RequestLang() lang: Lang,
  ) {
    const view = await this.processes.read(id, caller, lang);
    return { ...view, forecast: await this.forecastOf(view, lang) };
  }

  @Get(':id/timeline')
  @ApiIdParam('id', 'process-3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11', 'Process id')
  @ApiOperation({
    summary: 'The audit trail, oldest first, paged (every entry, across continue-as-new runs)',
  })
  @ApiOkResponse({
    type: [TimelineEntryDto],
    headers: {
      [NEXT_PAGE_HEADER]: {
        description: 'pageToken of the next page; absent on the last page',
        schema: { type: 'string', pattern: '^[0-9]{1,9}$' },
      },
    },
  })
  @ApiErrors(400, 404)
  async timeline(
    @CurrentPrincipal() caller: Principal,
    @Param('id', new ParseIdPipe('id')) id: string,
    @Query() query: TimelineQuery,
    @Res({ passthrough: true }) res: HeaderSink,
  ) {
    const page = await this.processes.timeline(
      id,
      caller,
      Number(query.pageToken ?? 0),
      query.pageSize ?? 200,
    );
    if (page.next !== null) res.setHeader(NEXT_PAGE_HEADER, String(page.next));
    return page.entries;
  }

  @Post(':id/steps/:stepId/decisions')
  @ApiIdParam('id', 'process-3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11', 'Process id')
  @ApiIdParam('stepId', 'concept-approval', 'Step id from the definition')
  @HttpCode(200)
  @ApiOperation({ summary: "Approve, reject or request changes on an approval step for the caller's party" })
  @ApiOkResponse({ type: StepViewDto, description: 'The step after the decision' })
  @ApiErrors(400, 403, 404, 409)
  decide(
    @CurrentPrincipal() caller: Principal,
    @Param('id', new ParseIdPipe('id')) id: string,
    @Param('stepId', new ParseIdPipe('stepId')) stepId: string,
    @Body() dto: DecisionDto,
  ) {
    return this.processes.decide(caller, id, stepId, dto);
  }

  @Post(':id/steps/:stepId/completion')
  @ApiIdParam('id', 'process-3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11', 'Process id')
  @ApiIdParam('stepId', 'concept-approval', 'Step id from the definition')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete a task step with its typed outputs' })
  @ApiOkResponse({ type: StepViewDto })
  @ApiErrors(400, 403, 404, 409)
  complete(
    @CurrentPrincipal() caller: Principal,
    @Param('id', new ParseIdPipe('id')) id: string,
    @Param('stepId', new ParseIdPipe('stepId')) stepId: string,
    @Body() dto: CompletionDto,
  ) {
    return this.processes.complete(caller, id, stepId, dto);
  }

  @Post(':id/cancel')
  @ApiIdParam('id', 'process-3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11', 'Process id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a running process (initiator or coordinator)' })
  @ApiOkResponse({ type: ProcessViewDto })
  @ApiErrors(400, 403, 404, 409)
  cancel(
    @CurrentPrincipal() caller: Principal,
    @Param('id', new ParseIdPipe('id')) id: string,
    @Body() dto: CancelDto,
    @RequestLang() lang: Lang,
  ) {
    return this.processes.cancel(caller, id, dto, lang);
  }

  @Post(':id/steps/:stepId/deadline')
  @ApiIdParam('id', 'process-3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11', 'Process id')
  @ApiIdParam('stepId', 'concept-approval', 'Step id from the definition')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Move a step's due time (coordinator only); a date alone is the end of that day in the party's capital",
  })
  @ApiOkResponse({ type: MovedDeadlineDto })
  @ApiErrors(400, 403, 404, 409)
  moveDeadline(
    @CurrentPrincipal() caller: Principal,
    @Param('id', new ParseIdPipe('id')) id: string,
    @Param('stepId', new ParseIdPipe('stepId')) stepId: string,
    @Body() dto: MoveDeadlineDto,
  ) {
    return this.processes.moveDeadline(caller, id, stepId, dto);
  }

  @Post(':id/steps/:stepId/waiver')
  @ApiIdParam('id', 'process-3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11', 'Process id')
  @ApiIdParam('stepId', 'concept-approval', 'Step id from the definition')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a timer step early (coordinator only)' })
  @ApiOkResponse({ type: StepViewDto })
  @ApiErrors(400, 403, 404, 409)
  waive(
    @CurrentPrincipal() caller: Principal,
    @Param('id', new ParseIdPipe('id')) id: string,
    @Param('stepId', new ParseIdPipe('stepId')) stepId: string,
    @Body() dto: WaiverDto,
  ) {
    return this.processes.waive(caller, id, stepId, dto);
  }
}
