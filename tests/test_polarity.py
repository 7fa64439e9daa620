"""Yes or no read from a fact's answer: numbers, negation, coverage, years; and no verdict when unsure."""

import pytest

from intents.features import tokenize
from intents.normalize import normalize
from knowledge.polarity import numbers, stood_in_for, units_asked, verdict


def v(question: str, answer: str, asked: str | None = None, **kw):
    q = normalize(question)
    return verdict(q, tokenize(normalize(asked) if asked is not None else q), answer, **kw)


def test_numbers_skip_years_and_thousands_separators():
    assert numbers("ปี 2564 มี 6 ด้าน พื้นที่ 3,454 ไร่ คะแนน 83.55%") == {"6", "3454", "83.55"}


@pytest.mark.parametrize("question, answer, expected", [
    ("มี 7 ด้านใช่มั้ย", "แผนมี 6 เสาหลัก", "no"),
    ("ได้ที่ 1 ใช่ไหม", "ได้อันดับ 1 ด้วยคะแนน 83.55%", "yes"),
    ("is the fare 20 baht?", "The flat fare was 15 baht.", "no"),
    ("does it have to be a city?", "The area does not have to be a city; any area can apply.", "no"),
    ("did visitors have to pay an entry fee?", "Visitors came in without an entry fee from 2019.", "no"),
    ("ครอบคลุมทั้งจังหวัดใช่ไหม", "ครอบคลุมพื้นที่ทั้งจังหวัดขอนแก่น", "yes"),
    ("is it near the sea?", "It covers 3,454 rai in Rayong.", None),  # not settled by the fact
])
def test_verdicts(question, answer, expected):
    assert v(question, answer) == expected


def test_must_or_only_one_kind_is_no_when_the_fact_allows_several():
    allowed = "ผู้พัฒนาเมืองเป็นได้ทั้งเทศบาล จังหวัด รัฐวิสาหกิจ มหาวิทยาลัย หรือเอกชน"
    assert v("ผู้พัฒนาเมืองต้องเป็นเทศบาลเท่านั้นใช่ไหม", allowed) == "no"
    assert v("must a city developer be a municipality?",
             "A city developer can be a municipality, a province, a state enterprise or a private company.") == "no"


def test_a_count_one_of_several_in_the_fact_confirms_nothing():
    # whose count is which, the figures alone cannot tell
    assert v("แผนสามย่านมีแค่ 3 smarts ใช่ไหม", "แม่เมาะมีแผน 3 Smarts ส่วนสามย่านและภูเก็ตมีแผนครบ 7 Smarts") is None
    # (two figures of two different things, neither someone else's, still confirm the one claimed)
    assert v("is the campus 90 km from Chiang Mai?", "The campus is 90 km from Chiang Mai and 40 km from the coast.") == "yes"


def test_a_thai_claim_that_denies_a_count_the_fact_states_is_no():
    assert v("ขอนแก่นไม่ได้อยู่ใน 5 เมืองแรกใช่ไหม", "ขอนแก่นเป็น 1 ใน 5 เมืองนำร่อง") == "no"


def test_a_hedge_word_adds_nothing_to_check():
    # "an actual city" claims no more than "a city"
    assert v("does the zone have to be an actual city to apply?",
             "The area does not have to be a city; any area with potential can apply.") == "no"


def test_a_number_inside_a_name_is_no_evidence_for_yes():
    # "the 7 Smarts" is a name: the fact naming it too says nothing about the question.
    assert v("does the BOI use the 7 smarts?", "Other labels for the 7 Smarts are seen.", asked="does the BOI use the") is None


def test_years_settle_a_question_about_when():
    assert v("ได้รับรองปี 2563 ใช่ไหม", "ได้รับรองปี 2564", years=frozenset({2020}), fact_years=frozenset({2021})) == "no"
    assert v("certified in 2021?", "certified in 2021", years=frozenset({2021}), fact_years=frozenset({2021})) == "yes"


def test_two_named_things_the_fact_relates_are_a_yes():
    assert v("X อยู่ใน Y ป่ะ", "Y เป็นที่ตั้งของ X", asked="อยู่ใน ป่ะ", names_agree=True) == "yes"
    assert v("X อยู่ใน Y ป่ะ", "Y เป็นที่ตั้งของ X", asked="อยู่ใน ป่ะ", names_agree=False) is None


