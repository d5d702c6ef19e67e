#!/usr/bin/env node
// `npm run signet -- <args>` (or `pnpm signet <args>`) in a clone: the built `signet` CLI
// of @signet/sdk-node, run in the directory the command was typed in (scripts run from
// the repository root; bootstrap.sh notes the caller's directory in SIGNET_CALLER_CWD),
// so `--data @args.json` means the file next to you.
const cwd = process.env.SIGNET_CALLER_CWD ?? process.env.INIT_CWD;
if (cwd) process.chdir(cwd);
await import(new URL('../packages/sdk-node/dist/cli.js', import.meta.url).href);
