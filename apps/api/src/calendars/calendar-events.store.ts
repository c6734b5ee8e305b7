/**
 * Reads and writes the recorded parliamentary events in the calendar-events workflow (one per namespace,
 * started on first write with update-with-start). Reads keep a short cache: the forecast reads it
 * synchronously (`cached()`), and every write refreshes it at once.
 */
import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import {
  CALENDAR_EVENTS_WORKFLOW_ID,
  CALENDAR_EVENTS_WORKFLOW_TYPE,
  calendarEventsQuery,
  recordCalendarEventUpdate,
  removeCalendarEventUpdate,
  type CalendarEvent,
} from '../../../../libs/contracts/src/calendar-events';
import { ACCORD_CONFIG, TEMPORAL_CLIENT } from '../common/tokens';

/** A read never waits longer than this on the store (then 503, or the forecast uses what it knew). */
const QUERY_TIMEOUT_MS = 5_000;
/** How long a read is reused: another API replica's write shows within this. */
const CACHE_MS = 10_000;

@Injectable()
export class CalendarEventsStore {
  private events: readonly CalendarEvent[] = [];
  private readAt = 0;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(ACCORD_CONFIG) private readonly config: AccordConfig,
  ) {}

  /** The events as last read (empty before the first read): for synchronous callers. */
  cached(): readonly CalendarEvent[] {
    return this.events;
  }

  /** The recorded events, read again when the cache is older than `maxAgeMs`. */
  async list(maxAgeMs = CACHE_MS): Promise<readonly CalendarEvent[]> {
    if (Date.now() - this.readAt <= maxAgeMs) return this.events;
    try {
      const read = await this.client.connection.withDeadline(Date.now() + QUERY_TIMEOUT_MS, () =>
        this.client.workflow.getHandle(CALENDAR_EVENTS_WORKFLOW_ID).query(calendarEventsQuery),
      );
      this.set(read);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      this.set([]);
    }
    return this.events;
  }

  async record(event: CalendarEvent): Promise<CalendarEvent> {
    const stored = await this.client.workflow.executeUpdateWithStart(recordCalendarEventUpdate, {
      args: [event],
      startWorkflowOperation: new WithStartWorkflowOperation(CALENDAR_EVENTS_WORKFLOW_TYPE, {
        workflowId: CALENDAR_EVENTS_WORKFLOW_ID,
        taskQueue: this.config.taskQueue,
        args: [{ events: [] }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    this.readAt = 0;
    await this.list();
    return stored;
  }

  async remove(id: string): Promise<CalendarEvent | null> {
    try {
      const removed = await this.client.workflow
        .getHandle(CALENDAR_EVENTS_WORKFLOW_ID)
        .executeUpdate(removeCalendarEventUpdate, { args: [{ id }] });
      this.readAt = 0;
      await this.list();
      return removed;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  }

  private set(events: readonly CalendarEvent[]): void {
    // A new array only when the content changed, so calendars built on it are rebuilt only then.
    if (JSON.stringify(events) !== JSON.stringify(this.events)) this.events = events;
    this.readAt = Date.now();
  }
}
