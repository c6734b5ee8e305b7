import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The shape of POST /calendars/events; the rules across fields (kinds per chamber, ranges) are the service's. */
export class RecordCalendarEventDto {
  @ApiProperty({ enum: ['house-of-commons', 'diet'], example: 'house-of-commons' })
  @IsIn(['house-of-commons', 'diet'], { message: 'chamber must be house-of-commons or diet' })
  chamber!: 'house-of-commons' | 'diet';

  @ApiProperty({
    enum: ['prorogation', 'dissolution', 'session'],
    description:
      'House of Commons: prorogation or dissolution (no sitting day from `from` to `to`). Diet: session ' +
      '(convened `from`, closed `to`) or dissolution of the House of Representatives on `from`.',
    example: 'prorogation',
  })
  @IsIn(['prorogation', 'dissolution', 'session'], {
    message: 'kind must be prorogation, dissolution or session',
  })
  kind!: 'prorogation' | 'dissolution' | 'session';

  @ApiProperty({ description: 'First day (YYYY-MM-DD, local to the chamber)', example: '2027-01-25' })
  @IsString()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  // A real calendar day (2503-13-48 matches the pattern: a 400 here, not a 500 later; fuzzing found it).
  @IsISO8601({ strict: true }, { message: 'from must be a calendar date YYYY-MM-DD' })
  from!: string;

  @ApiPropertyOptional({
    description:
      'Last day, inclusive (YYYY-MM-DD): for the House of Commons the day before it sits again; for a Diet ' +
      'session its closing day. Not given for a Diet dissolution.',
    example: '2027-01-29',
  })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a calendar date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: ['ordinary', 'extraordinary', 'special'], description: 'Diet sessions only' })
  @IsOptional()
  @IsIn(['ordinary', 'extraordinary', 'special'], {
    message: 'sessionKind must be ordinary, extraordinary or special',
  })
  sessionKind?: 'ordinary' | 'extraordinary' | 'special';

  @ApiProperty({
    description:
      'Where it was published: the proclamation, the Journals, the Official Gazette, a dated report',
    example: 'Proclamation proroguing Parliament, Canada Gazette Part II',
  })
  @IsString()
  @MinLength(3, { message: 'source must name where the event was published (3 characters at least)' })
  @MaxLength(500, { message: 'source must be at most 500 characters' })
  source!: string;
}
