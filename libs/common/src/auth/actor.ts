export type Role = 'admin' | 'member';

/** The authenticated person making a request. Every service call takes it explicitly. */
export interface Actor {
  personId: string;
  organizationId: string;
  role: Role;
  sessionId: string;
}

export const isAdmin = (actor: Actor): boolean => actor.role === 'admin';
