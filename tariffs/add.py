"""Add articles to a data folder: copy each file in and list it in articles.toml, atomically.

The manifest is appended to, never rewritten from a parse, so the user's
comments and order stay as they were.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import tomllib
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from .read import (
    LIMIT,
    MANIFEST,
    PAGE_SUFFIXES,
    TEXT_SUFFIXES,
    decode,
    find_articles,
    one_line,
    read_manifest,
)
from .webpage import looks_like_html


class AddError(Exception):
    """Adding cannot go ahead (the folder is the bundled sample, or cannot be written)."""


def add_articles(folder: Path, sources: list[tuple[str, bytes]], published: date | None = None,
                 source: str | None = None, title: str | None = None) -> tuple[list[str], list[str]]:
    """Copy new articles, given as (file name, bytes), into `folder` and list them in its manifest.

    Text keeps its name; a web page stays a page (`.html`), so that it is read as one. Returns the names
    added and notices for what was left out (content already listed, a kind of file the tool cannot read).

    Two adds at once take turns (a lock beside the manifest). The new manifest is checked before anything
    is written; the articles are copied first and removed again if the manifest cannot be written, so an
    add happens whole or not at all. A file left by an interrupted add (copied, never listed) is listed now.
    """
    if not folder.is_dir():
        raise AddError(f"data folder not found: {folder}")
    if not os.access(folder, os.W_OK):
        raise AddError(f"cannot write to {folder}; pass --data with a folder of your own")
    manifest = _manifest_path(folder)
    with _locked(folder):
        plan, notices = _plan(folder, sources)
        blocks = [_manifest_block(name, published, source, title) for name, _ in plan]
        text = _with_blocks(_read_manifest_text(manifest), blocks) if blocks else None
        copied = [name for name, data in plan if data is not None]
        try:
            for name, data in plan:
                if data is not None:
                    _atomic_write(folder / name, data)
            if text is not None:
                _atomic_write(manifest, text.encode("utf-8"), keep_mode=True)
        except BaseException:
            for name in copied:
                (folder / name).unlink(missing_ok=True)
            raise
    return [name for name, _ in plan], notices


def _plan(folder: Path, sources: list[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes | None]], list[str]]:
    """What to add: (name, bytes to copy) for each new article, (name, None) for a copy an interrupted add
    left unlisted; and notices for what is left out."""
    listed = set(read_manifest(folder / MANIFEST, []))
    known = {_digest(path.read_bytes()): name for name, path in find_articles(folder).articles.items()
             if path.stat().st_size <= LIMIT}  # a larger file is never read as an article
    plan: list[tuple[str, bytes | None]] = []
    notices: list[str] = []
    for given, data in sources:
        digest = _digest(data)
        if digest in known and known[digest] in listed:
            notices.append(f"{given} is already in the data folder as {known[digest]}; not added")
        elif digest in known:
            plan.append((known[digest], None))  # copied by an add that never finished: list it now
            listed.add(known[digest])
        elif (name := _stored_name(given, data)) is None:
            notices.append(f"{given} is not text or a web page; not added")
        else:
            name = _free_name(folder, name, {n for n, _ in plan})
            plan.append((name, data))
            known[digest] = name
            listed.add(name)
    return plan, notices


def _manifest_path(folder: Path) -> Path:
    """The manifest to write: the file a symlinked manifest points to (the link stays a link)."""
    manifest = folder / MANIFEST
    if manifest.is_symlink():
        manifest = manifest.resolve()
    if manifest.exists() and not manifest.is_file():
        raise AddError(f"{folder / MANIFEST} is not a regular file")
    return manifest


def _read_manifest_text(manifest: Path) -> str:
    if not manifest.is_file():
        return ""
    return manifest.read_bytes().decode("utf-8-sig", errors="strict")


def _with_blocks(before: str, blocks: list[str]) -> str:
    """The manifest with new entries appended, in its own line endings; refused when the result would not
    read back as a manifest (an inline `article = [...]` cannot take `[[article]]` tables after it)."""
    newline = "\r\n" if "\r\n" in before else "\n"
    body = before.replace("\r\n", "\n")
    separator = "" if not body or body.endswith("\n\n") else ("\n" if body.endswith("\n") else "\n\n")
    text = body + separator + "\n".join(blocks)
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise AddError(f"{MANIFEST} would not be valid TOML with the new entries ({err}); "
                       "list them by hand or write the manifest as [[article]] tables") from None
    return text.replace("\n", newline)


@contextmanager
def _locked(folder: Path):
    """Hold the folder's add lock: a second add waits for the first to finish."""
    import fcntl

    with open(folder / f".{MANIFEST}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _stored_name(given: str, data: bytes) -> str | None:
    """The name an article is kept under: its own when the tool reads that kind of file; a page or a text
    without a known extension named for what it holds; None for what the tool cannot read (a PDF)."""
    path = Path(_safe_file_name(given))
    if path.suffix.lower() in TEXT_SUFFIXES + PAGE_SUFFIXES:
        return path.name
    text, _ = decode(data)
    if text is None:
        return None
    return path.stem + (".html" if looks_like_html(text) else ".txt")


def _safe_file_name(given: str) -> str:
    """A name the manifest can hold: bytes that are no UTF-8 and control characters become "_"."""
    readable = given.encode("utf-8", "surrogateescape").decode("utf-8", "replace").replace("\ufffd", "_")
    return "".join("_" if ch in "\n\t" else ch for ch in one_line(readable)).strip() or "article"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _digest(data: bytes) -> str:
    return hashlib.sha1(data.replace(b"\r\n", b"\n").strip()).hexdigest()


def _free_name(folder: Path, name: str, taken: set[str] = frozenset()) -> str:
    candidate, number = name, 2
    while (folder / candidate).exists() or candidate in taken:
        candidate = f"{Path(name).stem}-{number}{Path(name).suffix}"
        number += 1
    return candidate


def _manifest_block(name: str, published: date | None, source: str | None, title: str | None) -> str:
    """One [[article]] table; every string as TOML reads it back (no control characters, no lone surrogates)."""
    source, title = (one_line(v) if v else None for v in (source, title))
    lines = ["[[article]]", f"file = {json.dumps(name)}"]
    if published:
        lines.append(f"published = {published.isoformat()}")
    if source:
        lines.append(f"source = {json.dumps(source, ensure_ascii=False)}")
    if title:
        lines.append(f"title = {json.dumps(title, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def _atomic_write(path: Path, data: bytes, keep_mode: bool = False) -> None:
    """Write through a temporary file in the same folder and a rename: never half a file. With `keep_mode`,
    the file keeps the permissions it had (a new one gets the usual 0644 less the umask)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, path.stat().st_mode & 0o7777 if keep_mode and path.exists() else 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
