/**
 * Public holidays and business days per party, from the maintained `date-holidays` package (no hand-written
 * holiday tables).
 *
 * JP (Asia/Tokyo): national holidays incl. substitute holidays (振替休日) and citizens' holidays (国民の休日),
 *   plus the year-end closure of government offices, 29 Dec – 3 Jan (Act on Holidays of Administrative
 *   Organs, art. 1) — a rule, not a table.
 * CA (America/Toronto, federal government in Ottawa): the national public holidays of `date-holidays` plus the
 *   other designated paid holidays of the federal public service, given to `date-holidays` as rules: Easter
 *   Monday, Victoria Day, Civic Holiday, National Day for Truth and Reconciliation, Thanksgiving, Remembrance
 *   Day, Boxing Day. A holiday on a Saturday or Sunday is observed on the next working day.
 */
import Holidays from 'date-holidays';
import type { Party } from '../../contracts/src/definition';
import { addDays, isWeekend, type IsoDate } from './civil-date';

export const TIME_ZONES: Record<Party, string> = { JP: 'Asia/Tokyo', CA: 'America/Toronto' };

const CA_FEDERAL_RULES: [rule: string, name: string][] = [
  ['easter 1', 'Easter Monday'],
  ['monday before 05-25', 'Victoria Day'],
  ['1st monday in August', 'Civic Holiday'],
  ['09-30 since 2021', 'National Day for Truth and Reconciliation'],
  ['2nd monday after 10-01', 'Thanksgiving'],
  ['11-11', 'Remembrance Day'],
  ['12-26', 'Boxing Day'],
];

let engines: Record<Party, Holidays> | undefined;
function holidayEngines(): Record<Party, Holidays> {
  if (!engines) {
    const jp = new Holidays('JP', { timezone: TIME_ZONES.JP, types: ['public'] });
    const ca = new Holidays('CA', { timezone: TIME_ZONES.CA, types: ['public'] });
    for (const [rule, name] of CA_FEDERAL_RULES) ca.setHoliday(rule, { name: { en: name }, type: 'public' });
    engines = { JP: jp, CA: ca };
  }
  return engines;
}

export interface Holiday {
  date: IsoDate;
  name: string;
}

const cache = new Map<string, Map<IsoDate, string>>();

function listed(party: Party, year: number): Holiday[] {
  const engine = holidayEngines()[party];
  return engine
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The days off (other than weekends) of a party in a year, date → name. */
export function holidaysOf(party: Party, year: number): Map<IsoDate, string> {
  const key = `${party}:${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const all = new Map<IsoDate, string>();
  // The previous year too: its observed days may fall in this one (31 Dec on a Saturday → Monday 2 Jan).
  const list = [...listed(party, year - 1), ...listed(party, year)];
  for (const h of list) if (!all.has(h.date)) all.set(h.date, h.name);
  if (party === 'JP') {
    for (const d of [
      `${year}-01-01`,
      `${year}-01-02`,
      `${year}-01-03`,
      `${year}-12-29`,
      `${year}-12-30`,
      `${year}-12-31`,
    ]) {
      if (!all.has(d)) all.set(d, 'Year-end / New Year closure of government offices');
    }
  } else {
    // In date order, so that 25 and 26 Dec on a weekend are observed on Monday and Tuesday.
    for (const h of list) {
      if (!isWeekend(h.date)) continue;
      let d = addDays(h.date, 1);
      while (isWeekend(d) || all.has(d)) d = addDays(d, 1);
      all.set(d, `${h.name} (observed)`);
    }
  }
  const days = new Map([...all].filter(([d]) => d.startsWith(`${year}-`)));
  cache.set(key, days);
  return days;
}

/** The holiday name of a civil date, or undefined. */
export function holidayName(date: IsoDate, party: Party): string | undefined {
  return holidaysOf(party, +date.slice(0, 4)).get(date);
}

/** A weekday that is not a holiday of the party. */
export function isBusinessDate(date: IsoDate, party: Party): boolean {
  return !isWeekend(date) && holidayName(date, party) === undefined;
}
