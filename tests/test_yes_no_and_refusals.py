"""Yes/no verdicts computed from the fact that answers the claim, and refusals of details no fact holds."""

import re

import pytest

from helpers import first_line, tag
from knowledge.answerable import why_not


def _without(bot, *words):
    """A fact whose texts say none of ``words``."""
    return next(f for f in bot.dialogue.knowledge.facts.values()
                if not any(w in f.text(questions=True).casefold() for w in words))


def test_a_length_needs_a_fact_that_gives_one(bot):
    fact = _without(bot, "km", "กม", "กิโลเมตร", "เมตร", "metre", "meter")
    assert why_not("how long is the cycle lane", fact, None) == "it gives no length"
    assert why_not("ทางจักรยานยาวกี่กิโล", fact, "how_many") == "it gives no length"


def test_how_long_something_lasted_needs_a_duration(bot):
    fact = _without(bot, "hour", "minute", "ชั่วโมง", "นาที", "day", "week", "month", "year", "วัน", "ปี", "เดือน")
    assert why_not("how long did the workshop last", fact, None) == "it gives no duration"


def test_where_to_buy_visiting_jobs_and_wifi_need_a_fact_that_says_them(bot):
    fact = _without(bot, "ซื้อ", "buy", "order", "http", "www", "ชม", "visit", "tour", "งาน", "job", "career",
                    "hiring", "recruit", "vacanc", "ไวไฟ", "wifi", "wi-fi", "internet", "อินเทอร์เน็ต", "hotspot")
    assert why_not("where can i buy the honey", fact, "where") == "it gives no place to buy"
    assert why_not("ผ้าทอซื้อได้ที่ไหน", fact, "where") == "it gives no place to buy"
    assert why_not("can visitors tour the control room", fact, None) == "it gives no visiting"
    assert why_not("ห้องควบคุมเปิดให้เข้าชมไหม", fact, None) == "it gives no visiting"
    assert why_not("is the agency hiring", fact, None) == "it gives no job"
    assert why_not("อยากสมัครงานที่นี่ทำยังไง", fact, None) == "it gives no job"
    assert why_not("is there free wifi in the park", fact, None) == "it gives no wifi"


def test_his_job_then_is_a_post_not_a_job_opening(bot):
    fact = _without(bot, "job", "career", "hiring")
    assert why_not("what was her job back then", fact, None) is None


def test_names_asked_need_a_list_of_names_not_a_sentence_of_verbs(bot):
    kkts = bot.dialogue.knowledge.facts["kkts-overview"]
    assert why_not("which municipalities hold its shares", kkts, None) == "it names no list"


def test_a_town_is_not_the_areas_elsewhere_in_its_province(convo):
    r = convo.say("does pattaya city hold the smart city logo?")
    assert not first_line(r).startswith("Yes")
    r = convo.say("พัทยาเป็นเมืองอัจฉริยะแล้วหรือยัง")
    assert not first_line(r).startswith("ใช่")


def test_a_year_claimed_is_not_confirmed_by_an_undated_fact(convo):
    r = convo.say("did samyan get certified back in 2018?")
    assert not first_line(r).startswith("Yes")


def test_the_one_stood_in_for_did_not_chair_it(convo):
    r = convo.say("did prayut himself preside at the 24 december 2021 logo handover?")
    assert first_line(r).startswith("No")


def test_a_chair_claimed_in_other_words_is_a_no(convo):
    r = convo.say("was the 6 may 2021 meeting led by the prime minister?")
    assert first_line(r).startswith("No")


def test_the_capital_of_another_company_is_no_answer(convo):
    r = convo.say("how much registered capital does PKCD have")
    assert r.fallback or "PKCD" in first_line(r)


def test_which_of_two_areas_was_certified_first_is_computed_from_their_dates(convo):
    r = convo.say("did samyan receive the logo earlier than wangchan valley?")
    assert first_line(r).startswith("No") and "same day" in first_line(r)
    r = convo.say("ภูเก็ตได้ตราพร้อมกับแม่เมาะหรือเปล่า")
    assert first_line(r).startswith("ใช่")
    r = convo.say("was chachoengsao certified after phuket?")
    assert first_line(r).startswith("Yes")


