export * from './cycle-settings';
export * from './cycle-state';
export * from './request-rules';
export * from './answer-audience';
export * from './rater-privacy';
export * from './peer-shortfall';
export * from './self-request-rules';
