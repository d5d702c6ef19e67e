// Golden files: checked-in outputs that tests compare with (generated clients) or produce
// (the example page's screenshot). A test run never rewrites them. With
// SIGNET_UPDATE_GOLDEN=1 a test writes its golden file and then fails, so an update can
// never pass silently: review the diff, commit it, run again without the variable.
import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** True when this run was asked to rewrite golden files. */
export const UPDATE_GOLDEN: boolean = process.env.SIGNET_UPDATE_GOLDEN === '1';

/** Writes `content` to the golden `file`, then fails the test that asked for it. */
export function rewriteGolden(file: string, content: string | Uint8Array): never {
  writeFileSync(file, content);
  return expect.fail(
    `${file} was rewritten because SIGNET_UPDATE_GOLDEN=1: review the diff, then run again without it`,
  );
}
