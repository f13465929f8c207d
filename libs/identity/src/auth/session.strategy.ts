import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import type { Actor } from '@lib/common';
import { SessionService } from './session.service';

export const SESSION_COOKIE = 'ripple_session';

/** Resolves the signed session cookie to an Actor, or fails (401). */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'session') {
  constructor(private readonly sessions: SessionService) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Actor | false> {
    const raw = request.cookies?.[SESSION_COOKIE];
    if (!raw) return false;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return false;
    return (await this.sessions.resolve(unsigned.value)) ?? false;
  }
}
