/** A command line: the command, then `--option value` / `--option=value` pairs and bare `--flags`. */
export interface ParsedArgs {
  command: string | null;
  options: Map<string, string>;
  flags: Set<string>;
  /** Problems found while reading the line (a value missing, a stray word). */
  problems: string[];
}

/**
 * Reads `org:create --name "Acme" --admin-email=hr@acme.example --json`. `valued` names the
 * options that take a value; any other `--word` is a flag.
 */
export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>): ParsedArgs {
  const parsed: ParsedArgs = { command: null, options: new Map(), flags: new Set(), problems: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      if (!valued.has(name)) {
        if (eq !== -1) parsed.problems.push(`--${name} takes no value`);
        parsed.flags.add(name);
        continue;
      }
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith('--'))) {
        parsed.problems.push(`--${name} needs a value`);
        if (value !== undefined) i--;
        continue;
      }
      parsed.options.set(name, value);
    } else if (arg === '-h') {
      parsed.flags.add('help');
    } else if (parsed.command === null) {
      parsed.command = arg;
    } else {
      parsed.problems.push(`Unexpected argument "${arg}" (quote values that contain spaces)`);
    }
  }
  return parsed;
}
