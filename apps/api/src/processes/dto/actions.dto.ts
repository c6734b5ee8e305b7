import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { IsScalarRecord } from './param-values.validator';
import { SCALARS } from './process-view.response';

const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const REQUEST_ID_DOC = {
  description: 'Idempotency key: the same id again returns the first answer and counts once.',
  example: 'b4a0d1a2-6a8c-4f6e-9d5e-0f2b8f7a9c31',
  pattern: REQUEST_ID.source,
};

abstract class Requested {
  @ApiPropertyOptional(REQUEST_ID_DOC)
  @IsOptional()
  @IsString()
  @Matches(REQUEST_ID, { message: 'requestId must be 1-128 letters, digits, ".", "_", ":" or "-"' })
  requestId?: string;
}

export class DecisionDto extends Requested {
  @ApiProperty({ enum: ['approve', 'reject', 'request-changes'] })
  @IsIn(['approve', 'reject', 'request-changes'], {
    message: 'decision must be approve, reject or request-changes',
  })
  decision!: 'approve' | 'reject' | 'request-changes';

  @ApiPropertyOptional({ description: 'Required for reject and request-changes.', maxLength: 4000 })
  @ValidateIf(
    (o: DecisionDto) =>
      o.decision === 'reject' || o.decision === 'request-changes' || o.comment !== undefined,
  )
  @IsString({ message: 'comment is required for reject and request-changes, as text' })
  @Length(1, 4000)
  @Matches(/\S/, { message: 'comment must not be blank' })
  comment?: string;
}

export class CompletionDto extends Requested {
  @ApiProperty({
    description:
      "The task step's outputs, by name, typed as the step declares (date, number, text, reference).",
    type: 'object',
    additionalProperties: SCALARS,
    example: { signedOn: '2026-03-01' },
  })
  @IsScalarRecord()
  outputs!: Record<string, string | number | boolean | null>;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  comment?: string;
}

export class ReasonDto extends Requested {
  @ApiProperty({ minLength: 1, maxLength: 4000, example: 'Superseded by a new initiative' })
  @IsString()
  @Length(1, 4000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class MoveDeadlineDto extends ReasonDto {
  @ApiProperty({
    example: '2027-01-15',
    description:
      "A future ISO 8601 date-time, or a date alone: the end of that day in the capital of the step's party " +
      "(Asia/Tokyo, America/Toronto; the caller's party for a joint step). The answer says how it was read (dueAtMeaning).",
  })
  @IsISO8601({ strict: true }, { message: 'dueAt must be an ISO 8601 date or date-time' })
  dueAt!: string;
}

export class WaiverDto extends ReasonDto {
  @ApiPropertyOptional({
    description:
      'Who granted the exception (e.g. "Prime Minister"): required to waive a legal wait such as the 21 ' +
      'sitting days of tabling, recorded with the waiver.',
    minLength: 1,
    maxLength: 200,
    example: 'Prime Minister',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'authority must not be blank' })
  authority?: string;
}
export class CancelDto extends ReasonDto {}
