import { parseArgs as nodeParseArgs } from 'node:util';
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
 * A strict argv parser on `node:util.parseArgs` (its tokens; the checks are signet's):
 * `--name value`, `--name=value`, switches, `--` to end flags, `-h`/`--help`, and
 * negative numbers as positionals. Unknown flags (with the nearest known one suggested),
 * missing values and repeated single flags are usage errors. Error messages name flags
 * but never echo values (they may be secrets).
 */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const parsed: ParsedArgs = { positionals: [], flags: new Map(), help: false };
  const options: Record<string, { type: 'string' | 'boolean'; multiple: true; short?: string }> = {
    help: { type: 'boolean', multiple: true, short: 'h' },
  };
  for (const spec of specs) {
    options[spec.name] = { type: spec.value === undefined ? 'boolean' : 'string', multiple: true };
  }
  const { tokens } = nodeParseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let last = -1; // parseArgs splits `-12` into `-1` and `-2`: one token per argv index
  for (const token of tokens) {
    if (token.index === last) continue;
    last = token.index;
    const raw = argv[token.index]!;
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional' || /^-\d/.test(raw)) {
      parsed.positionals.push(raw);
      continue;
    }
    if (raw === '-h' || raw === '--help') {
      parsed.help = true;
      continue;
    }
    if (!raw.startsWith('--')) {
      throw new SignetConfigError(`unknown option ${raw.slice(0, 2)}: flags are spelt --name`);
    }
    const spec = byName.get(token.name);
    if (!spec) throw unknownFlag(token.name, specs);
    let value: string | true;
    if (spec.value === undefined) {
      if (token.inlineValue)
        throw new SignetConfigError(`--${spec.name} is a switch: it takes no value`);
      value = true;
    } else if (token.value === undefined || (!token.inlineValue && isFlag(token.value))) {
      throw new SignetConfigError(`--${spec.name} needs a value (${spec.value})`);
    } else {
      value = token.value;
    }
    store(parsed, spec, value);
  }
  return parsed;
}

/** `--data --include`: the next word is a flag, not the value. */
function isFlag(word: string): boolean {
  return word.startsWith('--') && word.length > 2;
}

function unknownFlag(name: string, specs: readonly FlagSpec[]): SignetConfigError {
  const near = nearest(
    name,
    specs.map((spec) => spec.name),
  );
  return new SignetConfigError(
    `unknown flag --${name}${near === undefined ? '' : ` (did you mean --${near}?)`}`,
  );
}

/**
 * The known name a typo most likely meant: a name it is a prefix of (`--base-ur`), else
 * the one closest within an edit distance of a third of its length (at least 1).
 */
export function nearest(name: string, known: readonly string[]): string | undefined {
  const prefixed = known.filter((k) => k.startsWith(name) && name.length >= 3);
  if (prefixed.length === 1) return prefixed[0];
  let best: string[] = [];
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [[candidate], d];
    else if (d === bestDistance) best.push(candidate);
  }
  return best.length === 1 ? best[0] : undefined; // a tie suggests nothing
}

/** Levenshtein distance, transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
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
