"""The OpenAPI description at /openapi.json, and Schemathesis run against the live app with it.

The app is served by a real HTTP server on 127.0.0.1 in a process of its own (its own Redis database, the
session's model) and Schemathesis (its CLI, as an operator would run it) generates valid and invalid
requests for every operation: no 5xx, status codes, content types and bodies as documented, invalid data
refused. That run starts in the background with the session's first test (tests/side_runs.py).
"""

from __future__ import annotations

import re

import pytest


def test_openapi_json_is_served_and_valid(client):
    from openapi_spec_validator import validate

    r = client.get("/openapi.json")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    validate(r.get_json())  # raises on an invalid OpenAPI document


def test_every_api_route_is_described(app, client):
    """A route added to /api or /admin/api without a description fails here."""
    spec = client.get("/openapi.json").get_json()
    documented = {(path, method.upper()) for path, item in spec["paths"].items()
                  for method in item if method != "parameters"}
    served = set()
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        if path.startswith(("/api/", "/admin/api/")):
            served |= {(path, m) for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert served == documented


def test_wrong_method_is_405_with_an_allow_header(client):
    r = client.delete("/api/ask")
    assert r.status_code == 405 and r.get_json()["error"] and "POST" in r.headers["Allow"]


@pytest.mark.slow
def test_schemathesis_finds_no_failure_in_the_live_api(schemathesis_run, bot):
    """Every check Schemathesis has (but the two that schemathesis.toml explains), on generated valid
    and invalid requests and on stateful create/update/delete/rollback sequences (side_runs.schemathesis_args).
    The run waits for the session's model (``bot``); this test, among the last, collects its outcome."""
    returncode, out = schemathesis_run.result(timeout=1200)
    assert returncode == 0, out[-6000:]
    assert "No issues found" in out, out[-3000:]
    assert "13 selected / 13 total" in out  # every operation was tested
