"""The unanswered-question inbox for staff: its groups (does the bot answer them now? how many people wait
for an answer?) and telling the people who wait when staff answer a group.

Used by the staff pages, the staff JSON API and the CLI; nothing here knows about Flask requests. Channels
are handed in (``app.extensions["channels"]``): each has ``push(user, recipient, reply, key) -> outcome``
(:meth:`bot.channels.common.Channel.push`).
"""

from __future__ import annotations

import logging
import threading
import uuid
import weakref
from collections import Counter
from collections.abc import Mapping
from typing import Any

from .. import metrics
from ..context import Context
from ..dialogue import Dialogue
from ..inbox import Waiting
from ..messages import say
from ..reply import Reply

__all__ = ["SENT", "answer_group", "group_exists", "inbox_groups", "notification", "retry_key"]

log = logging.getLogger(__name__)

#: Outcomes that count as told. Everything else is "not sent" in the result and in the metric.
SENT = frozenset({"sent"})
#: Outcomes after which the person goes back on the list (nothing reached them; a later answer may).
_RETRY = frozenset({"failed", "disabled", "no_channel"})
_KEY_NAMESPACE = uuid.UUID("0b8e0f5e-7f7a-4a8e-8d0c-2d1c6b7e9a41")

# Whether the bot answers a group's question now, per bot (its live knowledge), for the knowledge and the model
# it had then: every listing used to put up to 200 questions (each up to 2,000 characters) through the dialogue
# again, seconds per page load once the inbox was full (a fuzzer's GET timed out at 10 s on a busy machine). A
# staff edit or a retrain brings a new snapshot or model, which starts a new table.
_VERDICTS: weakref.WeakKeyDictionary[Any, tuple[object, object, dict[str, tuple[bool, str | None]]]] = \
    weakref.WeakKeyDictionary()
_VERDICTS_LOCK = threading.Lock()
_MAX_VERDICTS = 2000


def inbox_groups(bot: Any, limit: int = 200, include_dismissed: bool = False) -> list[dict]:
    """The unanswered groups, most recently asked first, each with ``answered`` (the bot now answers its
    question), ``answered_by`` and ``waiting`` (people who asked to be told, within their time limit)."""
    snapshot, model = bot.live.current(), bot.nlu.model
    with _VERDICTS_LOCK:
        known = _VERDICTS.get(bot.live)
        if known is None or known[0] is not snapshot or known[1] is not model or len(known[2]) > _MAX_VERDICTS:
            known = _VERDICTS[bot.live] = (snapshot, model, {})
    verdicts = known[2]
    dialogue = Dialogue(bot.nlu, snapshot, bot.contexts, bot.inbox)
    groups = [g for g in bot.inbox.groups(limit) if include_dismissed or not g.get("dismissed")]
    waiting = bot.inbox.waiting_counts([g["id"] for g in groups])
    for group in groups:
        verdict = verdicts.get(group["text"])
        if verdict is None:
            reply, _, unanswered = dialogue.answer(group["text"], Context())
            answered = not reply.fallback and unanswered is None
            verdict = verdicts[group["text"]] = (answered, reply.entities.get("entry") or (reply.intent if answered
                                                                                       else None))
        group["answered"], group["answered_by"] = verdict
        group["waiting"] = waiting.get(group["id"], 0)
    return groups


def group_exists(bot: Any, group_id: object) -> bool:
    """Whether ``group_id`` names a group in the inbox now."""
    return isinstance(group_id, str) and bot.inbox.exists(group_id)


def notification(question: str, entry: dict, lang: str) -> Reply:
    """The message for someone who asked ``question``: the staff entry's answer in their language (the
    other language when it has none), with its source."""
    answers = entry.get("answer") or {}
    other = "en" if lang == "th" else "th"
    text = (answers.get(lang) or answers.get(other) or "").strip()
    source = (entry.get("source") or "").strip()
    if source:
        text += f"\n{'ที่มา' if lang == 'th' else 'Source'}: {source}"
    return Reply(say("notify_answer", lang, question=question[:300], answer=text), lang, "notify_answer", 1.0,
                 entities={"entry": entry.get("id")})


def retry_key(group_id: str, person: Waiting) -> str:
    """One UUID per person and acceptance: every attempt to tell them, by any worker, sends the same key."""
    return str(uuid.uuid5(_KEY_NAMESPACE, f"{group_id}:{person.field}:{person.since!r}"))


def answer_group(bot: Any, channels: Mapping[str, Any], group_id: str, entry: dict) -> dict:
    """Tell everyone waiting for ``group_id`` the answer ``entry`` gives, once each.

    Each person is first claimed with one atomic ``HDEL``: of two workers (or a repeated request) only one
    gets them. Returns ``{"group", "waiting", "sent", "not_sent", "outcomes": {outcome: count}}``; outcomes
    are ``sent``, ``outside_window`` (Messenger, more than 24 hours since their last message), ``failed``
    (put back on the list), ``uncertain``, ``refused``, ``claimed_elsewhere`` (another worker told them)."""
    question = bot.inbox.question(group_id) or ""
    people = bot.inbox.waiting(group_id)
    outcomes: Counter = Counter()
    for person in people:
        if not bot.inbox.claim(group_id, person):
            outcomes["claimed_elsewhere"] += 1
            continue
        channel = channels.get(person.channel)
        reply = notification(question, entry, person.lang)
        try:
            outcome = (channel.push(person.user_id, person.recipient or person.user_id, reply,
                                    retry_key(group_id, person)) if channel else "no_channel")
        except Exception:  # one person's failure must not cost the others their answer
            log.exception("%s: telling a waiting asker failed", person.channel)
            outcome = "failed"
        if outcome in _RETRY:
            bot.inbox.put_back(group_id, person)
        metrics.NOTIFICATIONS.labels(person.channel, outcome).inc()
        outcomes[outcome] += 1
    sent = sum(n for o, n in outcomes.items() if o in SENT)
    not_sent = sum(n for o, n in outcomes.items() if o not in SENT and o != "claimed_elsewhere")
    if people:
        log.info("inbox group %s answered by %s: %d waiting, %d told, %d not (%s)", group_id, entry.get("id"),
                 len(people), sent, not_sent, dict(outcomes))
    return {"group": group_id, "waiting": len(people), "sent": sent, "not_sent": not_sent,
            "outcomes": dict(outcomes)}
