/**
 * One error shape for every response: {statusCode, error, message, details?, requestId}. ApiError carries
 * the field problems of a validation failure and, for business errors, the Accord error code.
 */
import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: FieldProblem[];
  requestId?: string;
}

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
