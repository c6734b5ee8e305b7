import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/error-response.dto';
import { RequestLang } from '../common/lang';
import type { Lang } from '../../../../libs/contracts/src/i18n';
import { InboxQuery } from '../processes/dto/list-processes.query';
import { ActorRefDto, ChangeRequestViewDto, OutputAskedDto } from '../processes/dto/process-view.response';

export class InboxAskedDto {
  @ApiProperty({ description: 'True for an approval: approve, reject or request-changes' })
  decision!: boolean;
  @ApiProperty({ type: [OutputAskedDto], description: 'A task: the outputs to record, with their types' })
  outputs!: OutputAskedDto[];
}

export class InboxReferenceDto {
  @ApiProperty() stepId!: string;
  @ApiProperty() stepTitle!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'MOFA-TR-2026-118' }) value!: string;
}

export class InboxLinksDto {
  @ApiProperty({ example: '/api/v1/processes/process-3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11' })
  process!: string;
  @ApiProperty({
    example: '/api/v1/processes/process-3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11/steps/legal-review/decisions',
    description: 'POST here to act: …/decisions for an approval, …/completion for a task',
  })
  act!: string;
}
import {
  INBOX_PROCESS_LIMIT,
  InboxService,
  WITHDRAWN_NOTICE_DAYS,
  WITHDRAWN_PROCESS_LIMIT,
} from './inbox.service';

export class InboxWithdrawnLinksDto {
  @ApiProperty({ example: '/api/v1/processes/process-3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11' })
  process!: string;
}

export class InboxWithdrawnNoticeDto {
  @ApiProperty() processId!: string;
  @ApiProperty() processTitle!: string;
  @ApiProperty() stepId!: string;
  @ApiProperty() stepTitle!: string;
  @ApiProperty({ enum: ['JP', 'CA'] }) party!: string;
  @ApiProperty({ type: [String], description: "The caller's roles that were awaited" }) roles!: string[];
  @ApiProperty({ format: 'date-time' }) withdrawnAt!: string;
  @ApiProperty({ type: ChangeRequestViewDto, description: 'Who asked for changes, why, on which step' })
  changeRequest!: ChangeRequestViewDto;
  @ApiProperty({ format: 'date-time', description: 'Listed until then, or until the step is active again' })
  noticeUntil!: string;
  @ApiProperty({
    example:
      '"Inter-agency review" left your inbox on 2026-12-02: Suzuki Ken (JP) asked for changes ("Annex B cites the ' +
      'old regulation"). Round 2 comes back to your inbox when "Draft prepared" is done.',
  })
  message!: string;
  @ApiProperty({ type: InboxWithdrawnLinksDto }) links!: InboxWithdrawnLinksDto;
}

export class InboxItemDto {
  @ApiProperty() processId!: string;
  @ApiProperty() processTitle!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty({ description: 'In the language asked (Accept-Language or ?lang=), English when missing' })
  definitionTitle!: string;
  @ApiProperty() stepId!: string;
  @ApiProperty({ description: 'In the language asked (Accept-Language or ?lang=), English when missing' })
  stepTitle!: string;
  @ApiProperty({ enum: ['approval', 'task'] }) type!: string;
  @ApiProperty({ enum: ['JP', 'CA'] }) party!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiPropertyOptional({ description: 'dueAt is counted beyond published calendar data (an estimate)' })
  dueProjected?: boolean;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() round!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) activeSince!: string | null;
  @ApiProperty({ nullable: true, type: ActorRefDto }) onBehalfOf!: ActorRefDto | null;
  @ApiProperty({ type: InboxAskedDto, description: 'What is asked of the caller' }) asked!: InboxAskedDto;
  @ApiProperty({
    nullable: true,
    type: ChangeRequestViewDto,
    description: 'The latest change request that reopened the step: who asked, why, when',
  })
  latestChangeRequest!: ChangeRequestViewDto | null;
  @ApiProperty({ type: [InboxReferenceDto], description: 'References recorded by earlier steps' })
  references!: InboxReferenceDto[];
  @ApiProperty({ type: InboxLinksDto }) links!: InboxLinksDto;
}

@ApiTags('inbox')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get('withdrawn')
  @ApiOperation({
    summary:
      "Items that left the caller's inbox because a round restarted (a change request) before they decided",
    description:
      `Listed for ${WITHDRAWN_NOTICE_DAYS} days after the change request, or until the step is active again (the ` +
      `item is then back in GET /inbox); newest first; looks at the ${WITHDRAWN_PROCESS_LIMIT} most recent ` +
      'processes of the definitions where the caller acts (X-Accord-Truncated: true says more may exist).',
  })
  @ApiOkResponse({ type: [InboxWithdrawnNoticeDto] })
  async withdrawn(
    @CurrentPrincipal() caller: Principal,
    @Res({ passthrough: true }) res: { setHeader(name: string, value: string): void },
    @RequestLang() lang: Lang,
  ) {
    const out = await this.inbox.withdrawn(caller, lang);
    res.setHeader('X-Accord-Truncated', String(out.truncated));
    return out.items;
  }

  @Get()
  @ApiOperation({
    summary: 'Steps awaiting the caller (party + roles, and delegated roles), soonest due first',
    description:
      `Pages of ${INBOX_PROCESS_LIMIT} processes awaiting the caller, newest first, each page sorted soonest due first; ` +
      'X-Accord-Truncated: true says more await (or some did not answer in time) and X-Next-Page-Token ' +
      '(pageToken) gives the next page. ' +
      'Items a restarted round took away before the caller decided are listed by GET /inbox/withdrawn.',
  })
  @ApiOkResponse({ type: [InboxItemDto] })
  @ApiErrors(400)
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: InboxQuery,
    @Res({ passthrough: true }) res: { setHeader(name: string, value: string): void },
    @RequestLang() lang: Lang,
  ) {
    const inbox = await this.inbox.inbox(caller, {
      overdue: query.overdue === 'true',
      lang,
      pageToken: query.pageToken,
    });
    res.setHeader('X-Accord-Truncated', String(inbox.truncated));
    if (inbox.nextPageToken) res.setHeader('X-Next-Page-Token', inbox.nextPageToken);
    return inbox.items;
  }
}
