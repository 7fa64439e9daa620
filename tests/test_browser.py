"""Browser tests (Playwright driving Debian's Chromium): a staff member signs in, adds an entry, sees the
web chat answer with it, edits and rolls back, watches the unanswered inbox fill, and a <script> in an
answer is shown as text. The web chat keeps its thread across reloads and starts over on request, links
sources, folds long answers, shows offline, server-down and rate-limited states (not as bot messages) with a
retry, animates its typing dots unless the reader asked for less motion, renders Thai in its bundled font
and fits a 360 px phone. Screenshots of the main pages go to tests/artifacts/ (ignored by git)."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import helpers
import pytest
from helpers import LiveServer
from werkzeug.serving import WSGIRequestHandler, make_server

from bot.admin.users import Users

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def server(app):
    live = LiveServer(app)
    yield live.url
    live.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    yield page
    context.close()


@pytest.fixture
def staff(bot):
    name = f"web{helpers.tag()}"
    Users(bot.store).create(name, "browser test password", "editor")
    return name


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def login(page, server, name):
    page.goto(f"{server}/admin/login")
    shot(page, "login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", "browser test password")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/faq")


def chat(page, server, text) -> str:
    page.goto(f"{server}/")
    before = page.locator(".msg.bot:not(.typing)").count()
    page.fill("#text", text)
    page.click("#send")
    # A locator wait, not wait_for_function: the page's CSP rightly forbids the eval that the latter needs.
    answers = page.locator(".msg.bot:not(.typing)")
    answers.nth(before).wait_for()
    return answers.last.inner_text()


def test_staff_add_edit_rollback_and_the_web_chat_follows(page, server, staff):
    tag = helpers.tag()
    question = f"ตลาดนัดสมาร์ทซิตี้{tag}จัดวันไหน"
    login(page, server, staff)
    shot(page, "faq-list")
    page.click("text=New entry")
    page.fill("textarea[name=questions_th]", question)
    page.fill("textarea[name=answer_th]", f"จัดทุกวันอาทิตย์แรกของเดือนครับ ({tag})")
    page.fill("input[name=source]", "City events notice")
    page.fill("#try-text", question)
    page.click("#try-button")
    page.wait_for_selector("#try-result h3 >> nth=1")
    assert "With your change" in page.inner_text("#try-result")
    shot(page, "faq-new-try-it")
    page.click("#entry-form button[type=submit]")
    page.wait_for_selector(".flash")
    assert "The bot answers with it now" in page.inner_text(".flash")
    edit_url = page.url

    assert "อาทิตย์แรก" in chat(page, server, question)
    shot(page, "web-chat-new-answer")

    page.goto(edit_url)
    page.fill("textarea[name=answer_th]", f"ย้ายไปจัดวันเสาร์ที่สองของเดือนครับ ({tag})")
    page.click("#entry-form button[type=submit]")
    page.wait_for_selector(".flash")
    assert "เสาร์ที่สอง" in chat(page, server, question)

    page.goto(edit_url)
    page.click("text=History")
    shot(page, "faq-history")
    page.click("text=Restore version 1")
    page.wait_for_selector(".flash")
    assert "อาทิตย์แรก" in chat(page, server, question)


def test_unknown_question_fills_the_inbox(page, server, staff):
    tag = helpers.tag()
    question = f"ร้านส้มตำเจ้าไหนอร่อยแถวบึงแก่นนคร {tag}"
    reply = chat(page, server, question)
    assert "ขออภัย" in reply
    login(page, server, staff)
    page.goto(f"{server}/admin/inbox")
    row = page.locator("tr", has_text=tag)
    assert row.count() == 1 and "Answer this" in row.inner_text()
    shot(page, "inbox")
    row.locator("text=Answer this").click()
    assert question in page.input_value("textarea[name=questions_th]")


def test_script_in_an_answer_is_shown_as_text(page, server, staff, client):
    from conftest import ADMIN_TOKEN

    tag = helpers.tag()
    question = f"ทดสอบความปลอดภัย{tag}คืออะไร"
    client.post("/admin/api/faq", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
                json={"questions": {"th": [question], "en": []}, "source": "test",
                      "answer": {"th": f"<script>alert('{tag}')</script><img src=x onerror=alert(1)>", "en": ""}})
    reply = chat(page, server, question)
    assert f"<script>alert('{tag}')</script>" in reply  # shown literally
    assert page.dialogs == []  # and never run
    login(page, server, staff)
    page.goto(f"{server}/admin/faq?q={tag}")
    assert "<script>" in page.inner_text("table.list")
    assert page.dialogs == []


def test_dashboard_shows_charts_with_numbers(page, server, staff):
    chat(page, server, "7 Smarts คืออะไร")
    login(page, server, staff)
    page.goto(f"{server}/admin/dashboard")
    assert page.locator("svg[role=img]").count() == 4
    assert "messages" in page.inner_text("main")
    shot(page, "dashboard")



# -- the web chat ----------------------------------------------------------------------------------------
ANSWERS = ".msg.bot:not(.typing)"


@pytest.fixture
def phone(browser):
    """A 360 px wide phone."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def send(page, text: str):
    """Type ``text`` and send it; return the /api/ask response (the page's answer is then on screen)."""
    before = page.locator(ANSWERS).count()
    with page.expect_response("**/api/ask") as response:
        page.fill("#text", text)
        page.click("#send")
    if response.value.ok:
        page.locator(ANSWERS).nth(before).wait_for()
    return response.value


