import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LangQuery } from '../../common/lang';

/** A positive duration: zero is refused here (a 400), not by parseDuration later (a 500 fuzzing found). */
export const DURATION = /^0{0,8}[1-9]\d{0,8}(ms|s|m|h|d)$/;
export const DURATION_DOC = 'A duration: digits and a unit ms, s, m, h or d (e.g. 30s, 12h, 3d).';

export class StuckQueryDto extends LangQuery {
  @ApiPropertyOptional({ enum: ['overdue', 'idle', 'failing'], description: 'Default: every reason.' })
  @IsOptional()
  @IsIn(['overdue', 'idle', 'failing'], { message: 'reason must be overdue, idle or failing' })
  reason?: 'overdue' | 'idle' | 'failing';

  @ApiPropertyOptional({ enum: ['JP', 'CA'], description: 'Only items waiting on this party.' })
  @IsOptional()
  @IsIn(['JP', 'CA'], { message: 'party must be JP or CA' })
  party?: 'JP' | 'CA';

  @ApiPropertyOptional({
    description: `Only items stuck for at least this long. ${DURATION_DOC}`,
    example: '3d',
  })
  @IsOptional()
  @IsString()
  @Matches(DURATION, { message: 'olderThan must be a duration like 30s, 12h or 3d' })
  olderThan?: string;

  @ApiPropertyOptional({ description: 'Only processes of this definition.' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, {
    message: 'definitionId must be lower-case letters, digits and "-"',
  })
  definitionId?: string;

  @ApiPropertyOptional({
    description: 'Continue the failing scan (X-Next-Page-Token of the previous answer).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(/^[A-Za-z0-9+/=_-]+$/, { message: 'pageToken is not valid' })
  pageToken?: string;
}
