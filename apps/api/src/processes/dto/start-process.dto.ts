import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsScalarRecord } from './param-values.validator';

export const BUSINESS_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export class StartProcessDto {
  @ApiPropertyOptional({
    example: 'agreement-entry-into-force',
    description:
      'A definition id from GET /definitions. Optional with `initiativeId`: the initiative names its definition.',
    pattern: '^[a-z0-9][a-z0-9-]{0,99}$',
  })
  // `initiativeId: null` names no initiative, so definitionId is then required too (fuzzing found a 500).
  @ValidateIf((o: StartProcessDto) => o.definitionId !== undefined || o.initiativeId == null)
  @IsString({
    message:
      'definitionId is required unless initiativeId is given (then the initiative names it); see GET /api/v1/definitions',
  })
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, {
    message: 'definitionId must be a definition id (lowercase letters, digits, "-")',
  })
  definitionId?: string;

  @ApiPropertyOptional({
    description:
      'A version of the definition (default: the latest). Older versions stay startable while they are shipped.',
    example: 1,
    minimum: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  definitionVersion?: number;

  @ApiPropertyOptional({
    example: 'Bringing the Japan–Canada MLAT into force',
    minLength: 1,
    maxLength: 300,
    description: "Optional with `initiativeId` (the initiative's title is used).",
  })
  @ValidateIf((o: StartProcessDto) => o.title !== undefined || o.initiativeId === undefined)
  @IsString({ message: 'title is required (or give initiativeId: its title is used)' })
  @Length(1, 300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;

  @ApiPropertyOptional({
    description: 'Caller-chosen unique key; a second process with the same key is refused (409).',
    example: 'TM-2026-OSAKA',
    pattern: BUSINESS_KEY_PATTERN.source,
  })
  @IsOptional()
  @IsString()
  @Matches(BUSINESS_KEY_PATTERN, {
    message: 'businessKey must be 1-100 letters, digits, ".", "_" or "-", starting with a letter or digit',
  })
  businessKey?: string;

  @ApiPropertyOptional({
    description: "Values for the definition's parameters (defaults apply to omitted ones).",
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { budgetCad: 250000 },
  })
  @IsOptional()
  @IsScalarRecord()
  parameters?: Record<string, string | number | boolean | null>;

  @ApiPropertyOptional({
    description:
      'An initiative id from GET /initiatives: alone it is enough (its definition and known parameters are used; yours override them). A second running process for the same initiative needs allowDuplicate.',
    example: 'mlat',
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { message: 'initiativeId must be an initiative id' })
  initiativeId?: string;

  @ApiPropertyOptional({
    description:
      'Start even though a process for the same initiative is running (otherwise 409 naming the running one).',
    default: false,
  })
  @IsOptional()
  @IsBoolean({ message: 'allowDuplicate must be true or false' })
  allowDuplicate?: boolean;
}
