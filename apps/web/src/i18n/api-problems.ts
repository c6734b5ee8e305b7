/**
 * The API's problems in the reader's language. The API answers in English only: each field problem is a
 * sentence naming what is wrong and the value received (class-validator's checks, the definition's parameter
 * checks, the workflow's output checks), and each business error carries a code (libs/contracts/src/errors.ts).
 * Known kinds of field problem and every code map to ICU messages; anything else is shown with a generic
 * sentence and the API's own text as its detail, so no key and no silent blank ever shows. Pure.
 */
import { ErrorCodes, isErrorCode } from '../../../../libs/contracts/src/errors';
import { en, type MessageId } from './messages/en';

export interface Explained {
  id: MessageId;
  values?: Record<string, string>;
  /** The value the API says it received (`missing` is left out: the message says it). */
  received?: string;
  /** True when the message is generic: the API's text should be shown beside it. */
  needsDetail: boolean;
}

type Rule = [RegExp, MessageId, ((m: RegExpMatchArray) => Record<string, string>)?];

/** Most specific first: "must not be blank" is a missing value, "expected a date" a wrong one. */
const RULES: Rule[] = [
  [/\bis (?:already )?used\b|already used/i, 'problem.alreadyUsed'],
  [/\bin the past\b/i, 'problem.past'],
  [
    /^(?:\S+ )?(?:is )?required\b|\bmust not be (?:blank|empty)\b|\bshould not be empty\b/i,
    'problem.required',
  ],
  [/\bunknown (?:field|parameter)\b|\bnot an output of this step\b|\bshould not exist\b/i, 'problem.unknown'],
  [/\b(?:expected|must be) an? (?:ISO 8601 )?date\b|\bISO 8601\b|\bYYYY-MM-DD\b/i, 'problem.date'],
  [/must be ≥ (-?[\d.]+)|must not be less than (-?[\d.]+)/i, 'problem.min', (m) => ({ min: m[1] ?? m[2]! })],
  [
    /must be ≤ (-?[\d.]+)|must not be greater than (-?[\d.]+)/i,
    'problem.max',
    (m) => ({ max: m[1] ?? m[2]! }),
  ],
  [/\b(?:expected|must be) an? (?:number|integer)\b/i, 'problem.number'],
  [/must be one of (.+?)(?:, got\b.*)?$/i, 'problem.oneOf', (m) => ({ options: m[1]!.trim() })],
  [
    /must be shorter than or equal to (\d+)|at most (\d+) characters/i,
    'problem.tooLong',
    (m) => ({ max: m[1] ?? m[2]! }),
  ],
  [/\bexpected a reference\b/i, 'problem.reference'],
  [/\b(?:expected text|must be a string)\b/i, 'problem.text'],
];

/** `… (received: "x")` at the end of a validation message. */
const RECEIVED = /\s*\(received: (.*)\)\s*$/;

export function explainFieldProblem(message: string): Explained {
  const got = RECEIVED.exec(message);
  const text = got ? message.slice(0, got.index) : message;
  const received = got && got[1] !== 'missing' ? got[1] : undefined;
  for (const [pattern, id, values] of RULES) {
    const m = text.match(pattern);
    if (m) return { id, values: values?.(m), received, needsDetail: false };
  }
  return { id: 'problem.other', received, needsDetail: true };
}

/**
 * The sentence for a business error code, or null for a code this console has no sentence for (a code
 * newer than the console): the caller then says it by the HTTP status, never by a raw message id.
 */
export function apiErrorMessage(code: string | undefined): MessageId | null {
  const id = `apiError.${code}`;
  return code && isErrorCode(code) && id in en ? (id as MessageId) : null;
}

/** Every code has its sentence (checked by the spec against each locale). */
export const API_ERROR_MESSAGE_IDS = Object.keys(ErrorCodes).map((c) => `apiError.${c}`);
