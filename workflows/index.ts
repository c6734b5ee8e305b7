/** Every workflow the worker registers. Deterministic code only: see eslint rules for this folder. */
export { processWorkflow } from './process.workflow';
export { delegationsWorkflow } from './delegations.workflow';
export { digestWorkflow } from './digest.workflow';
export { calendarEventsWorkflow } from './calendar-events.workflow';
