import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
} from 'class-validator';

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,199}$/;
const ROLE_ID = /^[a-z][a-z0-9-]{0,63}$/;

export class CreateDelegationDto {
  @ApiProperty({
    description: 'User id (sub) of the colleague who may act; same party as the delegator.',
    example: 'jp-meti-2',
  })
  @IsString()
  @Matches(USER_ID, { message: 'to must be a user id' })
  to!: string;

  @ApiPropertyOptional({
    description: 'Delegator (default: the caller). Only a coordinator may name someone else.',
  })
  @IsOptional()
  @IsString()
  @Matches(USER_ID, { message: 'from must be a user id' })
  from?: string;

  @ApiProperty({
    description: 'ISO date-time the delegation ends (in the future).',
    example: '2030-01-31T00:00:00Z',
  })
  @IsISO8601({ strict: true }, { message: 'until must be an ISO 8601 date-time' })
  until!: string;

  @ApiPropertyOptional({
    description: "Roles delegated (default: all of the delegator's roles); a subset of them.",
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @Matches(ROLE_ID, { each: true, message: 'each role must be a role id' })
  roles?: string[];
}
