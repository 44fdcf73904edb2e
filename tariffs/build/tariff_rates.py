"""Tariff rates: percentages a tariff word governs, with sector, target, status and measure."""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..dates import DateMention
from ..mentions import Reading
from ..models import Tariff
from ..officials import PERSON
from .common import BY_MENTION, UNDATED, Found


THRESHOLD = re.compile(r"\b(?:less|more|fewer|lower|higher) than\s*(?:the\s+)?$|\b(?:under|below|above|over|exceeding)\s*(?:the\s+)?$", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[;,]\s+(?:while|but|and|as|with|which|whereas)\b|;|(?<![A-Z])\.\s")


def tariffs_in(reading: Reading) -> list[Found]:
    """Tariff rates in the sentence: percentages that a tariff word governs."""
    text = reading.text
    rates = reading.rates
    results: list[Found] = []
    previous: tuple[float, list[str], str | None] | None = None
    for index, rate in enumerate(rates):
        seg_lo = rates[index - 1].end if index else 0
        seg_hi = rates[index + 1].start if index + 1 < len(rates) else len(text)
        before = text[seg_lo:rate.start]
        breaks = list(CLAUSE_BREAK.finditer(before))
        before = before[breaks[-1].end():] if breaks else before
        after = text[rate.end:seg_hi]
        cut = re.search(r"[,;]|(?<![A-Z])\.\s|\bwhile\b", after)
        near_after = after[:cut.start()] if cut else after
        joined = previous is not None and bool(re.fullmatch(r"\s*(?:or|to|and|-|–)\s*", text[rates[index - 1].end:rate.start]))
        if THRESHOLD.search(text[max(0, rate.start - 40):rate.start]) or rate.value == 0 or rate.value > 200:
            previous = None
            continue
        if not (joined or _is_tariff(text, rate, reading.rates)):
            previous = None
            continue
        sectors = (previous[1] if joined else None) or _sectors(before, near_after) or _sectors_earlier(text[max(0, rate.start - 300):rate.start]) or ["all"]
        listed = joined and not re.search(r"\bto\b", text[rates[index - 1].end:rate.start])
        own = before[before.rfind(",") + 1:] if "," in before else before
        sequel = re.match(r"[^,;]*,\s+(?:but|and|which)\s+(?:this|it|that|was|were|is|has|had)\b[^,;]*", after) if index + 1 == len(rates) else None
        near_after_status = sequel.group(0) if sequel else near_after
        cued = previous[2] if listed else _tariff_status(own + text[rate.start:rate.end] + near_after_status, text, rate)
        status = cued or "in_effect"
        previous = (rate.value, sectors, cued)
        actors = [m.name for m in reading.people if m.kind == PERSON and m.end <= rate.start
                  and m.start >= rate.start - len(before) - 60] if status in ("threatened", "announced", "proposed", "agreed") else []
        for sector in sectors:
            tariff = Tariff(rate=rate.value, sector=sector, status=status, officials=list(dict.fromkeys(actors)),
                            measure=_measure(sector, before + near_after),
                            previous_rate=_previous_rate(text, rates, index),
                            target=_target(before[before.rfind(",") + 1:] + " % " + near_after))
            governing = _tariff_date(reading, rate)
            results.append(Found(tariff, reading, governing, BY_MENTION if governing else UNDATED, position=rate.start,
                                 extra={"cued": cued is not None}))
    return results


TARIFF_NOUN_AFTER = re.compile(
    r"\s*(?:[\"“”]?\s*(?:additional|extra|new|higher|reciprocal|baseline|sectoral|country-specific|across-the-board|"
    r"universal|blanket|auto|automotive|car|steel|aluminum|aluminium|U\.S\.|US|import)\s*[\"“”]?\s*)*(?:tariffs?|lev(?:y|ies)|dut(?:y|ies)|rate)\b",
    re.IGNORECASE)
TARIFF_NOUN_BEFORE = re.compile(
    r"\b(?:tariffs?|lev(?:y|ies)|dut(?:y|ies)|taxed|rates?)\s+(?:\w+\s+){0,2}(?:of|at|to|from)\s+(?:as high as\s+|as much as\s+|up to\s+|about\s+|around\s+)?$"
    r"|\b(?:cut|reduc\w*|lower\w*|rais\w*|hike\w*|increas\w*|doubl\w*)\s+(?:it\s+|them\s+)?(?:to|from)\s+$",
    re.IGNORECASE)
# Words that hold a rate only when a tariff word is near ("cars face 27.5%" yes, "approval holds at 72%" no).
RATE_VERB_BEFORE = re.compile(
    r"\b(?:fall|fell|drop\w*|ris\w*|rose|down|up)\s+(?:to|from)\s+$"
    r"|\b(?:faces?|facing|face an?|carry|carries|at)\s+(?:an?\s+)?(?:additional\s+|extra\s+)?$",
    re.IGNORECASE)


def _is_tariff(text: str, rate, rates) -> bool:
    """A percentage is a tariff rate when a tariff noun holds it ("25% levy", "tariffs at 27.5%"),
    or a tariff word stands near it and nothing says it is growth, markets or jobs instead."""
    before, after = text[max(0, rate.start - 80):rate.start], text[rate.end:rate.end + 60]
    local = before + " " + after
    negative = bool(lexicon.pattern("tariffs", "other_words").search(local))
    positive = bool(lexicon.pattern("tariffs", "tariff_words").search(local))
    if TARIFF_NOUN_AFTER.match(after) or TARIFF_NOUN_BEFORE.search(before):
        return not (negative and _negative_binds(before, after))
    if RATE_VERB_BEFORE.search(before) and positive:
        return not (negative and _negative_binds(before, after))
    if rate.points and lexicon.pattern("tariffs", "tariff_words").search(text):
        return not negative
    return positive and not negative


def _negative_binds(before: str, after: str) -> bool:
    """Words that turn even a 'rate' into something else ("annualized rate of 0.3%", "0.2 percentage point off GDP")."""
    return bool(re.search(r"\b(?:annuali[sz]ed|growth|interest|inflation|unemployment|approval|tax)\s+rate\s+(?:of\s+)?$", before, re.IGNORECASE)
                or re.match(r"\s*(?:off|of)\s+(?:\w+\s+){0,3}(?:GDP|growth|economy)", after, re.IGNORECASE))


def _sectors_earlier(head: str) -> list[str]:
    """The sector the sentence last named before a rate that names none ("cars ... 27.5% — a previous 2.5%")."""
    if lexicon.pattern("tariffs", "all_goods").search(head[-40:]):
        return []
    found = _sectors_in(head)
    if not found:
        return []
    last = found[-1][0]
    return list(dict.fromkeys(s for pos, s in found if last - pos < 30))


@cache
def _sector_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((sector, re.compile("|".join(words), re.IGNORECASE)) for sector, words in lexicon.load("tariffs")["sectors"].items())


def _sectors_in(text: str) -> list[tuple[int, str]]:
    return sorted((m.start(), sector) for sector, pattern in _sector_patterns() for m in pattern.finditer(text))


def _sectors(before: str, after: str) -> list[str]:
    """The sectors a rate covers: named right after it ("25% on cars"), else before it in its clause."""
    near_after = after[:40]
    if lexicon.pattern("tariffs", "all_goods").search(near_after) and not _sectors_in(near_after[:25]):
        return ["all"]
    found = _sectors_in(after)
    if found:
        first = found[0][0]
        run = [s for pos, s in found if pos - first < 30]
        return list(dict.fromkeys(run))
    found = _sectors_in(before)
    if found and not lexicon.pattern("tariffs", "all_goods").search(before[found[-1][0]:]):
        last = found[-1][0]
        run = [s for pos, s in found if last - pos < 30]
        return list(dict.fromkeys(run))
    return []


def _tariff_status(window: str, text: str, rate) -> str | None:
    """The status the rate's own words give it, or None when they say nothing (the rate is simply in force)."""
    status_words = lexicon.load("tariffs")["status"]
    nearby = text[max(0, rate.start - 60):rate.end + 40]
    for status in ("paused", "ended", "threatened", "agreed", "proposed", "announced"):
        scope = nearby if status in ("ended",) else window
        if any(re.search(p, scope, re.IGNORECASE) for p in status_words[status]):
            if status == "ended" and not re.search(r"(?:from|previous|former)\s*(?:a\s+)?(?:\w+\s+)?$", text[max(0, rate.start - 25):rate.start], re.IGNORECASE):
                continue
            return status
    return None


def _measure(sector: str, local: str) -> str | None:
    words = lexicon.load("tariffs")["measure"]
    has = lambda key, scope: any(re.search(p, scope, re.IGNORECASE) for p in words[key])  # noqa: E731
    if has("mfn", local):
        return "mfn"
    if has("combined", local):
        return "combined"
    if sector != "all":
        return "sectoral"
    if has("baseline", local):
        return "baseline"
    if has("country_specific", local):
        return "country_specific"
    return None


def _previous_rate(text: str, rates, index: int) -> float | None:
    """The rate this one replaced: "to 27.5% from 2.5%", "from 2.5% to 27.5%", "15%, down from 25%", "50%, doubled from 25%"."""
    rate = rates[index]
    if index + 1 < len(rates) and re.fullmatch(r"[^.;%]{0,40}?\b(?:down|up|doubled|halved|raised|cut|reduced|lowered|increased)\s+from\s+(?:the\s+|a\s+)?", text[rate.end:rates[index + 1].start], re.IGNORECASE):
        return rates[index + 1].value
    if index + 1 < len(rates) and re.fullmatch(r"\s*from\s*", text[rate.end:rates[index + 1].start], re.IGNORECASE):
        return rates[index + 1].value
    if index and re.search(r"\bfrom\s*$", text[max(0, rates[index - 1].start - 20):rates[index - 1].start], re.IGNORECASE) and re.fullmatch(r"\s*to\s*", text[rates[index - 1].end:rate.start], re.IGNORECASE):
        return rates[index - 1].value
    after = text[rate.end:rate.end + 60]
    if index + 1 < len(rates) and re.match(r"[^.;]{0,40}?\b(?:doubled|raised|up|increased) from\s*$",
                                           after[:after.find(str(int(rates[index + 1].value)))], re.IGNORECASE):
        return rates[index + 1].value
    return None


def _target(local: str) -> str:
    """Who a rate hits: every partner ("baseline", "all countries"), else the partner named nearest the rate, else Japan."""
    if lexicon.pattern("tariffs", "everyone").search(local):
        return "*"
    centre = len(local) // 2
    named = [(abs(m.start() - centre), code) for code, pattern in _country_patterns() for m in pattern.finditer(local)]
    return min(named)[1] if named else "JP"


@cache
def _country_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((code, re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])"))
                 for code, words in lexicon.load("countries").items())


