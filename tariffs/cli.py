"""The `tariffs` command: a thin layer over `tariffs.pipeline`."""
from __future__ import annotations

import errno
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import click

from . import __version__
from .query import INSTRUMENTS, SECTORS, STATUSES, TYPES
from .read import one_line

PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Settings:
    """The global options: where the articles are and how many processes may read them."""

    folder: Path
    jobs: int | None
    refresh: bool = False


def _sample_folder() -> Path:
    """The bundled sample corpus: inside the installed package, or data/ beside a source checkout."""
    for folder in (PACKAGE / "sample", PACKAGE.parent / "data"):
        if (folder / "articles.toml").is_file():
            return folder
    return PACKAGE / "sample"


def _fail(message: str) -> None:
    click.echo(f"tariffs: {one_line(message)}", err=True)
    sys.exit(2)


def _iso_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        if not ISO_DAY.fullmatch(value):
            raise ValueError(value)  # fromisoformat also takes "20250601", which a user likely mistyped
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} {value!r} is not a date (use YYYY-MM-DD)")


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of article texts with articles.toml (default: $TARIFFS_DATA, else the bundled sample).")
@click.option("--jobs", type=click.IntRange(min=1, max=1024), default=None,
              help="Processes that read new or changed articles (default: all cores).")
@click.option("--refresh", is_flag=True,
              help="Look at every article for changes, not only at the folders (after editing one in place).")
@click.version_option(__version__, prog_name="tariffs")
@click.pass_context
def cli(ctx: click.Context, data: Path | None, jobs: int | None, refresh: bool) -> None:
    """Turn news articles on the U.S.-Japan tariff negotiations into a timeline."""
    if data is None and os.environ.get("TARIFFS_DATA"):
        data = Path(os.environ["TARIFFS_DATA"])
    ctx.obj = Settings(data or _sample_folder(), jobs, refresh)


class Forgiving(click.Choice):
    """A choice that takes what a user means: any case, a plural ("meetings"), a unique start ("meet"), a
    space or hyphen for an underscore ("in effect"); otherwise it names the nearest choice."""

    def __init__(self, choices, aliases: dict[str, str] | None = None):
        super().__init__(list(choices))
        self.aliases = aliases or {}

    def convert(self, value, param, ctx):
        word = re.sub(r"[\s-]+", "_", str(value).strip().lower())
        word = self.aliases.get(word, word)
        found = [c for c in self.choices if word in (c.lower(), c.lower() + "s", c.lower() + "es")]
        found = found or [c for c in self.choices if c.lower().startswith(word.rstrip("s"))]
        if len(found) == 1:
            return found[0]
        import difflib

        near = difflib.get_close_matches(word, [c.lower() for c in self.choices], n=1, cutoff=0.6)
        hint = f"; did you mean {near[0]}?" if near else f" (choose from {', '.join(self.choices)})"
        self.fail(f"{value!r} is not a {param.name.rstrip('s') if param else 'choice'}{hint}", param, ctx)


def _data_option(command):
    """`--data` after the subcommand too (`tariffs timeline --data DIR`), as users type it."""
    def remember(ctx: click.Context, _param, value: Path | None):
        if value is not None:
            ctx.obj = Settings(value, ctx.obj.jobs, ctx.obj.refresh)

    return click.option("--data", type=click.Path(file_okay=False, path_type=Path), expose_value=False,
                        callback=remember, help="Folder of articles (as `tariffs --data`).")(command)


FLAT = ("jsonl", "csv", "markdown")  # a row per item, for rates and officials as for events


def _formats(*names: str):
    return click.option("--format", "fmt", type=Forgiving(names), default=names[0], show_default=True,
                        help="How to print or export.")


@cli.command()
@click.option("--official", "officials", multiple=True,
              help="Keep events with this person (name, surname, alias or role). Repeatable.")
@click.option("--since", metavar="DAY|MONTH", help="Keep events on or after this day or month (2025-06-14, 2025-06).")
@click.option("--until", metavar="DAY|MONTH", help="Keep events on or before this day or month.")
@click.option("--include-undated", is_flag=True, help="Keep undated events when --since or --until is given.")
@click.option("--type", "types", multiple=True, type=Forgiving(TYPES), help="Keep events of this type. Repeatable.")
@click.option("--status", "statuses", multiple=True, type=Forgiving(STATUSES),
              help="Keep events in this state (held, planned, threatened, in_effect, reached ...). Repeatable.")
