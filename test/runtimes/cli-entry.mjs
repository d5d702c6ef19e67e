// Entry for runtimes with a command line (Node, Bun, Deno): imports the BUILT sdk-core
// and sdk-browser/signer ESM bundles, fetches the input from the runner's control URL (the only argument), runs
// the shared smoke module and prints one `SMOKE-REPORT <json>` line.
import * as signer from '../../packages/sdk-browser/dist/signer.js';
import * as sdk from '../../packages/sdk-core/dist/index.js';
import { runSmoke } from './smoke.mjs';

const control = globalThis.Deno?.args[0] ?? globalThis.process?.argv[2];
const input = await (await fetch(control)).json();
const report = await runSmoke(sdk, signer, input);
console.log(`SMOKE-REPORT ${JSON.stringify(report)}`);
