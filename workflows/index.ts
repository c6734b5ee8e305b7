/** Every workflow the worker registers. Deterministic code only: see eslint rules for this folder. */
export { processWorkflow } from './process.workflow';
