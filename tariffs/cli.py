"""The `tariffs` command: a thin layer over `tariffs.pipeline`."""
from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

from dataclasses import dataclass

import click

from . import __version__

PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Settings:
    """The global options: where the articles are and how many processes may read them."""

    folder: Path
    jobs: int | None


def _sample_folder() -> Path:
    """The bundled sample corpus: inside the installed package, or data/ beside a source checkout."""
    for folder in (PACKAGE / "sample", PACKAGE.parent / "data"):
        if (folder / "articles.toml").is_file():
            return folder
    return PACKAGE / "sample"


def _fail(message: str) -> None:
    click.echo(f"tariffs: {message}", err=True)
    sys.exit(2)


def _iso_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} {value!r} is not a date (use YYYY-MM-DD)")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of article texts with articles.toml (default: $TARIFFS_DATA, else the bundled sample).")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Processes that read new or changed articles (default: all cores).")
@click.version_option(__version__, prog_name="tariffs")
@click.pass_context
def cli(ctx: click.Context, data: Path | None, jobs: int | None) -> None:
    """Turn news articles on the U.S.-Japan tariff negotiations into a timeline."""
    if data is None and os.environ.get("TARIFFS_DATA"):
        data = Path(os.environ["TARIFFS_DATA"])
    ctx.obj = Settings(data or _sample_folder(), jobs)


@cli.command()
@click.option("--official", "officials", multiple=True, help="Keep events with this person (name, surname, alias or role). Repeatable.")
@click.option("--since", help="Keep events on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Keep events on or before this day (YYYY-MM-DD).")
@click.option("--type", "types", multiple=True, type=click.Choice(["meeting", "tariff", "statement", "agreement", "deadline"]),
              help="Keep events of this type. Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of the terminal.")
@click.pass_obj
def timeline(settings: Settings, officials: tuple[str, ...], since: str | None, until: str | None,
             types: tuple[str, ...], fmt: str, output: Path | None) -> None:
    """The events of every article, in date order."""
    from .index import article_count, document, select, update
    from .officials import known_official
    from .query import Query
    from .read import CorpusError

    start, end = _iso_day(since, "--since"), _iso_day(until, "--until")
    if start and end and end < start:
        _fail(f"--until {until} is before --since {since}")
    for name in officials:
        if not known_official(name):
            _fail(f"unknown official {name!r} (not in the directory of officials)")
    try:
        connection, warnings = update(settings.folder, settings.jobs, progress=sys.stderr.isatty())
    except CorpusError as err:
        _fail(str(err))
    try:
        articles, events = select(connection, Query(officials, start, end, types), with_articles=fmt == "json")
        count = article_count(connection)
    finally:
        connection.close()
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    if fmt == "json":
        _deliver(document(articles, events), output)
    else:
        _emit(count, [json.loads(e) for e in events], fmt, output)


def _deliver(text: str, output: Path | None) -> None:
    if output:
        _write(output, text)
    else:
        click.echo(text, nl=False)


def _emit(articles: int, events: list[dict], fmt: str, output: Path | None) -> None:
    from rich.console import Console

    from .render import print_table, to_csv

    if fmt == "csv":
        _deliver(to_csv(events), output)
        return
    if output:
        with open(os.devnull, "w") as sink:
            console = Console(file=sink, record=True, width=160)
            print_table(articles, events, console)
        _write(output, console.export_text())
    else:
        print_table(articles, events, Console())


def _write(path: Path, text: str) -> None:
    """Write through a temporary file and a rename, so a failure never leaves half a file."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as err:
        temporary.unlink(missing_ok=True)
        _fail(f"cannot write {path}: {err.strerror}")


def main() -> None:
    """The console script: the command group, with Ctrl-C as one line and exit status 130."""
    try:
        code = cli.main(standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("tariffs: interrupted", err=True)
        sys.exit(130)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
