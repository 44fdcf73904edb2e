"""Measure indexing speed, query speed, memory and start-up, and print the figures.

    python benchmarks/run.py [--sizes 1000 5000 10000] [--jobs N]

For each size: a generated corpus (benchmarks/make_corpus.py), a cold index
into an empty cache (time, articles/s, peak memory of the process tree), and
a warm filtered query (`--official Greer --format json`, median of 5). Then
the start-up ratio: `tariffs timeline` on the bundled sample, warm, against a
bare import of its dependencies, measured side by side (median of 9 each).
Run by hand; no test asserts a time.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import write_corpus

TARIFFS = [sys.executable, "-m", "tariffs"]
FLOOR = [sys.executable, "-c", "import click, rich.console, rich.table, pydantic, dateutil.parser"]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time and peak resident memory (MB) of a command and the processes it waited for."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    print(f"{'articles':>8} {'cold index s':>12} {'articles/s':>10} {'peak MB':>8} {'warm query s':>12}")
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            corpus = Path(scratch) / f"corpus{size}"
            write_corpus(size, corpus)
            env = {**os.environ, "XDG_CACHE_HOME": str(Path(scratch) / f"cache{size}")}
            cold, peak = timed([*TARIFFS, "--data", str(corpus), *jobs, "timeline", "--format", "json"], env)
            warm = statistics.median(timed([*TARIFFS, "--data", str(corpus), "timeline", "--official", "Greer",
                                            "--format", "json"], env)[0] for _ in range(5))
            print(f"{size:>8} {cold:>12.2f} {size / cold:>10.0f} {peak:>8} {warm:>12.3f}")
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(scratch) / "cache-sample")}
        timed([*TARIFFS, "timeline"], env)  # index the sample once: start-up is measured warm
        floor, tool = [], []
        for _ in range(9):
            floor.append(timed(FLOOR, env)[0])
            tool.append(timed([*TARIFFS, "timeline"], env)[0])
    print(f"start-up: tariffs timeline {statistics.median(tool):.3f} s, import floor {statistics.median(floor):.3f} s, "
          f"ratio {statistics.median(tool) / statistics.median(floor):.2f}")


if __name__ == "__main__":
    main()
