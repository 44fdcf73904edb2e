"""Read stage: a folder of article texts and the manifest `articles.toml` beside them."""
from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .webpage import Page, PageError, read_page


class CorpusError(Exception):
    """A fault that stops the whole run (the folder or its manifest is unusable)."""


@dataclass(frozen=True)
class ManifestEntry:
    """What `articles.toml` says about one file; every field but the name is optional."""

    file: str
    published: date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class RawArticle:
    """An article file as read, before anything is removed from it; a web page brings what it says of itself."""

    id: str
    text: str
    entry: ManifestEntry | None
    page: Page | None = None


MANIFEST = "articles.toml"
TEXT_SUFFIXES = (".txt", ".md")
PAGE_SUFFIXES = (".html", ".htm")


def read_corpus(folder: Path) -> tuple[list[RawArticle], list[str]]:
    """Every article under `folder` (text and web pages, subfolders too), in name order, with its manifest entry.

    Returns the articles and warnings (one line each) for faults that do not
    stop the run. A folder with no article the tool can read is such a fault.
    """
    if not folder.is_dir():
        raise CorpusError(f"data folder not found: {folder}")
    warnings: list[str] = []
    entries = read_manifest(folder / MANIFEST, warnings)
    found = find_articles(folder)
    warnings += unlisted_files(entries, set(found.articles))
    warnings += found.warnings()
    articles = [raw for name, path in found.articles.items()
                if (raw := load_article(name, path, entries.get(name), warnings)) is not None]
    if not found.articles:
        raise CorpusError(f"no articles in {folder}: {found.nothing_readable()}")
    return articles, warnings


@dataclass(frozen=True)
class Found:
    """The files under a data folder: articles by their name in the folder ("2025/kyodo.txt"), and the rest."""

    articles: dict[str, Path]
    unreadable: tuple[str, ...]
    closed: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()  # the folder and every subfolder looked in ("" is the folder itself)

    def warnings(self) -> list[str]:
        """One line for every file the tool cannot read, however many there are, and one for the subfolders
        it could not open."""
        closed = len(self.closed)
        found = [(f"{closed} subfolder{'s' if closed > 1 else ''} could not be opened; skipped: "
                  f"{_examples(self.closed)}")] if closed else []
        if not self.unreadable:
            return found
        kinds = sorted({Path(name).suffix.lower() or "no extension" for name in self.unreadable})
        count = len(self.unreadable)
        return found + [(f"{count} file{'s' if count > 1 else ''} skipped, not text or a web page "
                         f"({', '.join(kinds)}): {_examples(self.unreadable)}")]

    def nothing_readable(self) -> str:
        what = f"found only {_examples(self.unreadable)}" if self.unreadable else "the folder is empty"
        return f"looked for {', '.join(TEXT_SUFFIXES + PAGE_SUFFIXES)} files; {what}"


def find_articles(folder: Path) -> Found:
    """Articles in the folder and its subfolders: regular files only (never a pipe or a device), hidden files
    and folders left out, the manifest not an article."""
    if not os.access(folder, os.R_OK | os.X_OK):
        raise CorpusError(f"cannot read the data folder {folder}: permission denied")
    articles: dict[str, Path] = {}
    unreadable: list[str] = []
    closed: list[str] = []
    folders: list[str] = []
    for root, dirs, files in os.walk(folder, onerror=lambda err: closed.append(_relative(err, folder))):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folders.append(Path(root).relative_to(folder).as_posix().removeprefix("."))
        for file in files:
            path = Path(root, file)
            name = path.relative_to(folder).as_posix()
            if file.startswith(".") or name == MANIFEST or not _regular(path):
                continue
            if path.suffix.lower() in TEXT_SUFFIXES + PAGE_SUFFIXES:
                articles[name] = path
            else:
                unreadable.append(name)
    return Found(dict(sorted(articles.items())), tuple(sorted(unreadable)), tuple(sorted(closed)), tuple(folders))


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _relative(err: OSError, folder: Path) -> str:
    """A subfolder os.walk could not open, named as the folder's other files are."""
    return Path(err.filename).relative_to(folder).as_posix() + "/" if err.filename else str(folder)


