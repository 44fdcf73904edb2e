"""Measure indexing speed, query speed, start-up, memory and linearity, and print the figures side by side.

    python benchmarks/run.py [--sizes 1000 10000] [--jobs N] [--no-shared] [--no-linearity]

Corpora, each at every size:
- `generated`: benchmarks/make_corpus.py, articles like the shared test corpora in size, events and clutter;
- `shared`: the hand-scored corpora of ../shared/corpus copied over and over to the size (left out, with a
  line saying so, where ../shared is absent, as in a user's clone).
For each: a cold index into an empty cache (wall time, articles/s, MB of article text per second, peak
resident memory of the largest process), then two warm queries, median of 5: one official in one week
(`--official Greer --since 2025-06-09 --until 2025-06-15 --format json`, as an analyst asks), shown against
the import floor measured in the same run (a bare `import` of the dependencies), and the same official over
the whole corpus, whose answer grows with it.
Start-up: `tariffs timeline` on the bundled sample, warm, against the floor (median of 9 each).
Linearity: one article at 1x and 100x of a hostile shape (a 200 kB word, 50 kB of "Mr. " or "U.S. ", a quote
left open for 800 kB, a 17 MB article), extracted in this process; the ratio is the time at 100x over
100 times the time at 1x (1.0 is linear). Run by hand; no test asserts a time.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import write_corpus

SHARED = HERE.parent.parent / "shared" / "corpus"
TARIFFS = [sys.executable, "-m", "tariffs"]
FLOOR = [sys.executable, "-c", "import click, rich.console, rich.table, pydantic, dateutil.parser"]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time and peak resident memory (MB) of the largest process of a command and those it waited for."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss // 1024


def median_time(command: list[str], env: dict[str, str], runs: int) -> float:
    return statistics.median(timed(command, env)[0] for _ in range(runs))


def replicate_shared(count: int, out: Path) -> None:
    """The shared corpora copied into numbered subfolders until there are `count` articles, with one manifest
    whose entries name each copy's files."""
    corpora = sorted(p for p in SHARED.iterdir() if (p / "articles.toml").is_file())
    files = [(c, f) for c in corpora for f in sorted(c.iterdir()) if f.suffix in (".txt", ".html", ".md")]
    manifest: list[str] = []
    for number in range(count):
        corpus, file = files[number % len(files)]
        copy = f"{number // len(files):05d}/{corpus.name}"
        (out / copy).mkdir(parents=True, exist_ok=True)
        (out / copy / file.name).write_bytes(file.read_bytes())
        if number % len(files) == 0 or files[number % len(files) - 1][0] != corpus:
            listed = (corpus / "articles.toml").read_text(encoding="utf-8")
            manifest.append(re.sub(r'(?m)^file = "', f'file = "{copy}/', listed))
    (out / "articles.toml").write_text("\n".join(manifest), encoding="utf-8")


def corpus_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and p.name != "articles.toml")


def index_row(name: str, size: int, folder: Path, scratch: Path, jobs: list[str], floor: float) -> str:
    """Cold index and warm query of one corpus, as a line of the table."""
    env = {**os.environ, "XDG_CACHE_HOME": str(scratch / f"cache-{name}-{size}")}
    megabytes = corpus_bytes(folder) / 1e6
    cold, peak = timed([*TARIFFS, "--data", str(folder), *jobs, "timeline", "--format", "json"], env)
    query = [*TARIFFS, "--data", str(folder), "timeline", "--official", "Greer", "--format", "json"]
    week = median_time([*query, "--since", "2025-06-09", "--until", "2025-06-15"], env, 5)
    broad = median_time(query, env, 5)
    return (f"{name:>9} {size:>8} {megabytes:>7.1f} {cold:>8.1f} {size / cold:>10.0f} {megabytes / cold:>6.2f} "
            f"{peak:>7} {week:>7.3f} {week - floor:>+8.3f} {broad:>7.3f}")


