/**
 * The worker's activities, built from their dependencies (so tests can swap a notification sender, never
 * Temporal). Workflows import these as types only.
 */
import type { Client } from '@temporalio/client';
import type { AccordConfig } from '../libs/config/src/accord-config';
import { calendarEventsReader } from './calendar-events';
import { createDueCalculator } from './compute-due';
import { createMonitoringActivities } from './monitoring';
import { createNotify, defaultDirectory, senderFor, type Directory, type Sender } from './notify';

export interface ActivityDeps {
  config: AccordConfig;
  /** For activities that read or drive other workflows (monitoring sweep). */
  client?: Client;
  /** Replaces the configured notification sender (tests capture what is sent). */
  sender?: Sender;
  /** Replaces the user directory used to expand `PARTY:role` recipients. */
  directory?: Directory | null;
}

export function createActivities(deps: ActivityDeps) {
  const due = createDueCalculator({
    dayLengthMs: deps.config.dayLengthMs,
    sittingCalendarFile: deps.config.sittingCalendarFile,
    ...(deps.client ? { calendarEvents: calendarEventsReader(deps.client) } : {}),
  });
  let sender: Sender | undefined = deps.sender;
  const notify = createNotify(
    () => (sender ??= senderFor(deps.config)),
    deps.directory === undefined ? defaultDirectory() : deps.directory,
  );
  return {
    computeDue: due.computeDue,
    computeDues: due.computeDues,
    notify,
    ...createMonitoringActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
