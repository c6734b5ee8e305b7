/**
 * The parliamentary calendars as Accord counts them (GET /calendars) and the events coordinators record
 * (POST/DELETE /calendars/events). A recorded event is checked whole before anything is stored (dates, kinds
 * per chamber, bounded ranges, no overlap with a recorded event, the merged calendar still valid); once stored,
 * the running processes whose definitions count that chamber's days are told, and recompute their due times.
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  loadDietCalendar,
  loadSittingCalendar,
  withDietEvents,
  withSittingEvents,
} from '../../../../libs/calendars/src';
import {
  calendarChangedSignal,
  MAX_CALENDAR_EVENTS,
  type CalendarEvent,
  type Chamber,
} from '../../../../libs/contracts/src/calendar-events';
import type { ProcessDefinition, Span, StepSpec } from '../../../../libs/contracts/src/definition';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { calendarRecorderRefusal } from '../../../../libs/directory/src/who-acts';
import { SA } from '../../../../libs/contracts/src/search-attributes';
import { mapLimit } from '../../../../libs/monitoring/src/limits';
import { ApiError, badRequest, type FieldProblem } from '../common/api-error';
import { received } from '../common/validation';
import { Catalogue } from '../definitions/catalogue';
import { clauses, TemporalGateway } from '../temporal/temporal-gateway';
import { CalendarEventsStore } from './calendar-events.store';
import type { RecordCalendarEventDto } from './dto/record-calendar-event.dto';

/** Running processes told per change (the rest are reported as not told: `truncated`). */
export const MAX_SIGNALLED = 1000;
/** A prorogation, dissolution or session longer than this is a typing error. */
const MAX_RANGE_DAYS = 400;
const EARLIEST = '1990-01-01';
const LATEST_YEARS_AHEAD = 3;

const UNIT: Record<Chamber, Span['unit']> = { 'house-of-commons': 'sitting-days', diet: 'diet-days' };
const KINDS: Record<Chamber, string[]> = {
  'house-of-commons': ['prorogation', 'dissolution'],
  diet: ['session', 'dissolution'],
};

export interface CalendarChange {
  event: CalendarEvent;
  /** Running processes told to recompute the due times counted in the chamber's days. */
  processesTold: number;
  /** More running processes than MAX_SIGNALLED matched: the rest recompute at their next due time. */
  truncated: boolean;
}

