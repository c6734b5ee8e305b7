export * from './types';
export * from './classify';
export * from './idle-threshold';
export * from './stuck-finder';
export * from './monitoring-config';
export * from './pinned-definition';
export * from './limits';
