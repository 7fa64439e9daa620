"""LINE end to end: signed webhooks in, replies out through the real line-bot-sdk to a fake LINE API."""

import json
import time
import uuid

import pytest
from conftest import LINE_SECRET
from fakes import line_body, line_event, line_signature
from helpers import serving, wait_for_queue, wait_until

from bot.channels.common import graphemes, utf16_len
from bot.channels.line import render, retry_key
from bot.reply import Card, Reply


def post(client, body: bytes, secret: str = LINE_SECRET, signature: str | None = None):
    sig = signature if signature is not None else line_signature(secret, body)
    return client.post("/webhooks/line", data=body, content_type="application/json",
                       headers={"X-Line-Signature": sig} if sig else {})


def replies_for(fake, token):
    return [c for c in fake.sent("reply") if c.body["replyToken"] == token]


def test_text_message_gets_exactly_one_reply_with_answer_and_quick_replies(channel_client, channel_app, fake_line):
    ev = line_event("ทำไมขอนแก่นเพิ่งได้เป็นเมืองอัจฉริยะ ไม่ใช่เป็นมานานแล้วเหรอ")
    started = time.monotonic()
    r = post(channel_client, line_body(ev))
    assert r.status_code == 200 and time.monotonic() - started < 1.0
    fake_line.wait_for(lambda calls: replies_for(fake_line, ev["replyToken"]))
    wait_for_queue(channel_app)
    sent = replies_for(fake_line, ev["replyToken"])
    assert len(sent) == 1 and not fake_line.errors
    messages = sent[0].body["messages"]
    assert "ธวัชชัย" in messages[0]["text"] and "ที่มา" in messages[0]["text"]
    items = messages[-1]["quickReply"]["items"]
    assert 2 <= len(items) <= 4 and all(i["action"]["type"] == "message" for i in items)


def test_same_event_delivered_three_times_is_answered_once(channel_client, channel_app, fake_line):
    ev = line_event("ภูเก็ตได้รับรองเมื่อไหร่")
    body = line_body(ev)
    for _ in range(3):
        assert post(channel_client, body).status_code == 200
    fake_line.wait_for(lambda calls: replies_for(fake_line, ev["replyToken"]))
    wait_for_queue(channel_app)
    assert len(replies_for(fake_line, ev["replyToken"])) == 1


@pytest.mark.parametrize("signature", ["", "bm90IGEgc2lnbmF0dXJl", None])
def test_bad_or_missing_signature_is_400_and_nothing_is_sent(channel_client, channel_app, fake_line, signature, caplog):
    ev = line_event("secret message text")
    body = line_body(ev)
    sig = line_signature("wrong-secret", body) if signature is None else signature
    r = post(channel_client, body, signature=sig)
    assert r.status_code == 400
    wait_for_queue(channel_app)
    assert replies_for(fake_line, ev["replyToken"]) == []
    assert "secret message text" not in caplog.text  # the body is never logged


def test_malformed_json_with_valid_signature_is_400(channel_client):
    body = b'{"events": [ this is not json'
    assert post(channel_client, body).status_code == 400


def test_verify_button_zero_events_is_200(channel_client):
    assert post(channel_client, line_body()).status_code == 200


def test_verify_button_dummy_reply_tokens_are_not_an_error(channel_client, channel_app, fake_line):
    before = len(fake_line.calls)
    for token in ("0" * 32, "f" * 32):
        r = post(channel_client, line_body(line_event("test", reply_token=token)))
        assert r.status_code == 200
    wait_for_queue(channel_app)
    assert not [c for c in fake_line.calls[before:] if c.path.startswith("/v2/bot/message")]


def test_follow_gets_a_bilingual_welcome(channel_client, fake_line):
    ev = line_event(type_="follow")
    post(channel_client, line_body(ev))
    fake_line.wait_for(lambda c: replies_for(fake_line, ev["replyToken"]))
    text = replies_for(fake_line, ev["replyToken"])[0].body["messages"][0]["text"]
    assert "สวัสดี" in text and "Hello" in text


