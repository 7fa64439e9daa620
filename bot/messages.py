"""The bot's own phrases (not facts): greetings, help, clarification and the honest fallback."""

from __future__ import annotations

__all__ = ["say"]

_PHRASES: dict[str, dict[str, str]] = {
    "greet": {
        "th": "สวัสดีครับ ผมเป็นผู้ช่วยตอบคำถามเรื่องเมืองอัจฉริยะ (Smart City) ที่ได้รับการรับรองในประเทศไทย "
              "ถามได้เลยครับ เช่น มีเมืองไหนบ้าง แผนของแต่ละเมือง หรือ 7 Smarts คืออะไร",
        "en": "Hello! I answer questions about Thailand's certified smart cities. Ask me which cities are "
              "certified, what a city plans, or what the 7 Smarts are.",
    },
    "thanks": {
        "th": "ยินดีครับ อยากรู้อะไรเพิ่มเรื่องเมืองอัจฉริยะ ถามมาได้เลย",
        "en": "You're welcome! Ask me anything else about Thailand's smart cities.",
    },
    "goodbye": {
        "th": "ขอบคุณที่แวะมาคุยนะครับ แล้วพบกันใหม่ครับ",
        "en": "Thanks for chatting. See you next time!",
    },
    "help": {
        "th": "ผมตอบคำถามเรื่องเมืองอัจฉริยะที่ได้รับการรับรองในประเทศไทยได้ครับ เช่น\n"
              "• มีเมืองไหนได้รับการรับรองบ้าง และได้รับเมื่อไหร่\n"
              "• แผนและเป้าหมายของแต่ละเมือง อยู่จังหวัดไหน ใครเป็นผู้ขับเคลื่อน\n"
              "• 7 Smarts คืออะไร ดีป้าคือใคร การรับรองมีเกณฑ์อย่างไร\n"
              "• ทำไมขอนแก่นเพิ่งได้รับการรับรอง\n"
              "พิมพ์คำถามเป็นภาษาไทยหรืออังกฤษก็ได้ครับ",
        "en": "I answer questions about Thailand's certified smart cities, for example:\n"
              "• which cities are certified, and when\n"
              "• a city's plan and goals, where it is, who runs it\n"
              "• what the 7 Smarts are, what depa is, how certification works\n"
              "• why Khon Kaen was certified only in 2021\n"
              "Ask in Thai or English.",
    },
    "languages": {
        "th": "ได้ครับ ผมตอบได้ทั้งภาษาไทยและภาษาอังกฤษ พิมพ์มาเป็นภาษาไหน ผมก็ตอบเป็นภาษานั้นครับ",
        "en": "Yes: I answer in Thai and in English. Write in either and I reply in the same language.",
    },
    "fallback": {
        "th": "ขออภัยครับ เรื่องนี้ผมยังไม่มีข้อมูลที่ตรวจสอบแล้ว เลยไม่อยากตอบผิด ๆ "
              "ผมตอบได้เฉพาะเรื่องเมืองอัจฉริยะที่ได้รับการรับรองในประเทศไทย ลองเลือกคำถามด้านล่างดูได้เลย",
        "en": "Sorry, I don't know that yet, and I'd rather not guess. I can answer questions about "
              "Thailand's certified smart cities. You could try one of these:",
    },
    "fallback_city": {
        "th": "ขออภัยครับ ผมยังไม่มีข้อมูลเรื่องนี้ของ{city} (ผมรู้เฉพาะเรื่องเมืองอัจฉริยะ เช่น แผน การรับรอง "
              "และเป้าหมายของเมือง) ลองเลือกคำถามด้านล่างดูได้เลย",
        "en": "Sorry, I don't have that information about {city}. I only know about its smart city "
              "programme (plan, certification, goals). You could try:",
    },
    "not_given": {
        "th": "ขออภัยครับ ส่วนนี้แหล่งข้อมูลที่ผมมียังไม่ระบุ ที่ทราบคือ",
        "en": "Sorry, my sources don't give that. What is known:",
    },
    "held_then": {
        "th": "ขออภัยครับ ผมยืนยันไม่ได้ว่าตอนนี้ใครดำรงตำแหน่งนี้ ข้อมูลล่าสุดที่ผมมีคือ",
        "en": "Sorry, I can't confirm who holds it today. The latest I have:",
    },
    "clarify_city": {
        "th": "อยากทราบเรื่องของเมืองไหนครับ เลือกจากปุ่มด้านล่างหรือพิมพ์ชื่อเมืองได้เลยครับ",
        "en": "Which city do you mean? Pick one below or type its name.",
    },
    "empty": {
        "th": "พิมพ์คำถามเรื่องเมืองอัจฉริยะมาได้เลยครับ",
        "en": "Type a question about Thailand's smart cities.",
    },
    "slow_down": {
        "th": "ขออภัยครับ ส่งข้อความถี่เกินไป กรุณารอสักครู่แล้วค่อยถามใหม่นะครับ",
        "en": "You're sending messages very quickly. Please wait a moment, then ask again.",
    },
    "not_text": {
        "th": "ตอนนี้ผมอ่านได้เฉพาะข้อความตัวอักษรครับ ลองพิมพ์คำถามเรื่องเมืองอัจฉริยะมาได้เลยครับ",
        "en": "I can only read text messages for now. Type a question about Thailand's smart cities.",
    },
    # "Tell me when you know" (docs/architecture.md, "Telling the asker"). A button label is at most 20
    # characters on LINE and Messenger, so the English label is shorter than the phrase.
    "notify_label": {"th": "แจ้งฉันเมื่อมีคำตอบ", "en": "Tell me when known"},
    "notify_tapped": {"th": "แจ้งฉันเมื่อมีคำตอบ", "en": "Tell me when you know"},
    "notify_ok": {
        "th": "ได้เลยครับ ถ้าเจ้าหน้าที่ตอบคำถามนี้ภายใน {limit} ผมจะส่งคำตอบมาที่แชตนี้นะครับ",
        "en": "Sure. If staff answer this within {limit}, I'll send the answer here.",
    },
    "notify_gone": {
        "th": "ขออภัยครับ คำถามนี้ไม่อยู่ในรายการรอคำตอบแล้ว ลองพิมพ์ถามใหม่อีกครั้งนะครับ",
        "en": "Sorry, that question is no longer on the list. Please ask it again.",
    },
    "notify_answer": {
        "th": "คำถามที่คุณถามไว้: “{question}”\nเจ้าหน้าที่ตอบแล้วครับ\n\n{answer}",
        "en": "You asked: “{question}”\nStaff have answered it:\n\n{answer}",
    },
}


def say(key: str, lang: str, **values: str) -> str:
    """The phrase ``key`` in ``lang`` (Thai or English), with ``values`` filled in."""
    return _PHRASES[key]["th" if lang == "th" else "en"].format(**values)
