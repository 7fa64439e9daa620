"""`smartcity-bot line richmenu`: the image is drawn, the menu created through the SDK, idempotently."""

import io

from conftest import LINE_TOKEN
from helpers import run_cli
from PIL import Image

from bot.channels.line_richmenu import BUTTONS, render_image


def run(fake, *args, data_dir):
    return run_cli("line", "richmenu", *args, data_dir=data_dir,
                   env={"LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN, "LINE_API_BASE_URL": fake.url})


def test_image_has_the_menu_size_and_draws_thai_text():
    png = render_image()
    img = Image.open(io.BytesIO(png))
    assert img.size == (2500, 1686) and len(png) < 1024 * 1024
    # Each tile has white label pixels on its colour: the labels were drawn.
    tile = img.crop((0, 0, 833, 843)).convert("RGB")
    assert (255, 255, 255) in {tile.getpixel((x, y)) for x in range(100, 733, 7) for y in range(250, 600, 7)}


def test_richmenu_is_created_once_and_set_as_default(fake_line, tmp_path):
    out = run(fake_line, "--web-url", "https://bot.example.org/", "--output", str(tmp_path / "menu.png"),
              data_dir=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "created" in out.stdout and not fake_line.errors
    assert (tmp_path / "menu.png").exists()
    assert len(fake_line.rich_menus) == 1 and fake_line.default_menu in fake_line.rich_menus
    menu = fake_line.rich_menus[fake_line.default_menu]
    assert [a["action"]["type"] for a in menu["areas"]].count("uri") == 1
    again = run(fake_line, "--web-url", "https://bot.example.org/", data_dir=tmp_path)
    assert again.returncode == 0 and "already up to date" in again.stdout
    assert len(fake_line.rich_menus) == 1  # nothing duplicated
    changed = run(fake_line, "--web-url", "https://chat.example.org/", data_dir=tmp_path)
    assert changed.returncode == 0 and "created" in changed.stdout
    assert len(fake_line.rich_menus) == 1  # the old menu was replaced, not kept


def test_every_menu_button_is_understood(bot):
    for button in BUTTONS:
        if button.text:
            reply = bot.dialogue.respond(button.text)
            assert not reply.fallback and reply.intent != "out_of_scope", button.text
            if button.en in ("Khon Kaen", "Phuket"):
                assert reply.intent == "city_overview" and reply.card is not None


def test_richmenu_without_token_is_a_clear_error(tmp_path):
    out = run_cli("line", "richmenu", "--web-url", "https://x.org", data_dir=tmp_path,
                  env={"LINE_CHANNEL_ACCESS_TOKEN": None})
    assert out.returncode != 0 and "LINE_CHANNEL_ACCESS_TOKEN" in out.stderr
