export * from './feedback.module';
export * from './feedback.exception';
export * from './requests/request.dto';
export * from './requests/request-list.dto';
export * from './responses/response.dto';
export * from './leavers/leaver.dto';
