export * from './notifications.module';
export * from './mail.service';
export { REDACTED, redactSecrets } from './redact-secrets';
