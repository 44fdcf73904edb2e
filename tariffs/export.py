"""Export formats for people outside the terminal: scripts (jsonl, CSV with every field), newsrooms
(Knight Lab TimelineJS, one self-contained HTML page with the rate history drawn).

Each is a plain function from the events (the JSON dicts the models wrote) and the articles' facts (by id)
to the text of a file. Everything from an article is escaped for the format it goes into.
"""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from html import escape

from .render import MONTH_NAMES, inert, shown_date

# ---------------------------------------------------------------- for scripts


def to_jsonl(events: list[dict]) -> str:
    """One event per line, as the JSON export writes it."""
    return "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in events)


# The columns CSV has always had, in their order (scripts rely on them), then every other field.
COMMON = ("id", "date", "date_end", "type", "summary", "officials", "countries", "date_text", "sources")
NESTED = ("conflicts", "steps", "instrument")
ARTICLE_COLUMNS = ("article_titles", "article_outlets", "article_urls")


def to_full_csv(events: list[dict], articles: dict[str, dict]) -> str:
    """Every field of every event, one row each: the columns CSV has always had first, then every other field
    any event has, then its nested parts as JSON, and the title, outlet and address of each article it was
    read in. A cell a spreadsheet would run as a formula is quoted with '."""
    columns = _columns(events)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns + list(ARTICLE_COLUMNS))
    for event in events:
        read_in = [articles.get(a, {}) for a in dict.fromkeys(s["article"] for s in event["sources"])]
        cells = [_csv_cell(column, event.get(column)) for column in columns]
        cells += [" | ".join(info.get(key) or "" for info in read_in) for key in ("title", "source", "url")]
        writer.writerow([inert(cell) for cell in cells])
    return out.getvalue()


def _columns(events: list[dict]) -> list[str]:
    seen = {key for event in events for key in event}
    rest = sorted(seen - set(COMMON) - set(NESTED) - {"date_precision"})
    return [*COMMON, "date_precision", *rest, *(c for c in NESTED if c in seen)]


def _csv_cell(column: str, value) -> str:
    if column == "sources":
        return " | ".join(f"{s['article']}: {s['text']}" for s in value or [])
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------- TimelineJS


def to_timelinejs(events: list[dict], articles: dict[str, dict]) -> str:
    """Knight Lab TimelineJS3 JSON: a slide per dated event (TimelineJS needs a start date), its type as the
    group, the date only as precise as the text gave it, the human date as the display date, the sources as
    the slide's text. TimelineJS shows text as HTML, so every word from an article is escaped."""
    slides = [_slide(event, articles) for event in events if event.get("date")]
    document = {"title": {"text": {"headline": "U.S.-Japan tariff negotiations",
                                   "text": f"{len(slides)} dated events from {len(articles)} articles"}},
                "events": slides}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _slide(event: dict, articles: dict[str, dict]) -> dict:
    slide = {"unique_id": event["id"], "group": event["type"],
             "start_date": _tl_date(event["date"], event.get("date_precision")),
             "display_date": shown_date(event["date"], event.get("date_end"), event.get("date_precision")),
             "text": {"headline": escape(event["summary"]), "text": _sources_html(event, articles)}}
    if event.get("date_end") and event.get("date_precision") in (None, "day"):
        slide["end_date"] = _tl_date(event["date_end"], "day")
    return slide


def _tl_date(day: str, precision: str | None) -> dict:
    """A TimelineJS date with only the parts the text gave: a month-level date has no day, a year no month."""
    year, month, date_of_month = day.split("-")
    parts = {"year": year}
    if precision != "year":
        parts["month"] = str(int(month))
    if precision in (None, "day", "week", "weekend"):
        parts["day"] = str(int(date_of_month))
    return parts


def _sources_html(event: dict, articles: dict[str, dict]) -> str:
    return "".join(f"<p>{escape(s['text'])}<br><small>{escape(_read_in(s['article'], articles))}</small></p>"
                   for s in event["sources"])


def _read_in(article: str, articles: dict[str, dict]) -> str:
    info = articles.get(article, {})
    return " · ".join(part for part in (info.get("title") or article, info.get("source"), info.get("published"))
                      if part)


