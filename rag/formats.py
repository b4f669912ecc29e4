"""Text and metadata out of the formats news archives come in: HTML pages, PDFs, JSONL and CSV exports.

Each reader returns :class:`Extracted`: the article's text as it will be quoted
(the "original" that citation offsets point into, stored beside the index) and
its metadata fields, named as in ``metadata.json`` (title, date, date_inferred,
outlet, byline, url). Parsing is left to libraries made for it: trafilatura
(main text, boilerplate removal, metadata; dates through htmldate) and pypdf.
What is written here is only the glue and the clean-up those libraries leave
to the caller (PDF page furniture and hyphenation).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from .errors import RagError

HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
EXPORT_SUFFIXES = (".jsonl", ".csv")
# the fields a record may fill, and what each is called in an article's metadata
RECORD_FIELDS = {"text": "text", "title": "title", "date": "date", "outlet": "outlet", "url": "url",
                 "author": "byline", "byline": "byline", "id": "id"}


@dataclass
class Extracted:
    text: str
    fields: dict = field(default_factory=dict)
    pages: tuple[int, ...] = ()  # where each page starts in ``text`` (PDFs)


# ---------------------------------------------------------------- HTML


def html_article(data: bytes, where: str) -> Extracted:
    """Main text and metadata of a saved news page; menus, comments and related links left out."""
    import trafilatura

    try:
        html = data.decode("utf-8")
    except UnicodeDecodeError:
        html = data.decode("latin-1")  # older pages; trafilatura reads the <meta charset> itself otherwise
    # deduplicate stays off: trafilatura's duplicate filter is a cache shared by every page the process
    # reads, so a second copy of a page (a syndicated story) would come back empty.
    # Only markup dates (article:published_time, JSON-LD, <time>) count as the page's own date;
    # a date found by searching the text is marked as inferred.
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                      favor_precision=True, deduplicate=False,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None or not (doc.text or "").strip():
        raise RagError(f"{where}: no article text found in the page")
    fields = {"title": doc.title, "outlet": doc.sitename or doc.hostname, "byline": doc.author, "url": doc.url}
    date, inferred = doc.date, False
    if not date:
        found = trafilatura.extract_metadata(html, extensive=True)
        date, inferred = (found.date if found else None), True
    if date:
        fields.update(date=date, date_inferred=inferred)
    return Extracted(_drop_title_line(doc.text, doc.title), {k: v for k, v in fields.items() if v})


def _drop_title_line(text: str, title: str | None) -> str:
    """trafilatura keeps the headline as the first line of the text; it is the title, not a sentence."""
    first, _, rest = text.partition("\n")
    return rest if title and first.strip() == title.strip() and rest.strip() else text


# ---------------------------------------------------------------- PDF

_PAGE_NUMBER = re.compile(r"^\W*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?\W*$", re.I)
_ENDS_SENTENCE = re.compile(r"[.!?:;\"'”’)\]]$")


def furniture_lines(pages: list[list[str]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages (running heads, footers), digits ignored."""
    if len(pages) < 2:
        return set()
    edges = Counter()
    for lines in pages:
        edges.update({re.sub(r"\d+", "#", line.strip()) for line in lines[:2] + lines[-2:] if line.strip()})
    return {line for line, n in edges.items() if n >= max(2, 0.6 * len(pages))}


def page_text(lines: list[str], furniture: set[str]) -> str:
    kept = [line.strip() for line in lines
            if line.strip() and not _PAGE_NUMBER.match(line.strip())
            and re.sub(r"\d+", "#", line.strip()) not in furniture]
    out = ""
    for line in kept:
        if not out:
            out = line
        elif re.search(r"[a-z]-$", out) and line[:1].islower():
            out = out[:-1] + line  # a word hyphenated across the line break
        elif _ENDS_SENTENCE.search(out):
            out += "\n" + line
        else:
            out += " " + line  # a line wrapped inside a sentence
    return out


