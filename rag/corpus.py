"""Reading articles from a directory.

An article is a ``.txt`` or ``.md`` file, a saved web page (``.html``), a PDF,
or one record of a JSONL or CSV export (:mod:`rag.formats` reads those). Its
title, date, outlet, byline and URL come from the file itself (the page's
metadata, the PDF's document info, the record's fields), from a
``metadata.json`` beside it (keyed by the path relative to the corpus
directory; it wins), or from front matter at the top of a text file::

    ---
    title: Goyal meets Lutnick in Washington
    date: 2025-05-20
    outlet: PTI
    ---

The text is tidied for reading (blank lines at the ends dropped, runs of
spaces collapsed, trailing spaces removed) without changing a word, and every
tidied character remembers its offset in the original (the file's text, or the
text extracted from a page, PDF or record, which is stored beside the index),
so a citation can point at the exact span of the original.

An export's entry in ``metadata.json`` holds its field mapping and the records
removed from the index: ``{"fields": {"text": "body", ...}, "removed": ["12"]}``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from . import formats
from .dates import is_date
from .errors import RagError
from .store.files import file_record
from .types import Article, ArticleMeta

TEXT_SUFFIXES = (".txt", ".md")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + formats.HTML_SUFFIXES + formats.PDF_SUFFIXES + formats.EXPORT_SUFFIXES
RECORD_MARK = "#"  # an export's record is named "export.jsonl#<id or line>"
METADATA_FILE = "metadata.json"
REMOVED_DIR = ".removed"  # where removed articles are kept; hidden folders are never indexed


def tidy(raw: str) -> tuple[str, np.ndarray]:
    """Tidy ``raw`` for reading and return it with the offset of each kept character.

    Hand-written because it must keep the character offsets into the original,
    which text-cleaning libraries throw away.
    """
    out: list[str] = []
    offsets: list[int] = []
    for match in re.finditer(r"[^\n]*\n?", raw):
        line_start = match.start()
        line = match.group().rstrip("\n").rstrip("\r")
        indent = len(line) - len(line.lstrip())
        line_start += indent
        line = line[indent:]
        body = line.rstrip()
        if not body:
            # blank line: keep at most one in a row, none at the start
            if out and not (len(out) >= 2 and out[-1] == "\n" and out[-2] == "\n"):
                out.append("\n")
                offsets.append(line_start)
            continue
        prev_space = False
        for i, ch in enumerate(body):
            if ch in " \t\u00a0":
                if prev_space:
                    continue
                prev_space = True
                ch = " "
            else:
                prev_space = False
            out.append(ch)
            offsets.append(line_start + i)
        out.append("\n")
        offsets.append(line_start + len(line))
    while out and out[-1] == "\n":
        out.pop()
        offsets.pop()
    end = offsets[-1] + 1 if offsets else 0
    return "".join(out), np.asarray(offsets + [end], dtype=np.int64)


def _split_front_matter(raw: str) -> tuple[dict, int]:
    """Parse a ``---`` front matter block; return its fields and where the body starts."""
    match = re.match(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|\Z)", raw, re.S)
    if not match:
        if re.match(r"\A\ufeff?---[ \t]*\r?\n", raw):
            raise RagError("front matter is not closed (no second '---' line)")
        return {}, 0
    fields = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, match.end()


def _guess_title(text: str, fallback: str) -> str:
    first = text.split("\n", 1)[0].strip()
    if 0 < len(first) <= 120 and not first.endswith("."):
        return first
    return fallback


def load_metadata(corpus_dir: Path) -> dict:
    path = corpus_dir / METADATA_FILE
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RagError(f"cannot read {path}: {exc}") from None
    if not isinstance(data, dict):
        raise RagError(f"{path} must hold a JSON object keyed by article path")
    return data


def check_corpus_dir(corpus_dir: str | Path) -> Path:
    """``corpus_dir`` as a Path, or a RagError that says how to point at the articles."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise RagError(f"corpus directory not found: {corpus_dir} (give the folder of articles with --corpus DIR, "
                       "or set RAG_CORPUS)")
    return corpus_dir


def article_files(corpus_dir: Path, follow_links: bool = False,
                  on_skip: Callable[[str], None] | None = None) -> list[Path]:
    """Every article file under ``corpus_dir``, in a stable order; hidden folders are left out.

    A link (to a file or a folder) that leads outside the corpus is not followed unless
    ``follow_links``: indexing must not read what the corpus only points at.
    """
    corpus_dir = check_corpus_dir(corpus_dir)
    root = corpus_dir.resolve()
    found, seen = [], set()
    for folder, dirs, names in os.walk(corpus_dir, followlinks=follow_links):
        real = Path(folder).resolve()
        if real in seen:  # a link loop
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            path = Path(folder) / name
            if path.suffix.lower() not in ARTICLE_SUFFIXES or not path.is_file():
                continue
            inside = path.resolve().is_relative_to(root) and real.is_relative_to(root)
            if not inside and not follow_links:
                if on_skip:
                    on_skip(f"skipping {path}: a link to {path.resolve()}, outside the corpus "
                            "(--follow-links reads it)")
                continue
            found.append(path)
    return sorted(found)


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_TEXT_FIELDS = ("title", "outlet", "byline", "url")


