"""Inline SVG charts for the staff dashboard, with no dependencies and no scripts.

The page's Content-Security-Policy forbids inline styles and scripts, so everything is drawn with
presentation attributes. Labels, titles, series names and units come from user traffic (intent,
city and channel names): every one goes through ``_esc`` before it reaches the markup.
"""

from __future__ import annotations

import datetime as dt
import math
from html import escape

__all__ = ["bar_chart", "line_chart"]

FONT = "Sarabun, 'Noto Sans Thai', system-ui, sans-serif"
# Okabe-Ito: distinguishable with the common forms of colour blindness, readable on white.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#999999")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_TH = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
CHAR_W = 7.0  # rough advance of one character at font-size 12; only used to reserve room
TITLE_H = 24


def _esc(text: object) -> str:
    return escape(str(text), quote=True)


def _f(x: float) -> str:
    """A coordinate with one decimal at most, so the output is short and stable."""
    s = f"{x:.1f}".rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s


def _clean(v: float) -> float:
    # NaN, infinities and negative counts would break the scale; they are not meaningful here.
    v = float(v)
    return v if math.isfinite(v) and v > 0 else 0.0


def _num(v: float, percent: bool = False) -> str:
    """1234 -> "1,234", 2.5 -> "2.5"; with percent, 0.1234 -> "12%"."""
    if percent:
        v *= 100
    if abs(v - round(v)) < 1e-9 or abs(v) >= 10:
        s = f"{round(v):,}"
    else:
        s = f"{v:,.1f}".rstrip("0").rstrip(".")
    return s + "%" if percent else s


def _with_unit(s: str, unit: str) -> str:
    return f"{s} {unit}" if unit else s


def _day(label: str, year: bool = False, lang: str = "en") -> str:
    """ "2026-11-25" -> "25 Nov" ("25 พ.ย.", with the year "25 พ.ย. 2569": Buddhist Era); a month table rather
    than strftime, which depends on the locale."""
    try:
        d = dt.date.fromisoformat(label)
    except ValueError:
        return label
    if lang == "th":
        return f"{d.day} {MONTHS_TH[d.month - 1]}" + (f" {d.year + 543}" if year else "")
    return f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")


def _open(width: int, height: int, title: str) -> list[str]:
    t = _esc(title)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{t}" font-family="{_esc(FONT)}" font-size="12" fill="#222">',
        f"<title>{t}</title>",
        f'<text x="0" y="16" font-size="14" font-weight="bold">{t}</text>',
    ]


def _no_data(width: int, title: str, lang: str = "en") -> str:
    height = TITLE_H + 48
    parts = _open(width, height, title)
    empty = "ยังไม่มีข้อมูล" if lang == "th" else "no data"
    parts.append(f'<text x="{width / 2:g}" y="{TITLE_H + 28}" text-anchor="middle" fill="#666">{empty}</text>')
    return "".join(parts) + "</svg>"


