import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** Global: any library may send jobs or register handlers. */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
