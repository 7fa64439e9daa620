"""Questions about a known city or topic that ask for an aspect no fact holds: the honest fallback, not a nearby
fact (a bus that ends at the airport for the airport's Wi-Fi, the Safe City scheme for whether a city is safe,
the logo's term for whether it was renewed, a past ranking for next year's). And what is still answered."""

import pytest

from helpers import first_line
from knowledge.answerable import _asks


@pytest.mark.parametrize("text", [
    "is the wifi free inside phuket airport?",
    "จะสร้างสนามบินแห่งใหม่ที่ขอนแก่นไหม",
    "do schools in phuket get free wi-fi from the smart city?",
    "ภูเก็ตปลอดภัยสำหรับนักท่องเที่ยวผู้หญิงไหม",
    "Is Khon Kaen a safe place for families to live?",
    "how big was the fine after the phuket boat disaster",
    "พิธีมอบตราที่ทำเนียบมีผู้เข้าร่วมกี่คน",
    "where did the khon kaen smart city expo take place?",
    "has any smart city had its logo revoked so far?",
    "is the samyan cable burying project finished?",
    "บริษัทในเมืองอัจฉริยะได้ลดหย่อนภาษีเท่าไหร่",
    "what is the 11th entry in the 2022 round?",
    "วังจันทร์มีสนามกีฬากี่ที่",
    "who will win tscci next year?",
    "how many days is the phuket cctv footage stored?",
    "how many smart city applications are still under review?",
    "is there a smart camera in front of my house in phuket?",
])
def test_an_aspect_no_fact_holds_is_refused(convo, text):
    r = convo.say(text)
    assert r.fallback, r.text


@pytest.mark.parametrize("text, expected", [
    ("what was the bus route from khon kaen airport into the city?", "24"),
    ("can a smart city logo be revoked?", "Yes"),
    ("when will the khon kaen light rail main line be ready?", "2028"),
])
def test_the_aspects_facts_hold_are_still_answered(convo, text, expected):
    r = convo.say(text)
    assert not r.fallback and expected in first_line(r)


def test_a_place_a_route_ends_at_is_not_the_place_asked_about():
    assert "at the airport" in [n for n, _ in _asks("any free wifi at the khon kaen airport").needs]
    assert "at the airport" not in [n for n, _ in _asks("is there a bus to the khon kaen airport").needs]
    assert "safety rating" not in [n for n, _ in _asks("why did phuket start a safe city scheme").needs]
    assert "attendance" not in [n for n, _ in _asks("คาดว่าจะมีประชาชนได้รับประโยชน์ประมาณกี่คน").needs]


def test_whether_a_logo_was_renewed_is_not_its_term(convo):
    convo.say("แม่เมาะได้ตราเมื่อไหร่")
    assert convo.say("แล้วตอนนี้ต่ออายุไปหรือยัง").fallback
    convo.say("how long is a smart city logo valid for?")
    r = convo.say("can it be renewed?")
    assert not r.fallback and first_line(r).startswith("Yes")
    assert convo.say("has it been renewed?").fallback


def test_whether_someone_still_works_there_is_not_an_old_fact(convo):
    convo.say("ธวัชชัย โคตรวงษ์คือใคร")
    assert convo.say("ตอนนี้เขายังทำงานกับ depa อยู่ไหม").fallback


def test_a_past_ranking_does_not_say_what_is_to_come(convo):
    convo.say("what was phuket's rank in tscci 2023")
    assert convo.say("will phuket come first again next year?").fallback


def test_an_index_year_asked_after_another_years_index_is_not_that_index(convo):
    convo.say("who was top of the tscci 2024")
    assert convo.say("and for the 2026 index?").fallback


def test_whether_a_scheme_still_runs_is_not_its_start(convo):
    assert convo.say("can tourists still enter phuket under the sandbox?").fallback
    r = convo.say("is the khon kaen smart bus still in service?")  # (a fact that tells its end answers)
    assert not r.fallback and first_line(r).startswith("No")