def pdf_article(data: bytes, where: str) -> Extracted:
    """Text of each page (headers, footers and page numbers removed, hyphenation undone); a RagError
    for a PDF with no text layer (a scan), which would need OCR."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [(page.extract_text() or "").splitlines() for page in reader.pages]
        info = reader.metadata or {}
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise RagError(f"{where}: not a readable PDF ({exc})") from None
    furniture = furniture_lines(pages)
    texts = [page_text(lines, furniture) for lines in pages]
    if not any(t.strip() for t in texts):
        raise RagError(f"{where}: the PDF has no text layer (a scanned page?); it needs OCR, skipped")
    starts, text = [], ""
    for page in texts:
        text += "\n\n" if text else ""
        starts.append(len(text))
        text += page
    fields = {"title": info.get("/Title"), "byline": info.get("/Author")}
    created = info.get("/CreationDate")
    match = re.match(r"D:(\d{4})(\d{2})(\d{2})", str(created or ""))
    if match:  # the file's date, not necessarily the article's
        fields.update(date="-".join(match.groups()), date_inferred=True)
    return Extracted(text, {k: str(v) for k, v in fields.items() if v}, tuple(starts))


# ---------------------------------------------------------------- JSONL and CSV exports


def parse_fields(spec: str) -> dict[str, str]:
    """``text=body,title=headline,...`` as {field: column}; a RagError naming what is wrong."""
    mapping = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, sep, column = part.partition("=")
        name, column = name.strip().lower(), column.strip()
        if not sep or not column:
            raise RagError(f"--fields: {part!r} is not FIELD=COLUMN")
        if name not in RECORD_FIELDS:
            raise RagError(f"--fields: unknown field {name!r} (known: {', '.join(RECORD_FIELDS)})")
        mapping[name] = column
    if "text" not in mapping:
        mapping["text"] = "text"
    return mapping


def record_date(value) -> str | None:
    """A record's date as YYYY-MM-DD, from ISO 8601 (with or without a time) or RFC 2822 (feeds)."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
        return text
    for parse in (lambda t: datetime.fromisoformat(t.replace("Z", "+00:00")), parsedate_to_datetime):
        try:
            return parse(text).date().isoformat()
        except (ValueError, TypeError, IndexError):
            continue
    raise RagError(f"date {text!r} is not ISO 8601 or RFC 2822")


def records(path: Path, mapping: dict[str, str] | None, max_chars: int | None = None
            ) -> Iterator[tuple[int, Extracted | RagError]]:
    """Each record of a JSONL or CSV export as (line number, Extracted), or (line, error) for a record
    that cannot be an article; the file is read a record at a time, never whole."""
    mapping = mapping or {name: name for name in RECORD_FIELDS}
    with open(path, encoding="utf-8", newline="") as handle:
        if path.suffix.lower() == ".csv":
            if max_chars:
                csv.field_size_limit(max(max_chars, 131072))
            reader = csv.DictReader(handle)
            rows = ((reader.line_num, row) for row in reader)
        else:
            rows = _json_lines(handle)
        for line, row in rows:
            try:
                yield line, _record(row, mapping, max_chars)
            except RagError as exc:
                yield line, exc


def _json_lines(handle) -> Iterator[tuple[int, dict | RagError]]:
    for line, raw in enumerate(handle, start=1):
        if not raw.strip():
            continue
        try:
            yield line, json.loads(raw)
        except json.JSONDecodeError as exc:
            yield line, RagError(f"not JSON ({exc.msg})")


def _record(row, mapping: dict[str, str], max_chars: int | None) -> Extracted:
    if isinstance(row, RagError):
        raise row
    if not isinstance(row, dict):
        raise RagError(f"a record must be an object, not {type(row).__name__}")
    text = row.get(mapping["text"])
    if not isinstance(text, str) or not text.strip():
        raise RagError(f"no text in field {mapping['text']!r}")
    if max_chars is not None and len(text) > max_chars:
        raise RagError(f"text is {len(text):,} characters; articles are limited to {max_chars:,}")
    fields = {}
    for name, column in mapping.items():
        value = row.get(column)
        if name == "text" or value in (None, ""):
            continue
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise RagError(f"field {column!r} must be text, not {type(value).__name__}")
        fields[RECORD_FIELDS[name]] = record_date(value) if name == "date" else str(value)
    return Extracted(text, fields)
