import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lib/audit';
import { type Actor, APP_CONFIG, AppConfig, AppException, ErrorKind } from '@lib/common';
import { newToken, presentedToken } from '@lib/identity';
import { CreatedScimTokenDto, CreateScimTokenDto, ScimTokenDto, ScimTokenListDto } from './scim-token.dto';
import { ScimTokenRecord, ScimTokensRepository } from './scim-tokens.repository';

/** Where identity providers reach the SCIM service, below the public URL. */
export const SCIM_PATH = '/api/scim/v2';

const view = (t: ScimTokenRecord): ScimTokenDto => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/**
 * HR's SCIM tokens. A token is made like every other bearer token of Ripple (libs/identity,
 * tokens.ts): it names its organisation, so a call is scoped to that organisation before any
 * query, and only its SHA-256 is stored. It is shown once, when created.
 */
@Injectable()
export class ScimTokensService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: ScimTokensRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<ScimTokenListDto> {
    const items = await this.tokens.list(actor.organizationId);
    return { baseUrl: `${this.config.publicUrl.replace(/\/$/, '')}${SCIM_PATH}`, items: items.map(view) };
  }

  async create(actor: Actor, dto: CreateScimTokenDto): Promise<CreatedScimTokenDto> {
    const { token, hash } = newToken(actor.organizationId);
    const created = await this.db.transaction(async (tx) => {
      const record = await this.tokens.insert(actor.organizationId, { name: dto.name, hash, createdBy: actor.personId }, tx);
      await this.audit.record(actor, { action: 'scim_token.created', targetType: 'scim_token', targetId: record.id, details: { name: record.name } }, tx);
      return record;
    });
    return { ...view(created), token };
  }

  async revoke(actor: Actor, id: string): Promise<ScimTokenDto> {
    return this.db.transaction(async (tx) => {
      const revoked = await this.tokens.revoke(actor.organizationId, id, tx);
      if (!revoked) throw tokenNotFound();
      await this.audit.record(actor, { action: 'scim_token.revoked', targetType: 'scim_token', targetId: id, details: { name: revoked.name } }, tx);
      return view(revoked);
    });
  }

  /** The token a SCIM call presents: its organisation (the request is scoped to it from here on) and id, or null. */
  async authenticate(token: string): Promise<{ organizationId: string; tokenId: string } | null> {
    const key = presentedToken(token);
    if (!key) return null;
    const used = await this.tokens.use(key);
    return used ? { organizationId: key.organizationId, tokenId: used.id } : null;
  }
}

export const tokenNotFound = (): AppException => new AppException(ErrorKind.NotFound, 'not_found', 'Token not found');
