import type { FieldError } from '@lib/common';
import type { SelfRequestSettings } from '@lib/organizations';

/**
 * The organisation-wide limits on feedback people ask for themselves: a self-started 360 and a
 * follow-up pulse. Pure: the caller looks up, tenant-scoped, which behaviours and people exist
 * and how many open requests each rater has across every cycle.
 */

/** What the caller knows of the organisation when someone asks. */
export interface SelfRequestFacts {
  settings: SelfRequestSettings;
  /** The organisation's k: the fewest raters is never below it, whatever the settings say. */
  threshold: number;
  /** The behaviours of the framework the request uses. */
  behaviourKeys: ReadonlySet<string>;
  /** People of the organisation who are active (not left); anyone else is "not found". */
  activePeople: ReadonlySet<string>;
  /** Per rater, their open requests (OPEN_REQUEST_STATES) across every cycle; absent means none. */
  openRequests: ReadonlyMap<string, number>;
}

/** The fewest raters a request may ask: the organisation's minimum, and never fewer than k. */
export const fewestRaters = (facts: Pick<SelfRequestFacts, 'settings' | 'threshold'>): number => Math.max(facts.settings.selfRequestMinRaters, facts.threshold);

/** Whether a rater may be asked once more, across every cycle, without passing the cap. */
export const hasRoom = (facts: Pick<SelfRequestFacts, 'settings' | 'openRequests'>, raterId: string): boolean =>
  (facts.openRequests.get(raterId) ?? 0) < facts.settings.raterOpenRequestCap;

/** The chosen behaviours: 1 to the organisation's maximum, distinct, each in the framework. */
export function checkBehaviours(keys: readonly string[], facts: Pick<SelfRequestFacts, 'settings' | 'behaviourKeys'>): FieldError[] {
  const max = facts.settings.selfRequestMaxBehaviours;
  if (keys.length === 0) return [{ field: 'behaviourKeys', message: 'behaviourKeys must name at least one behaviour' }];
  if (keys.length > max) return [{ field: 'behaviourKeys', message: `behaviourKeys may name at most ${max} behaviours` }];
  if (new Set(keys).size !== keys.length) return [{ field: 'behaviourKeys', message: 'behaviourKeys must not repeat a behaviour' }];
  const unknown = keys.filter((k) => !facts.behaviourKeys.has(k));
  return unknown.length ? [{ field: 'behaviourKeys', message: `behaviourKeys has behaviours the framework does not: ${unknown.join(', ')}` }] : [];
}

/**
 * Raters someone chooses (all of a self-started request's, or those added to a pulse): distinct,
 * never the subject, active people of the organisation, each with room under the cap. A rater
 * at the cap is refused without saying how many requests they have.
 */
export function checkChosenRaters(subjectId: string, raterIds: readonly string[], facts: SelfRequestFacts, field = 'raterIds'): FieldError[] {
  if (new Set(raterIds).size !== raterIds.length) return [{ field, message: `${field} must not repeat a person` }];
  if (raterIds.includes(subjectId)) return [{ field, message: `${field} must not include yourself: your own view is asked separately` }];
  const errors: FieldError[] = [];
  const missing = raterIds.filter((id) => !facts.activePeople.has(id));
  if (missing.length) errors.push({ field, message: `${field} has people who are not in the organisation or have left: ${missing.join(', ')}` });
  const full = raterIds.filter((id) => facts.activePeople.has(id) && !hasRoom(facts, id));
  if (full.length) errors.push({ field, message: `${field} has people who already have as many open requests as the organisation allows: ${full.join(', ')}` });
  return errors;
}

/** A self-started 360: allowed by the organisation, its behaviours, and at least the fewest raters (never below k). */
export function checkSelfRequest(
  request: { subjectId: string; behaviourKeys: readonly string[]; raterIds: readonly string[] },
  facts: SelfRequestFacts,
): FieldError[] {
  if (!facts.settings.selfRequestsEnabled) return [{ field: 'selfRequestsEnabled', message: 'Your organisation has turned self-started feedback off' }];
  const errors = [...checkBehaviours(request.behaviourKeys, facts), ...checkChosenRaters(request.subjectId, request.raterIds, facts)];
  const fewest = fewestRaters(facts);
  if (request.raterIds.length < fewest) errors.push({ field: 'raterIds', message: `raterIds must name at least ${fewest} people` });
  return errors;
}

/**
 * Who a pulse asks: the original cycle's raters (other than the subject) who are still active and
 * have room under the cap, then the people the subject adds (checked as chosen raters, and not
 * already among the original raters). The pulse needs at least k raters in all, or it could never
 * show a number; it does not need the self-started minimum, which the original cycle's own rules
 * already stood for.
 */
const TOO_FEW_PULSE_RATERS = 'A pulse needs at least';

/** Whether pulseRaters refused for want of k raters who can still be asked (what a pulse's owner can fix by adding people). */
export const isTooFewPulseRaters = (error: FieldError): boolean => error.field === 'addRaterIds' && error.message.startsWith(TOO_FEW_PULSE_RATERS);

export function pulseRaters(
  subjectId: string,
  originalRaterIds: readonly string[],
  addedRaterIds: readonly string[],
  facts: SelfRequestFacts,
): { ok: true; raterIds: string[] } | { ok: false; errors: FieldError[] } {
  const original = new Set(originalRaterIds.filter((id) => id !== subjectId));
  const continuing = [...original].filter((id) => facts.activePeople.has(id) && hasRoom(facts, id));
  const errors = checkChosenRaters(subjectId, addedRaterIds, facts, 'addRaterIds');
  const again = addedRaterIds.filter((id) => original.has(id));
  if (again.length) errors.push({ field: 'addRaterIds', message: `addRaterIds has people the pulse asks already: ${again.join(', ')}` });
  if (errors.length) return { ok: false, errors };
  const raterIds = [...continuing, ...addedRaterIds];
  if (raterIds.length < facts.threshold) {
    return {
      ok: false,
      errors: [{ field: 'addRaterIds', message: `${TOO_FEW_PULSE_RATERS} ${facts.threshold} raters who can still be asked; add people to reach it` }],
    };
  }
  return { ok: true, raterIds };
}