def _examples(names: tuple[str, ...], shown: int = 3) -> str:
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" and {more} more" if more > 0 else "")


def article_id(name: str) -> str:
    """An article's id: its name in the folder without the extension ("2025/kyodo" for "2025/kyodo.html")."""
    stem = name.rsplit(".", 1)[0] if "." in Path(name).name else name
    return one_line(stem)


def load_article(name: str, path: Path, entry: ManifestEntry | None, warnings: list[str]) -> RawArticle | None:
    """One article as the pipeline takes it: a text file as it is, a web page reduced to its article."""
    text = read_article(path, warnings)
    if text is None:
        return None
    if path.suffix.lower() not in PAGE_SUFFIXES:
        return RawArticle(article_id(name), text, entry)
    try:
        page = read_page(text)
    except PageError as err:
        warnings.append(f"{name}: {err}; skipped")
        return None
    return RawArticle(article_id(name), printable(page.text), entry, page)


def unlisted_files(entries: dict[str, ManifestEntry], present: set[str]) -> list[str]:
    """A warning for each manifest entry whose file is not in the folder."""
    return [f"{MANIFEST}: {name} is listed but not in the folder" for name in entries if name not in present]


LARGE = 5_000_000  # bytes; an article this big is most likely not one article
LIMIT = 64_000_000  # bytes; past this a file is not read at all, so that no file can exhaust memory


def read_article(path: Path, warnings: list[str]) -> str | None:
    """An article's text, or None with one warning when it cannot be used."""
    try:
        with open(path, "rb") as file:
            data = file.read(LIMIT + 1)  # at most this much, even from a file that grows while it is read
    except OSError as err:
        warnings.append(f"{path.name}: cannot be read ({err.strerror or err.__class__.__name__}); skipped")
        return None
    if len(data) > LIMIT:
        warnings.append(f"{path.name}: over {LIMIT // 1_000_000} MB, too large to be an article; skipped")
        return None
    if not data.strip():
        warnings.append(f"{path.name}: empty; skipped")
        return None
    if len(data) > LARGE:
        warnings.append(f"{path.name}: {len(data) / 1e6:.1f} MB, far larger than an article; read anyway")
    text, encoding = decode(data)
    if text is None:
        warnings.append(f"{path.name}: binary or in an unknown encoding; skipped")
        return None
    if encoding == STRAY:
        warnings.append(f"{path.name}: {text.count(chr(0xFFFD))} stray byte(s) that are not UTF-8, replaced")
    elif encoding != "utf-8":
        warnings.append(f"{path.name}: not UTF-8, read as {encoding}")
    return printable(text)


KANA = re.compile("[\u3040-\u30ff]")


def decode(data: bytes) -> tuple[str | None, str]:
    """Text from bytes: UTF-8 (or UTF-16 with its mark), else Japanese encodings when the result
    reads as Japanese, else Windows-1252 (smart quotes); binary data gives None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:65536]:
        return None, ""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ("shift_jis", "euc_jp", "iso2022_jp"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(KANA.findall(text[:20000])) >= 5:
            return text, encoding
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged, STRAY
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None, ""
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t")
    return (None, "") if controls > len(text[:20000]) / 100 else (text, "cp1252")


STRAY = "utf-8 with stray bytes"


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray bytes (a truncated copy, one bad byte), the stray ones replaced: it has
    characters only UTF-8 writes that way, or no other reading, and at most one stray byte in a hundred
    (or two in a short text)."""
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd")
    if stray > max(2, len(data) / 100):
        return None
    written_as_utf8 = any(ord(ch) > 127 and ch != "\ufffd" for ch in text)
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return text
    return text if written_as_utf8 else None


ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.)?")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f]")


