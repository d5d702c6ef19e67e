import { SignetConfigError } from '@signet/sdk-core';

/** One `--flag` a command accepts. */
export interface FlagSpec {
  name: string;
  /** Placeholder shown in help (`URL`, `JSON|@file`); absent for a boolean switch. */
  value?: string;
  /** Environment variable read when the flag is not given. */
  env?: string;
  /** May be given several times (values collected in order). */
  multiple?: boolean;
  help: string;
}

/** A command line split into flags and positionals, validated against the specs. */
export interface ParsedArgs {
  positionals: string[];
  /** Flag name → its value(s); `true` for a switch. */
  flags: Map<string, string | string[] | true>;
  help: boolean;
}

/**
 * A small, strict argv parser: `--name value`, `--name=value`, switches, `--` to end
 * flags, `-h`/`--help`. Unknown flags, missing values and repeated single flags are
 * usage errors. Error messages name flags but never echo values (they may be secrets).
 */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const parsed: ParsedArgs = { positionals: [], flags: new Map(), help: false };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (token === '-h' || token === '--help') {
      parsed.help = true;
      continue;
    }
    if (!token.startsWith('-') || token === '-' || /^-\d/.test(token)) {
      parsed.positionals.push(token);
      continue;
    }
    if (!token.startsWith('--')) {
      throw new SignetConfigError(`unknown option ${token.slice(0, 2)}: flags are spelt --name`);
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq < 0 ? undefined : eq);
    const spec = byName.get(name);
    if (!spec) throw new SignetConfigError(`unknown flag --${name}`);
    let value: string | true;
    if (spec.value === undefined) {
      if (eq >= 0) throw new SignetConfigError(`--${name} is a switch: it takes no value`);
      value = true;
    } else if (eq >= 0) {
      value = token.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new SignetConfigError(`--${name} needs a value (${spec.value})`);
      }
      value = next;
      i++;
    }
    store(parsed, spec, value);
  }
  return parsed;
}

function store(parsed: ParsedArgs, spec: FlagSpec, value: string | true): void {
  const previous = parsed.flags.get(spec.name);
  if (spec.multiple) {
    const list = Array.isArray(previous) ? previous : [];
    list.push(String(value));
    parsed.flags.set(spec.name, list);
    return;
  }
  if (previous !== undefined) throw new SignetConfigError(`--${spec.name} is given twice`);
  parsed.flags.set(spec.name, value);
}

/** A string flag's value: the command line first, then its environment variable. */
export function flagValue(
  parsed: ParsedArgs,
  spec: FlagSpec,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const given = parsed.flags.get(spec.name);
  if (typeof given === 'string') return given;
  if (spec.env !== undefined) {
    const fromEnv = env[spec.env];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  }
  return undefined;
}
