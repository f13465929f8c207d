import {
  Body,
  Controller,
  createParamDecorator,
  Delete,
  ExecutionContext,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@lib/common';
import { ScimAttributesQueryDto, ScimListQueryDto } from './scim.dto';
import { ScimClient, ScimRequest, ScimTokenGuard } from './scim-token.guard';
import { ScimUsersService } from './scim-users.service';

const SCIM_JSON = 'application/scim+json; charset=utf-8';
const RESOURCE = { description: 'A SCIM resource (RFC 7643)', schema: { type: 'object', additionalProperties: true } } as const;
/** RFC 7644 §3.12: what every SCIM refusal carries (not Ripple's usual error body). */
const SCIM_ERROR = {
  content: {
    'application/scim+json': {
      schema: {
        type: 'object',
        required: ['schemas', 'status'],
        properties: {
          schemas: { type: 'array', items: { type: 'string', enum: ['urn:ietf:params:scim:api:messages:2.0:Error'] } },
          status: { type: 'string', example: '400' },
          scimType: { type: 'string', example: 'invalidValue' },
          detail: { type: 'string' },
        },
      },
    },
  },
};
const USER_BODY = {
  schema: { type: 'object', additionalProperties: true, description: 'A SCIM User (RFC 7643 §4.1), with the enterprise extension' },
} as const;

/** The calling identity provider, as ScimTokenGuard found it. */
const Client = createParamDecorator((_: unknown, ctx: ExecutionContext): ScimClient => ctx.switchToHttp().getRequest<ScimRequest>().scimClient!);

/**
 * SCIM 2.0 (RFC 7644) for identity providers: no session, a bearer token per organisation.
 * Bodies are `application/scim+json` (or JSON) both ways; errors carry SCIM's error schema.
 */
@ApiTags('scim')
@ApiBearerAuth('scim')
@Controller('scim/v2')
@Public()
@UseGuards(ScimTokenGuard)
@ApiProduces('application/scim+json')
@ApiUnauthorizedResponse({ description: 'No valid provisioning token', ...SCIM_ERROR })
@ApiTooManyRequestsResponse({ description: 'Too many bad tokens from this address', ...SCIM_ERROR })
@ApiBadRequestResponse({ description: 'A malformed request, filter or value (scimType says which)', ...SCIM_ERROR })
export class ScimController {
  constructor(private readonly users: ScimUsersService) {}

  @Get('ServiceProviderConfig')
  @ApiOperation({ summary: 'SCIM: what this service provider supports' })
  @Header('content-type', SCIM_JSON)
  @ApiOkResponse(RESOURCE)
  serviceProviderConfig(): Promise<Record<string, unknown>> {
    return this.users.serviceProviderConfig();
  }

  @Get('ResourceTypes')
  @ApiOperation({ summary: 'SCIM: the resource types (User)' })
  @Header('content-type', SCIM_JSON)
  @ApiOkResponse(RESOURCE)
  resourceTypes(): Promise<Record<string, unknown>> {
    return this.users.resourceTypes();
  }

  @Get('ResourceTypes/:id')
  @ApiOperation({ summary: 'SCIM: one resource type' })
  @Header('content-type', SCIM_JSON)
  @ApiOkResponse(RESOURCE)
  @ApiNotFoundResponse({ description: 'No such resource in this organisation', ...SCIM_ERROR })
  resourceType(@Param('id') id: string): Promise<Record<string, unknown>> {
    return this.users.resourceTypes(id);
  }

  @Get('Schemas')
  @ApiOperation({ summary: 'SCIM: the schemas (User, enterprise User)' })
  @Header('content-type', SCIM_JSON)
  @ApiOkResponse(RESOURCE)
  schemas(): Promise<Record<string, unknown>> {
    return this.users.schemas();
  }

  @Get('Schemas/:id')
  @ApiOperation({ summary: 'SCIM: one schema' })
  @Header('content-type', SCIM_JSON)
  @ApiOkResponse(RESOURCE)
  @ApiNotFoundResponse({ description: 'No such resource in this organisation', ...SCIM_ERROR })
  schema(@Param('id') id: string): Promise<Record<string, unknown>> {
    return this.users.schemas(id);
  }

  @Get('Users')
  @ApiOperation({ summary: 'SCIM: list or find people (filter userName, externalId or id eq)' })
  @Header('content-type', SCIM_JSON)
  @ApiOkResponse(RESOURCE)
  list(@Client() client: ScimClient, @Query() query: ScimListQueryDto): Promise<Record<string, unknown>> {
    return this.users.list(client, query);
  }

  @Get('Users/:id')
  @ApiOperation({ summary: 'SCIM: one person' })
  @Header('content-type', SCIM_JSON)
  @ApiOkResponse(RESOURCE)
  @ApiNotFoundResponse({ description: 'No such resource in this organisation', ...SCIM_ERROR })
  get(@Client() client: ScimClient, @Param('id') id: string, @Query() query: ScimAttributesQueryDto): Promise<Record<string, unknown>> {
    return this.users.get(client, id, query);
  }

  @Post('Users')
  @ApiOperation({ summary: 'SCIM: add a person' })
  @Header('content-type', SCIM_JSON)
  @ApiConsumes('application/scim+json', 'application/json')
  @ApiBody(USER_BODY)
  @ApiOkResponse(RESOURCE)
  @ApiConflictResponse({ description: 'uniqueness (userName, externalId) or mutability (the last HR admin; a sign-in address)', ...SCIM_ERROR })
  create(@Client() client: ScimClient, @Body() body: unknown): Promise<Record<string, unknown>> {
    return this.users.create(client, body);
  }

  @Put('Users/:id')
  @ApiOperation({ summary: 'SCIM: replace a person' })
  @Header('content-type', SCIM_JSON)
  @ApiConsumes('application/scim+json', 'application/json')
  @ApiBody(USER_BODY)
  @ApiOkResponse(RESOURCE)
  @ApiNotFoundResponse({ description: 'No such resource in this organisation', ...SCIM_ERROR })
  @ApiConflictResponse({ description: 'uniqueness (userName, externalId) or mutability (the last HR admin; a sign-in address)', ...SCIM_ERROR })
  replace(@Client() client: ScimClient, @Param('id') id: string, @Body() body: unknown): Promise<Record<string, unknown>> {
    return this.users.replace(client, id, body);
  }

  @Patch('Users/:id')
  @ApiOperation({ summary: 'SCIM: change a person (PatchOp; active false for a leaver)' })
  @Header('content-type', SCIM_JSON)
  @ApiConsumes('application/scim+json', 'application/json')
  @ApiBody({ schema: { type: 'object', additionalProperties: true, description: 'A SCIM PatchOp message (RFC 7644 §3.5.2)' } })
  @ApiOkResponse(RESOURCE)
  @ApiNotFoundResponse({ description: 'No such resource in this organisation', ...SCIM_ERROR })
  @ApiConflictResponse({ description: 'uniqueness (userName, externalId) or mutability (the last HR admin; a sign-in address)', ...SCIM_ERROR })
  patch(@Client() client: ScimClient, @Param('id') id: string, @Body() body: unknown): Promise<Record<string, unknown>> {
    return this.users.patch(client, id, body);
  }

  @Delete('Users/:id')
  @ApiOperation({ summary: 'SCIM: a person has left (they are deactivated, never deleted)' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deactivated' })
  @ApiNotFoundResponse({ description: 'No such resource in this organisation', ...SCIM_ERROR })
  async remove(@Client() client: ScimClient, @Param('id') id: string): Promise<void> {
    await this.users.remove(client, id);
  }
}
