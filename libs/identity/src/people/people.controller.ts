import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { InvitationService } from '../auth/invitation.service';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import {
  CreatePersonDto,
  InvitationSentDto,
  ListPeopleQueryDto,
  PERSON_VIEW_SCHEMA,
  PersonDto,
  PersonListDto,
  PersonSummaryDto,
  UpdatePersonDto,
} from './person.dto';
import { PeopleService } from './people.service';

// A malformed id names no person: 404, exactly like an id of another organisation.
const uuid = new ParseUUIDPipe({ exceptionFactory: () => new IdentityException(IdentityErrorCode.PersonNotFound, 'Person not found') });

@ApiTags('people')
@ApiExtraModels(PersonDto, PersonSummaryDto)
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly invitations: InvitationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search the people directory' })
  @Authenticated()
  @ApiOkResponse({ type: PersonListDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListPeopleQueryDto): Promise<PersonListDto> {
    return this.people.list(actor, query);
  }

  @Get('departments')
  @ApiOperation({ summary: 'The departments of the organisation' })
  @Authenticated()
  @ApiOkResponse({ type: [String] })
  departments(@CurrentActor() actor: Actor): Promise<string[]> {
    return this.people.departments(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One person' })
  @Authenticated()
  @ApiOkResponse({ description: 'HR admins get PersonDto; members get PersonSummaryDto', schema: PERSON_VIEW_SCHEMA })
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<PersonDto | PersonSummaryDto> {
    return this.people.get(actor, id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a person (HR)' })
  @Authenticated('admin')
  @ApiCreatedResponse({ type: PersonDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePersonDto): Promise<PersonDto> {
    return this.people.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a person (HR)' })
  @Authenticated('admin')
  @ApiOkResponse({ type: PersonDto })
  update(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: UpdatePersonDto): Promise<PersonDto> {
    return this.people.update(actor, id, dto);
  }

  @Post(':id/invite')
  @ApiOperation({ summary: 'Send a person an invitation to sign in (HR)' })
  @Authenticated('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: InvitationSentDto })
  @ApiConflictResponse({ description: 'The person already has a login: invitations never replace a password' })
  invite(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<InvitationSentDto> {
    return this.invitations.invite(actor, id);
  }
}
