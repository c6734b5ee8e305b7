/**
 * The worker's activities, built from their dependencies (so tests can swap a notification sender, never
 * Temporal). Workflows import these as types only.
 */
import type { Client } from '@temporalio/client';
import type { AccordConfig } from '../libs/config/src/accord-config';

export interface ActivityDeps {
  config: AccordConfig;
  /** For activities that read or drive other workflows (monitoring sweep). */
  client?: Client;
}

export function createActivities(_deps: ActivityDeps) {
  return {};
}

export type Activities = ReturnType<typeof createActivities>;
