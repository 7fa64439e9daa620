"""Backup and restore of all staff data (FAQ edits and history, audit log, accounts, inbox, statistics).

A logical format (one JSON document), so a backup taken from one Redis version restores into another
(``DUMP`` payloads do not travel between versions). Keys are found with ``SCAN`` per hash-tag prefix
(on a Redis Cluster, redis-py scans every primary).

A restore is one transaction on a single Redis. On a Redis Cluster, which refuses a transaction whose
keys live in different slots, it is one transaction per hash tag, the ``{faq}`` group (which holds the
reload stamp) last, so workers reload only once everything is in place.
"""

from __future__ import annotations

import time
from typing import Any

import redis
from redis.cluster import RedisCluster

from .faq_store import STAMP

__all__ = ["backup", "restore", "PREFIXES", "FORMAT"]

PREFIXES = ("{faq}:", "{staff}:users", "{inbox}:", "{stats}:")
FORMAT = "smartcity-bot-backup/1"


def _dump_key(r: redis.Redis, key: str) -> dict[str, Any] | None:
    kind = r.type(key)
    ttl = r.pttl(key)
    if kind == "string":
        value: Any = r.get(key)
    elif kind == "hash":
        value = r.hgetall(key)
    elif kind == "list":
        value = r.lrange(key, 0, -1)
    elif kind == "set":
        value = sorted(r.smembers(key))
    elif kind == "zset":
        value = r.zrange(key, 0, -1, withscores=True)
    elif kind == "stream":
        value = [[mid, fields] for mid, fields in r.xrange(key)]
    else:
        return None
    return {"key": key, "type": kind, "value": value, "ttl_ms": ttl if ttl and ttl > 0 else None}


def backup(r: redis.Redis) -> dict:
    """Every staff-data key and its value."""
    keys: list[str] = []
    for prefix in PREFIXES:
        keys.extend(r.scan_iter(match=prefix + "*", count=500))
    items = [item for key in sorted(set(keys)) if (item := _dump_key(r, key)) is not None]
    return {"format": FORMAT, "created": time.time(), "keys": items}


def _check(doc: Any) -> list[dict]:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("keys"), list):
        raise ValueError(f"not a {FORMAT} file")
    for i, item in enumerate(doc["keys"]):
        if not isinstance(item, dict) or not isinstance(item.get("key"), str) or \
                item.get("type") not in ("string", "hash", "list", "set", "zset", "stream"):
            raise ValueError(f"entry #{i + 1} is malformed")
        if not item["key"].startswith(PREFIXES):
            raise ValueError(f"entry #{i + 1}: key {item['key']!r} is not staff data")
    return doc["keys"]


def restore(r: redis.Redis, doc: Any) -> int:
    """Replace the staff data with the backup's (validated first; one transaction)."""
    items = _check(doc)
    # The stamp must move past both the current and the backed-up value, or workers that already saw
    # that number would not reload.
    stamps = [int(r.get(STAMP) or 0)] + [int(i["value"]) for i in items if i["key"] == STAMP]
    items = [i for i in items if i["key"] != STAMP]
    existing: list[str] = []
    for prefix in PREFIXES:
        existing.extend(r.scan_iter(match=prefix + "*", count=500))
    groups: dict[str, list] = {}
    for key in set(existing):
        groups.setdefault(_tag(key), []).append(("delete", key))
    for item in items:
        groups.setdefault(_tag(item["key"]), []).append(("write", item))
    groups.setdefault(_tag(STAMP), []).append(("stamp", max(stamps) + 1))  # every worker reloads
    ordered = [groups[tag] for tag in sorted(groups, key=lambda t: t == _tag(STAMP))]  # the stamp last
    if not isinstance(r, RedisCluster):  # one server: everything in one transaction
        ordered = [[op for batch in ordered for op in batch]]
    for batch in ordered:
        pipe = r.pipeline(transaction=True)
        for op, arg in batch:
            if op == "delete":
                pipe.delete(arg)
            elif op == "stamp":
                pipe.set(STAMP, arg)
            else:
                _write(pipe, arg)
        pipe.execute()
    return len(items)


def _tag(key: str) -> str:
    """The hash tag of a key (``{faq}`` of ``{faq}:entry:x``)."""
    return key[: key.index("}") + 1] if key.startswith("{") and "}" in key else key


def _write(pipe: Any, item: dict) -> None:
    key, kind, value = item["key"], item["type"], item["value"]
    if kind == "string":
        pipe.set(key, value)
    elif kind == "hash" and value:
        pipe.hset(key, mapping=value)
    elif kind == "list" and value:
        pipe.rpush(key, *value)
    elif kind == "set" and value:
        pipe.sadd(key, *value)
    elif kind == "zset" and value:
        pipe.zadd(key, {member: score for member, score in value})
    elif kind == "stream":
        for mid, fields in value:
            pipe.xadd(key, fields, id=mid)
    if item.get("ttl_ms"):
        pipe.pexpire(key, int(item["ttl_ms"]))