const isRealDate = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00.000Z`).toISOString().slice(0, 10) === d;
const dayDiff = (a: string, b: string) =>
  (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

function usesUnit(steps: StepSpec[], unit: Span['unit']): boolean {
  return steps.some((s) =>
    s.type === 'parallel'
      ? s.branches.some((b) => usesUnit(b.steps, unit))
      : (s.type === 'timer' ? s.wait?.unit : s.deadline?.within.unit) === unit,
  );
}

@Injectable()
export class CalendarsService {
  constructor(
    private readonly store: CalendarEventsStore,
    private readonly gateway: TemporalGateway,
    private readonly catalogue: Catalogue,
  ) {}

  /** Both calendars as counted now: published range, what is projected, interruptions, sessions, events. */
  async calendars() {
    const events = await this.store.list();
    const sitting = withSittingEvents(loadSittingCalendar(), events);
    const diet = withDietEvents(loadDietCalendar(), events);
    return {
      houseOfCommons: {
        source: sitting.source,
        approximate: sitting.approximate,
        covered: { from: `${sitting.first.slice(0, 4)}-01-01`, to: `${sitting.last.slice(0, 4)}-12-31` },
        projected: sitting.approximate
          ? 'every sitting day: the shipped calendar follows the Standing Orders’ pattern, not the calendar the House published'
          : 'sitting days outside the covered years',
        interruptions: sitting.interruptions,
      },
      diet: {
        source: diet.source,
        published: { from: diet.first, to: diet.last },
        projected: 'days outside the published range (an ordinary session from 20 January for 150 days)',
        sessions: diet.sessions,
        dissolutions: diet.dissolutions,
      },
      events,
    };
  }

  async record(caller: Principal, dto: RecordCalendarEventDto, now = new Date()): Promise<CalendarChange> {
    const refusal = calendarRecorderRefusal(caller, dto.chamber);
    if (refusal) throw new ApiError(403, refusal.message, undefined, refusal.code);
    this.check(dto, now);
    const events = await this.store.list(0);
    const overlapping = events.find(
      (e) =>
        e.chamber === dto.chamber &&
        e.kind === dto.kind &&
        e.from <= (dto.to ?? dto.from) &&
        dto.from <= (e.to ?? e.from),
    );
    if (overlapping)
      throw new ApiError(
        409,
        `from: the ${dto.kind} ${dto.from}…${dto.to ?? dto.from} overlaps the recorded event ${overlapping.id} ` +
          `(${overlapping.from}…${overlapping.to ?? overlapping.from}); remove it first (DELETE /calendars/events/${overlapping.id})`,
        [
          {
            field: 'from',
            message: `overlaps recorded event ${overlapping.id} (received: ${received(dto.from)})`,
          },
        ],
        'CALENDAR_EVENT_OVERLAP',
      );
    if (events.length >= MAX_CALENDAR_EVENTS)
      throw new ApiError(
        409,
        `At most ${MAX_CALENDAR_EVENTS} recorded calendar events: remove old ones (their place is the shipped data)`,
        undefined,
        'CALENDAR_EVENTS_LIMIT',
      );
    const event: CalendarEvent = {
      id: `cal-${randomUUID()}`,
      chamber: dto.chamber,
      kind: dto.kind,
      from: dto.from,
      ...(dto.to !== undefined ? { to: dto.to } : {}),
      ...(dto.sessionKind !== undefined ? { sessionKind: dto.sessionKind } : {}),
      source: dto.source.trim(),
      recordedBy: { sub: caller.sub, name: caller.name, party: caller.party },
      recordedAt: now.toISOString(),
    };
    try {
      // The merged calendar must still be valid before anything is stored (nothing half-applied).
      if (dto.chamber === 'diet') withDietEvents(loadDietCalendar(), [...events, event]);
    } catch (err) {
      throw badRequest([
        { field: 'from', message: `${(err as Error).message} (received: ${received(dto.from)})` },
      ]);
    }
    const stored = await this.store.record(event);
    return { event: stored, ...(await this.tell(dto.chamber)) };
  }

  async remove(caller: Principal, id: string): Promise<CalendarChange> {
    const found = (await this.store.list(0)).find((e) => e.id === id);
    if (!found) throw new ApiError(404, `Calendar event "${id}" not found`, undefined, 'NOT_FOUND');
    const refusal = calendarRecorderRefusal(caller, found.chamber);
    if (refusal) throw new ApiError(403, refusal.message, undefined, refusal.code);
    await this.store.remove(id);
    return { event: found, ...(await this.tell(found.chamber)) };
  }

  /** The rules across fields, each problem naming its field and the value received. */
  private check(dto: RecordCalendarEventDto, now: Date): void {
    const problems: FieldProblem[] = [];
    const add = (field: string, message: string, value: unknown) =>
      problems.push({ field, message: `${message} (received: ${received(value)})` });
    if (!KINDS[dto.chamber].includes(dto.kind))
      add('kind', `must be ${KINDS[dto.chamber].join(' or ')} for the ${dto.chamber}`, dto.kind);
    const latest = `${now.getUTCFullYear() + LATEST_YEARS_AHEAD}-12-31`;
    if (!isRealDate(dto.from)) add('from', 'must be a real date YYYY-MM-DD', dto.from);
    else if (dto.from < EARLIEST || dto.from > latest)
      add('from', `must be between ${EARLIEST} and ${latest}`, dto.from);
    const dietDissolution = dto.chamber === 'diet' && dto.kind === 'dissolution';
    if (dietDissolution && dto.to !== undefined)
      add('to', 'is not given for a dissolution of the House of Representatives (one day: from)', dto.to);
    if (!dietDissolution) {
      if (dto.to === undefined)
        add(
          'to',
          dto.chamber === 'diet'
            ? 'is required: the closing day of the session'
            : 'is required: the day before the House sits again (as proclaimed or expected; record it again when known)',
          dto.to,
        );
      else if (!isRealDate(dto.to)) add('to', 'must be a real date YYYY-MM-DD', dto.to);
      else if (isRealDate(dto.from) && dto.to < dto.from)
        add('to', `must be on or after from (${dto.from})`, dto.to);
      else if (isRealDate(dto.from) && dayDiff(dto.from, dto.to) > MAX_RANGE_DAYS)
        add('to', `must be within ${MAX_RANGE_DAYS} days of from`, dto.to);
    }
    const session = dto.chamber === 'diet' && dto.kind === 'session';
    if (session && dto.sessionKind === undefined)
      add(
        'sessionKind',
        'is required for a Diet session: ordinary, extraordinary or special',
        dto.sessionKind,
      );
    if (!session && dto.sessionKind !== undefined)
      add('sessionKind', 'is only for a Diet session', dto.sessionKind);
    if (problems.length) throw badRequest(problems);
  }

  /** Tells the running processes whose definitions count this chamber's days (bounded). */
  private async tell(chamber: Chamber): Promise<{ processesTold: number; truncated: boolean }> {
    const unit = UNIT[chamber];
    const ids = this.catalogue
      .listDefinitions()
      .filter((d) =>
        this.catalogue.listDefinitionVersions(d.id).some((v: ProcessDefinition) => usesUnit(v.steps, unit)),
      )
      .map((d) => d.id);
    if (ids.length === 0) return { processesTold: 0, truncated: false };
    const query = `${clauses.running} AND ${SA.definitionId.name} IN (${ids.map(clauses.quote).join(', ')})`;
    const targets: string[] = [];
    let token: string | undefined;
    let truncated = false;
    do {
      const page = await this.gateway.list(query, 200, token);
      targets.push(...page.items.map((i) => i.workflowId));
      token = page.nextPageToken ?? undefined;
      if (targets.length >= MAX_SIGNALLED) {
        truncated = token !== undefined || targets.length > MAX_SIGNALLED;
        break;
      }
    } while (token);
    const told = await mapLimit(targets.slice(0, MAX_SIGNALLED), 8, async (id) => {
      try {
        await this.gateway.client.workflow.getHandle(id).signal(calendarChangedSignal, { chamber });
        return 1;
      } catch {
        return 0; // closed meanwhile
      }
    });
    return { processesTold: told.reduce<number>((n, x) => n + x, 0), truncated };
  }
}
