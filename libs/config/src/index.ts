export * from './accord-config';
