import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';

// `pnpm bench` is not run by npm test (speed is measured there, not here), so nothing
// else notices a section it can no longer load: every SECTIONS line must name a module
// next to main.mjs that exports the named function.

const dir = path.resolve(import.meta.dirname, '../../scripts/bench');
const main = readFileSync(path.join(dir, 'main.mjs'), 'utf8');
const sections = [...main.matchAll(/\['(\.\/[^']+)', '([A-Za-z]+)'\]/g)].map(
  (m) => [m[1]!, m[2]!] as const,
);

describe('pnpm bench sections', () => {
  test('main.mjs lists its sections', () => {
    expect(sections.map(([file]) => file)).toEqual([
      './core.mjs',
      './client.mjs',
      './size.mjs',
      './memory.mjs',
    ]);
  });

  test.each(sections)('%s exports %s', async (file, exported) => {
    const mod = await import(pathToFileURL(path.join(dir, file)).href);
    expect(typeof mod[exported]).toBe('function');
  });
});
