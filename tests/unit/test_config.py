"""Every configuration value is checked in one place, with a one-line error."""

import pytest

from rag.config import Config
from rag.errors import RagError


@pytest.mark.parametrize("overrides,message", [
    ({"k": "six"}, "k must be int"),
    ({"k": 0}, "k must be at least 1"),
    ({"k": True}, "k must be int"),
    ({"mode": "magic"}, "mode must be one of hybrid, dense, bm25"),
    ({"fusion": "max"}, "fusion must be one of rrf, convex"),
    ({"encoder_backend": "gpu"}, "encoder_backend must be one of"),
    ({"store": "nowhere"}, "store must be one of local"),
    ({"chunk_tokens": 8}, "chunk_tokens must be at least 16"),
    ({"chunk_overlap": 200}, "chunk_overlap must be >= 0"),
    ({"abstain_threshold": "high"}, "abstain_threshold must be float"),
    ({"sentence_weight": 1.5}, "sentence_weight must be from 0 to 1"),
    ({"meaning_threshold": -0.1}, "meaning_threshold must be from 0 to 1"),
    ({"chunk_vectors": "pooled"}, "chunk_vectors must be one of sentences, model"),
    ({"nonsense": 1}, "unknown configuration key"),
    ({"today": "2026-13-01"}, "today must be a day like"),
    ({"today": "2026-12"}, "today must be a day like"),
    ({"today": 20261206}, "today must be a day like"),
])
def test_bad_values_are_one_line_errors(overrides, message):
    with pytest.raises(RagError, match=message):
        Config().replace(**overrides)


def test_overrides_apply_and_none_is_ignored(tmp_path):
    config = Config().replace(k=3, mode=None, dense_weight=1, corpus_dir=str(tmp_path))
    assert config.k == 3 and config.mode == "hybrid" and config.dense_weight == 1 and config.corpus_dir == tmp_path


def test_config_files(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text('k = 4\nfusion = "convex"\n')
    assert Config.from_file(good).fusion == "convex"
    bad = tmp_path / "bad.toml"
    bad.write_text('k = "six"\n')
    with pytest.raises(RagError, match="k must be int"):
        Config.from_file(bad)
    (tmp_path / "broken.toml").write_text("k = \n")
    with pytest.raises(RagError, match="cannot read config file"):
        Config.from_file(tmp_path / "broken.toml")
    with pytest.raises(RagError, match="not found"):
        Config.from_file(tmp_path / "missing.toml")


def test_paths_may_be_given_as_strings():
    assert Config(index_dir="some/where").index_dir.parts == ("some", "where")
    with pytest.raises(RagError, match="corpus_dir must be PosixPath|corpus_dir must be"):
        Config().replace(corpus_dir=3)


def test_the_day_questions_are_asked_on():
    import datetime
    assert Config(today="2025-06-01").asked_on() == datetime.date(2025, 6, 1)
    assert Config().asked_on() == datetime.date.today()
