export * from './domain';
export * from './cycles.module';
export * from './cycles.service';
export * from './cycles.exception';
export * from './cycle.dto';
export * from './cycle-subject.dto';
export * from './cycle-progress.dto';
export type { CycleRecord } from './cycles.repository';
export { CycleNotificationsService } from './notifications/cycle-notifications.service';
