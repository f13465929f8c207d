import { parseArgs } from './cli-args';

const VALUED = new Set(['name', 'admin-email', 'admin-name']);

describe('parseArgs', () => {
  it('reads the command, options in both spellings, and flags', () => {
    const parsed = parseArgs(['org:create', '--name', 'Acme Ltd', '--admin-email=hr@acme.example', '--json'], VALUED);
    expect(parsed.command).toBe('org:create');
    expect(Object.fromEntries(parsed.options)).toEqual({ name: 'Acme Ltd', 'admin-email': 'hr@acme.example' });
    expect([...parsed.flags]).toEqual(['json']);
    expect(parsed.problems).toEqual([]);
  });

  it('names what is wrong instead of guessing', () => {
    expect(parseArgs(['org:create', '--name'], VALUED).problems).toEqual(['--name needs a value']);
    expect(parseArgs(['org:create', '--name', '--admin-email', 'x@y.z'], VALUED).problems).toEqual(['--name needs a value']);
    expect(parseArgs(['org:create', '--name', 'Acme', 'Ltd'], VALUED).problems).toEqual(['Unexpected argument "Ltd" (quote values that contain spaces)']);
    expect(parseArgs(['org:list', '--json=yes'], VALUED).problems).toEqual(['--json takes no value']);
  });

  it('treats -h and --help alike', () => {
    expect(parseArgs(['-h'], VALUED).flags.has('help')).toBe(true);
    expect(parseArgs(['--help'], VALUED).flags.has('help')).toBe(true);
  });
});