def index_table(sizes: list[int], jobs: list[str], shared: bool, scratch: Path, floor: float) -> None:
    print(f"{'corpus':>9} {'articles':>8} {'MB':>7} {'cold s':>8} {'articles/s':>10} {'MB/s':>6} "
          f"{'peak MB':>7} {'week s':>7} {'- floor':>8} {'all s':>7}")
    kinds = [("generated", write_corpus)]
    if shared and SHARED.is_dir():
        kinds.append(("shared", replicate_shared))
    elif shared:
        print(f"(shared corpora left out: {SHARED} is absent)")
    for name, make in kinds:
        for size in sizes:
            folder = scratch / f"{name}{size}"
            make(size, folder)
            print(index_row(name, size, folder, scratch, jobs, floor), flush=True)


def start_up(scratch: Path) -> float:
    """The floor and `tariffs timeline` on the sample, interleaved so that load on the machine hits both."""
    env = {**os.environ, "XDG_CACHE_HOME": str(scratch / "cache-sample")}
    timed([*TARIFFS, "timeline"], env)  # index the sample once: start-up is measured warm
    floor, tool = [], []
    for _ in range(9):
        floor.append(timed(FLOOR, env)[0])
        tool.append(timed([*TARIFFS, "timeline"], env)[0])
    ratio = statistics.median(tool) / statistics.median(floor)
    print(f"start-up: tariffs timeline {statistics.median(tool):.3f} s, import floor "
          f"{statistics.median(floor):.3f} s, ratio {ratio:.2f}")
    return statistics.median(floor)


# Hostile shapes: a name and the text at 1x; each is measured again at 100x.
SHAPES = {
    "200 kB word": lambda n: "Akazawa met Lutnick on Friday. " + "x" * (2_000 * n) + ".",
    "50 kB of 'Mr. '": lambda n: "Mr. " * (125 * n) + "Akazawa met Lutnick on Friday.",
    "50 kB of 'U.S. '": lambda n: "U.S. " * (100 * n) + "tariffs of 25% took effect on Friday.",
    "800 kB open quote": lambda n: 'Akazawa said: "' + "we will keep talking on Friday, " * (250 * n),
}


def article_text(n: int) -> str:
    """About 170 kB of generated articles at n = 1, 17 MB at 100x, told one after the other as one file:
    their prose paragraphs only (in one file a site's link list or copyright line would end the story for
    the cleaner), and different articles, not one repeated (a repeated paragraph is read once)."""
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(60 * n, Path(folder))
        paragraphs = (line for p in sorted(Path(folder).glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()
                      if len(line) > 80 and line.rstrip().endswith((".", '"')))
        return "\n\n".join(paragraphs)


def extraction_seconds(text: str) -> float:
    from datetime import date

    from tariffs.pipeline import extract_article
    from tariffs.read import ManifestEntry, RawArticle

    raw = RawArticle("shape", text, ManifestEntry(file="shape.txt", published=date(2025, 6, 14)))
    start = time.process_time()
    extract_article(raw)
    return time.process_time() - start


def linearity(huge: bool) -> None:
    print(f"{'linearity':<20} {'1x s':>8} {'100x s':>8} {'ratio':>6}")
    shapes = dict(SHAPES)
    if huge:
        shapes["17 MB article"] = article_text
    for name, make in shapes.items():
        small, large = extraction_seconds(make(1)), extraction_seconds(make(100))
        print(f"{name:<20} {small:>8.3f} {large:>8.2f} {large / (100 * small):>6.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--no-shared", action="store_true", help="leave out the copied shared corpora")
    parser.add_argument("--no-linearity", action="store_true", help="leave out the linearity checks")
    parser.add_argument("--no-huge", action="store_true", help="leave out the 17 MB article (minutes)")
    args = parser.parse_args()
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as scratch:
        floor = start_up(Path(scratch))
        index_table(args.sizes, jobs, not args.no_shared, Path(scratch), floor)
    if not args.no_linearity:
        linearity(not args.no_huge)


if __name__ == "__main__":
    main()