def test_a_dated_fact_cannot_confirm_that_something_is_still_so():
    assert v("ปัจจุบันเขายังเป็นผู้อำนวยการอยู่หรือไม่", "เขาเป็นผู้อำนวยการในปี 2564", asked="ปัจจุบันยังเป็นผู้อำนวยการอยู่หรือไม่") is None
    assert v("is he still the director?", "He was the director in 2021.") is None


def test_a_matching_number_in_a_denial_is_no_yes():
    assert v("is that the official list of 7?", "Those criteria do not match the official 7.") != "yes"


@pytest.mark.parametrize("question, answer, expected", [
    ("are they trying to become a logistics centre", "The plan makes the town a logistics centre.", "yes"),
    ("is the city putting sensors on lamp posts", "The project puts sensors on lamp posts.", "yes"),
    ("เมืองจะทำศูนย์ข้อมูลด้วยหรอ", "เมืองมีแผนตั้งศูนย์ข้อมูลเมือง", "yes"),
    ("are they trying to become a logistics centre", "The plan makes the town a tourism centre.", None),
])
def test_light_and_modal_verbs_only_ask(question, answer, expected):
    assert v(question, answer) == expected


def test_a_fact_of_another_year_that_says_all_else_asked_denies():
    years = dict(years=frozenset({2030}), fact_years=frozenset({2027}), close=False)
    assert v("สถานีจะเปิดปี 2573 ใช่ไหม", "สถานีมีกำหนดเปิดในปี 2570", **years) == "no"
    assert v("will the station open in 2030?", "The station is due to open in 2027.", **years) == "no"
    # a neighbouring fact that is about something else of another year settles nothing
    assert v("สถานีจะเปิดปี 2573 ใช่ไหม", "มีการลงนามสัญญาในปี 2570", **years) is None


def test_a_claim_about_all_of_them_is_denied_by_one_that_counts_otherwise():
    answer = "Of the 5 pilots, one plan covers 3 Smarts and the other plans cover 7 Smarts."
    assert v("do all five pilots cover 7 smarts?", answer) == "no"
    assert v("does the plan cover 7 smarts?", "The plan covers 7 Smarts.") == "yes"


@pytest.mark.parametrize("question, answer, expected", [
    ("is the permit permanent?", "The permit is valid for 3 years and can be renewed.", "no"),
    ("ใบอนุญาตใช้ได้ตลอดไปไหม", "ใบอนุญาตมีอายุ 3 ปี และต่ออายุได้", "no"),
    ("is the permit permanent?", "The permit was issued in 2020 by the city.", None),  # says nothing of how long
])
def test_for_good_is_denied_by_a_fact_that_says_how_long_it_lasts(question, answer, expected):
    assert v(question, answer) == expected


@pytest.mark.parametrize("question, answer, years, fact_years", [
    # a place asked ("ที่ 1") that the fact does not state: its year alone does not make a yes
    ("ได้ที่ 1 ปี 66 ใช่ไหม", "3 อันดับแรกปี 2566 คือ ก 83.60% ข 76.78% และ ค 53.81%", {2023}, {2023}),
    # the number asked, but in another year's fact
    ("ได้อันดับ 1 ปี 66 ใช่ไหม", "ก เป็นอันดับ 1 ในดัชนีปี 2567", {2023}, {2024}),
])
def test_no_yes_from_a_year_or_a_number_alone(question, answer, years, fact_years):
    assert v(question, answer, years=frozenset(years), fact_years=frozenset(fact_years), close=False) != "yes"


def test_a_count_naming_a_group_is_not_a_place_asked():
    assert v("was it among the 15 areas certified in 2021?", "It received the logo on 24 December 2021.",
             years=frozenset({2021}), fact_years=frozenset({2021}), close=False) == "yes"


@pytest.mark.parametrize("question, answer, expected", [
    # a denial said before what the question asks is all said denies it ("ไม่จำเป็นต้อง" is one)
    ("ต้องเป็นเทศบาลเท่านั้นถึงจะยื่นได้ใช่มั้ย", "ผู้ยื่นไม่จำเป็นต้องเป็นเทศบาล หน่วยงานใดก็ยื่นได้", "no"),
    # ...but one that comes after everything asked is said is about something else
    ("ศูนย์นี้เปิดให้นักเรียนเข้าชมฟรีใช่มั้ย",
     "ศูนย์นี้เปิดให้นักเรียนเข้าชมฟรี โดยไม่มีข้อมูลเรื่องเวลาเปิดปิด", "yes"),
])
def test_a_denial_counts_where_it_stands(question, answer, expected):
    assert v(question, answer) == expected


