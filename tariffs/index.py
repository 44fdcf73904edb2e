"""Index stage: extracted events kept in SQLite, so that a query re-reads only new or changed articles.

The index lives in the user's cache directory (`$XDG_CACHE_HOME/tariffs`, else
`~/.cache/tariffs`), one file per data folder, never inside the folder, so a
read-only folder works. Each article is keyed by its bytes, its manifest entry
and the extractor's version (the package's code and lexicons): change any of
them and that article alone is read again. Queries are answered by the
database: only the events that pass the filters are loaded.
"""
from __future__ import annotations

import fcntl
import gc
import hashlib
import itertools
import json
import os
import pickle
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .read import MANIFEST, ManifestEntry, article_id, read_manifest, unlisted_files

if TYPE_CHECKING:
    from .query import Query

SCHEMA_VERSION = 3
PACKAGE = Path(__file__).resolve().parent
T = TypeVar("T")


class Unusable(Exception):
    """The index cannot be kept where it belongs (no home, a read-only or full disk, a folder in its way), or
    it holds what the tool never wrote there (`damaged`)."""

    def __init__(self, reason: str, damaged: bool = False):
        super().__init__(reason)
        self.damaged = damaged


def cache_dir() -> Path:
    """`$XDG_CACHE_HOME/tariffs` (when absolute, as the XDG spec asks), else `~/.cache/tariffs`; a home that
    does not exist is never created."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(base):
        return Path(base) / "tariffs"
    home = Path(os.path.expanduser("~"))
    if not home.is_absolute() or not home.is_dir():
        raise Unusable(f"the home folder {home} does not exist")
    return home / ".cache" / "tariffs"


def index_file(folder: Path) -> Path:
    """The index of one data folder, named by the folder's absolute path."""
    key = hashlib.sha1(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]
    return cache_dir() / f"{key}.sqlite3"


