export * from './cycle-settings';
export * from './cycle-state';
export * from './request-rules';
