"""Views over the timeline's events: the history of each tariff rate, and the directory of officials.

Both read events as the JSON dicts the models wrote, like the render stage.
"""
from __future__ import annotations

from collections import defaultdict

SECTOR_ORDER = ("all", "autos", "steel", "aluminum", "semiconductors", "pharmaceuticals", "agriculture", "other")


# The order a rate's steps come in when their days do not tell it (finish.py orders a rate's steps by it too).
LIFE = ("proposed", "threatened", "announced", "agreed", "in_effect", "paused", "ended")
# The steps after which a rate is, or no longer is, charged.
IN_FORCE, NOT_IN_FORCE = ("in_effect",), ("paused", "ended")


def rate_histories(events: list[dict]) -> list[dict]:
    """Tariff rates grouped by sector and target, every step of every rate in date order (undated last).

    A group reads as a history: "autos, JP: 2.5% -> 27.5% (April) -> 15% agreed (July) -> 15% (Sept. 16)".
    """
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for event in events:
        if event["type"] == "tariff":
            groups[(event["sector"], event["target"])].extend(_steps(event))
    histories = []
    for (sector, target), steps in groups.items():
        steps.sort(key=lambda s: (s["date"] is None, s["date"] or "", LIFE.index(s["status"]), s["rate"]))
        histories.append({"sector": sector, "target": target, "steps": steps})
    histories.sort(key=lambda h: (SECTOR_ORDER.index(h["sector"]) if h["sector"] in SECTOR_ORDER else 99, h["target"]))
    return histories


def _steps(event: dict) -> list[dict]:
    """Each step of one rate, with the rate's own facts beside it (an event without steps is one step)."""
    own = {key: event.get(key) for key in ("id", "rate", "measure", "previous_rate")}
    told = event.get("steps") or [{key: event.get(key) for key in ("status", "date", "date_end", "date_precision")}]
    return [{**own, **{key: step.get(key) for key in ("status", "date", "date_end", "date_precision", "effective",
                                                          "instrument", "articles")}} for step in told]


def in_force(histories: list[dict], day: str) -> dict:
    """What was charged on a day, per sector and target: the last step dated on or before it (its effective
    day when told) that put a rate in force and that no pause or end has followed. Undated steps are listed
    apart, never placed by guess."""
    charged = []
    for history in histories:
        dated = [s for s in history["steps"] if _start(s) is not None and _start(s) <= day
                 and s["status"] in IN_FORCE + NOT_IN_FORCE]
        dated.sort(key=lambda s: (_start(s), LIFE.index(s["status"])))
        if dated and dated[-1]["status"] in IN_FORCE:
            charged.append({"sector": history["sector"], "target": history["target"], **dated[-1]})
    undated = [{"sector": h["sector"], "target": h["target"], **s} for h in histories for s in h["steps"] if s["date"] is None]
    return {"as_of": day, "in_force": charged, "undated": undated}


def _start(step: dict) -> str | None:
    return step.get("effective") or step["date"]


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
