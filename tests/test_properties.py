"""Property tests (Hypothesis): odd input never crashes understanding or answering, and webhooks answer
a 4xx, never a 5xx, for any body, header or signature."""

from __future__ import annotations

import json

import pytest

from conftest import FB_SECRET, LINE_SECRET
from fakes import hub_signature, line_signature
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.context import Context
from intents.normalize import MAX_TEXT_CHARS, normalize

# Emoji, RTL, combining marks, zero-width characters, Thai, surrogate-free Unicode, long strings.
ODD = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.text(alphabet="ขอนแก่นภูเก็ตเเ่้๊๋็ัิีึืุู\u200b\u200c\u200d\ufeff\u202e\u0301๑๒๓555 ", max_size=200),
    st.text(alphabet="😀🇹🇭👍🏽\u05d0\u05d1\u0627\u0644\u0301\u0300\u200f", max_size=100),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=5), st.integers(1, 3000)),
)
HEADER = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80)  # what HTTP allows
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(ODD)
def test_normalize_never_raises_and_stays_bounded(text):
    out = normalize(text)
    assert isinstance(out, str) and len(out) <= MAX_TEXT_CHARS


@FAST
@given(text=ODD, lang=st.sampled_from([None, "th", "en"]))
def test_understanding_and_answering_never_raise(bot, text, lang):
    reply, ctx, _ = bot.dialogue.answer(text, Context(last_city="phuket", last_intent="city_date"), "web", lang)
    assert isinstance(reply.text, str) and reply.text
    assert reply.lang in ("th", "en") and 0.0 <= reply.confidence <= 1.0
    assert 0 <= len(reply.quick_replies) <= 13
    json.dumps(reply.to_api(), ensure_ascii=False)  # always serialisable


JSONISH = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text()),
                       lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
                       max_leaves=20)


# Per channel: the webhook path, its signature header, how it signs, and its envelope around the events.
WEBHOOKS = {
    "line": ("/webhooks/line", "X-Line-Signature", lambda b: line_signature(LINE_SECRET, b),
             lambda items: {"destination": "U", "events": items}),
    "messenger": ("/webhooks/messenger", "X-Hub-Signature-256", lambda b: hub_signature(FB_SECRET, b),
                  lambda items: {"object": "page", "entry": [{"messaging": items}]}),
}


@pytest.mark.parametrize("channel", sorted(WEBHOOKS))
@FAST
@given(data=st.data(), sign=st.booleans(), signature=HEADER)
def test_webhooks_never_answer_5xx(channel_client, channel, data, sign, signature):
    path, header, signer, envelope = WEBHOOKS[channel]
    body = data.draw(st.one_of(st.binary(max_size=2000), JSONISH.map(lambda v: json.dumps(v).encode()),
                               st.lists(JSONISH, max_size=3).map(lambda items: json.dumps(envelope(items)).encode())))
    r = channel_client.post(path, data=body, content_type="application/json",
                            headers={header: signer(body) if sign else signature})
    assert r.status_code < 500
    assert r.status_code == 200 or 400 <= r.status_code < 500


@FAST
@given(body=st.one_of(st.binary(max_size=500), JSONISH.map(lambda v: json.dumps(v).encode())))
def test_api_ask_never_answers_5xx(client, body):
    r = client.post("/api/ask", data=body, content_type="application/json")
    assert r.status_code < 500


@FAST
@given(depth=st.integers(30, 50_000), kind=st.sampled_from(["[]", "{}"]))
def test_deeply_nested_json_is_refused_with_400(client, channel_client, depth, kind):
    """A body nested thousands of levels deep is a clear 400 everywhere, never a RecursionError."""
    body = (kind[0] if kind == "[]" else '{"a":') * depth + ("]" if kind == "[]" else "}") * depth
    body = body.encode()
    for c, path, headers in ((client, "/api/ask", {}),
                             (channel_client, "/webhooks/line", {"X-Line-Signature": line_signature(LINE_SECRET, body)}),
                             (channel_client, "/webhooks/messenger",
                              {"X-Hub-Signature-256": hub_signature(FB_SECRET, body)})):
        r = c.post(path, data=body, content_type="application/json", headers=headers)
        assert r.status_code < 500 and (depth <= 32 or r.status_code in (400, 413)), (path, depth, r.status_code)
