import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { CreatedScimTokenDto, CreateScimTokenDto, ScimTokenDto, ScimTokenListDto } from './scim-token.dto';
import { ScimTokensService, tokenNotFound } from './scim-tokens.service';

/** HR creates and revokes the tokens its identity provider provisions people with. */
@ApiTags('provisioning')
@Controller('scim-tokens')
export class ScimTokensController {
  constructor(private readonly tokens: ScimTokensService) {}

  @Get()
  @ApiOperation({ summary: "The SCIM base URL and the organisation's provisioning tokens" })
  @Authenticated('admin')
  @ApiOkResponse({ type: ScimTokenListDto })
  list(@CurrentActor() actor: Actor): Promise<ScimTokenListDto> {
    return this.tokens.list(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Create a provisioning token (shown once)' })
  @Authenticated('admin')
  @ApiCreatedResponse({ type: CreatedScimTokenDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateScimTokenDto): Promise<CreatedScimTokenDto> {
    return this.tokens.create(actor, dto);
  }

  @Post(':id/revoke')
  @ApiOperation({ summary: 'Revoke a provisioning token: calls with it are refused from now on' })
  @Authenticated('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ScimTokenDto })
  // A malformed id names no token: 404, like another organisation's.
  revoke(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => tokenNotFound() })) id: string): Promise<ScimTokenDto> {
    return this.tokens.revoke(actor, id);
  }
}
