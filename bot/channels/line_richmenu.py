"""The default LINE rich menu: six buttons, an image drawn from text, created idempotently.

``smartcity-bot line richmenu`` renders the image with Pillow and a bundled Thai font, and creates the menu
through line-bot-sdk. The menu's name carries a digest of its definition and image: running the command again
with nothing changed finds the same menu and only makes sure it is the default; a changed menu replaces the
old one, which is then deleted.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

__all__ = ["BUTTONS", "render_image", "menu_definition", "install_rich_menu"]

log = logging.getLogger(__name__)

FONT = Path(__file__).parent / "assets" / "Loma-Bold.ttf"
WIDTH, HEIGHT = 2500, 1686
NAME_PREFIX = "smartcity-bot "


@dataclass(frozen=True)
class Button:
    th: str
    en: str
    text: str | None = None  # a message action: what the user "says" when tapping
    uri: bool = False  # the web chat link instead
    color: str = "#0b6e4f"


BUTTONS = (
    Button("เมืองอัจฉริยะ", "Certified cities", text="มีเมืองอัจฉริยะที่ไหนบ้าง"),
    Button("ขอนแก่น", "Khon Kaen", text="เล่าเรื่องขอนแก่นเมืองอัจฉริยะให้ฟังหน่อย", color="#1b7f93"),
    Button("ภูเก็ต", "Phuket", text="เล่าเรื่องภูเก็ตเมืองอัจฉริยะให้ฟังหน่อย", color="#1f5fa8"),
    Button("7 Smarts", "7 ด้านของเมืองอัจฉริยะ", text="7 Smarts คืออะไร", color="#7a5c12"),
    Button("ถามอะไรได้บ้าง", "Help", text="ถามอะไรได้บ้าง", color="#6b3fa0"),
    Button("แชทบนเว็บ", "Web chat", uri=True, color="#444c48"),
)


def _cells() -> list[tuple[int, int, int, int]]:
    w, h = WIDTH // 3, HEIGHT // 2
    return [(c * w, r * h, w if c < 2 else WIDTH - 2 * w, h) for r in range(2) for c in range(3)]


def render_image(font_path: Path = FONT) -> bytes:
    """The menu image as PNG: one coloured tile per button with its Thai and English label."""
    img = Image.new("RGB", (WIDTH, HEIGHT), "#ffffff")
    draw = ImageDraw.Draw(img)

    def fitted(text: str, size: int, width: int) -> ImageFont.FreeTypeFont:
        """The largest font up to ``size`` whose rendering of ``text`` fits in ``width`` pixels."""
        while True:
            font = ImageFont.truetype(str(font_path), size)
            left, _, right, _ = draw.textbbox((0, 0), text, font=font)
            if right - left <= width or size <= 24:
                return font
            size -= 6

    for (x, y, w, h), button in zip(_cells(), BUTTONS):
        draw.rectangle([x + 8, y + 8, x + w - 8, y + h - 8], fill=button.color)
        for text, size, dy in ((button.th, 120, -70), (button.en, 72, 90)):
            font = fitted(text, size, w - 100)
            left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
            draw.text((x + (w - (right - left)) / 2 - left, y + h / 2 + dy - (bottom - top) / 2 - top), text,
                      font=font, fill="#ffffff")
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


def menu_definition(web_url: str) -> dict:
    """The rich menu object (LINE's JSON shape) without its name."""
    areas = []
    for (x, y, w, h), button in zip(_cells(), BUTTONS):
        action = ({"type": "uri", "label": button.en, "uri": web_url} if button.uri else
                  {"type": "message", "label": button.en[:20], "text": button.text})
        areas.append({"bounds": {"x": x, "y": y, "width": w, "height": h}, "action": action})
    return {"size": {"width": WIDTH, "height": HEIGHT}, "selected": True, "chatBarText": "เมนู / Menu",
            "areas": areas}


def install_rich_menu(api, blob, web_url: str, font_path: Path = FONT) -> tuple[str, bool]:
    """Create (or find) the menu and make it the default. Returns ``(rich_menu_id, created)``."""
    from linebot.v3.messaging import RichMenuRequest

    image = render_image(font_path)
    definition = menu_definition(web_url)
    digest = hashlib.sha256(json.dumps(definition, sort_keys=True).encode() + image).hexdigest()[:16]
    name = NAME_PREFIX + digest
    existing = api.get_rich_menu_list().richmenus or []
    ours = [m for m in existing if m.name and m.name.startswith(NAME_PREFIX)]
    current = next((m for m in ours if m.name == name), None)
    created = current is None
    if current is None:
        menu_id = api.create_rich_menu(RichMenuRequest.from_dict({**definition, "name": name})).rich_menu_id
        blob.set_rich_menu_image(menu_id, body=image, _headers={"Content-Type": "image/png"})
    else:
        menu_id = current.rich_menu_id
    api.set_default_rich_menu(menu_id)
    for old in ours:
        if old.rich_menu_id != menu_id:
            api.delete_rich_menu(old.rich_menu_id)
            log.info("deleted the previous rich menu %s", old.rich_menu_id)
    return menu_id, created
