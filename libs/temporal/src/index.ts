export * from './cli-resolver';
export * from './connection';
export * from './dev-server';
export * from './search-attributes';
export * from './temporal.module';
export * from './timeline';