@cache
def extractor_version() -> str:
    """Changes whenever the extractor's code or knowledge does, so stale results are never reused."""
    digest = hashlib.sha1()
    for path in sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.toml")]):
        digest.update(str(path.relative_to(PACKAGE)).encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# ---------------------------------------------------------------- consulting


def consult(folder: Path, ask: Callable[[sqlite3.Connection], T], jobs: int | None = None,
            progress: bool = False, refresh: bool = False) -> tuple[T, list[str]]:
    """`ask` answered from the folder's index, brought up to date first, with the run's warnings.

    The index is a cache, so what goes wrong with it never stops a query: a damaged one is rebuilt, and one
    that cannot be kept where it belongs gives way to a temporary one in memory for this run, each with one
    warning. `ask` reads all it needs: the connection is closed when it returns. `refresh` looks at every
    file, not only at the folders (see `update`)."""
    from .read import CorpusError

    if not folder.is_dir():
        raise CorpusError(f"data folder not found: {folder}")
    notes: list[str] = []
    try:
        path: Path | None = index_file(folder)
    except Unusable as err:
        path, notes = None, [f"no place for the index ({err}); using a temporary one"]
    while path is not None:
        try:
            answer, warnings = _answer(folder, ask, (jobs, progress, refresh), path)
            return answer, notes + warnings
        except Unusable as err:
            if err.damaged and not notes and _discard(path):
                notes.append(f"index {path} was damaged ({err}); rebuilt")
            else:
                notes.append(f"cannot keep the index at {path} ({err}); using a temporary one")
                path = None
    answer, warnings = _answer(folder, ask, (jobs, progress, refresh), None)
    return answer, notes + warnings


def _answer(folder: Path, ask, how: tuple[int | None, bool, bool], path: Path | None):
    """`ask` answered from the index at `path` (None: a new one in memory). Whatever goes wrong with an index
    on disk comes out as `Unusable`."""
    jobs, progress, refresh = how
    if path is None:
        connection, warnings = update(folder, jobs, progress, None)
        with closing(connection):
            return ask(connection), warnings
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _writer(path):
            connection, warnings = update(folder, jobs, progress, path, refresh)
        with closing(connection):
            return ask(connection), warnings
    except Damaged as err:
        raise Unusable(str(err), damaged=True) from None
    except sqlite3.Error as err:
        raise Unusable(str(err), damaged=_primary_code(err) in DAMAGE) from None
    except OSError as err:
        raise Unusable(err.strerror or str(err)) from None


class Damaged(Exception):
    """The index holds what the tool never wrote there: JSON or pickled data that does not read back, or
    tables of another layout under this version's number."""


# SQLite's result codes for an index that is not what the tool wrote (not a database, corrupt pages, a
# missing table or column); the others (read-only, full, locked, cannot open ...) are about where it is kept.
DAMAGE = {"SQLITE_ERROR", "SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_MISMATCH", "SQLITE_CONSTRAINT",
          "SQLITE_RANGE", "SQLITE_FORMAT", "SQLITE_SCHEMA"}


def _primary_code(err: sqlite3.Error) -> str:
    """SQLITE_IOERR for SQLITE_IOERR_SHORT_READ: the primary result code's name."""
    return "_".join((getattr(err, "sqlite_errorname", None) or "SQLITE_ERROR").split("_")[:2])


def _discard(path: Path) -> bool:
    """Remove an index and its journal files; False when they cannot be removed."""
    try:
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def stored(text: str, kind: type = dict):
    """JSON the index wrote (an object, or a list of warnings); anything else is damage."""
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        value = None
    if not isinstance(value, kind):
        raise Damaged("stored JSON does not read back")
    return value


# ---------------------------------------------------------------- opening


SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles(name TEXT PRIMARY KEY, id TEXT, quick TEXT, fingerprint TEXT, info TEXT, warnings TEXT,
                      candidates BLOB);
CREATE INDEX articles_by_id ON articles(id);
CREATE TABLE events(id TEXT PRIMARY KEY, type TEXT, date TEXT, date_end TEXT, position INTEGER, json TEXT);
CREATE TABLE event_names(event TEXT, name TEXT);
CREATE INDEX event_names_by_name ON event_names(name);
CREATE INDEX events_by_date ON events(date);
CREATE INDEX events_by_type ON events(type);
CREATE VIRTUAL TABLE event_text USING fts5(id UNINDEXED, body, tokenize = 'porter unicode61');
"""


def open_index(path: Path, warnings: list[str]) -> sqlite3.Connection:
    """The index at `path`: created when absent, rebuilt with one warning when another version of the tool
    wrote it. Tables of another layout under this version's number are damage."""
    connection = _connect(path)
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION and _layout(connection) == _layout(_create(sqlite3.connect(":memory:"))):
            return connection
    except BaseException:
        connection.close()
        raise
    connection.close()
    if version == SCHEMA_VERSION:
        raise Damaged("its tables are not the ones this version of tariffs writes")
    if version != 0:
        warnings.append(f"index {path} is from another version of tariffs; rebuilt")
    _discard(path)
    return _create(_connect(path))


def _layout(connection: sqlite3.Connection) -> list[str]:
    return sorted(sql for (sql,) in connection.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))


def _create(connection: sqlite3.Connection) -> sqlite3.Connection:
    connection.executescript(SCHEMA)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.commit()
    return connection


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=60)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    return connection


@contextmanager
def _writer(path: Path):
    """One process at a time brings an index up to date; others wait, then find nothing left to do."""
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# ---------------------------------------------------------------- updating


def update(folder: Path, jobs: int | None = None, progress: bool = False,
           path: Path | None = None, refresh: bool = False) -> tuple[sqlite3.Connection, list[str]]:
    """Bring the index at `path` (None: a new one in memory) up to date for the folder and return it open,
    with the warnings of this run. Whoever calls it on a file holds that index's lock.

    When no folder under it and not the manifest changed since the last run looked (their stat, a handful of
    calls however many articles there are), the index is taken as it is; `refresh` looks at every file
    anyway, for an article edited in place, which changes no folder."""
    from .read import CorpusError, find_articles

    warnings: list[str] = []
    connection = open_index(path, warnings) if path else _create(sqlite3.connect(":memory:"))
    try:
        if path and not refresh and (kept := _unchanged(connection, folder)) is not None:
            return connection, warnings + kept
        started = time.time_ns()
        _forget_folder(connection)
        entries = read_manifest(folder / MANIFEST, warnings)
        found = find_articles(folder)
        if not found.articles:
            raise CorpusError(f"no articles in {folder}: {found.nothing_readable()}")
        warnings += unlisted_files(entries, set(found.articles)) + found.warnings()
        _refresh(connection, found.articles, entries, jobs, progress)
        warnings += [w for (text,) in connection.execute(
            "SELECT warnings FROM articles WHERE warnings IS NOT NULL ORDER BY name") for w in stored(text, list)]
        _remember_folder(connection, folder, found.folders, warnings, started)
    except BaseException:
        connection.close()
        raise
    return connection, warnings


