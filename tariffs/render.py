"""Render stage: the timeline's events as a terminal table or CSV.

Both read the events as the JSON documents the models wrote (plain dicts), so
that showing an indexed timeline needs no model building at start-up.
"""
from __future__ import annotations

import csv
import io
import itertools
import textwrap

from rich.console import Console
from rich.table import Table
from rich.text import Text

SHORT_TYPES = {"meeting": "meet", "tariff": "rate", "statement": "said", "agreement": "deal", "deadline": "due"}
SHORT_ID = 8  # "m-9634d8": `tariffs show` takes any unique start of an id


def table(events: list[dict], outlets: dict[str, str], width: int = 80) -> list[str]:
    """One event per row: its date at the precision the text gave, a short type and id, the summary taking
    the width left, and where it was read (the first outlet and how many more articles); the header and its
    rule are the first two lines.

    Text wraps only between words (a word longer than its column is cut). Each column's width is worked out
    once for the whole table and each row wrapped on its own, so a row costs the same in a listing of ten or
    of a hundred thousand. `outlets` names each article's outlet by its id.
    """
    rows = [(_when(e), SHORT_TYPES.get(e["type"], e["type"]), e["id"][:SHORT_ID], e["summary"] + _disagreement(e),
             _read_in(e, outlets)) for e in events]
    widths = _widths(rows, width)
    lines = [_joined(HEADER, widths), "─" * (sum(widths) + len(GAP) * (len(widths) - 1))]
    for row in rows:
        cells = [_wrapped(text, size) for text, size in zip(row, widths)]
        lines += [_joined(parts, widths) for parts in itertools.zip_longest(*cells, fillvalue="")]
    return lines


HEADER = ("date", "type", "id", "what", "source")
GAP = "  "  # between columns


def _widths(rows: list[tuple[str, ...]], width: int) -> list[int]:
    """Date up to 11 columns, type 4, id 8, the source as wide as its longest word (16 to 24, 32 on a wide
    terminal), the summary what is left but never under 20."""
    longest = lambda column, cap: min(max((len(row[column]) for row in rows), default=0), cap)
    longest_word = max((len(word) for row in rows for word in row[4].split()), default=6)
    source = max(len(HEADER[4]), longest(4, max(min(longest_word, 24), 16 if width < 120 else 32)))
    fixed = [max(len(HEADER[0]), longest(0, 11)), 4, SHORT_ID]
    return [*fixed, max(20, width - sum(fixed) - source - len(GAP) * 4), source]


def _wrapped(text: str, size: int) -> list[str]:
    """Lines of at most `size` characters, broken between words."""
    if len(text) <= size:
        return [text]
    return textwrap.wrap(text, size, break_on_hyphens=False) or [""]


def _joined(parts, widths: list[int]) -> str:
    return GAP.join(part.ljust(size) for part, size in zip(parts, widths)).rstrip()


def heading(shown: int, articles: int, filters: list[str]) -> str:
    """The line above the table: how many events, from how many articles, under which filters."""
    line = f"{shown} event{'s' if shown != 1 else ''} from {articles} article{'s' if articles != 1 else ''}"
    return line + (f" · {' '.join(filters)}" if filters else "")


def _read_in(event: dict, outlets: dict[str, str]) -> str:
    """"Kyodo +2": the outlet of the first article an event was read in, and how many other articles."""
    articles = list(dict.fromkeys(source["article"] for source in event["sources"]))
    first = outlets.get(articles[0]) or articles[0] if articles else ""
    return first + (f" +{len(articles) - 1}" if len(articles) > 1 else "")


def _disagreement(event: dict) -> str:
    """A mark on an event whose sources disagree, naming on what (`tariffs show ID` tells who says what)."""
    fields = [c["field"].replace("_", " ") for c in event.get("conflicts") or []]
    return f" [sources differ: {', '.join(fields)}]" if fields else ""


