"""Claims checked with yes or no: said without an auxiliary, about a place in a ranking, a member of a named
list, the leader of a dimension, a multiple of a standard, a focus; the first word is the verdict worked out
from the fact, never a canned yes."""

import pytest

from helpers import first_line
from intents.features import tokenize
from intents.normalize import normalize
from intents.question import question_type
from knowledge.comparison import against_benchmark
from knowledge.polarity import closed_list, leaders, verdict


def _leads(reply, yes: bool) -> bool:
    line = first_line(reply)
    return line.startswith(("ใช่", "Yes") if yes else ("ไม่ใช่", "No"))


@pytest.mark.parametrize("text, yes_no", [
    ("korat gave free wifi to students?", True),  # an irregular past, no auxiliary
    ("yala wants to be a trade hub?", True),  # a present tense, then its object
    ("so that's a pilot city?", True),  # "is" said short
    ("got khon kaen a logo in 2021?", True),
    ("can a university apply, like CMU?", True),  # an example after a comma
    ("ต้องมีแผนครบมั้ยถึงจะได้ตรา", True),  # the condition run on after the particle
    ("phuket plans?", False),  # a topic, no claim
    ("khon kaen projects in 2024?", False),
    ("phuket's plans for tourists?", False),
])
def test_claims_without_an_auxiliary_are_yes_no_questions(text, yes_no):
    assert question_type(normalize(text)).yes_no is yes_no


def test_a_claim_without_an_auxiliary_gets_its_verdict(convo):
    r = convo.say("KKTS runs the Khon Kaen light rail?")
    assert not r.fallback and _leads(r, True), r.text


@pytest.mark.parametrize("text, yes", [
    ("did Chachoengsao top the province-based ranking in TSCCI 2023?", False),  # second
    ("is Chachoengsao rank 2 province-based in 2023?", True),
])
def test_a_place_claimed_in_a_ranking_is_read_from_the_ranking(convo, text, yes):
    r = convo.say(text)
    assert not r.fallback and _leads(r, yes), r.text


def test_a_closed_list_is_told_from_a_list_of_examples():
    assert closed_list("The 4 founders were Alpha, Beta, Gamma and Delta.") == ["alpha", "beta", "gamma", "delta"]
    assert closed_list("The 5 founders were Alpha, Beta, Gamma and Delta.") is None  # not the count said
    assert closed_list("It gave 13 areas certificates, among them Alpha, Beta and Gamma.") is None


@pytest.mark.parametrize("text, yes", [
    ("was Udon Thani one of the 7 pilot areas?", False),
    ("is Rayong among the 7 pilot areas?", True),
    ("อุดรเป็น 1 ใน 7 พื้นที่นำร่องไหม", False),
])
def test_membership_of_a_named_list_is_read_from_its_names(convo, text, yes):
    r = convo.say(text)
    assert not r.fallback and _leads(r, yes), r.text


def test_seven_areas_are_not_the_seven_smarts(convo):
    r = convo.say("is Rayong one of the seven pilot areas?")
    assert not first_line(r).startswith("No"), r.text


def test_leaders_by_dimension_are_read_pair_by_pair(convo):
    assert leaders("Leaders in 2030: Water, Town A; Air and Soil, Town B; Food, Town C.") == [
        ("water", "town a"), ("air and soil", "town b"), ("food", "town c")]
    r = convo.say("did Samyan lead Smart Living in TSCCI 2023?")
    assert not r.fallback and _leads(r, False), r.text


def test_a_dimension_outside_the_areas_listed_smarts_is_a_no(convo):
    r = convo.say("is Smart Living one of Mae Moh's Smarts?")
    assert not r.fallback and _leads(r, False), r.text


