/**
 * The global ValidationPipe: whitelist + forbid unknown fields, no implicit conversion of body values, and
 * one 400 listing every bad field by its path (e.g. `parameters.budget`, `outputs.signedOn`).
 */
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { badRequest, type FieldProblem } from './api-error';

/** What was received, short: `missing`, or the JSON of the value (cut at 80 characters). */
export function received(value: unknown): string {
  if (value === undefined) return 'missing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/**
 * One message per field (a missing comment fails `IsString`, `Length` and `Matches` at once: the type check
 * says it best), with the value received.
 */
/** Checks of what a value is come before checks of its length or shape. */
const FIRST = [
  'whitelistValidation',
  'isDefined',
  'isString',
  'isBoolean',
  'isNumber',
  'isInt',
  'isIn',
  'isEnum',
  'isIso8601',
  'isISO8601',
  'isArray',
  'isObject',
];

function firstProblem(constraints: Record<string, string>): string | undefined {
  const keys = Object.keys(constraints);
  const key = FIRST.find((k) => keys.includes(k)) ?? keys[0];
  return key === undefined ? undefined : constraints[key];
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const message = firstProblem(e.constraints ?? {});
    if (message !== undefined) {
      const text = message.replace(/^property (\S+) should not exist$/, 'unknown field');
      out.push({ field, message: `${text} (received: ${received(e.value)})` });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => badRequest(flattenValidationErrors(errors)),
  });
}
