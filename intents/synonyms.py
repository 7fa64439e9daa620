"""Chat abbreviations and slang written out, so a question matches the formal words of the facts
("ผอใหญ่ชื่อไร" → "ผู้อำนวยการใหญ่ชื่อไร"). Applied to what is asked, after the names are removed."""

from __future__ import annotations

import re
from functools import lru_cache

from .normalize import has_latin

__all__ = ["expand"]

_WORDS = [
    (r"ผอ\.(?!\s*$)|ผอ(?=[\u0e40-\u0e44\s]|$)", "ผู้อำนวยการ"),  # not "ผอม"
    (r"รมว\.?|รมต\.?", "รัฐมนตรี"),
    (r"เลขา(?!นุการ|ธิการ)", "เลขานุการ"),
    (r"นายกฯ|นายก(?!รัฐมนตรี|เทศมนตรี)", "นายกรัฐมนตรี"),
    (r"เปน(?=[^\u0e30-\u0e3a\u0e45-\u0e4e]|$)", "เป็น"),
    (r"ตังค์|ตังส์", "เงิน"),
    (r"มหาลัย|มหาวิทยาลัย", "มหาวิทยาลัย"),  # ("มหาลัย" as people say it)
    # not the "งบ" of "ไงบ้าง", "ถึงบริการ", "ซึ่งบาง", "แหล่งบอก": a vowel after the บ, or บริ-/บรร-/บอก,
    # starts another word
    # (nor after "า": the ง closes "วาง", "ทาง", "กลาง", as in "วางบทบาท")
    (r"(?<!า)งบ(?!ประมาณ|ริ|รร|อก|[\u0e30-\u0e3a\u0e47-\u0e4e])", "งบประมาณ"),
    (r"กี่ตัง", "เท่าไหร่"),
    # percent as people spell it ("กี่เปอเซ็น", "เปอร์เซน"): written as the facts and the checks of a score write it
    (r"เปอร?์?เซ็?นต?์?", "เปอร์เซ็นต์"),
    (r"มั่ง|มั้ง(?=$|\s|[?]|คะ|ครับ)", "บ้าง"),
    # not "เท่าไร" (the look-behinds after ไร, so that the search looks for ไร first)
    (r"ไร(?<!อะไร)(?<!อไร)(?<!เท่าไร)(?![\u0e48-\u0e4b])", "อะไร"),
    (r"ยุค(?!สมัย)", "ช่วง"),  # ("พื้นที่นำร่องยุคแรก": the early period)
    (r"หัวเรือใหญ่|หัวเรือ", "ผู้นำ"),  # (the leader, as the facts say)
    (r"กำไลข้อมือ", "สายรัดข้อมือ"),
    (r"เทสต์|เทส(?=[^\u0e30-\u0e3a\u0e47-\u0e4e]|$)", "ทดสอบ"),  # (a test, as people write it; not "เทศ")
    # words people use where the facts say another: without them the word is unknown and the question refused
    (r"(?<!พิ)ธีม(?![\u0e30-\u0e3a\u0e47-\u0e4e])", "ด้าน"),  # ("กี่ธีม": the themes of a plan are its Smarts, "ด้าน")
    (r"โดดเด่น", "เด่น"),
    (r"เมืองใหม่(?!ทันสมัย)", "เมืองอัจฉริยะใหม่"),  # (left when not the type: the areas newly given the logo)
    (r"ยื่นคำขอ|ยื่นคำร้อง", "ยื่นสมัคร"),  # (applying, as the certification's steps say it)
    (r"ลอยฟ้า", "ยกระดับ"),  # (an elevated track)
    (r"(?<=กี่)\s*โล(?![\u0e30-\u0e3a\u0e47-\u0e4e]|ก)", "กิโล"),  # ("ห่างกี่โล": kilometres, as people say it)
    (r"ผู้เสียชีวิต|คนตาย|ตาย(?=\s|$|กี่|ไป|หรือ|ไหม|มั้ย)", "คนเสียชีวิต"),
    (r"ธรรมาภิบาล", "บริหารภาครัฐ"),  # (Smart Governance's Thai name)
    (r"เรือโดยสาร", "ผู้โดยสารเรือ"),
    (r"มีเจ้าของ", "มี เจ้าของ"),
    (r"\br\b", "are"),
    (r"\bu\b", "you"),
    (r"\bwats?\b|\bwhats\b", "what is"),
    (r"\bindices\b", "indexes"),  # (the Latin plural; the facts say "indexes")
    (r"\bcams?\b", "cameras"),  # ("cctv cams")
    (r"\bcompulsory\b|\bobligatory\b", "mandatory"),
    # words people use where the facts say another (without them the word is unknown and the question refused)
    (r"\baccidents?\b", "disaster"),  # ("the boat accident": the facts say the boat disaster)
    (r"\badvantages?\b|\bperks?\b", "benefit"),  # (what the logo gives, as the facts say it)
]
_RULES = [(re.compile(p), r) for p, r in _WORDS]
# The last rules are English words (no IGNORECASE): they cannot match a text without a Latin letter, and the Thai
# rules before them write only Thai.
_ENGLISH_FROM = next(i for i, (p, _) in enumerate(_WORDS) if p.startswith(r"\b"))
assert all(re.fullmatch(r"[\\a-z?|]+", p) for p, _ in _WORDS[_ENGLISH_FROM:])


@lru_cache(maxsize=4096)  # a pure reading of the text: the same texts come back (and eleven passes each)
def expand(text: str) -> str:
    """``text`` with chat abbreviations written out."""
    rules = _RULES if has_latin(text) else _RULES[:_ENGLISH_FROM]
    for rx, repl in rules:
        text = rx.sub(repl, text)
    return text