@pytest.mark.parametrize("question, held", [
    ("is it twice the standard?", 1),  # 25 against 10
    ("is it more than three times the standard?", 0),
    ("เกินมาตรฐานสองเท่าไหม", 1),
])
def test_a_multiple_of_a_standard_is_worked_out(question, held):
    answer = "The park gave 25 m² per person in 2020, against a national standard of 10 m²."
    assert against_benchmark(question, answer, True) == held


def test_the_other_languages_name_claimed_gets_a_yes(convo):
    r = convo.say("smart people ภาษาไทยคือพลเมืองอัจฉริยะใช่มั้ย")
    assert not r.fallback and _leads(r, True), r.text
    r = convo.say("smart mobility ภาษาไทยคือการเดินทางอัจฉริยะใช่ไหม")  # not its name: no canned yes
    assert not first_line(r).startswith("ใช่"), r.text


def _v(question: str, answer: str):
    q = normalize(question)
    return verdict(q, tokenize(q.replace("ดอยคำ", "").replace("doi kham", "")), answer)  # (the name removed)


@pytest.mark.parametrize("question, answer, expected", [
    ("doi kham focuses on farming, right?", "Doi Kham aims to be a tourism hub.", "no"),
    ("ดอยคำเน้นเกษตรเป็นหลักใช่ไหม", "ดอยคำมุ่งเป็นเมืองท่องเที่ยว", "no"),
    ("ดอยคำเน้นท่องเที่ยวใช่ไหม", "ดอยคำมุ่งเป็นเมืองท่องเที่ยว", "yes"),
    ("โรงเรียนขอเป็นผู้พัฒนาได้ไหม", "ผู้สมัครเป็นได้ทั้งเทศบาลหรือโรงเรียน", "yes"),  # ขอ alone is applying
    ("ถูกเสนอเข้าเครือข่ายไหม", "ได้รับการเสนอเข้าเครือข่ายเมื่อปี 2565", "yes"),  # the passive's ถูก asks nothing
])
def test_focus_applying_and_passive_claims(question, answer, expected):
    assert _v(question, answer) == expected


def test_a_certification_claim_with_chat_particles_is_computed(convo):
    r = convo.say("โคราชก็เป็นเมืองอัจฉริยะใช่มะ")
    assert not r.fallback and _leads(r, True), r.text


@pytest.mark.parametrize("text, yes", [
    ("is wangchan valley developed by EGAT?", False),  # PTT is its developer
    ("กฟผ.เป็นผู้พัฒนาแม่เมาะใช่ไหม", True),
])
def test_who_runs_an_area_is_read_from_its_developer_fact(convo, text, yes):
    r = convo.say(text)
    assert not r.fallback and _leads(r, yes), r.text


def test_a_venue_claimed_is_read_from_the_events_own_venue_fact(convo):
    r = convo.say("did the 6 May 2021 sub-committee meeting take place in Phuket?")
    assert not r.fallback and _leads(r, False) and "Lat Phrao" in first_line(r), r.text


def test_a_launch_claimed_in_another_year_than_the_start_said_is_a_no():
    q = normalize("was the scheme launched in 2012?")
    assert verdict(q, tokenize("was the launched in 2012?"), "The ministry started the scheme in 2004.",
                   years=frozenset({2012}), fact_years=frozenset({2004}), close=False) == "no"


@pytest.mark.parametrize("text, yes", [
    ("was Phuket the number one province in TSCCI 2023?", True),  # the top of each kind, not one order
    ("was Wangchan Valley the top province in TSCCI 2023?", False),  # first, but among city-based areas
])
def test_the_first_place_is_read_in_the_ranking_of_the_kind_asked(convo, text, yes):
    r = convo.say(text)
    assert not r.fallback and _leads(r, yes), r.text


@pytest.mark.parametrize("question, expected", [
    ("does the programme run 2019-2030?", "no"),  # another span than the one stated
    ("โครงการนี้คือปี 2563-2575 ใช่ไหม", "no"),  # (Buddhist years, read as CE: 2020-2032)
])
def test_a_span_of_years_claimed_is_checked_against_the_span_stated(question, expected):
    q = normalize(question)
    answer = "The programme covers 2020 to 2031, in three phases."
    assert verdict(q, tokenize(q), answer, fact_years=frozenset({2020, 2031})) == expected


