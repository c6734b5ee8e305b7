import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/error-response.dto';
import { ApiIdParam, ParseIdPipe } from '../common/ids';
import { CalendarsService } from './calendars.service';
import { RecordCalendarEventDto } from './dto/record-calendar-event.dto';

@ApiTags('calendars')
@ApiBearerAuth()
@ApiErrors(401, 413)
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get()
  @ApiOperation({
    summary:
      'The House of Commons sitting calendar and the Diet session calendar as Accord counts them: what is ' +
      'published, what is projected, interruptions, sessions and the events recorded through the API',
  })
  @ApiOkResponse({ description: 'Both calendars' })
  get() {
    return this.calendars.calendars();
  }

  @Post('events')
  @ApiOperation({
    summary:
      'Record a prorogation or dissolution of the House of Commons (a CA coordinator) or a session or dissolution ' +
      'of the Diet (a JP coordinator); running processes recompute the due times counted in that chamber’s days',
  })
  @ApiCreatedResponse({ description: 'The event stored, and how many running processes were told' })
  @ApiErrors(400, 403, 409)
  record(@CurrentPrincipal() caller: Principal, @Body() dto: RecordCalendarEventDto) {
    return this.calendars.record(caller, dto);
  }

  @Delete('events/:id')
  @ApiIdParam('id', 'cal-3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11', 'Calendar event id')
  @ApiOperation({ summary: 'Remove a recorded event (the same coordinators); due times are counted again' })
  @ApiOkResponse({ description: 'The event removed, and how many running processes were told' })
  @ApiErrors(400, 403, 404)
  remove(@CurrentPrincipal() caller: Principal, @Param('id', new ParseIdPipe('id')) id: string) {
    return this.calendars.remove(caller, id);
  }
}
