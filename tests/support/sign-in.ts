import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { SESSION_COOKIE, SessionService } from '@lib/identity';

/** Who to sign in: what the factories return for a person. */
export interface SignInPerson {
  id: string;
  organizationId: string;
  email?: string;
}

/**
 * A signed-in session without the login route: the same session row and signed cookie the login
 * route makes, for tests that merely need "a signed-in X" (the login route keeps its own tests).
 * Only a person who could sign in (active, with a password) gets one. Returns the cookie's value
 * as the server's Set-Cookie carries it (URI-encoded).
 */
export async function sessionCookieFor(app: NestFastifyApplication, person: SignInPerson): Promise<{ name: string; value: string }> {
  const rows: unknown[] = await app
    .get(DataSource)
    .query(`SELECT 1 FROM people WHERE organization_id = $1 AND id = $2 AND active AND password_hash IS NOT NULL`, [person.organizationId, person.id]);
  if (rows.length === 0) throw new Error(`${person.email ?? person.id} cannot sign in (no such active person with a password)`);
  const token = await app.get(SessionService).create(person.organizationId, person.id, { userAgent: 'ripple tests (signed in without the login route)' });
  return { name: SESSION_COOKIE, value: encodeURIComponent(app.getHttpAdapter().getInstance().signCookie(token)) };
}