# ---------------------------------------------------------------- one page


STYLE = """
body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}
.event{margin:1rem 0;padding-left:.8rem;border-left:4px solid #999}
.meeting{border-color:#2a6f97}.tariff{border-color:#c0392b}.statement{border-color:#7f8c8d}
.agreement{border-color:#27ae60}.deadline{border-color:#e67e22}
.when{font:600 .85rem sans-serif;color:#555}.kind{text-transform:uppercase;letter-spacing:.05em}
blockquote{margin:.4rem 0 .4rem 1rem;font-size:.92rem;color:#333}cite{display:block;font-size:.8rem;color:#666}
.differ{font:.85rem sans-serif;color:#a04000}svg{width:100%;height:auto;font:11px sans-serif}
"""


def to_html(events: list[dict], articles: dict[str, dict], histories: list[dict]) -> str:
    """One self-contained page (no script, no font, no request anywhere): the timeline month by month, each
    event with the sentences it was read from and their articles, then each sector's rate drawn as steps."""
    months = _by_month(events)
    body = [f"<h1>U.S.-Japan tariff negotiations</h1><p>{len(events)} events from {len(articles)} articles</p>"]
    for month, listed in months.items():
        body.append(f"<h2>{escape(month)}</h2>")
        body += [_event_html(event, articles) for event in listed]
    body.append("<h2>Rate history</h2>" + rate_chart(histories))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>Tariff timeline</title><style>{STYLE}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _by_month(events: list[dict]) -> dict[str, list[dict]]:
    """Events under their month ("June 2025"), in timeline order; the undated last."""
    months: dict[str, list[dict]] = defaultdict(list)
    for event in events:
        day = event.get("date")
        months[_month_name(day) if day else "Undated"].append(event)
    undated = months.pop("Undated", None)
    return {**months, **({"Undated": undated} if undated else {})}


FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


def _month_name(day: str) -> str:
    year, month, _ = day.split("-")
    return f"{FULL_MONTHS[int(month) - 1]} {int(year)}"


def _event_html(event: dict, articles: dict[str, dict]) -> str:
    when = shown_date(event.get("date"), event.get("date_end"), event.get("date_precision"))
    people = ", ".join(event.get("officials") or [])
    differ = "".join(f"<p class=\"differ\">Sources differ on {escape(c['field'].replace('_', ' '))}</p>"
                     for c in event.get("conflicts") or [])
    sources = "".join(_source_html(source, articles) for source in event["sources"])
    return (f"<article class=\"event {escape(event['type'])}\" data-type=\"{escape(event['type'])}\" "
            f"id=\"{escape(event['id'])}\"><div class=\"when\">{escape(when)} · <span class=\"kind\">"
            f"{escape(event['type'])}</span></div><p><strong>{escape(event['summary'])}</strong>"
            f"{'<br>' + escape(people) if people else ''}</p>{differ}{sources}</article>")


def _source_html(source: dict, articles: dict[str, dict]) -> str:
    info = articles.get(source["article"], {})
    label = escape(_read_in(source["article"], articles))
    url = info.get("url") or ""
    cite = f"<a href=\"{escape(url)}\">{label}</a>" if url.startswith(("https://", "http://")) else label
    return f"<blockquote>{escape(source['text'])}<cite>{cite}</cite></blockquote>"


# ---------------------------------------------------------------- the rate chart

COLOURS = ("#c0392b", "#2a6f97", "#27ae60", "#8e44ad", "#e67e22", "#16a085", "#7f8c8d", "#d35400")
WIDTH, HEIGHT, LEFT, TOP, BOTTOM = 720, 300, 48, 16, 40


