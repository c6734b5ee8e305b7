export * from './definition';
export * from './principal';
export * from './process-view';
export * from './errors';
export * from './search-attributes';
export * from './messages';
export * from './task-queue';
export * from './notifications';