def test_the_smart_city_domain_is_no_content_word():
    # "smart city" is in every question: "can a college be a smart city developer" asks about a college
    answer = "A developer can be a municipality, a state enterprise, a college or a private firm."
    assert v("can a college be a smart city developer?", answer, asked="can a college be a smart") == "yes"
    # ...but "an actual city" asks about being a city
    assert v("does the applicant have to be a city?", "The applicant does not have to be a city.") == "no"


def test_the_figure_asked_of_another_year_is_a_no():
    assert v("is the 250-school goal for 2035?", "The goal is 250 schools in 40 provinces by 2030.",
             years=frozenset({2035}), fact_years=frozenset({2030})) == "no"


def test_a_plan_said_and_then_denied_is_a_no():
    # "expected in 2022, but that did not happen": the denial after what is asked still denies it
    assert v("the bridge was to open in 2022, right?", "The bridge was expected to open in 2022, but that did not "
             "happen; it now opens in 2026.") == "no"


@pytest.mark.parametrize("question, units", [("กี่จังหวัด", {"province"}), ("in how many provinces?", {"province"}),
                                             ("ได้กี่เปอร์เซ็นต์", {"percent"}), ("score?", {"percent"}),
                                             ("how many smart cities", {"city"}), ("when?", set())])
def test_the_unit_a_count_question_asks_for(question, units):
    assert units_asked(question) == units


