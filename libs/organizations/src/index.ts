export * from './organizations.module';
export * from './organizations.exception';
export { OrganizationsRepository } from './organizations.repository';
export * from './provisioning/organization-provisioning.service';
export * from './settings/organization-settings.service';
export * from './settings/organization.dto';
export * from './setup/setup.service';
export type { SelfRequestSettings } from './settings/self-request-limits';
export { SELF_REQUEST_LIMITS } from './settings/self-request-limits';
