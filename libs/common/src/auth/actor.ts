export type Role = 'admin' | 'member';

/** The authenticated person making a request. Every service call takes it explicitly. */
export interface Actor {
  personId: string;
  organizationId: string;
  role: Role;
  sessionId: string;
}

export const isAdmin = (actor: Actor): boolean => actor.role === 'admin';

/**
 * Whoever changes an organisation's people: a signed-in person, or (personId null) the
 * organisation's identity provider over SCIM, whose changes the audit trail shows as `via`.
 */
export interface ChangeActor {
  organizationId: string;
  personId: string | null;
  via?: 'scim';
}
