// The folder tree is the architecture (DEVELOPERS.md, "Layout"): these rules keep it so.
import { describe, expect, test } from 'vitest';
import { findCycle, reachable, type SourceFile, sources } from './imports.js';

const CORE = 'packages/sdk-core/src/';

/** sdk-core's layers, lowest first: a file imports its own folder or a lower layer. */
const LAYERS: readonly (readonly string[])[] = [
  ['errors.ts'],
  ['json', 'crypto', 'clock.ts'],
  ['auth'],
  ['http'],
  ['jitai', 'dataflux', 'hmac', 'digest'],
  ['codegen', 'ky'],
  ['index.ts', 'internal.ts'],
];

/** Files of a protocol folder that connect its recipe to the HTTP layer. */
const NOT_RECIPE = new Set([
  'client.ts',
  'client-types.ts',
  'func-list.ts',
  'strategy.ts',
  'remote-signer.ts',
  'remote-signer-wire.ts',
  'response-check.ts',
  'service-proxy.ts',
  'service-types.ts',
  'details.ts',
  'envelope.ts',
  'sync-result.ts',
  'server-defaults.ts',
]);

const unit = (file: string): string => file.slice(CORE.length).split('/')[0]!;
const layerOf = (file: string): number => LAYERS.findIndex((layer) => layer.includes(unit(file)));

const core = sources('packages/sdk-core/src');

describe('sdk-core', () => {
  test('every file sits in a known layer', () => {
    expect(core.length).toBeGreaterThan(80);
    expect(core.filter((f) => layerOf(f.file) === -1).map((f) => f.file)).toEqual([]);
  });

  test('imports point down only: a folder, or a lower layer; protocols never import each other', () => {
    const upward: string[] = [];
    for (const { file, local } of core) {
      for (const target of local) {
        if (unit(target) === unit(file)) continue;
        if (layerOf(target) >= layerOf(file)) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  test('no import circle, file by file', () => {
    expect(findCycle(core)).toBeUndefined();
  });

  test('a recipe reaches nothing of http/ or auth/ (signer entries bundle the recipe alone)', () => {
    const recipes = core.filter(
      (f) => layerOf(f.file) === 4 && !NOT_RECIPE.has(f.file.split('/').pop()!),
    );
    expect(recipes.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const recipe of recipes) {
      for (const file of reachable(core, recipe.file)) {
        if (unit(file) === 'http' || unit(file) === 'auth') leaks.push(`${recipe.file} -> ${file}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  test('platform-neutral: no node:*, no package but @noble/hashes (ky only in the ky entry)', () => {
    const used = new Set(core.filter((f) => unit(f.file) !== 'ky').flatMap((f) => f.packages));
    expect([...used].filter((p) => !p.startsWith('@noble/hashes/'))).toEqual([]);
  });
});

/** Bare specifiers naming a workspace package, with the file that uses them. */
function workspaceImports(files: readonly SourceFile[]): string[] {
  return files.flatMap((f) => f.packages.filter((p) => p.startsWith('@signet/')));
}

describe('the other packages', () => {
  test.each([
    ['packages/sdk-testing/src', ['@signet/sdk-core', '@signet/sdk-core/internal']],
    ['packages/sdk-node/src', ['@signet/sdk-core', '@signet/sdk-core/internal']],
    ['packages/sdk-browser/src', ['@signet/sdk-core']],
  ])('%s uses sdk-core by package name only, through %j', (dir, allowed) => {
    const files = sources(dir);
    expect(files.length).toBeGreaterThan(3);
    expect(new Set(workspaceImports(files))).toEqual(new Set(allowed));
    const outside = files.flatMap((f) =>
      f.local.filter((t) => !t.startsWith(dir)).map((t) => `${f.file} -> ${t}`),
    );
    expect(outside).toEqual([]);
    expect(findCycle(files)).toBeUndefined();
  });
});
