export * from './frameworks.module';
export * from './frameworks.service';
export * from './frameworks.exception';
export * from './framework.dto';
export * from './default-framework.data';
export * from './framework-language';
