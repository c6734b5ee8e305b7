/** OpenAPI classes mirroring libs/contracts/src/process-view.ts (the contract itself stays in contracts). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ForecastDto } from '../../monitoring/dto/responses';

/**
 * A parameter, output or timeline value (ParamValue): text, number, boolean, or null for a parameter the
 * definition lets be unset (OpenAPI 3.0 has no `type: null`: a nullable type whose only value is null).
 */
export const SCALARS = {
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'string', nullable: true, enum: [null] },
  ],
};

export class ActorRefDto {
  @ApiProperty() sub!: string;
  @ApiProperty() name!: string;
}

export class ActorDto extends ActorRefDto {
  @ApiPropertyOptional({ type: ActorRefDto }) onBehalfOf?: ActorRefDto;
}

export class DecisionViewDto {
  @ApiProperty({ description: 'Who acted' }) by!: string;
  @ApiProperty() byName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Whose approval it is, under a delegation' })
  onBehalfOf!: string | null;
  @ApiProperty({ enum: ['approve', 'reject', 'request-changes'] }) decision!: string;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
  @ApiProperty() round!: number;
}

export class HolderDto {
  @ApiProperty({ example: 'jp-clb-examiner' }) sub!: string;
  @ApiProperty({ example: 'Takahashi Aiko' }) name!: string;
  @ApiProperty({ example: 'Cabinet Legislation Bureau' }) org!: string;
  @ApiProperty({ type: [String], description: 'The awaited roles this person acts under' }) roles!: string[];
  @ApiProperty({ nullable: true, type: ActorRefDto, description: 'Set for a delegate: whose approval it is' })
  onBehalfOf!: ActorRefDto | null;
}

export class PartyViewDto {
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({
    oneOf: [
      { type: 'string', enum: ['all', 'any'] },
      { type: 'object', properties: { quorum: { type: 'integer' } } },
    ],
  })
  rule!: unknown;
  @ApiProperty({ enum: ['pending', 'done', 'not-required'] }) status!: string;
  @ApiProperty({ type: [DecisionViewDto] }) decisions!: DecisionViewDto[];
  @ApiProperty({
    type: [String],
    description:
      'Roles of this party still awaited now (active step, party pending, current round; under `all` the roles not yet approved)',
  })
  awaitedRoles!: string[];
  @ApiPropertyOptional({
    type: [HolderDto],
    description: 'The people who can act now for those roles, delegates included',
  })
  holders?: HolderDto[];
}

export class ChangeRequestViewDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: ActorDto }) by!: ActorDto;
  @ApiProperty({ nullable: true, type: String, enum: ['JP', 'CA'] }) party!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why: the comment of the decision' })
  comment!: string | null;
  @ApiProperty({ description: 'The step on which the changes were asked' }) fromStepId!: string;
  @ApiProperty() fromStepTitle!: string;
  @ApiProperty({ description: 'The round it opened on this step' }) round!: number;
}

export class OutputAskedDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['date', 'number', 'text', 'reference'] }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() required!: boolean;
}

export class LocalDueDto {
  @ApiProperty({ example: '2027-01-15', description: 'yyyy-mm-dd in that time zone' }) date!: string;
  @ApiProperty({ example: '23:59', description: 'HH:mm in that time zone' }) time!: string;
  @ApiProperty({ example: 'Asia/Tokyo' }) timeZone!: string;
}

export class LocalDuesDto {
  @ApiPropertyOptional({ type: LocalDueDto }) JP?: LocalDueDto;
  @ApiPropertyOptional({ type: LocalDueDto }) CA?: LocalDueDto;
}

export class ProcessSummaryTextDto {
  @ApiProperty({ type: [String], description: 'Active steps, by title' }) now!: string[];
  @ApiProperty({ type: [String], description: 'Steps that become active when the current ones finish' })
  next!: string[];
  @ApiProperty({ type: [String], description: 'Per awaited party: who, on which step' }) waitingOn!: string[];
  @ApiProperty({ description: 'The three as one paragraph, to read aloud' }) text!: string;
}

