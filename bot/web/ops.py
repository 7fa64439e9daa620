"""Operational routes: ``/healthz`` and ``/metrics``."""

from __future__ import annotations

import os

from flask import Blueprint, Response, current_app, jsonify
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client import REGISTRY

bp = Blueprint("ops", __name__)


@bp.get("/livez")
def livez():
    """200 while the process serves requests: for a load balancer or orchestrator's liveness check.
    The bot answers even without Redis, so an instance must not be taken out of rotation for that."""
    return jsonify(status="alive")


@bp.get("/healthz")
def healthz():
    """200 when Redis answers; 503 with a reason when the bot runs degraded (no context, no inbox)."""
    bot = current_app.extensions["bot"]
    if bot.store.ping():
        return jsonify(status="ok", redis="ok", redis_mode=bot.store.mode)
    return jsonify(status="degraded", redis="unavailable",
                   reason="redis is unreachable: answering without conversation context"), 503


@bp.get("/metrics")
def metrics():
    """Prometheus text format (aggregated across workers when PROMETHEUS_MULTIPROC_DIR is set)."""
    current_app.extensions["bot"].store.ping()  # bot_redis_up is fresh even when no message came in
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)
