/** OpenAPI classes for the monitoring responses (the shapes are libs/monitoring and libs/forecast types). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class NamedUserDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class WaitingOnDto {
  @ApiProperty({ enum: ['JP', 'CA'], nullable: true, type: String }) party!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [NamedUserDto], description: 'Named users of the directory who could act' })
  users!: NamedUserDto[];
}

export class StuckItemDto {
  @ApiProperty() processId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty({ nullable: true, type: String }) stepId!: string | null;
  @ApiProperty({ nullable: true, type: String }) stepTitle!: string | null;
  @ApiProperty({ enum: ['overdue', 'idle', 'failing'] }) reason!: string;
  @ApiProperty({ format: 'date-time', description: 'When it became stuck' }) since!: string;
  @ApiProperty({ description: 'How long it has been stuck, ms' }) stuckForMs!: number;
  @ApiProperty({ type: WaitingOnDto }) waitingOn!: WaitingOnDto;
  @ApiProperty() detail!: string;
}

export class ForecastBasisDto {
  @ApiProperty() stepId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({
    format: 'date-time',
    description: '00:00 UTC of the projected date when days are real days',
  })
  start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
  @ApiProperty({ format: 'date', example: '2027-01-31' }) startOn!: string;
  @ApiProperty({ format: 'date', example: '2027-03-13' }) endOn!: string;
  @ApiProperty({
    enum: ['deadline', 'typical', 'observed', 'timer', 'fixed', 'default', 'recorded'],
    description:
      "typical: the definition's `typically`; observed: the median in completed processes of the definition; " +
      'deadline: the due time is earlier than the expected end (it binds) or nothing else is known',
  })
  source!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Expected duration (typical or observed)',
  })
  expectedDays?: number | null;
  @ApiPropertyOptional({ example: 'calendar-days' }) expectedUnit?: string;
  @ApiPropertyOptional({ description: 'With observed: how many completed processes' }) observedCount?: number;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'The deadline: a limit' })
  dueOn?: string | null;
  @ApiProperty({ description: 'On the critical path' }) critical!: boolean;
  @ApiPropertyOptional({ description: 'On the path that decides the entry into force' })
  decidesEntryIntoForce?: boolean;
  @ApiPropertyOptional() overdue?: boolean;
  @ApiPropertyOptional({
    description:
      'The end is counted in parliamentary days beyond published calendar data (House of Commons sitting days ' +
      'from the approximate calendar or past its years; Diet days outside the published sessions)',
  })
  projected?: boolean;
}

export class ForecastDto {
  @ApiProperty({ format: 'date-time' }) projectedCompletion!: string;
  @ApiProperty({ format: 'date', example: '2027-09-15' }) projectedCompletionOn!: string;
  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Agreements: projected entry into force',
  })
  projectedEntryIntoForce?: string | null;
  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    example: '2027-06-17',
    description: 'Agreements: the projected entry into force as a date (the same in Tokyo and Ottawa)',
  })
  projectedEntryIntoForceOn?: string | null;
  @ApiProperty({ type: [ForecastBasisDto] }) basis!: ForecastBasisDto[];
  @ApiProperty({
    type: [String],
    description: 'Step ids deciding the dates, longest first: those deciding entry into force first',
  })
  dominant!: string[];
  @ApiProperty({ description: 'Some end on the critical path is projected beyond published calendars' })
  projected!: boolean;
  @ApiProperty({ description: 'Starts from what decides entry into force (or completion)' })
  explanation!: string;
  @ApiProperty({ format: 'date-time' }) computedAt!: string;
}

export class BulkChangeDto {
  @ApiProperty({ enum: ['dueAt', 'roles', 'reminder', 'status'] }) field!: string;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: '2027-01-15T14:59:59.999Z',
    description: 'The value now',
  })
  from!: string | string[] | null;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: '2027-01-29T14:59:59.999Z',
    description: 'The value the action gives it (reminder: the PARTY:role keys reminded)',
  })
  to!: string | string[] | null;
}

export class BulkMatchDto {
  @ApiProperty() processId!: string;
  @ApiProperty({ example: 'Mutual Legal Assistance Treaty' }) title!: string;
  @ApiProperty({ nullable: true, type: String }) stepId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Tabling in the House of Commons' })
  stepTitle?: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) since!: string | null;
  @ApiPropertyOptional({ nullable: true, type: BulkChangeDto, description: 'What would change (dry run)' })
  change?: BulkChangeDto | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why nothing would be done here' })
  problem?: string | null;
}

export class BulkResultItemDto {
  @ApiProperty() processId!: string;
  @ApiProperty({ nullable: true, type: String }) stepId!: string | null;
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional() error?: string;
  @ApiPropertyOptional() statusCode?: number;
}

export class BulkResultDto {
  @ApiProperty({ enum: ['nudge', 'extend', 'reassign', 'cancel'] }) action!: string;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: [BulkMatchDto] }) matched!: BulkMatchDto[];
  @ApiProperty({ type: [BulkResultItemDto] }) results!: BulkResultItemDto[];
  @ApiProperty() truncated!: boolean;
  @ApiPropertyOptional({ description: 'Dry runs over a filter: send it back with dryRun=false to act' })
  confirmToken?: string;
}

export class SummaryDto {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) byStatus!: Record<
    string,
    number
  >;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) byDefinition!: object[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) byAwaitedParty!: Record<
    string,
    number
  >;
  @ApiProperty() overdue!: number;
  @ApiProperty() idle!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'Per roadmap pillar (the processes of its initiatives): counts by status, stuck and overdue, average ' +
      'progress, the next legal date, the latest projected completion (by title) and projected entries into force',
  })
  pillars!: object[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Processes not linked to a roadmap initiative: the same counts as a pillar, under no pillar (pillar "")',
  })
  withoutInitiative!: object;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'Per initiative: its processes, counts by status, stuck and overdue, the next legal date, progress, ' +
      'projected completion and entry into force',
  })
  initiatives!: object[];
  @ApiProperty() truncated!: boolean;
  @ApiProperty() tookMs!: number;
}

export class AtRiskDueDto {
  @ApiProperty({ example: 'ca-tabling' }) stepId!: string;
  @ApiProperty({ example: 'Tabling in the House of Commons' }) stepTitle!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', format: 'date' },
    example: { JP: '2027-01-16', CA: '2027-01-15' },
    description: 'The due date in each party capital',
  })
  on!: Record<string, string>;
}

export class AtRiskForecastDto {
  @ApiProperty({ enum: ['entry-into-force', 'completion'] }) what!: string;
  @ApiProperty({ format: 'date', example: '2027-06-17' }) on!: string;
  @ApiProperty({ format: 'date', example: '2027-04-30' }) target!: string;
  @ApiProperty({ example: 48 }) lateByDays!: number;
}

export class AtRiskItemDto {
  @ApiProperty() processId!: string;
  @ApiProperty({ example: 'Mutual Legal Assistance Treaty' }) title!: string;
  @ApiProperty({ nullable: true, type: String, example: 'mlat' }) initiativeId!: string | null;
  @ApiProperty({ example: 'agreement-entry-into-force' }) definitionId!: string;
  @ApiProperty({ type: [String], enum: ['due-soon', 'forecast-late'] }) reasons!: string[];
  @ApiProperty({ type: [AtRiskDueDto] }) dueSoon!: AtRiskDueDto[];
  @ApiProperty({ nullable: true, type: AtRiskForecastDto }) forecast!: AtRiskForecastDto | null;
  @ApiProperty({
    example:
      'Mutual Legal Assistance Treaty: entry into force is projected on 2027-06-17, 48 days after the target 2027-04-30.',
  })
  detail!: string;
}