@pytest.mark.parametrize("question, expected", [
    ("is the council chaired by a deputy prime minister?", "yes"),  # said as "a Deputy PM"
    ("is the council chaired by the prime minister?", "no"),  # a deputy PM is not the PM
])
def test_a_chair_claimed_by_title_is_read_in_its_short_form(question, expected):
    answer = "The national council is chaired by a Deputy PM, Somchai Dee (2019-21)."
    q = normalize(question)
    assert verdict(q, tokenize(q), answer) == expected


@pytest.mark.parametrize("question, expected", [
    ("is the agency owned by 3 municipalities?", "no"),  # the same thing counted, another count
    ("is the agency owned by 4 municipalities?", "yes"),
    ("the agency has 2 mayors, correct?", None),  # nothing counted in that word: no verdict
    ("บริษัทนี้มีพนักงาน 90 คนใช่ไหม", None),
    ("หน่วยงานนี้แบ่งงานเป็น 5 ฝ่ายงานใช่ไหม", "no"),  # Thai, no space to cut the word at
])
def test_a_count_of_the_same_thing_stated_otherwise_is_a_no(question, expected):
    answer = "The agency is owned by 4 municipalities and has 3 ฝ่ายงาน for its work."
    q = normalize(question)
    # (a fact that matches the question's words only loosely: a number it does not state alone says nothing)
    assert verdict(q, tokenize(q), answer, close=False) == expected


@pytest.mark.parametrize("question, expected", [
    ("has the firm run the port since 2015?", "no"),
    ("บริษัทดูแลท่าเรือมาตั้งแต่ปี58ใช่มั้ย", "no"),  # a short Buddhist year: 2015
    ("บริษัทดูแลท่าเรือมาตั้งแต่ปี2555ใช่มั้ย", None),  # the year said: no denial
])
def test_a_year_since_claimed_is_checked_against_the_year_since_said(question, expected):
    answer = "The firm has run the port since 2012."
    q = normalize(question)
    said = verdict(q, tokenize(q), answer, fact_years=frozenset({2012}))
    assert said == expected if expected else said != "no"


@pytest.mark.parametrize("question, expected", [
    ("is the park a mahidol university project?", "no"),  # another university named, not this one
    ("อุทยานนี้เป็นของมหาวิทยาลัยมหิดลใช่ไหม", "no"),
    ("is the park a kasetsart university project?", None),  # the one named: the words decide
])
def test_another_university_than_the_one_claimed_is_a_no(question, expected):
    answer = "Kasetsart University owns the park (มหาวิทยาลัยเกษตรศาสตร์)."
    q = normalize(question)
    said = verdict(q, tokenize(q), answer)
    assert said == expected if expected else said != "no"


@pytest.mark.parametrize("text, yes", [
    ("has wangchan valley been run by ptt since 2019?", False),  # the developer named, but since 2013
    ("วังจันทร์วัลเลย์อยู่ในการดูแลของปตท.มาตั้งแต่ปี 2556 ใช่ไหม", True),
])
def test_the_developer_claimed_since_another_year_is_a_no(convo, text, yes):
    r = convo.say(text)
    assert _leads(r, yes), r.text


@pytest.mark.parametrize("question, expected", [
    ("will the programme end in 2035?", "no"),  # the last year of the span said is 2031
    ("โครงการนี้สิ้นสุดปี 2578 ใช่ไหม", "no"),  # (2035 in Buddhist years)
    ("โครงการนี้สิ้นสุดปี 2574 ใช่ไหม", None),  # the year said: no denial
])
def test_an_end_year_claimed_is_checked_against_the_span_stated(question, expected):
    answer = "The programme covers 2020 to 2031, in three phases."
    q = normalize(question)
    said = verdict(q, tokenize(q), answer, fact_years=frozenset({2020, 2031}))
    assert said == expected if expected else said != "no"