def bar_chart(items: list[tuple[str, float]], *, title: str, unit: str = "", width: int = 640,
              bar_height: int = 22, lang: str = "en") -> str:
    """Horizontal bars, largest value at full length, each with its number written beside it."""
    width, bar_height = int(width), max(int(bar_height), 8)
    rows = [(str(label), _clean(value)) for label, value in items]
    top = max((v for _, v in rows), default=0.0)
    if top <= 0:
        return _no_data(width, title, lang)
    values = [_with_unit(_num(v), unit) for _, v in rows]
    label_w = min(max(len(label) for label, _ in rows) * CHAR_W + 10, width * 0.4)
    value_w = max(len(s) for s in values) * CHAR_W + 10
    span = max(width - label_w - value_w, 20.0)
    max_chars = max(int((label_w - 10) // CHAR_W), 3)
    gap = max(bar_height // 4, 2)
    height = TITLE_H + 8 + len(rows) * (bar_height + gap)
    parts = _open(width, height, title)
    for i, ((label, v), shown) in enumerate(zip(rows, values)):
        y = TITLE_H + 8 + i * (bar_height + gap)
        mid = y + bar_height / 2 + 4  # +4 centres 12px text vertically without dominant-baseline quirks
        length = max(span * v / top, 1.0) if v else 0.0  # a tiny non-zero count still shows a sliver
        # Long names are cut on screen; the <title> keeps the full name as a tooltip.
        short = label if len(label) <= max_chars else label[: max_chars - 1] + "…"
        parts.append(
            f"<g><title>{_esc(label)}: {_esc(shown)}</title>"
            f'<text x="{_f(label_w - 6)}" y="{_f(mid)}" text-anchor="end">{_esc(short)}</text>'
            f'<rect x="{_f(label_w)}" y="{y}" width="{_f(length)}" height="{bar_height}" fill="{PALETTE[0]}"/>'
            f'<text x="{_f(label_w + length + 4)}" y="{_f(mid)}">{_esc(shown)}</text></g>'
        )
    return "".join(parts) + "</svg>"


def _y_scale(vmax: float, percent: bool) -> tuple[float, int]:
    """A round step and the number of steps (2-4) so that the axis gets 3-5 gridlines."""
    if vmax <= 0:
        vmax = 0.1 if percent else 1.0
    mag = 10 ** math.floor(math.log10(vmax / 4))
    # Counts are whole numbers: 2.5 would give "7.5 messages" ticks.
    steps = (1, 2, 2.5, 5, 10) if percent else (1, 2, 5, 10)
    step = next(m * mag for m in steps if m * mag * 4 >= vmax * (1 - 1e-9))
    step = max(step, 0.01 if percent else 1.0)  # below 1% (or 1 message) ticks would read "0%" or "0.5"
    return step, max(2, math.ceil(vmax / step - 1e-9))


def line_chart(series: dict[str, list[tuple[str, float]]], *, title: str, unit: str = "", percent: bool = False,
               width: int = 640, height: int = 240, lang: str = "en") -> str:
    """One line per series over days, with a legend, a labelled y axis and a tooltip on every point."""
    width, height = int(width), int(height)
    data = {str(name): [(str(x), _clean(v)) for x, v in points] for name, points in series.items()}
    days = sorted({x for points in data.values() for x, _ in points})
    if not days:
        return _no_data(width, title, lang)
    step, n_steps = _y_scale(max(v for points in data.values() for _, v in points), percent)
    y_top = step * n_steps
    left, right, top, bottom = 52.0, 12.0, TITLE_H + 40.0, 26.0
    plot_w, plot_h = width - left - right, max(height - top - bottom, 40.0)
    height = int(top + plot_h + bottom)
    xi = {d: i for i, d in enumerate(days)}

    def px(day: str) -> float:
        return left + (plot_w * xi[day] / (len(days) - 1) if len(days) > 1 else plot_w / 2)

    def py(v: float) -> float:
        return top + plot_h - plot_h * v / y_top

    parts = _open(width, height, title)
    x = 0.0
    for i, name in enumerate(data):
        colour = PALETTE[i % len(PALETTE)]
        parts.append(f'<g><rect x="{_f(x)}" y="{TITLE_H + 2}" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{_f(x + 16)}" y="{TITLE_H + 12}">{_esc(name)}</text></g>')
        x += 16 + len(name) * CHAR_W + 14
    if unit:
        parts.append(f'<text x="0" y="{_f(top - 8)}" fill="#666">{_esc(unit)}</text>')
    for k in range(n_steps + 1):
        y = py(k * step)
        parts.append(f'<line x1="{_f(left)}" y1="{_f(y)}" x2="{_f(width - right)}" y2="{_f(y)}" '
                     f'stroke="{"#999" if k == 0 else "#ddd"}" stroke-width="1"/>'
                     f'<text x="{_f(left - 6)}" y="{_f(y + 4)}" text-anchor="end" fill="#666">'
                     f"{_num(k * step, percent)}</text>")
    n_ticks = min(len(days), 5)
    ticks = sorted({round(j * (len(days) - 1) / (n_ticks - 1)) for j in range(n_ticks)}) if n_ticks > 1 else [0]
    for j in ticks:
        anchor = "start" if j == 0 and len(days) > 1 else "end" if j == len(days) - 1 and len(days) > 1 else "middle"
        parts.append(f'<text x="{_f(px(days[j]))}" y="{_f(top + plot_h + 18)}" text-anchor="{anchor}" '
                     f'fill="#666">{_esc(_day(days[j], lang=lang))}</text>')
    for i, (name, points) in enumerate(data.items()):
        colour = PALETTE[i % len(PALETTE)]
        points = sorted(points, key=lambda p: xi[p[0]])
        coords = " ".join(f"{_f(px(d))},{_f(py(v))}" for d, v in points)
        parts.append(f'<g><polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2" '
                     f'stroke-linejoin="round"/>')
        for d, v in points:
            tip = f"{name} · {_day(d, year=True, lang=lang)}: {_with_unit(_num(v, percent), unit)}"
            parts.append(f'<circle cx="{_f(px(d))}" cy="{_f(py(v))}" r="3" fill="{colour}">'
                         f"<title>{_esc(tip)}</title></circle>")
        parts.append("</g>")
    return "".join(parts) + "</svg>"