@click.option("--country", "countries", multiple=True, metavar="COUNTRY",
              help="Keep events involving this country (JP, Japan, US ...). Repeatable.")
@click.option("--sector", "sectors", multiple=True, type=Forgiving(SECTORS, {"cars": "autos", "car": "autos"}),
              help="Keep tariffs on this sector (autos, steel ...). Repeatable.")
@click.option("--instrument", "instruments", multiple=True, type=Forgiving(INSTRUMENTS),
              help="Keep events made by this kind of instrument. Repeatable.")
@click.option("--conflicts", is_flag=True, help="Keep only events whose sources disagree.")
@click.option("--search", default="", metavar="WORDS", help="Keep events whose summary or sources have all these words.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="Show at most this many events.")
@click.option("--reverse", is_flag=True, help="Newest first.")
@_formats("table", "json", "jsonl", "csv", "markdown", "ics", "timelinejs", "html")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of the terminal.")
@click.option("--no-pager", is_flag=True, help="Print straight to the terminal, without a pager.")
@_data_option
@click.pass_obj
def timeline(settings: Settings, fmt: str, output: Path | None, no_pager: bool, **filters) -> None:
    """The events of every article, in date order."""
    from .index import article_count, article_infos, document, select

    query = _query(**filters)
    if fmt == "json":
        _deliver(_consult(settings, lambda index: list(document(index, query))), output)
        return
    def shown(index) -> tuple[int, list[dict], dict[str, dict]]:
        events = select(index, query, False)[1]
        return article_count(index), events, article_infos(index, events)

    count, events, infos = _consult(settings, shown)
    _emit(Shown(events, infos, heading_of(len(events), count, query)), fmt, output, not no_pager)


def _query(officials, since, until, include_undated, types, statuses, countries, sectors, instruments, conflicts,
           search, limit, reverse):
    """The user's filters as a Query, each checked: a date that is not one, bounds the wrong way round, a name
    nobody has (with the nearest names), a country the tool does not know."""
    from .query import Query

    start, end = _bound(since, "--since", last=False), _bound(until, "--until", last=True)
    if start and end and end < start:
        _fail(f"--until {until} is before --since {since}")
    for name in officials:
        _known_official(name)
    return Query(officials, start, end, types, instruments, conflicts, statuses,
                 tuple(_country(c) for c in countries), sectors, search.strip(), include_undated, limit, reverse)


def _known_official(name: str) -> None:
    from .officials import known_official, nearest_officials

    if known_official(name):
        return
    near = nearest_officials(name)
    _fail(f"unknown official {name!r}" + (f"; did you mean {' or '.join(near)}?" if near
                                          else " (not in the directory of officials)"))


def _country(words: str) -> str:
    from .query import country_code

    code = country_code(words)
    if code is None:
        _fail(f"unknown country {words!r} (use a two-letter code such as JP or US, or a name)")
    return code


def _bound(value: str | None, option: str, last: bool) -> date | None:
    from .query import bound

    if value is None:
        return None
    try:
        return bound(value, last)
    except ValueError:
        _fail(f"{option} {value!r} is not a day or a month (use YYYY-MM-DD or YYYY-MM)")


def _consult(settings: Settings, ask):
    """`ask` answered from the data folder's index, brought up to date first; its warnings shown."""
    from .index import consult
    from .read import CorpusError

    try:
        answer, warnings = consult(settings.folder, ask, settings.jobs, progress=sys.stderr.isatty(),
                                   refresh=settings.refresh)
    except CorpusError as err:
        _fail(str(err))
    for warning in warnings:
        click.echo(f"warning: {one_line(warning)}", err=True)
    return answer


def _all_events(settings: Settings) -> list[dict]:
    from .index import select
    from .query import Query

    return _consult(settings, lambda index: select(index, Query(), with_articles=False)[1])


def _deliver(text, output: Path | None) -> None:
    """Write text (a string or its pieces) to the output file or to standard output."""
    pieces = [text] if isinstance(text, str) else text
    if output:
        _write(output, pieces)
    else:
        _echo_all(pieces)


def _echo_all(pieces) -> None:
    """Exported data goes out in UTF-8, the encoding its formats are defined in, whatever the terminal's, in
    blocks of about a megabyte: a write (and a flush) per piece cost more than the query."""
    for block in _blocks(pieces):
        click.echo(block, nl=False)


def _blocks(pieces, size: int = 1 << 20):
    """The pieces' UTF-8 bytes joined into blocks of at least `size` (the last may be smaller)."""
    held, length = [], 0
    for piece in pieces:
        held.append(piece.encode("utf-8"))
        length += len(held[-1])
        if length >= size:
            yield b"".join(held)
            held, length = [], 0
    if held:
        yield b"".join(held)


@dataclass(frozen=True)
class Shown:
    """What a listing shows: the events, the facts of the articles they were read in, the line above them."""

    events: list[dict]
    articles: dict[str, dict]
    header: str


def heading_of(shown: int, articles: int, query) -> str:
    from .render import heading

    return heading(shown, articles, query.filters())


def _emit(shown: Shown, fmt: str, output: Path | None, page: bool) -> None:
    """The events in the chosen format, to the output file, the pager or the terminal."""
    if fmt != "table":
        _deliver(_exported(shown, fmt), output)
        return
    from rich.console import Console

    from .render import print_table

    outlets = {name: info.get("source") or name for name, info in shown.articles.items()}
    if output:
        with open(os.devnull, "w") as sink:
            console = Console(file=sink, record=True, width=160)
            print_table(shown.events, outlets, shown.header, console)
        _write(output, [console.export_text()])
        return
    command = pager_command(sys.stdout.isatty(), os.environ, page)
    if command is None:
        print_table(shown.events, outlets, shown.header, Console())
        return
    console = Console(force_terminal=True, width=shutil.get_terminal_size().columns)
    with console.capture() as captured:
        print_table(shown.events, outlets, shown.header, console)
    _page(captured.get(), command)


def _exported(shown: Shown, fmt: str) -> str:
    """The events as a file format: a script's (jsonl, csv), a calendar's, a newsroom's (TimelineJS, a page)."""
    from . import render

    events, articles = shown.events, shown.articles
    if fmt == "ics":
        return render.to_ics(events, datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"))
    if fmt == "markdown":
        return render.to_markdown(events)
    from . import export

    if fmt == "html":
        from .report import rate_histories

        return export.to_html(events, articles, rate_histories(events))
    return {"jsonl": lambda: export.to_jsonl(events), "csv": lambda: export.to_full_csv(events, articles),
            "timelinejs": lambda: export.to_timelinejs(events, articles)}[fmt]()


def pager_command(to_terminal: bool, environment, wanted: bool) -> list[str] | None:
    """The pager to show a listing in, as git and gh choose it: only on a terminal and unless --no-pager,
    $PAGER (empty or `cat`: none), else `less -FRX` (quits when the listing fits, keeps colours)."""
    if not (to_terminal and wanted):
        return None
    command = environment.get("PAGER", "less -FRX")
    words = shlex.split(command) if command.strip() else []
    return None if not words or words == ["cat"] else words


def _page(text: str, command: list[str]) -> None:
    """Show text through the pager; with no such pager, straight on the terminal. Quitting early is fine."""
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
    except OSError:
        click.echo(text, nl=False)
        return
    try:
        pager.stdin.write(text)
        pager.stdin.close()
    except BrokenPipeError:
        pass
    pager.wait()


def _write(path: Path, pieces) -> None:
    """Write through a temporary file and a rename, so a failure (or Ctrl-C) never leaves half a file.
    `-` is standard output. Only a regular file (through its symlink, keeping its mode) or a new path is
    written: a device, a pipe or a folder at the path is refused, never replaced."""
    if str(path) == "-":
        _echo_all(pieces)
        return
    try:
        target = _output_target(path)
    except OSError as err:  # a name too long, a folder on the way that cannot be entered ...
        _fail(f"cannot write {path}: {err.strerror}")
    temporary = target.with_name(f".{target.name[:64]}.tmp")  # never longer than a name the target could have
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as out:
            out.writelines(pieces)
        existing = target.stat() if target.exists() else None
        if existing and existing.st_nlink > 1:
            _copy_in_place(temporary, target)  # a file with other names keeps them all
            return
        if existing:
            os.chmod(temporary, existing.st_mode & 0o7777)
        os.replace(temporary, target)
    except OSError as err:
        temporary.unlink(missing_ok=True)
        _fail(f"cannot write {path}: {err.strerror}")
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _copy_in_place(written: Path, target: Path) -> None:
    """Put a finished file's content into an existing one, whose inode (and so every hard link) stays."""
    with open(written, "rb") as source, open(target, "r+b") as out:
        out.write(source.read())
        out.truncate()
    written.unlink()


def _output_target(path: Path) -> Path:
    """The file `--output` writes: the path itself when new, the file a symlink points to, never anything
    that is not a regular file."""
    if not path.name:
        _fail("--output needs a file name")
    target = path.resolve() if path.is_symlink() else path
    if target.exists() and not target.is_file():
        _fail(f"--output {path}: not a regular file; refusing to replace it")
    return target


@cli.command()
@_formats("table", "json", "jsonl", "csv", "markdown")
@click.option("--plot", is_flag=True, help="Draw each sector's rate as a step chart over the months.")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Show what was charged on this day (undated steps apart).")
@_data_option
@click.pass_obj
def rates(settings: Settings, fmt: str, plot: bool, as_of: str | None) -> None:
    """The tariff history per sector and target: every step of every rate with its dates, in date order;
    with --as-of, what was charged that day."""
    from .report import in_force, rate_histories

    day = _iso_day(as_of, "--as-of")
    histories = rate_histories(_all_events(settings))
    if day is not None:
        _show_in_force(in_force(histories, day.isoformat()), fmt)
        return
    if fmt in FLAT:
        from .render import flat, rate_rows

        _echo_all([flat(rate_rows(histories), fmt)])
        return
    if fmt == "json":
        _echo_all([json.dumps(histories, indent=2, ensure_ascii=False), "\n"])
        return
    from rich.console import Console

    from .render import rates_plot, rates_table

    if plot:
        click.echo(rates_plot(histories), nl=False)
    else:
        Console().print(rates_table(histories))


def _show_in_force(found: dict, fmt: str) -> None:
    if fmt in FLAT:
        from .render import flat

        _echo_all([flat([{**step, "in_force": "undated" if key == "undated" else found["as_of"]}
                         for key in ("in_force", "undated") for step in found[key]], fmt)])
        return
    if fmt == "json":
        _echo_all([json.dumps(found, indent=2, ensure_ascii=False), "\n"])
        return
    from rich.console import Console

    from .render import in_force_table, undated_lines

    Console().print(in_force_table(found))
    click.echo(undated_lines(found), nl=False)


@cli.command()
@_formats("table", "json", "jsonl", "csv", "markdown")
@_data_option
@click.pass_obj
def officials(settings: Settings, fmt: str) -> None:
    """The directory of officials: country, roles, how many events name them, first and last appearance."""
    from .report import official_summaries

    rows = official_summaries(_all_events(settings))
    if fmt in FLAT:
        from .render import flat

        _echo_all([flat(rows, fmt)])
        return
    if fmt == "json":
        _echo_all([json.dumps(rows, indent=2, ensure_ascii=False), "\n"])
        return
    from rich.console import Console

    from .render import officials_table

    Console().print(officials_table(rows))


@cli.command()
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_data_option
@click.pass_obj
def show(settings: Settings, event_id: str, fmt: str) -> None:
    """One event with every field and every source sentence, the words it was read from highlighted."""
    from .index import article_infos, event, ids_starting

    def look_up(index) -> tuple[dict | None, dict, list[str]]:
        ids = ids_starting(index, event_id.strip())
        found = event(index, ids[0]) if len(ids) == 1 else None
        return found, (article_infos(index, [found]) if found else {}), ids

    found, infos, ids = _consult(settings, look_up)
    if len(ids) > 1:
        _fail(f"{event_id!r} is the start of {len(ids)} ids ({', '.join(ids[:4])}{' ...' if len(ids) > 4 else ''}); "
              "give more of it")
    if found is None:
        _fail(f"no event {event_id!r} (ids are in the table's id column)")
    if fmt == "json":
        _echo_all([json.dumps(found, indent=2, ensure_ascii=False), "\n"])
        return
    from rich.console import Console

    from .render import event_detail

    console = Console()
    for part in event_detail(found, infos):
        console.print(part)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, allow_dash=True,
                                                                 path_type=Path))
