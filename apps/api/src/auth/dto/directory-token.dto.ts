import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import type { DirectoryTokenRequest } from '../../../../../libs/contracts/src/auth';

export class DirectoryTokenDto implements DirectoryTokenRequest {
  @ApiProperty({
    description: 'Id of a seeded user (GET /api/v1/auth/directory/users).',
    example: 'jp-meti',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._@:-]{0,199}$/, { message: 'userId must be a user id' })
  userId!: string;
}