@pytest.mark.parametrize("question, answer, expected", [
    # being certified is receiving the logo; running an area is being its developer
    ("was nan certified?", "Nan received the smart city logo in 2022.", "yes"),
    ("ปตท.บริหารที่นี่ใช่ไหม", "ปตท. เป็นผู้พัฒนาเมืองของพื้นที่นี้", "yes"),
    # a tag after a statement only asks
    ("nan has a logo, correct?", "Nan received the smart city logo in 2022.", "yes"),
    # a state body is no private firm, and the other way round
    ("is EGAT a private company?", "EGAT is a state enterprise under the Ministry of Energy.", "no"),
    ("บริษัทนี้เป็นของรัฐหรือเปล่า", "บริษัทเอกชนที่นักธุรกิจท้องถิ่นตั้งขึ้น", "no"),
    # the general head of a Thai compound does not say its specific part: not a yes, and the ministry the fact
    # names is another one
    ("อยู่ใต้กระทรวงพาณิชย์ใช่ไหม", "เป็นหน่วยงานภายใต้กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "no"),
    # an abbreviation may be the ministry the fact names: no verdict from the names
    ("อยู่ใต้กระทรวงดีอีใช่ไหม", "เป็นหน่วยงานภายใต้กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", None),
])
def test_the_same_thing_said_in_other_words(question, answer, expected):
    assert v(question, answer) == expected


def test_a_target_is_not_a_count_reached():
    target = "The target is 100 smart cities by 2022."
    assert v("did they reach 100 smart cities?", target) is None
    assert v("is the target 100 smart cities?", target) == "yes"


def test_a_count_of_areas_answers_a_count_of_cities():
    assert v("were 60 smart cities certified?", "In 2022, 30 areas were certified.") == "no"


def test_a_claim_about_the_others_is_a_claim_about_all():
    assert v("does it have 5 smarts like the rest?", "Its plan covers 3 Smarts; the others' plans cover 5.") == "no"


@pytest.mark.parametrize("question, answer", [
    ("มีไวไฟฟรีไหม", "มีตั๋วอิเล็กทรอนิกส์ Wi-Fi ฟรี และ GPS"),
    ("เป็นเมืองแบบจังหวัดใช่ไหม", "จัดเป็นเมืองอัจฉริยะระดับจังหวัด"),
])
def test_spellings_and_words_of_the_same_meaning(question, answer):
    assert v(question, answer) == "yes"


def test_another_day_of_the_same_year_confirms_nothing():
    assert v("the ceremony was on 3 March 2021, right?", "The meeting was held on 6 May 2021.",
             years=frozenset({2021}), fact_years=frozenset({2021})) is None
    assert v("ประชุมวันที่ 6 พ.ค. 64 ใช่ไหม", "การประชุมวันที่ 6 พฤษภาคม 2564",
             years=frozenset({2021}), fact_years=frozenset({2021})) == "yes"


def test_back_in_a_year_asks_about_that_year():
    assert v("was it certified back in 2018?", "It received the smart city logo in 2021.",
             years=frozenset({2018}), fact_years=frozenset({2021})) == "no"


@pytest.mark.parametrize("question, answer, expected", [
    # a bound the question sets, against the one figure the fact states
    ("did more than 30 cities apply?", "By July 2020, 39 cities had applied.", "yes"),
    ("มีผู้สมัครน้อยกว่า 30 เมืองใช่ไหม", "ถึงกรกฎาคม 2563 มีเมืองยื่นสมัคร 39 เมือง", "no"),
    # a duration the fact gives otherwise
    ("is the plan a 10-year plan? it runs 10 years right?", "The strategy covers 20 years, 2018 to 2037.", "no"),
    # a public body named, when the fact says who runs it and names no such body
    ("is the park run by the provincial government?", "The park is run by a private company, Acme Co.", "no"),
])
def test_bounds_durations_and_bodies(question, answer, expected):
    assert v(question, answer) == expected


def test_a_year_claimed_is_not_confirmed_by_a_fact_that_dates_nothing():
    # "approved in 2018, right?" / a fact with no year: its words alone cannot confirm the year
    assert v("the plan was approved in 2018 right?", "The plan was approved by the committee.",
             asked="the plan was approved in 2018 right?", years=frozenset({2018})) is None


def test_a_year_compared_with_is_no_year_claimed():
    # "before 2020" / a fact of 2020 itself says nothing either way; one of an earlier year that says it, yes
    assert v("was the zone announced before 2020?", "The zone was announced on 3 March 2020.",
             years=frozenset({2020}), fact_years=frozenset({2020})) is None
    assert v("was the zone announced before 2020?", "The zone was announced on 3 March 2018.",
             years=frozenset({2020}), fact_years=frozenset({2018})) == "yes"


def test_a_chair_claimed_must_be_the_one_the_fact_names():
    assert v("was the session chaired by the prime minister?",
             "The session was chaired by the Minister of Energy.") == "no"
    assert v("was the session chaired by the minister of energy?",
             "The session was chaired by the Minister of Energy.") == "yes"


def test_someone_who_was_stood_in_for_did_not_do_it():
    answer = "Ms A chaired the 3 March 2020 session; Mr B stood in for her at the 9 May 2021 session."
    assert stood_in_for(["ms a"], answer, "did ms a chair the 9 may 2021 session")
    assert not stood_in_for(["ms a"], answer, "did ms a chair the 3 march 2020 session")
    assert stood_in_for(["นาย ก"], "นาย ข เป็นประธานการประชุมแทนนาย ก", "นาย ก เป็นประธานใช่ไหม")


def test_the_word_for_year_is_no_content_to_find():
    # "ปี" only introduces the year asked, which the years compare
    assert v("ก่อตั้งปี 2560 ใช่ไหม", "ก่อตั้งเมื่อ 9 มกราคม 2558", years=frozenset({2017}),
             fact_years=frozenset({2015})) == "no"


def test_usable_for_ever_is_denied_by_a_validity():
    assert v("ใบรับรองใช้ได้ตลอดหรือเปล่า", "ใบรับรองมีอายุ 3 ปี และต่ออายุได้") == "no"


def test_a_bound_asked_needs_a_figure_to_compare():
    # "over 60%?" / a fact that gives no percentage says neither yes nor no
    assert v("ได้เกิน 70% ไหม", "เป็นผู้นำด้านสิ่งแวดล้อมอัจฉริยะในดัชนีปีนั้น") is None
    assert v("ได้เกิน 70% ไหม", "ได้อันดับ 2 ด้วยคะแนน 65.5%") == "no"


def test_ever_and_say_only_ask():
    assert v("เคยจัดงานแสดงสินค้าไหม", "จัดงานแสดงสินค้าเมื่อปี 2560") == "yes"


def test_a_bound_the_fact_itself_states_is_read_from_its_words():
    assert v("was it pushed by citizens before 2020?", "Citizens pushed it long before 2020.",
             years=frozenset({2020}), fact_years=frozenset({2020})) == "yes"


def test_a_dated_denial_says_nothing_of_now():
    assert v("is the pass still valid today?", "The pass was valid for tourists in 2021; no source says it was renewed.") is None


@pytest.mark.parametrize("question, answer, expected", [
    # a hyphenated word is read by its parts
    ("is the design citizen-centred?", "The plan puts citizens at the centre of the design.", "yes"),
    # losing what was given, said in other words
    ("could a city have its logo taken away?", "A city can lose the certificate if it falls short.", "yes"),
    ("ตราถูกถอนได้ไหม", "ตราอาจถูกเพิกถอนได้หากทำไม่ถึงเกณฑ์", "yes"),
    # the same bound the fact states, with or without a thousands separator
    ("are there over 5000 sensors?", "The district has more than 5,000 sensors.", "yes"),
    ("are there fewer than 300 sensors?", "The district has more than 5,000 sensors.", "no"),
    # "บอกว่า" broken apart by the tokeniser is asking, not content
    ("เขาบอกว่าจะเป็นศูนย์กลางการขนส่งใช่ไหม", "แผนเน้นศูนย์กลางการขนส่งและการแพทย์", "yes"),
])
def test_claims_said_in_other_words(question, answer, expected):
    assert v(question, answer) == expected


def test_a_hyphenated_word_the_fact_does_not_say_settles_nothing():
    assert v("is the plan car-free?", "The plan adds bus lanes and bike paths.") is None


def test_how_named_things_relate_is_asked_not_content():
    # (no content word is left: a fact about both named things answers, unless it denies)
    assert v("is the award linked to the national plan?", "The award follows the national plan.",
             asked="is the linked to the ?", names_agree=True) == "yes"
    assert v("is the award linked to the national plan?", "No source links the award to the national plan.",
             asked="is the linked to the ?", names_agree=True) != "yes"


@pytest.mark.parametrize("question, answer", [
    ("เขาเน้นช่วยเกษตรกรใช่ไหม", "แผนมุ่งสนับสนุนเกษตรกรในพื้นที่"),
    ("does the plan focus on helping farmers?", "The plan aims to support local farmers."),
])
def test_helping_and_focusing_in_other_words(question, answer):
    assert v(question, answer) == "yes"


@pytest.mark.parametrize("question, answer, expected", [
    # a count spelled out is the digits a fact writes
    ("were nine stations opened on the first day?", "The first 7 stations opened in 2023.", "no"),
    ("is bus terminal 3 one of the twelve stops?", "Bus Terminal 3 is one of the 12 stops on the route.", "yes"),
])
def test_counts_spelled_out_are_read_as_digits(question, answer, expected):
    assert v(question, answer) == expected


@pytest.mark.parametrize("question, answer", [
    # another role than the one claimed
    ("did the mayor chair the forum?", "The mayor acted as the forum's secretary."),
    ("นายกเทศมนตรีเป็นประธานการประชุมใช่ไหม", "นายกเทศมนตรีทำหน้าที่เลขานุการการประชุม"),
    # another region than the one claimed
    ("is she the agency's director for the northern region?", "She is the agency's director for the northeastern region."),
    ("เขาเป็นผู้อำนวยการภาคใต้ใช่ไหม", "เขาเป็นผู้อำนวยการภาคตะวันออกเฉียงเหนือ"),
    # another type of city than the one claimed
    ("is the town a new city?", "The town applied as an existing livable city."),
])
def test_another_alternative_of_the_same_kind_is_a_no(question, answer):
    assert v(question, answer) == "no"


def test_the_alternative_claimed_among_those_stated_is_no_denial():
    assert v("did the mayor chair the forum?", "The mayor chaired the forum; her deputy was its secretary.") != "no"


def test_a_parent_ministry_named_is_who_holds_it():
    assert v("is the agency part of the ministry of tourism?",
             "The Ministry of Digital Economy and Society is the agency's parent ministry.") == "no"


@pytest.mark.parametrize("question, answer, expected", [
    ("was the forum held in chiang mai?", "The forum was held at the city hall in Khon Kaen.", "no"),
    ("งานสัมมนาจัดที่ศาลากลางใช่ไหม", "งานสัมมนาจัดที่โรงแรมในตัวเมือง", "no"),
    ("ประชุมที่ศาลากลางขอนแก่นใช่มั้ย", "การประชุมจัดที่ศาลากลาง ขอนแก่น", "yes"),
])
def test_a_venue_claimed_is_checked_against_the_venue_stated(question, answer, expected):
    assert v(question, answer) == expected


def test_a_venue_claimed_says_nothing_against_a_fact_without_one():
    assert v("was the forum held in chiang mai?", "The forum approved five plans.") != "no"


def test_founded_by_business_people_is_not_a_state_body():
    assert v("บริษัทนี้เป็นรัฐวิสาหกิจใช่ไหม", "บริษัทนี้ก่อตั้งโดยผู้ประกอบการท้องถิ่น 10 ราย") == "no"


def test_a_fact_of_another_month_confirms_nothing():
    # the one month it tells of the year asked, another: no
    assert v("was the report published in march 2024?", "The report was published on 12 July 2024.",
             years=frozenset({2024}), fact_years=frozenset({2024})) == "no"
    # a fact of several months, or another year than the one asked (an index's release), settles nothing
    assert v("was the report published in march 2024?",
             "The report was drafted in May 2024 and published on 12 July 2024.",
             years=frozenset({2024}), fact_years=frozenset({2024})) is None
    assert v("was the report published in july 2024?", "The report was published on 12 July 2024.",
             years=frozenset({2024}), fact_years=frozenset({2024})) == "yes"


def test_a_short_thai_year_bound_after_a_space_is_a_bound():
    # "ก่อนปี 64" bounds the year (2021): a fact of 2021 itself says nothing of before it
    assert v("ก่อนปี 64 เมืองนี้เคยได้ตราแล้วใช่ไหม", "เมืองนี้เพิ่งได้ตราในปี 2564 เป็นครั้งแรก",
             years=frozenset({2021}), fact_years=frozenset({2021})) is None


@pytest.mark.parametrize("question, answer, years", [
    # a plan or a schedule of the year asked says nothing of what was done that year
    ("เปิดตัวครั้งแรกปี 2565 ใช่ไหม", "หน่วยงานวางแผนจะเปิดตัวโครงการในเดือนมีนาคม 2565", {2022}),
    ("did the city get a new bus depot in 2026?",
     "The May 2025 transit plan adds 3 bus routes to the old town first, with works from 2026.", {2026}),
    ("สนามบินได้ขยายปี 2570 แล้วใช่มั้ย", "อาคารใหม่มีกำหนดแล้วเสร็จปี 2570 ตามแผนเดือนมกราคม 2568", {2027}),
])
def test_the_year_of_a_plan_confirms_no_deed(question, answer, years):
    fact_years = frozenset(years)
    assert v(question, answer, years=frozenset(years), fact_years=fact_years, close=False) is None


def test_the_year_of_a_plan_answers_a_question_about_the_plan():
    assert v("มีแผนจะเปิดตัวปี 2565 ใช่ไหม", "หน่วยงานวางแผนจะเปิดตัวโครงการในเดือนมีนาคม 2565",
             years=frozenset({2022}), fact_years=frozenset({2022}), close=False) == "yes"


def test_all_of_a_count_the_fact_states_is_that_count():
    # ("the 7 Smarts" is a name, taken out of what is asked: the words decide)
    assert v("does it follow all 7 smarts?", "Its plan covers 7 Smarts.", asked="does it follow all") == "yes"
    # (a fact that counts 3 for one and 7 for others does not say the town has all 7)
    assert v("does it follow all 7 smarts?", "Its plan covers 3 Smarts, the other towns' 7 Smarts.",
             asked="does it follow all") != "yes"


def test_an_english_word_is_said_as_a_word_not_inside_another():
    assert v("does the plan have a depot?", "The power plant has a depot.") is None
    assert v("was it signed in oct 2019?", "It was signed on 3 October 2019 at the fair.",
             asked="was it signed in oct") == "yes"


@pytest.mark.parametrize("question, answer, expected", [
    # a part of a province is no province; a whole province is not only its town
    ("is the area a whole province?", "The area is in Ban Na district, Surin province.", "no"),
    ("ย่านนี้เป็นจังหวัดใช่มั้ย", "ย่านนี้อยู่ที่อำเภอบ้านนา จังหวัดสุรินทร์", "no"),
    ("มีแค่ตัวเมืองใช่ไหม", "แผนครอบคลุมทั้งจังหวัดสุรินทร์", "no"),
    ("is the scheme province-wide?", "The scheme covers the whole of Surin province.", "yes"),
    # (a choice between two is neither yes nor no)
    ("is it the whole province or only the town?", "The scheme covers the whole of Surin province.", None),
])
def test_the_scope_claimed_against_the_scope_stated(question, answer, expected):
    assert v(question, answer) == expected


def test_a_general_in_a_name_claims_no_scope():
    # "พล.อ." is a rank, not อ. (a district)
    assert v("พล.อ.สมชาย เป็นประธานใช่ไหม", "พล.อ.สมชาย เป็นประธานการประชุม") != "no"


def test_wanting_asks_what_it_aims_at():
    assert v("เมืองนี้อยากเป็นศูนย์กลางโลจิสติกส์ใช่มั้ย", "เมืองนี้มุ่งเป็นศูนย์กลางโลจิสติกส์ของภาค",
             asked="อยากเป็นศูนย์กลางโลจิสติกส์ใช่มั้ย", close=False) == "yes"


@pytest.mark.parametrize("question, answer, expected", [
    # a company is not a state body...
    ("บริษัทนี้เป็นหน่วยงานรัฐใช่ไหม", "บริษัท ลำปางพัฒนาเมือง จำกัด จดทะเบียนเมื่อปี 2560 ด้วยทุน 10 ล้านบาท", "no"),
    ("was the operator set up by the government?", "The operator is a company registered in 2016.", "no"),
    # ...unless it is a public company limited, or a public body owns it
    ("is the developer a state company?", "The developer is Siam Energy Public Company Limited.", "not no"),
    ("is the operator owned by the state?", "The operator is a company owned by 3 municipalities.", "not no"),
])
def test_a_company_is_private_unless_public_bodies_own_it(question, answer, expected):
    if expected == "not no":
        assert v(question, answer) != "no"
    else:
        assert v(question, answer) == expected


def test_joining_a_group_is_being_among_its_members_not_being_proposed():
    assert v("เมืองนี้เข้าเครือข่ายการค้าไหม", "เมืองนี้เป็น 1 ในสมาชิกแรกของเครือข่ายการค้า", close=False) == "yes"
    assert v("has the town joined the trade network?",
             "The town was proposed as a member of the trade network in 2022.") is None


@pytest.mark.parametrize("question, answer, expected", [
    # a company its towns own is no private company, in either language
    ("บริษัทรถรางเป็นบริษัทเอกชนใช่ไหม", "บริษัทรถรางคือบริษัท ลำปางรางเบา จำกัด บริษัทของเทศบาล 3 แห่ง", "no"),
    ("is the tram operator a private company?", "The tram operator is a company owned by 3 municipalities.", "no"),
    # being a company says nothing of who owns it: no yes
    ("is the tram operator a private company?", "The city is driven by the province and the tram company.", None),
    # of a fact about two companies, the clause of the one asked about
    ("is ABCD a private company?", "WXYZ is a private company of local traders; ABCD is owned by 3 municipalities.", "no"),
    # founded by the town, claimed, against a company its traders set up
    ("บริษัทพัฒนาเมืองตั้งโดยเทศบาลใช่ไหม", "บริษัทพัฒนาเมืองก่อตั้งโดยผู้ประกอบการในจังหวัดราว 20 ราย", "no"),
])
def test_who_owns_a_company_is_read_from_its_own_clause(question, answer, expected):
    asked = question.replace("ABCD ", "")  # (the name, removed as the dialogue removes names)
    assert v(question, answer, asked=asked) == expected


def test_a_ceremony_claimed_at_one_place_handed_over_at_another_is_a_no():
    assert v("was the award ceremony at the city library?",
             "The awards were handed to 12 schools at a ceremony in the Grand Hall, Provincial Office.") == "no"


def test_where_a_ceremony_handed_things_over_says_nothing_of_where_a_meeting_was_held():
    answer = "The awards were handed to 12 schools at a ceremony in the Grand Hall, Provincial Office."
    assert v("was the board meeting held at the provincial office?", answer) is None
    assert v("was the award ceremony at the provincial office?", answer) == "yes"


@pytest.mark.parametrize("question, answer, expected", [
    # a count of promotion areas is no count of certified cities
    ("were 40 towns certified in march?", "In March, 40 smart city promotion areas were announced; 12 areas got the logo.", "no"),
    ("ได้ตรา 40 พื้นที่ใช่ไหม", "เดือนมีนาคมมีการประกาศ 40 พื้นที่ เขตส่งเสริมเมืองอัจฉริยะ", "no"),
    # a promotion zone claimed to hold the logo, against a fact that tells them apart
    ("เขตส่งเสริมนี่ถือว่ามีตราแล้วใช่ไหม", "เขตส่งเสริมเป็นประกาศนียบัตรขั้นต้น ยังไม่ใช่ตราสัญลักษณ์", "no"),
    # which of the two, or both in turn: no verdict from this rule
    ("is the town logo-certified or a promotion zone?", "The town is a smart city promotion zone.", "not no"),
])
def test_promotion_zones_are_not_certified_cities(question, answer, expected):
    if expected == "not no":
        assert v(question, answer) != "no"
    else:
        assert v(question, answer) == expected


@pytest.mark.parametrize("question", ["ถ้าส่งรายงานไม่ทันจะโดนยกเลิกสิทธิ์ไหม", "หากทำไม่ได้ตามเป้าจะโดนถอนสิทธิ์ใช่มั้ย"])
def test_a_condition_before_the_claim_is_no_denial_of_it(question):
    answer = "สิทธิ์ถูกเพิกถอนได้ หากส่งรายงานไม่ทันหรือทำได้ไม่ถึงเป้า"
    assert v(question, answer, close=False) == "yes"


@pytest.mark.parametrize("question, answer", [
    ("is the complete list of the 12 winners out?", "The contest had 12 winners; 5 of them known: Alpha, Beta, Gamma, Delta and Eta."),
    ("มีรายชื่อผู้ชนะครบทั้งหมดไหม", "การประกวดมีผู้ชนะ 12 ราย ที่ทราบชื่อ 5 ราย ได้แก่ ก ข ค ง และ จ"),
])
def test_a_full_list_asked_of_a_fact_that_knows_only_some_names_is_a_no(question, answer):
    assert v(question, answer) == "no"


def test_a_name_left_out_of_a_list_given_in_full_is_a_no():
    answer = "The first members of the river network were Tak, Nan and Loei."
    assert v("is ranong among the first members of the river network?", answer,
             asked="is among the first members of the river network?") == "no"
    assert v("is nan among the first members of the river network?", answer,
             asked="is among the first members of the river network?") != "no"
    # (a list of examples leaves others out)
    assert v("is ranong among the members of the river network?", "Members include Tak, Nan and Loei.",
             asked="is among the members of the river network?") != "no"


@pytest.mark.parametrize("question, answer, expected", [
    ("is the ferry free to ride?", "The ferry charges a fare of 20 baht per trip.", "no"),
    ("นั่งเรือข้ามฟากฟรีไหม", "เรือข้ามฟากเก็บค่าโดยสาร 20 บาทต่อเที่ยว", "no"),
    # free Wi-Fi on board is another thing free than the ride
    ("does the ferry have free wi-fi?", "The ferry charges a fare of 20 baht and has free Wi-Fi on board.", "not no"),
])
def test_free_claimed_against_a_fare_said(question, answer, expected):
    if expected == "not no":
        assert v(question, answer) != "no"
    else:
        assert v(question, answer) == expected


def test_kept_for_good_in_chat_words_is_a_no_against_a_term():
    assert v("ใบอนุญาตนี้ถือได้ตลอดเลยไหม", "ใบอนุญาตมีอายุ 3 ปี และต่ออายุได้") == "no"


@pytest.mark.parametrize("question", ["ท่าเรือนี้ลอกคลองร่วมกับ กทท. ใช่มั้ย", "did the port dredge the canal together with PAT?"])
def test_a_partner_claimed_that_the_fact_does_not_name_gets_no_yes(question):
    answer = "ท่าเรือลอกคลองร่วมกับกรมเจ้าท่า The port dredged the canal together with the Marine Department."
    assert v(question, answer) != "yes"


@pytest.mark.parametrize("question, expected", [
    ("does the plan have five goals instead of eight?", "yes"),
    ("does the plan have eight goals instead of five?", "no"),
])
def test_a_figure_set_against_the_claim_is_not_claimed(question, expected):
    assert v(question, "The plan has 5 goals, merging two of the old ones.") == expected


def test_a_day_and_a_thai_month_run_into_the_next_word():
    """Thai is written without spaces: "วันที่6พฤษภาจัดที่ไหน" names 6 May as "วันที่ 6 พฤษภา จัดที่ไหน" does."""
    from knowledge.polarity import days_named

    assert days_named("ประชุมวันที่6พฤษภาจัดที่ไหน") == days_named("ประชุมวันที่ 6 พฤษภา จัดที่ไหน") == {(6, 5)}
    assert days_named("6 mayor") == set()  # an English month still ends at a word's end


def test_the_meeting_asked_by_day_without_spaces_gets_its_venue(convo):
    r = convo.say("ประชุมวันที่6พฤษภาจัดที่ไหนครับ")
    assert "ลาดพร้าว" in r.text
