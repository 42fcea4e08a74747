/**
 * A small command-line parser: `--name value`, `--name=value` and boolean `--flag`.
 * Unknown options are an error, so a typo never silently runs the wrong benchmark.
 */
export type ArgValue = string | boolean;

export function parseArgs(argv: readonly string[], known: Readonly<Record<string, 'string' | 'boolean'>>): Map<string, ArgValue> {
  const values = new Map<string, ArgValue>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = known[name];
    if (!kind) throw new Error(`unknown option --${name} (known: ${Object.keys(known).map((key) => `--${key}`).join(', ')})`);
    if (kind === 'boolean') {
      values.set(name, inline === undefined ? true : inline !== 'false');
      continue;
    }
    const value = inline ?? argv[(i += 1)];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
    values.set(name, value);
  }
  return values;
}

export function positiveInt(value: ArgValue | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(String(value).replace(/[_,]/g, ''));
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive integer, got "${String(value)}"`);
  return parsed;
}
