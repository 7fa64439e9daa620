"""Browser tests (Playwright driving Debian's Chromium): a staff member signs in, adds an entry, sees the
web chat answer with it, edits and rolls back, watches the unanswered inbox fill, and a <script> in an
answer is shown as text. Screenshots of the main pages go to tests/artifacts/ (ignored by git)."""

from __future__ import annotations

import shutil
import threading
import uuid
from pathlib import Path

import pytest

from bot.admin.users import Users

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def server(app):
    from werkzeug.serving import make_server

    srv = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


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
    name = f"web{uuid.uuid4().hex[:6]}"
    Users(bot.store.client).create(name, "browser test password", "editor")
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
    tag = uuid.uuid4().hex[:6]
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
    tag = uuid.uuid4().hex[:6]
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

    tag = uuid.uuid4().hex[:6]
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
