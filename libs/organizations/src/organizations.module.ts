import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FrameworksModule } from '@lib/frameworks';
import { IdentityModule } from '@lib/identity';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationProvisioningService } from './provisioning/organization-provisioning.service';
import { OrganizationController } from './settings/organization.controller';
import { OrganizationSettingsService } from './settings/organization-settings.service';
import { SetupController } from './setup/setup.controller';
import { SetupRepository } from './setup/setup.repository';
import { SetupService } from './setup/setup.service';

/** Organisations: their settings, the first-run set-up, and creating more from the command line. */
@Module({
  imports: [FrameworksModule, IdentityModule, TypeOrmModule.forFeature([OrganizationEntity])],
  controllers: [SetupController, OrganizationController],
  providers: [OrganizationsRepository, OrganizationProvisioningService, OrganizationSettingsService, SetupRepository, SetupService],
  exports: [OrganizationProvisioningService, OrganizationSettingsService, OrganizationsRepository, SetupService],
})
export class OrganizationsModule {}
