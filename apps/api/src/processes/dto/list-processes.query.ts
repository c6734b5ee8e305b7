import { ApiPropertyOptional } from '@nestjs/swagger';
import { LangQuery } from '../../common/lang';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListProcessesQuery {
  @ApiPropertyOptional({ enum: ['running', 'completed', 'rejected', 'cancelled', 'failed'] })
  @IsOptional()
  @IsIn(['running', 'completed', 'rejected', 'cancelled', 'failed'])
  status?: 'running' | 'completed' | 'rejected' | 'cancelled' | 'failed';

  @ApiPropertyOptional({ example: 'trade-mission' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'definitionId must be a definition id' })
  definitionId?: string;

  @ApiPropertyOptional({
    enum: ['JP', 'CA'],
    description: 'Only processes with a step waiting on this party',
  })
  @IsOptional()
  @IsIn(['JP', 'CA'])
  awaitingParty?: 'JP' | 'CA';

  @ApiPropertyOptional({
    example: 'JP:jp-cabinet-secretariat',
    description:
      'Only processes with a step waiting on this role of a party (PARTY:role, as in awaitedRoles)',
  })
  @IsOptional()
  @Matches(/^(JP|CA):[a-z0-9][a-z0-9-]{0,99}$/, {
    message: 'awaitingRole must be PARTY:role, e.g. JP:jp-cabinet-secretariat',
  })
  awaitingRole?: string;

  @ApiPropertyOptional({
    example: 'mlat',
    description: 'Only processes of this initiative (GET /initiatives)',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { message: 'initiativeId must be an initiative id' })
  initiativeId?: string;

  @ApiPropertyOptional({
    example: '1',
    description:
      "Only processes of this roadmap pillar's initiatives (a process with no initiative has no pillar)",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, { message: 'pillar must be a pillar number, e.g. 1' })
  pillar?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: only running processes with an active step past its due time',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'nextPageToken of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,4000}$/, { message: 'pageToken must be a token returned as nextPageToken' })
  pageToken?: string;
}

export class InboxQuery extends LangQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only steps past their due time' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'X-Next-Page-Token of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,4000}$/, { message: 'pageToken must be a token returned as X-Next-Page-Token' })
  pageToken?: string;
}

export class TimelineQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;

  @ApiPropertyOptional({
    description: 'X-Next-Page-Token of the previous page (the index of the next entry)',
    pattern: '^[0-9]{1,9}$',
  })
  @IsOptional()
  @Matches(/^[0-9]{1,9}$/, { message: 'pageToken must be a token returned as X-Next-Page-Token' })
  pageToken?: string;
}