@pytest.mark.parametrize("text", [
    "สำนักงานดีป้าที่เชียงใหม่อยู่ตรงไหน",
    "where is depa's office in phuket?",
])
def test_an_organisations_branch_in_a_place_is_not_its_head_office(convo, text):
    assert convo.say(text).fallback


def test_the_head_office_is_still_where_the_organisation_is(convo):
    r = convo.say("where is depa's office in bangkok")
    assert not r.fallback and "Lat Phrao" in first_line(r)


@pytest.mark.parametrize("text", [
    "which firm holds the samyan smart city logo?",
    "ใครเป็นคนถือตราของวังจันทร์วัลเลย์",
])
def test_the_body_holding_an_areas_logo_is_not_that_the_area_received_it(convo, text):
    assert convo.say(text).fallback


@pytest.mark.parametrize("text", [
    "how many drones fly in the wangchan valley 5g sandbox?",  # (5G is no count)
    "สามย่านติดเซนเซอร์วัดอากาศไว้กี่ตัว",  # ("สาม" of สามย่าน is no count either)
])
def test_a_count_asked_of_a_fact_that_gives_none_is_refused(convo, text):
    r = convo.say(text)
    assert r.fallback, r.text


def test_a_sum_asked_after_a_fact_without_one_is_the_nearby_fact_that_gives_it(convo):
    convo.say("แทรมน้อยขอนแก่นจะเปิดปีไหน")
    r = convo.say("ใช้งบก่อสร้างเท่าไหร่")
    assert not r.fallback and "650" in first_line(r), r.text


def test_a_far_fact_with_some_figure_is_no_answer_to_a_sum_the_near_one_lacks(convo):
    convo.say("KKTT มีพันธมิตรด้านวิชาการเป็นมหาวิทยาลัยไหน")
    assert convo.say("ค่าเทอมวิทยาลัยนานาชาติปีละเท่าไหร่").fallback


@pytest.mark.parametrize("text, need", [
    ("who wrote that news story?", "author"),
    ("ใครเป็นคนเขียนบทความนี้", "author"),
    ("who signed the agreement?", "signatory"),
    ("ใครเป็นผู้ลงนาม", "signatory"),
    ("who sits on the committee?", "members"),
    ("คณะกรรมการมีใครบ้าง", "members"),
    ("what is the city's app called?", "app"),
])
def test_a_writer_signatory_members_or_app_asked_is_a_need(text, need):
    assert need in [n for n, _ in _asks(text).needs]


@pytest.mark.parametrize("text, need", [
    ("who signed off the plan?", "signatory"),  # approved it
    ("how do I apply for the logo?", "app"),
])
def test_approving_and_applying_are_not_those_needs(text, need):
    assert need not in [n for n, _ in _asks(text).needs]


def test_who_sits_on_a_body_is_not_its_chairs_fact(convo):
    convo.say("who chaired the digital economy commission in 2025")
    assert convo.say("who sits on that commission?").fallback


@pytest.mark.parametrize("text", [
    "ตัวเมืองเชียงใหม่ได้คะแนน TSCCI เท่าไหร่",  # a province named: another province's area's score is no answer
    "คะแนน TSCCI ของพื้นที่ในเชียงใหม่เท่าไหร่",
])
def test_a_score_asked_of_a_province_is_not_another_provinces(convo, text):
    r = convo.say(text)
    assert r.fallback, r.text


def test_a_second_meeting_is_no_place_in_a_ranking(convo):
    convo.say("what is chiang mai old town smart city?")
    assert convo.say("what rank did it get?").fallback


