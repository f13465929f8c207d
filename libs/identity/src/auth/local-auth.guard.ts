import { BadRequestException, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { untrustedInputErrors, validationFieldErrors } from '@lib/common';
import { LoginDto } from './auth.dto';

/** Validates the login body first (guards run before pipes), then runs the local strategy. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<{ body: unknown }>().body;
    const errors = await validate(plainToInstance(LoginDto, body ?? {}), { whitelist: true, forbidNonWhitelisted: true });
    // The same rule as the global validation pipe, which a guard runs before.
    const untrusted = untrustedInputErrors(body);
    if (typeof body !== 'object' || body === null || errors.length || untrusted.length) {
      const fieldErrors = [...validationFieldErrors(errors), ...untrusted];
      throw new BadRequestException({
        message: fieldErrors.map((e) => e.message).join('; ') || 'email and password are required',
        errors: fieldErrors,
        code: 'validation_failed',
      });
    }
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error instanceof Error ? error : new Error('Authentication failed', { cause: error });
    return user;
  }
}