def _checked_fields(fields: dict, where: str) -> dict:
    """The metadata fields, each of the type it must have; a RagError naming ``where`` and the field."""
    for name in _TEXT_FIELDS:
        value = fields.get(name)
        if value is not None and not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise RagError(f"{where}: {name} must be text, not {type(value).__name__}")
    date = fields.get("date")
    if date is not None and (isinstance(date, bool) or not isinstance(date, (str, int)) or not is_date(str(date))):
        raise RagError(f"{where}: date {date!r} is not a real date written YYYY, YYYY-MM or YYYY-MM-DD")
    inferred = fields.get("date_inferred", False)
    if not isinstance(inferred, (bool, str)):
        raise RagError(f"{where}: date_inferred must be true or false, not {inferred!r}")
    return fields


def _read_bytes(path: Path, max_bytes: int | None) -> bytes:
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise RagError(f"{path} is {size / 1e6:.1f} MB; articles are limited to {max_bytes / 1e6:.1f} MB "
                           "(max_article_bytes in the config)")
        return path.read_bytes()
    except OSError as exc:
        raise RagError(f"cannot read {path}: {exc.strerror}") from None


def _text_file(data: bytes, path: Path) -> tuple[formats.Extracted, int]:
    """A .txt/.md file's text (the whole file is the original) and where its body starts."""
    if b"\x00" in data:
        raise RagError(f"{path} is a binary file, not text")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RagError(f"{path} is not UTF-8 text") from None
    try:
        front, body_start = _split_front_matter(raw)
    except RagError as exc:
        raise RagError(f"{path}: {exc}") from None
    return formats.Extracted(raw, front), body_start


def make_article(extracted: formats.Extracted, source: str, sha256: str, meta: dict | None, where: str,
                 body_start: int = 0, fallback_title: str = "") -> Article:
    """An Article from extracted text and fields; ``meta`` (metadata.json) wins over what the file says."""
    text, offsets = tidy(extracted.text[body_start:])
    offsets = offsets + body_start
    if not text.strip():
        raise RagError(f"{where} has no text")
    fields = _checked_fields({**extracted.fields, **(meta or {})},
                             f"{METADATA_FILE} entry {source!r}" if meta else where)
    date = str(fields["date"]) if fields.get("date") is not None else None
    inferred = fields.get("date_inferred", False)
    if isinstance(inferred, str):
        inferred = inferred.lower() in ("true", "yes", "1")

    def text_field(name):
        return str(fields[name]) if fields.get(name) is not None else None

    article_meta = ArticleMeta(
        source=source, title=str(fields.get("title") or _guess_title(text, fallback_title)), date=date,
        date_inferred=bool(inferred), outlet=text_field("outlet"), byline=text_field("byline"),
        url=text_field("url"), pages=extracted.pages, sha256=sha256,
    )
    return Article(meta=article_meta, text=text, raw_offsets=offsets, original=extracted.text)


def read_article(path: Path, source: str, meta: dict | None = None, max_bytes: int | None = None) -> Article:
    """Read one article file (text, HTML or PDF). Raises RagError if it cannot be read, is too large,
    has no text, or its metadata is wrong."""
    if meta is not None and not isinstance(meta, dict):
        raise RagError(f"{METADATA_FILE}: the entry for {source!r} must be an object of fields, "
                       f"not {type(meta).__name__}")
    data = _read_bytes(path, max_bytes)
    suffix = path.suffix.lower()
    body_start = 0
    if suffix in formats.HTML_SUFFIXES:
        extracted = formats.html_article(data, str(path))
    elif suffix in formats.PDF_SUFFIXES:
        extracted = formats.pdf_article(data, str(path))
    else:
        extracted, body_start = _text_file(data, path)
    return make_article(extracted, source, file_sha256(data), meta, str(path), body_start,
                        path.stem.replace("_", " ").replace("-", " "))