@pytest.mark.parametrize("text", [
    "who are the members of the smart city sub-committee?",
    "ปุ๋ยของแม่เมาะขายกระสอบละกี่บาท",
    "how much does the government pay each smart city every year?",
    "ใครเป็นคนเขียนบทความเรื่องภูเก็ตเมืองอัจฉริยะ",
    "who won the smart city logo design contest?",
    "which cities will receive the logo next year?",
    "นายอำเภอแม่เมาะคือใคร",
    "is there a mae moh festival tomorrow?",
    "มหาวิทยาลัยขอนแก่นเปิดรับสมัครนักศึกษาเมื่อไหร่",
    "ปตท.ซื้อที่ดินวังจันทร์วัลเลย์มาเท่าไหร่",
    "รถทัวร์จากเชียงใหม่ไปภูเก็ตราคาเท่าไหร่",
    "จะต่ออายุตราได้ต้องได้คะแนนกี่คะแนน",
    "when was depa set up?",
    "will phuket host the smart city expo in 2027?",
])
def test_a_detail_no_fact_holds_is_not_a_neighbouring_fact(convo, text):
    r = convo.say(text)
    assert r.fallback, r.text


@pytest.mark.parametrize("text, expected", [
    ("who chairs the smart city sub-committee?", "Minister"),
    ("who won TSCCI 2024?", "Wangchan Valley"),
    ("how much prize money did the logo design contest offer?", "200,000"),
    ("which were the first five pilot cities?", "Phuket"),
    ("is phuket certified as a smart city?", "Yes"),
    ("มหาวิทยาลัยสมัครเป็นผู้พัฒนาเมืองได้ไหม", "ใช่"),
    ("when was KKTT founded?", "2015"),
])
def test_the_details_facts_hold_are_still_answered(convo, text, expected):
    r = convo.say(text)
    assert not r.fallback and expected in first_line(r), r.text


def test_a_place_not_in_the_lists_asked_as_a_smart_city_is_not_todays_count(convo):
    r = convo.say("is udon thani certified as a smart city?")
    assert r.fallback and "Udon Thani" in first_line(r)


def test_the_names_of_a_counted_batch_are_not_its_count(convo):
    convo.say("how many proposals did the working group approve in september 2020?")
    assert convo.say("which four were they?").fallback
    assert convo.say("ปี 2566 มี 6 เมืองที่ได้ตราเพิ่ม เป็นเมืองอะไรบ้าง").fallback


def test_who_sits_on_a_committee_is_not_its_chair(convo):
    convo.say("what did the digital economy commission approve in 2025?")
    assert convo.say("who are its members?").fallback


@pytest.mark.parametrize("first, text", [
    ("does samyan have air quality sensors?", "how many sensors are there?"),
    ("ปี 2568 ต่ออายุตรากี่เมือง", "เมืองไหนบ้างที่ไม่ได้ต่ออายุ"),
    ("when did the 7 february 2019 steering committee meet?", "what was decided there?"),
])
def test_a_count_names_or_decision_the_fact_lacks_is_refused_after_it(convo, first, text):
    convo.say(first)
    assert convo.say(text).fallback


@pytest.mark.parametrize("text", [
    "what did depa's agreement with the local administration department cover?",
    "how much does it cost to apply for the smart city logo?",
])
def test_an_agreements_terms_or_an_application_fee_are_refused(convo, text):
    assert convo.say(text).fallback


def test_a_notion_covers_what_its_definition_says(convo):
    r = convo.say("what does smart living cover?")
    assert not r.fallback and "Smart Living" in first_line(r)


@pytest.mark.parametrize("text", [
    "khon kaen smart city overall, what did it cost?",
    "ตอนนี้รถบัสสาย 24 หยุดแล้ว มีรถอะไรวิ่งไปสนามบินแทนบ้าง",
])
def test_a_citys_total_cost_or_a_replacement_service_is_not_one_projects_fact(convo, text):
    assert convo.say(text).fallback


def test_a_projects_own_cost_is_still_answered(convo):
    r = convo.say("how much will the khon kaen light rail cost?")
    assert not r.fallback and "baht" in first_line(r)


@pytest.mark.parametrize("text", ["is khon kaen's smart city bus free to ride?", "รถบัสสมาร์ทซิตี้ขอนแก่นนั่งฟรีมั้ย"])
def test_a_free_service_on_a_bus_is_no_free_ride(convo, text):
    # (its free Wi-Fi and e-tickets said "Yes")
    r = convo.say(text)
    assert not r.text.startswith(("Yes", "ใช่")) and (r.fallback or "15" in r.text)
