import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsScalarRecord } from './param-values.validator';

export const BUSINESS_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export class StartProcessDto {
  @ApiProperty({ example: 'trade-mission', description: 'A definition id from GET /definitions' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, {
    message: 'definitionId must be a definition id (lowercase letters, digits, "-")',
  })
  definitionId!: string;

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

  @ApiProperty({ example: 'Trade mission to Osaka, spring 2026', minLength: 1, maxLength: 300 })
  @IsString()
  @Length(1, 300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

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
    description: 'An initiative id from GET /initiatives',
    example: 'trade-mission-2026',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { message: 'initiativeId must be an initiative id' })
  initiativeId?: string;
}
