"""Clean stage: keep the article body, drop what a web page wraps around it.

Reader comments, captions, ads, link lists, notices, bylines and copyright
lines yield no event, so they never reach the sentence splitter. The header
lines (date marker, time stamps, dateline) are kept apart for the stage that
finds the publication date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon
from .dates import zone_names
from .read import RawArticle


@dataclass(frozen=True)
class CleanArticle:
    """An article reduced to its body paragraphs, with the lines that date it."""

    raw: RawArticle
    title: str | None
    header: tuple[str, ...]
    dateline: str | None
    paragraphs: tuple[str, ...]
    dropped: tuple[str, ...] = field(default=(), repr=False)


DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
# A full calendar date as pages and wires write it in a header or a dateline: "June 7, 2025", "Sept. 7, 2025",
# "7 June 2025", "Saturday, June 7, 2025", "2025-06-07" and "2025-06-07T15:10:00-04:00".
MONTH_NAME = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?" \
             r"|Nov(?:ember)?|Dec(?:ember)?)\.?"
WEEKDAY_NAME = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?"
FULL_DATE = (rf"(?:{WEEKDAY_NAME},? )?(?:(?P<month>{MONTH_NAME}) (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})"
             rf"|(?P<day2>\d{{1,2}}) (?P<month2>{MONTH_NAME}),? (?P<year2>\d{{4}})"
             r"|(?P<iso>\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?P<offset>Z|[+-]\d{2}:?\d{2})?)?)")
ZONE = zone_names(abbreviations_only=True)  # every clock dates.toml knows: "JST", "EDT", "MDT", "GMT" ...
# "TOKYO, July 8 (Reuters) - ", "Washington, April 16 (Jiji Press)--", "TOKYO – ", "TOKYO, Japan — ",
# "TOKYO, Aug. 8, 2025 (Asia Markets Wire) -- ", "TOKYO, 7 June 2025 (Kyodo) --"
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.]+(?:[ -][A-Z][A-Za-z.]+)*(?:, [A-Z][A-Za-z.]+)?)"
    rf"(?:, (?P<date>{FULL_DATE.replace('?P<', '?P<d_')}|[A-Z][a-z]{{2,8}}\.? \d{{1,2}}))?"
    r"(?: \((?P<agency>[^)]{2,40})\))?"
    r"\s*(?:--|—|–|-)\s*"
)
# A header line that dates the page: "Updated 11:47 PM EDT, June 7, 2025", "Published: 7 Jun 2025 at 09:12 JST",
# "June 7, 2025 3:10 PM EDT", "Saturday, June 7, 2025", "2025-06-07T15:10:00-04:00".
STAMP = re.compile(
    r"^(?:last updated:?\s*|updated:?\s*|published:?\s*|posted:?\s*)?"
    rf"(?:\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?\s*)?{ZONE}?,?\s*)?"
    + FULL_DATE +
    rf"(?:,?\s*(?:at\s*)?\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?\s*(?:{ZONE}|\((?:{ZONE})\))?)?\s*$",
    re.IGNORECASE,
)
# A list item's mark ("- April 16: ...", "• ...", "* ..."): the item is the line without it.
BULLET = re.compile(r"^(?:[-•*·▪–]|\d{1,2}\))\s+")
CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}")
# A time stamp alone on its line ("Updated 11:48 PM EDT"): kept for the entries below it, no dateline.
CLOCK_LINE = re.compile(rf"^(?:(?:updated|posted|last updated):?\s*)?\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?\s*{ZONE}?\s*$",
                        re.IGNORECASE)
PLACE_ALONE = re.compile(r"^[A-Z][A-Z .]{2,30}$")
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def clean(raw: RawArticle) -> CleanArticle:
    """Split an article into title, header lines, dateline and body paragraphs."""
    lines = [BULLET.sub("", line.strip()) for line in raw.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    header: list[str] = []
    if lines and (marker := DATE_MARKER.match(lines[0])):
        header.append(marker.group(0).strip())
        lines[0] = lines[0][marker.end():].strip()
    title = _title(lines, raw)
    page_header, body, dropped = _sort_lines(lines, title[1])
    dateline, body = _cut_dateline(body)
    return CleanArticle(raw, title[0], tuple(header + page_header), dateline, tuple(b for b in body if b), tuple(dropped))


def _sort_lines(lines: list[str], title_index: int) -> tuple[list[str], list[str], list[str]]:
    """The page's header lines, body paragraphs and dropped lines, each in page order. The article ends at
    its first end line (copyright, credits, reader comments): that line and all below it are dropped, save
    body text glued onto a copyright mark."""
    table = _table_rows(lines)
    header: list[str] = []
    body: list[str] = []
    dropped: list[str] = []
    in_link_list = False
    for index, line in enumerate(lines):
        if not line or index == title_index:
            continue
        if index in table:
            dropped.append(line)
            continue
        if _is_end(line):
            kept = _before_copyright(line)
            if kept:
                body.append(kept)
            dropped.extend(lines[index:])
            break
        if STAMP.match(line):
            header.append(line)
            if CLOCK_TIME.search(line):
                body.append(line)  # a stamp with its time also opens the entries below it, for their anchor
            continue
        if _above_story(body) and (PLACE_ALONE.match(line) or _chrome(line)):
            header.append(line)  # a logo, a section bar, a place alone: chrome above the story, not a paragraph
            continue
        in_link_list = _in_link_list(line, in_link_list)
        if in_link_list or _is_furniture(line):
            dropped.append(line)
            continue
        body.append(line)
    return header, body, dropped


def _chrome(line: str) -> bool:
    """A logo or a section bar ("World | Markets | Sign in"): a site line that is no sentence."""
    return _matches(line, "site") and not SENTENCE_END.search(line) and len(line.split()) <= 16


def _above_story(body: list[str]) -> bool:
    """Whether the story has not begun: nothing in the body yet but time stamps."""
    return all(STAMP.match(line) for line in body)


def _in_link_list(line: str, in_link_list: bool) -> bool:
    """A link list opens with its heading ("Related articles") and runs on over the headlines it lists."""
    return _matches(line, "link_list") or (in_link_list and _headline_like(line))


def _is_furniture(line: str) -> bool:
    """Page furniture inside the body: a notice, a link, a photo caption or a subheading."""
    return _matches(line, "notice") or _matches(line, "link") or is_caption(line) or _is_subheading(line)


def _cut_dateline(body: list[str]) -> tuple[str | None, list[str]]:
    """The dateline opening the first paragraph that is no time stamp, and the body with it cut off."""
    first = next((n for n, line in enumerate(body) if not STAMP.match(line) and not CLOCK_LINE.match(line)), None)
    if first is None or not (found := DATELINE.match(body[first])) or not _is_dateline(found):
        return None, body
    return found.group(0).strip(), [*body[:first], body[first][found.end():].strip(), *body[first + 1:]]


def _is_dateline(found: re.Match[str]) -> bool:
    return bool(found.group("date") or found.group("agency") or found.group("place").isupper() or "," in found.group("place"))


# A table: at least this many lines in a row, each a few words of cells with no sentence in them.
TABLE_ROWS = 3
CELL_WORDS = 9
STARTS_WITH_DATE = re.compile(r"^(?:[A-Z][a-z]{2,8}\.? \d{1,2}\b|\d{4}-\d{2}-\d{2})")


def _table_rows(lines: list[str]) -> set[int]:
    """Rows of a table or chart ("Total pledge $550 billion", "Deadline to commit Jan. 19, 2029"): runs of short
    lines without a sentence's end, most holding a figure, none opening with a date as key-date lists do."""
    rows: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if line and _cell_line(line):
            run.append(index)
            continue
        figures = sum(1 for i in run if any(ch.isdigit() for ch in lines[i]))
        if len(run) >= TABLE_ROWS and figures * 2 >= len(run):
            rows.update(run)
        run = []
    return rows


