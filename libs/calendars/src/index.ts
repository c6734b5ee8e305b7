export * from './compute-due';
export { holidaysOf, holidayName, isBusinessDate, TIME_ZONES } from './holidays';
export {
  loadSittingCalendar,
  parseSittingCalendar,
  SittingCalendarError,
  type SittingCalendar,
} from './sitting-calendar';
export { addDays, toZoned, fromZoned, type IsoDate } from './civil-date';
export {
  loadDietCalendar,
  parseDietCalendar,
  DietCalendarError,
  PROJECTED_ORDINARY_SESSION,
  DISSOLUTION_TO_SESSION_DAYS,
  type DietCalendar,
  type DietSession,
} from './diet-calendar';
export { withSittingEvents, withDietEvents } from './recorded-events';