# A stat time this close to the run that looked is not trusted: a filesystem with coarse times, or a change
# made while the run read the folder, could hide behind an equal time (git's "racily clean" entries).
RACY_NS = 2_000_000_000


def _folder_state(folder: Path, folders: list[str]) -> list[list] | None:
    """What stat says of the folder: each (sub)folder's inode and times, which change when a file is added,
    removed, or renamed into place as editors save, and the manifest's size and times. None when a folder
    is gone."""
    state: list[list] = []
    try:
        for name in folders:
            status = os.stat(folder / name)
            state.append([name, status.st_ino, status.st_mtime_ns, status.st_ctime_ns])
    except OSError:
        return None
    try:
        status = os.stat(folder / MANIFEST)
        state.append([MANIFEST, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns])
    except OSError:
        state.append([MANIFEST])
    return state


def _unchanged(connection: sqlite3.Connection, folder: Path) -> list[str] | None:
    """The last run's warnings when the folder is as that run left it and the extractor the same; else None.
    What the index holds there is its own bookkeeping: anything unexpected means looking again."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'folder'").fetchone()
    if row is None or _stale(connection):
        return None
    try:
        last = json.loads(row[0])
        folders = [entry[0] for entry in last["state"][:-1]]
        same = last["version"] == extractor_version() and _folder_state(folder, folders) == last["state"]
        return [str(w) for w in last["warnings"]] if same else None
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return None


def _forget_folder(connection: sqlite3.Connection) -> None:
    """A run that looks at every file first forgets what the last one saw, so a run cut short never leaves an
    index that a later run would take as current."""
    with connection:
        connection.execute("DELETE FROM meta WHERE key = 'folder'")


def _remember_folder(connection: sqlite3.Connection, folder: Path, folders: tuple[str, ...], warnings: list[str],
                     started: int) -> None:
    """Keep what stat says of the folder now that the index is current, unless a time is too recent to tell
    a later change from this one."""
    state = _folder_state(folder, list(folders))
    if state is None or any(time_ns >= started - RACY_NS for entry in state for time_ns in entry[-2:]
                            if isinstance(time_ns, int)):
        return
    with connection:
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('folder', ?)", (json.dumps(
            {"state": state, "version": extractor_version(), "warnings": warnings}),))


def _refresh(connection: sqlite3.Connection, files: dict[str, Path], entries: dict[str, ManifestEntry],
             jobs: int | None, progress: bool) -> None:
    """Read again what changed, forget what is gone, and merge anew when anything did."""
    known = {name: (quick, fingerprint) for name, quick, fingerprint in
             connection.execute("SELECT name, quick, fingerprint FROM articles")}
    todo, unchanged_quick = _changed(files, entries, known)
    with connection:
        connection.executemany("UPDATE articles SET quick = ? WHERE name = ?", unchanged_quick)
        gone = [(name,) for name in known if name not in files]
        connection.executemany("DELETE FROM articles WHERE name = ?", gone)
        if gone:
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('stale', '1')")
    if todo:
        _extract_all(connection, todo, entries, jobs, progress)
    if _stale(connection):
        _merge(connection)


def _quick_key(path: Path, entry: ManifestEntry | None) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}:{extractor_version()}:{entry!r}"


def _fingerprint(path: Path, entry: ManifestEntry | None) -> str:
    """The article's bytes, its manifest entry and the extractor, hashed a block at a time (a huge file is
    never held whole)."""
    digest = hashlib.sha1(f"{extractor_version()}|{entry!r}|".encode())
    with open(path, "rb") as file:
        while block := file.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _changed(files: dict[str, Path], entries: dict[str, ManifestEntry], stored: dict[str, tuple[str, str]]):
    """The files to read again, and the ones whose bytes turned out the same (a new quick key only)."""
    todo, same = [], []
    for name, path in files.items():
        try:
            quick = _quick_key(path, entries.get(name))
        except OSError:
            todo.append((name, path, None, None))
            continue
        if name in stored and stored[name][0] == quick:
            continue
        try:
            fingerprint = _fingerprint(path, entries.get(name))
        except OSError:
            todo.append((name, path, quick, None))
            continue
        if name in stored and stored[name][1] == fingerprint:
            same.append((quick, name))
        else:
            todo.append((name, path, quick, fingerprint))
    return todo, same


def _extract_one(job: tuple[str, str, ManifestEntry | None]) -> tuple[str, str | None, list[str], bytes | None]:
    """Read and extract one article (in a worker process): its facts, warnings and candidates."""
    from .pipeline import extract_article, undated_warning
    from .read import load_article

    name, location, entry = job
    warnings: list[str] = []
    raw = load_article(name, Path(location), entry, warnings)
    if raw is None:
        return name, None, warnings, None
    try:
        extraction = extract_article(raw)
    except Exception as err:  # noqa: BLE001 - one article the extractor cannot read must not cost the others
        warnings.append(f"{name}: skipped, the extractor failed on it ({type(err).__name__}: {err}); "
                        "please report this with the article")
        return name, None, warnings, None
    warnings += [w for w in [undated_warning(extraction.info)] if w]
    return name, extraction.info.model_dump_json(), warnings, pickle.dumps(extraction.found)


def _extract_all(connection: sqlite3.Connection, todo, entries, jobs: int | None, progress: bool) -> None:
    """Extract every changed article, in parallel across cores, saving each as it is done."""
    work = [(name, str(path), entries.get(name)) for name, path, _, _ in todo]
    keys = {name: (quick, fingerprint) for name, _, quick, fingerprint in todo}
    workers = worker_count(jobs, len(work))
    with _progress(len(work), progress) as advance:
        if workers == 1 or len(work) < 8:
            results = map(_extract_one, work)
            _save_all(connection, results, keys, advance)
        else:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=workers, initializer=_end_with_parent, initargs=(os.getpid(),)) as pool:
                results = pool.map(_extract_one, work, chunksize=max(1, min(64, len(work) // (workers * 8))))
                _save_all(connection, results, keys, advance)


def worker_count(jobs: int | None, articles: int) -> int:
    """How many processes read articles: what the user asked for (else every core), never more than there
    are articles to read or cores to run them on twice over."""
    cores = os.cpu_count() or 1
    return max(1, min(jobs or cores, articles, 2 * cores))


def _end_with_parent(parent: int) -> None:
    """A worker ends when the command that started it ends, however it ends (even `kill -9`): Linux sends it
    SIGTERM then, and a command already gone before that was asked for ends it at once. Elsewhere the pool's
    own shutdown is all there is."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)


