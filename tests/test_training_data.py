"""Checks on the training data that keep the classifier honest."""

from pathlib import Path

import pytest
import yaml

from intents.normalize import normalize
from intents.training_data import DATA_DIR, TrainingDataError, load_training_data

HELDOUT = Path(__file__).parent / "data" / "heldout.yaml"


@pytest.fixture(scope="module")
def data():
    return load_training_data(min_th=30, min_en=15)


def test_every_intent_has_enough_thai_and_english_examples(data):
    for name, item in data.intents.items():
        assert len(item.examples.th) >= 30, name
        assert len(item.examples.en) >= 15, name


def test_heldout_questions_are_never_in_the_training_data(data):
    """Neither in intents/data nor among the FAQ entries' phrasings, which are trained on too."""
    from bot.services.training_examples import examples_from_entries
    from knowledge.loader import load

    facts = load().facts.values()
    train = {normalize(e.text) for e in data.examples} | {normalize(e.text) for e in examples_from_entries(facts)} | {
        normalize(q) for f in load().facts.values() for q in (*f.questions.th, *f.questions.en)}
    held = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    leaked = [h["text"] for h in held if normalize(h["text"]) in train]
    assert leaked == []


def test_blind_questions_are_never_in_the_training_data(data):
    """The blind sets' questions are neither intent examples nor facts' example questions (never trained on)."""
    from bot.services.training_examples import examples_from_entries
    from knowledge.loader import load

    facts = load().facts.values()
    train = {normalize(e.text) for e in data.examples} | {normalize(e.text) for e in examples_from_entries(facts)} | {
        normalize(q) for f in load().facts.values() for q in (*f.questions.th, *f.questions.en)}
    # (libyaml's safe loader where installed: the 31 sets take 7 s with the pure-Python one)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    blind = [t["text"] for path in sorted((HELDOUT.parent / "blind").glob("*.yaml"))
             for item in yaml.load(path.read_text(encoding="utf-8"), Loader=loader)["items"] for t in item["turns"]]
    assert len(blind) >= 150
    assert [t for t in blind if normalize(t) in train] == []


def test_heldout_covers_every_intent(data):
    held = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    assert {h["intent"] for h in held} == set(data.intents)


def _write(tmp_path, name, intent, th, en):
    (tmp_path / f"{name}.yaml").write_text(
        yaml.safe_dump({"intent": intent, "description": "d", "examples": {"th": th, "en": en}}, allow_unicode=True),
        encoding="utf-8")


def test_the_same_example_under_two_intents_fails(tmp_path):
    _write(tmp_path, "a", "a", ["ขอนแก่นอยู่ไหน"], ["where"])
    _write(tmp_path, "b", "b", ["ขอนเเก่นอยู่ไหน"], ["when"])  # same after normalisation
    _write(tmp_path, "out_of_scope", "out_of_scope", ["อากาศ"], ["weather"])
    with pytest.raises(TrainingDataError, match="also under a"):
        load_training_data(tmp_path)


def test_an_intent_without_english_fails(tmp_path):
    _write(tmp_path, "a", "a", ["ขอนแก่นอยู่ไหน"], [])
    _write(tmp_path, "out_of_scope", "out_of_scope", ["อากาศ"], ["weather"])
    with pytest.raises(TrainingDataError, match="intent a has 0 English examples"):
        load_training_data(tmp_path)


def test_an_intent_without_thai_fails(tmp_path):
    _write(tmp_path, "a", "a", [], ["where"])
    _write(tmp_path, "out_of_scope", "out_of_scope", ["อากาศ"], ["weather"])
    with pytest.raises(TrainingDataError, match="intent a has 0 Thai examples"):
        load_training_data(tmp_path)


def test_faq_entries_answer_known_intents(bot, data):
    for entry in bot.kb.entries.values():
        assert entry.intent in data.intents, entry.id


def test_every_shipped_intent_file_is_loaded(data):
    """Each intents/data/*.yaml file is one intent of the default training data (none silently skipped)."""
    files = {yaml.safe_load(p.read_text(encoding="utf-8"))["intent"] for p in DATA_DIR.glob("*.yaml")}
    assert files and files == set(data.intents)


def test_staff_phrasings_are_added_but_never_relabel_a_curated_example(data):
    """A staff entry's phrasing joins the training data, unless it is (normalised) a curated example of another
    intent: the curated label wins, so an entry cannot silently move a greeting to its own intent."""
    from intents.training_data import Example

    greeting = next(e for e in data.examples if e.intent == "greet" and e.lang == "en")
    new = Example("which bus lines stop at the old market", "city_overview", "en", "entry:staff-1")
    clash = Example(greeting.text.upper() + "  ", "city_overview", "en", "entry:staff-2")
    merged = data.with_extra([new, clash])
    assert new in merged.examples and clash not in merged.examples
    assert {e.intent for e in merged.examples if normalize(e.text) == normalize(greeting.text)} == {"greet"}
    assert len(merged.examples) == len(data.examples) + 1
