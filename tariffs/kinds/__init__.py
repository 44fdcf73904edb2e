"""What each event type does of its own, on top of the shared engine and binders; and the engine's loop."""
from __future__ import annotations

import re

from ..events import Candidate, claim_dates, find_triggers, narration
from ..instruments import find_instrument
from ..mentions import Reading
from .agreement import agreements
from .deadline import deadlines
from .meeting import meetings
from .statement import labelled, statements
from .tariff import tariffs

# The types whose events may name the instrument that made them ("by executive order", "in a letter").
WITH_INSTRUMENT = ("tariff", "agreement", "deadline")
BUILDERS = {"meeting": meetings, "statement": statements, "agreement": agreements, "deadline": deadlines}
# A place told beside an event puts its day on that place's clock ("In Tokyo, where it was already Thursday").
CLOCKS = (("JST", re.compile(r"\b[Ii]n (?:Tokyo|Japan)\b|\bwhere it was already\b")),
          ("ET", re.compile(r"\b[Ii]n Washington\b")))


def read_events(readings: list[Reading]) -> list[Candidate]:
    """Every candidate event of an article, in reading order, each with the date words that belong to it."""
    found: list[Candidate] = []
    for reading in readings:
        here: list[Candidate] = []
        for kind, build in BUILDERS.items():
            for trigger in find_triggers(reading, kind):
                here.extend(build(reading, trigger))
        here.extend(tariffs(reading))
        if not any(c.type == "statement" for c in here):
            here.extend(labelled(reading))
        claim_dates(reading, here)
        here.extend(narration(reading, here))
        clock = _clock(reading)
        instrument = find_instrument(reading.text) if any(c.type in WITH_INSTRUMENT for c in here) else None
        for cand in here:
            cand.fields.setdefault("zone", clock)
            if cand.type in WITH_INSTRUMENT:
                cand.fields["instrument"] = instrument
        found.extend(sorted(here, key=lambda c: c.position))
    return found


def _clock(reading: Reading) -> str | None:
    for zone, pattern in CLOCKS:
        if pattern.search(reading.text):
            return zone
    return None


__all__ = ["Candidate", "read_events"]
