import type { ExistingPerson, ImportOptions, ImportRowError, PlannedPerson } from './import-plan';

/** Someone active who leaves with this import: what the dry run shows, before anything changes. */
export interface ImportLeaver {
  id: string;
  email: string;
  name: string;
  /** The file's line that says so, or null when they leave because the file does not list them. */
  line: number | null;
  reason: 'file' | 'missing';
  /** People whose manager they still are once the file is applied: they move to `reportsMoveTo` (null: no manager). */
  directReports: number;
  reportsMoveTo: { email: string; name: string } | null;
}

export interface ImportReturner {
  id: string;
  email: string;
  name: string;
  line: number;
}

interface LeavingPlan {
  leavers: ImportLeaver[];
  returners: ImportReturner[];
  /** Whether each known email (existing or in the file) is active once the import is done. */
  activeAfter: Map<string, boolean>;
  activePeople: number;
  confirmationRequired: boolean;
  importerKept: boolean;
  errors: ImportRowError[];
}

/**
 * Who leaves and who comes back, decided here once for the dry run and again, under the chart's
 * lock, for the real run:
 * - `active=false` for an active person: they leave; `active=true` for someone who had left: they
 *   return; a new person with `active=false` is created as having left (so that an HR system's full
 *   export, past staff included, imports as it is); an empty cell changes nothing.
 * - With `missingHaveLeft`, every active person neither listed nor named as someone's manager leaves,
 *   except the importer.
 * - A manager the file names who has left (or leaves in this file) cannot manage anyone: the person
 *   gets that manager's own manager, walking up, exactly where the leaver logic would move them, so
 *   that importing the same file again changes nothing.
 * - More than half of the active people leaving needs an explicit confirmation.
 *
 * Mutates `people[].managerEmail` and `managerOf` to the resolved managers.
 */
export function planLeavers(
  people: PlannedPerson[],
  existing: ExistingPerson[],
  managerOf: Map<string, string | null>,
  managerColumn: boolean,
  options: ImportOptions,
): LeavingPlan {
  const errors: ImportRowError[] = [];
  const byEmail = new Map(existing.map((p) => [p.email, p]));
  const activeAfter = new Map<string, boolean>(existing.map((p) => [p.email, p.active]));
  const listed = new Set<string>();
  const leavers: ImportLeaver[] = [];
  const returners: ImportReturner[] = [];
  for (const p of people) {
    listed.add(p.email);
    // Named as someone's manager in the file (a value the file merely left alone names nobody).
    if (managerColumn && p.managerEmail) listed.add(p.managerEmail);
    const current = byEmail.get(p.email);
    if (p.active === false && current && current.id === options.importerId) {
      errors.push({
        line: p.line,
        column: 'active',
        code: 'self_leaving',
        values: {},
        message: 'you cannot mark yourself as having left: ask another HR admin',
      });
      continue;
    }
    activeAfter.set(p.email, p.active ?? current?.active ?? true);
    if (!current || p.active === null || p.active === current.active) continue;
    if (p.active) returners.push({ id: current.id, email: p.email, name: p.name, line: p.line });
    else leavers.push(leaver(current, p.name, p.line, 'file'));
  }
  let importerKept = false;
  if (options.missingHaveLeft) {
    for (const current of existing) {
      if (!current.active || listed.has(current.email)) continue;
      if (current.id === options.importerId) {
        importerKept = true;
        continue;
      }
      activeAfter.set(current.email, false);
      leavers.push(leaver(current, current.name, null, 'missing'));
    }
  }

  // A manager who has left is replaced by the first one above them who stays (see above).
  const firstStaying = firstAbove(managerOf, (email) => activeAfter.get(email) !== false);
  if (managerColumn) {
    const resolved = people.map((p) => [p, firstStaying(p.managerEmail)] as const);
    for (const [p, manager] of resolved) {
      p.managerEmail = manager;
      managerOf.set(p.email, manager);
    }
  }

  // Managers leave before their reports: the leaver logic then moves each one's reports exactly once.
  const depth = depths(managerOf);
  leavers.sort((a, b) => (depth.get(a.email) ?? 0) - (depth.get(b.email) ?? 0) || a.email.localeCompare(b.email));
  const leaving = new Set(leavers.map((l) => l.email));
  const reportsOf = new Map<string, number>();
  for (const manager of managerOf.values()) if (manager && leaving.has(manager)) reportsOf.set(manager, (reportsOf.get(manager) ?? 0) + 1);
  const nameOf = new Map<string, string>(existing.map((p) => [p.email, p.name]));
  for (const p of people) nameOf.set(p.email, p.name);
  // Where the leaver logic will send their reports: the leaver's manager once the leavers above have gone.
  const notLeaving = firstAbove(managerOf, (email) => !leaving.has(email));
  for (const l of leavers) {
    l.directReports = reportsOf.get(l.email) ?? 0;
    const to = notLeaving(managerOf.get(l.email) ?? null);
    l.reportsMoveTo = to ? { email: to, name: nameOf.get(to) ?? to } : null;
  }

  const activePeople = existing.filter((p) => p.active).length;
  return {
    leavers,
    returners,
    activeAfter,
    activePeople,
    confirmationRequired: isLargeShare(leavers.length, activePeople),
    importerKept,
    errors,
  };
}

/** Losing more than half of the active people at once is more likely a partial file than a wave of departures. */
const isLargeShare = (leaving: number, activePeople: number): boolean => leaving > 0 && leaving * 2 > activePeople;

/**
 * From a person up the chart, the first who `stays` (null at the top or in a loop). Remembered for
 * every person passed, so that a long chain is walked once in all, not once per person in it.
 */
function firstAbove(managerOf: Map<string, string | null>, stays: (email: string) => boolean): (from: string | null) => string | null {
  const above = new Map<string, string | null>();
  return (from) => {
    const path: string[] = [];
    const seen = new Set<string>();
    let at = from;
    while (at && !stays(at) && !seen.has(at) && !above.has(at)) {
      seen.add(at);
      path.push(at);
      at = managerOf.get(at) ?? null;
    }
    const found = at && above.has(at) ? (above.get(at) ?? null) : at && stays(at) ? at : null;
    for (const email of path) above.set(email, found);
    return found;
  };
}

function leaver(p: ExistingPerson, name: string, line: number | null, reason: ImportLeaver['reason']): ImportLeaver {
  return { id: p.id, email: p.email, name, line, reason, directReports: 0, reportsMoveTo: null };
}

/** Each person's number of managers above them, in O(people) (a loop, reported elsewhere, just stops the count). */
function depths(managerOf: Map<string, string | null>): Map<string, number> {
  const depth = new Map<string, number>();
  for (const start of managerOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: string | null | undefined = start;
    while (at && managerOf.has(at) && !depth.has(at) && !onPath.has(at)) {
      path.push(at);
      onPath.add(at);
      at = managerOf.get(at);
    }
    let d = at ? (depth.get(at) ?? -1) + 1 : 0;
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i], d++);
  }
  return depth;
}
