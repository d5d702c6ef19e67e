#!/usr/bin/env python3
"""Writes test/vectors/extra/jitai/masking.json: JitAi request cases whose masked paramStr
depends on masking per `key=value` part (PROTOCOLS §1), computed here in Python
independently of signet's TypeScript.

The recipe is the official `Sign` one (shared/vectors/README.md, "jitai"); the debug
output masks the one part whose key is `secret`, before the parts are joined, so a secret
holding `&` or `=` leaves nothing behind and an arg value holding `&secret=` is untouched.

    python3 scripts/vectors/gen_jitai_masking.py            # rewrites the file
    python3 scripts/vectors/gen_jitai_masking.py --check    # exit 1 when the file's data differs

The file is formatted by biome afterwards (`pnpm format`), so --check compares data, not text.
"""
import base64
import hashlib
import json
import pathlib
import sys

MASK = "secret=*********************"
OUT = pathlib.Path(__file__).resolve().parents[2] / "test/vectors/extra/jitai/masking.json"


def dumps(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def parts(args, timestamp, secret):
    merged = {**args, "timestamp": timestamp, "secret": secret}
    lowered = {k.lower(): v for k, v in merged.items()}
    return [(k, lowered[k] if isinstance(lowered[k], str) else dumps(lowered[k])) for k in sorted(lowered)]


def case(name, secret, timestamp, args, note):
    p = parts(args, timestamp, secret)
    param_str = "&".join(f"{k}={v}" for k, v in p)
    masked = "&".join(MASK if k == "secret" else f"{k}={v}" for k, v in p)
    sign = hashlib.sha1(base64.b64encode(param_str.encode("utf-8"))).hexdigest()
    return {
        "name": name,
        "note": note,
        "secret": secret,
        "timestamp": timestamp,
        "args": args,
        "argsJson": json.dumps(args, ensure_ascii=False),
        "paramStr": param_str,
        "paramStrMasked": masked,
        "accessSign": sign,
        "needsLosslessNumbers": False,
    }


TS = 1764647507632
CASES = [
    case("secret-holding-amp-and-eq", "a=b&c=d", TS, {"orderId": "A-1001"},
         "splitting the joined string on & would leave the fragment &c=d"),
    case("secret-holding-amp-secret-eq", "x1&secret=y2", TS, {"orderId": "A-1001"},
         "a secret that itself spells a second secret part"),
    case("secret-only-separators", "&=&==&", TS, {},
         "nothing of the secret may survive, not even its separators"),
    case("secret-leading-eq-trailing-amp", "=s3cr3t&", TS, {"z": "last"},
         "the part after the secret starts right after its trailing &"),
    case("arg-value-holding-amp-secret-eq", "44eb2b0bf8db45baa37f489017ca942eefe9e9", TS,
         {"q": "a&secret=zz"}, "the server leaves an arg value alone, whatever it spells"),
    case("arg-value-holding-amp-secret-no-eq", "44eb2b0bf8db45baa37f489017ca942eefe9e9", TS,
         {"q": "a&secret", "z": "secret"}, "an arg value ending in &secret, and one that is just secret"),
    case("arg-value-starting-secret-eq", "44eb2b0bf8db45baa37f489017ca942eefe9e9", TS,
         {"a": "secret=1", "secretx": "&secret=2"}, "a key that starts with secret is not the secret"),
    case("nested-value-holding-amp-secret-eq", "44eb2b0bf8db45baa37f489017ca942eefe9e9", TS,
         {"filter": {"note": "&secret=3", "secret": "n"}, "list": ["&secret=4"]},
         "JSON-encoded values holding &secret= stay as they are"),
    case("both-at-once", "p&secret=q=r", TS, {"q": "a&secret=zz", "Note": "ü&secret=ß"},
         "a secret with & and =, and arg values that look like secret parts"),
]


def main():
    text = json.dumps({
        "profile": "jitai",
        "generator": "scripts/vectors/gen_jitai_masking.py",
        "recipe": "paramStr as shared/vectors/jitai/requests.json; paramStrMasked = '&'.join("
                  "'secret=*********************' if k == 'secret' else f'{k}={v}' for each part)",
        "notes": "Project-owned cases (shared/vectors is read-only): the masked paramStr the server "
                 "returns with debug: 1 is masked per key=value part before joining (PROTOCOLS §1).",
        "count": len(CASES),
        "cases": CASES,
    }, ensure_ascii=False, indent=2) + "\n"
    if sys.argv[1:] == ["--check"]:
        if not OUT.exists() or json.loads(OUT.read_text(encoding="utf-8")) != json.loads(text):
            print(f"{OUT} differs from what the generator writes", file=sys.stderr)
            sys.exit(1)
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {OUT}")


if __name__ == "__main__":
    main()
