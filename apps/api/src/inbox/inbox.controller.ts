import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/error-response.dto';
import { InboxQuery } from '../processes/dto/list-processes.query';
import { ActorRefDto } from '../processes/dto/process-view.response';
import { INBOX_PROCESS_LIMIT, InboxService } from './inbox.service';

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
    description: `Looks at the ${INBOX_PROCESS_LIMIT} newest processes awaiting the caller; X-Accord-Truncated: true says more await (or some did not answer in time).`,
  })
  @ApiOkResponse({ type: [InboxItemDto] })
  @ApiErrors(400)
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: InboxQuery,
    @Res({ passthrough: true }) res: { setHeader(name: string, value: string): void },
  ) {
    const inbox = await this.inbox.inbox(caller, { overdue: query.overdue === 'true' });
    res.setHeader('X-Accord-Truncated', String(inbox.truncated));
    return inbox.items;
  }
}
