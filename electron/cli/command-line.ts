/**
 * Reading one command's flags. Node's own `parseArgs` splits the arguments into tokens; the rules
 * scripts need on top of it are applied here, each failure a usage error with one clear line:
 * unknown flags, missing values, a flag given twice that takes one value, surplus arguments.
 */
import { parseArgs } from 'node:util';
import { usageError } from './cli-errors.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given several times; the values are kept in order. */
  multiple?: boolean;
  short?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** Every command accepts these. */
export const commonOptions = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpecs;

export class CommandLine<S extends OptionSpecs> {
  constructor(
    private readonly strings: ReadonlyMap<string, string>,
    private readonly lists: ReadonlyMap<string, readonly string[]>,
    private readonly flags: ReadonlySet<string>,
    readonly positionals: readonly string[],
  ) {}

  string(name: keyof S & string): string | undefined {
    return this.strings.get(name);
  }

  list(name: keyof S & string): readonly string[] {
    return this.lists.get(name) ?? [];
  }

  flag(name: keyof S & string): boolean {
    return this.flags.has(name);
  }
}

export const parseCommandLine = <S extends OptionSpecs>(
  command: string,
  args: readonly string[],
  specs: S,
  maxPositionals: number,
): CommandLine<S> => {
  // Non-strict, so that every problem is reported in our words rather than parseArgs' own.
  const { tokens } = parseArgs({
    args: [...args],
    options: specs,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  const isKnownFlag = (text: string) =>
    Object.entries(specs).some(([name, spec]) => text === `--${name}` || text === `-${spec.short}`);

  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (!spec) {
      throw usageError(
        `unknown option ${token.rawName} for "pressroom ${command}" (see pressroom ${command} --help)`,
      );
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw usageError(`${token.rawName} takes no value`);
      flags.add(token.name);
      continue;
    }
    // `--title --json` would otherwise make "--json" the title: a flag-shaped value means a forgotten one.
    if (token.value === undefined || (!token.inlineValue && isKnownFlag(token.value))) {
      throw usageError(`${token.rawName} needs a value`);
    }
    if (spec.multiple) {
      lists.set(token.name, [...(lists.get(token.name) ?? []), token.value]);
    } else if (strings.has(token.name)) {
      throw usageError(`${token.rawName} was given more than once`);
    } else {
      strings.set(token.name, token.value);
    }
  }
  if (positionals.length > maxPositionals) {
    const surplus = positionals[maxPositionals] ?? '';
    throw usageError(`unexpected argument "${surplus}" for "pressroom ${command}"`);
  }
  return new CommandLine<S>(strings, lists, flags, positionals);
};

/** The value of a flag the command cannot do without. */
export const required = (value: string | undefined, flag: string, command: string): string => {
  if (value === undefined) throw usageError(`"pressroom ${command}" needs ${flag}`);
  return value;
};
