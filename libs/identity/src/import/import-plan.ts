import { parse } from 'csv-parse/sync';
import { hasControlCharacter } from '@lib/common';
import { ImportLeaver, ImportReturner, planLeavers } from './import-leavers';

export const MAX_IMPORT_ROWS = 20_000;
export const IMPORT_COLUMNS = ['email', 'name', 'title', 'department', 'manager_email', 'role', 'active'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

const ALIASES: Record<string, Column> = {
  email: 'email',
  e_mail: 'email',
  name: 'name',
  full_name: 'name',
  title: 'title',
  job_title: 'title',
  department: 'department',
  manager_email: 'manager_email',
  manager: 'manager_email',
  role: 'role',
  active: 'active',
  is_active: 'active',
  status: 'active',
};
/** What HR systems write for "still here" and "has left": be liberal, and name the choices when a value is none of them. */
const ACTIVE_VALUES: Record<string, boolean> = {
  true: true,
  yes: true,
  y: true,
  '1': true,
  t: true,
  active: true,
  false: false,
  no: false,
  n: false,
  '0': false,
  f: false,
  inactive: false,
  left: false,
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with a row, as a code the web app words in the reader's language (the message is its English). */
export const IMPORT_ERROR_CODES = [
  'unknown_column',
  'duplicate_column',
  'missing_column',
  'csv_quote_not_closed',
  'csv_column_count',
  'csv_stray_quote',
  'csv_invalid',
  'no_people',
  'too_many_rows',
  'control_character',
  'email_required',
  'email_invalid',
  'email_duplicate',
  'name_required',
  'too_long',
  'manager_email_invalid',
  'own_manager',
  'role_invalid',
  'active_invalid',
  'unknown_manager',
  'manager_loop',
  'manager_loop_long',
  'last_admin',
  'self_leaving',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export interface ImportRowError {
  line: number;
  column: string | null;
  code: ImportErrorCode;
  /** The values the message names (a column, an address, a count), for the web app's own wording. */
  values: Record<string, string | number>;
  message: string;
}

export interface ExistingPerson {
  id: string;
  email: string;
  name: string;
  title: string | null;
  department: string | null;
  managerEmail: string | null;
  role: 'admin' | 'member';
  active: boolean;
}

export interface PlannedPerson {
  line: number;
  email: string;
  name: string;
  title: string | null;
  department: string | null;
  managerEmail: string | null;
  role: 'admin' | 'member';
  /** From the file's active column; null when the file says nothing (an existing person keeps their state, a new one is active). */
  active: boolean | null;
}

export interface FieldChange {
  field: 'name' | 'title' | 'department' | 'manager' | 'role';
  from: string | null;
  to: string | null;
}

export interface PlannedChange {
  line: number;
  email: string;
  name: string;
  action: 'create' | 'update' | 'unchanged';
  fields: FieldChange[];
  /** Whether the person is active once the import is done (leaving and returning are listed apart, with what they do). */
  active: boolean;
}

export interface ImportOptions {
  /** Every active person neither in the file nor named in it as a manager has left. */
  missingHaveLeft?: boolean;
  /** The HR admin importing: never deactivated by their own import. */
  importerId?: string;
}

export interface ImportPlan {
  /** Data rows the file holds (its lines less the header, a quoted line break counted once), with or without errors. */
  rowsRead: number;
  people: PlannedPerson[];
  changes: PlannedChange[];
  errors: ImportRowError[];
  /** Columns present in the file: absent optional columns leave existing values alone. */
  columns: Column[];
  /** Active people who leave, managers before their reports (the order the leaver logic runs in, so counts match). */
  leavers: ImportLeaver[];
  returners: ImportReturner[];
  /** Active people before the import. */
  activePeople: number;
  /** More than half of the active people would leave: applying needs an explicit confirmation. */
  confirmationRequired: boolean;
  /** The importer is missing from a file whose missing people leave: they stay, and are told so. */
  importerKept: boolean;
}

const normaliseHeader = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const cell = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value.trim());

/**
 * Turns CSV text plus the organisation's current people into the list of changes and every row
 * error (line, column, message). Pure: the caller decides whether to write.
 */
export function planImport(csv: string, existing: ExistingPerson[], options: ImportOptions = {}): ImportPlan {
  const empty = (errors: ImportRowError[], rowsRead = 0): ImportPlan => ({
    rowsRead,
    people: [],
    changes: [],
    errors,
    columns: [],
    leavers: [],
    returners: [],
    activePeople: existing.filter((p) => p.active).length,
    confirmationRequired: false,
    importerKept: false,
  });
  let records: { record: Record<string, string>; info: { lines: number } }[];
  const columns: Column[] = [];
  const headerErrors: ImportRowError[] = [];
  try {
    records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      info: true,
      columns: (headers: string[]) => {
        const seen = new Set<string>();
        return headers.map((raw) => {
          const column = ALIASES[normaliseHeader(raw)];
          if (!column) {
            headerErrors.push({
              line: 1,
              column: raw,
              code: 'unknown_column',
              values: { column: raw, expected: IMPORT_COLUMNS.join(', ') },
              message: `unknown column "${raw}" (expected: ${IMPORT_COLUMNS.join(', ')})`,
            });
          } else if (seen.has(column)) {
            headerErrors.push({ line: 1, column: raw, code: 'duplicate_column', values: { column: raw }, message: `column "${raw}" appears twice` });
          } else {
            seen.add(column);
            columns.push(column);
          }
          return column ?? `ignored:${raw}`;
        });
      },
    }) as never;
  } catch (error) {
    const e = error as { message?: string; lines?: number; code?: string };
    return empty([{ line: e.lines ?? 1, column: null, ...describeCsvError(e) }]);
  }
  for (const required of ['email', 'name'] as const) {
    if (!columns.includes(required))
      headerErrors.push({ line: 1, column: required, code: 'missing_column', values: { column: required }, message: `missing required column "${required}"` });
  }
  if (headerErrors.length) return empty(headerErrors, records.length);
  if (records.length === 0) return empty([{ line: 1, column: null, code: 'no_people', values: {}, message: 'the file has a header but no people' }]);
  if (records.length > MAX_IMPORT_ROWS) {
    return empty(
      [
        {
          line: 1,
          column: null,
          code: 'too_many_rows',
          values: { rows: records.length, max: MAX_IMPORT_ROWS },
          message: `the file has ${records.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once`,
        },
      ],
      records.length,
    );
  }

  const errors: ImportRowError[] = [];
  const byEmail = new Map(existing.map((p) => [p.email, p]));
  const firstLine = new Map<string, number>();
  const people: PlannedPerson[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const fail = (column: Column | null, code: ImportErrorCode, values: ImportRowError['values'], message: string): void =>
      void errors.push({ line, column, code, values, message });
    const email = cell(record.email)?.toLowerCase() ?? null;
    const name = cell(record.name);
    const managerEmail = cell(record.manager_email)?.toLowerCase() ?? null;
    const role = cell(record.role)?.toLowerCase() ?? null;
    const activeCell = cell(record.active)?.toLowerCase() ?? null;
    const active = activeCell === null ? null : (ACTIVE_VALUES[activeCell] ?? null);
    const rowErrors = errors.length;
    for (const column of columns) {
      if (hasControlCharacter(record[column] ?? '')) fail(column, 'control_character', { column }, `${column} must not contain control characters such as NUL`);
    }
    if (!email) fail('email', 'email_required', {}, 'email is required');
    else if (!EMAIL.test(email) || email.length > 254) fail('email', 'email_invalid', { email }, `"${email}" is not a valid email address`);
    else if (firstLine.has(email))
      fail('email', 'email_duplicate', { email, firstLine: firstLine.get(email)! }, `duplicate email ${email} (first on line ${firstLine.get(email)})`);
    if (!name) fail('name', 'name_required', {}, 'name is required');
    else if (name.length > 200) fail('name', 'too_long', { column: 'name', max: 200 }, 'name is longer than 200 characters');
    for (const column of ['title', 'department'] as const) {
      if ((cell(record[column])?.length ?? 0) > 200) fail(column, 'too_long', { column, max: 200 }, `${column} is longer than 200 characters`);
    }
    if (managerEmail && !EMAIL.test(managerEmail))
      fail('manager_email', 'manager_email_invalid', { email: managerEmail }, `"${managerEmail}" is not a valid email address`);
    if (managerEmail && managerEmail === email) fail('manager_email', 'own_manager', {}, 'a person cannot be their own manager');
    if (role && role !== 'admin' && role !== 'member') fail('role', 'role_invalid', { role }, `role must be "admin" or "member" (got "${role}")`);
    if (activeCell !== null && active === null)
      fail(
        'active',
        'active_invalid',
        { value: cell(record.active) ?? '' },
        `active must be true or false (yes/no and 1/0 work too; got "${cell(record.active)}")`,
      );
    if (email && !firstLine.has(email)) firstLine.set(email, line);
    if (errors.length > rowErrors || !email || !name) continue;
    const current = byEmail.get(email);
    people.push({
      line,
      email,
      name,
      title: columns.includes('title') ? cell(record.title) : (current?.title ?? null),
      department: columns.includes('department') ? cell(record.department) : (current?.department ?? null),
      managerEmail: columns.includes('manager_email') ? managerEmail : (current?.managerEmail ?? null),
      role: (role as PlannedPerson['role'] | null) ?? current?.role ?? 'member',
      active,
    });
  }

  // The org chart after the import: current people, overlaid by the file.
  const managerOf = new Map<string, string | null>(existing.map((p) => [p.email, p.managerEmail]));
  for (const p of people) managerOf.set(p.email, p.managerEmail);
  for (const p of people) {
    if (p.managerEmail && !managerOf.has(p.managerEmail)) {
      errors.push({
        line: p.line,
        column: 'manager_email',
        code: 'unknown_manager',
        values: { email: p.managerEmail },
        message: `unknown manager ${p.managerEmail}: not in the file nor in Ripple`,
      });
    }
  }
  const leaving = planLeavers(people, existing, managerOf, columns.includes('manager_email'), options);
  errors.push(...leaving.errors);
  const firstRow = new Map<string, PlannedPerson>();
  for (const p of people) if (!firstRow.has(p.email)) firstRow.set(p.email, p);
  for (const loop of findLoops(managerOf)) {
    loop.forEach((email, at) => {
      const p = firstRow.get(email);
      if (p) errors.push({ line: p.line, column: 'manager_email', ...loopMessage(loop, at) });
    });
  }
  // An HR admin is one who can still sign in: a role kept by someone who leaves does not count.
  const finalRoles = new Map(existing.map((p) => [p.email, p.role]));
  for (const p of people) finalRoles.set(p.email, p.role);
  const activeAdmins = [...finalRoles].filter(([email, role]) => role === 'admin' && leaving.activeAfter.get(email) !== false);
  if (existing.some((p) => p.role === 'admin' && p.active) && activeAdmins.length === 0) {
    errors.push({ line: 1, column: 'role', code: 'last_admin', values: {}, message: 'the import would leave the organisation without an HR admin' });
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    rowsRead: records.length,
    people,
    changes: people.map((p) => diff(p, byEmail.get(p.email), leaving.activeAfter.get(p.email) ?? true)),
    errors,
    columns,
    leavers: leaving.leavers,
    returners: leaving.returners,
    activePeople: leaving.activePeople,
    confirmationRequired: leaving.confirmationRequired,
    importerKept: leaving.importerKept,
  };
}

