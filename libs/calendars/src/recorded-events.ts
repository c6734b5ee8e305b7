/**
 * The shipped calendars with the events recorded through the API on top (libs/contracts/src/calendar-events.ts):
 * a House of Commons prorogation or dissolution is one more interruption (no sitting day inside it); a Diet
 * session replaces the shipped sessions it overlaps; a Diet dissolution closes the session in progress that
 * day. Pure: the callers (computeDues activity, the API's forecast) load the events.
 */
import type { CalendarEvent } from '../../contracts/src/calendar-events';
import type { IsoDate } from './civil-date';
import { contentKeyOf, declareContent } from './day-index';
import { parseDietCalendar, type DietCalendar, type DietSession } from './diet-calendar';
import type { SittingCalendar, SittingInterruption } from './sitting-calendar';

export function withSittingEvents(base: SittingCalendar, events: readonly CalendarEvent[]): SittingCalendar {
  const extra: SittingInterruption[] = events
    .filter((e) => e.chamber === 'house-of-commons' && (e.kind === 'prorogation' || e.kind === 'dissolution'))
    .map((e) => ({
      kind: e.kind as SittingInterruption['kind'],
      from: e.from,
      to: e.to ?? e.from,
      source: `${e.source} (recorded by ${e.recordedBy.name}, ${e.recordedAt.slice(0, 10)})`,
    }));
  if (extra.length === 0) return base;
  const inside = (d: IsoDate) => extra.some((x) => d >= x.from && d <= x.to);
  const merged: SittingCalendar = {
    source: `${base.source} + ${extra.length} recorded interruption(s)`,
    approximate: base.approximate,
    first: base.first,
    last: base.last,
    interruptions: [...base.interruptions, ...extra],
    isSittingDay: (d) => !inside(d) && base.isSittingDay(d),
    isProjected: (d) => base.isProjected(d),
  };
  // The same base with the same recorded interruptions (a new object on every computeDues call) counts the
  // same days: one day index for all of them.
  declareContent(merged, () => {
    const b = contentKeyOf(base);
    return b === undefined ? undefined : JSON.stringify(['merged', b, extra.map((x) => [x.from, x.to])]);
  });
  return merged;
}

export function withDietEvents(base: DietCalendar, events: readonly CalendarEvent[]): DietCalendar {
  const mine = events.filter((e) => e.chamber === 'diet');
  if (mine.length === 0) return base;
  const recorded: DietSession[] = mine
    .filter((e) => e.kind === 'session')
    .map((e) => ({
      kind: e.sessionKind ?? 'extraordinary',
      convened: e.from,
      closed: e.to ?? e.from,
      note: `recorded by ${e.recordedBy.name} on ${e.recordedAt.slice(0, 10)}`,
      sources: [{ title: e.source, url: '' }],
    }));
  const overlaps = (a: DietSession, b: DietSession) => a.convened <= b.closed && b.convened <= a.closed;
  let sessions = [
    ...base.sessions.filter((s) => !recorded.some((r) => overlaps(r, s))),
    ...recorded.filter((r, i) => !recorded.slice(i + 1).some((q) => overlaps(r, q))),
  ].sort((a, b) => a.convened.localeCompare(b.convened));
  const dissolutions = mine.filter((e) => e.kind === 'dissolution').map((e) => ({ on: e.from }));
  for (const d of dissolutions) {
    sessions = sessions.map((s) =>
      d.on >= s.convened && d.on < s.closed ? { ...s, closed: d.on, closedBy: 'dissolution' as const } : s,
    );
  }
  return parseDietCalendar(
    { sessions, dissolutions: [...base.dissolutions, ...dissolutions] },
    `${base.source} + ${mine.length} recorded event(s)`,
  );
}
