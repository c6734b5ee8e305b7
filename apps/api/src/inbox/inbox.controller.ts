import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/error-response.dto';
import { InboxQuery } from '../processes/dto/list-processes.query';
import { ActorRefDto } from '../processes/dto/process-view.response';
import { InboxService } from './inbox.service';

export class InboxItemDto {
  @ApiProperty() processId!: string;
  @ApiProperty() processTitle!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty() stepId!: string;
  @ApiProperty() stepTitle!: string;
  @ApiProperty({ enum: ['approval', 'task'] }) type!: string;
  @ApiProperty({ enum: ['JP', 'CA'] }) party!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() round!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) activeSince!: string | null;
  @ApiProperty({ nullable: true, type: ActorRefDto }) onBehalfOf!: ActorRefDto | null;
}

@ApiTags('inbox')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({
    summary: 'Steps awaiting the caller (party + roles, and delegated roles), soonest due first',
  })
  @ApiOkResponse({ type: [InboxItemDto] })
  @ApiErrors(400)
  list(@CurrentPrincipal() caller: Principal, @Query() query: InboxQuery) {
    return this.inbox.inbox(caller, { overdue: query.overdue === 'true' });
  }
}
