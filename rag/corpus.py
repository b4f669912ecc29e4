"""Reading articles from a directory.

An article is a ``.txt`` or ``.md`` file. Its title, date, outlet and byline
come from a ``metadata.json`` beside it (keyed by the path relative to the
corpus directory) or from front matter at the top of the file::

    ---
    title: Goyal meets Lutnick in Washington
    date: 2025-05-20
    outlet: PTI
    ---

The text is tidied for reading (blank lines at the ends dropped, runs of
spaces collapsed, trailing spaces removed) without changing a word, and every
tidied character remembers its offset in the file, so a citation can point at
the exact span of the original.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .dates import is_date
from .errors import RagError
from .types import Article, ArticleMeta

ARTICLE_SUFFIXES = (".txt", ".md")
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


def _guess_title(text: str, path: Path) -> str:
    first = text.split("\n", 1)[0].strip()
    if 0 < len(first) <= 120 and not first.endswith("."):
        return first
    return path.stem.replace("_", " ").replace("-", " ")


def _load_metadata(corpus_dir: Path) -> dict:
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


_TEXT_FIELDS = ("title", "outlet", "byline")


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


def read_article(path: Path, source: str, meta: dict | None = None, max_bytes: int | None = None) -> Article:
    """Read one article file. Raises RagError if it is not UTF-8 text, too large, or its metadata is wrong."""
    if meta is not None and not isinstance(meta, dict):
        raise RagError(f"{METADATA_FILE}: the entry for {source!r} must be an object of fields, "
                       f"not {type(meta).__name__}")
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise RagError(f"{path} is {size / 1e6:.1f} MB; articles are limited to {max_bytes / 1e6:.1f} MB "
                           "(max_article_bytes in the config)")
        data = path.read_bytes()
    except OSError as exc:
        raise RagError(f"cannot read {path}: {exc.strerror}") from None
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
    text, offsets = tidy(raw[body_start:])
    offsets = offsets + body_start
    if not text.strip():
        raise RagError(f"{path} has no text")
    fields = _checked_fields({**front, **(meta or {})}, f"{METADATA_FILE} entry {source!r}" if meta else str(path))
    date = str(fields["date"]) if fields.get("date") is not None else None
    inferred = fields.get("date_inferred", False)
    if isinstance(inferred, str):
        inferred = inferred.lower() in ("true", "yes", "1")
    article_meta = ArticleMeta(
        source=source,
        title=str(fields.get("title") or _guess_title(text, path)),
        date=date,
        date_inferred=bool(inferred),
        outlet=str(fields["outlet"]) if fields.get("outlet") is not None else None,
        byline=str(fields["byline"]) if fields.get("byline") is not None else None,
        sha256=file_sha256(data),
    )
    return Article(meta=article_meta, text=text, raw_offsets=offsets)


def warn(message: str) -> None:
    print(f"rag: warning: {message}", file=sys.stderr)


def load_corpus(corpus_dir: str | Path, on_skip: Callable[[str], None] = warn, max_bytes: int | None = None,
                follow_links: bool = False, progress: bool = False) -> list[Article]:
    """Read every article under ``corpus_dir``. An article whose file or metadata is wrong (not UTF-8,
    too large, a field of the wrong type, an impossible date, unclosed front matter) is skipped with
    a warning that names the file and the field; a metadata file that is not a JSON object stops the run."""
    corpus_dir = Path(corpus_dir)
    metadata = _load_metadata(corpus_dir)
    from tqdm import tqdm

    articles = []
    paths = article_files(corpus_dir, follow_links, on_skip)
    for path in tqdm(paths, desc="reading", unit="file", disable=not progress or len(paths) < 2):
        source = path.relative_to(corpus_dir).as_posix()
        try:
            articles.append(read_article(path, source, metadata.get(source), max_bytes))
        except RagError as exc:
            on_skip(f"skipping {exc}")
    if not articles:
        raise RagError(f"no readable .txt or .md article in {corpus_dir}")
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
            result[path.relative_to(corpus_dir).as_posix()] = file_sha256(path.read_bytes())
        except OSError:
            continue
    return result


# ---------------------------------------------------------------- editing the corpus

def add_article(path: Path, corpus_dir: Path) -> str:
    """Copy an article file into the corpus (it must be readable UTF-8 text); its name in the corpus."""
    path, corpus_dir = Path(path), Path(corpus_dir)
    if not path.is_file():
        raise RagError(f"cannot add {path}: no such file")
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise RagError(f"cannot add {path}: articles are .txt or .md files")
    read_article(path, path.name)  # a clear error now rather than a skipped file later
    target = corpus_dir / path.name
    if path.resolve() == target.resolve():
        return target.name
    if target.exists() and target.read_bytes() != path.read_bytes():
        raise RagError(f"cannot add {path}: {target} already exists with other content")
    shutil.copyfile(path, target)
    return target.name


def remove_article(name: str, corpus_dir: Path) -> str:
    """Move an article out of the corpus into ``.removed/`` (ignored by indexing), losing nothing."""
    corpus_dir = Path(corpus_dir)
    matches = [p for p in article_files(corpus_dir)
               if p.relative_to(corpus_dir).as_posix() == name or p.name == name]
    if not matches:
        raise RagError(f"cannot remove {name}: no such article in {corpus_dir}")
    if len(matches) > 1:
        raise RagError(f"cannot remove {name}: several articles have that name; give its path")
    source = matches[0].relative_to(corpus_dir)
    target = corpus_dir / REMOVED_DIR / source
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target = target.with_name(f"{target.stem}.{int(time.time())}{target.suffix}")
    matches[0].rename(target)
    return source.as_posix()
