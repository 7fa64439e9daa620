"""Training examples for the intent classifier from knowledge entries (facts and staff FAQ entries).

Used when a worker or ``smartcity-bot serve`` trains the model at start-up (the curated facts), by
``smartcity-bot nlu-eval`` (the same examples, cross-validated) and when retraining after staff edits
(:mod:`bot.retrain`: the merged entries, every phrasing of the ones staff wrote).
"""

from __future__ import annotations

from collections.abc import Iterable

from intents.training_data import Example
from knowledge.schema import Entry

__all__ = ["CLASSIFIER_EXAMPLES_PER_FACT", "examples_from_entries"]

#: Example questions per fact and language the intent classifier learns from. Retrieval uses them all; the
#: classifier only needs each fact's intent represented, and its training time grows with the examples.
CLASSIFIER_EXAMPLES_PER_FACT = {"th": 3, "en": 2}


def examples_from_entries(entries: Iterable[Entry], intents: Iterable[str] | None = None,
                          staff: frozenset[str] = frozenset()) -> list[Example]:
    """The first question phrasings of entries (of a known intent, when ``intents`` is given), as training
    examples for their intents; every phrasing of the entries staff wrote or edited (``staff``)."""
    known = None if intents is None else set(intents)
    return [Example(text, e.intent, lang, f"entry:{e.id}") for e in entries if known is None or e.intent in known
            for lang, texts in (("th", e.questions.th), ("en", e.questions.en))
            for text in (texts if e.id in staff else texts[:CLASSIFIER_EXAMPLES_PER_FACT[lang]])]
