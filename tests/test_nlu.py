"""The classifier: held-out accuracy on questions it never saw, and the fast scorer equals scikit-learn."""

from pathlib import Path

import numpy as np
import pytest
import yaml

from intents.classifier import _to_model, fit_sklearn
from intents.features import features
from intents.normalize import normalize
from intents.training_data import load_training_data

HELDOUT = Path(__file__).parent / "data" / "heldout.yaml"


@pytest.fixture(scope="module")
def heldout():
    return yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))


def test_heldout_pass_rate(bot, heldout, capsys):
    """Intent accuracy on our own test questions (never used for training), printed for the record."""
    misses, oos_total, oos_caught, in_total, in_rejected, city_total, city_ok = [], 0, 0, 0, 0, 0, 0
    for item in heldout:
        u = bot.nlu.parse(item["text"])
        if u.intent != item["intent"]:
            misses.append(f"{item['intent']} -> {u.intent}: {item['text']}")
        if item["intent"] == "out_of_scope":
            oos_total += 1
            oos_caught += u.intent == "out_of_scope"
        else:
            in_total += 1
            in_rejected += u.intent == "out_of_scope"
            if item.get("city"):
                city_total += 1
                city_ok += item["city"] in u.entities.cities
    rate = 1 - len(misses) / len(heldout)
    with capsys.disabled():
        print(f"\nheld-out pass rate: {rate:.1%} ({len(heldout) - len(misses)}/{len(heldout)}); "
              f"out-of-scope recall {oos_caught / oos_total:.1%}; in-scope wrongly rejected "
              f"{in_rejected / in_total:.1%}; city resolved {city_ok}/{city_total}")
        for m in misses:
            print("  miss:", m)
    assert rate >= 0.95
    assert oos_caught / oos_total >= 0.90
    assert in_rejected / in_total <= 0.03
    assert city_ok / city_total >= 0.95


def test_confidence_is_a_probability(bot):
    for text in ("ภูเก็ตได้รับรองเมื่อไหร่", "asdf qwer", "where is samyan"):
        u = bot.nlu.parse(text)
        assert 0.0 <= u.confidence <= 1.0
        assert abs(sum(p for _, p in bot.nlu.model.rank(u.normalized, u.tokens, top=100)) - 1.0) < 1e-6


def test_fast_scorer_matches_scikit_learn():
    data = load_training_data()
    # (any fit will do, converged or not: what is compared is how the two apply the same weights)
    texts = [normalize(e.text) for e in data.examples[::5]]
    labels = [e.intent for e in data.examples[::5]]
    vec, clf = fit_sklearn(texts, labels, C=10.0, tol=1e-2)
    model = _to_model(vec, clf)
    probe = [normalize(t) for t in ("ขอนแก่นอยู่ไหน", "what are the 7 smarts", "ดีป้าคืออะไร", "zzz", "")]
    expected = clf.decision_function(vec.transform(probe))
    got = np.array([model.decision(features(t)) for t in probe])
    assert np.allclose(got, expected, atol=1e-9)


def test_a_retrain_starts_from_the_current_weights_and_reaches_the_same_model():
    """A retrain after a staff edit starts the solver from the model it replaces: far fewer iterations, and the
    model a fit from scratch gives (the same optimum), so answers do not depend on how the model was reached."""
    data = load_training_data()
    texts = [normalize(e.text) for e in data.examples[::10]]
    labels = [e.intent for e in data.examples[::10]]
    before = _to_model(*fit_sklearn(texts, labels, C=2.0))  # (a small C: quick to fit in a test)
    texts, labels = [*texts, "หน่วยงานไหนดูแลเรื่องตราเมืองอัจฉริยะ"], [*labels, "about_depa"]
    vec_warm, warm = fit_sklearn(texts, labels, C=2.0, start=before)
    vec_cold, cold = fit_sklearn(texts, labels, C=2.0)
    assert warm.n_iter_[0] <= 0.6 * cold.n_iter_[0]
    probe = texts[::7] + ["ขอนแก่นได้ตราเมื่อไหร่", "who chaired the meeting", "หน่วยงานไหนดูแลตรา"]
    got, want = warm.decision_function(vec_warm.transform(probe)), cold.decision_function(vec_cold.transform(probe))
    assert (got.argmax(axis=1) == want.argmax(axis=1)).all()
    assert np.abs(got - want).max() < 0.1


def test_model_is_cached_and_reused(bot, data_dir):
    """A second start loads the cached file: no training (the file is not rewritten), the same weights."""
    cached = list((data_dir / "models").glob("intent-model-*.npz"))
    assert len(cached) == 1
    written = cached[0].stat().st_mtime_ns
    from bot.services.training_examples import examples_from_entries
    from intents.nlu import load_model

    again = load_model(data_dir / "models", bot.nlu.extractor, extra=examples_from_entries(bot.kb.facts.values()))
    assert list((data_dir / "models").glob("intent-model-*.npz")) == cached
    assert cached[0].stat().st_mtime_ns == written  # a retrain would have replaced the file
    assert again.classes == bot.nlu.model.classes and np.array_equal(again.coef, bot.nlu.model.coef)


def test_a_start_with_the_model_cached_never_imports_scikit_learn(bot, data_dir):
    """scikit-learn is for training only: importing it cost two seconds of every server start."""
    import os
    import subprocess
    import sys

    script = ("import sys\nfrom bot.config import load_config\nfrom bot.service import build_bot\n"
              "bot = build_bot(load_config())\nassert bot.dialogue.respond('where is samyan').text\n"
              "print(sorted(m for m in sys.modules if m == 'sklearn' or m.startswith('sklearn.')))")
    env = {**os.environ, "BOT_DATA_DIR": str(data_dir)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"


def test_an_added_phrasing_leaves_every_other_phrasing_in_its_fold():
    # A shuffled split reassigned every phrasing when staff added one, which moved the calibration and with
    # it about one development answer in a hundred.
    from intents.classifier import stable_folds

    texts = [f"คำถามที่ {i} about smart cities" for i in range(300)]
    before = stable_folds(texts, 3, 13)
    after = stable_folds(texts + ["a new staff phrasing"], 3, 13)
    fold_of = lambda splits: {int(i): k for k, (_, test) in enumerate(splits) for i in test}  # noqa: E731
    old, new = fold_of(before), fold_of(after)
    assert all(new[i] == old[i] for i in range(300))
    assert sorted(len(t) for _, t in before)[0] > 60  # every fold holds a fair share
