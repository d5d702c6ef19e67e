#!/usr/bin/env bash
# Debian packages the integration tests drive for real: Apache httpd (mod_auth_digest,
# a real HTTP Digest peer), Chromium (browser tests through playwright-core) and python3
# (the differential test compares signet with Python's own json module).
# Installs only what is missing; needs root (as on the project's machines) when it does.
set -euo pipefail
missing=()
[ -x /usr/sbin/apache2 ] || missing+=(apache2)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Any python3 on PATH will do (a pyenv shim too); the test runs `python3`.
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "[system-deps] missing ${missing[*]}: install them with apt-get (needs root)" >&2
  exit 1
fi
echo "[system-deps] apt-get install ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
# Apache is only ever started by the tests, on their own config and port.
if command -v systemctl >/dev/null 2>&1; then systemctl disable --now apache2 >/dev/null 2>&1 || true; fi
service apache2 stop >/dev/null 2>&1 || true
