"""The HTTP surface: /api/ask contract, bad input, the web chat page and its font, health and metrics."""

import json


def ask(client, **body):
    return client.post("/api/ask", json=body)


def test_api_ask_contract(client, user):
    r = ask(client, text="ทำไมเมืองขอนแก่นเพิ่งจะได้รับรองเป็น smart city", user_id=user)
    assert r.status_code == 200 and r.is_json
    data = r.get_json()
    assert {"answer", "intent", "confidence", "entities", "fallback", "lang", "quick_replies", "sources"} <= set(data)
    assert isinstance(data["answer"], str) and data["answer"]
    assert data["intent"] == "city_why_now" and data["lang"] == "th" and data["fallback"] is False
    assert 0.0 <= data["confidence"] <= 1.0
    assert data["entities"]["city"] == "khon-kaen"
    assert all(isinstance(q, str) for q in data["quick_replies"]) and 2 <= len(data["quick_replies"]) <= 4
    assert data["sources"] and all(isinstance(s, str) for s in data["sources"])


def test_api_is_multi_turn_by_user_id(client, user):
    ask(client, text="When was Samyan certified?", user_id=user)
    r = ask(client, text="where is it?", user_id=user).get_json()
    assert r["intent"] == "city_location" and r["entities"]["city"] == "samyan"


def test_api_without_user_id_has_no_memory(client):
    ask(client, text="When was Samyan certified?")
    r = ask(client, text="where is it?").get_json()
    assert r["entities"].get("city") is None


def test_api_lang_override(client):
    r = ask(client, text="ภูเก็ตได้รับรองเมื่อไหร่", lang="en").get_json()
    assert r["lang"] == "en" and "2021" in r["answer"]


def test_api_links_the_sources_that_have_an_address(client):
    """``source_links`` (added to the contract's fields): each names a source of the answer's source line and
    opens its web address."""
    data = ask(client, text="ขอนแก่นได้รับรองเมื่อไหร่").get_json()
    links, line = data["source_links"], data["answer"].splitlines()[-1]
    assert links and line.startswith("ที่มา:")
    assert all(set(x) == {"label", "title", "url"} and x["url"].startswith("https://") for x in links)
    assert any(x["label"] in line for x in links)  # the page turns that name into the link
    addresses = {f"https://{s.url}" for s in client.application.extensions["bot"].kb.sources.values() if s.url}
    assert {x["url"] for x in links} <= addresses  # the knowledge base's own addresses, nothing made up
    assert ask(client, text="ภูเก็ตมีโรงแรมแนะนำไหม").get_json()["source_links"] == []  # a fallback has none


def test_api_fallback(client):
    r = ask(client, text="ภูเก็ตมีโรงแรมแนะนำไหม").get_json()
    assert r["fallback"] is True and r["intent"] == "out_of_scope" and r["sources"] == []


def test_malformed_json_is_400(client):
    r = client.post("/api/ask", data="{not json", content_type="application/json")
    assert r.status_code == 400 and "JSON" in r.get_json()["detail"]


def test_wrong_types_are_400_with_a_clear_error(client):
    for body, word in [({"text": 5}, "text"), ({"text": ""}, "text"), ({"text": "hi", "lang": "fr"}, "lang"),
                       ({"text": "hi", "user_id": ["x"]}, "user_id"), (["text"], "object")]:
        r = client.post("/api/ask", data=json.dumps(body), content_type="application/json")
        assert r.status_code == 400, body
        assert word in r.get_json()["detail"]


def test_non_json_is_415(client):
    r = client.post("/api/ask", data="text=hi", content_type="application/x-www-form-urlencoded")
    assert r.status_code == 415


def test_oversized_body_is_413(client, app):
    big = "ก" * (app.config["MAX_CONTENT_LENGTH"] + 10)
    r = client.post("/api/ask", data=json.dumps({"text": big}), content_type="application/json")
    assert r.status_code == 413


def test_long_text_is_capped_not_rejected(client):
    r = ask(client, text="ขอนแก่น " * 1000)
    assert r.status_code == 200


def test_web_chat_page(client):
    r = client.get("/")
    assert r.status_code == 200 and r.mimetype == "text/html"
    html = r.get_data(as_text=True)
    assert 'name="viewport"' in html and 'id="composer"' in html
    assert "<script src=" in html and "<script>" not in html  # no inline script (CSP)
    assert "default-src 'self'" in r.headers["Content-Security-Policy"]
    js = client.get("/static/chat.js").get_data(as_text=True)
    assert "/api/ask" in js and "localStorage" in js and "quick_replies" in js
    assert "innerHTML" not in js  # server text is never inserted as HTML


def test_thai_font_is_served_with_its_licence(client):
    """The chat's Thai font comes from the app (not the viewer's machine): a real Sarabun face with a glyph of
    its own for every Thai consonant, cached by browsers, with its SIL Open Font License beside it."""
    import io

    from PIL import ImageFont

    r = client.get("/fonts/Sarabun-Regular.ttf")
    assert r.status_code == 200 and r.mimetype == "font/ttf"
    assert "max-age=" in r.headers["Cache-Control"] and r.headers.get("ETag")
    font = ImageFont.truetype(io.BytesIO(r.data), 24)
    assert font.getname() == ("Sarabun", "Regular")
    missing = bytes(font.getmask("\u0f00"))  # Tibetan: the font's missing-glyph box
    assert all(bytes(font.getmask(chr(c))) != missing for c in range(0x0E01, 0x0E2F))  # ก..ฮ
    assert client.get("/fonts/Sarabun-Bold.ttf").status_code == 200
    for other in ("Sarabun-Thin.ttf", "..%2Fmetadata.json", "__init__.py"):
        assert client.get(f"/fonts/{other}").status_code == 404, other
    licence = client.get("/fonts/LICENSE.txt")
    assert licence.status_code == 200 and licence.mimetype == "text/plain"
    text = licence.get_data(as_text=True)
    assert "SIL OPEN FONT LICENSE Version 1.1" in text and "The Sarabun Project Authors" in text
    css = client.get("/static/chat.css").get_data(as_text=True)
    assert 'font-family: "Sarabun"' in css and "../fonts/Sarabun-Regular.ttf" in css
    assert "/fonts/LICENSE.txt" in client.get("/").get_data(as_text=True)  # the page credits the font


def test_healthz_ok(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.get_json()["status"] == "ok"


def test_metrics_count_messages(client):
    ask(client, text="7 Smarts คืออะไร")
    body = client.get("/metrics").get_data(as_text=True)
    assert 'bot_messages_total{channel="web",lang="th"}' in body
    assert "bot_answer_seconds_bucket" in body


def test_lone_surrogates_are_cleaned_and_the_question_still_answered(client, user):
    """'\\ud800' is valid JSON but not text: it is replaced, the rest of the question is answered as usual
    (and the conversation, kept in Redis under a user id with a broken character, still works)."""
    body = json.dumps({"text": "When was Phuket\ud800 certified?", "user_id": f"{user}\udc00"})
    assert "\\ud800" in body  # sent as the escape, as a broken client would
    r = client.post("/api/ask", data=body, content_type="application/json")
    assert r.status_code == 200
    data = r.get_json()
    assert data["entities"]["city"] == "phuket" and "2021" in data["answer"]
    follow_up = client.post("/api/ask", data=json.dumps({"text": "where is it?", "user_id": f"{user}\udc00"}),
                            content_type="application/json").get_json()
    assert follow_up["entities"]["city"] == "phuket"