def read_export(path: Path, source: str, meta: dict | None, max_bytes: int | None,
                on_skip: Callable[[str], None]) -> Iterator[Article]:
    """The articles of a JSONL/CSV export, one per record, read a record at a time. A record that cannot
    be an article (no text, broken JSON, a wrong field) is reported with its line number and skipped."""
    meta = meta if isinstance(meta, dict) else {}
    mapping = meta.get("fields")
    if mapping is not None and (not isinstance(mapping, dict)
                                or not all(isinstance(v, str) for v in mapping.values())):
        raise RagError(f"{METADATA_FILE} entry {source!r}: fields must map field names to column names")
    if mapping is not None:
        mapping = formats.parse_fields(",".join(f"{k}={v}" for k, v in mapping.items()))
    removed = {str(r) for r in meta.get("removed", ())}
    try:
        for line, record in formats.records(path, mapping, max_bytes):
            if isinstance(record, RagError):
                on_skip(f"skipping record at {path}:{line}: {record}")
                continue
            name = f"{source}{RECORD_MARK}{record.fields.pop('id', line)}"
            if name.rsplit(RECORD_MARK, 1)[1] in removed:
                continue
            sha = file_sha256(json.dumps([record.text, record.fields], sort_keys=True).encode())
            try:
                yield make_article(record, name, sha, None, f"{path}:{line}", fallback_title=name)
            except RagError as exc:
                on_skip(f"skipping record at {path}:{line}: {exc}")
    except UnicodeDecodeError:
        raise RagError(f"{path} is not UTF-8 text") from None
    except (OSError, csv.Error) as exc:
        raise RagError(f"cannot read {path}: {exc}") from None


def warn(message: str) -> None:
    print(f"rag: warning: {message}", file=sys.stderr)


PARALLEL_FROM = 32  # pages and PDFs to parse before a pool of processes pays for its start-up


def _read_one(job: tuple[Path, str, dict | None, int | None]) -> Article | str:
    try:
        return read_article(*job)
    except RagError as exc:
        return f"skipping {exc}"


def _parsed(jobs: list[tuple]) -> Iterator[Article | str]:
    """read_article over ``jobs``, in order; HTML and PDF parsing (the slow part) in a process pool
    when there are enough of them and more than one core."""
    slow = sum(1 for job in jobs if job[0].suffix.lower() not in TEXT_SUFFIXES)
    workers = min(os.cpu_count() or 1, 8)
    if slow < PARALLEL_FROM or workers < 2:
        yield from map(_read_one, jobs)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        # fork, as PyTorch's own DataLoader workers do after torch is loaded: the children only parse, and
        # forkserver or spawn would re-run the caller's main module in each child
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_read_one, jobs, chunksize=4))
    except (BrokenProcessPool, OSError):
        # no pool here (no /dev/shm, a process limit): one process, the same results
        results = map(_read_one, jobs)
    yield from results


def iter_corpus(corpus_dir: str | Path, on_skip: Callable[[str], None] = warn, max_bytes: int | None = None,
                follow_links: bool = False, progress: bool = False) -> Iterator[Article]:
    """Every article under ``corpus_dir``, in a stable order, one at a time (see :func:`load_corpus`)."""
    corpus_dir = Path(corpus_dir)
    metadata = load_metadata(corpus_dir)
    from tqdm import tqdm

    paths = article_files(corpus_dir, follow_links, on_skip)
    bar = tqdm(total=len(paths), desc="reading", unit="file", disable=not progress or len(paths) < 2)
    jobs = []
    for path in paths + [None]:
        if path is None or path.suffix.lower() in formats.EXPORT_SUFFIXES:
            for result in _parsed(jobs):  # files before an export, parsed together
                bar.update(1)
                if isinstance(result, str):
                    on_skip(result)
                else:
                    yield result
            jobs = []
            if path is None:
                break
            source = path.relative_to(corpus_dir).as_posix()
            try:
                yield from read_export(path, source, metadata.get(source), max_bytes, on_skip)
            except RagError as exc:
                on_skip(f"skipping {exc}")
            bar.update(1)
        else:
            source = path.relative_to(corpus_dir).as_posix()
            jobs.append((path, source, metadata.get(source), max_bytes))
    bar.close()


def load_corpus(corpus_dir: str | Path, on_skip: Callable[[str], None] = warn, max_bytes: int | None = None,
                follow_links: bool = False, progress: bool = False) -> list[Article]:
    """Read every article under ``corpus_dir``. An article whose file or metadata is wrong (not UTF-8,
    too large, a field of the wrong type, an impossible date, unclosed front matter, a PDF with no text
    layer, an export record with no text) is skipped with a warning that names the file (and line) and
    the field; a metadata file that is not a JSON object stops the run."""
    articles = list(iter_corpus(corpus_dir, on_skip, max_bytes, follow_links, progress))
    if not articles:
        raise RagError(f"no readable article in {corpus_dir} "
                       f"({', '.join(ARTICLE_SUFFIXES)} files)")
    return articles


def corpus_fingerprint(corpus_dir: str | Path, follow_links: bool = False) -> dict[str, str]:
    """sha256 of every article file and of the metadata file, keyed by relative path."""
    corpus_dir = Path(corpus_dir)
    paths = article_files(corpus_dir, follow_links)
    if (corpus_dir / METADATA_FILE).exists():
        paths.append(corpus_dir / METADATA_FILE)
    result = {}
    for path in paths:
        try:
            # read in blocks: an export of gigabytes is hashed without being held in memory
            result[path.relative_to(corpus_dir).as_posix()] = file_record(path)["sha256"]
        except OSError:
            continue
    return result
