export * from './jobs.module';
export * from './jobs.service';
export * from './job-names';
