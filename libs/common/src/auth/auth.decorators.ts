import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from './actor';

export const IS_PUBLIC_KEY = 'ripple:public';
export const ROLES_KEY = 'ripple:roles';

/** Marks a route as reachable without a session. Everything else is denied by default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Authenticated route, optionally restricted to roles. Carries the OpenAPI metadata too, so
 * the documentation and the guard cannot disagree.
 */
export function Authenticated(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiCookieAuth('session'),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
    ...(roles.length ? [ApiForbiddenResponse({ description: `Requires role: ${roles.join(' or ')}` })] : []),
    ApiNotFoundResponse({ description: 'Not found (or not visible to you)' }),
  );
}

/** Passport stores the authenticated Actor on `request.user`. */
export type RequestWithActor = FastifyRequest & { user?: Actor };

/** The authenticated actor; the guard has already refused anonymous requests. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<RequestWithActor>();
  if (!request.user) throw new UnauthorizedException('Not signed in');
  return request.user;
});
