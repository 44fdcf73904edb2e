"""Views over the timeline's events: the history of each tariff rate, and the directory of officials.

Both read events as the JSON dicts the models wrote, like the render stage.
"""
from __future__ import annotations

from collections import defaultdict

SECTOR_ORDER = ("all", "autos", "steel", "aluminum", "semiconductors", "pharmaceuticals", "agriculture", "other")


def rate_histories(events: list[dict]) -> list[dict]:
    """Tariff rates grouped by sector and target, each group's steps in date order (undated last).

    A group reads as a history: "autos, JP: 2.5% -> 27.5% (April) -> 15% agreed (July)".
    """
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for event in events:
        if event["type"] == "tariff":
            groups[(event["sector"], event["target"])].append(event)
    histories = []
    for (sector, target), steps in groups.items():
        steps.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["rate"]))
        histories.append({
            "sector": sector, "target": target,
            "steps": [{key: step.get(key) for key in ("id", "rate", "status", "measure", "date", "date_end", "previous_rate")}
                      for step in steps],
        })
    histories.sort(key=lambda h: (SECTOR_ORDER.index(h["sector"]) if h["sector"] in SECTOR_ORDER else 99, h["target"]))
    return histories


def official_summaries(events: list[dict]) -> list[dict]:
    """Every official in the directory: country, roles, how many events name them, first and last appearance."""
    from .lexicon import load

    seen: dict[str, list[str | None]] = defaultdict(list)
    for event in events:
        people = set(event["officials"]) | ({event["speaker"]} if event.get("speaker") else set())
        for name in people:
            seen[name].append(event["date"])
    rows = []
    for person in load("officials")["official"]:
        days = sorted(d for d in seen.get(person["name"], []) if d)
        rows.append({
            "name": person["name"], "country": person["country"],
            "roles": [{"title": r["title"], "from": _day(r.get("from")), "to": _day(r.get("to"))} for r in person.get("role", [])],
            "events": len(seen.get(person["name"], [])),
            "first": days[0] if days else None, "last": days[-1] if days else None,
        })
    rows.sort(key=lambda r: (-r["events"], r["name"]))
    return rows


def _day(value) -> str | None:
    return value.isoformat() if value is not None else None
