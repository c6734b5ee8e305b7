import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class AtRiskQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 365,
    default: 14,
    description: 'Due soon: an active step due within this many days (not yet overdue: those are on /stuck).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'withinDays must be a whole number of days, e.g. 14' })
  @Min(0, { message: 'withinDays must be 0 or more' })
  @Max(365, { message: 'withinDays must be at most 365' })
  withinDays?: number;

  @ApiPropertyOptional({
    example: '2027-06-30',
    description:
      'Forecast late: processes whose projected entry into force (agreements) or completion falls after this date.',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'target must be a date YYYY-MM-DD' })
  target?: string;

  @ApiPropertyOptional({ example: 'agreement-entry-into-force' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'definitionId must be a definition id' })
  definitionId?: string;

  @ApiPropertyOptional({ example: 'mlat' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { message: 'initiativeId must be an initiative id' })
  initiativeId?: string;
}
