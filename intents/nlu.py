"""The language-understanding pipeline: normalise → detect language → tokenise → classify → extract.

Each step writes named fields of one :class:`Understanding`, in the order of docs/architecture.md.
"""

from __future__ import annotations

import fcntl
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .classifier import IntentModel, TrainConfig, decide, train
from .entities import Entities, EntityExtractor
from .features import FEATURES_VERSION, tokenize
from .normalize import MAX_TEXT_CHARS, detect_language, normalize
from .training_data import OUT_OF_SCOPE, Example, TrainingData, load_training_data

__all__ = ["Understanding", "NLU", "load_model", "OUT_OF_SCOPE"]

log = logging.getLogger(__name__)


@dataclass
class Understanding:
    """What the bot understood of one message."""

    text: str
    normalized: str
    lang: str
    tokens: list[str]
    intent: str  # after the out-of-scope decision
    confidence: float  # calibrated probability of the best intent
    ranking: list[tuple[str, float]] = field(default_factory=list)
    entities: Entities = field(default_factory=Entities)

    @property
    def top_intent(self) -> str:
        """The classifier's best guess, before the threshold and margin."""
        return self.ranking[0][0] if self.ranking else self.intent


LEXICON_DIR = Path(__file__).parent / "lexicon"


class OffTopicCues:
    """Words that mark a question as outside the knowledge base (``intents/lexicon/off_topic.yaml``).

    A second signal beside the classifier's out-of-scope class: "ภูเก็ตมีโรงแรมไหม" looks like a question
    about Phuket's plan to a bag of n-grams, but "โรงแรม" says it is not. It only overrides predictions
    below ``override_below`` confidence.
    """

    def __init__(self, path: Path = LEXICON_DIR / "off_topic.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.override_below = float(data["override_below"])
        self.thai = [normalize(w) for w in data["cues"]["th"]]
        # (longest first: "ผู้ถือหุ้น" is taken out whole, before "ถือหุ้น")
        self.in_scope = sorted((normalize(w) for w in data.get("in_scope", {}).get("th", [])), key=len, reverse=True)
        english = sorted({normalize(w) for w in data["cues"]["en"]}, key=len, reverse=True)
        self.english = re.compile(r"\b(" + "|".join(re.escape(w) for w in english) + r")\b")
        self._found: dict[str, str | None] = {}  # by text: the NLU and the dialogue both ask, and texts come back

    def find(self, text: str) -> str | None:
        """The first cue in normalised ``text``, or None."""
        try:
            return self._found[text]
        except KeyError:
            pass
        if len(self._found) >= PARSE_CACHE_SIZE:
            self._found.clear()
        found = self._found[text] = self._find(text)
        return found

    def _find(self, text: str) -> str | None:
        for word in self.in_scope:  # ("ใครถือหุ้น" asks who owns a company: no "หุ้น" of the stock market)
            text = text.replace(word, " ")
        for word in self.thai:
            if word in text:
                return word
        m = self.english.search(text)
        return m.group(1) if m else None


#: Understandings kept per model: the same texts come again and again (quick replies, the questions people
#: ask most), and understanding one is most of a message's own CPU.
PARSE_CACHE_SIZE = 4096


class NLU:
    """Understands a message with a trained :class:`IntentModel` and an :class:`EntityExtractor`.

    An understanding depends only on the text, the model, the extractor and the cues, so the last
    :data:`PARSE_CACHE_SIZE` are kept by text, and dropped when the model is replaced (retraining after a
    staff edit, :mod:`bot.retrain`). Callers share them: they read an :class:`Understanding`, never change it.
    """

    def __init__(self, model: IntentModel, extractor: EntityExtractor, cues: OffTopicCues | None = None,
                 max_chars: int = MAX_TEXT_CHARS):
        self.max_chars = max_chars  # the service's MAX_TEXT_CHARS: the same cap as /api/ask and the staff API
        self.extractor = extractor
        self.cues = cues or OffTopicCues()
        self.model = model

    @property
    def model(self) -> IntentModel:
        return self._model

    @model.setter
    def model(self, model: IntentModel) -> None:
        # A new cache with the new model, in one attribute swap: a parse in flight on the old model fills
        # the old cache, never the new one.
        self._model = model
        self._parsed = lru_cache(maxsize=PARSE_CACHE_SIZE)(lambda text: self._understand(text, model))

    def parse(self, text: str) -> Understanding:
        """What ``text`` says (kept: see the class docstring)."""
        return self._parsed((text or "")[: self.max_chars])

    def _understand(self, text: str, model: IntentModel) -> Understanding:
        norm = normalize(text, self.max_chars)
        lang = detect_language(norm)
        tokens = tokenize(norm) if norm else []
        if not norm:
            return Understanding(text, norm, lang, tokens, OUT_OF_SCOPE, 0.0, [(OUT_OF_SCOPE, 0.0)])
        entities = self.extractor.extract(norm, tokens)
        masked = entities.masked or norm
        ranking = model.rank(masked, tokens if masked == norm else tokenize(masked), top=5)
        intent = decide(ranking, model.threshold, model.margin)
        if intent != OUT_OF_SCOPE and ranking[0][1] < self.cues.override_below and self.cues.find(norm):
            intent = OUT_OF_SCOPE
        return Understanding(text, norm, lang, tokens, intent, ranking[0][1], ranking, entities)


def load_model(cache_dir: Path, extractor: EntityExtractor, data_dir: Path | None = None,
               extra: list[Example] | None = None, config: TrainConfig = TrainConfig(),
               calibrated_like: IntentModel | None = None, data: TrainingData | None = None) -> IntentModel:
    """The model for the current training data and name lexicon: from the cache, or trained and cached
    (``calibrated_like``: keep that model's calibration rather than cross-validate, see ``train``; ``data``:
    training data already read, used instead of reading ``data_dir`` and adding ``extra``).

    The cache file is named by fingerprints of the examples, the lexicon (names are masked before
    classification), the feature code and the fit's settings, so editing any of them retrains automatically; a file lock
    keeps concurrent workers from training the same model twice.
    """
    if data is None:
        data = load_training_data(data_dir, extra=extra) if data_dir else load_training_data(extra=extra)
    key = f"{data.fingerprint()}-{extractor.fingerprint}-f{FEATURES_VERSION}-c{config.C:g}-t{config.tol:g}"
    path = Path(cache_dir) / f"intent-model-{key}.npz"
    if path.exists():
        try:
            return IntentModel.load(path)
        except Exception:  # a corrupt cache is rebuilt, never fatal
            log.warning("intent model cache %s unreadable; retraining", path.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return IntentModel.load(path)
        log.info("training intent model on %d examples", len(data.examples))
        model = train(data, config, preprocess=extractor.mask_text, calibrated_like=calibrated_like)
        model.save(path)
        return model