def test_sticker_gets_a_friendly_text_only_note(channel_client, fake_line):
    ev = line_event(message_type="sticker")
    post(channel_client, line_body(ev))
    fake_line.wait_for(lambda c: replies_for(fake_line, ev["replyToken"]))
    msg = replies_for(fake_line, ev["replyToken"])[0].body["messages"][0]
    assert "ข้อความ" in msg["text"] and msg["quickReply"]["items"]


def test_postback_is_treated_as_the_question_in_its_data(channel_client, fake_line):
    ev = line_event(type_="postback", postback="q=7 Smarts คืออะไร")
    post(channel_client, line_body(ev))
    fake_line.wait_for(lambda c: replies_for(fake_line, ev["replyToken"]))
    assert "การเดินทาง" in replies_for(fake_line, ev["replyToken"])[0].body["messages"][0]["text"]


def test_unfollow_deletes_the_users_context(channel_client, channel_app, fake_line):
    user = "U" + uuid.uuid4().hex
    source = {"type": "user", "userId": user}
    ev = line_event("ขอนแก่นได้รับรองเมื่อไหร่", source=source)
    post(channel_client, line_body(ev))
    fake_line.wait_for(lambda c: replies_for(fake_line, ev["replyToken"]))
    contexts = channel_app.extensions["bot"].contexts
    assert contexts.load("line", user).last_city == "khon-kaen"
    post(channel_client, line_body(line_event(type_="unfollow", source=source)))
    wait_until(lambda: contexts.load("line", user).last_city is None, timeout=5, message="the context to go")


def test_group_message_without_mention_is_ignored_but_a_mention_is_answered(channel_client, channel_app, fake_line):
    group = {"type": "group", "groupId": "C" + uuid.uuid4().hex, "userId": "U" + uuid.uuid4().hex}
    chatter = line_event("ไปกินข้าวกันไหม ภูเก็ตอากาศดี", source=group)
    mention = {"mentionees": [{"index": 0, "length": 8, "type": "user", "userId": "Ubot", "isSelf": True}]}
    asked = line_event("@SmartCT ภูเก็ตได้รับรองเมื่อไหร่", source=group, mention=mention)
    prefixed = line_event("!bot where is samyan", source=group)
    post(channel_client, line_body(chatter, asked, prefixed))
    fake_line.wait_for(lambda c: replies_for(fake_line, asked["replyToken"]) and
                       replies_for(fake_line, prefixed["replyToken"]))
    wait_for_queue(channel_app)
    assert replies_for(fake_line, chatter["replyToken"]) == []
    assert "ภูเก็ต" in replies_for(fake_line, asked["replyToken"])[0].body["messages"][0]["text"]
    assert "Bangkok" in replies_for(fake_line, prefixed["replyToken"])[0].body["messages"][0]["text"]


def test_one_failing_event_does_not_drop_the_others(channel_client, fake_line):
    good1, good2 = line_event("7 Smarts คืออะไร"), line_event("where is samyan")
    broken = line_event("x")
    broken["message"] = "not an object"  # an event our handler cannot read
    post(channel_client, line_body(good1, broken, good2))
    fake_line.wait_for(lambda c: replies_for(fake_line, good1["replyToken"]) and
                       replies_for(fake_line, good2["replyToken"]))
    assert replies_for(fake_line, good1["replyToken"]) and replies_for(fake_line, good2["replyToken"])


def test_api_500_then_success_gives_one_reply(channel_client, channel_app, fake_line):
    ev = line_event("สามย่านอยู่ที่ไหน")
    fake_line.fail_next = [500, 500]
    post(channel_client, line_body(ev))
    fake_line.wait_for(lambda c: replies_for(fake_line, ev["replyToken"]), timeout=15)
    wait_for_queue(channel_app)
    attempts = [c for c in fake_line.calls if c.path == "/v2/bot/message/reply"
                and c.body.get("replyToken") == ev["replyToken"]]
    assert len(replies_for(fake_line, ev["replyToken"])) == 1 and len(attempts) == 3
    assert not fake_line.sent("push") or all(p.body["to"] != ev["source"]["userId"] for p in fake_line.sent("push"))


