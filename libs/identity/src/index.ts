export * from './identity.module';
export * from './identity.exception';
export * from './people/person.dto';
export * from './people/people.service';
export * from './people/people.repository';
export * from './auth/session.service';
export * from './auth/session.strategy';
export { hashPassword } from './auth/passwords';
export { escapeHtml } from './auth/invitation.service';
