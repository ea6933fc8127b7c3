#!/usr/bin/env python3
"""Record CPython 3.13's output for the conformance scripts.

    PYENV_VERSION=3.13.0 python3 scripts/gen_expected.py [PATH ...]

PATH is a script or a directory under tests/conformance (default: all of it). For each
`<name>.py` this writes, beside it:

    <name>.out   stdout (always, possibly empty)
    <name>.err   stderr, only when not empty (else removed)
    <name>.code  exit status, only when not 0 (else removed)

and reads, when present, `<name>.args` (arguments, one per line) and `<name>.stdin`.

The conventions are those of the Rust harness (crates/pyglass-cli/tests/harness/mod.rs):
the script runs with its directory as the working directory and its bare file name as the
argument, and "<absolute dir>/" is removed from both streams (CPython prints the absolute
path of the script in tracebacks).

Each script runs twice, under two string-hash seeds; a script whose output differs between
the runs depends on hash order (or time, or addresses) and is refused: fix the script.
Expectations are never written by hand.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "conformance"
TIMEOUT = 120


def scripts(paths):
    if not paths:
        paths = [CORPUS]
    found = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found.extend(sorted(p.rglob("*.py")))
        elif p.suffix == ".py":
            found.append(p)
        else:
            sys.exit(f"gen_expected: not a .py script or a directory: {p}")
    return found


def normalize(data: bytes, directory: Path) -> bytes:
    for prefix in {str(directory.resolve()) + "/", str(directory) + "/"}:
        data = data.replace(prefix.encode(), b"")
    return data


def run(script: Path, seed: str):
    directory = script.parent
    stem = script.with_suffix("")
    args_file = stem.with_suffix(".args")
    args = args_file.read_text().splitlines() if args_file.exists() else []
    stdin_file = stem.with_suffix(".stdin")
    stdin = stdin_file.read_bytes() if stdin_file.exists() else None
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED=seed, PYTHON_COLORS="0", PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(
        [sys.executable, script.name, *args],
        cwd=directory,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        env=env,
        timeout=TIMEOUT,
    )
    return (
        normalize(proc.stdout, directory),
        normalize(proc.stderr, directory),
        proc.returncode,
    )


def write_or_remove(path: Path, data):
    if data:
        path.write_bytes(data)
    elif path.exists():
        path.unlink()


def main(argv):
    if sys.version_info[:2] != (3, 13):
        sys.exit(
            f"gen_expected: needs CPython 3.13 (this is {sys.version.split()[0]}); "
            "run it as PYENV_VERSION=3.13.0 python3 scripts/gen_expected.py"
        )
    refused = 0
    written = 0
    for script in scripts(argv[1:]):
        # A symlinked script keeps its expectations beside the link.
        script = Path(os.path.abspath(script))
        first = run(script, "0")
        second = run(script, "12345")
        shown = os.path.relpath(script, ROOT)
        if first != second:
            refused += 1
            print(f"REFUSED {shown}: output depends on the hash seed (or is otherwise not deterministic)")
            continue
        out, err, code = first
        stem = script.with_suffix("")
        stem.with_suffix(".out").write_bytes(out)
        write_or_remove(stem.with_suffix(".err"), err)
        write_or_remove(stem.with_suffix(".code"), f"{code}\n".encode() if code else b"")
        written += 1
        status = f"exit {code}" if code else "ok"
        print(f"{shown}: {status}, {len(out)} bytes stdout, {len(err)} bytes stderr")
    print(f"gen_expected: {written} written, {refused} refused")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