def test_slow_api_webhook_still_answers_fast_and_the_reply_arrives(channel_client, fake_line):
    fake_line.delay = 2.5  # well over the 1 s the webhook may take: a webhook that waited for the API fails
    try:
        ev = line_event("แม่เมาะได้กี่ smart")
        started = time.monotonic()
        assert post(channel_client, line_body(ev)).status_code == 200
        assert time.monotonic() - started < 1.0
        fake_line.wait_for(lambda c: replies_for(fake_line, ev["replyToken"]), timeout=15)
        assert len(replies_for(fake_line, ev["replyToken"])) == 1
    finally:
        fake_line.delay = 0.0


def test_expired_reply_token_falls_back_to_push_with_retry_key(channel_client, fake_line):
    user = "U" + uuid.uuid4().hex
    old = line_event("where is wangchan valley", source={"type": "user", "userId": user},
                     timestamp_ms=int((time.time() - 120) * 1000), redelivery=True)
    post(channel_client, line_body(old))
    fake_line.wait_for(lambda c: [p for p in fake_line.sent("push") if p.body["to"] == user])
    pushes = [p for p in fake_line.sent("push") if p.body["to"] == user]
    assert len(pushes) == 1 and pushes[0].headers["X-Line-Retry-Key"] == retry_key(old["webhookEventId"])
    assert "Rayong" in pushes[0].body["messages"][0]["text"]
    assert replies_for(fake_line, old["replyToken"]) == []
    # The answer was late, so LINE's loading animation was shown in the 1:1 chat first.
    assert [c for c in fake_line.calls if c.path == "/v2/bot/chat/loading/start" and c.body["chatId"] == user]


def test_refused_reply_token_falls_back_to_push_once(channel_client, channel_app, fake_line):
    user = "U" + uuid.uuid4().hex
    ev = line_event("where is samyan", source={"type": "user", "userId": user})
    fake_line.used_tokens.add(ev["replyToken"])  # LINE will say "Invalid reply token"
    post(channel_client, line_body(ev))
    fake_line.wait_for(lambda c: [p for p in fake_line.sent("push") if p.body["to"] == user])
    wait_for_queue(channel_app)
    assert len([p for p in fake_line.sent("push") if p.body["to"] == user]) == 1


def test_render_respects_line_limits():
    long_text = ("ขอนแก่นเมืองอัจฉริยะ " * 400 + "\n") * 3  # far over 5,000 UTF-16 units
    reply = Reply(long_text, "th", "city_plan", 0.9,
                  quick_replies=[f"คำถามยาวมากเกี่ยวกับเมืองอัจฉริยะข้อที่ {i}" for i in range(20)],
                  card=Card("ขอนแก่นเมืองอัจฉริยะ", "จังหวัดขอนแก่น", [("รับรอง", "6 พฤษภาคม 2564")]))
    messages = render(reply)
    assert len(messages) <= 5
    payload = [json.loads(m.to_json()) for m in messages]
    for m in payload[:-1]:
        assert utf16_len(m["text"]) <= 5000
    items = payload[-1]["quickReply"]["items"]
    assert len(items) == 13 and all(len(graphemes(i["action"]["label"])) <= 20 for i in items)
    assert payload[-1]["type"] == "flex" and payload[-1]["altText"]


def test_disabled_channel_webhook_is_404(client):
    assert client.post("/webhooks/line", data=b"{}", headers={"X-Line-Signature": "x"}).status_code == 404