def _cell_line(line: str) -> bool:
    return len(line.split()) <= CELL_WORDS and not SENTENCE_END.search(line) and not STARTS_WITH_DATE.match(line) \
        and not STAMP.match(line)


# How far down a page the headline may stand, below logos, section labels and menus.
TITLE_REACH = 8


def _title(lines: list[str], raw: RawArticle) -> tuple[str | None, int]:
    """The headline and its line index (-1 when the text has none).

    The manifest's title wins. Else the headline is the first line near the top that reads like one (no
    sentence-ending punctuation, three words or more) and is no page chrome: not a logo or section line, not
    a notice, a link, a byline, a caption, a stamp or a date alone. A text that opens straight into its first
    paragraph has no headline.
    """
    manifest_title = raw.entry.title if raw.entry else None
    seen = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        if manifest_title and _same_text(line, manifest_title):
            return manifest_title, index
        seen += 1
        if seen > TITLE_REACH or not _headline_like(line):
            break
        if _headline(line):
            return manifest_title or line, index
    return manifest_title, -1


def _headline(line: str) -> bool:
    furniture = any(_matches(line, key) for key in ("link_list", "notice", "link", "site", "end"))
    return (len(line.split()) >= 3 and not furniture and not PLACE_ALONE.match(line) and not STAMP.match(line)
            and not is_caption(line))


def _same_text(a: str, b: str) -> bool:
    squash = lambda s: re.sub(r"\W+", "", s).lower()
    return squash(a) == squash(b)


def _headline_like(line: str) -> bool:
    """A short line with no closing punctuation: a headline or a link's text ("... talks with U.S." too)."""
    return len(line) <= 160 and not SENTENCE_END.search(re.sub(r"\b(?:U\.S|U\.K|U\.N|E\.U)\.$", "US", line))


def _is_subheading(line: str) -> bool:
    """A short heading inside the body ("Another round of talks in June"): a label, not a report."""
    return _headline_like(line) and len(line.split()) <= 8 and not re.search(r"\d", line)


def _matches(line: str, key: str) -> bool:
    return lexicon.pattern("page", key).search(line) is not None


def _is_end(line: str) -> bool:
    return _matches(line, "end")


def _before_copyright(line: str) -> str:
    """Body text that a copyright mark was glued onto ("... capital.© KYODO")."""
    cut = re.split(r"©|\(c\) |\ball rights reserved\b|\[?copyright\b", line, maxsplit=1, flags=re.IGNORECASE)[0].strip()
    return cut if SENTENCE_END.search(cut) and len(cut.split()) > 6 else ""


def is_caption(line: str) -> bool:
    """A photo caption: a credit or label, or one present-tense line about a pictured person.

    Captions describe a picture in the present tense ("X speaks to reporters
    in Washington on April 16."), where news prose reports in the past.
    """
    if _matches(line, "caption"):
        return True
    if len(line.split()) > 30 or re.search(r"[.!?]\s+[A-Z]", line.rstrip(".")):
        return False
    found = _caption_verb().search(line)
    if not found:
        return False
    subject = line[: found.start()].split()
    return 0 < len(subject) <= 10 and all(w[0].isupper() or w in ("of", "the", "and", "'s") or w.startswith("(") for w in subject)


def _caption_verb() -> re.Pattern[str]:
    return lexicon.cached_words("page", "caption_verbs")
