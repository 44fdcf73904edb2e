"""Render stage: the timeline's events as a terminal table or CSV.

Both read the events as the JSON documents the models wrote (plain dicts), so
that showing an indexed timeline needs no model building at start-up.
"""
from __future__ import annotations

import csv
import io

from rich.console import Console
from rich.table import Table
from rich.text import Text


def table(articles: int, events: list[dict]) -> Table:
    """A table in date order: date, type, who, what, source article.

    Cells are `Text`, never markup strings, so words from an article can't
    style or break the terminal.
    """
    grid = Table(title=f"Timeline: {len(events)} events from {articles} articles", show_lines=False)
    grid.add_column("date", no_wrap=True)
    grid.add_column("type", no_wrap=True)
    for name in ("who", "what", "source"):
        grid.add_column(name, overflow="fold")
    for event in events:
        grid.add_row(Text(_when(event)), Text(event["type"]), Text(", ".join(_who(event))),
                     Text(event["summary"]), Text(", ".join(dict.fromkeys(s["article"] for s in event["sources"]))))
    return grid


def print_table(articles: int, events: list[dict], console: Console) -> None:
    console.print(table(articles, events))


def _when(event: dict) -> str:
    if event["date"] is None:
        return "undated"
    return f"{event['date']}–{event['date_end']}" if event["date_end"] else event["date"]


def _who(event: dict) -> list[str]:
    people = list(event["officials"])
    speaker = event.get("speaker")
    if speaker and speaker not in people:
        people.append(speaker)
    return people


CSV_COLUMNS = ("id", "date", "date_end", "type", "summary", "officials", "countries", "date_text", "sources")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(events: list[dict]) -> str:
    """One row per event, stable columns; a cell that a spreadsheet would run as a formula is quoted with '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        row = {
            **{key: event.get(key) or "" for key in ("id", "date", "date_end", "type", "summary", "date_text")},
            "officials": "; ".join(event["officials"]), "countries": "; ".join(event["countries"]),
            "sources": " | ".join(f"{s['article']}: {s['text']}" for s in event["sources"]),
        }
        writer.writerow([_inert(str(row[c])) for c in CSV_COLUMNS])
    return out.getvalue()


def _inert(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell
