"""After staff edits, the classifier is retrained on the edited entries' phrasings (in the background)."""

import threading
import time
import uuid

from helpers import wait_until

from bot.faq_store import to_entry
from bot.services.training_examples import examples_from_entries


def test_retraining_learns_a_staff_phrasing(bot):
    tag = uuid.uuid4().hex[:5]
    phrasing = f"หน่วยงานดีป้ามีหน้าที่อะไรในเรื่องโครงการ{tag}"
    before = bot.nlu.model
    entries = dict(bot.live.current().entries)
    curated = entries["depa-what"]
    data = {"id": "depa-what", "intent": "about_depa",
            "questions": {"th": [*curated.questions.th, phrasing], "en": list(curated.questions.en)},
            "answer": {"th": curated.answer.th, "en": curated.answer.en}, "cities": [], "topics": [], "source": "x"}
    entries["depa-what"] = to_entry(data, curated)
    assert phrasing in [e.text for e in examples_from_entries(entries.values(), before.classes, {"depa-what"})]
    try:
        bot.retrainer.retrain_now(entries, frozenset({"depa-what"}))
        assert bot.nlu.model is not before  # a new model, trained on one more example
        # every phrasing of a staff-edited entry is learnt (curated facts contribute their first few)
        assert bot.nlu.model.meta["examples"] > before.meta["examples"]
        assert bot.nlu.parse(phrasing).intent == "about_depa"
        # one fit, not four: the calibration of the model it replaces is kept (no cross-validation again)
        new = bot.nlu.model
        assert new.meta["calibration_from"] == before.meta["fingerprint"]
        assert (new.temperature, new.threshold, new.margin) == (before.temperature, before.threshold, before.margin)
    finally:
        bot.nlu.model = before


def test_edits_schedule_a_debounced_retrain(bot):
    """Three quick edits give one retrain (observed through the retrainer's on_done hook; the entries are
    the current ones, so the cached model is reused and nothing is trained)."""
    calls = []
    entries = dict(bot.kb.entries)
    bot.retrainer.on_done, bot.retrainer.delay = (lambda: calls.append(time.monotonic())), 0.3
    try:
        for _ in range(3):
            bot.retrainer.schedule(entries)
            time.sleep(0.05)
        def settled() -> bool:  # a retrain ran, and no timer of this retrainer is waiting or running
            return bool(calls) and not [t for t in threading.enumerate() if isinstance(t, threading.Timer)
                                        and t.function == bot.retrainer._run]

        wait_until(settled, timeout=30, message="the retrain")
        assert len(calls) == 1
    finally:
        bot.retrainer.on_done, bot.retrainer.delay = None, 3.0
