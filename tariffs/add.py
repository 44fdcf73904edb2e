"""Add articles to a data folder: copy each file in and list it in articles.toml, atomically.

The manifest is appended to, never rewritten from a parse, so the user's
comments and order stay as they were.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import date
from pathlib import Path

from .read import MANIFEST, PAGE_SUFFIXES, TEXT_SUFFIXES, decode, find_articles
from .webpage import looks_like_html


class AddError(Exception):
    """Adding cannot go ahead (the folder is the bundled sample, or cannot be written)."""


def add_articles(folder: Path, sources: list[tuple[str, bytes]], published: date | None = None,
                 source: str | None = None, title: str | None = None) -> tuple[list[str], list[str]]:
    """Copy new articles, given as (file name, bytes), into `folder` and list them in its manifest.

    Text keeps its name; a web page stays a page (`.html`), so that it is read as one. Returns the names
    added and notices for what was left out (content already in the folder, a kind of file the tool cannot read).
    """
    if not folder.is_dir():
        raise AddError(f"data folder not found: {folder}")
    if not os.access(folder, os.W_OK):
        raise AddError(f"cannot write to {folder}; pass --data with a folder of your own")
    known = {_digest(path.read_bytes()): name for name, path in find_articles(folder).articles.items()}
    added, notices, blocks = [], [], []
    for given, data in sources:
        digest = _digest(data)
        if digest in known:
            notices.append(f"{given} is already in the data folder as {known[digest]}; not added")
            continue
        name = _stored_name(given, data)
        if name is None:
            notices.append(f"{given} is not text or a web page; not added")
            continue
        name = _free_name(folder, name)
        _atomic_write(folder / name, data)
        known[digest] = name
        added.append(name)
        blocks.append(_manifest_block(name, published, source, title))
    if blocks:
        manifest = folder / MANIFEST
        before = manifest.read_text(encoding="utf-8") if manifest.is_file() else ""
        separator = "" if not before or before.endswith("\n\n") else ("\n" if before.endswith("\n") else "\n\n")
        _atomic_write(manifest, (before + separator + "\n".join(blocks)).encode("utf-8"))
    return added, notices


def _stored_name(given: str, data: bytes) -> str | None:
    """The name an article is kept under: its own when the tool reads that kind of file; a page or a text
    without a known extension named for what it holds; None for what the tool cannot read (a PDF)."""
    path = Path(given)
    if path.suffix.lower() in TEXT_SUFFIXES + PAGE_SUFFIXES:
        return path.name
    text, _ = decode(data)
    if text is None:
        return None
    return path.stem + (".html" if looks_like_html(text) else ".txt")


def _digest(data: bytes) -> str:
    return hashlib.sha1(data.replace(b"\r\n", b"\n").strip()).hexdigest()


def _free_name(folder: Path, name: str) -> str:
    candidate, number = name, 2
    while (folder / candidate).exists():
        candidate = f"{Path(name).stem}-{number}{Path(name).suffix}"
        number += 1
    return candidate


def _manifest_block(name: str, published: date | None, source: str | None, title: str | None) -> str:
    lines = ["[[article]]", f"file = {json.dumps(name)}"]
    if published:
        lines.append(f"published = {published.isoformat()}")
    if source:
        lines.append(f"source = {json.dumps(source, ensure_ascii=False)}")
    if title:
        lines.append(f"title = {json.dumps(title, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def _atomic_write(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and a rename: never half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