def test_something_scheduled_for_a_year_to_come_has_not_happened(convo):
    r = convo.say("has the mae moh power station shut down already?")
    assert first_line(r).startswith("No")


def test_a_place_claimed_in_one_year_is_not_settled_by_another_years_ranking(convo):
    r = convo.say("samyan was number 1 in TSCCI 2023, right?")
    assert not first_line(r).startswith("Yes")


def test_another_day_than_the_certification_gets_no_verdict(convo):
    # (a ceremony may have handed the logo over that day: the certification date, without a yes)
    r = convo.say("ภูเก็ตได้ตราวันที่ 24 ธ.ค. 64 ใช่หรือเปล่า")
    assert not first_line(r).startswith(("ใช่", "ไม่ใช่")) and "2564" in first_line(r)


def test_a_certification_year_claimed_with_when_words_is_computed(convo):
    r = convo.say("สามย่านได้ตราตอนปี 2560 ใช่ไหม")
    assert first_line(r).startswith("ไม่ใช่") and "2564" in first_line(r)


def test_why_needs_a_reason_and_a_tram_is_no_bus(bot):
    facts = bot.dialogue.knowledge.facts.values()
    dated = next(f for f in facts if f.date and not any(
        w in f.text().casefold() for w in ("เพราะ", "เนื่องจาก", "เพื่อ", "จึง", "ทำให้", "because", "due to", "to ",
                                           "so ", "after", "since", "aim", "purpose", "reason", "differ",
                                           "ไม่", "not ", "unclear", "ส่งผล", "สาเหตุ", "เหตุผล", "led to", "result")))
    assert why_not("ทำไมถึงเลิกไป", dated, "why") == "it gives no reason"
    bus = next(f for f in facts if "15 บาท" in f.answer.th and "รถราง" not in f.text())
    assert why_not("ค่าโดยสารรถรางกี่บาท", bus, "how_much") == "it is not about the tram"


def test_a_count_of_a_year_needs_a_fact_of_a_year(bot):
    undated = next(f for f in bot.dialogue.knowledge.facts.values()
                   if not f.date and not f.as_of and not re.search(r"(19|20|25)\d\d", f.answer_text()))
    assert why_not("how many proposals came in during 2022", undated, "how_many",
                   years=frozenset({2022})) == "it gives no count of that year"


def test_did_not_finish_is_no_why_question(bot):
    fact = next(iter(bot.dialogue.knowledge.facts.values()))
    assert why_not("เมืองไหนทำไม่ครบทุกด้าน", fact, "why") != "it gives no reason"


def test_an_overall_rank_and_an_nth_place_need_a_fact_that_gives_that_place(bot):
    facts = bot.dialogue.knowledge.facts.values()
    led = next(f for f in facts if f.intent == "rankings" and " led " in f.answer.en
               and not re.search(r"\d(st|nd|rd|th)\b|\btop\b|\bfirst\b|\branked\b", f.answer.en))
    assert why_not("what was its overall 2023 placing rank", led, None) == "it gives no overall rank"
    assert why_not("who was 4th in the index", led, "who") == "it gives no such place in a list"


def test_is_there_one_is_not_answered_yes_from_a_plan(bot):
    """A light rail that is planned is not there yet: never "Yes" from its planned route."""
    r = bot.dialogue.respond("is there a light rail in khon kaen", user_id=f"has-{tag()}")
    assert r.text.startswith("Not yet")
    r = bot.dialogue.respond("ขอนแก่นมีรถไฟฟ้ารางเบาหรือเปล่า", user_id=f"has-{tag()}")
    assert not r.text.startswith("ใช่")


def test_a_place_claimed_among_areas_of_a_kind_is_checked_against_the_ranking(convo):
    # "second among the province-based cities" claims a place, unlike "among the top 3"
    r = convo.say("did chachoengsao come first among province-based cities in the tscci 2023?")
    assert first_line(r).startswith("No")


def test_a_count_spelled_out_against_the_fact_that_counts_otherwise(convo):
    r = convo.say("did they approve eight cities in the first round?")
    assert first_line(r).startswith("No")


def test_a_venue_claimed_against_the_meeting_held_elsewhere_is_a_no(convo):
    r = convo.say("the 6 may 2021 sub-committee meeting took place at government house, right?")
    assert first_line(r).startswith("No")


