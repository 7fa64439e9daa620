"""Facts that fit a first question alike: the one the question is about comes first; a status asked (a promotion
zone) is not answered with the other one (the logo)."""

from helpers import first_line
from knowledge.retrieval import Query


def test_between_facts_that_fit_alike_the_one_first_about_the_thing_named_wins(bot):
    # PKCD's own overview and its chairman's overview (about PKCD too) say nothing of the question's words:
    # the company's own fact answers a question about the company.
    index = bot.dialogue.knowledge.index
    hits = index.search(Query("where did it begin", "en", ["pkcd"], [], None, {}), limit=3)
    assert hits[0].fact.about[0] == "pkcd"



def test_a_promotion_zone_asked_is_not_answered_with_the_logo(convo):
    # the logo's date fits "since when has it been ..." better in words once the names are removed, but it is
    # the date of another status
    r = convo.say("since when has Mae Moh been a promotion zone")
    assert "2019" in first_line(r)
    assert not r.fallback
