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

/** A real day: "2027-02-30" and "2027-13-48" are not (Date.parse would roll or refuse them). */
function isCivilDate(raw: string): boolean {
  const t = Date.parse(`${raw}T00:00:00.000Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === raw;
}

export function readDueAt(
  raw: string,
  party: Party,
  now: number,
  field = 'dueAt',
): DueInput | { problem: DueProblem } {
  const dateOnly = DATE_ONLY.test(raw);
  if (dateOnly && !isCivilDate(raw)) {
    return {
      problem: { field, message: `is not a date on the calendar (received: "${raw}"): give YYYY-MM-DD` },
    };
  }
  const timeZone = TIME_ZONES[party];
  // A date alone: the last second of that day on the capital's wall clock.
  const t = dateOnly ? fromZoned(addDays(raw, 1), 0, timeZone) - 1000 : Date.parse(raw);
  // Checked before anything formats the instant: an impossible or out-of-range date is a 400, never a throw.
  if (!Number.isFinite(t) || Number.isNaN(new Date(t).getTime())) {
    return { problem: { field, message: `must be an ISO 8601 date or date-time (received: "${raw}")` } };
  }
  const meaning = dateOnly
    ? `${raw} read as the end of that day in ${party}'s capital (${timeZone}): ${new Date(t).toISOString()}`
    : `${raw} read as the instant ${new Date(t).toISOString()}`;
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
