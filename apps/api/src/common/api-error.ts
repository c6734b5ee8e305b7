/**
 * One error shape for every response: {statusCode, error, message, details?, requestId}. ApiError carries
 * the field problems of a validation failure and, for business errors, the Accord error code.
 */
import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { ErrorBody, FieldProblem } from '../../../../libs/contracts/src/http';

export type { ErrorBody, FieldProblem };

export class ApiError extends HttpException {
  constructor(
    status: number,
    message: string,
    readonly details?: FieldProblem[],
    readonly code?: string,
  ) {
    super(message, status);
  }
}

export const badRequest = (details: FieldProblem[], code = 'INVALID_INPUT') =>
  new ApiError(400, details.map((d) => `${d.field}: ${d.message}`).join('; '), details, code);

export function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
