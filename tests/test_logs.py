"""Structured JSON logs: one object per line, the request id on every line of one request."""

import io
import json
import logging

from bot.logs import JsonFormatter, _RequestIdFilter


def test_every_line_of_a_request_carries_its_request_id(channel_client):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(_RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        r1 = channel_client.post("/webhooks/line", data=b'{"events": []}', headers={"X-Line-Signature": "forged"})
        r2 = channel_client.post("/webhooks/line", data=b"{}", headers={"X-Line-Signature": "forged",
                                                                        "X-Request-ID": "req-from-proxy-42"})
    finally:
        root.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    refused = [line for line in lines if "refused" in line["message"]]
    assert len(refused) == 2 and {"time", "level", "logger", "message"} <= set(refused[0])
    assert refused[0]["request_id"] == r1.headers["X-Request-ID"] and len(r1.headers["X-Request-ID"]) == 32
    assert refused[1]["request_id"] == "req-from-proxy-42" == r2.headers["X-Request-ID"]


def test_an_invalid_incoming_request_id_is_replaced(client):
    r = client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces" + "x" * 100})
    assert r.headers["X-Request-ID"] != "bad id" and " " not in r.headers["X-Request-ID"]
