/**
 * A due time typed by a person: a date-time is taken as it is; a date alone (yyyy-mm-dd) means the end of
 * that day in the party's capital (Asia/Tokyo, America/Toronto), never midnight UTC (19:00 the day before in
 * Ottawa). A time already past is refused. Pure, so the rule is unit-tested.
 */
import { addDays, fromZoned, TIME_ZONES } from '../../../../libs/calendars/src';
import type { Party } from '../../../../libs/contracts/src/definition';

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface DueInput {
  /** The instant, ISO. */
  dueAt: string;
  /** How the value was read, in words (stated in the answer). */
  meaning: string;
}

/** A value that cannot be a due time: the field and what is wrong (the caller answers 400 with it). */
export interface DueProblem {
  field: string;
  message: string;
}

export function readDueAt(
  raw: string,
  party: Party,
  now: number,
  field = 'dueAt',
): DueInput | { problem: DueProblem } {
  let t: number;
  let meaning: string;
  if (DATE_ONLY.test(raw)) {
    const timeZone = TIME_ZONES[party];
    // The last second of that day on the capital's wall clock.
    t = fromZoned(addDays(raw, 1), 0, timeZone) - 1000;
    meaning = `${raw} read as the end of that day in ${party}'s capital (${timeZone}): ${new Date(t).toISOString()}`;
  } else {
    t = Date.parse(raw);
    meaning = Number.isNaN(t) ? '' : `${raw} read as the instant ${new Date(t).toISOString()}`;
  }
  if (Number.isNaN(t)) {
    return { problem: { field, message: `must be an ISO 8601 date or date-time (received: "${raw}")` } };
  }
  if (t <= now) {
    return {
      problem: {
        field,
        message: `is in the past (received: "${raw}", which is ${new Date(t).toISOString()}; now is ${new Date(now).toISOString()}): give a future date`,
      },
    };
  }
  return { dueAt: new Date(t).toISOString(), meaning };
}
