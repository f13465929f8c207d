export * from './memory-rate-limit.store';
export * from './postgres-rate-limit.store';
export * from './rate-limit';