@pytest.mark.own_redis
def test_with_redis_down_the_webhook_still_answers_200_and_the_reply_is_sent(tmp_path, data_dir, bot, fake_line):
    """No queue without Redis: the event is handled in the receiving worker as a best effort."""
    import shutil

    from conftest import LINE_TOKEN
    from redis_server import RedisProcess, free_port


    server = RedisProcess(free_port(), tmp_path)
    server.start()
    shutil.copytree(data_dir / "models", tmp_path / "models")
    with serving({"BOT_DATA_DIR": str(tmp_path), "REDIS_URL": f"redis://127.0.0.1:{server.port}/0",
                  "LINE_CHANNEL_SECRET": LINE_SECRET, "LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN,
                  "LINE_API_BASE_URL": fake_line.url, "REDIS_RETRY_AFTER": 0.2}) as app:
        server.stop()
        ev = line_event("ภูเก็ตได้รับรองเมื่อไหร่")
        started = time.monotonic()
        r = post(app.test_client(), line_body(ev))
        assert r.status_code == 200 and time.monotonic() - started < 1.0
        fake_line.wait_for(lambda c: replies_for(fake_line, ev["replyToken"]))
        assert len(replies_for(fake_line, ev["replyToken"])) == 1


# -- modes, image sets, postbacks of other tools, old events ------------------------------------------------
def ignored(channel: str, reason: str) -> float:
    """How many events this process left unanswered on purpose for ``reason`` (bot_events_ignored_total)."""
    from prometheus_client import REGISTRY

    return REGISTRY.get_sample_value("bot_events_ignored_total", {"channel": channel, "reason": reason}) or 0.0


def test_standby_events_get_no_answer_no_context_and_no_inbox_entry(channel_client, channel_app, fake_line):
    """Another module channel owns the chat: the bot sends nothing, not even a push, and remembers nothing."""
    user = "U" + uuid.uuid4().hex
    source = {"type": "user", "userId": user}
    question = f"ภูเก็ตมีโรงแรมแนะนำไหม {uuid.uuid4().hex[:6]}"  # unanswerable: would go to the staff inbox
    standby = [line_event("ขอนแก่นได้รับรองเมื่อไหร่", source=source, mode="standby"),
               line_event(question, source=source, mode="standby"),
               line_event(type_="follow", source=source, mode="standby")]
    witness = line_event("where is samyan")  # another user's active event in the same body
    before = ignored("line", "standby")
    assert post(channel_client, line_body(*standby, witness)).status_code == 200
    fake_line.wait_for(lambda c: replies_for(fake_line, witness["replyToken"]))
    wait_for_queue(channel_app)
    assert replies_for(fake_line, witness["replyToken"])
    assert replies_for(fake_line, standby[2]["replyToken"]) == []  # no welcome either
    assert [p for p in fake_line.sent("push") if p.body["to"] == user] == []
    assert [c for c in fake_line.calls if c.path == "/v2/bot/chat/loading/start" and c.body["chatId"] == user] == []
    bot = channel_app.extensions["bot"]
    assert bot.contexts.load("line", user).last_city is None  # the dialogue never ran
    assert not [g for g in bot.inbox.groups(1000) if question in (g["text"], g["last_text"])]
    assert ignored("line", "standby") - before == 3


def test_an_image_set_gets_one_text_only_note_not_one_per_image(channel_client, channel_app, fake_line):
    """Four images sent together arrive as four events (LINE's imageSet): the person gets one note."""
    source = {"type": "user", "userId": "U" + uuid.uuid4().hex}
    set_id = uuid.uuid4().hex[:19].upper()
    images = [line_event(message_type="image", source=source, image_set={"id": set_id, "index": i, "total": 4})
              for i in range(1, 5)]
    single = line_event(message_type="image", source=source)  # one image on its own: its own note
    # LINE may split a set over webhooks; the two halves race in two sender threads.
    post(channel_client, line_body(*images[:2]))
    post(channel_client, line_body(*images[2:], single))
    tokens = [ev["replyToken"] for ev in images]
    fake_line.wait_for(lambda c: replies_for(fake_line, single["replyToken"])
                       and any(replies_for(fake_line, t) for t in tokens))
    wait_for_queue(channel_app)
    notes = [r for t in tokens for r in replies_for(fake_line, t)]
    assert len(notes) == 1 and "ข้อความ" in notes[0].body["messages"][0]["text"]
    assert len(replies_for(fake_line, single["replyToken"])) == 1
    assert not [p for p in fake_line.sent("push") if p.body["to"] == source["userId"]]


