

from rag import evaluation as ev


def _ws(text):
    return " ".join(text.split())


def test_a_cited_title_is_not_an_answer(pipeline):
    answer = pipeline.ask("What tariff does the US now impose on Indian textiles?")
    title = answer.citations[0].title  # "Agriculture and dairy hold up India-US trade deal, ..."
    assert title in answer.text and ev.contains_answer(answer.text, ["dairy"])
    assert not ev.contains_answer(ev.answer_body(answer), ["dairy"])
    assert ev.contains_answer(ev.answer_body(answer), ["50%"])


def test_a_part_withheld_beside_a_right_part_is_judged_partly_withheld(pipeline):
    asked = "What was India's trade surplus with the US in 2024-25 and in 2018-19?"
    evidence = (("2025-05-20-goyal-lutnick-washington-talks.txt", "USD 41.18 billion in goods in 2024-25"),)

    def judged(first_part):
        q = ev.Question("x", asked, "multi_part", (first_part, "9.9 billion"), evidence, split="dev",
                        parts=((first_part,), ("9.9 billion",)))
        return ev.run_questions(pipeline, [q], modes=("hybrid",))[0]

    right = judged("41.18 billion")
    assert not right.correct and right.partly_withheld
    # a part answered wrong makes the whole answer wrong, whatever else is withheld
    assert not judged("12.5 billion").partly_withheld


def test_a_part_the_articles_do_not_cover_is_right_only_when_the_answer_says_so(pipeline):
    asked = "What was India's trade surplus with the US in 2024-25 and in 2018-19?"
    evidence = (("2025-05-20-goyal-lutnick-washington-talks.txt", "USD 41.18 billion in goods in 2024-25"),)

    def judged(parts):
        q = ev.Question("x", asked, "multi_part", tuple(a for part in parts for a in part), evidence, split="dev",
                        parts=parts)
        return ev.run_questions(pipeline, [q], modes=("hybrid",))[0]

    # 2018-19 is withheld, as it should be
    right = judged((("41.18 billion",), ()))
    assert right.correct and not right.partly_withheld
    # had the articles covered 2018-19 and not 2024-25, the answer given for 2024-25 would be wrong
    wrong = judged(((), ("9.9 billion",)))
    assert not wrong.correct and not wrong.partly_withheld

