"""First questions the knowledge base answers, asked in ways that used to be refused: a person's post with the
person named, an area named by the organisation that runs it, the Latin plural of "index", and which areas of
a province hold the logo asked in other words. And what must still be refused."""

import pytest

from helpers import first_line
from intents.normalize import normalize
from knowledge.answerable import why_not
from knowledge.retrieval import _counted_asked


@pytest.mark.parametrize("text, expected", [
    ("what is Thawatchai Khotwong's role", "northeast"),
    ("ธวัชชัยทำงานตำแหน่งไหน", "อีสาน"),
])
def test_the_post_of_a_person_named_is_their_overview(convo, text, expected):
    assert expected in first_line(convo.say(text)).casefold()


def test_a_fact_that_names_the_post_asked_comes_before_the_overview(convo):
    # "which ministry": a fact that spells the ministry out, rather than the overview's short form
    r = convo.say("ชัยวุฒิที่เป็นประธานเค้าเป็นรัฐมนตรีกระทรวงไหน")
    assert "ดิจิทัลเพื่อเศรษฐกิจและสังคม" in first_line(r)


def test_the_post_now_is_not_the_post_of_some_years_ago(convo):
    assert convo.say("ชัยวุฒิตำแหน่งอะไรตอนนี้").fallback


@pytest.mark.parametrize("text, expected", [
    ("เมืองที่ปตท.ดูแลอยู่จังหวัดไหน", "ระยอง"),
    ("what's the name of the smart city where VISTEC is", "Wangchan Valley"),
    ("พื้นที่ที่ PMCU พัฒนาชื่ออะไร", "สามย่าน"),
])
def test_an_area_named_by_its_organisation_is_that_area(convo, text, expected):
    assert expected in first_line(convo.say(text))


def test_the_organisation_itself_is_still_what_a_question_about_it_asks(convo):
    r = convo.say("ผู้ขับเคลื่อนหลักของโครงการเมืองอัจฉริยะของจุฬาฯ คือใคร")
    assert "วิศณุ" in first_line(r)


def test_indices_are_indexes(convo):
    r = convo.say("which indices does the smart city thailand office publish")
    assert "TSCCI" in first_line(r) and "SCPRI" in first_line(r)


@pytest.mark.parametrize("text", ["what places in chiang mai have the logo",
                                  "name the logo holders in chiang mai"])
def test_the_areas_of_a_province_asked_in_other_words(convo, text):
    r = convo.say(text)
    assert "CMU" in first_line(r) and not r.fallback


def test_a_kind_of_place_no_fact_knows_is_still_refused(convo):
    assert convo.say("which hotels in chiang mai hold the logo").fallback


@pytest.mark.parametrize("text, expected", [
    ("รูปประกอบในข่าวนี้มาจากหน่วยงานไหน", "นวัตกรรมแห่งชาติ"),
    ("who is the depa official quoted in the article", "Thawatchai"),
])
def test_the_news_article_itself_is_what_it_says(convo, text, expected):
    assert expected in first_line(convo.say(text))


def test_a_number_in_words_counts_what_it_does_in_digits(convo):
    # "the two types" is what "2 ประเภท" / "two types" of one fact counts
    assert _counted_asked("what are the two types of city") == (("2", frozenset({"types"})),)
    r = convo.say("what are the two types of smart city in the thai program")
    assert "Livable City" in first_line(r)


def test_areas_left_out_with_besides_are_not_listed(convo):
    r = convo.say("นอกจากสามย่านแล้ว กรุงเทพมีพื้นที่ไหนได้ตราอีกบ้าง")
    assert "พระราม 4" in first_line(r) and "สามย่าน" not in first_line(r)


def test_what_a_person_has_to_do_with_smart_cities_is_who_they_are(convo):
    assert "Minister" in first_line(convo.say("what has chaiwut got to do with smart cities"))


def test_a_province_home_to_an_area_is_certified(convo):
    r = convo.say("is Lampang home to a certified smart city")
    assert first_line(r).startswith("Yes") and "Mae Moh" in first_line(r)


