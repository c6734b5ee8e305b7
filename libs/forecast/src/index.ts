export * from './types';
export * from './conditions';
export * from './forecast';
