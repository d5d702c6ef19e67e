import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';

// The project-owned vectors are data computed by an independent Python implementation:
// this keeps the committed file and its generator in step.
test('test/vectors/extra/jitai/masking.json is what its Python generator writes', () => {
  const script = path.resolve(import.meta.dirname, '../../scripts/vectors/gen_jitai_masking.py');
  const run = spawnSync('python3', [script, '--check'], { encoding: 'utf8' });
  expect(run.error).toBeUndefined();
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});
