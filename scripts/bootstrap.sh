#!/usr/bin/env bash
# Gets a fresh machine (Node >= 20 and npm, nothing else) to a built workspace, then
# runs one root script under the right toolchain:
#   bash scripts/bootstrap.sh <script> [args...]
# - Node >= 22: the machine's own if it is new enough, else the npm registry's node@24
#   package installed into .tools/node (git-ignored).
# - pnpm: the version pinned in package.json's packageManager, from the npm registry
#   into .tools/pnpm (no corepack prompt, no global install).
# - pnpm install --frozen-lockfile, and tsup builds, only when their inputs changed.
set -euo pipefail

# Where the command was typed (npm and pnpm run scripts from the root and say so in
# INIT_CWD; the nested pnpm run below would overwrite it): `signet` resolves files there.
export SIGNET_CALLER_CWD="${SIGNET_CALLER_CWD:-${INIT_CWD:-$PWD}}"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
stamps="$root/.stamps"
mkdir -p "$tools" "$stamps"
cd "$root"

say() { printf '[bootstrap] %s\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

npm_quiet() { npm --loglevel=error --no-audit --no-fund --no-update-notifier "$@"; }

# Runs a long step with its output in a log and says every 5 s how it is going (the last
# line of its log), so a first install is never a silent minute. The log is printed if
# the step fails.
progress() {
  local label=$1 log=$2 start=$SECONDS status=0 tick=0
  shift 2
  "$@" >"$log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    tick=$((tick + 1))
    if [ $((tick % 5)) -eq 0 ] && kill -0 "$pid" 2>/dev/null; then
      say "  $label, $((SECONDS - start)) s: $(tr -d '\r' <"$log" 2>/dev/null | grep -v '^[[:space:]]*$' | tail -n 1 | cut -c 1-90)"
    fi
  done
  wait "$pid" || status=$?
  if [ "$status" -ne 0 ]; then
    cat "$log" >&2
    say "$label failed (log: ${log#"$root"/})"
    return "$status"
  fi
  [ $((SECONDS - start)) -lt 5 ] || say "  $label: done in $((SECONDS - start)) s"
}

# 1. Node >= 22
if [ -x "$tools/node/node_modules/.bin/node" ]; then
  export PATH="$tools/node/node_modules/.bin:$PATH"
elif [ "$(node_major)" -lt 22 ]; then
  say "Node $(node --version 2>/dev/null || echo none) is older than 22: installing node@24 into .tools/node"
  progress "npm install node@24" "$stamps/node.log" npm_quiet install --prefix "$tools/node" node@24
  export PATH="$tools/node/node_modules/.bin:$PATH"
fi
[ "$(node_major)" -ge 22 ] || { say "could not obtain Node >= 22"; exit 1; }

# 2. pnpm, pinned by packageManager
pnpm_version=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ ! -x "$tools/pnpm/node_modules/.bin/pnpm" ] ||
  [ "$("$tools/pnpm/node_modules/.bin/pnpm" --version 2>/dev/null)" != "$pnpm_version" ]; then
  say "installing pnpm@$pnpm_version into .tools/pnpm"
  progress "npm install pnpm" "$stamps/pnpm.log" npm_quiet install --prefix "$tools/pnpm" "pnpm@$pnpm_version"
fi
export PATH="$tools/pnpm/node_modules/.bin:$PATH"
export npm_config_update_notifier=false

# 3. Dependencies: only when the lockfile or a manifest changed since the last install.
fingerprint() {
  # shellcheck disable=SC2046
  cat pnpm-lock.yaml pnpm-workspace.yaml $(git ls-files -co --exclude-standard -- 'package.json' '*/package.json' 2>/dev/null || ls package.json packages/*/package.json) 2>/dev/null |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(require("crypto").createHash("sha256").update(s+process.version).digest("hex")))'
}
want=$(fingerprint)
if [ ! -d node_modules ] || [ "$(cat "$stamps/install" 2>/dev/null)" != "$want" ]; then
  say "pnpm install --frozen-lockfile (log: .stamps/install.log)"
  progress "pnpm install" "$stamps/install.log" pnpm install --frozen-lockfile --reporter=append-only
  fingerprint >"$stamps/install"
fi

# 4. Build: only when a package's sources or build config are newer than its last build.
needs_build=0
for pkg in packages/*/; do
  stamp="$stamps/build-$(basename "$pkg")"
  if [ ! -f "$stamp" ] || [ ! -d "$pkg/dist" ] ||
    [ -n "$(find "$pkg/src" "$pkg/package.json" "$pkg/tsup.config.ts" -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    needs_build=1
  fi
done
if [ "$needs_build" = 1 ]; then
  say "building packages (tsup, log: .stamps/build.log)"
  progress "build" "$stamps/build.log" pnpm run build
  for pkg in packages/*/; do touch "$stamps/build-$(basename "$pkg")"; done
fi

[ $# -gt 0 ] || exit 0
exec pnpm run --silent "$@"
