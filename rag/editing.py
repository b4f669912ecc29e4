"""Editing the corpus, losing nothing: articles and exports are copied in after a check; a removed file
moves into ``.removed/``, a removed export record is listed in ``metadata.json`` (rag.corpus reads both)."""

from __future__ import annotations

import filecmp
import json
import shutil
import time
from pathlib import Path

from . import formats
from .corpus import (
    ARTICLE_SUFFIXES,
    METADATA_FILE,
    RECORD_MARK,
    REMOVED_DIR,
    article_files,
    load_metadata,
    read_article,
)
from .errors import RagError


def _save_metadata(corpus_dir: Path, data: dict) -> None:
    from .store.files import atomic_write

    atomic_write(corpus_dir / METADATA_FILE, lambda f: f.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n"))


def _check_addable(path: Path, fields: dict[str, str] | None, max_bytes: int | None) -> None:
    """A clear error now rather than a skipped file later."""
    if path.suffix.lower() not in formats.EXPORT_SUFFIXES:
        if fields:
            raise RagError("--fields applies to JSONL and CSV exports only")
        read_article(path, path.name, max_bytes=max_bytes)
        return
    problems = []
    for seen, (line, record) in enumerate(formats.records(path, fields, max_bytes)):
        if not isinstance(record, RagError):
            return
        problems.append(f"line {line}: {record}")
        if seen >= 99:
            break
    raise RagError(f"cannot add {path}: no usable record among the first {len(problems)} "
                   f"({problems[0] if problems else 'the file is empty'})")


def add_article(path: Path, corpus_dir: Path, fields: dict[str, str] | None = None, name: str | None = None,
                max_bytes: int | None = None) -> str:
    """Copy an article file or an export into the corpus (checked first); its name in the corpus.
    An export's field mapping (``fields``) is recorded in metadata.json."""
    path, corpus_dir = Path(path), Path(corpus_dir)
    if not path.is_file():
        raise RagError(f"cannot add {path}: no such file")
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise RagError(f"cannot add {path}: articles are {', '.join(ARTICLE_SUFFIXES)} files")
    try:
        _check_addable(path, fields, max_bytes)
    except UnicodeDecodeError:
        raise RagError(f"cannot add {path}: not UTF-8 text") from None
    target = corpus_dir / (name or path.name)
    if path.resolve() != target.resolve():
        if target.exists() and not filecmp.cmp(path, target, shallow=False):
            raise RagError(f"cannot add {path}: {target} already exists with other content")
        shutil.copyfile(path, target)  # streamed: an export of gigabytes is never in memory at once
    if fields:
        metadata = load_metadata(corpus_dir)
        entry = metadata.get(target.name) if isinstance(metadata.get(target.name), dict) else {}
        metadata[target.name] = {**entry, "fields": fields}
        _save_metadata(corpus_dir, metadata)
    return target.name


def remove_article(name: str, corpus_dir: Path) -> str:
    """Take an article out of the index, losing nothing: a file moves into ``.removed/`` (ignored by
    indexing); a record of an export ("export.jsonl#12") is listed as removed in metadata.json."""
    corpus_dir = Path(corpus_dir)
    export, mark, record = name.rpartition(RECORD_MARK)
    files = article_files(corpus_dir)
    if mark and any(p.relative_to(corpus_dir).as_posix() == export for p in files) \
            and export.lower().endswith(formats.EXPORT_SUFFIXES):
        metadata = load_metadata(corpus_dir)
        entry = metadata.get(export) if isinstance(metadata.get(export), dict) else {}
        removed = [str(r) for r in entry.get("removed", ())]
        if record in removed:
            raise RagError(f"cannot remove {name}: already removed")
        metadata[export] = {**entry, "removed": removed + [record]}
        _save_metadata(corpus_dir, metadata)
        return name
    matches = [p for p in files if p.relative_to(corpus_dir).as_posix() == name or p.name == name]
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
