#!/usr/bin/env python3
"""Compiles pyperformance benchmark programs with skink and compares them with CPython.

    scripts/pyperformance.py [--skink PATH] [--pypy PATH] [--runs N] [--keep DIR] [NAME ...]

The benchmark programs are not ours, so they are never committed: this script
downloads the pyperformance source distribution from PyPI (pinned below) into a
cache directory at check time, takes each `run_benchmark.py` unchanged except for
the pyperf harness, which it swaps for a plain driver (ours, below) that runs the
benchmark once and prints a checksum of its result. Each program is then run by
CPython and by a skink executable (and by PyPy when one is found: `pypy3` on the
PATH, or --pypy), interleaved, N times each; the script reports whether skink's
output matches CPython's and the median time of each, measured in the same run.

Exit status: 0 when every selected benchmark compiles and matches CPython.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERSION = "1.14.0"
CACHE = os.path.join(ROOT, "target", "pyperformance")

# The drivers replacing pyperf's `Runner` (everything from `if __name__ ==`).
DRIVERS = {
    "nqueens": """
solutions = list(n_queens(8))
print(len(solutions), solutions[0], solutions[-1])
""",
    "richards": """
print(Richards().run(3))
""",
    "deltablue": """
delta_blue(2000)
print("deltablue done")
""",
    "raytrace": """
print(bench_raytrace(1, 50, 50, None) >= 0)
""",
    "generators": """
t = tree(range(20000))
print(sum(t), len(list(t)), bench_generators(1) >= 0)
""",
    "fannkuch": """
print(fannkuch(DEFAULT_ARG))
""",
    "nbody": """
offset_momentum(BODIES["sun"])
print(report_energy())
advance(0.01, 20000)
print(report_energy())
""",
    "spectral_norm": """
v = eval_AtA_times_u([1] * DEFAULT_N)
print(sum(v), bench_spectral_norm(1) >= 0)
""",
    "float": """
print(benchmark(POINTS))
""",
    "unpack_sequence": """
print(bench_all(1000) >= 0)
""",
}


def fetch():
    """The extracted sdist's benchmark directory, downloading it once."""
    os.makedirs(CACHE, exist_ok=True)
    archive = os.path.join(CACHE, f"pyperformance-{VERSION}.tar.gz")
    if not os.path.exists(archive):
        print(f"downloading pyperformance {VERSION} from PyPI", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", f"pyperformance=={VERSION}",
             "--no-deps", "--no-binary", ":all:", "-d", CACHE],
            check=True, stdout=subprocess.DEVNULL,
        )
    root = os.path.join(CACHE, f"pyperformance-{VERSION}")
    if not os.path.isdir(root):
        with tarfile.open(archive) as t:
            t.extractall(CACHE, filter="data")
    return os.path.join(root, "pyperformance", "data-files", "benchmarks")


def swap_harness(source, driver):
    """The benchmark with `pyperf` replaced by `time` and our driver as `__main__`."""
    main = re.search(r"^if __name__ == ['\"]__main__['\"]:", source, re.M)
    if main is None:
        raise ValueError("no __main__ block")
    body = source[: main.start()]
    body = re.sub(r"^import pyperf$", "import time", body, flags=re.M)
    body = body.replace("pyperf.perf_counter", "time.perf_counter")
    return body + driver


def run(cmd, timeout=600):
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    return p, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skink", default=os.path.join(ROOT, "target", "release", "skink"))
    parser.add_argument("--pypy", default=shutil.which("pypy3"),
                        help="a PyPy to compare with too [default: pypy3 on the PATH]")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each, median reported")
    parser.add_argument("--keep", help="write the swapped programs to this directory")
    parser.add_argument("names", nargs="*", default=sorted(DRIVERS))
    args = parser.parse_args()
    benchmarks = fetch()
    failures = 0
    header = f"{'benchmark':16} {'result':10} {'cpython s':>10} {'skink s':>10} {'speedup':>8}"
    if args.pypy:
        header += f" {'pypy s':>8} {'pypy':>7}"
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or tmp
        os.makedirs(out_dir, exist_ok=True)
        for name in args.names:
            source = open(os.path.join(benchmarks, f"bm_{name}", "run_benchmark.py")).read()
            program = os.path.join(out_dir, f"{name}.py")
            with open(program, "w") as f:
                f.write(swap_harness(source, DRIVERS[name]))
            exe = os.path.join(tmp, name)
            build = subprocess.run([args.skink, "build", program, "-o", exe],
                                   capture_output=True, text=True)
            if build.returncode != 0:
                failures += 1
                first = (build.stderr.strip().splitlines() or ["?"])[0]
                print(f"{name:16} {'rejected':10} {first}")
                continue
            times = {"py": [], "sk": [], "pypy": []}
            for _ in range(args.runs):
                py, t = run([sys.executable, program])
                times["py"].append(t)
                sk, t = run([exe])
                times["sk"].append(t)
                if args.pypy:
                    _, t = run([args.pypy, program])
                    times["pypy"].append(t)
            med = {k: sorted(v)[len(v) // 2] for k, v in times.items() if v}
            same = (py.stdout, py.returncode) == (sk.stdout, sk.returncode)
            if not same:
                failures += 1
            verdict = "match" if same else "DIFFERS"
            line = (f"{name:16} {verdict:10} {med['py']:10.3f} {med['sk']:10.3f} "
                    f"{med['py'] / med['sk']:7.2f}x")
            if args.pypy:
                line += f" {med['pypy']:8.3f} {med['py'] / med['pypy']:6.2f}x"
            print(line)
            if not same:
                print("  cpython:", (py.stdout + py.stderr).strip().splitlines()[-1:])
                print("  skink:  ", (sk.stdout + sk.stderr).strip().splitlines()[-1:])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