def who_says_what(conflict: dict) -> str:
    """"date: 2025-06-12 (tokyo); 2025-06-11 (washington)"."""
    readings = "; ".join(f"{json_value(r['value'])} ({', '.join(r['articles'])})" for r in conflict["readings"])
    return f"{conflict['field']}: {readings}"


def print_table(events: list[dict], outlets: dict[str, str], header: str, console: Console) -> None:
    """The line above the table, then the table: its header in bold, its rows as they are (never markup)."""
    console.print(Text(header))
    if not events:
        return
    lines = table(events, outlets, console.width)
    rule = lines[1] if console.encoding.lower().startswith("utf") else "-" * len(lines[1])
    console.print(Text(lines[0], style="bold"), no_wrap=True, crop=False)
    console.print(Text(rule), Text("\n".join(lines[2:])), sep="\n", no_wrap=True, crop=False)


def _when(event: dict) -> str:
    return shown_date(event["date"], event.get("date_end"), event.get("date_precision"))


MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def shown_date(first: str | None, last: str | None, precision: str | None) -> str:
    """A date as precisely as the text gave it, never more: "13 Jun 2025", "15–17 Jun 2025", "late Jul 2025",
    "week of 9 Jun 2025", "Jun 2025", "2025", "undated". A span of a month part is never shown as eleven days."""
    if first is None:
        return "undated"
    year, month, day = (int(x) for x in first.split("-"))
    month_year = f"{MONTH_NAMES[month - 1]} {year}"
    if precision == "year":
        return str(year)
    if precision == "month":
        return month_year
    if precision == "part_of_month":
        return f"{_part(day)} {month_year}"
    if precision in ("week", "weekend"):
        return f"{precision} of {day} {month_year}"
    return _days(first, last)


def _part(day: int) -> str:
    return "early" if day <= 10 else "mid" if day <= 20 else "late"


def _days(first: str, last: str | None) -> str:
    """One day, or a span of days told as such ("15–17 Jun 2025", "30 Jun – 2 Jul 2025")."""
    y1, m1, d1 = (int(x) for x in first.split("-"))
    if not last or last == first:
        return f"{d1} {MONTH_NAMES[m1 - 1]} {y1}"
    y2, m2, d2 = (int(x) for x in last.split("-"))
    if (y1, m1) == (y2, m2):
        return f"{d1}–{d2} {MONTH_NAMES[m1 - 1]} {y1}"
    start = f"{d1} {MONTH_NAMES[m1 - 1]}" + (f" {y1}" if y1 != y2 else "")
    return f"{start} – {d2} {MONTH_NAMES[m2 - 1]} {y2}"


def _who(event: dict) -> list[str]:
    people = list(event["officials"])
    speaker = event.get("speaker")
    if speaker and speaker not in people:
        people.append(speaker)
    return people


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def to_markdown(events: list[dict]) -> str:
    """A Markdown table for notes and reports (pipes and newlines in cells escaped)."""
    lines = ["| date | type | who | what | sources |", "|---|---|---|---|---|"]
    for event in events:
        cells = [_when(event), event["type"], ", ".join(_who(event)), event["summary"],
                 ", ".join(dict.fromkeys(s["article"] for s in event["sources"]))]
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _md(cell: str) -> str:
    """A table cell that stays one cell: pipes and backslashes escaped, line breaks folded, and markup shown
    as text (a quote holding "<script>" is words, not HTML)."""
    cell = cell.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
    return cell.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


ICS_TYPES = ("meeting", "deadline", "agreement")


