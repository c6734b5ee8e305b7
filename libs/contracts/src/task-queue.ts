/** Default task queue of the process workflow; configurable with ACCORD_TASK_QUEUE. */
export const DEFAULT_TASK_QUEUE = 'accord-processes';
/** Workflow ids: `process-<uuid>`, so the id in URLs is the workflow id. */
export const PROCESS_ID_PREFIX = 'process-';
