"""The dashboard charts: valid SVG, numbers a person can read, proportional bars, escaped user text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from bot.admin.charts import bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"
DAYS = [f"2026-11-{d:02d}" for d in range(1, 31)]
EVIL = ['<script>alert(1)</script>', '" onload="x', "' onmouseover='x"]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg"
    return root


def texts(root: ET.Element) -> list[str]:
    """Everything a person sees or hears: visible text and tooltips."""
    return ["".join(el.itertext()) for el in root.iter() if el.tag in (SVG + "text", SVG + "title")]


def bars(root: ET.Element) -> list[float]:
    return [float(r.get("width")) for r in root.iter(SVG + "rect")]


def assert_safe(root: ET.Element) -> None:
    for el in root.iter():
        assert not el.tag.lower().endswith("script")
        assert not el.tag.lower().endswith("foreignobject")
        assert "style" not in el.attrib, "the CSP forbids inline styles"
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), f"event handler {name}={value!r} on {el.tag}"
            assert "javascript:" not in value.lower()
            assert not name.endswith("href"), "no links or external resources"


def test_bar_chart_is_an_accessible_scalable_svg():
    svg = bar_chart([("greeting", 12)], title="Top intents")
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Top intents"
    assert root.find(SVG + "title").text == "Top intents"
    assert root.get("width") == "100%"
    assert len(root.get("viewBox").split()) == 4
    assert "Noto Sans Thai" in root.get("font-family")


def test_bar_chart_shows_each_label_and_its_number():
    root = parse(bar_chart([("greeting", 1234), ("city_info", 56), ("thanks", 2.5)], title="Top intents",
                           unit="msgs"))
    shown = texts(root)
    for label, value in [("greeting", "1,234 msgs"), ("city_info", "56 msgs"), ("thanks", "2.5 msgs")]:
        assert label in shown
        assert value in shown


def test_bar_lengths_are_proportional_to_values():
    root = parse(bar_chart([("a", 50), ("b", 200), ("c", 100), ("d", 0)], title="t"))
    a, b, c, d = bars(root)
    assert b == max(a, b, c, d)
    assert c == pytest.approx(b / 2, rel=0.02)
    assert a == pytest.approx(b / 4, rel=0.02)
    assert d == 0
    # The largest bar spans most of the chart: the scale is not wasted.
    assert b > 0.4 * float(root.get("viewBox").split()[2])


def test_bar_rows_keep_the_given_order():
    shown = texts(parse(bar_chart([("zeta", 3), ("alpha", 2), ("mid", 1)], title="t")))
    visible = [t for t in shown if t in ("zeta", "alpha", "mid")]
    assert visible == ["zeta", "alpha", "mid"]


@pytest.mark.parametrize("items", [[], [("greeting", 0), ("thanks", 0)]])
def test_bar_chart_without_data_says_so(items):
    root = parse(bar_chart(items, title="Top cities"))
    assert "no data" in texts(root)
    assert bars(root) == []


@pytest.mark.parametrize("evil", EVIL)
def test_bar_chart_escapes_user_text(evil):
    svg = bar_chart([(evil, 3), ("ok", 1)], title=evil, unit=evil)
    assert "<script" not in svg
    root = parse(svg)
    assert_safe(root)
    assert evil in texts(root)  # shown literally, not interpreted
    assert root.get("aria-label") == evil


def test_long_labels_are_shortened_on_screen_but_kept_in_the_tooltip():
    long = "a_very_long_intent_name_that_would_not_fit_" * 3
    root = parse(bar_chart([(long, 5)], title="t", width=400))
    visible = [el.text for el in root.iter(SVG + "text")]
    assert long not in visible
    assert any(t and t.endswith("…") and long.startswith(t[:-1]) for t in visible)
    assert f"{long}: 5" in texts(root)


def test_thai_labels_are_preserved():
    cities = [("ขอนแก่น", 30), ("ภูเก็ต", 20), ("เชียงใหม่", 10)]
    svg = bar_chart(cities, title="เมืองยอดนิยม", unit="ข้อความ")
    root = parse(svg)
    shown = texts(root)
    for name, _ in cities:
        assert name in shown
    assert "30 ข้อความ" in shown
    assert root.get("aria-label") == "เมืองยอดนิยม"
    line = parse(line_chart({"ไลน์": [("2026-11-25", 1)]}, title="ข้อความต่อวัน"))
    assert "ไลน์" in texts(line)


def test_charts_are_deterministic():
    items = [("b", 2), ("a", 2), ("c", 1)]
    series = {"line": [(d, i) for i, d in enumerate(DAYS)], "web": [(d, 1) for d in DAYS]}
    assert bar_chart(items, title="t") == bar_chart(list(items), title="t")
    assert line_chart(series, title="t") == line_chart(dict(series), title="t")


def messages_series() -> dict[str, list[tuple[str, float]]]:
    return {
        "line": [(d, 100 + i * 40) for i, d in enumerate(DAYS)],
        "messenger": [(d, 20) for d in DAYS],
        "web": [(d, i % 7) for i, d in enumerate(DAYS)],
        "cli": [(d, 0) for d in DAYS],
    }


def test_line_chart_has_one_line_and_one_legend_entry_per_series():
    series = messages_series()
    root = parse(line_chart(series, title="Messages per day, by channel"))
    lines = list(root.iter(SVG + "polyline")) + list(root.iter(SVG + "path"))
    assert len(lines) == len(series)
    colours = [ln.get("stroke") for ln in lines]
    assert len(set(colours)) == len(series)
    visible = [el.text for el in root.iter(SVG + "text")]
    for name in series:
        assert visible.count(name) == 1
    # Each legend swatch has the colour of its line.
    swatches = [r.get("fill") for r in root.iter(SVG + "rect")]
    assert swatches == colours


def test_line_chart_points_carry_their_value_as_a_tooltip():
    root = parse(line_chart(messages_series(), title="t", unit="messages"))
    circles = list(root.iter(SVG + "circle"))
    assert len(circles) == 4 * len(DAYS)
    tips = ["".join(c.find(SVG + "title").itertext()) for c in circles]
    assert "line · 30 Nov 2026: 1,260 messages" in tips
    assert "cli · 1 Nov 2026: 0 messages" in tips


def test_line_chart_axes_have_readable_ticks():
    root = parse(line_chart(messages_series(), title="t"))
    visible = [el.text for el in root.iter(SVG + "text")]
    grid = list(root.iter(SVG + "line"))
    assert 3 <= len(grid) <= 5
    y_ticks = [t for t in visible if t and t.replace(",", "").isdigit()]
    assert len(y_ticks) == len(grid)
    assert int(y_ticks[-1].replace(",", "")) >= 1260  # the top gridline is above the highest point
    x_ticks = [t for t in visible if t and t.endswith(" Nov")]
    assert 3 <= len(x_ticks) <= 6
    assert x_ticks[0] == "1 Nov" and x_ticks[-1] == "30 Nov"


def test_line_chart_higher_values_are_drawn_higher():
    root = parse(line_chart({"web": [("2026-11-01", 1), ("2026-11-02", 5)]}, title="t"))
    (c1, c2) = root.iter(SVG + "circle")
    assert float(c2.get("cy")) < float(c1.get("cy"))
    assert float(c2.get("cx")) > float(c1.get("cx"))


def test_percent_line_chart_formats_fractions_as_percentages():
    rate = [(d, 0.1234 if i == 3 else 0.05) for i, d in enumerate(DAYS)]
    root = parse(line_chart({"fallback rate": rate}, title="Fallback rate per day", percent=True))
    visible = [el.text for el in root.iter(SVG + "text")]
    y_ticks = [t for t in visible if t and t.endswith("%")]
    assert 3 <= len(y_ticks) <= 5 and y_ticks[0] == "0%"
    assert int(y_ticks[-1][:-1]) >= 12
    tips = ["".join(t.itertext()) for c in root.iter(SVG + "circle") for t in c]
    assert "fallback rate · 4 Nov 2026: 12%" in tips
    assert "fallback rate · 5 Nov 2026: 5%" in tips
    assert not any("0.12" in t for t in visible + tips)


@pytest.mark.parametrize("series", [{}, {"web": []}])
def test_line_chart_without_data_says_so(series):
    root = parse(line_chart(series, title="Messages"))
    assert "no data" in texts(root)
    assert list(root.iter(SVG + "polyline")) == []


@pytest.mark.parametrize("evil", EVIL)
def test_line_chart_escapes_user_text(evil):
    svg = line_chart({evil: [("2026-11-25", 3), ("2026-11-26", 4)], "web": [("2026-11-25", 1)]},
                     title=evil, unit=evil)
    assert "<script" not in svg
    root = parse(svg)
    assert_safe(root)
    shown = texts(root)
    assert evil in shown  # legend, title and unit caption show it literally
    assert any(t.startswith(evil + " · 25 Nov 2026: 3") for t in shown)


def test_zero_days_still_draw_a_flat_line():
    root = parse(line_chart({"fallback rate": [(d, 0.0) for d in DAYS]}, title="t", percent=True))
    assert len(list(root.iter(SVG + "polyline"))) == 1
    assert "no data" not in texts(root)


def test_single_day_is_drawn_in_the_middle():
    root = parse(line_chart({"web": [("2026-11-25", 7)]}, title="t", width=600))
    (c,) = root.iter(SVG + "circle")
    assert 200 < float(c.get("cx")) < 400
    assert "25 Nov" in [el.text for el in root.iter(SVG + "text")]
