"""Entity extraction: city names with typos, places, dimensions and topics resolve to the right ids."""

import pytest

from helpers import first_line


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


@pytest.mark.parametrize("text, whole, parts", [
    ("khon kaen tram noy cost", "khon-kaen-lrt", {"khon-kaen", "khon-kaen-tram-noy"}),
    ("ขอนแก่นแทรมน้อยยาวกี่กิโล", "khon-kaen-lrt", {"khon-kaen", "khon-kaen-tram-noy"}),
])
def test_a_name_that_swallows_the_start_of_the_next_gives_way_to_both(bot, text, whole, parts):
    # ("khon kaen tram" is the light rail's name, but "tram noy" after "khon kaen" is the loop)
    subjects = set(ents(bot, text).subjects)
    assert parts <= subjects and whole not in subjects


def test_tram_noy_spelt_as_it_sounds_is_tram_noy(bot):
    # ("ทราม" for "แทรม": the loop's name as people spell "tram")
    assert ents(bot, "ทรามน้อยจะเปิดให้นั่งปีไหน").subjects == ["khon-kaen-tram-noy"]


def test_a_fuller_name_of_the_same_thing_still_wins(bot):
    assert "smart-city-bus-route-24" not in ents(bot, "khon kaen smart city bus fare").subjects


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


@pytest.mark.parametrize("text, subject", [
    ("KKTS ทำอะไร", "kkts"),
    ("ปตท. เกี่ยวอะไรกับวังจันทร์", "ptt"),
    ("when will the light rail open", "khon-kaen-lrt"),
    ("กฟผ.ทำอะไรที่แม่เมาะ", "egat"),
    ("what does depa do", "depa"),
])
def test_organisations_and_projects_are_linked(bot, text, subject):
    assert subject in ents(bot, text).subjects


@pytest.mark.parametrize("text", ["what is a smart city?", "the finance department", "nancy asked about it"])
def test_latin_names_match_whole_words_only(bot, text):
    e = ents(bot, text)
    assert e.cities == [] and e.places == [] and "depa" not in e.subjects


@pytest.mark.parametrize("text, yes_no", [
    ("ขอนแก่นได้ตราด้วยใช่ไหม", True),
    ("is phuket a smart city", True),
    ("ภูเก็ตเป็นเมืองอัจฉริยะหรือเปล่าครับ", True),
    ("ขอนแก่นได้รับรองเมื่อไหร่", False),
    ("what is phuket planning", False),
])
def test_yes_no_questions_are_recognised(bot, text, yes_no):
    assert ents(bot, text).yes_no is yes_no


@pytest.mark.parametrize("text, first_five", [
    ("ภูเก็ตเป็น 1 ใน 5 เมืองนำร่องไหม", True),
    ("is korat one of the first five?", True),
    ("นอกจาก 5 เมืองแรกแล้ว ปี 2564 มีที่ไหนอีก", False),  # the others
    ("apart from the first five, which areas were certified?", False),
    ("รายชื่อ 7 พื้นที่นำร่องตอนเริ่มโครงการ", False),  # pilots of another round
    ("was nan in the first group of five cities?", True),
    ("เมืองนำร่องทั้ง 7 พื้นที่มีที่ไหน", False),
    ("how big is the siam square cableless pilot", False),  # a project's name, not the first five
])
def test_the_first_five_qualifier(bot, text, first_five):
    assert ents(bot, text).first_five is first_five


def test_fact_texts_are_prepared_once_per_catalogue_and_never_with_another_catalogue():
    """Bots built in one process with the same names share the prepared fact texts; a catalogue with one
    more name (a staff edit adding an alias) prepares its own, so the new name is removed from the texts."""
    from intents.entities import EntityExtractor, Term

    from bot.service import fact_text_preparer

    terms = [Term("city", "phuket", "ภูเก็ต"), Term("city", "khon-kaen", "ขอนแก่น")]
    first = fact_text_preparer(EntityExtractor(terms))
    assert fact_text_preparer(EntityExtractor(list(reversed(terms)))) is first
    text = "แผนของภูเก็ตและเกาะยาวคืออะไร"
    with_island = fact_text_preparer(EntityExtractor([*terms, Term("city", "koh-yao", "เกาะยาว")]))
    assert with_island is not first
    assert "ภูเก็ต" not in first(text) and "เกาะยาว" in first(text)
    assert "เกาะยาว" not in with_island(text)