def test_an_organisation_claimed_is_not_confirmed_by_a_fact_that_never_names_it(convo):
    r = convo.say("is samyan smart city run by egat?")
    assert not first_line(r).startswith("Yes")


def test_a_smart_something_outside_the_seven_is_a_no_even_with_a_word_no_fact_uses(convo):
    r = convo.say("smart tourism เป็น 1 ใน 7 ด้านของดีป้าหรือเปล่า")
    assert first_line(r).startswith("ไม่ใช่") and "การดำรงชีวิต" in r.text
    r = convo.say("is smart agriculture one of the seven smarts?")
    assert first_line(r).startswith("No") and "Smart Living" in r.text


def test_a_dimension_asked_of_a_listed_plan_is_settled_by_the_list(convo):
    r = convo.say("does the 2018-2022 khon kaen master plan have an energy pillar?")
    assert first_line(r).startswith("No")
    r = convo.say("แผนแม่เมาะมีด้านพลังงานอยู่ด้วยใช่ไหม")
    assert first_line(r).startswith("ใช่")


def test_a_figure_claimed_that_the_fact_of_that_year_never_states_gets_no_yes(convo):
    r = convo.say("did 200 people die in the july 2018 phuket boat accident?")
    assert not first_line(r).startswith("Yes")


def test_a_time_of_day_is_a_clock_time_not_a_length_or_a_sum(bot):
    # ("26.963 billion baht" and "22.8 km" hold no clock time; "07.30–22.30" does)
    main_line = bot.dialogue.knowledge.facts["khon-kaen-plan-3"]
    assert why_not("what time does it run", main_line, None) == "it gives no time of day"


def test_a_smart_missing_from_a_counted_list_of_smarts_is_a_no(convo):
    # Mae Moh's plan is "3 Smarts: Environment, Energy and Economy": the count says the list is whole
    r = convo.say("is smart mobility part of mae moh's plan?")
    assert first_line(r).startswith("No")


def test_what_one_area_does_confirms_nothing_about_every_smart_city(convo):
    # (a runner-up fact about Korat covering all 7 Smarts is no rule for every smart city)
    r = convo.say("เมืองอัจฉริยะต้องครอบคลุมครบ7ด้านไหม")
    assert not first_line(r).startswith("ใช่")


def test_a_province_claimed_as_the_venue_is_denied_by_the_venue_stated(convo):
    # (the province named is the venue claimed: the fact, which tells another venue, need not name it)
    r = convo.say("การประชุมวันที่ 6 พฤษภาคม 2564 จัดที่เชียงรายหรอ")
    assert first_line(r).startswith("ไม่ใช่")


def test_a_fact_naming_the_province_claimed_as_the_venue_does_not_confirm_it(convo):
    # ("Mae Moh, Lampang was approved that day" says nothing of where the meeting was held)
    r = convo.say("การประชุมอนุกรรมการเมื่อ 6 พ.ค. 64 จัดที่ลำปางใช่ไหม")
    assert not first_line(r).startswith("ใช่")


def test_a_question_without_its_apostrophe_is_yes_no(convo):
    assert first_line(convo.say("isnt mae moh in lampang")).startswith("Yes")


def test_a_tag_without_its_apostrophe_is_yes_no(convo):
    assert first_line(convo.say("wangchan valley is in chonburi isnt it")).startswith("No")


def test_an_area_named_after_its_province_said_after_in_is_the_province(convo):
    # (Chachoengsao is also a certified area: "in Chachoengsao" still asks where Wangchan Valley is)
    r = convo.say("is wangchan valley located in chachoengsao?")
    assert first_line(r).startswith("No") and "Rayong" in first_line(r)


def test_the_province_said_after_in_when_both_areas_bear_a_province_name(convo):
    r = convo.say("phuket smart city is in chachoengsao?")
    assert first_line(r).startswith("No") and "Phuket province" in first_line(r)


def test_a_date_typed_without_dots_is_the_date_claimed(convo):
    # "24 ธค 64" is 24 December 2021, the day of the logo ceremony, which a fact about it confirms
    r = convo.say("พิธีมอบตราจัดวันที่ 24 ธค 64 ใช่ไหม")
    assert first_line(r).startswith("ใช่"), r.text
    assert first_line(convo.say("ขอนแก่นได้รับรองวันที่ 6พค64 ใช่มั้ย")).startswith("ใช่")


