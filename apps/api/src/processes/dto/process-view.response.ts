/** OpenAPI classes mirroring libs/contracts/src/process-view.ts (the contract itself stays in contracts). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ForecastDto } from '../../monitoring/dto/responses';

const SCALARS = { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] };

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
}

export class StepViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['approval', 'task', 'timer'] }) type!: string;
  @ApiProperty({ enum: ['waiting', 'active', 'completed', 'rejected', 'skipped', 'cancelled'] })
  status!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
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
    nullable: true,
    type: () => ForecastDto,
    description: 'Projected completion of a running process (GET /processes/{id} only; null once closed)',
  })
  forecast?: ForecastDto | null;
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
