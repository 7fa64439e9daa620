"""No secret ever appears in the logs: signatures, tokens, app secrets, passwords, session ids (captured at DEBUG)."""

from __future__ import annotations

import logging

from conftest import ADMIN_TOKEN, FB_PAGE_TOKEN, FB_SECRET, FB_VERIFY, LINE_SECRET, LINE_TOKEN
from fakes import hub_signature, line_body, line_event, line_signature, messenger_body, messenger_text
from helpers import csrf_token, wait_for_queue

from bot.admin.users import Users


def test_secrets_never_reach_the_logs(caplog, channel_app, channel_client, fake_line, fake_graph, app, bot):
    caplog.set_level(logging.DEBUG)
    password = "staff password never logged"
    Users(bot.store).create("secretscan", password, "admin")
    # LINE: good and bad signatures, a reply through the SDK, a refused token falling back to push.
    ev = line_event("ขอนแก่นได้รับรองเมื่อไหร่")
    fake_line.used_tokens.add(ev["replyToken"])
    channel_client.post("/webhooks/line", data=line_body(ev), headers={"X-Line-Signature": line_signature(LINE_SECRET, line_body(ev))})
    channel_client.post("/webhooks/line", data=line_body(ev), headers={"X-Line-Signature": "forged"})
    # Messenger: handshake right and wrong, a message, a forged one.
    channel_client.get("/webhooks/messenger", query_string={"hub.mode": "subscribe", "hub.verify_token": FB_VERIFY,
                                                            "hub.challenge": "42"})
    channel_client.get("/webhooks/messenger", query_string={"hub.mode": "subscribe", "hub.verify_token": "guess",
                                                            "hub.challenge": "42"})
    item = messenger_text("what is depa")
    body = messenger_body(item)
    channel_client.post("/webhooks/messenger", data=body, headers={"X-Hub-Signature-256": hub_signature(FB_SECRET, body)})
    channel_client.post("/webhooks/messenger", data=body, headers={"X-Hub-Signature-256": "sha256=forged"})
    fake_line.wait_for(lambda c: any(x.path == "/v2/bot/message/push" for x in c))
    fake_graph.wait_for(lambda c: any(x.body.get("recipient", {}).get("id") == item["sender"]["id"] for x in c))
    # Staff: login (right and wrong), the bearer API (right and wrong).
    client = app.test_client()
    token = csrf_token(client)
    client.post("/admin/login", data={"name": "secretscan", "password": "wrong " + password, "csrf_token": token})
    client.post("/admin/login", data={"name": "secretscan", "password": password, "csrf_token": token})
    session_id = client.get_cookie("session", path="/admin").value  # a bearer credential as much as a password
    client.get("/admin/api/faq", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    client.get("/admin/api/faq", headers={"Authorization": f"Bearer {ADMIN_TOKEN}x"})
    wait_for_queue(channel_app)  # the senders' log lines are in too
    text = caplog.text + "\n".join(str(r.args) for r in caplog.records)
    assert len(caplog.records) > 5  # the scan saw real log traffic
    for secret in (LINE_SECRET, LINE_TOKEN, FB_SECRET, FB_PAGE_TOKEN, FB_VERIFY, ADMIN_TOKEN, "test-secret", password,
                   session_id, line_signature(LINE_SECRET, line_body(ev)), hub_signature(FB_SECRET, body)):
        assert secret not in text, f"a secret leaked into the logs: {secret[:6]}…"
