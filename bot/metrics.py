"""Prometheus metrics (prometheus_client), created once per process."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

MESSAGES = Counter("bot_messages_total", "Messages understood", ["channel", "lang"])
INTENTS = Counter("bot_intents_total", "Messages by resolved intent", ["channel", "intent"])
FALLBACKS = Counter("bot_fallbacks_total", "Messages answered with the fallback", ["channel"])
ERRORS = Counter("bot_errors_total", "Errors while handling a message or request", ["where"])
REDIS_ERRORS = Counter("bot_redis_errors_total", "Redis commands that failed (connection or timeout)")
ANSWER_SECONDS = Histogram("bot_answer_seconds", "Time to understand and answer one message",
                           buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0))
