"""The entry editor in Chromium (Playwright): the preview is the reply the bot sends (text with its source line,
quick replies, what "more details" adds), try-it marks which questions a new entry answers and what answers
the others, the saved entry answers a paraphrase in the web chat at once, and an edit that would take lines
away from what people see is held until staff tick that they checked it; the history shows what each
version sent. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import uuid

from conftest import ADMIN_TOKEN
from test_browser import chat, login, page, pytestmark, server, shot, staff  # noqa: F401  (fixtures)

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def test_editor_preview_and_try_it_for_a_new_entry(page, server, staff, client):  # noqa: F811
    tag = uuid.uuid4().hex[:6]
    login(page, server, staff)
    page.click("text=New entry")
    page.fill("input[name=id]", f"kk-lrt-year-{tag}")
    page.fill("textarea[name=questions_th]", "รถไฟฟ้ารางเบาขอนแก่นจะเปิดให้บริการเมื่อไหร่")
    page.fill("textarea[name=questions_en]", "When will the Khon Kaen light rail open?")
    page.fill("textarea[name=answer_th]", f"ตามแผนล่าสุด รถไฟฟ้ารางเบาขอนแก่นช่วงแรกจะเปิดให้บริการในปี 2572 ({tag})")
    page.fill("textarea[name=answer_en]", f"Under the latest plan, the first section opens in 2029 ({tag}).")
    page.check("input[name=cities][value=khon-kaen]")
    page.fill("input[name=source]", "Khon Kaen city staff")
    # The preview follows the typing: the Thai bubble has the answer, the polite particle and the source line.
    bubble = page.locator("#preview-th .bubble").first
    bubble.filter(has_text="ที่มา: Khon Kaen city staff").wait_for()
    text = bubble.inner_text()
    assert text.startswith("ตามแผนล่าสุด") and f"({tag}) ครับ" in text
    assert page.locator("#preview-th .chip").count() >= 1  # the quick replies people can tap
    assert "Source: Khon Kaen city staff" in page.inner_text("#preview-en .bubble >> nth=0")

    page.fill("#try-text", "LRT ขอนแก่นเสร็จยัง\nwhat year does the Khon Kaen light rail start running?\n"
                           "ขอนแก่นอยู่ที่ไหน")
    page.click("#try-button")
    page.locator("#try-result table.wins tr").nth(4).wait_for()
    rows = page.locator("#try-result table.wins tr")
    marks = {rows.nth(i).locator("td.q").inner_text(): rows.nth(i).locator("td.mark").inner_text() for i in range(5)}
    assert marks["รถไฟฟ้ารางเบาขอนแก่นจะเปิดให้บริการเมื่อไหร่"] == "✓"
    assert marks["When will the Khon Kaen light rail open?"] == "✓"
    assert [v for k, v in marks.items() if k.startswith("LRT ขอนแก่นเสร็จยัง")] == ["✓"]
    where = rows.filter(has_text="ขอนแก่นอยู่ที่ไหน")
    assert where.locator("td.mark").inner_text() == "✗"
    assert "answered instead by khon-kaen-area" in where.inner_text()
    shot(page, "faq-editor-preview-try-it")

    page.click("#entry-form button[type=submit]")
    page.wait_for_selector(".flash")
    try:
        assert "2572" in chat(page, server, "รถไฟฟ้ารางเบาที่ขอนแก่นจะเปิดใช้ปีไหน")
    finally:
        client.delete(f"/admin/api/faq/kk-lrt-year-{tag}", headers=AUTH)


def test_an_edit_that_drops_lines_needs_a_tick_and_history_shows_what_was_sent(page, server, staff, client):  # noqa: F811
    entry_id = "khon-kaen-lrt-status"
    login(page, server, staff)
    page.goto(f"{server}/admin/faq/{entry_id}")
    bubble = page.locator("#preview-th .bubble").first
    bubble.filter(has_text="ข้อมูล ณ").wait_for()  # the curated source line with its Thai as-of date
    saved_source_line = bubble.inner_text().splitlines()[-1]
    # One word (the polite particle): nothing else changes, nothing is held back.
    answer = page.input_value("textarea[name=answer_th]")
    page.fill("textarea[name=answer_th]", answer + " นะครับ")
    page.locator("#preview-th .bubble").first.filter(has_text="นะครับ").wait_for()
    assert page.locator("#lost").is_hidden()
    assert bubble.inner_text().splitlines()[-1] == saved_source_line
    # A new source text replaces the curated source line: shown, and the save waits for the tick.
    page.fill("input[name=source]", "typed by staff")
    page.locator("#lost").wait_for(state="visible")
    assert saved_source_line in page.inner_text("#lost-lines")
    assert "− " + saved_source_line in page.inner_text("#change-lines")
    shot(page, "faq-editor-lost-lines")
    page.click("#entry-form button[type=submit]")
    assert page.locator(".flash").count() == 0  # held back
    assert client.get(f"/admin/api/faq/{entry_id}", headers=AUTH).get_json()["source"] != "typed by staff"
    page.check("#lost-ok")
    page.click("#entry-form button[type=submit]")
    page.wait_for_selector(".flash")
    try:
        page.click("text=History")
        current = page.locator("section.version").first
        assert "ที่มา: typed by staff" in current.locator(".phone[lang=th] .bubble").first.inner_text()
        curated = page.locator("section.version[data-version='0']")
        curated.locator("details.sent > summary").click()
        assert saved_source_line in curated.locator(".phone[lang=th] .bubble").first.inner_text()
        shot(page, "faq-history-rendered")
    finally:
        client.post(f"/admin/api/faq/{entry_id}/rollback", headers=AUTH, json={"version": 0})