def test_a_count_the_detail_gives_is_found(convo):
    assert "16 million" in convo.say("the 2022 round of smart cities benefits how many people?").text


def test_where_to_eat_is_still_refused(convo):
    assert convo.say("any good place to eat lunch near wangchan valley").fallback


def test_a_unit_of_length_is_no_thing_counted(convo):
    # "กี่กิโลเมตร" asks a length, which "22.8 กม." gives
    assert "22.8" in first_line(convo.say("รถไฟฟ้ารางเบาขอนแก่นสายหลักยาวทั้งหมดกี่กิโลเมตร"))


def test_the_early_era_is_the_early_period(convo):
    r = convo.say("พื้นที่นำร่อง 7 แห่งในยุคแรกของโครงการมีที่ไหนบ้าง")
    assert "เชียงใหม่" in first_line(r)


def test_the_organisation_that_says_it_is_not_what_is_asked_about(convo):
    # "according to depa": depa is the source; the question is about Thailand 4.0
    assert "10" in convo.say("according to depa, how many industries is thailand 4.0 made of?").text


def test_what_is_special_about_an_area_is_its_overview(convo):
    assert "research" in first_line(convo.say("what's so special about wangchan valley?"))


@pytest.mark.parametrize("text, expected", [
    ("หัวเรือใหญ่ของสามย่านสมาร์ทซิตี้คือใคร", "วิศณุ"),
    ("ภูเก็ตแจกกำไลข้อมือไอทีให้ใคร", "นักท่องเที่ยว"),
])
def test_everyday_thai_words_for_what_the_facts_say(convo, text, expected):
    assert expected in first_line(convo.say(text))


def test_where_a_thing_is_sold_needs_a_fact_that_says_so(convo):
    assert convo.say("ภูเก็ตขายกำไลข้อมือที่ไหน").fallback


@pytest.mark.parametrize("text", [
    "ใครเป็นผู้ว่าราชการจังหวัดขอนแก่น",  # the governor, which the city's mayor is not
    "who is the governor of khon kaen",
    "นายก อบจ. ขอนแก่นคือใคร",  # the provincial administration's head
    "who is the khon kaen MP",
    "how old is Thawatchai Khotwong",  # an age, which his post is not
    "ณัฐพลอายุกี่ปี",
])
def test_a_post_or_an_age_no_fact_gives_is_not_answered_with_another(convo, text):
    assert convo.say(text).fallback


def test_the_mayor_named_after_a_refused_governor_is_answered(convo):
    assert convo.say("ผู้ว่าขอนแก่นคือใคร").fallback
    assert "ธีระศักดิ์" in first_line(convo.say("แล้วนายกเทศมนตรีนครขอนแก่นล่ะ"))


@pytest.mark.parametrize("text, expected", [
    ("whose company is KKTS, who owns it", "municipalities"),
    ("ใครเป็นเจ้าของบริษัท KKTS", "เทศบาล 5 แห่ง"),
])
def test_the_owner_is_the_fact_that_says_who_owns_it(convo, text, expected):
    assert expected in first_line(convo.say(text))


@pytest.mark.parametrize("text", [
    "how high is gdp per capita in khon kaen today",  # a figure now, which the programme's target is not
    "which hospital is khon kaen's medical hub",  # a hospital by name, which the plan's "medical hub" is not
    "ขอนแก่นติดตั้งกล้องไปกี่ตัวแล้ว",  # cameras, which the light rail's plan does not count
])
def test_what_the_nearest_fact_does_not_hold_is_refused(convo, text):
    assert convo.say(text).fallback


def test_a_plan_word_in_a_detail_is_no_date_to_come(convo):
    # Makkasan's overview names the high-speed rail and says (in its detail) that no plan was found
    assert convo.say("the high-speed rail at makkasan, when will it start running?").fallback


def test_who_came_top_is_the_first_not_one_of_the_top_three(convo):
    assert "Wangchan" in first_line(convo.say("which area came top in the 2024 TSCCI"))


