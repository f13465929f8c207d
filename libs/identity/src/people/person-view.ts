import type { Actor } from '@lib/common';
import type { PersonDto, PersonSummaryDto } from './person.dto';

/**
 * The one place that decides how much of a colleague an actor sees. HR admins run the directory
 * and get everything. Everyone else gets what picking a rater needs — id, name, title, department
 * — and not who is an HR admin, who can sign in, emails or the org chart: a member who could list
 * roles could find the people who read every report, and sign-in status tells who is active.
 */
export function personView(actor: Pick<Actor, 'role'>, person: PersonDto): PersonDto | PersonSummaryDto {
  if (actor.role === 'admin') return person;
  return { id: person.id, name: person.name, title: person.title, department: person.department };
}