/**
 * Every reporting loop in the chart, each once, in O(people): each walk up the chain stops at a
 * person already settled, so nobody is walked twice.
 */
function findLoops(managerOf: Map<string, string | null>): string[][] {
  const state = new Map<string, 'walking' | 'done'>();
  const loops: string[][] = [];
  for (const start of managerOf.keys()) {
    const path: string[] = [];
    let current: string | null | undefined = start;
    while (current && managerOf.has(current) && !state.has(current)) {
      state.set(current, 'walking');
      path.push(current);
      current = managerOf.get(current);
    }
    if (current && state.get(current) === 'walking') loops.push(path.slice(path.indexOf(current)));
    for (const email of path) state.set(email, 'done');
  }
  return loops;
}

/** People a loop's message names at most: one message per member must stay small (a 10,000-person loop). */
const LOOP_NAMES_SHOWN = 10;

/** The loop as seen from its member at `from`: the whole loop back to them, or its first steps and its size. */
function loopMessage(loop: string[], from: number): Pick<ImportRowError, 'code' | 'values' | 'message'> {
  const shown = Array.from({ length: Math.min(loop.length, LOOP_NAMES_SHOWN) }, (_, k) => loop[(from + k) % loop.length]);
  if (loop.length <= LOOP_NAMES_SHOWN) {
    const chain = [...shown, loop[from]].join(' → ');
    return { code: 'manager_loop', values: { chain }, message: `manager loop: ${chain}` };
  }
  const chain = `${shown.join(' → ')} → … → ${loop[from]}`;
  return { code: 'manager_loop_long', values: { size: loop.length, chain }, message: `manager loop of ${loop.length} people: ${chain}` };
}

