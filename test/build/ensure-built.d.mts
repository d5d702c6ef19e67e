// Types of ensure-built.mjs (plain JavaScript: the runtime suite's runner imports it too).

/** A package whose build is missing or older than its inputs, and why. */
export interface StaleBuild {
  name: string;
  reason: string;
}

/** The workspace packages `name` depends on, deepest first (`sdk-node` → `['sdk-core']`). */
export function workspaceDeps(name: string, root?: string): string[];
/** Every JavaScript file the package.json of `name` points at, absolute. */
export function builtFiles(name: string, root?: string): string[];
/** Which of `names` need a build; [] when every build is fresh. */
export function staleBuilds(names: readonly string[], root?: string): StaleBuild[];
/** Builds what is stale under the lock every test process shares; returns what it built. */
export function ensureBuilt(names: readonly string[], root?: string): Promise<string[]>;
