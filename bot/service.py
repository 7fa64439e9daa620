"""Builds the bot from configuration: storage, knowledge base, language model, dialogue.

Used by the Flask app and the CLI alike, so both answer the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping

from intents.entities import EntityExtractor, Term
from intents.nlu import NLU, load_model
from intents.normalize import normalize
from intents.training_data import OUT_OF_SCOPE, load_training_data
from intents.vocabulary import Vocabulary, words_of
from knowledge.loader import KnowledgeBase, load

from . import metrics
from .config import Settings, load_settings
from .context import ContextStore
from .dialogue import Dialogue
from .inbox import Inbox
from .live import LiveKnowledge
from .ratelimit import Limit, RateLimiter
from .retrain import Retrainer
from .services.training_examples import examples_from_entries
from .stats import Stats
from .storage import Store, connect
from .text_cache import TextCache
from .text_cache import fingerprint as text_fingerprint

__all__ = ["Bot", "build_bot", "prepare_model", "terms_from_kb"]

log = logging.getLogger(__name__)


#: Province names that are also everyday Thai words ("ได้ความรู้เยอะเลย", "เผยแพร่").
# ("ตรัง" alone is the province, "ศรีตรัง" is longer; "น่าน" too, but for "น่านน้ำ", "น่านฟ้า": see intents/entities.py)
AMBIGUOUS_PLACE_NAMES = frozenset({"เลย", "แพร่", "ตาก"})


def terms_from_kb(kb: KnowledgeBase) -> list[Term]:
    """The entity lexicon: names and aliases of areas, organisations, people, events, projects, concepts,
    places and dimensions."""
    terms: list[Term] = []
    for city in kb.cities.values():
        for alias in {*city.aliases, city.name.th, city.name.en, city.short_name.th, city.short_name.en}:
            terms.append(Term("city", city.id, alias))
    for entity in kb.entities.values():
        names = {*entity.aliases, entity.name.th, entity.name.en}
        if entity.short is not None:
            names |= {entity.short.th, entity.short.en}
        for alias in names:
            terms.append(Term("entity", entity.id, alias))
    for place in kb.places.values():
        for alias in {place.th, place.en, *place.aliases}:
            if alias in AMBIGUOUS_PLACE_NAMES:  # ordinary words: only "จังหวัดเลย", "จ.เลย"
                terms.extend(Term("place", place.id, f"{prefix}{alias}") for prefix in ("จังหวัด", "จ."))
            else:
                terms.append(Term("place", place.id, alias))
    for dim in kb.dimensions.values():
        for alias in {dim.name.th, dim.name.en, *dim.aliases}:
            terms.append(Term("dimension", dim.id, alias))
    return terms


_PREPARERS: dict[str, Callable[[str], str]] = {}  # by the extractor's catalogue


def fact_text_preparer(extractor: EntityExtractor) -> Callable[[str], str]:
    """Prepares a fact's texts as a question is prepared: normalised, names removed (curated names are
    spelt right, so no fuzzy matching). Cached, and shared by every bot built in this process with the same
    names: a staff edit rebuilds the index from mostly the same texts, and preparing them is most of the
    cost of building a bot (the tests build dozens)."""
    known = _PREPARERS.get(extractor.catalogue)
    if known is not None:
        return known

    @lru_cache(maxsize=65536)
    def strip(text: str) -> str:
        norm = normalize(text)
        return extractor.extract(norm, fuzzy=False).remainder or norm

    if len(_PREPARERS) >= 4:  # catalogues replaced by edits: keep memory bounded
        _PREPARERS.clear()
    _PREPARERS[extractor.catalogue] = strip
    return strip


def question_reader(nlu: NLU):
    """Reads a staff entry's question as a message is read: the subjects it names and the intent probabilities."""

    def read(text: str) -> tuple[list[str], dict[str, float]]:
        u = nlu.parse(text)
        return list(u.entities.subjects), dict(u.ranking)

    return read


def prepare_model(data_dir: Path) -> None:
    """Train the intent model for the current content into its cache under ``data_dir`` unless it is
    there (the server does this once, before its workers start, so they only load it)."""
    kb = load()
    load_model(data_dir / "models", EntityExtractor(terms_from_kb(kb)), extra=examples_from_entries(kb.facts.values()))


@dataclass
class Bot:
    """Everything one worker needs to answer messages."""

    settings: Settings
    store: Store
    kb: KnowledgeBase
    nlu: NLU
    dialogue: Dialogue
    inbox: Inbox
    contexts: ContextStore
    live: LiveKnowledge
    retrainer: Retrainer


def build_bot(settings: Settings | Mapping[str, Any]) -> Bot:
    """Load and validate content (failing loudly), connect to Redis and load or train the model.

    Starts with Redis down too: the breaker is open and the bot answers without context until it is back."""
    if not isinstance(settings, Settings):
        settings = load_settings(settings)
    kb = load()
    data_dir = Path(settings.BOT_DATA_DIR)
    client, mode = connect(settings.REDIS_URL, data_dir, timeout=settings.REDIS_TIMEOUT,
                           cluster=settings.REDIS_CLUSTER)
    store = Store(client, mode, retry_after=settings.REDIS_RETRY_AFTER, on_error=metrics.REDIS_ERRORS.inc,
                  on_state=metrics.REDIS_UP.set)
    store.ping()  # sets bot_redis_up; a Redis that is down now only opens the breaker
    extractor = EntityExtractor(terms_from_kb(kb))
    curated = load_training_data()  # read once: the model adds the staff entries' phrasings, the vocabulary not
    model = load_model(data_dir / "models", extractor,
                       data=curated.with_extra(examples_from_entries(kb.facts.values())))
    nlu = NLU(model, extractor, max_chars=settings.MAX_TEXT_CHARS)
    contexts = ContextStore(store, ttl=settings.CONTEXT_TTL)
    inbox = Inbox(store, max_groups=settings.INBOX_MAX_GROUPS)
    retrainer = Retrainer(nlu, extractor, data_dir / "models", delay=settings.RETRAIN_DELAY)
    texts = TextCache(data_dir / "cache", text_fingerprint(extractor.catalogue))
    words = texts.words_of(words_of)
    live = LiveKnowledge(store, kb, frozenset(model.classes), interval=settings.LIVE_RELOAD_INTERVAL,
                         strip=texts.strip(fact_text_preparer(extractor)), words=words, reader=question_reader(nlu),
                         on_change=retrainer.schedule if settings.RETRAIN_ON_EDIT else None)
    vocabulary = Vocabulary(w for e in curated.examples
                            if e.intent != OUT_OF_SCOPE for w in words(e.text))
    texts.save()
    dialogue = Dialogue(nlu, live.current(), contexts, inbox, refresh=live.current, stats=Stats(store),
                        vocabulary=vocabulary,
                        limiter=RateLimiter(store), user_limit=Limit.parse(settings.USER_RATE_LIMIT))
    log.info("bot ready: %d areas, %d facts, %d intents, redis %s", len(kb.cities), len(kb.facts),
             len(model.classes), mode)
    return Bot(settings, store, kb, nlu, dialogue, inbox, contexts, live, retrainer)
