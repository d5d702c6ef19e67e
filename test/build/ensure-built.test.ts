import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { builtFiles, staleBuilds, workspaceDeps } from './ensure-built.mjs';

const root = path.resolve(import.meta.dirname, '../..');

describe('the real workspace', () => {
  test('every dist file a package points at is checked; sdk-browser depends on sdk-core', () => {
    const rel = (name: string) => builtFiles(name).map((f) => path.relative(root, f));
    expect(rel('sdk-browser')).toContain('packages/sdk-browser/dist/signer.js');
    expect(rel('sdk-browser')).toContain('packages/sdk-browser/dist/signer/jitai.cjs');
    expect(rel('sdk-node')).toContain('packages/sdk-node/dist/cli.js');
    expect(workspaceDeps('sdk-browser')).toEqual(['sdk-core']);
    expect(workspaceDeps('sdk-core')).toEqual([]);
  });
});

describe('staleBuilds on a made-up workspace', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'signet-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (rel: string, text: string, seconds: number) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
    utimesSync(path.join(dir, rel), seconds, seconds);
  };
  const manifest = (name: string, deps: Record<string, string> = {}) =>
    JSON.stringify({
      name: `@signet/${name}`,
      exports: { '.': { import: './dist/index.js' } },
      dependencies: deps,
    });

  test('fresh, then stale for its own source, for a dependency, and for a missing file', () => {
    file('packages/core/package.json', manifest('core'), 100);
    file('packages/core/src/a.ts', '', 100);
    file('packages/core/dist/index.js', '', 200);
    file('packages/app/package.json', manifest('app', { '@signet/core': 'workspace:^' }), 100);
    file('packages/app/src/b.ts', '', 100);
    file('packages/app/dist/index.js', '', 200);
    expect(staleBuilds(['core', 'app'], dir)).toEqual([]);

    file('packages/core/src/a.test.ts', '', 300); // tests are not inputs
    expect(staleBuilds(['core', 'app'], dir)).toEqual([]);

    file('packages/core/src/a.ts', '', 300);
    expect(staleBuilds(['core', 'app'], dir)).toEqual([
      { name: 'core', reason: 'packages/core/dist/index.js is older than packages/core/src/a.ts' },
      { name: 'app', reason: 'packages/app/dist/index.js is older than packages/core/src/a.ts' },
    ]);

    rmSync(path.join(dir, 'packages/app/dist/index.js'));
    expect(staleBuilds(['app'], dir)).toEqual([
      { name: 'app', reason: 'packages/app/dist/index.js is missing' },
    ]);
  });
});
