/** The API's English problems, as it words them today, read into the console's messages. */
import { en } from './messages/en';
import { API_ERROR_MESSAGE_IDS, apiErrorMessage, explainFieldProblem } from './api-problems';

describe("the API's problems in the reader's language", () => {
  it.each([
    ['required (date)', 'problem.required', undefined],
    [
      'comment is required for reject and request-changes, as text (received: missing)',
      'problem.required',
      undefined,
    ],
    ['reason must not be blank (received: "  ")', 'problem.required', undefined],
    ['is required (the definition gives no default)', 'problem.required', undefined],
    ['expected a date yyyy-mm-dd, got the text "tomorrow"', 'problem.date', undefined],
    ['must be a date YYYY-MM-DD, got "x"', 'problem.date', undefined],
    ['until must be an ISO 8601 date-time (received: "soon")', 'problem.date', undefined],
    ['is in the past (received: "2026-01-15", which is …): give a future date', 'problem.past', undefined],
    ['expected a number, got the text "ten"', 'problem.number', undefined],
    ['must be ≥ 1, got 0', 'problem.min', { min: '1' }],
    ['must be ≤ 120, got 400', 'problem.max', { max: '120' }],
    [
      'must be one of canada-to-japan, japan-to-canada, got "north"',
      'problem.oneOf',
      { options: 'canada-to-japan, japan-to-canada' },
    ],
    ['unknown field (received: 1)', 'problem.unknown', undefined],
    ['not an output of this step (its outputs: a, b)', 'problem.unknown', undefined],
    ['already used', 'problem.alreadyUsed', undefined],
    [
      'expected a reference (non-empty text, e.g. a document number), got the text " "',
      'problem.reference',
      undefined,
    ],
    ['expected text, got the number 3', 'problem.text', undefined],
  ])('%s', (message, id, values) => {
    const got = explainFieldProblem(message);
    expect(got.id).toBe(id);
    expect(got.values).toEqual(values);
    expect(got.needsDetail).toBe(false);
    expect(got.id in en).toBe(true);
  });

  it('keeps the value received, and says a problem it cannot read needs the API text beside it', () => {
    expect(explainFieldProblem('title must not be blank (received: "  ")').received).toBe('"  "');
    expect(explainFieldProblem('is required (received: missing)').received).toBeUndefined();
    const odd = explainFieldProblem(
      'businessKey must be 1-100 letters, digits, ".", "_" or "-", starting with a letter or digit (received: "?")',
    );
    expect(odd).toEqual({ id: 'problem.other', received: '"?"', needsDetail: true });
  });

  it('has a sentence for every business error code', () => {
    for (const id of API_ERROR_MESSAGE_IDS) expect([id, id in en]).toEqual([id, true]);
    expect(apiErrorMessage('STEP_NOT_ACTIVE')).toBe('apiError.STEP_NOT_ACTIVE');
    expect(apiErrorMessage('SOMETHING_NEW')).toBeNull();
    expect(apiErrorMessage(undefined)).toBeNull();
  });
});