@pytest.mark.parametrize("text, expected", [
    ("ใครมีสิทธิ์ยื่นขอตราเมืองอัจฉริยะ", "ผู้พัฒนาเมือง"),  # who applies, which what kind of area may is not
    ("who is eligible to apply for the smart city logo", "city developer"),
    ("สมาร์ทซิตี้แบ่งออกเป็นกี่ประเภท", "เมืองเดิมน่าอยู่"),  # kinds, which a count of areas is not
    ("how many kinds of smart city are there", "Livable City"),
])
def test_who_may_apply_and_the_kinds_of_city(convo, text, expected):
    assert expected in first_line(convo.say(text))


def test_the_kinds_of_city_are_not_a_count_of_cities(convo):
    # (the count of certified areas is nearest in words; it tells no kinds)
    r = convo.say("สมาร์ทซิตี้ในไทยมีกี่แบบครับ")
    assert r.fallback or "เมืองเดิม" in first_line(r)


@pytest.mark.parametrize("text, expected", [
    # Mae Moh and the promotion zone named: the certificate of 2019, not Mae Moh's logo of 2021
    ("when did mae moh get the promotion zone certificate, and where", "2019"),
    # PTT and Wangchan Valley named: since when PTT has run the site (2013), not when the area was certified
    ("ปตท.ดูแลวังจันทร์วัลเลย์มาตั้งแต่ปีไหนครับ", "2556"),
])
def test_a_fact_about_everything_named_beats_a_barely_nearer_one_about_part(convo, text, expected):
    assert expected in first_line(convo.say(text))


@pytest.mark.parametrize("text", ["ปี 2565 เพิ่มเมืองอัจฉริยะกี่เมือง", "how many more smart cities were approved in 2022"])
def test_a_count_added_in_a_year_is_not_a_later_total_naming_it_in_a_span(convo, text):
    # (July 2023: "36 cities, 30 in 2021-2022 plus 6 in 2023" gives no count added in 2022; 15 were)
    r = convo.say(text)
    assert r.fallback or "15" in first_line(r)
    assert "36" not in first_line(r)


def test_the_body_that_approved_the_first_five_is_not_the_five_again(convo):
    r = convo.say("ชื่อเต็มของคณะอนุกรรมการที่เห็นชอบเมืองนำร่องชุดแรกคืออะไร")
    assert "ขับเคลื่อนและบริหารโครงการเมืองอัจฉริยะ" in first_line(r)


def test_which_meeting_is_not_answered_by_what_it_approved(convo):
    # (the list of the five names no meeting: the meeting's own fact, or an honest fallback)
    r = convo.say("which meeting gave the go-ahead to the first five smart cities")
    assert r.fallback or "meeting" in first_line(r)


@pytest.mark.parametrize("text", [
    "แห่งที่ 15 ของชุดปี 2564 ชื่ออะไร",  # the list's detail says the 15th is not named: no 15th to give
    "tell me the 15th area of the 2021 round",
    "ขอนแก่น ใครคือผู้ถือตราเมืองอัจฉริยะ",  # who holds the logo, which Khon Kaen's mayor is not
    "who officially holds the smart city logo for phuket",
])
def test_what_the_sources_do_not_name_is_not_answered_with_what_they_do(convo, text):
    assert convo.say(text).fallback


@pytest.mark.parametrize("text", [
    "ปีหน้าจะมีพื้นที่ได้ตราเพิ่มอีกกี่แห่ง",  # a count still to come, which today's total is not
    "how many new smart cities will be certified next year",
    "ชายหาดไหนในภูเก็ตสวยที่สุด",  # the best, which a CCTV plan for 13 beaches does not say
    "how is the air in samyan right now",  # a reading of now, which its air-quality sensors are not
])
def test_what_is_to_come_the_best_or_a_reading_now_is_not_a_fact_that_does_not_say_it(convo, text):
    assert convo.say(text).fallback


@pytest.mark.parametrize("text", ["what are the steps to apply to KVIS", "KVIS รับสมัครนักเรียนช่วงไหน"])
def test_a_fact_about_nothing_named_is_no_answer_about_a_school(convo, text):
    # (applying for the smart city logo is not applying to the school in Wangchan Valley)
    assert convo.say(text).fallback


