#!/usr/bin/env python3
"""Runs compiled conformance cases under valgrind memcheck.

Every case is compiled with skink and run under memcheck; a case fails when
memcheck reports an invalid read or write (or any other memory error) or a
definitely lost block. Usage:

    scripts/memcheck.py [--skink PATH] [--every N] [--jobs J] [FILTER]

`--every N` checks every N-th case (in sorted order), which CI uses for a
representative subset; FILTER keeps cases whose `feature/name` contains it.
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cases(filter_text):
    base = os.path.join(ROOT, "conformance", "cases")
    for feature in sorted(os.listdir(base)):
        folder = os.path.join(base, feature)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py") and filter_text in f"{feature}/{name}":
                yield os.path.join(folder, name)


def check(skink, case, workdir):
    feature = os.path.basename(os.path.dirname(case))
    exe = os.path.join(workdir, f"{feature}__{os.path.basename(case)[:-3]}")
    # Each case runs in its own empty directory, as the conformance runner does.
    cwd = exe + ".cwd"
    os.makedirs(cwd, exist_ok=True)
    # Linked dynamically: memcheck finds malloc and free to replace in the shared C library.
    build = subprocess.run(
        [skink, "build", "--link", "dynamic", case, "-o", exe], capture_output=True, text=True
    )
    if build.returncode != 0:
        return case, f"build failed: {build.stderr.strip()[-300:]}"
    run = subprocess.run(
        [
            "valgrind",
            "--tool=memcheck",
            "--leak-check=full",
            "--errors-for-leak-kinds=definite",
            "--error-exitcode=99",
            "--quiet",
            exe,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=cwd,
        # Freed floats go back to the allocator instead of the runtime's free list,
        # so a use after free shows (CPython's PYTHONMALLOC=malloc, for the same reason).
        env={**os.environ, "SKINK_MALLOC": "malloc"},
    )
    if run.returncode == 99:
        # Keep the records memcheck counts as errors, not "possibly lost" ones.
        records = re.split(r"==\d+== *\n", run.stderr)
        bad = [r for r in records if "possibly lost" not in r and r.strip()]
        return case, "\n".join(bad)[-4000:]
    return case, None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skink", default=os.path.join(ROOT, "target", "debug", "skink"))
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("filter", nargs="?", default="")
    args = parser.parse_args()
    selected = list(cases(args.filter))[:: max(args.every, 1)]
    failures = []
    with tempfile.TemporaryDirectory() as workdir:
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            for i, (case, problem) in enumerate(
                pool.map(lambda c: check(args.skink, c, workdir), selected), 1
            ):
                rel = os.path.relpath(case, ROOT)
                print(f"[{i}/{len(selected)}] {rel}: {'FAIL' if problem else 'ok'}", flush=True)
                if problem:
                    failures.append((rel, problem))
    for rel, problem in failures:
        print(f"\n=== {rel}\n{problem}")
    print(f"memcheck: {len(selected)} cases, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
