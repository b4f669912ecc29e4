"""The glue around the archive parsers: field mappings, record dates, PDF page clean-up, record reading."""

import json

import pytest

from rag.errors import RagError
from rag.formats import furniture_lines as furniture
from rag.formats import page_text, parse_fields, record_date, records
from rag.types import ArticleMeta


def test_field_mappings_are_parsed_and_mistakes_named():
    assert parse_fields("text=body, title=headline,date=published_at") == {
        "text": "body", "title": "headline", "date": "published_at"}
    assert parse_fields("title=headline")["text"] == "text"  # text keeps its own name unless mapped
    with pytest.raises(RagError, match="unknown field 'colour'"):
        parse_fields("colour=red")
    with pytest.raises(RagError, match="not FIELD=COLUMN"):
        parse_fields("text")


@pytest.mark.parametrize("value, expected", [
    ("2026-02-20", "2026-02-20"), ("2026-02", "2026-02"), ("2026-02-20T09:00:00Z", "2026-02-20"),
    ("2026-02-20 09:00:00+05:30", "2026-02-20"), ("Mon, 05 Jan 2026 10:00:00 +0000", "2026-01-05"), ("", None),
])
def test_record_dates_from_iso_and_feed_formats(value, expected):
    assert record_date(value) == expected


def test_a_record_date_that_is_neither_is_an_error():
    with pytest.raises(RagError, match="not ISO 8601"):
        record_date("last Tuesday")


def test_pdf_furniture_page_numbers_and_hyphens_are_removed():
    pages = [["DAILY NEWS 12 May", "Talks resumed in", "Delhi on Monday. The minis-", "ter spoke.", "Page 1"],
             ["DAILY NEWS 13 May", "Exports rose.", "2 / 2"]]
    found = furniture(pages)
    assert found == {"DAILY NEWS # May"}
    assert page_text(pages[0], found) == "Talks resumed in Delhi on Monday. The minister spoke."
    assert page_text(pages[1], found) == "Exports rose."


def test_records_stream_with_line_numbers_and_report_bad_ones(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join([json.dumps({"text": "One.", "date": "2026-01-02", "extra": 1}), "[1, 2]", "",
                               json.dumps({"text": "Two.", "title": ["a", "list"]}),
                               json.dumps({"text": "x" * 50})]) + "\n")
    got = list(records(path, None, max_chars=40))
    assert [line for line, _ in got] == [1, 2, 4, 5]
    assert got[0][1].text == "One." and got[0][1].fields == {"date": "2026-01-02"}
    assert "must be an object" in str(got[1][1])
    assert "must be text, not list" in str(got[2][1])
    assert "limited to 40" in str(got[3][1])


def test_pages_map_offsets_to_page_numbers_and_survive_the_round_trip():
    meta = ArticleMeta(source="a.pdf", title="A", pages=(0, 120, 300))
    assert [meta.page_at(o) for o in (0, 119, 120, 999)] == [1, 1, 2, 3]
    assert ArticleMeta.from_dict(meta.to_dict()) == meta
    assert "pages" not in ArticleMeta(source="b.txt", title="B").to_dict()