def _tariff_date(reading: Reading, rate) -> DateMention | None:
    """The date next to a rate ("since April 5", "from Aug. 1"), else the sentence's only date."""
    text = reading.text
    owned = [m for m in reading.dates if not _belongs_to_other_rate(m, rate, reading.rates, text)
             and m.prep not in ("until", "till", "by", "through")]  # an end date dates the pause, not the rate
    best = None
    if len(reading.dates) == 1 and owned and not owned[0].clause:
        best = (10**6, owned[0])
    for mention in owned:
        if any(other is not rate and min(rate.end, mention.end) <= other.start < max(rate.start, mention.start)
               for other in reading.rates):
            continue  # another rate stands between them and is the one it dates
        if mention.start >= rate.end:
            distance, between = mention.start - rate.end, text[rate.end:mention.start]
            if distance <= 70 and between.count(",") <= 1 and (best is None or distance < best[0]):
                best = (distance, mention)
        elif "," not in text[mention.end:rate.start] and rate.start - mention.end <= 70:
            best = (rate.start - mention.end, mention) if best is None or rate.start - mention.end < best[0] else best
    return best[1] if best else None


def _belongs_to_other_rate(mention: DateMention, rate, rates, text: str) -> bool:
    """A date right after another rate ("25% since March 12") dates that rate only."""
    return any(other is not rate and 0 <= mention.start - other.end <= 14 and not re.search(r"[,;]", text[other.end:mention.start])
               for other in rates)
