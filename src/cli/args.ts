/**
 * A small argument parser: long options with values (`--format json` or `--format=json`),
 * repeatable options (`--fail a --fail b`), boolean flags, short aliases, and positional
 * arguments. `-` is a positional (stdin).
 */
export interface OptionSpec {
  /** Long name without dashes. */
  name: string;
  short?: string;
  /** Allowed values; absent means a boolean flag. */
  values?: readonly string[];
  /** Any string value (e.g. a file name). */
  takesValue?: boolean;
  /** May be given more than once (`--fail a --fail b`): the values are kept as a list. */
  repeatable?: boolean;
}

export type Parsed = {
  options: Record<string, string | boolean | string[]>;
  positionals: string[];
};

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): Parsed {
  const options: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else {
      const spec = specs.find((s) => s.short === arg.slice(1));
      if (!spec) throw new UsageError(`unknown option ${arg}`);
      name = spec.name;
    }
    const spec = specs.find((s) => s.name === name);
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (!spec.values && !spec.takesValue) {
      if (inline !== undefined) throw new UsageError(`option --${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) {
      throw new UsageError(
        `option --${name} needs a value${spec.values ? `: ${spec.values.join(' | ')}` : ''}`
      );
    }
    if (spec.values && !spec.values.includes(value)) {
      throw new UsageError(
        `option --${name} must be one of ${spec.values.join(', ')}, not ${JSON.stringify(value)}`
      );
    }
    if (spec.repeatable) {
      const list = options[name];
      options[name] = Array.isArray(list) ? [...list, value] : [value];
    } else options[name] = value;
  }
  return { options, positionals };
}
