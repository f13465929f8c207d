export * from './notifications.module';
export * from './mail.service';