export class StepViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['approval', 'task', 'timer'] }) type!: string;
  @ApiProperty({
    enum: ['waiting', 'active', 'completed', 'rejected', 'skipped', 'cancelled', 'not-applicable'],
    description:
      '`not-applicable`: cannot run under the current parameters and outputs (waiting again if a route back reopens them)',
  })
  status!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiPropertyOptional({
    description:
      'dueAt was computed beyond published calendar data (House of Commons sitting days from the approximate ' +
      'calendar or past its years; Diet days outside the published sessions): an estimate. Absent when exact.',
  })
  dueProjected?: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: SCALARS }) outputs!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['date', 'number', 'text', 'reference'] },
  })
  outputTypes!: Record<string, string>;
  @ApiProperty({
    type: 'object',
    description: 'Per party (JP, CA): eligible roles, rule, status and decisions',
    additionalProperties: { $ref: '#/components/schemas/PartyViewDto' },
  })
  parties!: Record<string, PartyViewDto>;
  @ApiProperty() round!: number;
  @ApiProperty({
    nullable: true,
    type: 'object',
    properties: { id: { type: 'string' }, branch: { type: 'string' } },
  })
  parallel!: { id: string; branch: string } | null;
  @ApiPropertyOptional() waivable?: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    properties: { by: { type: 'string' }, reason: { type: 'string' }, at: { type: 'string' } },
  })
  waiver?: unknown;
  @ApiPropertyOptional({ type: [OutputAskedDto], description: 'Task steps: the outputs to record' })
  outputsAsked?: OutputAskedDto[];
  @ApiPropertyOptional({
    nullable: true,
    type: ChangeRequestViewDto,
    description: 'The latest change request that reopened this step: who, why, when',
  })
  latestChangeRequest?: ChangeRequestViewDto | null;
  @ApiPropertyOptional({ type: [String], description: 'A waiting step: the step ids it waits for' })
  waitsFor?: string[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'A not-applicable step: why' })
  notApplicableBecause?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: LocalDuesDto,
    description: "dueAt as a local date and time in each party's capital",
  })
  dueLocal?: LocalDuesDto | null;
  @ApiPropertyOptional({
    enum: ['JP', 'CA'],
    description:
      "The step is internal to this party, which is not the reader's: its outputs and comments are left out",
  })
  internalTo?: string;
}

/** The answer of POST …/deadline: the step, and how the given dueAt was read. */
export class MovedDeadlineDto extends StepViewDto {
  @ApiProperty({
    example:
      "2027-01-15 read as the end of that day in CA's capital (America/Toronto): 2027-01-16T04:59:59.000Z",
  })
  dueAtMeaning!: string;
}

export class OutcomeDto {
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: ActorDto }) by!: ActorDto | null;
  @ApiProperty({ nullable: true, type: String }) stepId!: string | null;
}

export class ProcessViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty() definitionVersion!: number;
  @ApiProperty() definitionTitle!: string;
  @ApiProperty({ enum: ['running', 'completed', 'rejected', 'cancelled', 'failed'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) businessKey!: string | null;
  @ApiProperty({ nullable: true, type: String }) initiativeId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: SCALARS }) parameters!: Record<string, unknown>;
  @ApiProperty({ type: ActorDto }) initiator!: ActorDto;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: OutcomeDto }) outcome!: OutcomeDto | null;
  @ApiProperty({ format: 'date-time' }) lastProgressAt!: string;
  @ApiProperty({
    description:
      'True for a moment after a start or transition, while due times of new active steps are computed',
  })
  dueTimesPending!: boolean;
  @ApiProperty({ type: [StepViewDto] }) steps!: StepViewDto[];
  @ApiPropertyOptional({
    type: [String],
    description: 'Step ids that become active when the current ones finish',
  })
  nextStepIds?: string[];
  @ApiPropertyOptional({ type: ProcessSummaryTextDto, description: '"Now / next / waiting on"' })
  summary?: ProcessSummaryTextDto;
  @ApiPropertyOptional({
    nullable: true,
    type: () => ForecastDto,
    description: 'Projected completion of a running process (GET /processes/{id} only; null once closed)',
  })
  forecast?: ForecastDto | null;
}

export class StartNoteDto {
  @ApiProperty({ nullable: true, type: String, example: 'mlat' }) initiativeId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Mutual Legal Assistance Treaty' })
  initiativeTitle!: string | null;
  @ApiProperty({ example: 'agreement-entry-into-force' }) definitionId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: SCALARS,
    description: "The initiative's known parameters that were applied",
  })
  parametersFromInitiative!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'Initiative parameters the caller gave another value' })
  parametersOverridden!: string[];
  @ApiProperty() message!: string;
}

/** The 201 answer of POST /processes: the view, its forecast, and how the request was read. */
export class ProcessStartedDto extends ProcessViewDto {
  @ApiProperty({ type: StartNoteDto }) start!: StartNoteDto;
}

export class TimelineEntryDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'decision' }) kind!: string;
  @ApiProperty({ nullable: true, type: ActorDto }) actor!: ActorDto | null;
  @ApiProperty({ nullable: true, type: String }) stepId!: string | null;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) comment?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: SCALARS }) data?: Record<string, unknown>;
}

export class ProcessSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) definitionId!: string | null;
  @ApiProperty({ enum: ['running', 'completed', 'rejected', 'cancelled', 'failed'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) initiativeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) businessKey!: string | null;
  @ApiProperty({ nullable: true, type: String }) initiator!: string | null;
  @ApiProperty({ type: [String] }) awaitingParties!: string[];
  @ApiProperty({ type: [String] }) currentSteps!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) nextDueAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastProgressAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) progressPct!: number | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
}

export class ProcessPageDto {
  @ApiProperty({ type: [ProcessSummaryDto] }) items!: ProcessSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextPageToken!: string | null;
}
