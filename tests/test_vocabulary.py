"""Words no fact uses: real Thai words are flagged, typos, chat words and compounds of known words are not."""

import pytest

from intents.features import tokenize
from intents.normalize import normalize
from intents.vocabulary import Vocabulary

KNOWN = frozenset({"ดีป้า", "กี่", "คน", "รับมอบ", "ขนส่ง", "มวลชน", "ผู้"})


@pytest.fixture(scope="module")
def vocabulary():
    return Vocabulary()


def unknown(vocabulary, text):
    return vocabulary.unknown(tokenize(normalize(text)), KNOWN)


def test_a_real_word_no_fact_uses_is_unknown(vocabulary):
    assert "พนักงาน" in unknown(vocabulary, "ดีป้ามีพนักงานกี่คน")


@pytest.mark.parametrize("text", ["ดีป้ากะคนไผ", "แม่นบ่", "เมื่อก่อนดีป้ากี่คน"])
def test_chat_and_dialect_words_are_not_unknown(vocabulary, text):
    assert unknown(vocabulary, text) == []


def test_a_compound_of_known_words_is_known(vocabulary):
    assert vocabulary.unknown(["ขนส่งมวลชน", "ผู้รับมอบ"], KNOWN) == []


def test_an_english_word_no_fact_uses_is_unknown(vocabulary):
    assert vocabulary.unknown(["password", "taxi"], KNOWN | {"airport"}) == ["password", "taxi"]


@pytest.mark.parametrize("word", ["airports", "airprot", "lol", "stuff", "marketing", "month", "bts"])
def test_english_forms_typos_and_chat_words_are_not_unknown(vocabulary, word):
    # a plural and a typo of a known word, everyday chat words, and short words are not a sign of a new topic
    assert vocabulary.unknown([word], KNOWN | {"airport"}) == []


@pytest.mark.parametrize("word", ["recognised", "recognize", "rated", "compare", "entire", "mentioned",
                                  "สัมภาษณ์", "เปรียบเทียบ"])
def test_words_of_telling_and_comparing_never_name_a_topic(vocabulary, word):
    # how news is told or how people ask ("mentioned", "rated", "compare", "ให้สัมภาษณ์") is no sign of a new topic,
    # and a word few facts use among them is not what an answer must say
    assert vocabulary.unknown([word], KNOWN) == []
    assert vocabulary.distinctive([word], {word: 1}, 100) == []


def test_a_topic_word_is_still_unknown_next_to_everyday_ones(vocabulary):
    assert vocabulary.unknown(["compare", "hotel", "prices"], KNOWN) == ["hotel", "prices"]


@pytest.mark.parametrize("word", ["agree", "concretely", "geographically", "went", "tied", "appointed", "หมู่บ้าน",
                                  "สถานะ", "เวอร์ชัน"])
def test_words_that_frame_a_question_never_name_a_topic(vocabulary, word):
    # whether sources agree, what something is tied to, put concretely, what money went into it, "my village"
    # asking how to apply: the frame of a question, not a topic the knowledge base lacks
    assert vocabulary.unknown([word], KNOWN) == []
