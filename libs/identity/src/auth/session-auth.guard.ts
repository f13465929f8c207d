import { ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Actor, IS_PUBLIC_KEY, Role, ROLES_KEY } from '@lib/common';

/**
 * The global guard: every route needs a session unless it is marked @Public(), and roles named
 * with @Authenticated(...roles) are enforced. No metadata means "signed in", never "allowed".
 */
@Injectable()
export class SessionAuthGuard extends AuthGuard('session') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    await super.canActivate(context);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    const actor = context.switchToHttp().getRequest<{ user: Actor }>().user;
    if (roles.length > 0 && !roles.includes(actor.role)) {
      throw new ForbiddenException('You do not have permission to do this');
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error instanceof Error ? error : new Error('Authentication failed', { cause: error });
    if (!user) throw new UnauthorizedException('Not signed in');
    return user;
  }
}
