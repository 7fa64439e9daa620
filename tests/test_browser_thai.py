"""The staff pages in Thai, in Chromium (Playwright): a browser set to Thai gets Thai pages and can switch to
English (remembered), search for "รถไฟฟ้า" finds the light-rail entries, topics and cities are picked by name,
the history marks the changed word, and on a 375 px phone nothing runs off the screen and tap targets are
large enough. Screenshots go to tests/artifacts/ (ignored by git)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from test_browser import ARTIFACTS, CHROMIUM, server, shot  # noqa: F401 - fixtures and helpers shared with it

from bot.admin.users import Users

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian's chromium is not installed (apt-get install chromium)")

PASSWORD = "browser test password"


@pytest.fixture
def staff(bot):
    name = f"th{uuid.uuid4().hex[:6]}"
    Users(bot.store).create(name, PASSWORD, "editor")
    return name


@pytest.fixture
def thai(browser):
    """A desktop browser whose language is Thai."""
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="th-TH")
    yield context.new_page()
    context.close()


@pytest.fixture
def thai_phone(browser):
    """A 375 px wide phone whose language is Thai."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="th-TH")
    yield context.new_page()
    context.close()


def sign_in(page, server, name):  # noqa: F811
    page.goto(f"{server}/admin/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/admin/faq")


def screen(page, name: str) -> None:
    """What the phone shows (a full-page shot of ~500 stacked cards is too tall to take)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def no_sideways_scroll(page, width: int) -> None:
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width, page.url


def test_thai_browser_gets_thai_pages_and_switches_to_english(thai, server, staff):  # noqa: F811
    thai.goto(f"{server}/admin/login")
    assert thai.locator("html").get_attribute("lang") == "th"
    assert thai.locator("h1").inner_text() == "เข้าสู่ระบบ"
    # The rules are on screen before anything is typed, right under their fields' labels.
    assert "ชื่อผู้ใช้ยาว 2 ถึง 32 ตัวอักษร" in thai.locator("#name-rule").inner_text()
    assert "อย่างน้อย 10 ตัวอักษร" in thai.locator("#password-rule").inner_text()
    assert thai.locator("#name-rule").is_visible() and thai.locator("#password-rule").is_visible()
    shot(thai, "th-login")
    sign_in(thai, server, staff)
    assert thai.locator("h1").inner_text() == "รายการคำถาม-คำตอบ"
    assert thai.locator("nav.lang a[aria-current]").inner_text() == "ไทย"

    thai.click("nav.lang >> text=English")
    thai.wait_for_url("**/admin/faq")
    assert thai.locator("h1").inner_text() == "FAQ entries"
    thai.goto(f"{server}/admin/inbox")  # remembered on the next page, though the browser still asks for Thai
    assert thai.locator("h1").inner_text() == "Questions the bot could not answer"
    assert thai.locator("html").get_attribute("lang") == "en"

    thai.click("nav.lang >> text=ไทย")
    thai.wait_for_url("**/admin/inbox")
    assert thai.locator("h1").inner_text() == "คำถามที่บอตยังตอบไม่ได้"


def test_search_for_rot_fai_fa_finds_the_light_rail(thai, server, staff):  # noqa: F811
    sign_in(thai, server, staff)
    thai.fill("input[name=q]", "รถไฟฟ้า")
    thai.press("input[name=q]", "Enter")
    thai.wait_for_url("**/admin/faq?q=*")
    rows = thai.locator("tr[data-entry]")
    ids = [rows.nth(i).get_attribute("data-entry") for i in range(rows.count())]
    assert "khon-kaen-lrt-status" in ids and "khon-kaen-lrt-overview" in ids
    assert re.match(r"พบ \d+ รายการที่ตรงกับ “รถไฟฟ้า”", thai.inner_text("#count"))
    assert "รถไฟฟ้ารางเบา" in thai.inner_text("table.list")
    shot(thai, "th-faq-search")


def test_topics_and_cities_are_picked_by_name_and_the_history_marks_the_word(thai, server, staff):  # noqa: F811
    sign_in(thai, server, staff)
    thai.goto(f"{server}/admin/faq/khon-kaen-lrt-status")
    topic = thai.locator("select[name=intent] option:checked").inner_text()
    assert topic == "แผนและโครงการของเมือง"
    assert thai.locator("label.pick", has_text="ขอนแก่น").first.locator("input").is_checked()
    assert "Cities (ids" not in thai.inner_text("main")

    tag = uuid.uuid4().hex[:6]
    thai.goto(f"{server}/admin/faq/new")
    shot(thai, "th-faq-new")
    thai.select_option("select[name=intent]", label="แผนและโครงการของเมือง")
    thai.fill("textarea[name=questions_th]", f"งานวิ่ง{tag}จัดที่ไหน")
    thai.fill("textarea[name=answer_th]", "จัดที่บึงแก่นนครครับ")
    thai.fill("input[name=source]", "ประกาศเทศบาลนครขอนแก่น")
    thai.locator("#city-picker label.pick", has_text="ขอนแก่น").locator("input").check()
    thai.locator("#city-picker label.pick", has_text="ภูเก็ต").locator("input").check()
    thai.click("#entry-form button[type=submit]")
    assert "บอตใช้คำตอบนี้แล้ว" in thai.inner_text(".flash")
    checked = thai.locator("#city-picker input:checked")
    assert sorted(checked.nth(i).get_attribute("value") for i in range(checked.count())) == ["khon-kaen", "phuket"]

    thai.fill("textarea[name=answer_th]", "จัดที่บึงแก่นนครนะครับ")  # ครับ → นะครับ
    thai.click("#entry-form button[type=submit]")
    thai.wait_for_selector(".flash")
    thai.click("text=ประวัติการแก้ไข")
    latest = thai.locator("section.version").first
    assert latest.locator("ins").all_inner_texts() == ["นะ"]
    assert "คำตอบ (ไทย): จัดที่บึงแก่นนคร" in latest.inner_text()
    assert re.search(r"\d{1,2} \S+ 25\d\d \d\d:\d\d น\. \(เวลาไทย\)", latest.inner_text())
    shot(thai, "th-faq-history")


def test_faq_list_fits_a_375_px_phone(thai_phone, server, staff):  # noqa: F811
    page = thai_phone
    sign_in(page, server, staff)
    no_sideways_scroll(page, 375)
    first = page.locator("tr[data-entry]").first
    box = first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375  # a card, not a row wider than the screen
    label = first.locator("td").nth(1).evaluate("td => getComputedStyle(td, '::before').content")
    assert "คำถาม" in label  # each card names its fields
    for selector in ("nav.main a", "form.search button", "form.search .button", "tr[data-entry] a"):
        target = page.locator(selector).first.bounding_box()
        assert target["height"] >= 44, (selector, target)
        assert target["x"] + target["width"] <= 375, selector
    screen(page, "th-phone-faq-list")

    page.fill("input[name=q]", "รถไฟฟ้า")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/admin/faq?q=*")
    no_sideways_scroll(page, 375)
    page.goto(f"{server}/admin/faq/khon-kaen-lrt-status")
    no_sideways_scroll(page, 375)
    screen(page, "th-phone-faq-edit")
    page.goto(f"{server}/admin/faq/khon-kaen-lrt-status/history")
    no_sideways_scroll(page, 375)
    page.goto(f"{server}/admin/inbox")
    no_sideways_scroll(page, 375)