@pytest.mark.parametrize("text", ["what does smart energy mean for wangchan valley", "what does smart living mean for samyan"])
def test_a_general_fact_about_neither_thing_named_is_no_answer(convo, text):
    # (what a certified smart city is, nearest in its words, is about neither the Smart nor the area)
    r = convo.say(text)
    assert "certified smart city is an area" not in first_line(r)


def test_how_long_a_line_will_be_is_its_length(convo):
    # (the line's name is removed from what is matched: "how long will ... be" still asks a length, not a year)
    assert "22.8" in first_line(convo.say("how long will the khon kaen lrt main line be when built?"))


@pytest.mark.parametrize("text", ["who is mae moh livable city meant to help", "แม่เมาะเมืองน่าอยู่ช่วยเหลือใคร"])
def test_whom_a_plan_helps_is_not_who_runs_it(convo, text):
    r = convo.say(text)
    assert r.fallback or "วิสาหกิจ" in first_line(r) or "enterprise" in first_line(r)


def test_the_certification_criteria_are_the_criteria(convo):
    # ("certification criteria" names the criteria: their announcement in 2019, not the promotion zones of 2021)
    assert "2019" in first_line(convo.say("when did they announce the certification criteria"))


def test_revenue_needs_a_sum_not_the_word(convo):
    # (KKTS was "set up to collect revenue from the light rail": no sum of it)
    assert convo.say("what was KKTS's revenue in 2023").fallback


def test_wifi_on_the_beaches_is_not_the_citys_wifi_points(convo):
    # (Phuket's 1,000 Wi-Fi points name no beach; "มหาดไทย" names none either)
    assert convo.say("can I get wi-fi on the beaches in phuket").fallback


@pytest.mark.parametrize("text", ["ปี67 เมืองไหนคะแนนสูงสุด", "ใครได้คะแนน TSCCI สูงสุดปี 2567"])
def test_the_facts_of_other_years_do_not_hide_the_year_asked(convo, text):
    # the 2023 index's facts come first and are passed over; the 2024 index's, further down, answers
    r = convo.say(text)
    assert not r.fallback and "วังจันทร์" in first_line(r)


@pytest.mark.parametrize("text", ["how did khon kaen score in the 2024 TSCCI", "แม่เมาะได้คะแนน TSCCI 2024 เท่าไหร่"])
def test_further_down_only_the_kind_of_fact_passed_over_answers(convo, text):
    # (no light rail plan of 2024, nor another area's place, for an area's 2024 score)
    assert convo.say(text).fallback


@pytest.mark.parametrize("text, expected", [
    ("about roughly how many people did the 2022 round help", "2022"),  # ("roughly": no unknown topic)
    ("phuket security cams how many were planned", "1,200"),  # ("cams" are cameras)
    ("วังจันทร์มีที่ให้เทสโดรนไหม", "5G"),  # ("เทส" is ทดสอบ)
])
def test_everyday_words_are_no_sign_of_a_missing_topic(convo, text, expected):
    r = convo.say(text)
    assert not r.fallback and expected in r.text


@pytest.mark.parametrize("text", ["สมาร์ทซิตี้ในไทยแบ่งเป็นกี่แบบครับ",
                                  "Which kinds of city does the certification recognise?"])
def test_a_count_of_kinds_finds_the_fact_that_names_the_kinds(convo, text):
    # the counts of certified areas are nearer in words, but give no kinds: the fact that gives them answers
    r = convo.say(text)
    assert not r.fallback and "Livable City" in first_line(r), r.text


@pytest.mark.parametrize("text", ["What overall place did Mae Moh get in the TSCCI 2023?",
                                  "แม่เมาะจัดงานเทศกาลวันที่เท่าไหร่"])
def test_a_fact_lacking_what_is_asked_is_no_answer_found_further_down(convo, text):
    # no source names who holds an area's logo or an overall place: a fact that merely uses the words is no answer
    assert convo.say(text).fallback