def test_postbacks_of_other_tools_are_ignored_not_answered_or_put_in_the_inbox(channel_client, channel_app,
                                                                                  fake_line):
    """Only the bot's own ``q=...`` postbacks are questions; a shop's rich menu action is not."""
    item = uuid.uuid4().hex[:8]
    foreign = line_event(type_="postback", postback=f"action=buyItem&itemId={item}&color=red")
    foreign["postback"]["params"] = {"datetime": "2017-12-25T01:00"}  # as in the SDK's webhook fixture
    plain = line_event(type_="postback", postback=f"ภูเก็ตมีโรงแรม{item}แนะนำไหม")  # no q=: not the bot's
    own = line_event(type_="postback", postback="q=where is samyan")
    before = ignored("line", "foreign_postback")
    post(channel_client, line_body(foreign, plain, own))
    fake_line.wait_for(lambda c: replies_for(fake_line, own["replyToken"]))
    wait_for_queue(channel_app)
    assert "Bangkok" in replies_for(fake_line, own["replyToken"])[0].body["messages"][0]["text"]
    assert replies_for(fake_line, foreign["replyToken"]) == [] and replies_for(fake_line, plain["replyToken"]) == []
    users = {foreign["source"]["userId"], plain["source"]["userId"]}
    assert not [p for p in fake_line.sent("push") if p.body["to"] in users]
    inbox = channel_app.extensions["bot"].inbox.groups(1000)
    assert not [g for g in inbox if item in g["text"] or item in g["last_text"]]
    assert ignored("line", "foreign_postback") - before == 2


def test_an_event_older_than_the_dedup_window_is_not_answered(channel_client, channel_app, fake_line):
    """A correctly signed event three days old (a replay, its de-duplication key long gone) gets nothing."""
    user = "U" + uuid.uuid4().hex
    old = line_event("ภูเก็ตได้รับรองเมื่อไหร่", source={"type": "user", "userId": user},
                     timestamp_ms=int((time.time() - 3 * 86400) * 1000), redelivery=True)
    fresh = line_event("where is samyan")
    before = ignored("line", "too_old")
    assert post(channel_client, line_body(old, fresh)).status_code == 200
    fake_line.wait_for(lambda c: replies_for(fake_line, fresh["replyToken"]))
    wait_for_queue(channel_app)
    assert replies_for(fake_line, old["replyToken"]) == []
    assert not [p for p in fake_line.sent("push") if p.body["to"] == user]
    assert ignored("line", "too_old") - before == 1


