import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'parameters.budget' }) field!: string;
  @ApiProperty({ example: 'must be a number' }) message!: string;
}

/** The one shape of every error response. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'title: title must be a string' }) message!: string;
  @ApiPropertyOptional({
    description: 'Accord error code (libs/contracts/src/errors.ts)',
    example: 'INVALID_INPUT',
  })
  code?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto] }) details?: FieldProblemDto[];
  @ApiPropertyOptional({ example: '3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11' }) requestId?: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (the message and details name each bad field)',
  401: 'Missing, invalid or expired bearer token',
  403: "The caller's party or roles do not allow this",
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request body too large',
};

/** Documents the error responses of a route (401 and 413 are added to all authenticated routes). */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ErrorResponseDto }),
    ),
  );
}
