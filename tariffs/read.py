"""Read stage: a folder of article texts and the manifest `articles.toml` beside them."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path


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
    """An article file as read, before anything is removed from it."""

    id: str
    text: str
    entry: ManifestEntry | None


MANIFEST = "articles.toml"


def read_corpus(folder: Path) -> tuple[list[RawArticle], list[str]]:
    """Every `*.txt` in `folder`, in name order, with its manifest entry.

    Returns the articles and warnings (one line each) for faults that do not
    stop the run.
    """
    if not folder.is_dir():
        raise CorpusError(f"data folder not found: {folder}")
    warnings: list[str] = []
    entries = read_manifest(folder / MANIFEST, warnings)
    paths = sorted(folder.glob("*.txt"))
    warnings += unlisted_files(entries, {p.name for p in paths})
    articles = []
    for path in paths:
        text = read_article(path, warnings)
        if text is not None:
            articles.append(RawArticle(id=path.stem, text=text, entry=entries.get(path.name)))
    return articles, warnings


def unlisted_files(entries: dict[str, ManifestEntry], present: set[str]) -> list[str]:
    """A warning for each manifest entry whose file is not in the folder."""
    return [f"{MANIFEST}: {name} is listed but not in the folder" for name in entries if name not in present]


LARGE = 5_000_000  # bytes; an article this big is most likely not one article


def read_article(path: Path, warnings: list[str]) -> str | None:
    """An article's text, or None with one warning when it cannot be used."""
    try:
        data = path.read_bytes()
    except OSError as err:
        warnings.append(f"{path.name}: cannot be read ({err.strerror or err.__class__.__name__}); skipped")
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
    if encoding != "utf-8":
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
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None, ""
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t")
    return (None, "") if controls > len(text[:20000]) / 100 else (text, "cp1252")


ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.)?")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f]")


def printable(text: str) -> str:
    """Text with terminal escape sequences and control characters removed (newlines kept),
    so that nothing from an article can act on the user's terminal."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL.sub("", ESCAPE_SEQUENCE.sub("", text))


def read_manifest(path: Path, warnings: list[str]) -> dict[str, ManifestEntry]:
    """The manifest's entries by file name; an absent manifest is an empty one."""
    if not path.is_file():
        return {}
    try:
        document = tomllib.loads(_quoted_dates(path.read_text(encoding="utf-8", errors="replace")))
    except tomllib.TOMLDecodeError as err:
        raise CorpusError(f"{path}: not valid TOML: {err}") from None
    except OSError as err:
        raise CorpusError(f"{path}: cannot be read: {err.strerror}") from None
    entries: dict[str, ManifestEntry] = {}
    for item in document.get("article", []):
        name = item.get("file") if isinstance(item, dict) else None
        if not isinstance(name, str):
            warnings.append(f"{path.name}: an [[article]] without a file name is ignored")
            continue
        entries[name] = ManifestEntry(
            file=name,
            published=_manifest_date(item.get("published"), name, warnings),
            source=_text(item.get("source")),
            title=_text(item.get("title")),
            url=_text(item.get("url")),
        )
    return entries


BARE_DATE = re.compile(r"^(\s*published\s*=\s*)(\d{4}-\d{1,2}-\d{1,2})(\s*(?:#.*)?)$", re.MULTILINE)


def _quoted_dates(text: str) -> str:
    """Quote bare publication dates, so that an impossible one ("2025-02-30") costs its entry
    a warning instead of making the whole manifest unreadable."""
    return BARE_DATE.sub(r'\1"\2"\3', text)


def _manifest_date(value: object, name: str, warnings: list[str]) -> date | None:
    """TOML gives a bare date as `date`; a quoted one must still be a real day."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        warnings.append(f"{MANIFEST}: {name}: published {value!r} is not a date; using the date in the text")
        return None


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
