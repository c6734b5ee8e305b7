import { ApiError } from '../api/client';

/**
 * The API's field problems by field path. Validation errors name their field (`comment`, `outputs.signedOn`,
 * `parameters.budget`); the workflow's output check answers INVALID_OUTPUTS with the same paths in details.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const p of error.fieldProblems) out[p.field] ??= p.message;
  return out;
}

/** An error not tied to any field on the form (shown above it). */
export function isFormLevel(error: unknown, fields: string[]): boolean {
  if (!error) return false;
  const byField = fieldErrorsOf(error);
  return !Object.keys(byField).some((f) => fields.includes(f));
}