def _save_all(connection: sqlite3.Connection, results, keys, advance) -> None:
    batch = []
    for result in results:
        batch.append(result)
        advance()
        if len(batch) >= 200:
            _save(connection, batch, keys)
            batch = []
    _save(connection, batch, keys)


def _save(connection: sqlite3.Connection, batch, keys) -> None:
    with connection:
        connection.executemany(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(name, article_id(name), keys[name][0], keys[name][1], info, json.dumps(warnings) if warnings else None,
              candidates) for name, info, warnings, candidates in batch])
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('stale', '1')")


@contextmanager
def _progress(total: int, wanted: bool):
    """A progress bar on the terminal for runs long enough to need one."""
    if not wanted or total < 50:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:  # never into the listing or a pipe
        task = bar.add_task("indexing articles", total=total)
        yield lambda: bar.advance(task)


def _stale(connection: sqlite3.Connection) -> bool:
    row = connection.execute("SELECT value FROM meta WHERE key = 'stale'").fetchone()
    return row is None or row[0] == "1"


def _merge(connection: sqlite3.Connection) -> None:
    """Merge every article's candidates into the timeline's events and store them for queries.

    Memory follows the number of distinct events, not of articles: the tellings folded into an event wait
    in a table until it is finished, and each finished event goes straight to the database, which puts the
    events in timeline order."""
    from .merge import merge_corpus

    rows = connection.execute("SELECT candidates FROM articles WHERE candidates IS NOT NULL ORDER BY name")
    aside = _TellingsAside(connection)
    gc.disable()  # hundreds of thousands of small objects: collection passes would only cost time here
    try:
        kept = merge_corpus((found for (blob,) in rows for found in _unpickled(blob)), aside.put)
        with connection:
            connection.execute("CREATE TEMP TABLE finished(id TEXT, type TEXT, date TEXT, date_end TEXT, json TEXT, "
                               "names TEXT, body TEXT)")
            _finish_all(connection, kept, aside)
            _store_finished(connection)
    finally:
        gc.enable()
        connection.execute("DROP TABLE IF EXISTS temp.finished")
        aside.close()