def sent_user_id(page, text: str) -> str:
    with page.expect_request("**/api/ask") as request:
        send(page, text)
    return request.value.post_data_json["user_id"]


def fits(page, width: int) -> None:
    """Nothing on the page is wider than the screen (no sideways scrolling) and the controls are on it."""
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    for selector in ("#text", "#send", "#restart"):
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, selector


class _OneRequestPerConnection(WSGIRequestHandler):
    # A kept-alive connection would still be served by its handler thread after the server stops.
    protocol_version = "HTTP/1.0"


class Restartable:
    """A real HTTP server on a fixed port that can be stopped and started again, serving the app or, while
    the app is down, what a proxy in front of it answers then (503)."""

    def __init__(self, app):
        self.app, self.port, self.srv, self.thread = app, 0, None, None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wsgi=None) -> None:
        self.srv = make_server("127.0.0.1", self.port, wsgi or self.app, threaded=True,
                               request_handler=_OneRequestPerConnection)
        self.port = self.srv.server_port
        self.thread = threading.Thread(target=self.srv.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.srv.shutdown()
        self.srv.server_close()
        self.thread.join()


def _proxy_without_app(environ, start_response):
    start_response("503 Service Unavailable", [("Content-Type", "text/html")])
    return [b"<h1>503 Service Unavailable</h1>"]


def test_chat_is_kept_across_reloads_and_start_over_clears_it(page, server):
    page.goto(f"{server}/")
    uid = sent_user_id(page, "When was Samyan certified?")
    thread = page.locator(".msg").all_inner_texts()
    assert len(thread) == 3 and "Samyan" in thread[2]  # greeting, question, answer

    page.reload()
    assert page.locator(".msg").all_inner_texts() == thread
    with page.expect_request("**/api/ask") as request:
        follow_up = send(page, "where is it?")
    assert request.value.post_data_json["user_id"] == uid  # the same conversation for the bot too
    assert follow_up.json()["entities"]["city"] == "samyan"
    shot(page, "web-chat-restored")

    page.click("#restart")
    assert page.locator(".msg").all_inner_texts() == thread[:1]  # only the greeting
    assert "7 Smarts คืออะไร" in page.locator("#quick").inner_text()  # the starter suggestions again
    page.reload()
    assert page.locator(".msg").count() == 1
    with page.expect_request("**/api/ask") as request:
        fresh = send(page, "where is it?")
    assert request.value.post_data_json["user_id"] != uid  # the bot forgot the old conversation too
    assert fresh.json()["entities"].get("city") != "samyan"


def test_sources_are_links(page, server):
    page.goto(f"{server}/")
    data = send(page, "ขอนแก่นได้รับรองเมื่อไหร่").json()
    assert data["source_links"]
    links = page.locator(ANSWERS).last.locator(".sources a")
    assert links.count() >= 1
    expected = {x["url"]: x for x in data["source_links"]}
    for i in range(links.count()):
        a = links.nth(i)
        href = a.get_attribute("href")
        assert href in expected and href.startswith("https://")
        assert a.get_attribute("target") == "_blank" and "noopener" in a.get_attribute("rel")
    first = links.first
    assert first.inner_text() == expected[first.get_attribute("href")]["label"]  # the name in the line is the link
    sources = page.locator(ANSWERS).last.locator(".sources")
    assert sources.inner_text().startswith("ที่มา:")
    assert "และอีก" in sources.inner_text()  # the line names two sources; the others' links are folded under it
    others = sources.locator(".more-sources a")
    assert others.count() >= 1 and not others.first.is_visible()
    sources.locator(".more-sources summary").click()
    assert others.first.is_visible()


def test_long_answer_folds_behind_more_on_a_phone(phone, server, client):
    from conftest import ADMIN_TOKEN

    tag = helpers.tag()
    question = f"แผนโครงการทดสอบ{tag}มีอะไรบ้าง"
    sentences = [f"ขั้นที่ {i} ของโครงการทดสอบ {tag} คือการวางระบบข้อมูลเมืองและเชื่อมต่อบริการของเทศบาลให้ประชาชนใช้งานได้ง่ายขึ้น"
                 for i in range(1, 13)]
    r = client.post("/admin/api/faq", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
                    json={"questions": {"th": [question], "en": []}, "source": "test",
                          "answer": {"th": " ".join(sentences) + f" จบแผน{tag}", "en": ""}})
    assert r.status_code == 201, r.get_json()
    phone.goto(f"{server}/")
    send(phone, question)
    answer = phone.locator(ANSWERS).last
    assert f"จบแผน{tag}" in answer.inner_text()
    body, toggle = answer.locator(".body"), answer.locator(".more-toggle")
    height = lambda: body.evaluate("b => [b.clientHeight, b.scrollHeight]")  # noqa: E731
    shown, full = height()
    assert shown < full / 2 and toggle.get_attribute("aria-expanded") == "false"
    assert phone.locator(ANSWERS).first.locator(".more-toggle").count() == 0  # a short message is not folded
    fits(phone, 360)
    shot(phone, "web-chat-phone-folded")

    toggle.click()
    shown, full = height()
    assert shown == full and toggle.get_attribute("aria-expanded") == "true" and "less" in toggle.inner_text()
    fits(phone, 360)
    toggle.click()
    assert height()[0] < full / 2

    phone.reload()  # kept, and folded again
    assert phone.locator(ANSWERS).last.locator(".more-toggle").get_attribute("aria-expanded") == "false"


def test_offline_is_a_notice_with_a_retry_that_resends(phone, server):
    phone.goto(f"{server}/")
    phone.context.set_offline(True)
    phone.fill("#text", "7 Smarts คืออะไร")
    phone.click("#send")
    notice = phone.locator("#notice")
    notice.wait_for()
    assert notice.get_attribute("data-state") == "offline" and "offline" in notice.inner_text()
    assert phone.locator(ANSWERS).count() == 1  # no bot bubble: only the greeting
    assert "not sent" in phone.locator(".msg.me").inner_text()
    fits(phone, 360)
    box = phone.locator("#retry").bounding_box()
    assert box["x"] + box["width"] <= 360
    shot(phone, "web-chat-phone-offline")

    phone.context.set_offline(False)
    phone.locator("#notice[data-state=online]").wait_for()  # the page noticed
    with phone.expect_response("**/api/ask") as response:
        phone.click("#retry")
    assert response.value.ok
    phone.locator(ANSWERS).nth(1).wait_for()
    assert notice.is_hidden()
    assert phone.locator(".msg.me").count() == 1 and "not sent" not in phone.locator(".msg.me").inner_text()
    assert "สิ่งแวดล้อมอัจฉริยะ" in phone.locator(ANSWERS).last.inner_text()  # the 7 Smarts, answered once


def test_server_down_is_a_notice_with_a_retry_that_resends(browser, app):
    site = Restartable(app)
    site.start()
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site.url}/")
        site.stop()  # connection refused
        page.fill("#text", "ขอนแก่นได้รับรองเมื่อไหร่")
        page.click("#send")
        notice = page.locator("#notice[data-state=server]")
        notice.wait_for()
        assert "not answering" in notice.inner_text() and page.locator(ANSWERS).count() == 1
        shot(page, "web-chat-server-down")

        site.start(_proxy_without_app)  # a proxy in front answers 503 while the app is down
        with page.expect_response("**/api/ask") as response:
            page.click("#retry")
        assert response.value.status == 503
        notice.wait_for()
        assert page.locator(ANSWERS).count() == 1 and page.locator(".msg.me").count() == 1
        site.stop()

        site.start()  # the app is back
        with page.expect_response("**/api/ask") as response:
            page.click("#retry")
        assert response.value.ok
        page.locator(ANSWERS).nth(1).wait_for()
        assert "2564" in page.locator(ANSWERS).last.inner_text()  # Khon Kaen's certification, Buddhist Era
        assert page.locator("#notice").is_hidden() and page.locator(".msg.me").count() == 1
    finally:
        context.close()
        site.stop()


