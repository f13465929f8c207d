export * from './config/app-config';
export * from './config/config.module';
export * from './errors/app.exception';
export * from './errors/http-status';
export * from './errors/all-exceptions.filter';
export * from './http/validation.pipe';
export * from './auth/actor';
export * from './auth/auth.decorators';
