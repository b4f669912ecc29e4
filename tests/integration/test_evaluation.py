

from rag import evaluation as ev


def _ws(text):
    return " ".join(text.split())


def test_a_cited_title_is_not_an_answer(pipeline):
    answer = pipeline.ask("What tariff does the US now impose on Indian textiles?")
    title = answer.citations[0].title  # "Agriculture and dairy hold up India-US trade deal, ..."
    assert title in answer.text and ev.contains_answer(answer.text, ["dairy"])
    assert not ev.contains_answer(ev.answer_body(answer), ["dairy"])
    assert ev.contains_answer(ev.answer_body(answer), ["50%"])
