export * from './audit-actions';
export * from './audit.module';
export * from './audit.service';
