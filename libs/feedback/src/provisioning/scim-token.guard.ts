import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppException, ErrorKind } from '@lib/common';
import { MemoryRateLimitStore, RateLimiter } from '@lib/database';
import { BAD_SCIM_TOKENS } from './bad-token-limit';
import { ScimTokensService } from './scim-tokens.service';

/** Who a SCIM call comes from: the organisation its token names, and the token. */
export interface ScimClient {
  organizationId: string;
  tokenId: string;
}

export type ScimRequest = FastifyRequest & { scimClient?: ScimClient };

const BEARER = /^Bearer ([^\s]+)$/i;

/**
 * The SCIM routes take no session: a bearer token HR created (ScimTokensService) or nothing. The
 * token names its organisation, which scopes the request before the token is looked up.
 */
@Injectable()
export class ScimTokenGuard implements CanActivate {
  private readonly badTokens = new RateLimiter(new MemoryRateLimitStore());

  constructor(private readonly tokens: ScimTokensService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ScimRequest>();
    const refusal = await this.badTokens.exhausted(BAD_SCIM_TOKENS, request.ip);
    if (refusal) {
      throw new AppException(ErrorKind.TooManyRequests, 'too_many_attempts', 'Too many calls with a bad token from this address; try again later', {
        retryAfterSeconds: refusal.retryAfterSeconds,
      });
    }
    const match = BEARER.exec(request.headers.authorization ?? '');
    const client = match ? await this.tokens.authenticate(match[1]) : null;
    if (!client) {
      await this.badTokens.record(BAD_SCIM_TOKENS, request.ip);
      throw new AppException(ErrorKind.Unauthorized, 'scim_token_invalid', 'A valid provisioning token is required (Authorization: Bearer <token>)');
    }
    request.scimClient = client;
    return true;
  }
}
