"""The one catalogue of what the bot answers: fact intents (question families), their usual aspect, and how
question types map onto aspects.

The intent classifier (``intents/``) is trained on these names; facts name one of them; the retriever uses
the classifier's ranking as one signal among several. Staff pages show the human names.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["IntentInfo", "INTENTS", "SMALL_TALK", "QTYPE_ASPECTS", "intent_label"]


@dataclass(frozen=True)
class IntentInfo:
    th: str
    en: str
    aspect: str  # the aspect most facts of this intent have
    topic_en: str = ""  # how a sentence names it: "I can tell you about when it was certified, ..."
    topic_th: str = ""  # the same in Thai, where the label's "ของเมือง" would repeat after a city's name

    @property
    def topic(self) -> str:
        return self.topic_en or self.en.lower()

    @property
    def topic_in_thai(self) -> str:
        return self.topic_th or self.th


INTENTS: dict[str, IntentInfo] = {
    "city_overview": IntentInfo("ภาพรวมของเมือง", "City overview", "what", "what it is",
                                topic_th="ภาพรวม"),
    "city_date": IntentInfo("วันที่ได้รับการรับรอง", "When a city was certified", "when", "when it was certified"),
    "city_location": IntentInfo("ที่ตั้งและพื้นที่", "Where a city is", "where", "where it is"),
    "city_focus": IntentInfo("เป้าหมายของเมือง", "A city's goals", "focus", "its goals",
                             topic_th="เป้าหมาย"),
    "city_smarts": IntentInfo("จำนวน Smarts ในแผน", "Smarts in a city's plan", "how_many", "the Smarts in its plan"),
    "city_developer": IntentInfo("ผู้ขับเคลื่อนเมือง", "Who runs a city", "who", "who runs it",
                                 topic_th="ผู้ขับเคลื่อน"),
    "city_plan": IntentInfo("แผนและโครงการของเมือง", "A city's plan and projects", "plan", "its plan and projects",
                            topic_th="แผนและโครงการ"),
    "city_history": IntentInfo("ความเป็นมาของเมือง", "A city's history", "when", "its history",
                               topic_th="ความเป็นมา"),
    "city_why_now": IntentInfo("ทำไมเพิ่งได้รับการรับรอง", "Why certified only now", "why",
                               "why it was certified only then"),
    "is_certified": IntentInfo("ได้รับการรับรองหรือไม่", "Is it certified?", "status", "whether it is certified"),
    "find_city": IntentInfo("ค้นหาเมือง", "Find a city", "list", "where to find it"),
    "list_cities": IntentInfo("รายชื่อและจำนวนเมือง", "Which and how many cities", "list",
                              "which cities are certified"),
    "about_depa": IntentInfo("เกี่ยวกับดีป้า", "About depa", "what", "depa"),
    "certification_about": IntentInfo("การรับรองคืออะไร", "What certification means", "what",
                                      "what certification means"),
    "certification_process": IntentInfo("เกณฑ์และขั้นตอนการรับรอง", "Criteria and process", "how",
                                        "the criteria and process"),
    "certification_benefits": IntentInfo("สิทธิประโยชน์", "Benefits", "benefit", "the benefits"),
    "programme_timeline": IntentInfo("ลำดับเหตุการณ์ของโครงการ", "Programme timeline", "when",
                                     "the programme's timeline"),
    "meeting_2021": IntentInfo("การประชุมและพิธีมอบตรา", "Meetings and ceremonies", "who",
                               "the meetings and ceremonies"),
    "promotion_zone": IntentInfo("เขตส่งเสริมเมืองอัจฉริยะ", "Promotion zones", "what", "promotion zones"),
    "targets": IntentInfo("เป้าหมายระดับประเทศ", "National targets", "target", "the national targets"),
    "rankings": IntentInfo("การจัดอันดับ", "Rankings", "result", "the rankings"),
    "seven_smarts": IntentInfo("7 Smarts", "The 7 Smarts", "what", "the 7 Smarts"),
    "faq": IntentInfo("คำถามทั่วไป", "General question", "what", "general questions"),
}

#: Intents the classifier knows that are not answered from facts.
SMALL_TALK = frozenset({"greet", "thanks", "goodbye", "help"})

#: For each question type (intents.question), the aspects that answer it best.
QTYPE_ASPECTS: dict[str, frozenset[str]] = {
    "when": frozenset({"when"}),
    "who": frozenset({"who"}),
    "where": frozenset({"where"}),
    "how_many": frozenset({"how_many", "list", "result", "target"}),
    "how_much": frozenset({"how_much"}),
    "why": frozenset({"why", "benefit"}),
    "how": frozenset({"how", "plan"}),
    "list": frozenset({"list", "how_many"}),
}


def intent_label(intent: str, lang: str) -> str:
    """The human name of an intent (staff pages)."""
    info = INTENTS.get(intent)
    if info is None:
        return intent
    return info.th if lang == "th" else info.en
