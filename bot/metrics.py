"""Prometheus metrics (prometheus_client), created once per process.

Under gunicorn, ``bot.gunicorn_conf`` sets ``PROMETHEUS_MULTIPROC_DIR`` before the workers start, so
every metric here is written to per-process files and ``/metrics`` adds them up across workers.
"""

from __future__ import annotations

from typing import Any

from prometheus_client import Counter, Gauge, Histogram

MESSAGES = Counter("bot_messages_total", "Messages understood", ["channel", "lang"])
INTENTS = Counter("bot_intents_total", "Messages by resolved intent", ["channel", "intent"])
FALLBACKS = Counter("bot_fallbacks_total", "Messages answered with the fallback", ["channel"])
ERRORS = Counter("bot_errors_total", "Errors while handling a message or request", ["where"])
REDIS_ERRORS = Counter("bot_redis_errors_total", "Redis commands that failed (connection or timeout)")
ANSWER_SECONDS = Histogram("bot_answer_seconds", "Time to understand and answer one message",
                           buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0))
DUPLICATES = Counter("bot_webhook_duplicates_total", "Webhook events dropped as already seen", ["channel"])
WEBHOOK_SECONDS = Histogram("bot_webhook_seconds", "Time to verify, de-duplicate and queue one webhook",
                            ["channel"], buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0))
WEBHOOK_REJECTED = Counter("bot_webhook_rejected_total", "Webhooks refused (signature, size, JSON)",
                           ["channel", "reason"])
EVENTS = Counter("bot_events_total", "Platform events handled, by type", ["channel", "type"])
IGNORED = Counter("bot_events_ignored_total",
                  "Platform events not answered on purpose (standby, too old, a postback of another tool, ...)",
                  ["channel", "reason"])
REPLIES = Counter("bot_replies_total", "Replies sent, by how (reply, push, send)", ["channel", "how"])
OUTBOUND_SECONDS = Histogram("bot_outbound_seconds", "Platform API call latency", ["channel", "call"],
                             buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0))
OUTBOUND_ERRORS = Counter("bot_outbound_errors_total", "Platform API call failures", ["channel", "call", "kind"])
OUTBOUND_RETRIES = Counter("bot_outbound_retries_total", "Platform API call retries", ["channel", "call"])
AMBIGUOUS = Counter("bot_ambiguous_sends_total",
                    "Events not re-sent because an earlier attempt may already have delivered them", ["channel"])
RATE_LIMITED = Counter("bot_rate_limited_total", "Messages or requests refused by a rate limit", ["where"])
# 1 while Redis answers, 0 while the bot runs degraded; across workers the lowest live value, so one
# worker that cannot reach Redis is enough to show it.
REDIS_UP = Gauge("bot_redis_up", "1 if Redis answers, 0 if the bot runs without it", multiprocess_mode="livemin")
NOTIFY_OFFERS = Counter("bot_notify_offers_total", "Taps on \"tell me when you know\": accepted, or the group was gone",
                        ["channel", "outcome"])
NOTIFICATIONS = Counter("bot_notifications_total",
                        "Answers sent to people who waited for them, by outcome (sent, outside_window, failed, ...)",
                        ["channel", "outcome"])


_CHILDREN: dict[tuple[Any, tuple[str, ...]], Any] = {}


def child(metric: Any, *labels: str) -> Any:
    """``metric.labels(*labels)``, kept: ``labels()`` validates and locks on every call, a noticeable part of a
    message's own work. The child is the one ``labels()`` returns (prometheus_client keeps it too, and a
    forked worker's multiprocess values follow its process), and label values are few (channels, languages,
    intents)."""
    key = (metric, labels)
    got = _CHILDREN.get(key)
    if got is None:
        got = _CHILDREN[key] = metric.labels(*labels)
    return got