@pytest.mark.parametrize("text, verdict, said", [("แม่เมาะได้7smartsเลยใช่ป่ะ", "ไม่ใช่", "3 Smarts"),
                                                 ("does mae moh really have all 7 smarts", "No", "3 Smarts"),
                                                 ("ภูเก็ตมี 7 smarts จริงหรอ", "ใช่", "7 Smarts")])
def test_whether_an_area_has_the_7_smarts_is_its_plan_s_count(convo, text, verdict, said):
    # (the names gone, "มี ใช่มั้ย" says nothing: its words found the developer, the 7 Smarts unanswered)
    r = convo.say(text)
    assert not r.fallback and first_line(r).startswith(verdict) and said in first_line(r)


@pytest.mark.parametrize("question, years, expected", [
    ("did the 2019-2021 roadmap have 5 smarts?", frozenset({2019, 2020, 2021}), "no"),  # its years: 4 pillars
    ("did the 2019-2021 roadmap have 4 dimensions?", frozenset({2019, 2020, 2021}), None),
    ("does the roadmap today have 5 smarts?", frozenset(), None),  # no year of the fact: pillars are not Smarts
])
def test_pillars_of_a_plan_of_the_years_asked_count_as_its_smarts(question, years, expected):
    answer = "The town's 2019-2021 roadmap had 4 pillars: mobility, living, economy and governance."
    q = normalize(question)
    said = verdict(q, tokenize(q), answer, years=years, fact_years=frozenset({2019, 2021}), close=False)
    assert said == expected if expected else said != "no"


@pytest.mark.parametrize("text", [
    "was the khon kaen expo in 2018 opened by prawit?",  # opened by Prajin: the role the question names
    "งานเอ็กซ์โปขอนแก่นปี 2561 ประวิตรมาเปิดงานใช่ไหม",
])
def test_another_person_in_the_role_claimed_is_a_no(convo, text):
    r = convo.say(text)
    assert not r.fallback and _leads(r, False), r.text


@pytest.mark.parametrize("text, said", [
    ("did prayut chair the sub-committee meeting of 6 may 2021?", "Chaiwut"),  # that day's chair, not his post
    ("การประชุมวันที่ 6 พ.ค. 2564 มีนายกประยุทธ์เป็นประธานใช่ไหม", "ชัยวุฒิ"),
    ("was chaiwut the chair of the logo ceremony on 24 december 2021?", "Prawit"),
])
def test_a_role_claimed_at_an_event_of_a_day_is_checked_against_that_days_fact(convo, text, said):
    r = convo.say(text)
    assert _leads(r, False) and said in first_line(r), r.text


@pytest.mark.parametrize("text", [
    "does mae moh's plan have 7 smarts like samyan's?",  # Mae Moh's own fact (3) is not outdone by the pilots' one
    "แม่เมาะมี7smartเหมือนที่อื่นไหม",  # a count claimed with "มี...ไหม" is no "is there one?"
])
def test_an_areas_own_count_denies_a_count_claimed_for_it(convo, text):
    r = convo.say(text)
    assert _leads(r, False), r.text


@pytest.mark.parametrize("question, expected", [
    ("เป้า 50 สาขาใน 10 จังหวัดใช่ม้ะ", "yes"),  # "เป้า" alone names the target the fact states
    ("ได้ 50 สาขาตามเป้าแล้วใช่ไหม", None),  # whether the target was met: a target stated does not say
])
def test_a_target_asked_as_chat_is_a_target(question, expected):
    answer = "เป้าหมายล่าสุดคือมีสาขา 50 สาขาใน 10 จังหวัดภายในปี 2570"
    q = normalize(question)
    assert verdict(q, tokenize(q), answer) == expected