function diff(p: PlannedPerson, current: ExistingPerson | undefined, active: boolean): PlannedChange {
  if (!current) return { line: p.line, email: p.email, name: p.name, action: 'create', fields: [], active };
  const pairs: FieldChange[] = [
    { field: 'name', from: current.name, to: p.name },
    { field: 'title', from: current.title, to: p.title },
    { field: 'department', from: current.department, to: p.department },
    { field: 'manager', from: current.managerEmail, to: p.managerEmail },
    { field: 'role', from: current.role, to: p.role },
  ];
  const fields = pairs.filter((c) => c.from !== c.to);
  return { line: p.line, email: p.email, name: p.name, action: fields.length ? 'update' : 'unchanged', fields, active };
}

function describeCsvError(error: { message?: string; code?: string }): Pick<ImportRowError, 'code' | 'values' | 'message'> {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { code: 'csv_quote_not_closed', values: {}, message: 'a quoted value is never closed (check the quotes on this line)' };
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return { code: 'csv_column_count', values: {}, message: 'this line has a different number of columns than the header' };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return { code: 'csv_stray_quote', values: {}, message: 'a quote appears inside a value that is not quoted' };
    default: {
      const detail = error.message ?? 'unknown problem';
      return { code: 'csv_invalid', values: { detail }, message: `the file is not valid CSV: ${detail}` };
    }
  }
}