def test_the_other_of_two_alternatives_is_a_no(convo):
    # (the claimed type is not in the fact, which tells of the other one: a no, not a bare statement)
    r = convo.say("Is Mae Moh a new modern city type?")
    assert first_line(r).startswith("No.") and "existing" in first_line(r)


def test_still_there_is_no_longer_for_a_bus_that_stopped(convo):
    r = convo.say("รถเมล์ smart city bus ขอนแก่นยังมีไหมครับ")
    assert first_line(r).startswith("ไม่แล้ว"), r.text


def test_coming_taking_and_on_add_no_claim_to_check(convo):
    r = convo.say("บนรถเมล์ smart bus ขอนแก่นมี wifi ไหม")
    assert first_line(r).startswith("ใช่"), r.text
    r = convo.say("อ.ประจินเคยมาเปิดงาน smart city expo ที่ขอนแก่นใช่ไหม")
    assert first_line(r).startswith("ใช่"), r.text


@pytest.mark.parametrize("question, first", [
    ("Was the logo design contest's prize money more than 200,000 baht?", "Yes."),  # a comma inside a number
    ("Were Phuket, Si Racha and Phahon Yothin the first Thai members of the ASEAN Smart Cities Network?", "Yes."),
    ("wangchan valley came first in the 2024 TSCCI?", "Yes."),  # an irregular past and a question mark
    ("ขอนแก่นได้รับรองเป็นเมืองอัจฉริยะแล้วจริงดิ", "ใช่"),
])
def test_yes_no_questions_typed_without_the_usual_markers(convo, question, first):
    assert first_line(convo.say(question)).startswith(first), question


def test_a_question_and_a_question_word_after_a_comma_is_not_yes_no():
    from intents.normalize import normalize
    from intents.question import is_yes_no

    assert not is_yes_no(normalize("Is Phuket certified, and when?"))
    assert is_yes_no(normalize("Is Phuket, Khon Kaen or Samyan certified?"))