def test_rate_limited_shows_the_wait_then_sends(browser, bot_config):
    from bot.app import create_app

    site = Restartable(create_app({**bot_config, "TESTING": True, "USER_RATE_LIMIT": "2/6"}))
    site.start()
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site.url}/")
        send(page, "7 Smarts คืออะไร")
        send(page, "ขอนแก่นได้รับรองเมื่อไหร่")
        limited = send(page, "ภูเก็ตได้รับรองเมื่อไหร่")
        assert limited.status == 429
        wait = int(limited.headers["retry-after"])
        assert 1 <= wait <= 6 and limited.json()["retry_after"] == wait
        notice = page.locator("#notice[data-state=rate-limited]")
        notice.wait_for()
        text = notice.inner_text()
        assert "please wait" in text and any(f"รอ {n} วินาที" in text for n in range(1, wait + 1))
        assert page.locator(ANSWERS).count() == 3  # the greeting and two answers: the limit is no bot bubble
        assert page.locator("#retry").is_disabled() and page.locator("#send").is_disabled()
        shot(page, "web-chat-rate-limited")

        from playwright.sync_api import expect

        expect(page.locator("#retry")).to_be_enabled(timeout=(wait + 3) * 1000)  # after the wait, not before
        assert "send again" in notice.inner_text()
        with page.expect_response("**/api/ask") as response:
            page.click("#retry")
        assert response.value.ok
        page.locator(ANSWERS).nth(3).wait_for()
        assert page.locator("#notice").is_hidden() and page.locator(".msg.me").count() == 3
    finally:
        context.close()
        site.stop()


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_typing_indicator_is_animated_unless_less_motion_is_asked(browser, server, motion):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, reduced_motion=motion)
    page = context.new_page()
    held = []
    try:
        page.goto(f"{server}/")
        page.route("**/api/ask", lambda route: held.append(route))  # hold the question so the dots can be looked at
        page.fill("#text", "7 Smarts คืออะไร")
        page.click("#send")
        dots = page.locator(".msg.typing .dot")
        dots.first.wait_for()
        assert dots.count() == 3 and page.locator(ANSWERS).count() == 1
        animation = dots.first.evaluate("d => getComputedStyle(d).animationName")
        assert animation == ("none" if motion == "reduce" else "typing-dot")
        deadline = time.monotonic() + 10
        while not held and time.monotonic() < deadline:
            page.wait_for_timeout(20)
        held[0].continue_()  # on to the real server
        page.locator(ANSWERS).nth(1).wait_for()
        assert page.locator(".msg.typing").count() == 0
    finally:
        context.close()


def test_thai_text_renders_in_the_bundled_font(page, server):
    fonts = []
    page.on("response", lambda r: fonts.append((r.url, r.status)) if "/fonts/" in r.url else None)
    page.goto(f"{server}/")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    greeting = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ".msg.bot .body"})["nodeId"]
    deadline, used = time.monotonic() + 10, []
    while time.monotonic() < deadline:  # font-display: swap: the text shows at once, the font follows
        used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": greeting})["fonts"]
        if any(f["familyName"] == "Sarabun" for f in used):
            break
        page.wait_for_timeout(50)
    assert [f for f in used if f["familyName"] == "Sarabun" and f["isCustomFont"]], used  # served by the app
    assert (f"{server}/fonts/Sarabun-Regular.ttf", 200) in fonts
