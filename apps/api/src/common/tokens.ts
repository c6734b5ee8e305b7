/** Injection tokens of the API. The Temporal Client token comes from libs/temporal. */
export const ACCORD_CONFIG = Symbol('ACCORD_CONFIG');
export { TEMPORAL_CLIENT } from '../../../../libs/temporal/src/temporal.module';
