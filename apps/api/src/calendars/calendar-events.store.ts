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
  recordCalendarEventUpdate,
  removeCalendarEventUpdate,
  type CalendarEvent,
} from '../../../../libs/contracts/src/calendar-events';
import {
  cachedRecordedEvents,
  calendarEventsReader,
  type RecordedEventsSource,
} from '../../../../libs/monitoring/src/recorded-events-source';
import { ACCORD_CONFIG, TEMPORAL_CLIENT } from '../common/tokens';

/** A read never waits longer than this on the store (then 503, or the forecast uses what it knew). */
const QUERY_TIMEOUT_MS = 5_000;
/** How long a read is reused: another API replica's write shows within this. */
const CACHE_MS = 10_000;

@Injectable()
export class CalendarEventsStore implements RecordedEventsSource {
  /** The reader the worker's digest uses too (libs/monitoring), with this API's deadline and cache. */
  private readonly source: RecordedEventsSource;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(ACCORD_CONFIG) private readonly config: AccordConfig,
  ) {
    this.source = cachedRecordedEvents(calendarEventsReader(client, QUERY_TIMEOUT_MS), CACHE_MS);
  }

  /** The events as last read (empty before the first read): for synchronous callers. */
  cached(): readonly CalendarEvent[] {
    return this.source.cached();
  }

  /** The recorded events, read again when the cache is older than `maxAgeMs`. */
  list(maxAgeMs = CACHE_MS): Promise<readonly CalendarEvent[]> {
    return this.source.list(maxAgeMs);
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
    await this.list(0);
    return stored;
  }

  async remove(id: string): Promise<CalendarEvent | null> {
    try {
      const removed = await this.client.workflow
        .getHandle(CALENDAR_EVENTS_WORKFLOW_ID)
        .executeUpdate(removeCalendarEventUpdate, { args: [{ id }] });
      await this.list(0);
      return removed;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  }
}
