/**
 * Business errors raised by the workflow's Update validators (as ApplicationFailure types) and by the
 * API. The API maps each code to its HTTP status in one place (httpStatusOf).
 */
export const ErrorCodes = {
  INVALID_INPUT: 400,
  COMMENT_REQUIRED: 400,
  INVALID_OUTPUTS: 400,
  INVALID_ROLES: 400,
  AUTHORITY_REQUIRED: 400,
  WRONG_PARTY: 403,
  NOT_ELIGIBLE: 403,
  NOT_COORDINATOR: 403,
  NO_ROLES: 403,
  STEP_NOT_FOUND: 404,
  PROCESS_NOT_FOUND: 404,
  WRONG_STEP_TYPE: 409,
  STEP_NOT_ACTIVE: 409,
  PARTY_NOT_AWAITED: 409,
  ALREADY_DECIDED: 409,
  PROCESS_CLOSED: 409,
  NOT_WAIVABLE: 409,
  CONFLICT: 409,
  REASSIGN_COMPLETES: 409,
  ROUND_LIMIT: 409,
  DELEGATION_LIMIT: 409,
  RATE_LIMITED: 429,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ErrorCodes, value);
}

export function httpStatusOf(code: ErrorCode): number {
  return ErrorCodes[code];
}
