// The import graph of the workspace's sources, read from the text of each file: enough
// for the architecture rules (relative specifiers and package names), no bundler needed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT: string = path.resolve(import.meta.dirname, '../..');

/** One source file and what it imports. */
export interface SourceFile {
  /** Path from the repository root, `/`-separated. */
  file: string;
  /** Files of the workspace it imports (resolved, root-relative). */
  local: string[];
  /** Bare specifiers it imports (`@signet/sdk-core`, `node:http`, `ky`). */
  packages: string[];
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every `.ts` source under `dir` (tests and declaration files left out). */
export function sources(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(child);
      } else if (/\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$|\.d\.ts$/.test(entry.name)) {
        out.push(read(child));
      }
    }
  };
  walk(dir);
  return out;
}

function read(file: string): SourceFile {
  const text = readFileSync(path.join(ROOT, file), 'utf8').replace(
    /\/\*[\s\S]*?\*\/|\/\/.*$/gm,
    '',
  );
  const local: string[] = [];
  const packages: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const spec = (match[1] ?? match[2])!;
    if (spec.startsWith('.')) {
      local.push(
        path.posix
          .normalize(path.posix.join(path.posix.dirname(file), spec))
          .replace(/\.js$/, '.ts'),
      );
    } else {
      packages.push(spec);
    }
  }
  return { file, local, packages };
}

/** The first import circle found among `files`, as a list of files, or undefined. */
export function findCycle(files: readonly SourceFile[]): string[] | undefined {
  const graph = new Map(files.map((f) => [f.file, f.local]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'open') return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Every file reachable from `start` through local imports (itself included). */
export function reachable(files: readonly SourceFile[], start: string): Set<string> {
  const graph = new Map(files.map((f) => [f.file, f.local]));
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...(graph.get(file) ?? []));
  }
  return seen;
}
