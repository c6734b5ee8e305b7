/** The pure process engine: no Temporal imports; the workflow (../process.workflow.ts) drives it. */
export * from './types';
export * from './structure';
export * from './conditions';
export * from './approval';
export * from './transitions';
export * from './timing';
export * from './updates';
export * from './view';
export * from './search';
export * from './idempotency';
export * from './carry';
export * from './outlook';
export * from './first';