def to_ics(events: list[dict], stamp: str) -> str:
    """An iCalendar file (RFC 5545): an all-day event per dated meeting, deadline and agreement.

    `stamp` is the DTSTAMP (UTC, YYYYMMDDTHHMMSSZ). Lines end in CRLF and are folded at 75 octets.
    """
    from datetime import date

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tariffs//timeline//EN", "CALSCALE:GREGORIAN"]
    for event in events:
        if event["type"] not in ICS_TYPES or event["date"] is None:
            continue
        first = date.fromisoformat(event["date"])
        last = date.fromisoformat(event["date_end"]) if event["date_end"] else first
        sources = "\n".join(f"{s['article']}: {s['text']}" for s in event["sources"])
        # A length rather than an end day: the day after 9999-12-31 cannot be written
        lines += ["BEGIN:VEVENT", f"UID:{event['id']}@tariffs", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{first.year:04d}{first.month:02d}{first.day:02d}",
                  f"DURATION:P{(last - first).days + 1}D",
                  f"SUMMARY:{_ics_text(event['summary'])}", f"CATEGORIES:{event['type'].upper()}",
                  f"DESCRIPTION:{_ics_text(sources)}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line into 75-octet pieces, never splitting a UTF-8 character."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode("utf-8")) > (75 if not out else 74):
            out.append(current)
            current = ""
        current += ch
    out.append(current)
    return "\r\n ".join(out)


def rates_table(histories: list[dict]) -> Table:
    """Each sector's rate history on one row: "2.5% → 27.5% (2025-04) → 15% agreed (2025-07)"."""
    grid = Table(title="Tariff rates by sector and target")
    grid.add_column("sector", no_wrap=True)
    grid.add_column("target", no_wrap=True)
    grid.add_column("history", overflow="fold")
    for history in histories:
        steps = " → ".join(_step(s) for s in history["steps"])
        grid.add_row(Text(history["sector"]), Text("every partner" if history["target"] == "*" else history["target"]), Text(steps))
    return grid


def _step(step: dict) -> str:
    """"27.5% (Apr 2025)", "15% agreed (22 Jul 2025)", "15% (from 16 Sep 2025)", "25% threatened (undated)"."""
    status = "" if step["status"] == "in_effect" else f" {step['status'].replace('_', ' ')}"
    when = shown_date(step["date"], step.get("date_end"), step.get("date_precision"))
    if step.get("effective") and step["effective"] != step["date"]:
        when += f", from {shown_date(step['effective'], None, 'day')}"
    return f"{step['rate']:g}%{status} ({when})"


def in_force_table(found: dict) -> Table:
    """What was charged on a day, and the undated steps that could not be placed."""
    grid = Table(title=f"Tariff rates in force on {shown_date(found['as_of'], None, 'day')}")
    for name in ("sector", "target", "rate", "since"):
        grid.add_column(name, no_wrap=True)
    for row in found["in_force"]:
        since = shown_date(row.get("effective") or row["date"], None if row.get("effective") else row.get("date_end"),
                           "day" if row.get("effective") else row.get("date_precision"))
        grid.add_row(Text(row["sector"]), Text(_target(row["target"])), Text(f"{row['rate']:g}%"), Text(since))
    return grid


def undated_lines(found: dict) -> str:
    """The steps no day was read for, one a line: never placed on the timeline by guess."""
    if not found["undated"]:
        return ""
    return "Undated, not placed:\n" + "".join(
        f"  {s['sector']}/{_target(s['target'])} {s['rate']:g}% {s['status'].replace('_', ' ')}\n" for s in found["undated"])


def _target(target: str) -> str:
    return "every partner" if target == "*" else target


BARS = " ▁▂▃▄▅▆▇█"


def rates_plot(histories: list[dict]) -> str:
    """A step chart per sector: one column per month, the bar's height the rate then in force."""
    dated = [s for h in histories for s in h["steps"] if s["date"]]
    if not dated:
        return "No dated tariff rates to plot.\n"
    months = _months(min(s["date"][:7] for s in dated), max(s["date"][:7] for s in dated))
    top = max(s["rate"] for s in dated)
    lines = ["months: " + " ".join(m[2:] for m in months)]
    for history in histories:
        steps = _dated_in_force(history["steps"])
        if steps:
            lines.append(_plot_row(history, steps, months, top))
    undated = [f"{h['sector']}/{_target(h['target'])} {s['rate']:g}% {s['status'].replace('_', ' ')}"
               for h in histories for s in h["steps"] if s["date"] is None]
    if undated:
        lines.append("undated, not placed: " + "; ".join(undated))
    return "\n".join(lines) + "\n"


