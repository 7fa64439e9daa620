"""Entity extraction: city names with typos, places, dimensions and topics resolve to the right ids."""

import pytest


def ents(bot, text):
    return bot.nlu.parse(text).entities


@pytest.mark.parametrize("text, city", [
    ("ภูเกต", "phuket"),
    ("ภูเก็ตมีแผนอะไร", "phuket"),
    ("ขอนเเก่นได้รับรองเมื่อไหร่", "khon-kaen"),
    ("ขอนแก่นนนนน", "khon-kaen"),
    ("khonkaen smart city", "khon-kaen"),
    ("khon kaen", "khon-kaen"),
    ("khon kean plan", "khon-kaen"),
    ("where is wang chan", "wangchan-valley"),
    ("wangchan valley", "wangchan-valley"),
    ("วังจันทร์วัลเลย์อยู่ไหน", "wangchan-valley"),
    ("sam yan smart city", "samyan"),
    ("สามย่านทำอะไรบ้าง", "samyan"),
    ("mae moh", "mae-moh"),
    ("แม่เมาะได้กี่ smart", "mae-moh"),
    ("puket smart city", "phuket"),
])
def test_city_names_and_misspellings_resolve(bot, text, city):
    assert ents(bot, text).city == city


def test_longest_name_wins_over_the_name_inside_it(bot):
    e = ents(bot, "ภูเก็ตทินิคอนวัลเลย์ได้รับรองเมื่อไหร่")
    assert e.cities == ["phuket-tinicon-valley"]


def test_two_cities_in_one_question(bot):
    assert ents(bot, "ภูเก็ตกับขอนแก่นได้รับรองเมื่อไหร่").cities == ["phuket", "khon-kaen"]


@pytest.mark.parametrize("text, place", [
    ("which certified city is in Lampang", "lampang"),
    ("เมืองอัจฉริยะในลำปางมีที่ไหน", "lampang"),
    ("is Hat Yai one of the first five?", "hat-yai"),
    ("หาดใหญ่เป็นเมืองอัจฉริยะไหม", "hat-yai"),
    ("เชียงใหม่ได้รับรองไหม", "chiang-mai"),
])
def test_places_resolve(bot, text, place):
    assert ents(bot, text).places[0] == place


@pytest.mark.parametrize("text", [
    "แม่มาหาที่บ้านเมื่อวาน",
    "what is the weather like today",
    "ภูมิอากาศดีไหม",
    "ขอสูตรต้มยำกุ้งหน่อย",
])
def test_no_city_is_invented_for_unrelated_text(bot, text):
    assert ents(bot, text).cities == []


@pytest.mark.parametrize("text, dim", [
    ("smart energy คืออะไร", "energy"),
    ("what is smart mobility", "mobility"),
    ("การเดินทางและขนส่งอัจฉริยะหมายถึงอะไร", "mobility"),
])
def test_dimensions_resolve(bot, text, dim):
    assert ents(bot, text).dimensions[0] == dim


def test_topic_words_point_to_the_city_that_focuses_on_them(bot):
    e = ents(bot, "which city focuses on research and innovation")
    assert any("wangchan-valley" in cities for cities in e.topics.values())


@pytest.mark.parametrize("text, yes_no", [
    ("ขอนแก่นได้ตราด้วยใช่ไหม", True),
    ("is phuket a smart city", True),
    ("ภูเก็ตเป็นเมืองอัจฉริยะหรือเปล่าครับ", True),
    ("ขอนแก่นได้รับรองเมื่อไหร่", False),
    ("what is phuket planning", False),
])
def test_yes_no_questions_are_recognised(bot, text, yes_no):
    assert ents(bot, text).yes_no is yes_no
