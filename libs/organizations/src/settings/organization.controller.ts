import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { OrganizationSettingsDto, UpdateOrganizationSettingsDto } from './organization.dto';
import { OrganizationSettingsService } from './organization-settings.service';

/** The signed-in person's own organisation: HR reads and edits its settings. */
@ApiTags('organization')
@Controller('organization')
export class OrganizationController {
  constructor(private readonly settings: OrganizationSettingsService) {}

  @Get()
  @ApiOperation({ summary: "Your organisation's settings" })
  @Authenticated('admin')
  @ApiOkResponse({ type: OrganizationSettingsDto })
  get(@CurrentActor() actor: Actor): Promise<OrganizationSettingsDto> {
    return this.settings.get(actor);
  }

  @Patch()
  @ApiOperation({ summary: "Change your organisation's settings" })
  @Authenticated('admin')
  @ApiOkResponse({ type: OrganizationSettingsDto })
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateOrganizationSettingsDto): Promise<OrganizationSettingsDto> {
    return this.settings.update(actor, dto);
  }
}