def _dated_in_force(steps: list[dict]) -> list[dict]:
    """The steps that set a rate on a known day: a threat or a proposal never put a rate in force."""
    return [s for s in steps if s["date"] and s["status"] not in ("threatened", "proposed")]


def _plot_row(history: dict, steps: list[dict], months: list[str], top: float) -> str:
    """One sector's row: its label, a bar per month, and the rate it ends at."""
    cells = [_bar(_rate_in(steps, month), top) * 5 for month in months]
    target = "all" if history["target"] == "*" else history["target"]
    label = f"{history['sector']}/{target}"
    return f"{label:>18} " + " ".join(cells) + f"  last {steps[-1]['rate']:g}%"


def _rate_in(steps: list[dict], month: str) -> float:
    """The rate in force in a month: the last step dated in or before it (none yet is 0)."""
    current = [s for s in steps if s["date"][:7] <= month]
    return current[-1]["rate"] if current else 0


def _bar(rate: float, top: float) -> str:
    """A rate as a bar scaled to the highest rate; any rate at all shows at least the lowest bar."""
    return BARS[max(1, round(rate / top * 8))] if rate else " "


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def officials_table(rows: list[dict]) -> Table:
    grid = Table(title="Officials")
    for name in ("name", "country", "roles", "events", "first", "last"):
        grid.add_column(name, overflow="fold", no_wrap=name in ("country", "events", "first", "last"))
    for row in rows:
        roles = "; ".join(r["title"] + (f" ({r['from'] or '…'} – {r['to'] or 'now'})") for r in row["roles"])
        grid.add_row(Text(row["name"]), Text(row["country"]), Text(roles), Text(str(row["events"])),
                     Text(row["first"] or ""), Text(row["last"] or ""))
    return grid


def event_detail(event: dict, articles: dict[str, dict]) -> list:
    """Every field of one event, then each source sentence with its article and the date words highlighted."""
    from rich.panel import Panel

    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold", no_wrap=True)
    fields.add_column(overflow="fold")
    for key, value in event.items():
        if key == "conflicts" and value:
            fields.add_row(Text("sources differ"), Text("\n".join(who_says_what(c) for c in value)))
        elif key not in ("sources", "conflicts"):
            fields.add_row(Text(key), Text(json_value(value)))
    parts = [Panel(fields, title=Text(event["summary"]))]
    for source in event["sources"]:
        info = articles.get(source["article"], {})
        heading = " · ".join(x for x in (info.get("title"), info.get("source"), info.get("published"), source["article"]) if x)
        sentence = Text(source["text"])
        for words in (event.get("date_text"), event.get("quote")):
            if words:
                sentence.highlight_words([words], style="bold yellow", case_sensitive=False)
        parts.append(Panel(Text.assemble(Text(heading, style="dim"), "\n", sentence)))
    return parts


def json_value(value) -> str:
    import json

    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def rate_rows(histories: list[dict]) -> list[dict]:
    """Every step of every rate history as one flat row: sector and target first, then the step."""
    return [{"sector": history["sector"], "target": history["target"], **step}
            for history in histories for step in history["steps"]]


def flat(rows: list[dict], fmt: str) -> str:
    """Rows of plain fields (rates, officials) as jsonl, CSV or a Markdown table; lists and objects in a cell
    as compact JSON, the columns those of the rows in their order."""
    import json

    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    columns = list(dict.fromkeys(key for row in rows for key in row))
    cells = [[_cell(row.get(column)) for column in columns] for row in rows]
    if fmt == "markdown":
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        return "\n".join(lines + ["| " + " | ".join(_md(c) for c in row) + " |" for row in cells]) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([columns, *([inert(c) for c in row] for row in cells)])
    return out.getvalue()


def _cell(value) -> str:
    import json

    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
