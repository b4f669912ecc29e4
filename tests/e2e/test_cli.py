"""The command line, run as a user runs it: a real process, real model, real index."""

import json
import shutil

import pytest

from tests.conftest import CORPUS, rag

DEFICIT = "How big was the US goods trade deficit with India in 2024?"


@pytest.fixture(scope="module")
def built_index(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-index")
    proc = rag("index", "--index", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "indexed" in proc.stdout
    return path


def test_ask_json_contract(built_index):
    proc = rag("ask", "--json", "--index", str(built_index), DEFICIT)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["question"] == DEFICIT and not data["abstained"]
    assert "45.7 billion" in data["answer"]
    first = data["citations"][0]
    assert set(first) >= {"n", "source", "title", "date", "chunk_id", "text", "quote", "start", "end"}
    assert "45.7 billion" in first["quote"]
    raw = (CORPUS / first["source"]).read_text(encoding="utf-8")
    assert " ".join(raw[first["start"]:first["end"]].split()) == " ".join(first["quote"].split())
    assert {p["chunk_id"] for p in data["passages"]} >= {c["chunk_id"] for c in data["citations"]}


def test_ask_prints_answer_and_sources(built_index):
    proc = rag("ask", "--index", str(built_index), "--mode", "bm25", "-k", "3", DEFICIT)
    assert proc.returncode == 0, proc.stderr
    assert "45.7 billion" in proc.stdout and "Sources:" in proc.stdout and "[1]" in proc.stdout


def test_ask_abstains(built_index):
    proc = rag("ask", "--json", "--index", str(built_index), "Who is the Prime Minister of the United Kingdom?")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["abstained"] is True and data["answer"] == "The articles don't say." and data["citations"] == []


def test_last_year_is_read_from_the_day_given(built_index):
    question = "What was the US goods trade deficit with India last year?"
    proc = rag("ask", "--json", "--index", str(built_index), "--today", "2025-06-01", question)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert not data["abstained"] and data["short_answer"] == "$45.7 billion" and data["question"] == question
    proc = rag("ask", "--json", "--index", str(built_index), "--today", "2026-12-06", question)
    assert json.loads(proc.stdout)["abstained"] is True
    proc = rag("ask", "--index", str(built_index), "--today", "June 2025", question)
    assert proc.returncode != 0 and "today must be a day like" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_ask_reads_questions_from_stdin(built_index):
    stdin = f"{DEFICIT}\n\nWho is the US Commerce Secretary?\n{'x' * 5000}\n"
    proc = rag("ask", "--json", "--index", str(built_index), "-", stdin=stdin)
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(lines) == 3
    assert "45.7 billion" in lines[0]["answer"] and "Lutnick" in lines[1]["answer"]
    assert "limit" in lines[2]["error"]
    assert proc.returncode == 1  # one question failed; the others were answered
    assert "Traceback" not in proc.stderr


def test_index_is_a_no_op_when_up_to_date(built_index):
    proc = rag("index", "--index", str(built_index))
    assert proc.returncode == 0 and "up to date" in proc.stdout and "nothing to embed" in proc.stdout


def _error(proc):
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("rag: error")]
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.mark.parametrize("question,message", [("", "empty"), ("   \t ", "empty"), ("why " * 400, "limit")])
def test_bad_questions(question, message):
    assert message in _error(rag("ask", question))


def test_eval_typed_in_lower_case_writes_no_baseline():
    # the baseline is the questions as written; asked in lower case they are measured, never the reference
    assert "writes no baseline" in _error(rag("eval", "--lower-case", "--update-baseline"))


def test_missing_corpus(tmp_path):
    assert "corpus directory not found" in _error(rag("ask", "--corpus", str(tmp_path / "nope"), "Anything?"))


def test_corpus_with_no_readable_article(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    proc = rag("ask", "--corpus", str(tmp_path), "--index", str(tmp_path / "idx"), "Anything?")
    assert "no readable" in _error(proc)
    assert "skipping" in proc.stderr and "bad.txt" in proc.stderr


def test_non_utf8_file_is_skipped_with_a_warning(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "latin1.txt").write_bytes("Caf\xe9 au lait tariffs".encode("latin-1"))
    proc = rag("ask", "--json", "--corpus", str(corpus), "--index", str(tmp_path / "idx"), DEFICIT)
    assert proc.returncode == 0, proc.stderr
    assert "latin1.txt" in proc.stderr and "not UTF-8" in proc.stderr
    assert "45.7 billion" in json.loads(proc.stdout)["answer"]


def test_corrupt_index_is_rebuilt(built_index, tmp_path):
    index = tmp_path / "idx"
    shutil.copytree(built_index, index)
    gen = index / (index / "CURRENT").read_text().strip()
    (gen / "dense.faiss").write_bytes(b"half-written")
    proc = rag("ask", "--json", "--index", str(index), DEFICIT)
    assert proc.returncode == 0, proc.stderr
    assert "corrupt" in proc.stderr and "45.7 billion" in json.loads(proc.stdout)["answer"]


def test_index_from_another_model_is_reported_with_no_build(built_index, tmp_path):
    index = tmp_path / "idx"
    shutil.copytree(built_index, index)
    gen = index / (index / "CURRENT").read_text().strip()
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["model"]["name"] = "all-mpnet-base-v2"
    (gen / "manifest.json").write_text(json.dumps(manifest))
    message = _error(rag("ask", "--no-build", "--index", str(index), DEFICIT))
    assert "all-mpnet-base-v2" in message and "rag index" in message


def test_unknown_model_is_a_clear_error(tmp_path):
    message = _error(rag("ask", "--model", "no-such-model-xyz", "--index", str(tmp_path / "i"), DEFICIT))
    assert "no-such-model-xyz" in message


def test_cli_filters_and_their_errors(index_dir, pipeline):
    proc = rag("ask", "--json", "--index", str(index_dir), "--source", "2026-*", "-k", "20",
               "What is the status of the trade deal?")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["passages"] and all(p["source"].startswith("2026-") for p in data["passages"])
    proc = rag("ask", "--index", str(index_dir), "--until", "2020", "Anything?")
    assert proc.returncode == 1 and "no article matches the filters (--until 2020)" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = rag("ask", "--since", "last week", "Anything?")
    assert proc.returncode == 1 and "--since must be a date" in proc.stderr


@pytest.mark.parametrize("command", [["ask", "--json"], ["index"], ["index", "--force"]])
def test_an_empty_embeddings_file_is_recovered_from(built_index, tmp_path, command):
    index = tmp_path / "idx"
    shutil.copytree(built_index, index)
    gen = index / (index / "CURRENT").read_text().strip()
    (gen / "embeddings.npy").write_bytes(b"")
    proc = rag(*command, "--index", str(index), *([DEFICIT] if command[0] == "ask" else []))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "EOFError" not in proc.stderr
    if command[0] == "ask":
        assert "45.7 billion" in json.loads(proc.stdout)["answer"] and "corrupt" in proc.stderr
    assert rag("index", "--verify", "--index", str(index)).returncode == 0


def test_verify_reports_a_changed_file(built_index, tmp_path):
    index = tmp_path / "idx"
    shutil.copytree(built_index, index)
    gen = index / (index / "CURRENT").read_text().strip()
    articles = gen / "articles.json"
    articles.write_text(articles.read_text().replace("Anjali Sharma", "Anjali Shxrma"))
    message = _error(rag("index", "--verify", "--index", str(index)))
    assert "articles.json was changed" in message


def test_a_missing_onnx_export_is_made_again_once(built_index, tmp_path):
    env = {"XDG_CACHE_HOME": str(tmp_path / "cleared-cache")}  # the index was built with another cache
    first = rag("ask", "--index", str(built_index), DEFICIT, env=env)
    assert first.returncode == 0, first.stderr
    assert "ONNX export" in first.stderr and "exporting it once" in first.stderr and "45.7 billion" in first.stdout
    assert list((tmp_path / "cleared-cache" / "rag-news" / "onnx").rglob("model.onnx"))
    second = rag("ask", "--index", str(built_index), DEFICIT, env=env)
    assert second.returncode == 0 and "ONNX export" not in second.stderr


def test_indexing_shows_progress_while_reading_chunking_and_embedding(tmp_path):
    proc = rag("index", "--index", str(tmp_path / "idx"))
    assert proc.returncode == 0, proc.stderr
    shown = proc.stderr.replace("\r", "\n")
    for stage, unit in (("reading", "file"), ("chunking", "article"), ("embedding", "chunk")):
        assert f"{stage}: 100%" in shown and f"{unit}/s" in shown, stage


def test_an_export_is_indexed_from_the_command_line_and_answers_with_its_url(tmp_path, built_index):
    from tests.archive_fixtures import FIELDS, write_csv

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    index = tmp_path / "index"
    shutil.copytree(built_index, index)
    export = write_csv(tmp_path / "wire.csv")
    done = rag("index", "--corpus", str(corpus), "--index", str(index), "--from-csv", str(export), "--fields", FIELDS)
    assert done.returncode == 0, done.stderr
    assert "added export wire.csv" in done.stderr and "wire.csv:3: no text in field 'body'" in done.stderr
    assert "embedded" in done.stdout and json.loads((corpus / "metadata.json").read_text())["wire.csv"]["fields"]
    asked = rag("ask", "--json", "--no-build", "--corpus", str(corpus), "--index", str(index),
                "What bilateral trade goal did Vietnam and India set?")
    answer = json.loads(asked.stdout)
    assert answer["citations"][0]["source"] == "wire.csv#2" and answer["citations"][0]["url"] == \
        "https://wire.example/vn-in"
    bad = rag("index", "--corpus", str(corpus), "--index", str(index), "--from-csv", str(export), "--fields", "body")
    assert bad.returncode != 0 and "not FIELD=COLUMN" in bad.stderr and "Traceback" not in bad.stderr