class _TellingsAside:
    """What each article said of an event already kept, waiting in a temporary table until the event is finished
    (an event told by thousands of articles would otherwise carry every telling for the whole merge)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection, self.waiting = connection, []
        connection.execute("CREATE TEMP TABLE IF NOT EXISTS aside(event INTEGER, tellings BLOB)")
        connection.execute("CREATE INDEX IF NOT EXISTS temp.aside_by_event ON aside(event)")

    def put(self, event, tellings: list) -> None:
        self.waiting.append((id(event), pickle.dumps(tellings)))  # kept events live through the merge: ids hold
        if len(self.waiting) >= 5000:
            self._flush()

    def in_order_of(self, kept: list) -> Iterator[tuple[int, list]]:
        """The tellings set aside, grouped by event, in the order of `kept` (each event's place in it)."""
        self._flush()
        self.connection.execute("CREATE TEMP TABLE places(event INTEGER PRIMARY KEY, place INTEGER)")
        self.connection.executemany("INSERT INTO places VALUES (?, ?)", ((id(k), n) for n, k in enumerate(kept)))
        rows = self.connection.execute("SELECT place, tellings FROM aside JOIN places USING (event) "
                                       "ORDER BY place, aside.rowid")
        for place, group in itertools.groupby(rows, key=lambda row: row[0]):
            yield place, [told for _, blob in group for told in pickle.loads(blob)]

    def _flush(self) -> None:
        if self.waiting:
            self.connection.executemany("INSERT INTO aside VALUES (?, ?)", self.waiting)
            self.waiting = []

    def close(self) -> None:
        self.connection.execute("DROP TABLE IF EXISTS temp.aside")
        self.connection.execute("DROP TABLE IF EXISTS temp.places")


def _finish_all(connection: sqlite3.Connection, kept: list, aside: _TellingsAside) -> None:
    """Each merged candidate made an event and written in the order the merge kept them, then let go."""
    waiting = aside.in_order_of(kept)
    pending = next(waiting, None)
    seen: dict[str, int] = {}
    batch = []
    for place in range(len(kept)):
        cand, kept[place] = kept[place], None
        if pending is not None and pending[0] == place:
            cand.tellings.extend(pending[1])
            pending = next(waiting, None)
        batch.append(_finished(cand, seen))
        if len(batch) >= 2000:
            connection.executemany("INSERT INTO finished VALUES (?, ?, ?, ?, ?, ?, ?)", batch)
            batch = []
    connection.executemany("INSERT INTO finished VALUES (?, ?, ?, ?, ?, ?, ?)", batch)


def _finished(cand, seen: dict[str, int]) -> tuple:
    """A merged candidate as the event it stands for: its id, type, days, JSON, names and words."""
    from .finish import number_repeated_id, to_event

    event = to_event(cand)
    number_repeated_id(event, seen)
    names = set(event.officials) | ({event.speaker} if getattr(event, "speaker", None) else set())
    return (event.id, event.type, _day(event.date), _day(event.date_end), event.model_dump_json(),
            json.dumps(sorted(names)), "\n".join([event.summary, *(source.text for source in event.sources)]))


def _store_finished(connection: sqlite3.Connection) -> None:
    """The finished events in timeline order (dated first, by day, type and id), with their names and words."""
    for table in ("events", "event_names", "event_text"):
        connection.execute(f"DELETE FROM {table}")
    connection.execute(
        "INSERT INTO events SELECT id, type, date, date_end, "
        "row_number() OVER (ORDER BY date IS NULL, date, type, id, rowid) - 1, json "
        "FROM finished ORDER BY date IS NULL, date, type, id, rowid")
    connection.execute("INSERT INTO event_names SELECT f.id, n.value FROM finished f, json_each(f.names) n")
    connection.execute("INSERT INTO event_text SELECT id, body FROM finished")
    connection.execute("INSERT OR REPLACE INTO meta VALUES ('stale', '0')")


def _unpickled(blob: bytes) -> list:
    """An article's stored candidates; bytes that do not unpickle (however they fail) are damage."""
    try:
        return pickle.loads(blob)
    except Exception:  # noqa: BLE001 - unpickling garbage fails in many ways, each of them damage
        raise Damaged("stored candidates do not read back") from None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


# ---------------------------------------------------------------- querying


def article_count(connection: sqlite3.Connection) -> int:
    return connection.execute("SELECT count(*) FROM articles WHERE info IS NOT NULL").fetchone()[0]


def select(connection: sqlite3.Connection, query: Query, with_articles: bool = True) -> tuple[list[dict], list[dict]]:
    """The articles' facts (when wanted) and the events passing the query's filters, in timeline order."""
    events = [stored(text) for text in _events(connection, query)]
    return ([stored(text) for text in _articles(connection)] if with_articles else []), events


def _articles(connection: sqlite3.Connection, ids: list[str] | None = None):
    """The stored facts of every article, or of the articles with these ids, in file-name order."""
    if ids is None:
        rows = connection.execute("SELECT info, json_valid(info) FROM articles WHERE info IS NOT NULL ORDER BY name")
    else:
        rows = connection.execute("SELECT info, json_valid(info) FROM articles WHERE info IS NOT NULL AND id IN "
                                  "(SELECT value FROM json_each(?)) ORDER BY name", (json.dumps(ids),))
    return (_valid(text, valid) for text, valid in rows)


def cited(events: list[dict]) -> list[str]:
    """The ids of the articles these events were read in."""
    return list(dict.fromkeys(source["article"] for event in events for source in event["sources"]))


def _valid(text: str, valid: int) -> str:
    """Stored JSON as it is, once SQLite has found it valid: an export never passes on what is not JSON."""
    if not valid:
        raise Damaged("stored JSON does not read back")
    return text


def _events(connection: sqlite3.Connection, query: Query):
    """The stored JSON of the events passing the query's filters, in timeline order, one at a time."""
    from .query import order, where

    clause, params = where(query, canonical_names(connection, query.officials) if query.officials else [])
    rows = connection.execute(f"SELECT json, json_valid(json) FROM events {clause} {order(query)}", params)
    return (_valid(text, valid) for text, valid in rows)


def canonical_names(connection: sqlite3.Connection, wanted: tuple[str, ...]) -> list[str]:
    """The stored names that the user's words mean (surname, alias, role phrase ...)."""
    from .officials import matches_official

    return [name for name in known_names(connection) if any(matches_official(words, name) for words in wanted)]


def known_names(connection: sqlite3.Connection) -> list[str]:
    """Everyone the timeline names: officials and speakers."""
    return [row[0] for row in connection.execute("SELECT DISTINCT name FROM event_names ORDER BY name")]


def document(connection: sqlite3.Connection, query: Query):
    """The `tariffs.timeline/1` document, piece by piece, assembled from JSON the models wrote: a large
    timeline is never held whole in memory. Unfiltered it lists every article; a query that keeps only some
    events lists the articles those events were read in, so its size follows what it shows."""
    if query.narrows():
        events = list(_events(connection, query))
        articles = _articles(connection, cited([stored(text) for text in events]))
    else:
        events, articles = _events(connection, query), _articles(connection)
    yield '{"schema": "tariffs.timeline/1", "articles": ['
    for number, info in enumerate(articles):
        yield (", " if number else "") + info
    yield '], "events": ['
    for number, text in enumerate(events):
        yield (", " if number else "") + text
    yield "]}\n"


def ids_starting(connection: sqlite3.Connection, start: str) -> list[str]:
    """The id itself when there is such an event, else every id that begins with `start` (as git takes a
    commit's first digits)."""
    if connection.execute("SELECT 1 FROM events WHERE id = ?", (start,)).fetchone():
        return [start]
    if not start:
        return []
    pattern = start.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return [row[0] for row in connection.execute("SELECT id FROM events WHERE id LIKE ? ESCAPE '\\' ORDER BY id",
                                                 (pattern,))]


def event(connection: sqlite3.Connection, event_id: str) -> dict | None:
    row = connection.execute("SELECT json FROM events WHERE id = ?", (event_id,)).fetchone()
    return stored(row[0]) if row else None


def article_infos(connection: sqlite3.Connection, events: list[dict]) -> dict[str, dict]:
    """The facts of the articles these events were read in, by id."""
    infos = (stored(info) for info in _articles(connection, cited(events)))
    return {info["id"]: info for info in infos}