@pytest.mark.parametrize("text, expected", [
    ("ลุงตู่เป็นใคร", "ประยุทธ์"),
    ("ลุงป้อมเป็นประธานพิธีมอบตราปี 64 ใช่มั้ย", "ประวิตร"),
])
def test_a_person_called_by_the_nickname_people_use_is_that_person(convo, text, expected):
    assert expected in first_line(convo.say(text))


def test_a_count_added_in_a_year_goes_past_the_counts_of_other_years(convo):
    # the count told in 2023 names no count added in 2022; that year's batch does
    r = convo.say("ปี 65 ได้รับตราเพิ่มมากี่พื้นที่")
    assert not r.fallback and "15" in first_line(r), r.text


@pytest.mark.parametrize("text, expected", [
    ("เพื่อนถามมาว่าภูเก็ตได้ตราตอนไหน จะตอบยังไงดี", "2564"),
    ("a visitor asked me if samyan is certified, how should i answer", "Yes"),
])
def test_a_question_passed_on_is_answered_as_if_asked(convo, text, expected):
    r = convo.say(text)
    assert expected in first_line(r), r.text
    assert normalize("ลูกค้าถามว่าขอนแก่นได้ตราปีไหน ควรตอบว่าไง") == "ขอนแก่นได้ตราปีไหน"
    assert normalize("who asked me about it") == "who asked me about it"


def test_what_happened_on_a_day_named_is_that_days_event(convo):
    # the meetings of 2021 are nearer in words; the day named has its own event
    r = convo.say("what meeting was held on 29 september 2020")
    assert not r.fallback and "4 of 7" in first_line(r), r.text


def test_mae_moh_festival_and_whom_its_plan_helps(convo):
    assert "แม่เมาะเฟสติวัล" in first_line(convo.say("แม่เมาะมีงานเทศกาลอะไรไหม"))
    assert "วิสาหกิจชุมชน" in first_line(convo.say("แม่เมาะจะช่วยเหลือใครบ้าง"))


def test_the_name_of_the_logo_given(convo):
    assert "Smart City Thailand" in first_line(convo.say("ตราที่เมืองได้เรียกว่าตราอะไร"))


@pytest.mark.parametrize("text, expected", [
    ("Concretely, what does Khon Kaen aim for?", "Mekong"),
    ("Do the sources agree on how many rai Chula's commercial zone covers?", "291"),
    ("หมู่บ้านผมอยากสมัครขอตราเมืองอัจฉริยะต้องทำยังไง", "เกณฑ์"),
])
def test_a_question_framed_in_everyday_words_is_answered(convo, text, expected):
    # "concretely", "do the sources agree", "my village": the frame of the question, not a topic the bot lacks
    r = convo.say(text)
    assert not r.fallback and expected in first_line(r)


def test_a_month_named_is_not_answered_by_an_event_of_another_month(convo):
    # the logo was approved on 6 May 2021 (the sub-committee under Chaiwut); the December 2021 ceremony under
    # Prawit is another event, however close its words
    line = first_line(convo.say("ใครมอบตราเมืองอัจฉริยะเมื่อ 6 พ.ค. 2564"))
    assert "ชัยวุฒิ" in line and "ประวิตร" not in line


@pytest.mark.parametrize("text, expected", [
    ("which of the seven smarts deals with transparent government", "Smart Governance"),
    ("ด้านไหนพูดถึงอาชญากรรมต่ำและเข้าถึงการแพทย์", "Smart Living"),
])
def test_which_of_the_seven_a_first_question_asks_for(convo, text, expected):
    # asked first, not after a list: the one dimension whose own definition says what is asked
    r = convo.say(text)
    assert not r.fallback and expected in first_line(r)


def test_the_kee_of_kiao_kap_asks_no_count():
    # "เกี่ยวกับ" (about) holds the letters of "กี่" (how many): no count is asked
    from intents.question import question_type
    assert question_type(normalize("ดีป้าทำอะไรเกี่ยวกับเมืองอัจฉริยะบ้าง")).kind != "how_many"
    assert question_type(normalize("เกี่ยวข้องกับกี่จังหวัด")).kind == "how_many"
    assert question_type(normalize("which agencies took part")).kind == "who"


