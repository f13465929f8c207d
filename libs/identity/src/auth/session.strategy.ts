import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import type { Actor, AppConfig } from '@lib/common';
import { SessionService } from './session.service';

export const SESSION_COOKIE = 'ripple_session';

/** Hands a new session's token to the browser: signed, httpOnly, for the session's lifetime. */
export function setSessionCookie(reply: FastifyReply, token: string, config: Pick<AppConfig, 'cookieSecure' | 'sessionTtlHours'>): void {
  reply.setCookie(SESSION_COOKIE, token, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: config.sessionTtlHours * 3600,
  });
}

/** The signed session cookie of a request as an Actor, or null (none, forged, expired or revoked). */
export async function actorFromSessionCookie(request: FastifyRequest, sessions: SessionService): Promise<Actor | null> {
  const raw = request.cookies?.[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  return sessions.resolve(unsigned.value);
}

/** Resolves the signed session cookie to an Actor, or fails (401). */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'session') {
  constructor(private readonly sessions: SessionService) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Actor | false> {
    return (await actorFromSessionCookie(request, this.sessions)) ?? false;
  }
}
