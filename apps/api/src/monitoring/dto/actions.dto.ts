import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';

const STEP_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const ROLE = /^[a-z][a-z0-9-]{0,99}$/;

export class NudgeDto {
  @ApiPropertyOptional({ description: 'Only this step; default every active step.' })
  @IsOptional()
  @IsString()
  @Matches(STEP_ID, { message: 'stepId must be 1-200 letters, digits, ".", "_", ":" or "-"' })
  stepId?: string;

  @ApiPropertyOptional({ maxLength: 4000, example: 'Ministers meet next week' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason?: string;
}

export class ReassignDto {
  @ApiProperty({ enum: ['JP', 'CA'] })
  @IsIn(['JP', 'CA'], { message: 'party must be JP or CA' })
  party!: 'JP' | 'CA';

  @ApiProperty({
    type: [String],
    example: ['jp-clb-examiner'],
    description: "The party's new eligible roles on the step.",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(ROLE, { each: true, message: 'each role must be a role id (lower-case letters, digits, "-")' })
  roles!: string[];

  @ApiProperty({ minLength: 1, maxLength: 4000, example: 'Treaties Division officer on leave' })
  @IsString()
  @Length(1, 4000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