def test_directions_a_replacement_an_app_the_nearest_stop_a_rank_and_a_threshold_need_a_fact_that_gives_them(bot):
    fact = _without(bot, "เดินทาง", "นั่ง", "ขึ้นรถ", "take", "by bus", "by train", "by car", "by air", "flight",
                    "เที่ยวบิน", "ขับรถ", "drive", "replac", "instead", "แทน", "แอป", "แอพ", "app", "ใกล้", "near",
                    "closest", "walk", "เดิน", "next to", "ติดกับ", "opposite", "ตรงข้าม", "adjacent", "อันดับ", "ได้ที่",
                    "top", "first", "second", "third", "fourth", "fifth", "ranked", "1st", "2nd", "3rd", "4th",
                    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
    assert why_not("what's the quickest way to get there from the capital", fact, None) == "it gives no directions"
    assert why_not("how can we get there by night", fact, None) == "it gives no directions"
    assert why_not("จากตัวเมืองไปยังไงดี", fact, None) == "it gives no directions"
    assert why_not("จะไปศูนย์นั้นต้องนั่งรถสายไหน", fact, None) == "it gives no directions"
    assert why_not("what runs in its place now that it was replaced", fact, None) == "it gives no replacement"
    assert why_not("แอปจองคิวของเมืองชื่ออะไร", fact, None) == "it gives no app"
    assert why_not("which pier is nearest", fact, None) == "it gives no nearest"
    assert why_not("ป้ายรถไหนอยู่ใกล้ที่สุด", fact, None) == "it gives no nearest"
    assert why_not("เมืองนี้ได้ที่เท่าไหร่ในปีล่าสุด", fact, "how_many") == "it gives no rank"
    assert why_not("what rank did the town reach last year", fact, None) == "it gives no rank"
    assert why_not("what pass mark is the cut-off", fact, None) == "it gives no threshold"


def test_the_way_an_area_leans_is_not_asking_directions(bot):
    fact = _without(bot, "เดินทาง", "นั่ง", "ขึ้นรถ", "take", "flight", "เที่ยวบิน", "ขับรถ", "drive")
    assert why_not("เมืองนี้เน้นไปทางไหน", fact, None) is None


def test_a_rank_asked_is_answered_by_the_fact_that_gives_the_place(convo):
    r = convo.say("ภูเก็ตติดอันดับที่เท่าไรในดัชนีเมืองอัจฉริยะ")
    assert not r.fallback and "อันดับ 1" in first_line(r), r.text


def test_a_rank_no_fact_gives_is_the_honest_fallback_not_a_project(convo):
    # (no ranking fact places Khon Kaen in the 2024 index: not its light rail)
    assert convo.say("ปี 2567 ขอนแก่นอยู่อันดับที่เท่าไร").fallback


def test_travel_advice_is_the_honest_fallback(convo):
    assert convo.say("what's the best way to travel from bangkok to mae moh? how do i get there").fallback
    assert convo.say("ตอนนี้จากสนามบินขอนแก่นเข้าเมืองต้องนั่งอะไรครับ").fallback


def test_a_place_inside_the_province_needs_more_than_the_province(convo):
    assert not convo.say("Wangchan Valley, where exactly?").fallback  # (its subdistrict and district)
    assert convo.say("ภูเก็ตทินิคอนวัลเลย์ตั้งอยู่ตรงไหนของเกาะ").fallback  # (only that it is in Phuket)


def test_whether_an_area_was_renewed_is_not_answered_by_the_logo_term(convo):
    # the sources do not say which 16 cities were renewed in 2025: neither the 2-year term nor a yes
    r = convo.say("ตราของขอนแก่นได้รับการต่ออายุแล้วหรือยังครับ")
    assert r.fallback, r.text
    convo.say("แม่เมาะได้ตราเมื่อไหร่")
    assert convo.say("and was its logo renewed after two years?").fallback


def test_the_logo_term_still_answers_renewal_in_general_and_the_count_renewed(convo):
    r = convo.say("โลโก้เมืองอัจฉริยะต่ออายุได้หรือเปล่า")
    assert not r.fallback and "2 ปี" in r.text, r.text
    convo.say("ปี 68 ภูเก็ตได้ตราใหม่อีกแห่งใช่ไหม")
    r = convo.say("ครั้งนั้นต่ออายุให้กี่เมือง")
    assert not r.fallback and "16" in first_line(r), r.text


def test_what_one_pays_a_share_and_the_best_season_need_a_fact_that_gives_them(bot):
    fact = _without(bot, "ค่าธรรมเนียม", "ค่าสมัคร", "ค่าเข้า", "ไม่เสียค่า", "ไม่มีค่า", "fee", "free", "ส่วนแบ่ง",
                    "share", "%", "ร้อยละ", "ฤดู", "หน้าหนาว", "หน้าฝน", "ช่วงเดือน", "บาน", "season", "winter", "bloom")
    assert why_not("ยื่นขอรับรองต้องเสียเงินไหม", fact, None) == "it gives no fee"
    assert why_not("can we get in to the fair free entry", fact, None) == "it gives no fee"
    assert why_not("จังหวัดนี้ได้ส่วนแบ่งงบไปเท่าไร", fact, "how_much") == "it gives no share"
    assert why_not("เที่ยวงานดอกไม้เดือนไหนดี", fact, None) == "it gives no best time"
    assert why_not("what is the best season for a trip", fact, None) == "it gives no best time"


def test_a_visitor_s_season_is_not_the_day_the_area_got_its_logo(convo):
    assert convo.say("อยากไปชมดอกบัวตองที่แม่เมาะ ไปช่วงไหนดีครับ").fallback


def test_a_date_the_sources_do_not_give_asked_as_what_is_the_honest_fallback(convo):
    # (the second meeting of 2021 is known by what it approved, not by its day)
    r = convo.say("What was the meeting date of the sub-committee's session 2/2564?")
    assert r.fallback and "10" in r.text, r.text


def test_the_count_of_a_promotion_zone_round_no_source_gives_is_the_honest_fallback(convo):
    # (23 November 2023: more certificates, but neither their number nor their list is known)
    r = convo.say("วันที่ 23 พฤศจิกายน 2566 มีการมอบประกาศนียบัตรเขตส่งเสริมให้กี่แห่ง")
    assert r.fallback and "2566" in r.text, r.text


def test_a_rail_line_and_a_flight_need_a_fact_that_names_one(bot, convo):
    fact = _without(bot, "รถไฟฟ้า", "รถราง", "รางเบา", "แทรม", "light rail", "lrt", "tram", "monorail", "bts", "mrt", "rail",
                    "เที่ยวบิน", "flight", "สายการบิน", "airline")
    assert why_not("เมืองนี้จะมีรถไฟฟ้าใช้ตอนไหน", fact, "when") == "it gives no rail"
    assert why_not("is there a metro stop in the district", fact, None) == "it gives no rail"
    assert why_not("มีเที่ยวบินตรงไปกรุงเทพไหม", fact, None) == "it gives no flight"
    # (not the Wi-Fi target of Phuket's first phase; the Khon Kaen light rail still answers)
    assert convo.say("ภูเก็ตมีแผนสร้างรถไฟฟ้าปีไหนครับ").fallback
    assert not convo.say("รถไฟฟ้ารางเบาขอนแก่นจะเปิดปีไหน").fallback


def test_a_tax_break_emissions_the_air_a_property_price_projects_and_a_builder_need_a_fact_that_gives_them(bot):
    fact = _without(bot, "ภาษี", "tax", "co2", "co₂", "carbon", "คาร์บอน", "emission", "ก๊าซเรือนกระจก", "greenhouse",
                    "pm2", "pm 2", "ฝุ่น", "aqi", "air", "อากาศ", "µg", "บาท", "baht", "โครงการ", "project", "แผน", "plan",
                    "ศูนย์", "ระบบ", "centre", "system", "ผลิต", "built by", "สร้างโดย", "contractor", "made by", "vendor",
                    "suppl", "manufactur", "ผู้จำหน่าย")
    assert why_not("ได้ยกเว้นภาษีอะไรบ้าง", fact, None) == "it gives no tax break"
    assert why_not("how many tonnes of carbon were saved", fact, "how_many") == "it gives no emissions"
    assert why_not("ค่า pm2.5 แถวนั้นสูงแค่ไหน", fact, None) == "it gives no air"
    assert why_not("คอนโดแถวนั้นค่าเช่าเดือนละเท่าไหร่", fact, None) == "it gives no property price"
    assert why_not("เทศบาลนี้ทำโครงการไหนบ้าง", fact, None) == "it gives no projects"
    assert why_not("which firm constructed the stadium", fact, "who") == "it gives no maker"


def test_the_air_sensors_still_answer_whether_an_area_measures_the_air(convo):
    r = convo.say("สามย่านติดเซนเซอร์วัดฝุ่นไว้ไหมครับ")
    assert not r.fallback and "เซนเซอร์" in r.text, r.text


def test_an_official_wording_needs_a_fact_that_gives_it_not_a_paraphrase(bot, convo):
    fact = _without(bot, "นิยามอย่างเป็นทางการ", "official definition", "verbatim", "word for word")
    assert why_not("what is the official one-line definition of smart energy", fact, None) == "it gives no official wording"
    assert why_not("ขอนิยามของพลเมืองอัจฉริยะแบบเป็นทางการ", fact, None) == "it gives no official wording"
    assert convo.say("ดีป้านิยาม Smart Economy ไว้อย่างเป็นทางการว่าอย่างไร").fallback
    assert not convo.say("smart economy หมายถึงอะไร").fallback  # (the paraphrase still answers what it means)


def test_a_named_area_s_developer_is_not_what_a_city_developer_is(convo):
    assert convo.say("ใครคือผู้พัฒนาเมืองของภูเก็ตทินิคอนวัลเลย์").fallback
    r = convo.say("who is the city developer of Mae Moh?")
    assert not r.fallback and "EGAT" in r.text, r.text


def test_losing_the_logo_capital_a_budget_spending_and_beach_advice_need_a_fact_that_gives_them(bot):
    fact = _without(bot, "เพิกถอน", "ถอน", "lose", "lost", "losing", "revok", "withdr", "ยึด", "ทุน", "capital", "บาท", "baht",
                    "ดอลลาร์", "us$", "$", "งบ", "budget", "fund", "cost", "มูลค่า", "ล้าน", "million", "billion", "spent",
                    "spend", "ใช้เงิน", "เบิกจ่าย", "swim", "ว่ายน้ำ", "เล่นน้ำ", "quiet", "คนน้อย", "recommend", "แนะนำ")
    assert why_not("did any area lose its logo last year", fact, None) == "it gives no loss of the logo"
    assert why_not("what is the firm's registered capital", fact, None) == "it gives no capital"
    assert why_not("โครงการนี้ได้งบมาเท่าไร", fact, "how_much") == "it gives no budget"
    assert why_not("has the money been spent yet", fact, None) == "it gives no spending"
    assert why_not("is it a safe spot to go swimming with kids", fact, None) == "it gives no beach advice"


def test_a_beach_tip_is_not_the_beach_cameras(convo):
    assert convo.say("หาดไหนในภูเก็ตสวยและคนไม่เยอะ แนะนำหน่อย").fallback


def test_projects_that_got_the_logo_and_an_electric_car_are_not_projects_run_or_a_rail_line(bot):
    fact = _without(bot, "โครงการ", "project", "แผน", "plan", "ศูนย์", "ระบบ", "centre", "system", "รถไฟฟ้า", "รถราง", "รางเบา",
                    "แทรม", "light rail", "lrt", "tram", "monorail", "bts", "mrt", "rail")
    assert why_not("which projects got the logo up north", fact, None) != "it gives no projects"
    assert why_not("มีรถไฟฟ้าพลังงานสะอาดให้นั่งไหม", fact, None) != "it gives no rail"


@pytest.mark.parametrize("question, first", [
    ("do the sources agree on when the interior ministry approved KKTS?", "No."),
    ("วันอนุมัติ KKTS แต่ละแหล่งบอกต่างกันไหม", "ใช่"),
    ("ปีปิดเหมืองแม่เมาะข้อมูลตรงกันไหม", "ไม่ใช่"),
    ("Is the cost of the Khon Kaen LRT settled?", "No."),
])
def test_whether_the_sources_agree_is_read_from_a_fact_that_says_they_differ(convo, question, first):
    assert first_line(convo.say(question)).startswith(first), question


def test_a_fact_with_one_source_is_not_confirmed_elsewhere(convo):
    r = convo.say("Is the venue of the 6 May 2021 meeting confirmed by another source?")
    assert first_line(r).startswith("No."), r.text
    assert "Only depa's news item" in r.text  # (which one source says it)


def test_a_denied_link_to_the_logo_does_not_deny_the_claim(convo):
    r = convo.say("was the phuket sandbox open to fully vaccinated foreign tourists?")
    assert first_line(r).startswith("Yes."), r.text
    # (the day asked, in the short month name people type, stated: a "ไม่ต้องกักตัว" later denies nothing)
    r = convo.say("แซนด์บ็อกซ์ภูเก็ตเปิดวันที่ 1 กรกฎา 2564 ใช่ไหม")
    assert first_line(r).startswith("ใช่"), r.text


def test_counted_separately_and_done_with_others_are_a_no(convo):
    r = convo.say("เขตส่งเสริม 50 พื้นที่นับรวมกับ 15 พื้นที่ที่ได้ตราไหม")
    assert first_line(r).startswith("ไม่ใช่"), r.text
    r = convo.say("was the smart city logo contest run by depa alone")
    assert first_line(r).startswith("No."), r.text


@pytest.mark.parametrize("question, first", [
    ("is smart tourism one of depa's 7 smarts?", "No."),
    ("สมาร์ทเฮลท์แคร์อยู่ใน 7 ด้านไหม", "ไม่ใช่"),
    ("govt mentioned smart telecom, is it one of the official smarts?", "No."),
    ("is smart governance among the seven smarts", "Yes."),
    ("สมาร์ทอีโคโนมีอยู่ใน 7 สมาร์ทไหม", "ใช่"),
])
def test_a_smart_something_that_is_none_of_the_7_is_a_no(convo, question, first):
    r = convo.say(question)
    assert first_line(r).startswith(first), r.text
    assert "Smart Governance" in r.text or "การบริหารภาครัฐอัจฉริยะ" in r.text  # (the 7 named)


def test_what_other_sources_say_in_brackets_is_not_the_claim(convo):
    # "covers the 7 Smarts (sources differ: the master plan had 6 pillars)": the 6 does not deny the 7
    r = convo.say("does khon kaen cover all 7 smarts")
    assert first_line(r).startswith("Yes."), r.text


def test_the_day_asked_with_a_denial_of_it_is_still_a_no(convo):
    r = convo.say("did mae moh get the logo on 31 october 2019?")
    assert first_line(r).startswith("No."), r.text


def test_someone_else_named_as_the_runner_is_a_no(convo):
    r = convo.say("is samyan smart city managed by Mahidol University?")
    assert first_line(r).startswith("No."), r.text
    assert "Chulalongkorn" in r.text
    r = convo.say("is samyan run by chula?")
    assert first_line(r).startswith("Yes."), r.text


@pytest.mark.parametrize("question, first", [
    ("did KKTT start out with 500 million baht of capital?", "No."),
    ("Was KKTT's registered capital 200 billion baht?", "No."),  # the figure right, the scale wrong
    ("KKTT มีทุนจดทะเบียน 200 ล้านบาทใช่ไหม", "ใช่"),
])
def test_a_sum_of_money_is_compared_with_its_scale(convo, question, first):
    r = convo.say(question)
    assert first_line(r).startswith(first), r.text


@pytest.mark.parametrize("question, first", [
    ("could a private firm apply for the smart city logo?", "Yes."),
    ("was the route 24 smart bus launched in 2019?", "No."),
    ("did the drone sandbox happen at wangchan valley?", "Yes."),
])
def test_a_claim_said_in_other_words_is_confirmed_or_denied(convo, question, first):
    r = convo.say(question)
    assert first_line(r).startswith(first), r.text


def test_a_length_none_of_the_disagreeing_sources_gives_is_a_no(convo):
    r = convo.say("is the khon kaen light rail line 60 km long?")
    assert first_line(r).startswith("No."), r.text
    assert "22.8" in r.text


def test_a_plan_is_no_yes_to_whether_it_is_there_yet(convo):
    r = convo.say("ตอนนี้ขอนแก่นมีรถไฟฟ้ารางเบาหรือยัง")
    assert not first_line(r).startswith("ใช่"), r.text


def test_a_fault_a_tenure_and_a_weighting_need_a_fact_that_says_them(bot):
    # (the cameras put up are no broken ones; a post is no time in it; the criteria are no weights of them)
    fact = _without(bot, "เสีย", "ชำรุด", "broken", "faulty", "since", "ตั้งแต่", "appointed", "แต่งตั้ง",
                    "weight", "น้ำหนัก", "สัดส่วน", "%", "ร้อยละ", "year", "ปี")
    assert why_not("กล้องจุดไหนชำรุดอยู่บ้าง", fact, "list") == "it gives no fault"
    assert why_not("are any of the sensors broken?", fact, None) == "it gives no fault"
    assert why_not("how long has she been director there", fact, None) == "it gives no tenure"
    assert why_not("ท่านรับตำแหน่งมากี่ปีแล้ว", fact, None) == "it gives no tenure"
    assert why_not("what weight does each criterion carry", fact, None) == "it gives no weighting"


def test_broken_cameras_after_a_count_of_cameras_is_an_honest_fallback(convo):
    convo.say("ภูเก็ตมีกล้อง CCTV กี่ตัวแล้ว")
    assert convo.say("มีตัวที่ใช้งานไม่ได้บ้างไหม").fallback


def test_a_release_still_to_come_said_in_the_present_is_not_a_past_release(convo):
    # ("are ... coming out": a date to come, which the day an earlier index came out is not)
    convo.say("what does the TSCCI rank?")
    assert convo.say("and when are its results coming out?").fallback


def test_which_company_runs_it_needs_a_fact_that_names_who_runs_it(bot):
    # ("a drone-testing area ... with telecom partners" names none of them, nor who runs it)
    fact = bot.dialogue.knowledge.facts["5g-uav-sandbox-overview"]
    assert why_not("which mobile company operates it", fact, "who") == "it gives no developer"
    assert why_not("which firm runs the test area", fact, "who") == "it gives no developer"