def test_the_dedup_window_is_a_setting_from_the_environment(monkeypatch, tmp_path, data_dir, bot, fake_line):
    """DEDUP_WINDOW=60: a two-minute-old event is not answered (under the default 24 h it would be, see
    test_expired_reply_token_falls_back_to_push_with_retry_key), and a fresh one's id is kept 60 s plus
    the clock margin."""
    import shutil

    from conftest import LINE_TOKEN

    from bot.queue import CLOCK_MARGIN

    monkeypatch.setenv("DEDUP_WINDOW", "60")
    shutil.copytree(data_dir / "models", tmp_path / "models")
    with serving({"BOT_DATA_DIR": str(tmp_path), "LINE_CHANNEL_SECRET": LINE_SECRET,
                  "LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN, "LINE_API_BASE_URL": fake_line.url,
                  "RETRAIN_ON_EDIT": False}) as app:
        assert app.config["DEDUP_WINDOW"] == 60
        user = "U" + uuid.uuid4().hex
        old = line_event("where is wangchan valley", source={"type": "user", "userId": user},
                         timestamp_ms=int((time.time() - 120) * 1000), redelivery=True)
        fresh = line_event("where is samyan")
        post(app.test_client(), line_body(old, fresh))
        fake_line.wait_for(lambda c: replies_for(fake_line, fresh["replyToken"]))
        wait_for_queue(app)
        assert not [p for p in fake_line.sent("push") if p.body["to"] == user]
        assert replies_for(fake_line, old["replyToken"]) == []
        store = app.extensions["bot"].store
        ttl = store.run(lambda r: r.ttl(f"{{events}}:seen:line:{fresh['webhookEventId']}"))
        assert 60 < ttl <= 60 + CLOCK_MARGIN


def test_events_with_ids_of_the_wrong_type_are_skipped_and_the_rest_answered(channel_client, channel_app, fake_line):
    """A signed body whose userId is a number or a list: those events are skipped, never a 5xx, and the
    well-formed event in the same body is answered."""
    bad_int = line_event("ภูเก็ตอยู่ไหน", source={"type": "user", "userId": 12345})
    bad_list = line_event("ภูเก็ตอยู่ไหน", source={"type": "user", "userId": ["U1", "U2"]})
    bad_group = line_event("!bot ภูเก็ตอยู่ไหน", source={"type": "group", "groupId": {"id": "C1"}, "userId": "U1"})
    good = line_event("where is samyan")
    r = post(channel_client, line_body(bad_int, bad_list, bad_group, good))
    assert r.status_code == 200
    fake_line.wait_for(lambda c: replies_for(fake_line, good["replyToken"]))
    wait_for_queue(channel_app)
    assert all(replies_for(fake_line, ev["replyToken"]) == [] for ev in (bad_int, bad_list, bad_group))
    assert replies_for(fake_line, good["replyToken"])


def test_lone_surrogates_in_a_line_message_are_cleaned_and_the_question_answered(channel_client, fake_line):
    """A lone surrogate ("\\ud800" in JSON) is not text: the message is answered as if it were not there."""
    ev = line_event("ภูเก็ต\ud800ได้รับรองเมื่อไหร่")
    body = json.dumps({"destination": "U" + "0" * 32, "events": [ev]}).encode()  # ASCII: "\ud800" escapes
    assert b"\\ud800" in body
    assert post(channel_client, body).status_code == 200
    fake_line.wait_for(lambda c: replies_for(fake_line, ev["replyToken"]))
    text = replies_for(fake_line, ev["replyToken"])[0].body["messages"][0]["text"]
    assert "ภูเก็ต" in text and "2564" in text


def test_webhooks_are_served_without_the_staff_pages_hooks(channel_app):
    """A webhook is acknowledged by an app of its own (bot/web/lanes.py): request ids for the logs, the size
    limit and JSON errors, none of the per-request work staff pages need (sessions, CSRF, the sign-in key)."""
    lanes = channel_app.wsgi_app
    webhooks = lanes.webhooks.__self__
    assert webhooks is not channel_app and "line" in webhooks.blueprints and "line" not in channel_app.blueprints
    assert [f.__name__ for f in webhooks.before_request_funcs[None]] == ["_start"]  # the request id
    assert webhooks.config["MAX_CONTENT_LENGTH"] == channel_app.config["MAX_CONTENT_LENGTH"]
    client = channel_app.test_client()
    r = client.post("/webhooks/line", data=b"x" * (channel_app.config["MAX_CONTENT_LENGTH"] + 1),
                    headers={"X-Line-Signature": "x", "Content-Type": "application/json"})
    assert r.status_code == 413 and r.get_json()["error"] and r.headers["X-Request-ID"]
    assert "Set-Cookie" not in r.headers
