/** The parts of a SCIM User that may name a person (RFC 7643 §4.1.1). */
export interface NameSources {
  displayName: string | null;
  formatted: string | null;
  givenName: string | null;
  familyName: string | null;
}

/**
 * Ripple keeps one name per person; a SCIM User has four places for it, and identity providers fill
 * them differently: Okta sends given and family names (a PUT with no displayName), Entra ID
 * patches whichever one changed (`name.givenName` alone). So the name is the one the provider
 * *changed*, in this order: displayName, name.formatted, then given and family names together (the
 * one not sent taken from what the provider sent before, Ripple keeps both). Nothing changed: the
 * name stays, so a stale part never undoes a rename. A new person (no `before`) takes the first
 * there is, else their address.
 */
export function personName(after: NameSources, before: NameSources | null, fallback: string): string {
  const joined = (sources: NameSources): string | null => [sources.givenName, sources.familyName].filter(Boolean).join(' ') || null;
  if (!before) return after.displayName ?? after.formatted ?? joined(after) ?? fallback;
  if (after.displayName && after.displayName !== before.displayName) return after.displayName;
  if (after.formatted && after.formatted !== before.formatted) return after.formatted;
  const parts = joined(after);
  if (parts && (after.givenName !== before.givenName || after.familyName !== before.familyName)) return parts;
  return fallback;
}