@pytest.mark.parametrize("text, yes", [
    ("is kvis in wangchan valley?", True),  # a claim about a named thing: the verdict first, not its overview
    ("วังจันทร์วัลเลย์มี KVIS อยู่ด้วยใช่ไหม", True),
])
def test_a_claim_relating_two_named_things_gets_a_verdict(convo, text, yes):
    r = convo.say(text)
    assert _leads(r, yes), r.text


def test_what_a_named_thing_is_asked_with_a_particle_is_still_its_overview(convo):
    r = convo.say("KVIS คืออะไรหรอ")
    assert not r.fallback and not _leads(r, True) and not _leads(r, False), r.text


def test_an_area_whose_province_has_its_id_is_checked_against_a_closed_list(convo):
    # (Nan: the area and its province share the id "nan"; neither is among the 7 early pilot areas)
    r = convo.say("was nan among the 7 early pilot areas?")
    assert _leads(r, False), r.text


@pytest.mark.parametrize("text", ["airport bus still operating?", "light rail open yet?", "รถบัสสนามบินยังให้บริการอยู่มะ"])
def test_whether_it_still_goes_on_is_a_yes_no_question_without_an_auxiliary(text):
    assert question_type(normalize(text)).yes_no


def test_a_service_that_stopped_is_a_no_to_still_operating(convo):
    r = convo.say("the khon kaen airport smart bus still operating?")
    assert not r.fallback and _leads(r, False), r.text


@pytest.mark.parametrize("question", ["เขตส่งเสริมกับเมืองได้โลโก้ เป็นประเภทเดียวกันไหม",
                                      "เขตส่งเสริมเมืองอัจฉริยะนี่ตัวเดียวกับตราเมืองอัจฉริยะป่ะ"])
def test_two_things_claimed_alike_are_a_no_when_the_fact_tells_them_apart(question):
    answer = "เขตส่งเสริมเป็นประกาศนียบัตรขั้นต้น ยังไม่ใช่ตราสัญลักษณ์ และนับแยกกัน"
    assert verdict(question, tokenize(question), answer) == "no"


def test_a_place_claimed_as_no_dot_number_is_read_from_the_ranking(convo):
    # (the point of "no.2" ends no clause; "among city-based areas" is the ranking, not a top-three claim)
    assert question_type(normalize("was khlong phadung krung kasem no.2 among city-based areas?")).yes_no
    r = convo.say("was wangchan valley no.2 among the city-based areas in tscci 2023?")
    assert not r.fallback and _leads(r, False), r.text


def test_a_ceremony_venue_claimed_is_checked_against_where_the_logos_were_handed_over(convo):
    r = convo.say("was the dec 2021 logo ceremony at the depa office?")
    assert not r.fallback and _leads(r, False), r.text


def test_the_time_of_a_post_claimed_is_no_word_of_the_post(convo):
    # (the post is said; "ช่วงปี" only dates the claim, and its year is checked apart)
    r = convo.say("ช่วงปี 2564 ณัฐพลเป็นผอ.ใหญ่ของดีป้าใช่ไหม")
    assert not r.fallback and not first_line(r).startswith("ไม่ใช่"), r.text


@pytest.mark.parametrize("text, yes, counts", [
    ("แม่เมาะมีแผน 7 ด้านเหมือนสามย่านไหม", False, ("3", "7")),  # the count claimed is not the first area's
    ("are samyan and wangchan valley both 7-smarts areas?", True, ("7",)),
    ("does phuket have as many smarts as mae moh?", False, ("7", "3")),
    ("วังจันทร์วัลเลย์ทำครบทุกด้านเหมือนภูเก็ตไหม", True, ("7",)),
])
def test_two_areas_smarts_alike_are_worked_out_from_both_counts(convo, text, yes, counts):
    r = convo.say(text)
    assert not r.fallback and _leads(r, yes), r.text
    assert all(n in first_line(r) for n in counts) and "•" not in r.text  # one sentence, not two facts side by side


