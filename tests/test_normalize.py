"""Normalisation: what users type becomes one canonical form before anything else."""

import pytest

from intents.features import tokenize
from intents.normalize import MAX_TEXT_CHARS, detect_language, normalize


@pytest.mark.parametrize("raw, expected", [
    ("ขอนเเก่น", "ขอนแก่น"),                      # เเ typed as two เ
    ("ขอนแก่นนนน", "ขอนแก่น"),                     # repeated consonant for emphasis
    ("ดีีีีครับ", "ดีครับ"),                          # repeated vowel
    ("มี ๗ smart ไหม", "มี 7 smart ไหม"),            # Thai digits
    ("ภูเก็ต 555", "ภูเก็ต"),                        # laughter
    ("ภูเก็ต5555555", "ภูเก็ต"),
    ("\ufeffภูเ\u200dก็ต\u200b", "ภูเก็ต"),           # BOM, zero-width joiner and space
    ("ＰＨＵＫＥＴ  Smart   City", "phuket smart city"),  # fullwidth, case, spaces
    ("น้ำ คำ", "น้ำ คำ"),                            # SARA AM survives compatibility folding
    ("กรรม คนนั้น", "กรรม คนนั้น"),                  # legitimate double letters are kept
    ("soooo cool!!!!", "soo cool!!"),
    ("ได้คะแนนกี่เปอร์", "ได้คะแนนกี่เปอร์เซ็นต์"),          # percent cut short after a count
    ("ราว 60 เปอร์", "ราว 60 เปอร์เซ็นต์"),
    ("ซุปเปอร์มาร์เก็ต", "ซุปเปอร์มาร์เก็ต"),              # ...but "super" is no percent
    ("ประชุมวันที่ 24 ธค 64", "ประชุมวันที่ 24 ธ.ค. 64"),    # a month's abbreviation typed without dots
    ("การประชุม6พค64มีใครบ้าง", "การประชุม6 พ.ค. 64มีใครบ้าง"),
    ("ได้ตรา 13สค.", "ได้ตรา 13 ส.ค."),
    ("มีสค", "มีสค"),                                # ...only after a day's number
    ("Mtg No. 2/2021 result", "meeting 2/2021 result"),  # a meeting's number as users shorten it
    ("the no. 1 city", "the no. 1 city"),              # ...but a rank is no meeting number
    ("about 30km away, a 600MW plant", "about 30 km away, a 600 mw plant"),  # a unit typed against its number
    ("5G and 4.0", "5g and 4.0"),                      # ...but no name that ends in a letter
])
def test_normalize_fixes_what_users_type(raw, expected):
    assert normalize(raw) == expected


def test_numbers_that_contain_fives_are_not_laughter():
    assert normalize("ปี 2555") == "ปี 2555"
    assert normalize("0.555 บาท") == "0.555 บาท"


def test_text_is_capped_before_nlp_work():
    assert len(normalize("ก" * 50_000)) <= MAX_TEXT_CHARS
    assert len(normalize("ab " * 50_000)) <= MAX_TEXT_CHARS


def test_normalize_never_raises_on_odd_input():
    for s in ["", " ", "\u0e4d\u0e32", "🙂🙂", "\u202eabc", "a\u0301\u0301\u0301", "\x00\x01", "ๆๆๆ"]:
        assert isinstance(normalize(s), str)


@pytest.mark.parametrize("text, lang", [
    ("ภูเก็ตมีแผนอะไร", "th"),
    ("ภูเก็ต smart city คืออะไร", "th"),
    ("What is Phuket planning as a smart city?", "en"),
    ("what is ภูเก็ต planning as a smart city", "en"),
    ("is ขอนแก่น certified as a smart city", "en"),  # (a Thai name in English: the English decides)
    ("smart mobility คือ", "th"),
    ("CMU smart city ได้คะแนน", "th"),
    ("what does depa do ครับ", "th"),
    ("1234", "en"),
])
def test_language_detection(text, lang):
    assert detect_language(normalize(text)) == lang


def test_tokenizer_splits_unspaced_thai_and_drops_spaces():
    tokens = tokenize(normalize("ทำไมเมืองขอนแก่นเพิ่งจะได้รับรองเป็น smart city"))
    assert "ขอนแก่น" in tokens and "smart" in tokens
    assert " " not in tokens and "" not in tokens


def test_fast_thai_normalize_gives_what_pythainlp_gives():
    """The compiled copy of pythainlp's normalize (intents/normalize.py) must change nothing: the training
    examples, the facts and random strings of Thai signs (repeated vowels, tone marks, spaces before marks)."""
    import random

    from pythainlp.util import normalize as pythainlp_normalize

    from intents.normalize import _pythainlp_normalize, _thai_normalize
    from intents.training_data import load_training_data
    from knowledge.loader import load

    assert _thai_normalize is not _pythainlp_normalize  # the fast path is in use with this pythainlp
    kb = load()
    texts = [e.text for e in load_training_data().examples]
    texts += [t for f in kb.facts.values() for t in (*f.questions.th, f.answer.th)]
    rng = random.Random(5)
    signs = "กขคนมเแโใไะาำๅัิีึืํ็ฺุู่้๊๋์๎ฤฦ  \n\u200b\u200cab1"
    texts += ["".join(rng.choice(signs) for _ in range(rng.randrange(1, 30))) for _ in range(20000)]
    changed = [t for t in texts if _thai_normalize(t) != pythainlp_normalize(t)]
    assert not changed, changed[:5]


@pytest.mark.parametrize("typed, meant", [("5เมืองนำร่องมีไรบ้างง", "5เมืองนำร่องมีไรบ้าง"), ("ได้ไหมม ครับ", "ได้ไหม ครับ"),
                                         ("ยังงครับ", "ยังครับ"), ("งงมาก", "งงมาก")])
def test_a_particle_with_its_last_letter_typed_twice_is_the_particle(typed, meant):
    assert normalize(typed) == meant


@pytest.mark.parametrize("text", ["ระบบบริการของเมือง", "ดูแบบบ้านเรา", "เมืองไหนคะแนนนำ"])
def test_a_doubled_word_end_before_a_word_that_starts_with_that_letter_is_kept(text):
    # "ระบบ" + "บริการ": three letters in a row at a word boundary, not emphasis
    assert normalize(text) == text


@pytest.mark.parametrize("text, expected", [("ไหนบ้างงงครับ", "ไหนบ้างครับ"), ("ขอนแก่นนนครับ", "ขอนแก่นครับ")])
def test_emphasis_before_a_particle_is_still_collapsed(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ขอนแก่นได้ตราใช่ม้ะ", "ขอนแก่นได้ตราใช่มะ"),  # the chat particle with a tone mark is the "มะ" yes/no knows
    ("จริงม๊ะครับ", "จริงมะครับ"),
    ("มะม่วง ม้ะ", "มะม่วง ม้ะ"),  # not after a word that asks
])
def test_a_toned_ma_particle_is_read_as_ma(text, expected):
    assert normalize(text) == expected