def test_a_claim_of_who_runs_an_area_is_checked_against_its_developer(convo):
    # "owned by X?" asks who: the area's developer (Chula), not a fact about something else of the area
    r = convo.say("is samyan smart city owned by egat?")
    assert not r.fallback and "Chulalongkorn" in first_line(r)


@pytest.mark.parametrize("text, expected", [("Describe KKTS in one sentence.", "municipalities"),
                                            ("What was \"the Khon Kaen Smart City Expo\"?", "2018")])
def test_what_a_thing_is_asked_in_other_words_is_its_overview(convo, text, expected):
    r = convo.say(text)
    assert not r.fallback and expected in first_line(r)


def test_a_post_claimed_of_a_person_that_their_overview_does_not_say_is_a_no(convo):
    # depa's president was never a minister: no, with who he is (not "I don't know")
    line = first_line(convo.say("ณัฐพลเป็นรัฐมนตรีใช่มั้ย"))
    assert line.startswith("ไม่ใช่") and "ดีป้า" in line


def test_a_post_named_of_someone_else_in_the_overview_is_no_yes(convo):
    # Prawit presided "on behalf of the Prime Minister": that does not make him the Prime Minister
    assert not first_line(convo.say("Was Prawit the prime minister?")).startswith("Yes")


def test_the_steering_committee_named_without_its_first_word_is_not_the_sub_committee(convo):
    # "กรรมการขับเคลื่อนเมืองอัจฉริยะ" (no "คณะ") is the national steering committee, chaired by Prawit then; the
    # sub-committee under Chaiwut is another body
    line = first_line(convo.say("ปี 2565 ใครนั่งประธานกรรมการขับเคลื่อนเมืองอัจฉริยะ"))
    assert "ประวิตร" in line


def test_the_first_of_a_year_is_not_the_first_ever(convo):
    # "its first meeting of 2019" was the first of that year; the first certification meeting was in 2021
    line = first_line(convo.say("the first certification meeting, when was it?"))
    assert "2019" not in line and "2021" in line


@pytest.mark.parametrize("text", [
    "ขอนแก่นมีรถเมล์อัจฉริยะวิ่งอยู่กี่คัน",       # (cars, which no fact counts)
    "แม่เมาะมีโรงไฟฟ้าอยู่กี่เครื่อง",               # (machines: the plant's closing is no count of units)
    "จุฬามีทั้งหมดกี่คณะ",                        # (faculties: the university's project is no count of them)
    "ภูเก็ตมีเรือท่องเที่ยวติด GPS กี่ลำ",            # (boats: a count of tourists is none of them)
])
def test_a_count_in_a_classifier_no_fact_states_is_refused(convo, text):
    assert convo.say(text).fallback


def test_a_count_in_a_classifier_a_fact_states_is_answered(convo):
    r = convo.say("ภูเก็ตติดกล้องวงจรปิดไปแล้วกี่ตัว")
    assert not r.fallback and "ตัว" in first_line(r)


@pytest.mark.parametrize("text", [
    "สินค้าแม่เมาะแบรนด์สั่งผ่านเฟซบุ๊กได้ไหม",
    "แม่เมาะแบรนด์มีขายในลาซาด้าด้วยไหม",
    "can i buy mae moh brand goods on lazada",
    "is mae moh brand sold on shopee too?",
])
def test_a_shop_by_name_is_not_answered_by_sold_online(convo, text):
    assert convo.say(text).fallback


def test_when_it_joined_is_not_answered_by_another_event(convo):
    convo.say("Is Bangkok's Phahon Yothin in the ASEAN Smart Cities Network?")
    assert convo.say("in what year did Thailand join that network?").fallback


def test_a_proposal_to_add_members_does_not_tell_when_one_joined(bot):
    fact = bot.dialogue.knowledge.facts["khon-kaen-2022-11-09"]  # (proposed as an additional member in 2022)
    assert why_not("ภูเก็ตเข้าร่วมเครือข่ายนี้เมื่อไหร่", fact, "when") == "it gives no joining"
