"""``GET /openapi.json``: the OpenAPI description of ``/api/ask`` and ``/admin/api``.

The description is data (``openapi.yaml`` beside this module); the tests run Schemathesis against the
live app with it, so the document and the code cannot drift apart unnoticed.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import yaml
from flask import Blueprint, current_app, jsonify

bp = Blueprint("openapi", __name__)

SPEC_PATH = Path(__file__).with_name("openapi.yaml")


@functools.cache
def spec() -> dict:
    """The parsed OpenAPI document."""
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def served_spec(city_ids: list[str], intents: list[str]) -> dict:
    """The document with this deployment's city ids and intents as enums, so clients (and
    Schemathesis) know which values the staff API accepts."""
    doc = copy.deepcopy(spec())
    schemas = doc["components"]["schemas"]
    schemas["CityId"]["enum"] = sorted(city_ids)
    schemas["IntentName"]["enum"] = [*sorted(intents), None]
    return doc


@bp.get("/openapi.json")
def openapi_json():
    bot = current_app.extensions["bot"]
    return jsonify(served_spec(list(bot.kb.cities), list(bot.nlu.model.classes)))
