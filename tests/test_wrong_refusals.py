"""Questions the knowledge base answers that used to get the honest fallback, and what must still get it."""

import pytest

from helpers import first_line
from intents.synonyms import expand


@pytest.mark.parametrize("text, expected", [
    ("ดีป้าหนุนโครงการนำร่องในขอนแก่นธีมไหนบ้าง", "การเดินทาง"),
    ("เหตุเรือล่มภูเก็ตปี 2561 คนตายไปกี่คน", "47"),
    ("ภูเก็ตมีเรือโดยสารกี่คนต่อวัน", "50,000"),
    ("in 2018 was smart environment compulsory for a city", "Environment"),
])
def test_a_word_the_facts_say_otherwise_is_no_unknown_word(convo, text, expected):
    r = convo.say(text)
    assert not r.fallback and expected in first_line(r)


@pytest.mark.parametrize("text", ["พิธีมอบตราปี 65 จัดที่ไหน", "ตายตัว"])
def test_a_word_inside_another_is_left_alone(text):
    assert expand(text) == text


def test_booking_a_ticket_is_still_refused(convo):
    assert convo.say("can you get me a train ticket to phuket").fallback
