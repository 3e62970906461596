#!/usr/bin/env python3
"""Measures what docs/performance.md records, against CPython in the same run:
hello-world binary size and startup time, and recursive fib(30) wall time.

Usage: python3 scripts/measure_performance.py [path/to/skink]
Runs are interleaved (skink, CPython, skink, ...) and medians reported; every
timing includes process creation, for both sides alike.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

HELLO = 'print("Hello, world!")\n'
FIB = """def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(30))
"""


def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def interleaved(a, b, rounds):
    ta, tb = [], []
    for _ in range(rounds):
        ta.append(timed(a))
        tb.append(timed(b))
    return statistics.median(ta), statistics.median(tb)


def main():
    skink = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/skink")
    python = sys.executable  # the real interpreter, not a pyenv shim
    with tempfile.TemporaryDirectory() as d:
        paths = {}
        for name, src in (("hello", HELLO), ("fib", FIB)):
            py = os.path.join(d, name + ".py")
            with open(py, "w") as f:
                f.write(src)
            exe = os.path.join(d, name)
            subprocess.run([skink, "build", py, "-o", exe], check=True)
            paths[name] = (py, exe)
        out = subprocess.run([paths["fib"][1]], capture_output=True, text=True).stdout
        expected = subprocess.run([python, paths["fib"][0]], capture_output=True, text=True).stdout
        assert out == expected, (out, expected)
        size = os.path.getsize(paths["hello"][1])
        hs, hp = interleaved([paths["hello"][1]], [python, paths["hello"][0]], 21)
        fs, fp = interleaved([paths["fib"][1]], [python, paths["fib"][0]], 7)
    print(f"python: {sys.version.split()[0]}")
    print(f"hello-world binary size: {size} bytes ({size / 1024:.0f} KiB)")
    print(f"hello-world startup: skink {hs * 1000:.2f} ms, CPython {hp * 1000:.2f} ms")
    print(f"fib(30): skink {fs * 1000:.1f} ms, CPython {fp * 1000:.1f} ms, speedup {fp / fs:.1f}x")


if __name__ == "__main__":
    main()
