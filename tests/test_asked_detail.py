"""The fact that holds what is asked, among facts of the same subject: a number given with its noun, a venue
in a fact's detail, a plural noun that a verb only looks like, a possessive written without its apostrophe."""

import pytest

from knowledge.answerable import unmentioned
from knowledge.retrieval import Query, _counted_asked, _numbers_with


def test_a_plural_noun_is_not_mentioned_by_a_verb_that_doubles_its_last_letter():
    assert unmentioned(["stops"], "the operator stopped service in 2023") == ["stops"]
    assert unmentioned(["plans"], "the city planned a tram") == ["plans"]
    assert unmentioned(["stops"], "a bus stop at the terminal") == []
    assert unmentioned(["stop"], "the operator stopped service") == []  # (the verb asked is the verb said)


def test_numbers_asked_with_what_they_count():
    assert _counted_asked("which are the 12 pilot zones") == (("12", frozenset({"pilot"})),)
    assert [n for n, _ in _counted_asked("ประชุม 6 พ.ค. 64 ใน 15 พื้นที่")] == ["15"]  # (no day, no year)
    assert _counted_asked("is the target 40 smart towns?") == ()  # a number claimed, not a group named
    assert _numbers_with("the 4 early pilot zones and the 9 pilot cities", frozenset({"pilot"})) == {"4", "9"}
    assert _numbers_with("เกณฑ์มี 4 ข้อ และ 7 ด้าน ข้อมูล", frozenset({"ข้อ"})) == {"4"}


def test_the_fact_giving_the_number_asked_with_its_noun_comes_first(bot):
    index = bot.dialogue.knowledge.index
    seven = index.search(Query("7 พื้นที่นำร่องมีจังหวัดอะไรบ้าง", "th", [], [], "list", {}), limit=1)
    assert "7" in seven[0].fact.answer.th and "ชลบุรี" in seven[0].fact.answer.th
    five = index.search(Query("5 เมืองนำร่องมีที่ไหนบ้าง", "th", [], [], "list", {}), limit=1)
    assert "ชลบุรี" not in five[0].fact.answer.th


@pytest.mark.parametrize("text, city", [
    ("phukets ranking in the tscci", "phuket"),
    ("what are mae mohs goals", "mae-moh"),
])
def test_a_possessive_without_its_apostrophe_names_the_city(bot, text, city):
    assert city in bot.nlu.parse(text).entities.cities


def test_a_count_of_stops_is_not_answered_by_when_the_bus_stopped(convo):
    r = convo.say("how many bus stops does route 24 have")
    assert r.fallback and "stopped" not in r.text


def test_a_venue_only_the_detail_gives_is_told(convo):
    r = convo.say("สถานที่จัดงาน Smart City Thailand Takeoff อยู่ไหน")
    assert "ไฮแอท" in r.text


def test_a_route_asked_in_other_words_finds_the_line_not_its_loop(bot):
    index = bot.dialogue.knowledge.index
    hits = index.search(Query("วิ่งจากไหนไปไหนคะ", "th", ["khon-kaen-lrt"], [], None, {}), limit=1)
    assert "สำราญ" in hits[0].fact.answer.th


def test_the_day_named_picks_that_days_event(bot):
    index = bot.dialogue.knowledge.index
    hits = index.search(Query("what took place on 24 december", "en", [], [], None, {}), limit=1)
    assert hits[0].fact.date == "2021-12-24"
