import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/error-response.dto';
import type { HeaderSink } from '../common/header-sink';
import { BulkService } from './bulk.service';
import { assertCoordinator } from './coordinator';
import { BulkDto } from './dto/bulk.dto';
import { AtRiskItemDto, BulkResultDto, StuckItemDto, SummaryDto } from './dto/responses';
import { AtRiskQueryDto } from './dto/at-risk.query';
import { StuckQueryDto } from './dto/stuck.query';
import { MonitoringService } from './monitoring.service';
import { RequestLang } from '../common/lang';
import type { Lang } from '../../../../libs/contracts/src/i18n';
import { Catalogue } from '../definitions/catalogue';
import { stuckInLang, summaryInLang } from './board-lang';

@ApiTags('monitoring')
@ApiBearerAuth()
@ApiErrors(401, 403, 413)
@Controller('monitoring')
export class MonitoringController {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly bulk: BulkService,
    private readonly catalogue: Catalogue,
  ) {}

  @Get('stuck')
  @ApiOperation({
    summary:
      'Stuck processes with the reason (overdue, idle, failing), the step and who could act (coordinators)',
    description:
      'Overdue and idle come from visibility queries on the search attributes; failing from describing running ' +
      'executions, at most ACCORD_MONITORING_MAX_DESCRIBES per call: X-Next-Page-Token (pageToken) continues it. ' +
      'X-Accord-Scanned counts the processes looked at; X-Accord-Truncated says a bound was hit.',
  })
  @ApiOkResponse({ type: [StuckItemDto] })
  @ApiErrors(400)
  async stuck(
    @CurrentPrincipal() caller: Principal,
    @Query() query: StuckQueryDto,
    @Res({ passthrough: true }) res: HeaderSink,
    @RequestLang() lang: Lang,
  ) {
    assertCoordinator(caller);
    const r = await this.monitoring.stuck(query);
    res.setHeader('X-Accord-Scanned', String(r.scanned));
    res.setHeader('X-Accord-Truncated', String(r.truncated));
    if (r.failingNextPageToken) res.setHeader('X-Next-Page-Token', r.failingNextPageToken);
    return stuckInLang(r.items, this.catalogue, lang);
  }

  @Get('summary')
  @ApiOperation({
    summary:
      'Counts by status, definition and awaited party; overdue and idle; roll-up per pillar and initiative',
  })
  @ApiOkResponse({ type: SummaryDto })
  async summary(@CurrentPrincipal() caller: Principal, @RequestLang() lang: Lang) {
    assertCoordinator(caller);
    return summaryInLang(await this.monitoring.summary(), this.catalogue, lang);
  }

  @Get('at-risk')
  @ApiOperation({
    summary:
      'Running processes at risk: a step due within withinDays, or a forecast past a target date (coordinators)',
    description:
      'Due soon: an active step due within `withinDays` (default 14; overdue ones are on /stuck). Forecast late: with ' +
      '`target` (YYYY-MM-DD), the projected entry into force (agreements) or completion falls after it. Reads each ' +
      'running process once (bounded: X-Accord-Truncated says a bound was hit).',
  })
  @ApiOkResponse({ type: [AtRiskItemDto] })
  @ApiErrors(400)
  async atRisk(
    @CurrentPrincipal() caller: Principal,
    @Query() query: AtRiskQueryDto,
    @Res({ passthrough: true }) res: HeaderSink,
  ) {
    assertCoordinator(caller);
    const r = await this.monitoring.atRisk(query);
    res.setHeader('X-Accord-Truncated', String(r.truncated));
    return r.items;
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Nudge, extend, reassign or cancel every process a filter matches; dryRun lists without touching',
  })
  @ApiOkResponse({ type: BulkResultDto })
  @ApiErrors(400)
  run(@CurrentPrincipal() caller: Principal, @Body() dto: BulkDto) {
    assertCoordinator(caller);
    return this.bulk.run(caller, dto);
  }
}