@click.option("--published", help="Publication date of the articles (YYYY-MM-DD).")
@click.option("--source", help="Who published them.")
@click.option("--title", help="Their title.")
@click.option("--name", "stdin_name", default="stdin", show_default=True,
              help="The file name for an article read from standard input (`-`).")
@_data_option
@click.pass_obj
def add(settings: Settings, files: tuple[Path, ...], published: str | None, source: str | None, title: str | None,
        stdin_name: str) -> None:
    """Copy articles (text files, web pages, or `-` for standard input) into the data folder, list them in
    articles.toml, and show the events they add."""
    from .add import AddError, add_articles

    day = _iso_day(published, "--published")
    if settings.folder.resolve() == _sample_folder().resolve():
        _fail("the bundled sample corpus cannot be changed; pass --data DIR with a folder of your own")
    try:
        sources = [_source(path, stdin_name) for path in files]
        added, notices = add_articles(settings.folder, sources, day, source, title)
    except (AddError, OSError) as err:
        _fail(str(err))
    for notice in notices:
        click.echo(f"tariffs: {one_line(notice)}", err=True)
    if added:
        _show_added(settings, added)


def _source(path: Path, stdin_name: str) -> tuple[str, bytes]:
    """A file to add as its name and bytes; `-` is standard input, under the name given with --name."""
    if str(path) == "-":
        data = _bounded_read(sys.stdin.buffer, "standard input")
        if not data.strip():
            _fail("nothing on standard input to add")
        return Path(stdin_name).name, data
    with open(path, "rb") as file:
        return path.name, _bounded_read(file, str(path))


