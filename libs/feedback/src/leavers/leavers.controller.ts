import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { IdentityErrorCode, IdentityException } from '@lib/identity';
import { DeactivatePersonDto, DeactivationResultDto } from './leaver.dto';
import { LeaversService } from './leavers.service';

// A malformed id names no person: 404, exactly like an id of another organisation.
const uuid = new ParseUUIDPipe({ exceptionFactory: () => new IdentityException(IdentityErrorCode.PersonNotFound, 'Person not found') });

/** Leavers: here, above identity, because deactivating withdraws the feedback work they owe. */
@ApiTags('people')
@Controller('people')
export class LeaversController {
  constructor(private readonly leavers: LeaversService) {}

  @Post(':id/deactivate')
  @ApiOperation({ summary: 'Mark a person as having left (sign-in, mail and open requests end)' })
  @Authenticated('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: DeactivationResultDto })
  deactivate(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: DeactivatePersonDto): Promise<DeactivationResultDto> {
    return this.leavers.deactivate(actor, id, dto);
  }

  @Post(':id/reactivate')
  @ApiOperation({ summary: 'Bring back a person who had left' })
  @Authenticated('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: DeactivationResultDto })
  reactivate(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<DeactivationResultDto> {
    return this.leavers.reactivate(actor, id);
  }
}
