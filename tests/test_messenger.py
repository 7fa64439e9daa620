"""Messenger end to end: the verification handshake, signed webhooks in, Send API calls out."""

import json
import time
import uuid

import pytest
from conftest import FB_SECRET, FB_VERIFY
from fakes import hub_signature, messenger_body, messenger_postback, messenger_text
from helpers import wait_for_queue

from bot.channels.messenger import render
from bot.reply import Card, Reply


def post(client, body: bytes, signature: str | None = None):
    headers = {"X-Hub-Signature-256": signature if signature is not None else hub_signature(FB_SECRET, body)}
    if signature == "":
        headers = {}
    return client.post("/webhooks/messenger", data=body, content_type="application/json", headers=headers)


def sent_to(fake, user):
    return [c for c in fake.messages() if c.body["recipient"].get("id") == user]


def test_handshake_with_the_right_token_echoes_the_challenge(channel_client):
    r = channel_client.get("/webhooks/messenger", query_string={
        "hub.mode": "subscribe", "hub.verify_token": FB_VERIFY, "hub.challenge": "1158201444"})
    assert r.status_code == 200 and r.get_data(as_text=True) == "1158201444" and r.mimetype == "text/plain"


@pytest.mark.parametrize("params", [
    {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
    {"hub.mode": "unsubscribe", "hub.verify_token": FB_VERIFY, "hub.challenge": "1"},
    {},
])
def test_handshake_with_a_wrong_token_is_403(channel_client, params):
    assert channel_client.get("/webhooks/messenger", query_string=params).status_code == 403


def test_text_message_is_answered_with_quick_replies(channel_client, channel_app, fake_graph):
    item = messenger_text("What is Phuket planning as a smart city?")
    user = item["sender"]["id"]
    assert post(channel_client, messenger_body(item)).status_code == 200
    fake_graph.wait_for(lambda c: sent_to(fake_graph, user))
    wait_for_queue(channel_app)
    calls = sent_to(fake_graph, user)
    assert calls and not fake_graph.errors
    assert all(c.body["messaging_type"] == "RESPONSE" for c in calls)
    assert "Phuket" in calls[0].body["message"]["text"]
    assert calls[-1].body["message"]["quick_replies"]


def test_every_entry_and_every_messaging_item_is_handled(channel_client, fake_graph):
    a, b, c = (messenger_text(t) for t in ("where is samyan", "what is depa", "7 Smarts คืออะไร"))
    body = json.dumps({"object": "page", "entry": [
        {"id": "1", "time": 1, "messaging": [a, b]}, {"id": "1", "time": 2, "messaging": [c]}]}).encode()
    post(channel_client, body)
    users = [x["sender"]["id"] for x in (a, b, c)]
    fake_graph.wait_for(lambda calls: all(sent_to(fake_graph, u) for u in users))
    assert all(sent_to(fake_graph, u) for u in users)


def test_duplicate_mid_is_answered_once(channel_client, channel_app, fake_graph):
    item = messenger_text("ภูเก็ตได้รับรองเมื่อไหร่")
    body = messenger_body(item)
    for _ in range(3):
        post(channel_client, body)
    user = item["sender"]["id"]
    fake_graph.wait_for(lambda c: sent_to(fake_graph, user))
    wait_for_queue(channel_app)
    assert len(sent_to(fake_graph, user)) == 1


def test_the_bots_postback_is_a_question(channel_client, fake_graph):
    pb = messenger_postback("q=What are the 7 Smarts?", title="7 Smarts")
    post(channel_client, messenger_body(pb))
    sender = pb["sender"]["id"]
    fake_graph.wait_for(lambda c: sent_to(fake_graph, sender))
    assert "Smart Mobility" in sent_to(fake_graph, sender)[0].body["message"]["text"]


def test_tapping_a_quick_reply_the_bot_offered_asks_its_whole_question(channel_client, channel_app, fake_graph):
    """Messenger sends the tapped title (cut to 20 characters) as the text and the payload as it was made:
    the bot answers the full question in its payload, not the cut title."""
    first = messenger_text("What is Phuket planning as a smart city?")
    user = first["sender"]["id"]
    post(channel_client, messenger_body(first))
    fake_graph.wait_for(lambda c: sent_to(fake_graph, user))
    wait_for_queue(channel_app)
    offered = sent_to(fake_graph, user)[-1].body["message"]["quick_replies"]
    cut = next(q for q in offered if q["title"].endswith("…"))
    tap = messenger_text(cut["title"], sender=user, quick_payload=cut["payload"])
    asked = cut["payload"].removeprefix("q=")
    direct = messenger_text(asked)  # the same question typed out in full, by someone else
    post(channel_client, messenger_body(tap, direct))
    fake_graph.wait_for(lambda c: len(sent_to(fake_graph, user)) > 1 and sent_to(fake_graph, direct["sender"]["id"]))
    wait_for_queue(channel_app)
    answer = sent_to(fake_graph, user)[-len(sent_to(fake_graph, direct["sender"]["id"])):]
    assert [c.body["message"].get("text") for c in answer] == \
        [c.body["message"].get("text") for c in sent_to(fake_graph, direct["sender"]["id"])]


def test_a_quick_reply_payload_the_bot_did_not_make_answers_the_text_tapped(channel_client, fake_graph):
    """Another tool's quick reply (Meta's docs: a developer-defined payload): the person meant its title."""
    q = messenger_text("Where is Samyan?", quick_payload="DEVELOPER_DEFINED_PAYLOAD_FOR_PICKING_RED")
    post(channel_client, messenger_body(q))
    fake_graph.wait_for(lambda c: sent_to(fake_graph, q["sender"]["id"]))
    assert "Bangkok" in sent_to(fake_graph, q["sender"]["id"])[0].body["message"]["text"]


def test_get_started_gets_the_bilingual_welcome(channel_client, fake_graph):
    pb = messenger_postback("GET_STARTED", title="Get Started")
    post(channel_client, messenger_body(pb))
    fake_graph.wait_for(lambda c: sent_to(fake_graph, pb["sender"]["id"]))
    text = sent_to(fake_graph, pb["sender"]["id"])[0].body["message"]["text"]
    assert "สวัสดี" in text and "Hello" in text


def ignored(reason: str) -> float:
    from prometheus_client import REGISTRY

    return REGISTRY.get_sample_value("bot_events_ignored_total", {"channel": "messenger", "reason": reason}) or 0.0


def test_postbacks_of_other_tools_are_ignored_not_answered_or_put_in_the_inbox(channel_client, channel_app,
                                                                                  fake_graph):
    tag = uuid.uuid4().hex[:8]
    foreign = [messenger_postback(f"action=buyItem&itemId={tag}"),
               messenger_postback(f"Which hotel in Phuket {tag} is best?")]  # plain text is not the bot's format
    witness = messenger_text("where is samyan")
    before = ignored("foreign_postback")
    post(channel_client, messenger_body(*foreign, witness))
    fake_graph.wait_for(lambda c: sent_to(fake_graph, witness["sender"]["id"]))
    wait_for_queue(channel_app)
    assert all(sent_to(fake_graph, pb["sender"]["id"]) == [] for pb in foreign)
    inbox = channel_app.extensions["bot"].inbox.groups(1000)
    assert not [g for g in inbox if tag in g["text"] or tag in g["last_text"]]
    assert ignored("foreign_postback") - before == 2


def test_standby_items_are_never_answered(channel_client, channel_app, fake_graph):
    """Handover protocol: while another app owns the thread, messages arrive under ``standby``."""
    user = str(uuid.uuid4().int)[:16]
    item = messenger_text("ขอนแก่นได้รับรองเมื่อไหร่", sender=user)
    witness = messenger_text("where is samyan")
    body = json.dumps({"object": "page", "entry": [
        {"id": "1234567890", "time": int(time.time() * 1000), "standby": [item]},
        {"id": "1234567890", "time": int(time.time() * 1000), "messaging": [witness]}]}).encode()
    before = ignored("standby")
    assert post(channel_client, body).status_code == 200
    fake_graph.wait_for(lambda c: sent_to(fake_graph, witness["sender"]["id"]))
    wait_for_queue(channel_app)
    assert sent_to(fake_graph, user) == []
    assert channel_app.extensions["bot"].contexts.load("messenger", user).last_city is None
    assert ignored("standby") - before == 1


def test_an_event_older_than_the_dedup_window_is_not_answered(channel_client, channel_app, fake_graph):
    old = messenger_text("ภูเก็ตได้รับรองเมื่อไหร่")
    old["timestamp"] = int((time.time() - 3 * 86400) * 1000)
    witness = messenger_text("where is samyan")
    before = ignored("too_old")
    post(channel_client, messenger_body(old, witness))
    fake_graph.wait_for(lambda c: sent_to(fake_graph, witness["sender"]["id"]))
    wait_for_queue(channel_app)
    assert sent_to(fake_graph, old["sender"]["id"]) == []
    assert ignored("too_old") - before == 1


@pytest.mark.parametrize("mid", [["m_1", "m_2"], {"id": "m_1"}, 42])
def test_a_mid_or_sender_of_the_wrong_type_is_skipped_never_a_5xx(channel_client, channel_app, fake_graph, mid):
    bad_mid = messenger_text("ภูเก็ตอยู่ไหน")
    bad_mid["message"]["mid"] = mid
    bad_sender = messenger_text("ภูเก็ตอยู่ไหน")
    bad_sender["sender"]["id"] = mid
    good = messenger_text("where is samyan")
    r = post(channel_client, messenger_body(bad_mid, bad_sender, good))
    assert r.status_code == 200
    fake_graph.wait_for(lambda c: sent_to(fake_graph, good["sender"]["id"]))
    wait_for_queue(channel_app)
    assert sent_to(fake_graph, bad_mid["sender"]["id"]) == []
    assert sent_to(fake_graph, good["sender"]["id"])


def test_lone_surrogates_in_a_message_are_cleaned_and_the_question_answered(channel_client, fake_graph):
    item = messenger_text("When was Phuket\ud800 certified?")
    body = json.dumps({"object": "page", "entry": [{"id": "1", "time": 1, "messaging": [item]}]}).encode()
    assert b"\\ud800" in body
    assert post(channel_client, body).status_code == 200
    fake_graph.wait_for(lambda c: sent_to(fake_graph, item["sender"]["id"]))
    text = sent_to(fake_graph, item["sender"]["id"])[0].body["message"]["text"]
    assert "Phuket" in text and "2021" in text


def test_echoes_deliveries_and_reads_are_ignored(channel_client, channel_app, fake_graph):
    user = str(uuid.uuid4().int)[:16]
    echo = {"sender": {"id": user}, "recipient": {"id": "1"}, "timestamp": 1,
            "message": {"mid": f"m_{uuid.uuid4().hex}", "is_echo": True, "text": "hello"}}
    delivery = {"sender": {"id": user}, "recipient": {"id": "1"}, "delivery": {"mids": ["m_1"], "watermark": 1}}
    read = {"sender": {"id": user}, "recipient": {"id": "1"}, "read": {"watermark": 1}}
    assert post(channel_client, messenger_body(echo, delivery, read)).status_code == 200
    wait_for_queue(channel_app)
    assert sent_to(fake_graph, user) == []


def test_attachment_gets_the_text_only_note(channel_client, fake_graph):
    user = str(uuid.uuid4().int)[:16]
    item = {"sender": {"id": user}, "recipient": {"id": "1"}, "timestamp": int(time.time() * 1000),
            "message": {"mid": f"m_{uuid.uuid4().hex}",
                        "attachments": [{"type": "image", "payload": {"url": "https://example.invalid/x.jpg"}}]}}
    post(channel_client, messenger_body(item))
    fake_graph.wait_for(lambda c: sent_to(fake_graph, user))
    assert "ข้อความ" in sent_to(fake_graph, user)[0].body["message"]["text"]


@pytest.mark.parametrize("signature, status", [("", 401), ("sha256=" + "0" * 64, 403), ("sha1=abc", 403)])
def test_bad_signature_is_refused_and_nothing_is_sent(channel_client, channel_app, fake_graph, signature, status):
    item = messenger_text("ภูเก็ตอยู่ไหน")
    assert post(channel_client, messenger_body(item), signature=signature).status_code == status
    wait_for_queue(channel_app)
    assert sent_to(fake_graph, item["sender"]["id"]) == []


def test_send_api_500_then_success_gives_one_message(channel_client, channel_app, fake_graph):
    item = messenger_text("what is depa")
    fake_graph.fail_next = [500]
    post(channel_client, messenger_body(item))
    fake_graph.wait_for(lambda c: sent_to(fake_graph, item["sender"]["id"]), timeout=15)
    wait_for_queue(channel_app)
    assert len(sent_to(fake_graph, item["sender"]["id"])) == 1


def test_slow_send_api_webhook_still_answers_fast_and_the_message_arrives(channel_client, channel_app, fake_graph):
    item = messenger_text("when was phuket certified")
    fake_graph.delay = 2.5  # well over the 1 s the webhook may take: a webhook that waited for the API fails
    try:
        started = time.monotonic()
        assert post(channel_client, messenger_body(item)).status_code == 200
        assert time.monotonic() - started < 1.0
        fake_graph.wait_for(lambda c: sent_to(fake_graph, item["sender"]["id"]), timeout=30)
    finally:
        fake_graph.delay = 0.0
    wait_for_queue(channel_app)
    texts = [c.body["message"].get("text", "") for c in sent_to(fake_graph, item["sender"]["id"])]
    assert len(texts) == 1 and "Phuket" in texts[0]


def test_render_respects_messenger_limits():
    reply = Reply("ขอนแก่น " * 800, "th", "city_overview", 0.9,
                  quick_replies=[f"question number {i} that is long" for i in range(20)],
                  card=Card("Khon Kaen Smart City" * 5, "Khon Kaen", [("Certified", "6 May 2021")],
                            url="https://example.org"))
    messages = render(reply)
    assert all(len(m["text"]) <= 2000 for m in messages if "text" in m)
    assert "attachment" in messages[-1]
    qrs = messages[-1]["quick_replies"]
    assert len(qrs) == 13 and all(len(q["title"]) <= 20 for q in qrs)
    element = messages[-1]["attachment"]["payload"]["elements"][0]
    assert len(element["title"]) <= 80 and len(element["subtitle"]) <= 80


def test_render_never_splits_a_thai_character_when_it_cuts():
    """A title cut to Messenger's 20 characters keeps each Thai consonant with its vowel and tone marks."""
    import regex

    question = "ที่ปรึกษาเมืองอัจฉริยะภูเก็ตคือใคร"  # 20 code points would end inside "ริ"
    reply = Reply("ok", "th", "x", 0.9, quick_replies=[question],
                  card=Card("ผู้ว่าราชการจังหวัด" * 6, "ภูเก็ต", [("รับรอง", "ที่ปรึกษาเมืองอัจฉริยะ" * 5)]))
    messages = render(reply)
    element = messages[-1]["attachment"]["payload"]["elements"][0]
    cut = [(messages[-1]["quick_replies"][0]["title"], question, 20),
           (element["title"], "ผู้ว่าราชการจังหวัด" * 6, 80),
           (element["subtitle"], "รับรอง: " + "ที่ปรึกษาเมืองอัจฉริยะ" * 5, 80)]
    for title, original, limit in cut:
        assert len(title) <= limit and title.endswith("…")
        clusters = regex.findall(r"\X", original)
        assert title[:-1] in {"".join(clusters[:k]).rstrip() for k in range(len(clusters))}, title


def test_contexts_of_line_and_messenger_users_are_separate(channel_app):
    bot = channel_app.extensions["bot"]
    bot.dialogue.respond("ขอนแก่นได้รับรองเมื่อไหร่", user_id="same-id", channel="line")
    assert bot.contexts.load("messenger", "same-id").last_city is None
    assert bot.contexts.load("line", "same-id").last_city == "khon-kaen"


# -- the website chat plugin ---------------------------------------------------------------------------------
def test_a_chat_plugin_sender_is_answered_through_its_user_ref_and_keeps_a_conversation(channel_client, channel_app,
                                                                                      fake_graph):
    """Items from the website chat plugin name the person by ``sender.user_ref`` (Meta's webhook reference);
    the Send API takes ``recipient.user_ref`` for them. Two messages in one body: the follow-up keeps the
    thread, and the context is the user_ref's own (never a PSID's that happens to be the same string)."""
    ref = f"chat-plugin-{uuid.uuid4().hex[:10]}"
    first = messenger_text("when was Khon Kaen certified", user_ref=ref)
    second = messenger_text("and Phuket?", user_ref=ref, timestamp_ms=first["timestamp"] + 1)
    assert post(channel_client, messenger_body(first, second)).status_code == 200
    got = fake_graph.wait_for(lambda c: len(fake_graph.messages_to({"user_ref": ref})) >= 2)
    texts = [c.body["message"]["text"] for c in fake_graph.messages_to({"user_ref": ref})]
    assert len(texts) == 2 and "Khon Kaen" in texts[0] and "Phuket" in texts[1] and "6 May 2021" in texts[1]
    assert all(c.body["messaging_type"] == "RESPONSE" for c in fake_graph.messages_to({"user_ref": ref}))
    assert not fake_graph.errors and got
    contexts = channel_app.extensions["bot"].contexts
    assert contexts.load("messenger", f"ref:{ref}").last_city == "phuket"
    assert contexts.load("messenger", ref).last_city is None


def test_a_cut_english_title_ends_at_a_whole_word():
    reply = Reply("ok", "en", "x", 0.9, quick_replies=["When did Samyan become a smart city?", "Which cities are certified?"])
    titles = [q["title"] for q in render(reply)[-1]["quick_replies"]]
    assert titles == ["When did Samyan…", "Which cities are…"]  # not "When did Samyan bec…"


def test_a_cut_thai_title_ends_at_a_whole_word():
    """Thai has no spaces between words: the cut still falls between two of them, not inside one."""
    reply = Reply("ok", "th", "x", 0.9, quick_replies=["รถไฟฟ้าขอนแก่นสร้างถึงไหนแล้ว"])
    title = render(reply)[-1]["quick_replies"][0]["title"]
    assert title == "รถไฟฟ้าขอนแก่นสร้าง…"  # not "…สร้างถึงไ…", half of ไหน