# Bidirectional overrides and isolates: they make a line read in another order than it is stored.
BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text with terminal escape sequences, control characters and bidirectional overrides removed
    (newlines kept), so that nothing from an article can act on the user's terminal or disguise a line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return BIDI_CONTROL.sub("", CONTROL.sub("", ESCAPE_SEQUENCE.sub("", text)))


def one_line(text: str) -> str:
    """A name or message from outside (a file name, a manifest's title) made safe to print on one line."""
    return " ".join(printable(text).split("\n"))


def read_manifest(path: Path, warnings: list[str]) -> dict[str, ManifestEntry]:
    """The manifest's entries by file name; an absent manifest is an empty one. A manifest the tool cannot
    take (not a regular file, not TOML, too deeply nested) stops the run: going on without it would date
    every article wrongly without a word."""
    if not _manifest_present(path):
        return {}
    try:
        document = tomllib.loads(_quoted_dates(path.read_text(encoding="utf-8-sig", errors="replace")))
    except tomllib.TOMLDecodeError as err:
        raise CorpusError(f"{path}: not valid TOML: {err}") from None
    except RecursionError:
        raise CorpusError(f"{path}: nested too deeply to be a manifest") from None
    except OSError as err:
        raise CorpusError(f"{path}: cannot be read: {err.strerror}") from None
    listed = document.get("article", [])
    if not isinstance(listed, list):
        raise CorpusError(f"{path}: `article` must be a list of [[article]] tables")
    entries: dict[str, ManifestEntry] = {}
    for item in listed:
        name = item.get("file") if isinstance(item, dict) else None
        if not isinstance(name, str):
            warnings.append(f"{path.name}: an [[article]] without a file name is ignored")
            continue
        if name in entries:
            warnings.append(f"{path.name}: {name} is listed twice; the first entry is used")
            continue
        entries[name] = ManifestEntry(
            file=name,
            published=_manifest_date(item.get("published"), name, warnings),
            source=_text(item.get("source")),
            title=_text(item.get("title")),
            url=_text(item.get("url")),
        )
    return entries


def _manifest_present(path: Path) -> bool:
    """Whether there is a manifest to read: nothing at the path is none; a folder, a pipe, a device or a
    symlink that leads nowhere is refused, never opened (a pipe would wait forever)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise CorpusError(f"{path}: a symlink to nothing") from None
        return False
    except OSError as err:  # a symlink loop, a folder without permission ...
        raise CorpusError(f"{path}: cannot be read: {err.strerror}") from None
    if not stat.S_ISREG(mode):
        raise CorpusError(f"{path}: not a regular file ({_file_kind(mode)})")
    return True


def _file_kind(mode: int) -> str:
    kinds = {stat.S_ISDIR: "a folder", stat.S_ISFIFO: "a pipe", stat.S_ISSOCK: "a socket",
             stat.S_ISCHR: "a device", stat.S_ISBLK: "a device"}
    return next((kind for test, kind in kinds.items() if test(mode)), "not a file")


BARE_DATE = re.compile(r"^(\s*published\s*=\s*)(\d{4}-\d{1,2}-\d{1,2})(\s*(?:#.*)?)$", re.MULTILINE)


def _quoted_dates(text: str) -> str:
    """Quote bare publication dates, so that an impossible one ("2025-02-30") costs its entry
    a warning instead of making the whole manifest unreadable."""
    return BARE_DATE.sub(r'\1"\2"\3', text)


def _manifest_date(value: object, name: str, warnings: list[str]) -> date | None:
    """TOML gives a bare date as `date`; a quoted one must still be a real day."""
    if isinstance(value, datetime):
        return value.date()  # "published = 2025-06-14T09:30:00": the day is what dates the article
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        warnings.append(f"{MANIFEST}: {name}: published {value!r} is not a date; using the date in the text")
        return None


def _text(value: object) -> str | None:
    """A manifest's words as the tool shows them: one line, nothing that acts on a terminal."""
    return one_line(value).strip() or None if isinstance(value, str) else None
