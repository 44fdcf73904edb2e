"""Render stage: the timeline as a terminal table or as the JSON document."""
from __future__ import annotations

import csv
import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .models import Timeline


def table(timeline: Timeline) -> Table:
    """A table in date order: date, type, who, what, source article.

    Cells are `Text`, never markup strings, so words from an article can't
    style or break the terminal.
    """
    grid = Table(title=f"Timeline: {len(timeline.events)} events from {len(timeline.articles)} articles", show_lines=False)
    grid.add_column("date", no_wrap=True)
    grid.add_column("type", no_wrap=True)
    for name in ("who", "what", "source"):
        grid.add_column(name, overflow="fold")
    for event in timeline.events:
        grid.add_row(Text(_when(event)), Text(event.type), Text(", ".join(_who(event))),
                     Text(event.summary), Text(", ".join(dict.fromkeys(s.article for s in event.sources))))
    return grid


def print_table(timeline: Timeline, console: Console) -> None:
    console.print(table(timeline))


def _when(event) -> str:
    if event.date is None:
        return "undated"
    return f"{event.date}–{event.date_end}" if event.date_end else str(event.date)


def _who(event) -> list[str]:
    people = list(event.officials)
    speaker = getattr(event, "speaker", None)
    if speaker and speaker not in people:
        people.append(speaker)
    return people


CSV_COLUMNS = ("id", "date", "date_end", "type", "summary", "officials", "countries", "date_text", "sources")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(timeline: Timeline) -> str:
    """One row per event, stable columns; a cell that a spreadsheet would run as a formula is quoted with '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in timeline.events:
        row = {
            "id": event.id, "date": event.date or "", "date_end": event.date_end or "", "type": event.type,
            "summary": event.summary, "officials": "; ".join(event.officials), "countries": "; ".join(event.countries),
            "date_text": event.date_text or "",
            "sources": " | ".join(f"{s.article}: {s.text}" for s in event.sources),
        }
        writer.writerow([_inert(str(row[c])) for c in CSV_COLUMNS])
    return out.getvalue()


def _inert(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell
