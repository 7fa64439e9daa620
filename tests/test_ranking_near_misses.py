"""Facts that fit a first question alike: the one the question is about comes first."""

from knowledge.retrieval import Query


def test_between_facts_that_fit_alike_the_one_first_about_the_thing_named_wins(bot):
    # PKCD's own overview and its chairman's overview (about PKCD too) say nothing of the question's words:
    # the company's own fact answers a question about the company.
    index = bot.dialogue.knowledge.index
    hits = index.search(Query("where did it begin", "en", ["pkcd"], [], None, {}), limit=3)
    assert hits[0].fact.about[0] == "pkcd"