def _bounded_read(file, what: str) -> bytes:
    """No more than an article can be: a huge file or an endless stream is refused, never held."""
    from .read import LIMIT

    data = file.read(LIMIT + 1)
    if len(data) > LIMIT:
        _fail(f"{what} is over {LIMIT // 1_000_000} MB, too large to be an article; not added")
    return data


def _show_added(settings: Settings, added: list[str]) -> None:
    """The events the new articles bring (an article left undated is warned of with the index's warnings)."""
    from rich.console import Console

    from .read import article_id
    from .render import print_table

    ids = {article_id(name) for name in added}
    new = [e for e in _all_events(settings) if any(s["article"] in ids for s in e["sources"])]
    from .render import heading

    click.echo(f"added {', '.join(added)}: {len(new)} events", err=True)
    print_table(new, {}, heading(len(new), len(added), []), Console())


@cli.command()
def schema() -> None:
    """The JSON Schema of the tariffs.timeline/1 document, generated from the models."""
    from .models import Timeline

    click.echo(json.dumps(Timeline.model_json_schema(by_alias=True), indent=2))


def main() -> None:
    """The console script: the command group, with Ctrl-C as one line and exit status 130."""
    _guard_standard_output()
    try:
        code = cli.main(standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("tariffs: interrupted", err=True)
        sys.exit(130)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.UsageError as err:
        click.echo(f"tariffs: {err.format_message()} (see tariffs --help)", err=True)  # one line, not click's three
        sys.exit(2)
    except click.ClickException as err:
        click.echo(f"tariffs: {err.format_message()}", err=True)
        sys.exit(err.exit_code)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(141)  # the reader went away (`| head`): no complaint, as other tools
    except OSError as err:  # standard output on a full disk or closed: one line, never a traceback
        _quiet_stdout()
        click.echo(f"tariffs: cannot write output: {err.strerror or err}", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


class _ClosedOutput(io.RawIOBase):
    """Standard output that was closed before the tool started (`>&-`): writing to it fails as it would have."""

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _guard_standard_output() -> None:
    """A closed standard output is refused at the first write (not taken for success), and descriptor 1 is
    held on /dev/null meanwhile so that no file the tool opens takes its place. An encoding without some
    characters (latin-1) gets them replaced on the terminal rather than a traceback."""
    if sys.stdout is None:
        if os.open(os.devnull, os.O_WRONLY) != 1:
            return  # descriptor 1 is open after all: standard output was only hidden from Python
        sys.stdout = io.TextIOWrapper(_ClosedOutput(), encoding="utf-8", write_through=True)
    elif (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(errors="replace")


def _quiet_stdout() -> None:
    """Point standard output at nothing, so that flushing it at exit raises no second error."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