@pytest.mark.parametrize("text", ["who sits on the steering committee", "คณะกรรมการขับเคลื่อนมีใครบ้าง"])
def test_the_steering_committee_by_its_short_name(bot, text):
    assert "smart-city-steering-committee" in ents(bot, text).subjects


@pytest.mark.parametrize("text", ["ได้โลโก้เมื่อไหร่", "แม่เมาะได้โลโก้ปีไหน"])
def test_the_logo_alone_is_the_smart_city_logo(bot, text):
    assert "smart-city-logo" in ents(bot, text).subjects


@pytest.mark.parametrize("text, loei", [
    ("จังหวัดเลยมีพื้นที่ได้ตราบ้างไหม", True),
    ("จ.เลยมีสมาร์ทซิตี้ไหม", True),
    ("ภูเก็ตได้ตราทั้งจังหวัดเลยใช่ไหม", False),  # the whole province, then the particle
    ("สามย่านได้ตราแล้วเลยใช่มะ", False),
    ("วังจันทร์วัลเลย์อยู่ที่ไหน", False),
])
def test_loei_is_named_only_as_a_province(bot, text, loei):
    # "เลย" is the province of Loei and an everyday particle
    assert ("loei" in ents(bot, text).places) == loei


@pytest.mark.parametrize("text, nan", [
    ("น่านได้ตราเมืองอัจฉริยะปีไหน", True),  # the name alone, first, before a verb
    ("แล้วน่านล่ะ", True),
    ("จังหวัดน่านมีสมาร์ทซิตี้ไหม", True),
    ("น่านน้ำไทยกว้างแค่ไหน", False),  # "waters", not Nan
    ("ห้ามบินในน่านฟ้าเมืองไหน", False),  # "airspace"
])
def test_nan_is_named_alone_but_not_inside_waters_or_airspace(bot, text, nan):
    e = ents(bot, text)
    assert ("nan" in e.places or "nan" in e.cities) == nan, (e.places, e.cities)


def test_a_misspelt_name_is_found_whichever_of_its_spellings_the_catalogue_lists_first():
    """"Mae Moh" and "maemoh" are one key; a typo of the two-word name is found in either order of the
    catalogue (the order came from a set, so the answer changed from one worker start to the next)."""
    from intents.entities import EntityExtractor, Term

    terms = [Term("city", "mae-moh", "Mae Moh"), Term("city", "mae-moh", "maemoh")]
    for order in (terms, list(reversed(terms))):
        assert EntityExtractor(order).extract("does mae mohs power plant use coal").cities == ["mae-moh"]


def test_a_misspelt_latin_name_is_masked_like_one_spelt_right(bot):
    # (left in, "wangchang vally" read as unknown words: the classifier said out of scope and the bot refused)
    ent = bot.nlu.extractor.extract("wangchang vally smart city")
    assert ent.cities == ["wangchan-valley"] and "wangchang" not in ent.masked and "vally" not in ent.remainder
    assert ent.masked.split() == ["zcity", "smart", "city"]


def test_a_bare_misspelt_area_name_gets_its_overview(convo):
    r = convo.say("wangchang vally smart city")
    assert not r.fallback and "Wangchan Valley" in first_line(r)


def test_a_university_said_as_people_say_it_is_found(bot):
    # ("มหาลัย" for "มหาวิทยาลัย")
    assert "cmu-smart-city" in ents(bot, "มหาลัยเชียงใหม่สมาร์ทซิตี้ได้ตราปีไหน").subjects