def rate_chart(histories: list[dict]) -> str:
    """Each sector and target's charged rate as a step line over the months its dated steps span (an SVG
    drawn here, no library); undated steps are listed under it, never placed by guess."""
    lines = [(f"{h['sector']}/{h['target']}", _points(h)) for h in histories]
    lines = [(name, points) for name, points in lines if points]
    undated = [f"{h['sector']}/{h['target']} {s['rate']:g}% {s['status'].replace('_', ' ')}"
               for h in histories for s in h["steps"] if not s.get("date")]
    if not lines:
        return "<p>No dated tariff rates in these articles.</p>" + _undated_html(undated)
    days = [day for _, points in lines for day, _ in points]
    top = max(rate for _, points in lines for _, rate in points) or 1
    scale = _Scale(_ordinal(min(days)), _ordinal(max(days)), top)
    parts = [_axes(scale, min(days), max(days))]
    for n, (name, points) in enumerate(lines):
        parts.append(_step_line(points, scale, COLOURS[n % len(COLOURS)], name, n))
    svg = (f"<svg viewBox=\"0 0 {WIDTH} {HEIGHT + 18 * len(lines)}\" role=\"img\" "
           f"aria-label=\"Tariff rates over time\">{''.join(parts)}</svg>")
    return svg + _undated_html(undated)


def _points(history: dict) -> list[tuple[str, float]]:
    """The days a rate changed and what was charged from then (rates in force; threats and plans left out)."""
    return [(step.get("effective") or step["date"], float(step["rate"])) for step in history["steps"]
            if step.get("date") and step["status"] in ("in_effect", "agreed", "announced")]


class _Scale:
    def __init__(self, first: int, last: int, top: float):
        self.first, self.span, self.top = first, max(last - first, 1), top

    def x(self, day: str) -> float:
        return LEFT + (WIDTH - LEFT - 12) * (_ordinal(day) - self.first) / self.span

    def y(self, rate: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - rate / self.top)


def _ordinal(day: str) -> int:
    from datetime import date

    return date.fromisoformat(day).toordinal()


def _axes(scale: _Scale, first: str, last: str) -> str:
    """The percent axis (0, half, top) and a tick for the first day of each month in view."""
    from datetime import date

    marks = [f"<line x1=\"{LEFT}\" y1=\"{HEIGHT - BOTTOM}\" x2=\"{WIDTH - 12}\" y2=\"{HEIGHT - BOTTOM}\" stroke=\"#999\"/>"]
    for rate in (0, scale.top / 2, scale.top):
        y = scale.y(rate)
        marks.append(f"<text x=\"{LEFT - 6}\" y=\"{y + 4:.1f}\" text-anchor=\"end\">{rate:g}%</text>"
                     f"<line x1=\"{LEFT}\" y1=\"{y:.1f}\" x2=\"{WIDTH - 12}\" y2=\"{y:.1f}\" stroke=\"#eee\"/>")
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    month = date(start.year, start.month, 1)
    while month <= end:
        x = scale.x(month.isoformat()) if month >= start else LEFT
        marks.append(f"<text x=\"{x:.1f}\" y=\"{HEIGHT - BOTTOM + 16}\">{MONTH_NAMES[month.month - 1]} "
                     f"{month.year % 100:02d}</text>")
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return "".join(marks)


def _step_line(points: list[tuple[str, float]], scale: _Scale, colour: str, name: str, n: int) -> str:
    """One rate as steps: flat until the day it changed, then straight to the new rate; and its legend."""
    ordered = sorted(points, key=lambda point: point[0])  # same-day steps keep the order the history tells them in
    path = []
    for day, rate in ordered:
        x, y = scale.x(day), scale.y(rate)
        path.append(f"M{x:.1f} {y:.1f}" if not path else f"H{x:.1f} V{y:.1f}")
    path.append(f"H{WIDTH - 12}")
    legend_y = HEIGHT + 12 + 18 * n
    return (f"<path d=\"{' '.join(path)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"/>"
            f"<rect x=\"{LEFT}\" y=\"{legend_y - 9}\" width=\"12\" height=\"10\" fill=\"{colour}\"/>"
            f"<text x=\"{LEFT + 18}\" y=\"{legend_y}\">{escape(name)}: last {ordered[-1][1]:g}%</text>")


def _undated_html(undated: list[str]) -> str:
    if not undated:
        return ""
    return "<p>Undated, not placed: " + escape("; ".join(undated)) + "</p>"
