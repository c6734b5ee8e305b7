import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { DURATION, DURATION_DOC } from './stuck.query';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const ROLE = /^[a-z][a-z0-9-]{0,99}$/;

export class BulkFilterDto {
  @ApiPropertyOptional({
    enum: ['overdue', 'idle', 'failing'],
    description: 'Match stuck processes of this reason.',
  })
  @IsOptional()
  @IsIn(['overdue', 'idle', 'failing'], { message: 'filter.reason must be overdue, idle or failing' })
  reason?: 'overdue' | 'idle' | 'failing';

  @ApiPropertyOptional({ enum: ['JP', 'CA'] })
  @IsOptional()
  @IsIn(['JP', 'CA'], { message: 'filter.party must be JP or CA' })
  party?: 'JP' | 'CA';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, {
    message: 'filter.definitionId must be lower-case letters, digits and "-"',
  })
  definitionId?: string;

  @ApiPropertyOptional({ description: `Stuck for at least this long (with reason). ${DURATION_DOC}` })
  @IsOptional()
  @IsString()
  @Matches(DURATION, { message: 'filter.olderThan must be a duration like 30s, 12h or 3d' })
  olderThan?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 200 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(ID, { each: true, message: 'each process id must be 1-200 letters, digits, ".", "_", ":" or "-"' })
  processIds?: string[];
}

export class BulkParamsDto {
  @ApiPropertyOptional({
    description: 'Why (recorded in each timeline). Required for extend, reassign and cancel.',
    maxLength: 4000,
  })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  @Matches(/\S/, { message: 'params.reason must not be blank' })
  reason?: string;

  @ApiPropertyOptional({
    description: 'Act on this step (default: the matched step, else every/the first active step).',
  })
  @IsOptional()
  @IsString()
  @Matches(ID, { message: 'params.stepId must be 1-200 letters, digits, ".", "_", ":" or "-"' })
  stepId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'extend: the new due time.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'params.dueAt must be an ISO 8601 date-time' })
  dueAt?: string;

  @ApiPropertyOptional({
    description: `extend: push the due time (or now, if later) by this much. ${DURATION_DOC}`,
    example: '7d',
  })
  @IsOptional()
  @IsString()
  @Matches(DURATION, { message: 'params.extendBy must be a duration like 30s, 12h or 7d' })
  extendBy?: string;

  @ApiPropertyOptional({ enum: ['JP', 'CA'], description: 'reassign: the party.' })
  @IsOptional()
  @IsIn(['JP', 'CA'], { message: 'params.party must be JP or CA' })
  party?: 'JP' | 'CA';

  @ApiPropertyOptional({ type: [String], description: 'reassign: the new eligible roles.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(ROLE, { each: true, message: 'each role must be a role id (lower-case letters, digits, "-")' })
  roles?: string[];
}

export class BulkDto {
  @ApiProperty({ enum: ['nudge', 'extend', 'reassign', 'cancel'] })
  @IsIn(['nudge', 'extend', 'reassign', 'cancel'], {
    message: 'action must be nudge, extend, reassign or cancel',
  })
  action!: 'nudge' | 'extend' | 'reassign' | 'cancel';

  @ApiProperty({
    type: BulkFilterDto,
    description: 'At least one of reason, processIds, definitionId or party.',
  })
  @IsDefined({ message: 'filter is required' })
  @ValidateNested()
  @Type(() => BulkFilterDto)
  filter!: BulkFilterDto;

  @ApiPropertyOptional({ type: BulkParamsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BulkParamsDto)
  params?: BulkParamsDto;

  @ApiProperty({ description: 'List what would be touched, touch nothing.' })
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun!: boolean;

  @ApiPropertyOptional({
    description:
      'A real run over a filter (anything beyond an explicit processIds list) needs the confirmToken its dry run ' +
      'returned for the same action, filter and params (valid 10 minutes): nobody cancels a whole class of processes ' +
      'without having seen the list.',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,15}\.[A-Za-z0-9_-]{10,100}$/, { message: 'confirmToken is not a token a dry run returned' })
  confirmToken?: string;
}