@pytest.mark.parametrize("text", ["สามย่านได้ตราวันเดียวกับภูเก็ตใช่ไหม", "วังจันทร์อนุมัติวันเดียวกับแม่เมาะรึเปล่า"])
def test_the_same_day_as_another_area_is_worked_out_from_both_dates(convo, text):
    r = convo.say(text)
    assert _leads(r, True) and "6 พฤษภาคม 2564" in first_line(r), r.text


def test_a_count_of_a_schemes_parts_is_checked_against_the_parts_it_names(convo):
    # the question names the scheme's platforms, so its "7 ด้าน" counts them: the fact's 6 platforms say no,
    # and depa named as what it is likened to does not take the verdict away from a fact about BOI
    r = convo.say("บีโอไอแบ่งเป็น 7 แพลตฟอร์มเหมือนดีป้าหรือเปล่า")
    assert _leads(r, False) and "6" in first_line(r), r.text


def test_the_account_a_question_names_in_a_dispute_can_say_no():
    answer = ("Sources differ: depa's news says the plan covers 7 Smarts, which no other source confirms, while its "
              "2018–2022 master plan had 6 pillars, without smart energy.")
    q = normalize("was smart energy a pillar of the old master plan?")
    assert verdict(q, tokenize(normalize("was a pillar of the old master plan?")), answer) == "no"
    q = normalize("did that master plan have 7 pillars?")
    assert verdict(q, tokenize(q), answer) == "no"
    # naming no one account ("the plan" is in both), the dispute settles nothing
    q = normalize("does the plan cover energy?")
    assert verdict(q, tokenize(q), answer) is None


@pytest.mark.parametrize("text, yes", [
    ("is smart tourism one of the seven?", False),  # the seven left unsaid are the Smarts
    ("is smart mobility among the 7?", True),
])
def test_one_of_the_seven_unsaid_is_the_seven_smarts(convo, text, yes):
    r = convo.say(text)
    assert _leads(r, yes), r.text


@pytest.mark.parametrize("text, yes", [
    ("so the logo is valid forever?", False),
    ("the logo lasts forever?", False),  # a statement with a question mark, its verb in the present
    ("we heard phuket gave boat tourists wristbands, correct?", True),  # hearsay is no part of the claim
])
def test_everyday_claims_get_their_verdict(convo, text, yes):
    r = convo.say(text)
    assert not r.fallback and _leads(r, yes), r.text


@pytest.mark.parametrize("text, yes", [
    ("does wangchan valley belong to EGAT?", False),  # PTT's
    ("is Mae Moh an EGAT project?", True),
])
def test_whose_area_it_is_said_otherwise_is_read_from_its_developer(convo, text, yes):
    r = convo.say(text)
    assert _leads(r, yes), r.text


def test_who_chaired_on_whose_behalf_is_the_chair_claimed():
    answer = "Deputy PM Gen. Prawit Wongsuwon presided over the 24 December 2021 logo ceremony, on behalf of PM Prayut."
    q = normalize("so prawit chaired the december 2021 ceremony on behalf of prayut?")
    assert verdict(q, tokenize(q), answer) != "no"  # (the name claimed ends before "on behalf")


def test_a_clause_of_its_own_keeps_its_year_with_the_words_after_it():
    # the year asked is the first clause's, whose words come after its date; the other clause is another year's
    answer = ("Gen. Prayut Chan-o-cha, then Prime Minister, presided over the 9 January 2023 ceremony handing out "
              "the logos; Deputy PM Prawit stood in for him at the 24 December 2021 ceremony.")
    q = normalize("was the prime minister chairing that 2023 handover?")
    said = verdict(q, tokenize(normalize("was the prime minister chairing that 2023 handover?")), answer,
                   years=frozenset({2023}), fact_years=frozenset({2021, 2023}))
    assert said != "no"
