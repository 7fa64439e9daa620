"""Can this fact answer what was asked? Checks that retrieval's similarity cannot make.

Lexical similarity finds the fact nearest a question, but the nearest fact may not hold the kind of answer
asked for: "ค่าตั๋วรถไฟฟ้าขอนแก่นเท่าไหร่" is nearest the light rail's cost (26,963 million baht), which is no
fare; "when is the next Mae Moh festival" is nearest a fact about the festival, which gives no date to come;
"รถเมล์สาย 8 วิ่งกี่โมง" is nearest route 24's hours. Each check here names what a question asks for and what
a fact must say to answer it; a fact that fails is passed over, and with none left the bot says it does not know.
"""

from __future__ import annotations

import importlib
import re
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from .schema import Fact
from .script import has_latin

__all__ = ["POSTS_ASKED", "NEED_REASONS", "why_not", "held_then",
           "index_years", "uncovered", "unstated", "unmentioned", "stem", "asks_to_come", "counted_words", "names_a_list",
           "items_named"]

_MONTHS = (r"มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|"
           r"ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.|"
           r"January|February|March|April|May|June|July|August|September|October|November|December")
# (what the question asks for, what an answering fact must say)
_AT_THE_AIRPORT = re.compile(r"(?:ที่|ใน)สนามบิน|สนามบิน\S{0,12}ใหม่|\b(?:at|inside) (?:the )?(?:\w+ ){0,2}airports?\b|"
                             r"\bnew airports?\b|\bairports? (?:terminal|expansion)", re.I)
# A shop or a chat app by name, where goods are ordered (asked and said in the same words)
_SHOP = re.compile(r"shopee|lazada|ช้อปปี้|ลาซาด้า|(?:ทาง|ใน|ผ่าน)\s*(?:ไลน์|เฟซบุ๊ก|เฟสบุ๊ก|เฟสบุ๊ค|ไอจี|ติ๊กต็อก|"
                   r"line\b|facebook|instagram|tiktok)|\b(?:on|via|through) (?:facebook|instagram|tiktok)\b|"
                   r"\b(?:via|through) line\b", re.I)
_NEEDS: list[tuple[str, re.Pattern, re.Pattern]] = [
    # ("ตั๋วรถไฟฟ้าราคาเท่าไหร่": the price said after the ticket; "มีรถไฟฟ้าฟรีไหม": a free ride, which a fare settles)
    ("fare", re.compile(r"ค่าตั๋ว|ค่าโดยสาร|ค่ารถ|ค่าเดินทาง|ราคาตั๋ว|ตั๋ว[^?]{0,24}(?:ราคา|กี่บาท|เท่าไ)|"
                        r"(?:รถ\S{0,6}|นั่ง\S{0,6})ฟรี|\bfares?\b|\btickets?\b|\bticket price\b|\bfree (?:rides?|travel|bus|rail|train)\b|"
                        # ("รถเมล์...ฟรีไหม", "is the bus free?", its name removed: whether a ride costs nothing)
                        r"^\s*ฟรี(?:ไหม|มั้ย|มั๊ย|ป่ะ|ปะ|รึเปล่า|หรือเปล่า|หรือไม่)|\bis (?:the \w+ |it )?free\b|\bfree to (?:ride|use|travel|board)\b",
                        re.I),
     # (a fare said, not "e-tickets, free Wi-Fi": a ticket system and a free service are no price of a ride)
     re.compile(r"ค่าโดยสาร|ค่าตั๋ว|\bfares?\b|(?<!e-)\btickets?\b(?! (?:system|machine|gate)s?)|\d\s*(?:บาท|baht)\b|"
                r"นั่งฟรี|\bfree (?:of charge|rides?|travel)\b", re.I)),
    ("time of day", re.compile(r"กี่โมง|เวลาเปิด|เวลาปิด|\bwhat time\b|\bopening hours\b|\bhours\b", re.I),
     # (a clock time, "07.30", not a length or a sum: "22.8 km", "26.963 billion baht")
     re.compile(r"(?<![\d.,])\d{1,2}[.:][0-5]\d(?![\d.,]\d)|\bnoon\b|\ba\.?m\b|\bp\.?m\b", re.I)),
    ("population", re.compile(r"ประชากร|มีคนอยู่|คนอาศัย|\bpopulation\b|\bpeople live\b|\binhabitants\b|\bresidents\b",
                              re.I),
     re.compile(r"ประชากร|\bpopulation\b|\binhabitants\b|\bresidents\b", re.I)),
    ("head count", re.compile(r"เจ้าหน้าที่กี่|พนักงานกี่|คนทำงาน|ทำงาน\S{0,6}กี่คน|\bstaff\b|\bemployees?\b|\bemploy\b|"
                              r"\bworkers?\b|\bworkforce\b|\bpeople work\b|\bhow many \w+ work\b", re.I),
     re.compile(r"เจ้าหน้าที่|พนักงาน|\bstaff\b|\bemployees?\b", re.I)),
    ("phone number", re.compile(r"(?<!ไฟ)เบอร์|โทรศัพท์|เบอร์โทร|\bphone\b|\bcall\b|\bcontact\b|\bemail\b|อีเมล|ไลน์ไอดี|"
                                r"\bline id\b", re.I),
     re.compile(r"\+66|\b0\d{1,2}[- ]?\d{3}[- ]?\d{3,4}\b|@\w+\.\w+|โทร\.?\s*\d", re.I)),
    # ("ดูได้ที่ไหน", "where can I see the full list": where to look it up)
    ("web address", re.compile(r"เว็บไซต์|เว็บ|ลิงก์|ลิ้งค์|ดู(?:ได้)?ที่ไหน|ที่ไหนดูได้|\bwebsite\b|\burl\b|\blink\b|"
                               r"\bwhere (?:can|could|do) (?:i|we|you) (?:see|view|read|find|check|look up|download)\b", re.I),
     re.compile(r"https?://|www\.|\.go\.th|\.com\b|\.or\.th", re.I)),
    ("day", re.compile(r"วันที่เท่า|วันที่อะไร|วันไหน|วันใด|ลงวันที่|\bwhat date\b|\bwhich day\b|\bwhat day\b|\bexact date\b",
                       re.I),
     re.compile(r"\d{1,2}\s*(" + _MONTHS + r")|(" + _MONTHS + r")\s*\d{1,2}\b", re.I)),
    ("percentage", re.compile(r"ร้อยละ|เปอร์เซ็นต์|\bper\s?cent(age)?\b|%", re.I),
     re.compile(r"%|ร้อยละ|เปอร์เซ็นต์|\bper\s?cent", re.I)),
    ("district", re.compile(r"เขตไหน|เขตอะไร|เขตใด|แขวงไหน|แขวงอะไร|\b(which|what) (district|subdistrict)\b", re.I),
     re.compile(r"(?<!ขอบ)เขต(?!พื้นที่|ส่งเสริม)[\u0e01-\u0e2e]|แขวง|\bdistrict\b", re.I)),  # (not "ขอบเขต", a scope)
    # "กี่เมกะวัตต์", "how many MW": a power plant's capacity, which its closing year is not
    ("power capacity", re.compile(r"เมกะวัตต์|กิกะวัตต์|กำลังการผลิต|\b(mw|gw|megawatts?|gigawatts?)\b|"
                                  r"\b(generating|power|installed) capacity\b", re.I),
     re.compile(r"เมกะวัตต์|กิกะวัตต์|\b(mw|gw|megawatts?|gigawatts?)\b", re.I)),
    # "กี่ตารางกิโลเมตร", "how big in km2": a size in area, which a building's floor space is not
    ("area", re.compile(r"ตร\.?\s?กม|ตารางกิโลเมตร|\bkm2\b|\bkm²|\bsq\.? ?km\b|\bsquare (kilomet|mile)", re.I),
     re.compile(r"ตร\.?\s?กม|ตารางกิโลเมตร|ไร่|\bkm2\b|\bkm²|\bsq\.? ?km\b|\bsquare (kilomet|mile)|\brai\b|"
                r"\bhectares?\b", re.I)),
    # "รายได้ปีที่แล้ว", "what was its revenue": money earned, which a budget or a registered capital is not
    ("revenue", re.compile(r"รายได้|ยอดขาย|กำไร|ขาดทุน|\b(revenues?|income|profits?|turnover|earnings|losses)\b", re.I),
     # (a sum of it: "set up to collect revenue from the light rail" gives none; a fact saying none is known answers)
     re.compile(r"(?:รายได้|ยอดขาย|กำไร|ขาดทุน|\b(?:revenues?|income|profits?|turnover|earnings|losses)\b)[^.\n]{0,60}?"
                r"(?:\d[\d,.–-]*\s*(?:ล้าน|พัน|บาท|ดอลลาร์|baht|million|billion|dollars?|%)|[$฿]\s?\d)|"
                r"(?:\d[\d,.–-]*\s*(?:ล้าน|บาท|ดอลลาร์|baht|million|billion|dollars?)|[$฿]\s?\d)[^.\n]{0,40}?"
                r"(?:รายได้|ยอดขาย|กำไร|ขาดทุน|\b(?:revenues?|income|profits?|turnover|earnings|losses)\b)|"
                r"ไม่(?:พบ|ระบุ|เปิดเผย)|\bnot (?:given|found|disclosed|known)\b", re.I)),
    # "จัดตั้งขึ้นในปีใด", "when was it founded": a fact that tells of the founding, not any dated event of it.
    ("founding", re.compile(r"(จัดตั้ง|ก่อตั้ง|ตั้งขึ้น)\S*\s*(เมื่อ|ใน|ปี|ตอน|ช่วง)|"
                            r"\bwhen\b.*\b(founded|established|set up|created)\b|\b(founded|established) in\b", re.I),
     re.compile(r"ก่อตั้ง|จัดตั้ง|ตั้งขึ้น|ตั้งเมื่อ|จดทะเบียน|อนุมัติ|\bfounded\b|\bestablished\b|\bset up\b|"
                r"\bcreated\b|\bsince\b|\bapprov(?!al)", re.I)),  # (approving a company is founding it; "the first logo approval" is not)
    # "ใครเป็นประธานบริษัท", "who chaired it": a chair, which a fact about a mayor or a company's founders is not
    ("chair", re.compile(r"ประธาน|\bchair(s|ed|man|woman|person)?\b|\bpresided\b", re.I),
     re.compile(r"ประธาน|\bchair|\bpresid|\bhead(ed|s)?\b|\bled by\b", re.I)),
    # "เป็นการประชุมครั้งที่เท่าใด", "which meeting number was it": a meeting's number ("ครั้งที่ 1/2564"), which its
    # chair or its date is not
    ("meeting number", re.compile(r"ครั้งที่\s*(?:เท่า|กี่|ไหน|อะไร)|\b(?:meeting|session) (?:no\.?|number)\b|"
                                  r"\bwhich (?:number|no\.?) (?:meeting|session)\b", re.I),
     re.compile(r"ครั้งที่\s*\d|(?<![\d/])\d{1,2}/(?:25|20)\d\d(?!\d)|\b(?:meeting|session|no\.)\s*\d", re.I)),
    # "ใครถือตราของภูเก็ต", "which company holds the logo": who holds or received it, which the area's drivers,
    # its mayor or a project manager are not
    # (the logo's name is removed from the question when it is read as a name: "หน่วยงานไหนถือ", "which body holds")
    ("logo holder", re.compile(r"ถือตรา|ผู้ถือ(?!หุ้น)|(?:ใคร|หน่วยงาน\S{0,4}|บริษัท\S{0,4}|องค์กร\S{0,4})(?:เป็น(?:คน|ผู้)?)?ถือ(?!หุ้น|ว่า)|"
                               r"\bholds? (?:the |its )?(?:\S+ ){0,3}logo\b|\blogo holders?\b|\bholding (?:the |its )?logo\b|"
                               r"\b(?:who|which \w+) (?:formally |officially )?holds?\b(?! (?:the |that |this |its |their )?(?:post|"
                               r"position|office|role|title|record|job|seat|shares?|stakes?|stock|meetings?|events?))", re.I),
     re.compile(r"ถือตรา|รับตรา|ผู้รับ|มอบตรา\S{0,30}(?:ให้|แก่)|\breceived (?:the |its |a )?(?:\w+ )?(?:\w+ )?logo|"
                r"\blogo holders?\b|\bhold(?:s|ing)? the\b|\bgranted\b|\bhanded\b", re.I)),
    # "ใครถือตราของขอนแก่น", "which company holds Phuket's logo": the body holding it, which a fact that the area
    # received the logo (or the man who took it from the minister's hands) does not name
    # (the logo's name is taken out of the question as a name: "ใครถือ ของ", "which entity holds 's")
    ("logo holding body", re.compile(r"(?:ใคร|หน่วยงาน|บริษัท|องค์กร|นิติบุคคล)\S{0,4}(?:เป็น(?:คน|ผู้)?)?ถือ(?!หุ้น|ว่า)|"
                                     r"\b(?:who|which (?:company|entity|legal entity|organi[sz]ation|body|firm|agency))\s+"
                                     r"(?:formally |officially )?holds?\b(?! (?:the |that |this |its |their )?(?:post|position|"
                                     r"office|role|title|record|job|seat|shares?|stakes?|stock|meetings?|events?))", re.I),
     re.compile(r"ถือตรา|\blogo holders?\b|\bheld by\b|\bholds? (?:the|its) (?:\w+ ){0,3}logo", re.I)),
    # "what's the air quality in Samyan today", "ตอนนี้ฝุ่นเยอะไหม": a reading of now, which a fact that the area
    # has air-quality sensors is not
    ("reading now", re.compile(r"^(?=.*(?:\btoday\b|\bright now\b|\bat the moment\b|\bcurrently\b|วันนี้|ตอนนี้|ขณะนี้))"
                               r"(?=.*(?:\bair\b|\bpm ?2\.?5\b|\bweather\b|\btemperature\b|\btraffic\b|ฝุ่น|คุณภาพอากาศ|"
                               r"สภาพอากาศ|อุณหภูมิ|รถติด))", re.I | re.S),
     re.compile(r"\baqi\b|µg|ug/m|°|องศา|มคก", re.I)),
    # "แม่เมาะจะช่วยใครบ้าง", "who does its plan support": whom it helps, which who runs it is not
    ("beneficiary", re.compile(r"(?:ช่วย(?:เหลือ)?|สนับสนุน(?:การทำงานของ)?)\s*ใคร|ใครได้ประโยชน์|"
                               r"\bwho (?:does|do|will|would|is) (?:\S+ ){0,4}(?:support|help|benefit|serve)\b|"
                               r"\b(?:support|help|benefit|serve)s? whom\b|\bwho (?:benefits|gains)\b", re.I),
     re.compile(r"สนับสนุน|ช่วย|ประโยชน์|\bsupport|\bhelp|\bbenefit|\bserv(?:e|es|ing)\b", re.I)),
    # "is there wifi on phuket beaches", "หาดไหน...": beaches, which a fact about the whole city's Wi-Fi points does
    # not name (not the หาด of มหาดไทย)
    ("beach", re.compile(r"(?<!ม)หาด|\bbeach(?:es)?\b", re.I), re.compile(r"(?<!ม)หาด|\bbeach", re.I)),
    # "do the schools have free wifi", "โรงเรียนในเมืองมีไวไฟไหม": schools, which the city's buses or hotspots are not
    ("school", re.compile(r"โรงเรียน|\bschools?\b", re.I), re.compile(r"โรงเรียน|\bschool|\bacadem", re.I)),
    # "wifi at the airport", "จะมีสนามบินใหม่ไหม": the airport itself, what is at it or a new one, which a bus
    # route ending there, or a distance from it, does not tell of ("a bus to the airport" asks of the bus)
    # (asked and said in the same words)
    ("at the airport", _AT_THE_AIRPORT, _AT_THE_AIRPORT),
    # "how much was the company fined", "โดนปรับเท่าไหร่": a fine, which the accident it followed is not
    ("fine", re.compile(r"โดนปรับ|ถูกปรับ|ค่าปรับ|โทษปรับ|ปรับเงิน|\bfined\b|\bfines\b|\bpenalt(?:y|ies)\b|"
                        r"\b(?:a|the|what|how much|any) fine\b", re.I),
     re.compile(r"โดนปรับ|ถูกปรับ|ค่าปรับ|โทษปรับ|ปรับเงิน|\bfined\b|\bfines?\b|\bpenalt", re.I)),
    # "how many people came to the ceremony", "ในพิธีมีคนมากี่คน": who or how many attended, which whom the logos
    # were handed to is not
    ("attendance", re.compile(r"\battend(?:ed|ing|ance|ees?)?\b|\bparticipants\b|\bturn(?:ed)? up\b|\bturnout\b|"
                              r"(?:ผู้)?เข้าร่วม\S{0,12}กี่|ร่วมงาน\S{0,8}กี่|คนมา\S{0,8}กี่|มาร่วม\S{0,10}กี่|"
                              r"กี่คน\S{0,4}(?:มา|เข้าร่วม|ร่วมงาน)", re.I),
     re.compile(r"\battend|\bparticipants\b|ผู้เข้าร่วม|เข้าร่วม(?:งาน|พิธี|การประชุม|ประชุม)|ร่วมงาน|ร่วม(?:การ)?ประชุม|"
                r"\bturnout\b", re.I)),
    # "where was the expo held", "ครั้งนั้นประชุมที่ไหน": the venue, which the day it was held, who opened it or what
    # it approved is not
    ("venue", re.compile(r"\bwhere (?:was|were|is|will|did|does) (?:\S+ ){0,5}?(?:held|hosted|take place|took place|meet|met)\b|"
                         r"\bvenue\b|(?:จัด|ประชุม)(?:กัน|ขึ้น)?(?:ที่ไหน|ที่ใด)|สถานที่(?:จัด|ประชุม)", re.I),
     re.compile(r"ทำเนียบ|อาคาร|ตึก|โรงแรม|ห้องประชุม|ศูนย์ประชุม|ลาดพร้าว|จัด(?:ขึ้น)?ที่|ประชุมที่|ที่ดีป้า|(?<!\S)ณ\s|"
                r"\bheld (?:at|in)\b|(?-i:\bat (?:the )?[A-Z])|\bGovernment House\b|\bbuilding\b|\bhotel\b|\bhall\b|\bvenue\b|"
                r"\bcent(?:re|er)\b", re.I)),
    # ("ประชุมกันที่ไหน": where a meeting was held, which the place of the ceremony that followed it is not)
    ("meeting place", re.compile(r"ประชุม(?:กัน)?(?:ที่ไหน|ที่ใด)|\bwhere (?:was|were|did) (?:\S+ ){0,5}?(?:meeting|meet)\b", re.I),
     re.compile(r"ประชุม|\bmeeting|\bmet\b", re.I)),
    # "ข้อมูลกล้องเก็บไว้กี่วัน", "how long is the footage kept": how long data is kept, which what the cameras do is not
    ("retention", re.compile(r"เก็บ(?:ไว้|ข้อมูล)\S{0,8}(?:กี่|นาน)|ข้อมูล\S{0,10}เก็บ\S{0,6}(?:กี่|นาน)|\bkept for how long\b|"
                             r"\bretention\b|\bhow long (?:is|are|do|does|will) (?:\S+ ){0,4}(?:kept|stored|keep|store|retain)", re.I),
     re.compile(r"เก็บ(?:ไว้|ข้อมูล)?\S{0,10}\d|\bkept for\b|\bstored for\b|\bretain|\bretention", re.I)),
    # "ตอนนี้มีเมืองรอพิจารณาอยู่กี่เมือง", "how many applications are pending": those waiting, which those certified are not
    ("pending", re.compile(r"รอ(?:การ)?(?:พิจารณา|อนุมัติ|รับรอง)|\bpending\b|\bawaiting\b|\bin the pipeline\b|"
                           r"\bunder (?:review|consideration)\b", re.I),
     re.compile(r"รอ(?:การ)?(?:พิจารณา|อนุมัติ|รับรอง)|\bpending\b|\bawaiting\b|\bpipeline\b|\bunder (?:review|consideration)\b",
                re.I)),  # (not how many applied: those may all have been decided)
    # "กล้องตัวไหนอยู่หน้าบ้านผม", "is there a camera near my house": the asker's own street, which no source tells of
    # (not "อยากให้แถวบ้านเป็นสมาร์ทซิตี้", a wish for one's area, which how to apply answers)
    ("the asker's street", re.compile(r"หน้าบ้าน|ซอยบ้าน|(?:ใกล้|แถว)บ้าน(?:ผม|ฉัน|หนู|ของผม|ของฉัน)|"
                                      r"\b(?:in front of|near|outside|on|by) my (?:house|home|street|road)\b|"
                                      r"\bnear me\b", re.I),
     re.compile(r"(?!)")),
    # "which meeting approved them", "ประชุมครั้งไหน": a meeting, which the list of what it approved is not
    ("meeting", re.compile(r"\bwhich (?:\w+ )?meeting\b|ประชุม(?:ครั้ง)?(?:ไหน|ใด)", re.I),
     re.compile(r"\bmeeting\b|ประชุม", re.I)),
    # "ใครเป็นผู้เปิด", "who opened it": the person who opened it, not its operator or its opening date
    ("opener", re.compile(r"ใคร(?:เป็น)?(?:คน|ผู้)?เปิด(?!เผย)|ผู้เปิด(?!เผย)|เปิดโดยใคร|"
                          r"\bwho (?:officially )?(?:opened|inaugurated|launched)\b|\bopened by whom\b", re.I),
     re.compile(r"ผู้เปิด(?!เผย)|เปิดโดย|เปิดงาน|ประธานในพิธี|เป็นประธาน|\bopened by\b|\binaugurat|\bpresided\b|"
                r"\blaunched by\b", re.I)),
    # "what's the wifi password": a secret no source gives, not the fact that there is public Wi-Fi
    ("password", re.compile(r"รหัสผ่าน|รหัสไวไฟ|รหัส\s*wi-?fi|\bpass(word|code)s?\b", re.I),
     re.compile(r"รหัสผ่าน|\bpass(word|code)", re.I)),
    ("salary", re.compile(r"เงินเดือน|ค่าจ้าง|ค่าตอบแทน|\bsalar(y|ies)\b|\bwages?\b|\bpaid\b|\bearns?\b", re.I),
     re.compile(r"เงินเดือน|ค่าจ้าง|ค่าตอบแทน|\bsalar(y|ies)\b|\bwages?\b", re.I)),
    # "ได้คะแนนเท่าไหร่", "what score did it get": a score, which a fact saying who led a dimension does not give
    ("score", re.compile(r"คะแนน.{0,12}?(?:เท่า|กี่)|\b(?:what|which|overall|total|final|its|their)\s+(?:\w+\s+){0,3}?score\b|"
                         r"\bscore (?:of|did|was|is|does|in|for)\b|'s score\b|\bhow many points\b|\bscored how\b", re.I),
     re.compile(r"\d\s*%|\d\.\d|\d\s*คะแนน|\d\s*points?\b|\bscored?\s+(?:of\s+)?\d", re.I)),
    # "its overall rank", "อันดับรวม": a place in the ranking, which leading one dimension is not
    ("overall rank", re.compile(r"\boverall (?:\w+ ){0,2}(rank|ranking|place|position)\b|\brank(ed)? overall\b|อันดับรวม", re.I),
     re.compile(r"อันดับ\s*\d|อันดับ(แรก|หนึ่ง)|ที่\s*\d|\b\d{1,2}(st|nd|rd|th)\b|\b(top|first|second|third|fourth|fifth)\b",
                re.I)),
    # "พิธีมอบตราจัดเมื่อไหร่", "when was the ceremony": a ceremony, which the meeting that approved the areas is not
    ("ceremony", re.compile(r"พิธี|\bceremon", re.I), re.compile(r"พิธี|\bceremon|มอบตรา|\bhanded\b|\bpresented\b", re.I)),
    # "ใครเป็นเลขานุการ", "who was the secretary": that post, which the chair or a minister is not
    ("secretary", re.compile(r"เลขานุการ|เลขาฯ|\bsecretary\b", re.I), re.compile(r"เลขานุการ|เลขาฯ|\bsecretary\b", re.I)),
    # "how big is it", "มีเนื้อที่กี่ไร่": a size, which its distance from Bangkok or its place is not
    ("size", re.compile(r"\bhow (big|large)\b|\b(land|total) area\b|\bsize\b|ขนาดพื้นที่|ขนาดเท่า|เนื้อที่|กี่ไร่|"
                        r"พื้นที่กี่|ใหญ่แค่ไหน|ใหญ่เท่าไหร่|กว้างแค่ไหน|กว้างเท่าไหร่", re.I),
     re.compile(r"ไร่|\brai\b|ตร\.\s?ม|ตร\.\s?กม|ตารางเมตร|ตารางกิโลเมตร|m²|km²|\bsquare\b|\bhectares?\b|เฮกตาร์|"
                r"\bacres?\b", re.I)),
    # "how many people benefit", "ประชาชนได้ประโยชน์กี่คน": a count of people, which a count of areas is not
    ("count of people", re.compile(r"\bhow many (people|persons|residents|citizens|visitors|tourists|passengers|"
                                   r"users)\b|กี่คน|ประชาชนกี่|จำนวนคน|จำนวนประชาชน", re.I),
     re.compile(r"\d\s*(million\s+|ล้าน\s*|พัน\s*|หมื่น\s*|แสน\s*)?(people|persons|residents|citizens|visitors|"
                r"tourists|passengers|users|คน|ราย|ท่าน)", re.I)),
    # "who is the mayor", "ใครเป็นซีอีโอ": that post, which a fact naming the holder of another (a company's
    # chairman for a mayor, a list of the drivers for a CEO) does not answer. (Not a governor: "ผู้ว่า...ชื่ออะไร"
    # carried to "แล้วนายกเทศมนตรีล่ะ" would then refuse the mayor asked for.)
    ("mayor", re.compile(r"นายกเทศ|\bmayors?\b", re.I), re.compile(r"นายกเทศ|\bmayor", re.I)),
    # "ผู้ว่าขอนแก่นชื่ออะไร", "who is the governor": that post, which the city's mayor is not (unless the mayor
    # is asked too: "ผู้ว่า...ชื่ออะไร" carried to "แล้วนายกเทศมนตรีล่ะ" asks for the mayor)
    ("governor", re.compile(r"^(?!.*(?:นายกเทศ|\bmayor)).*(?:ผู้ว่า|\bgovernors?\b)", re.I | re.S),
     re.compile(r"ผู้ว่า|\bgovernor", re.I)),
    # "นายก อบจ. ชื่ออะไร", "ส.ส. เขต 1", "นายอำเภอ": other elected or appointed posts, which a mayor is not
    ("provincial administration head", re.compile(r"นายก(?:รัฐมนตรี)?\s*อบจ|นายกองค์การบริหารส่วนจังหวัด|\bpao (chief|president|head)\b|"
                                                  r"\bprovincial administrative organi[sz]ation\b", re.I),
     re.compile(r"อบจ|องค์การบริหารส่วนจังหวัด|\bprovincial administrative organi[sz]ation\b|\bpao\b", re.I)),
    ("member of parliament", re.compile(r"ส\.\s?ส\.|สมาชิกสภาผู้แทน|\bmps?\b|\bmember of parliament\b", re.I),
     re.compile(r"ส\.\s?ส\.|สมาชิกสภาผู้แทน|\bmps?\b|\bmember of parliament\b", re.I)),
    ("district chief", re.compile(r"นายอำเภอ|\bdistrict (chief|officer|head)\b", re.I),
     re.compile(r"นายอำเภอ|\bdistrict (chief|officer|head)\b", re.I)),
    # "ธวัชชัยอายุเท่าไร", "how old is he": an age, which the post he holds is not ("ตรามีอายุกี่ปี": the logo's
    # term, which its facts call อายุ too)
    ("age", re.compile(r"อายุ\s*(?:เท่า|กี่)|กี่ขวบ|\bhow old\b|\bage\b|\bbirthday\b", re.I),
     re.compile(r"อายุ|\bage[ds]?\b|\byears? old\b|เกิด|\bborn\b|\bvalid", re.I)),
    # "who owns KKTS", "ใครเป็นเจ้าของ", "ผู้ถือหุ้น": the owner, which the bodies that drive a city or a mayor are
    # not ("a company of 5 municipalities" is theirs; the city developer owns its project)
    ("owner", re.compile(r"\bwho owns\b|\bowned by\b|\bowners?\b|\bwho owned\b|เจ้าของ|ถือหุ้น|\bshareholders?\b", re.I),
     re.compile(r"\bown(s|ed|er|ers|ership)?\b|เจ้าของ|หุ้น|\bshareholder|\bformerly\b|บริษัทของ|ที่ดินของ|"
                r"ผู้พัฒนา|\bdevelop(s|ed|er)\b", re.I)),
    ("chief executive", re.compile(r"ซีอีโอ|ผู้บริหารสูงสุด|กรรมการผู้จัดการ|\bceo\b|\bchief executive\b|"
                                   r"\bmanaging director\b", re.I),
     re.compile(r"ซีอีโอ|ผู้บริหารสูงสุด|กรรมการผู้จัดการ|\bceo\b|\bchief executive\b|\bmanaging director\b", re.I)),
    # "เขาเกิดปีไหน", "when was he born": a birth, which the ceremony a person chaired is not
    ("birth", re.compile(r"เกิด(?:ปี|เมื่อ|วัน|ตอน|ที่ไหน)|\bborn\b|\bbirth", re.I),
     re.compile(r"เกิด(?:ปี|เมื่อ|วัน|ที่)|\bborn\b|\bbirth", re.I)),
    # "ใครเป็นผู้พัฒนาเมือง", "who is the developer behind it": the body that runs it, which a fact about its
    # approval or its place does not name
    ("developer", re.compile(r"ผู้พัฒนา|(?<!แล้ว)(?<!แล้ว )ใครเป็นคนทำ(?!หน้าที่|งาน)|\bdeveloper\b|\bwho (runs|develops|developed)\b|"
                             # ("which telecom company runs it": the body that runs it, by its kind)
                             r"\bwhich (?:\w+ ){0,2}(?:company|companies|firm|operator|agency|organi[sz]ation) "
                             r"(?:runs|operates|manages|developed|develops)\b|"
                             r"\brun by whom\b", re.I),
     re.compile(r"ผู้พัฒนา|ผู้ขับเคลื่อน|ขับเคลื่อนโดย|บริหารโดย|ดำเนินการโดย|ดูแลโดย|\bdevelop|\bruns\b|\bis run\b|"
                r"\brun by\b|\bdriven by\b|\bmanaged by\b|\boperated by\b", re.I)),
    # "who was depa's president", "ผอ.ใหญ่ชื่ออะไร", "the boss of depa": the head, which a deputy or a vice
    # president (who attended the same meeting) is not
    ("head", re.compile(r"(?<!vice )(?<!vice-)(?<!deputy )\bpresident\b|ผู้อำนวยการใหญ่|\bboss\b|\bhead of\b|"
                        r"\bdirector[- ]general\b", re.I),
     re.compile(r"(?<!vice )(?<!vice-)(?<!deputy )\bpresident\b|(?<!รอง)ผู้อำนวยการใหญ่|\bhead of\b|\bheads\b|"
                r"\bdirector[- ]general\b|\bceo\b|\bchief executive\b|(?<!รอง)อธิการบดี", re.I)),
    # "ตึกไหน", "which building", "which hotel": the building or the hotel, which the place's city is not
    ("building", re.compile(r"ตึกไหน|ตึกอะไร|อาคารไหน|อาคารอะไร|ห้องไหน|ห้องอะไร|\b(which|what) (building|hall|room)\b",
                            re.I),
     re.compile(r"ตึก|อาคาร|ห้อง|\bbuilding\b|\bhall\b|\broom\b", re.I)),  # (not Government House)
    # "which hospital", "โรงเรียนอะไร": a place of that kind by name, which a plan's "medical hub" is not
    ("hospital", re.compile(r"โรงพยาบาล(ไหน|อะไร|ใด)|\b(which|what) hospitals?\b", re.I),
     re.compile(r"โรงพยาบาล|\bhospital", re.I)),
    ("school", re.compile(r"โรงเรียน(ไหน|อะไร|ใด)|\b(which|what) schools?\b", re.I),
     re.compile(r"โรงเรียน|\bschool", re.I)),
    ("hotel", re.compile(r"โรงแรมไหน|โรงแรมอะไร|\b(which|what) hotel\b", re.I),
     re.compile(r"โรงแรม|\bhotel\b|ไฮแอท|\bhyatt\b", re.I)),
    # "ค่าสมัครเท่าไหร่", "what is the application fee": a fee, which a count of applicants is not
    # ("สมัครเสียตังค์เท่าไหร่", "is the festival free entry": what one pays, which the rules for applying are not)
    ("fee", re.compile(r"ค่าธรรมเนียม|ค่าสมัคร|ค่าใช้จ่ายในการสมัคร|ค่าเข้า|เข้า(?:ชม)?ฟรี|เสีย(?:ตังค์|ตัง|เงิน)|ต้องจ่าย|\bfees?\b|"
                       r"\bcharges? to apply\b|\bcosts? to apply\b|\bapplication (?:fee|cost)s?\b|"
                       r"\bfree (?:entry|admission|entrance)\b|\badmission\b", re.I),
     re.compile(r"ค่าธรรมเนียม|ค่าสมัคร|ค่าเข้า|ไม่เสียค่า|ไม่มีค่า|\bfees?\b|\bfree of charge\b|\bfree (?:entry|admission)\b",
                re.I)),
    # "แล้วขอนแก่นได้ส่วนแบ่งเท่าไหร่": a share, which the cost of a project is not
    ("share", re.compile(r"ส่วนแบ่ง|\bshare of\b|\bhow much of (?:the|that|it)\b", re.I),
     # (a percentage that is no index score: "ด้วยคะแนน 53.81%" is no share of the money)
     re.compile(r"ส่วนแบ่ง|\bshares?\b|\d\s*%\s*(?:of|ของ)|ร้อยละ\s*[\d.]+\s*(?:of|ของ)", re.I)),
    # "ไปดูทุ่งบัวตองช่วงไหนดี", "the best time to visit": a season, which the day the area got its logo is not
    ("best time", re.compile(r"ช่วงไหนดี|เดือนไหนดี|ฤดูไหน|\bbest time\b|\bbest (?:month|season)\b", re.I),
     re.compile(r"ฤดู|หน้าหนาว|หน้าฝน|ช่วงเดือน|บาน|\bseasons?\b|\bwinter\b|\bbloom", re.I)),
    # "how fast is the wifi": a speed, which the number of hotspots is not (high-speed rail is a system, below)
    ("speed", re.compile(r"\bhow fast\b|\bspeed of\b|\b(internet|wi-?fi|download|upload) speed|เร็วแค่ไหน|เร็วเท่าไหร่|"
                         r"เร็วกี่|ความเร็วเน็ต|ความเร็วอินเทอร์เน็ต|ความเร็วไวไฟ", re.I),
     re.compile(r"[mgk]bps|\bkm/h\b|กม\./ชม|ความเร็ว|\bspeed", re.I)),
    # "เมืองอัจฉริยะมีกี่แบบ", "which two city types can apply": kinds, which a count of areas or who may apply is not
    # (not "หน่วยงานประเภทใดบ้าง", the kinds of body that may apply, which a list of them gives)
    ("kinds", re.compile(r"กี่(?:รูป)?แบบ|กี่ประเภท|(?<!หน่วยงาน)(?<!องค์กร)(?:แบบ|ประเภท)(?:ไหน|ใด|อะไร)บ้าง|"
                         r"\bhow many (?:\w+ )?(?:types|kinds|categories)\b|"
                         r"\bwhich (?:\w+ )?(?:\w+ )?(?:types|kinds|categories)\b|\b(?:types|kinds|categories) of (?:smart )?cit", re.I),
     re.compile(r"ประเภท|(?<!ออก)แบบ|\btypes?\b|\bkinds?\b|\bcategor", re.I)),
    # "โลโก้สีอะไร", "what colour is the logo": a colour
    ("colour", re.compile(r"สีอะไร|สีไหน|สีอะไรบ้าง|\bwhat colou?rs?\b|\bwhich colou?rs?\b|\bcolou?rs? (is|are|of)\b", re.I),
     re.compile(r"สี(?:แดง|เขียว|น้ำเงิน|ฟ้า|เหลือง|ขาว|ดำ|ส้ม|ม่วง|ชมพู|ทอง|เทา)|\b(red|green|blue|yellow|white|black|"
                r"orange|purple|pink|gold|grey|gray)\b", re.I)),
    # "มาทุกกี่นาที", "how often does it come": how often, which its service hours are not
    ("frequency", re.compile(r"ทุกกี่นาที|กี่นาทีมา|กี่นาทีต่อคัน|ความถี่|บ่อยแค่ไหน|\bhow often\b|\bhow frequent|"
                             r"\bfrequency\b|\bheadway\b|\bevery how many\b", re.I),
     re.compile(r"ทุก\s*\d+\s*นาที|ความถี่|\bevery \d+ min|\bfrequen|\bheadway", re.I)),
    # "บริษัทไหนผลิต", "which company supplies the sensors": a maker or supplier, which the operator is not
    ("maker", re.compile(r"ผลิต|ผู้จำหน่าย|ซัพพลาย|\bmanufactur|\bmade by\b|\bwho (makes|made|builds|built)\b|"
                         r"\b(?:company|firm) (?:built|builds|made|makes|constructed)\b|\bbuilt by whom\b|"
                         r"\bsuppl(y|ies|ier|iers|ied)\b|\bvendor", re.I),
     re.compile(r"ผลิต|ผู้จำหน่าย|\bmanufactur|\bmade by\b|\bsuppl(y|ies|ier|iers|ied)\b|\bvendor|\bbuilt by\b|สร้างโดย|"
                r"\bcontractor", re.I)),
    # "สัญญาสัมปทานกี่ปี": a concession, which the project's plan is not
    ("concession", re.compile(r"สัมปทาน|\bconcession", re.I), re.compile(r"สัมปทาน|\bconcession", re.I)),
    ("designer", re.compile(r"ใครออกแบบ|ใครเป็นคนออกแบบ|ผู้ออกแบบ|ผู้ชนะ|ใครชนะ|ใครจะ(?:ได้)?ชนะ|\bdesigned\b|\bdesigner\b|"
                            r"\bwinner\b|\bwho won\b|\bwho (?:will|would|is going to|is gonna) win\b", re.I),
     # (a ranking's first place is who won it: "who won TSCCI 2024" / "1st Wangchan Valley", "ได้อันดับ 1")
     re.compile(r"ออกแบบโดย|ผู้ออกแบบ|ผู้ชนะ|ชนะเลิศ|\bdesigned by\b|\bwinner\b|\bwon by\b|อันดับ\s*1(?!\d)|"
                r"\b1st\b|\branked first\b|\bfirst place\b|\btop (province|city)-based\b", re.I)),
    # "how long is the loop", "ยาวกี่กิโล", "how long will the main line be" (the line's name removed, "how long
    # will be?"): a length, which the route's opening year or cost is not
    ("length", re.compile(r"\bhow long (?:is|will|would) (?:be )?(?:the|that|this|its) [a-z0-9 -]{0,30}?\b"
                          r"(line|loop|route|track|rail|road|network|"
                          r"cable|tram|lrt|path|lane)s?\b|\bhow long (?:will|would) (?:\S+ ){0,6}?be\s*\??\s*$|\bhow long is\s*\??\s*$|"
                          r"\bin km\b|\blength\b|\bhow many (km|kilomet)|ยาว(?!นาน)\s*(กี่|เท่า|แค่ไหน)|"
                          r"ระยะทาง\S{0,4}(กี่|เท่า)|กี่กิโล|กี่\s*กม", re.I),
     re.compile(r"กม\.|กิโลเมตร|\bkm\b|kilomet|\d\s*เมตร|\bmet(re|er)s?\b", re.I)),
    # "how long did the meeting last", "ประชุมกี่ชั่วโมง": how long something lasted, which its date is not
    ("duration", re.compile(r"\bhow long did\b|\bhow long (was|were) the (meeting|ceremony|event|session|talk)|"
                            r"\blast(ed)? (for )?how long\b|ใช้เวลา\S{0,12}(กี่|นาน|เท่า)|นานเท่า|นานแค่ไหน|กี่ชั่วโมง", re.I),
     re.compile(r"ชั่วโมง|นาที|\bhours?\b|\bminutes?\b|\bdays?\b|\d\s*วัน|\bweeks?\b|สัปดาห์|\bmonths?\b|"
                r"\d\s*เดือน|\byears?\b|\d\s*ปี", re.I)),
    # "สั่งซื้อได้ที่ไหน", "where can I buy it": where it is sold, which that it is sold online is not
    ("place to buy", re.compile(r"ซื้อ\S{0,10}(ที่ไหน|ได้ที่|ยังไง|อย่างไร|ทางไหน)|สั่ง(ได้)?(ที่ไหน|ได้ที่|ทางไหน)|"
                                r"ขาย\S{0,16}(ที่ไหน|ได้ที่)|"  # ("มีขายที่ไหน": where it is sold)
                                r"\bwhere (can|do|could|should) (i|we|you|one) (buy|order|purchase)\b|"
                                r"\bhow (can|do) (i|we) (buy|order|purchase)\b", re.I),
     re.compile(r"ซื้อได้ที่|สั่งซื้อได้ที่|สั่งได้ที่|จำหน่ายที่|วางขายที่|\bsold at\b|\b(buy|order) (it |them )?(at|from|on|via)\b|"
                r"https?://|www\.|\.com\b|\.co\.th", re.I)),
    # "เปิดให้เข้าชมไหม", "can tourists visit the centre": whether visitors may come, which what it does is not
    ("visiting", re.compile(r"เปิดให้\S{0,4}ชม|เข้าชมได้|เยี่ยมชมได้|ไปดูงานได้|\bvisiting hours\b|"
                            r"\b(can|may|could) (tourists|visitors|the public|i|we|people|anyone) (visit|tour)\b|"
                            r"\bopen to (the public|visitors|tourists)\b", re.I),
     re.compile(r"เปิดให้\S{0,4}ชม|เข้าชม|เยี่ยมชม|ดูงาน|\bvisit|\bopen to (the public|visitors)|\btours?\b", re.I)),
    # "สมัครงานดีป้ายังไง", "is depa hiring": a job, which applying for the logo is not
    ("job", re.compile(r"สมัครงาน|รับสมัครพนักงาน|ตำแหน่งงานว่าง|หางาน|\bjob (openings?|vacanc\w*|applications?|offers?)\b|"
                       r"\b(apply for|get|find|looking for) (a )?jobs?\b|\bcareers? (at|with)\b|\bhiring\b|\bvacanc|"
                       r"\binternships?\b", re.I),
     re.compile(r"สมัครงาน|ตำแหน่งงาน|รับสมัครพนักงาน|\bjobs?\b|\bcareers?\b|\bhiring\b|\bvacanc|\brecruit", re.I)),
    # "มหาลัยเปิดรับสมัครเมื่อไหร่", "when do student admissions open": a school's intake, which a city's expo is not
    ("student intake", re.compile(r"(?:มหาวิทยาลัย|มหาลัย|โรงเรียน)[^?]{0,20}?รับสมัคร(?!เป็น)|(?:นักศึกษา|นักเรียน)[^?]{0,10}?สมัคร|สมัครเรียน|"
                                  r"\benrol(?:l)?(?:ment|ing|s)?\b|\bstudent admissions?\b|\bapply to (?:study|university)\b",
                                  re.I),
     re.compile(r"สมัครเรียน|รับนักศึกษา|รับสมัครนักศึกษา|รับนักเรียน|\benrol|\badmission", re.I)),
    # "มีไวไฟไหม", "hows the wifi": Wi-Fi, which the area's size is not
    ("wifi", re.compile(r"ไวไฟ|\bwi-?fi\b|เน็ตฟรี|\bfree internet\b|\bhotspots?\b", re.I),
     re.compile(r"ไวไฟ|\bwi-?fi\b|อินเทอร์เน็ต|\binternet\b|\bhotspots?\b", re.I)),
    # "how do I get there from Bangkok", "ไปแม่เมาะยังไง", "ไปสนามบินนั่งอะไรดี": a way to travel there, which
    # where the place is, or a bus that no longer runs, is not
    ("directions", re.compile(r"\bhow (?:do|can|should|would|could|to) (?:i |we |you |one |people |tourists |visitors )?"
                              r"(?:get|go|travel)\b(?! (?:a |the |its |their )?(?:logo|certif|approv|money|fund|budget|"
                              r"benefit|privilege|status|badge))|\bget there\b|\bdirections?\b|"
                              r"(?<!เน้น)(?<!มุ่ง)ไป(?:ยังไง|อย่างไร|ไง|ทางไหน)|เดินทาง\S{0,16}(?:ยังไง|อย่างไร|ไง|ทางไหน)|"
                              r"นั่ง(?:รถ)?(?:อะไร|คันไหน|สายไหน)|ขึ้นรถ\S{0,6}(?:ไหน|อะไร)", re.I),
     re.compile(r"เดินทางโดย|นั่งรถ|ขึ้นรถ|\btake (?:the|a|bus|train)\b|\bby (?:bus|train|car|air|plane|taxi|road)\b|"
                r"\bflights?\b|เที่ยวบิน|ขับรถ|\bdrive\b", re.I)),
    # "what replaced the airport bus", "มีรถอะไรวิ่งแทน": what came instead, which the bus's end is not
    ("replacement", re.compile(r"\breplac(?:e|ed|es|ing|ement)\b|\binstead\b(?! of)|อะไร[^?]{0,30}?แทน|แทนที่", re.I),
     re.compile(r"\breplac|\binstead\b|\bin place of\b|แทนที่|มาแทน|ใช้แทน|วิ่งแทน|ให้บริการแทน", re.I)),
    # "สร้างเสร็จเมื่อไหร่", "is it finished": whether or when it is done, which the day its area got the logo is not
    # (not "ready to be a smart city", a readiness)
    ("completion", re.compile(r"เสร็จ|\b(?:finished|completed|completion)\b|\bbe (?:done|ready)\b(?! to)|"
                              r"\b(?:is|are) (?:it|they|\S+) (?:done|ready)\b(?! to)|\bready (?:yet|now)\b", re.I),
     re.compile(r"เสร็จ|พร้อมใช้|เปิด(?!เผย|ตัว)|ก่อสร้าง|\bready\b|\bopen|\bcomplet|\bfinish|\bconstruct|\bin service\b|"
                r"\brunning\b|ให้บริการ", re.I)),
    # "รถไฟความเร็วสูงเปิดเมื่อไหร่", "when does it open": its opening, which the day the area beside it got its logo is not
    ("opening", re.compile(r"เปิด(?!เผย|ตัว)(?:ให้บริการ|ใช้(?:งาน)?|วิ่ง)?(?:จริง)?\s*(?:เมื่อไหร่|เมื่อไร|ปีไหน|วันไหน|ตอนไหน)|"
                           r"\bwhen (?:will|did|does|do|is|was) (?:\S+ ){0,6}?(?:open|opening|start running|begin service)\b|"
                           r"\bopening date\b", re.I),
     re.compile(r"เปิด(?!เผย|ตัว)|\bopen|\blaunch|\binaugurat|\bstart|\bbegan\b|เริ่ม|ให้บริการ|\bin service\b|\boperat|"
                r"\brunning\b|\bready\b|พร้อมใช้", re.I)),
    # "ถูกถอนตราไปแล้วบ้าง", "which cities have lost their logo": a revocation that took place, which that a logo may be
    # revoked is not
    ("revocation", re.compile(r"(?:ถอน|เพิกถอน)\S{0,12}แล้ว|\b(?:were|was|have been|has been|got|been) (?:\w+ )?(?:revoked|stripped)\b|"
                              r"\b(?:has|have|had)\b(?:\s+\S+){0,4}?\s+(?:revoked|stripped)\b|"
                              r"\b(?:lost|have lost|has lost) (?:their|its|the) (?:logos?|certification|certificates?)\b", re.I),
     re.compile(r"(?:ถอน|เพิกถอน)\S{0,16}แล้ว|(?<!be )\brevoked\b(?! if)|"
                r"\b(?:lost|were stripped of) (?:their|its) (?:logos?|certifica)", re.I)),
    # "ภูเก็ตจะมีรถไฟฟ้าเมื่อไหร่", "which metro line passes Samyan": a rail line, which the city's Wi-Fi target or its
    # clean-energy plan is not
    # (not "รถไฟฟ้าพลังงานสะอาด", an electric vehicle)
    ("rail", re.compile(r"รถไฟฟ้า(?!พลังงาน|\s*ev\b)|\blight rail\b|\blrt\b|\bmonorail\b|\bskytrain\b|\bmetro\b", re.I),
     re.compile(r"รถไฟฟ้า|รถราง|รางเบา|แทรม|\blight rail\b|\blrt\b|\btrams?\b|\bmonorail\b|\bbts\b|\bmrt\b|\brail", re.I)),
    # "มีเที่ยวบินไปเชียงใหม่มั้ย", "direct flights to Singapore": a flight, which the airport bus is not
    ("flight", re.compile(r"เที่ยวบิน|\bflights?\b|สายการบิน|\bairlines?\b", re.I),
     re.compile(r"เที่ยวบิน|\bflights?\b|สายการบิน|\bairlines?\b", re.I)),
    # "depa's official Thai definition of Smart Living", "what did the goals say exactly": the official wording, which a
    # paraphrase of a minister's words is not
    ("official wording", re.compile(r"นิยาม.{0,30}?(?:อย่าง|แบบ)?เป็นทางการ|\bofficial (?:\S+ ){0,3}definitions?\b|"
                                    r"\bexact (?:wording|definition)s?\b|\bword for word\b|\bverbatim\b|\bsay exactly\b", re.I),
     re.compile(r"นิยามอย่างเป็นทางการ|\bofficial definition|\bverbatim\b|\bword for word\b", re.I)),
    # "which cities lost their logo", "โดนถอนตราไหม": a loss of the logo, which a committee's decision is not
    ("loss of the logo", re.compile(r"\blost (?:their|its|the) (?:logos?|certification|status)\b|"
                                    r"\blos(?:e|ing) (?:their|its|the) (?:logos?|certification|status)\b|เสียตรา|ถูกถอนตรา|"
                                    r"โดนถอนตรา|\brevoked?\b|เพิกถอน", re.I),
     re.compile(r"เพิกถอน|ถอน|\blos[et]\b|\blosing\b|\brevok|\bwithdr|ยึด", re.I)),
    # "how much capital does it have": a company's capital, which a city's budget is not
    ("capital", re.compile(r"ทุนจดทะเบียน|\b(?:registered |initial )?capital\b(?! (?:city|of))", re.I),
     re.compile(r"ทุน|\bcapital\b", re.I)),
    # "how big is its budget", "ได้งบเท่าไหร่": money, which the size of its land is not
    ("budget", re.compile(r"\bbudgets?\b|งบประมาณ|\bfunding\b|ได้งบ|ใช้งบ", re.I),
     re.compile(r"บาท|\bbaht\b|ดอลลาร์|us\$|\$\s?\d|งบ|\bbudget|\bfund|\bcost|ทุน|มูลค่า|ล้าน|\bmillion\b|\bbillion\b",
                re.I)),
    # "was it all spent": spending, which the plan's 7 Smarts are not
    ("spending", re.compile(r"\bspent\b|\bspend(?:ing)?\b|ใช้(?:งบ|เงิน)\S{0,6}(?:หมด|ไป)|เบิกจ่าย", re.I),
     re.compile(r"\bspent\b|\bspend|ใช้งบ|ใช้เงิน|เบิกจ่าย|บาท|\bbaht\b", re.I)),
    # "good beaches in Phuket?", "หาดไหนคนน้อย", "can I swim there": a visitor's advice, which the beach cameras are not
    ("beach advice", re.compile(r"\b(?:good|best|nice|quiet|recommended?)\b.{0,20}\bbeach|หาด\S{0,10}(?:คนน้อย|สวย|ดี)|"
                                r"\bswim(?:ming)?\b|ว่ายน้ำ|เล่นน้ำ", re.I),
     re.compile(r"\bswim|ว่ายน้ำ|เล่นน้ำ|\bquiet\b|คนน้อย|\brecommend|แนะนำ", re.I)),
    # "is it safe for travellers at night", "เที่ยวคนเดียวปลอดภัยไหม": how safe a place is, which a safety scheme
    # (the "Safe City" cameras) does not rate
    ("safety rating", re.compile(r"\b(?:is|are|it|feel|stay|be)\s+(?:\w+\s+){0,3}?safe\b(?!\s*(?:city|&))|"
                                 r"\bsafe (?:for|to|at|enough)\b|\bhow safe\b|\bsafety (?:rating|record|level)|"
                                 r"ปลอดภัย(?:ไหม|มั้ย|มั๊ย|ป่ะ|ปะ|หรือ|รึ|สำหรับ|แค่ไหน|เท่าไหร่|มากน้อย)", re.I),
     re.compile(r"\bsafe (?:for|to)\b|\bcrime rates?\b|อัตรา\S{0,6}อาชญากรรม|ปลอดภัยสำหรับ|ปลอดภัยที่สุด|\bsafest\b", re.I)),
    # "ลดภาษีกี่ปี": a tax break, which that the areas are backed by the BOI is not
    ("tax break", re.compile(r"ลดภาษี|ลดหย่อนภาษี|ยกเว้นภาษี|สิทธิ(?:ประโยชน์)?ทางภาษี|"
                             r"\btax (?:breaks?|holidays?|exemptions?|cuts?|incentives?)\b", re.I),
     re.compile(r"ภาษี|\btax", re.I)),
    # "how much CO2 have they cut": emissions, which a budget is not
    ("emissions", re.compile(r"\bco2\b|\bcarbon\b|คาร์บอน|\bemissions?\b|ก๊าซเรือนกระจก|\bgreenhouse\b", re.I),
     re.compile(r"\bco2\b|co₂|\bcarbon\b|คาร์บอน|\bemission|ก๊าซเรือนกระจก|\bgreenhouse\b", re.I)),
    # "ค่าฝุ่นที่นั่นเท่าไหร่", "which city has the best air quality": the air, which green space or a rank is not
    ("air", re.compile(r"\bpm ?2\.?5\b|ฝุ่น|\baqi\b|\bair quality\b|คุณภาพอากาศ|\bair pollution\b|มลพิษทางอากาศ", re.I),
     re.compile(r"\bpm ?2\.?5\b|ฝุ่น|\baqi\b|\bair\b|อากาศ|µg", re.I)),
    # "บ้านที่นั่นขายหลังละเท่าไหร่", "rent near Samyan": a price in baht, which a score in the index is not
    ("property price", re.compile(r"ราคาบ้าน|บ้าน\S{0,20}(?:ขาย|ราคา)|หลังละ|ค่าเช่า|\brent\b|\b(?:house|property|condo|land) "
                                  r"prices?\b|ราคาที่ดิน", re.I),
     re.compile(r"บาท|\bbaht\b", re.I)),
    # "นครสวรรค์ทำโครงการอะไรบ้าง", "what projects does it run": projects or a plan, which the day it got its logo is not
    # (not "which projects got the logo", the certified areas a list names)
    ("projects", re.compile(r"โครงการ(?:อะไร|ไหน)บ้าง(?!\S{0,6}ได้(?:ตรา|รับ))|โปรเจ[คก]\S{0,6}(?:อะไร|ไหน)|ทำโครงการ\S{0,12}(?:อะไร|ไหน)|"
                            r"\b(?:what|which) projects\b(?! (?:got|were certified|received|hold|have got|won)\b)|"
                            r"\bprojects does\b", re.I),
     re.compile(r"โครงการ|\bprojects?\b|แผน|\bplans?\b|ศูนย์|ระบบ|\bcentre\b|\bsystems?\b", re.I)),
    # "what's the app called", "แอปจอดรถชื่ออะไร": an app, which the city's plan or its data platform is not
    ("app", re.compile(r"แอป|แอพ|แอ็พ|\bapps?\b|\bmobile application\b", re.I),
     re.compile(r"แอป|แอพ|แอ็พ|\bapps?\b|\bmobile application\b", re.I)),
    # "which BTS station is closest", "สถานีไหนใกล้สนามบินที่สุด": what is near, which where the area lies is not
    ("nearest", re.compile(r"\bclosest\b|\bnearest\b|ใกล้(?:ที่)?สุด|ใกล้\s*ๆ|"
                           r"ใกล้\S{0,6}(?:ไหน|อะไร)", re.I),
     re.compile(r"ใกล้|\bnear|\bclosest\b|\bwalk|เดิน|\bnext to\b|ติดกับ|\bopposite\b|ตรงข้าม|\badjacent", re.I)),
    # "อยู่ตรงไหนของภูเก็ต", "where exactly is it": a place inside the province (a district, a road, a building, a
    # neighbourhood, the land it is on), which that an area covers the whole province, or lies in it, is not
    ("place within", re.compile(r"ตรงไหน|อยู่\S{0,6}ไหนของ|\bwhere exactly\b|\bexact (?:location|address|spot)\b|"
                                r"\bwhereabouts\b", re.I),
     re.compile(r"ตำบล|อำเภอ|ถนน|ย่าน|อาคาร|ตึก|แขวง|ซอย|บึง|(?<!ค)รอบ|ที่ดิน|ที่ตั้ง|ตั้งอยู่|สำนักงาน|\bdistrict\b|\broad\b|"
                r"\bstreet\b|\bbuilding\b|\barea of\b|\bland\b|\blocated\b|\bhome to\b|\boffice\b|\bloop\b|\baround\b",
                re.I)),
    # "what is the exact renewal threshold", "เกณฑ์ขั้นต่ำกี่เปอร์เซ็นต์": a figure, which that there is a minimum is not
    ("threshold", re.compile(r"\bthresholds?\b|\bcut-?off\b|ขั้นต่ำ\S{0,12}(?:กี่|เท่า)", re.I),
     re.compile(r"\d", re.I)),
    # "ต่ออายุต้องได้คะแนนกี่เปอร์เซ็นต์", "what score do you need to pass": a pass mark, which a city's score is not
    ("pass mark", re.compile(r"ต้องได้(?:คะแนน)?\S{0,8}(?:กี่|เท่า)|\bneeds? to score\b|\bminimum score\b|\bpass(?:ing)? (?:mark|score)\b|"
                             r"\bscore (?:do|does) (?:\S+ ){0,3}need\b", re.I),
     re.compile(r"ขั้นต่ำ|อย่างน้อย|ไม่ต่ำกว่า|ผ่านเกณฑ์|\bat least\b|\bminimum\b|\bpass(?:ing)? (?:mark|score)\b|\bthreshold", re.I)),
    # "ขอนแก่นได้ที่เท่าไหร่", "what was its rank": a place in a ranking, which a project of the city is not
    ("rank", re.compile(r"ได้ที่\s*(?:เท่า|กี่)|อันดับ(?:ที่)?\s*(?:เท่า|กี่|อะไร|ไหน)|"
                        r"\bwhat (?:\w+ )?rank(?:ing)?\b|\brank(?:ed)? (?:in|at)\b|\b(?:where|how) did (?:\S+ ){0,4}rank\b|"
                        # (not a post: "what position did he hold")
                        r"\b(?:what|which) (?:place|position) did\b(?!(?: \S+){1,2} (?:hold|have|take|occupy)\b)", re.I),
     re.compile(r"อันดับ\s*(?:ที่\s*)?\d|อันดับ(?:แรก|หนึ่ง|สอง|สาม)|ได้ที่\s*\d|\b\d{1,2}(?:st|nd|rd|th)\b|"
                # (not "its second meeting of 2021", "the first five", "the first batch": no place in a ranking)
                r"\b(?:top|ranked)\b|\b(?:first|second|third|fourth|fifth)\b(?!\s+(?:\d{4}\s+)?(?:meeting|batch|round|time|"
                r"phase|five|session|group|pilots?|logos?|ceremony|half|quarter)s?\b)", re.I)),
    # "who sits on the sub-committee", "กรรมการมีใครบ้าง": its members, which its chair (or one figure of the
    # project) is not
    ("members", re.compile(r"\bmembers?\b|\bwho sits? on\b|"
                           r"สมาชิก|กรรมการ\S{0,12}(?:มี)?ใครบ้าง|ใครบ้าง\S{0,6}(?:เป็น|อยู่ใน)\S{0,4}กรรมการ|ประกอบด้วยใคร", re.I),
     re.compile(r"\bmembers?\b|\bsits? on\b|สมาชิก|ประกอบด้วย|\bmade up of\b|\bcomposed of\b|\bcomprises?\b", re.I)),
    # "how much is a bag of fertiliser", "ถุงละกี่บาท": a price per unit, which a budget for the project is not
    ("unit price", re.compile(r"\bper (?:bag|sack|kg|kilo(?:gram)?|unit|piece|bottle|pack|box|item)\b|"
                              r"\b(?:a|one|each) (?:bag|sack|kg|kilo|bottle|pack|box) of\b|(?:ถุง|กระสอบ|กิโล|ขวด|กล่อง|แพ็ค|ชิ้น)ละ|"
                              r"ต่อ\s*(?:ถุง|กระสอบ|กิโล|ขวด|กล่อง|แพ็ค|ชิ้น)", re.I),
     re.compile(r"\bper (?:bag|sack|kg|kilo(?:gram)?|unit|piece|bottle|pack|box|item)\b|\b(?:a|one|each) (?:bag|sack|kg|kilo|"
                r"bottle|pack|box)\b|(?:ถุง|กระสอบ|กิโล|ขวด|กล่อง|แพ็ค|ชิ้น)ละ|ต่อ\s*(?:ถุง|กระสอบ|กิโล|ขวด|กล่อง|แพ็ค|ชิ้น)",
                re.I)),
    # "how much does depa pay each city", "ได้ตราแล้วรัฐให้เงินไหม": money paid to a city, which a project's budget
    # or a design contest's prize is not
    ("payment to a city", re.compile(r"\bhow much (?:money )?(?:does|do|did|will|would) (?:\S+ ){0,3}(?:pay|give|grant)\b|"
                                     r"\b(?:pay|pays|paid|grant|grants)\b (?:\S+ ){0,3}(?:each|every|a|the|"
                                     r"certified) (?:\S+ )?cit(?:y|ies)\b|\bmoney (?:does|do|did|will) (?:\S+ ){0,3}(?:get|receive)\b|"
                                     r"\bprize money (?:with|for) (?:the |a )?(?:logo|certif|cit)|"
                                     r"(?:ให้|แจก|จ่าย)เงิน\S{0,12}(?:เมือง|พื้นที่)|(?:เมือง|พื้นที่)\S{0,16}ได้(?:รับ)?เงิน|"
                                     r"เงินรางวัล\S{0,6}(?:ให้|แก่)\S{0,4}(?:เมือง|พื้นที่)", re.I),
     re.compile(r"\bpa(?:y|ys|id) (?:each|every|the|a|certified)|\bgrants? (?:of|to)\b|\bsubsid|เงินอุดหนุน|(?:ให้|แจก|จ่าย)เงิน|"
                r"\bno (?:money|cash|grant|funding)\b|ไม่(?:ได้)?(?:มี|ให้)?เงิน", re.I)),
    # "who wrote this article", "ใครเป็นคนเขียนข่าวนี้": its author, which a person the article quotes is not
    ("author", re.compile(r"ใคร\S{0,8}เขียน|(?:คน|ผู้)เขียน|\bwho wrote\b|\bwritten by whom\b|\bauthors?\b|\breporter\b", re.I),
     re.compile(r"เขียน|\bwrote\b|\bwritten by\b|\bauthor|\breporter\b|ผู้สื่อข่าว|นักข่าว", re.I)),
    # "who signed it", "ใครเป็นคนลงนาม": who signed, which the mayor of a city or the day it was signed is not
    ("signatory", re.compile(r"ใคร\S{0,8}(?:ลงนาม|เซ็น)|(?:ผู้|คน)(?:ลงนาม|เซ็น)|\bwho signed\b(?! off)|\bsigned by whom\b|"
                             r"\bsignator", re.I),
     re.compile(r"ลงนาม\S{0,4}โดย|(?:ผู้|คน)ลงนาม|\S+\s+(?:ลงนาม|เซ็น)|\bsigned by\b|\bsignator|\b[A-Z]\w+ (?:\w+ )?signed\b",
                re.I)),
    # "ใครได้รางวัลที่ 1", "who won the contest": the winner, which the prize on offer is not
    ("winner", re.compile(r"ใคร\S{0,8}(?:ได้รางวัล|ชนะ)|(?:ได้|ชนะ)รางวัลที่\s*\d|ผู้ชนะ|\bwho won\b|\bwinners?\b|"
                          r"\bwon the (?:contest|competition|prize|contract|tender|bid|award)\b", re.I),
     # (a ranking's winner is its first: "who won TSCCI 2024" / "1st Wangchan Valley")
     re.compile(r"ชนะ|ได้(?:รับ)?รางวัล|\bwon\b|\bwinners?\b|\bawarded to\b|อันดับ\s*(?:ที่\s*)?1(?!\d)|อันดับ(?:แรก|หนึ่ง)|"
                r"ได้ที่\s*1(?!\d)|\b1st\b|\bfirst\b|\btop(?:ped)?\b|\bled\b|\bleads?\b", re.I)),
    # "what does the agreement cover", "ข้อตกลงมีรายละเอียดอะไร": what it holds, which that it was signed is not
    # (an agreement's: "what does Smart Governance cover" asks what the notion means, which its definition says)
    ("contents", re.compile(r"\bwhat (?:exactly )?(?:did|does|do|will) (?:\S+ ){0,3}(?:agreement|mou|contract|deal|memorandum|partnership) "
                            r"(?:\S+ ){0,5}cover\b|\bwhat(?:'s| is| was) in (?:the|that|this) (?:agreement|mou|contract|deal)\b|"
                            r"(?:ข้อตกลง|สัญญา|mou|เอ็มโอยู|ความร่วมมือ)\S{0,12}(?:ครอบคลุม(?:เรื่อง)?อะไร|รายละเอียด\S{0,8}(?:อะไร|ยังไง|อย่างไร|กี่ข้อ)|"
                            r"มีกี่ข้อ)", re.I),
     # (or names them, in a list: "the 7 Smarts are Smart Environment, Smart Economy, ...")
     re.compile(r"ครอบคลุม|ประกอบด้วย|ได้แก่|รวมถึง|\bcover|\binclud|\bcomprises?\b|(?:[^,\n]{1,40},){2}", re.I)),
    # "what was decided there", "มติที่ประชุมคืออะไร": what a meeting decided, which where and when it met is not
    ("decision", re.compile(r"\bwhat (?:was|were) (?:decided|agreed|approved|resolved)\b|"
                            r"\bwhat did (?:it|they|the \w+|that \w+) (?:decide|agree|approve|resolve)\b|"
                            r"มติ(?:ที่ประชุม|ของที่ประชุม)?(?:คือ|ว่า)?(?:อะไร|ยังไง)|ตัดสินใจ(?:อะไร|ยังไง)|เห็นชอบอะไร|อนุมัติอะไร", re.I),
     re.compile(r"มติ|เห็นชอบ|อนุมัติ|รับทราบ|ตัดสิน|\bapprov|\bdecid|\bagreed|\bresolv|\bendors|\backnowledg", re.I)),
    # "งบ 20 ล้านใช้ทำอะไร", "what was the money spent on": what a sum paid for, which that it was planned is not
    ("use of money", re.compile(r"(?:งบ|เงิน)[^?]{0,20}?ใช้(?:ทำ|ไปกับ|กับ|ใน)(?:อะไร|ไหน)|"
                                r"\b(?:budget|money|funds?|funding)\b (?:\S+ ){0,4}(?:spent|used) (?:on|for)\b|"
                                r"\bwhat (?:was|is|will) (?:\S+ ){0,4}(?:spent|used) on\b", re.I),
     re.compile(r"เพื่อ|สำหรับ|ใช้ใน|ใช้กับ|ใช้สร้าง|ใช้พัฒนา|ใช้ซื้อ|\bspent on\b|\bto (?:build|fund|develop|buy|support|pay)\b|"
                r"\bfor (?:building|developing|buying|the construction)\b", re.I)),
    # "who received the logo at the ceremony", "ใครเป็นคนรับตรา": the person who took it, which the bodies it was
    # handed to (counted) are not
    ("recipient", re.compile(r"\bwho (?:received|accepted|collected)\b|ใคร(?:เป็น)?(?:คน|ผู้)?รับ(?:มอบ)?ตรา|ผู้รับ(?:มอบ)?ตรา\S{0,6}ใคร",
                             re.I),
     re.compile(r"ผู้รับ|รับมอบ|(?:คน|ผู้)?รับตรา|(?-i:[A-Z][a-z]+ [A-Z][a-z]+)(?:,[^,.]{0,60},)? (?:received|accepted)|"
                r"\bwho received\b|\breceived by\b", re.I)),
    # "which province has the most", "ที่ไหนใหญ่ที่สุด": the one that comes first, which a count or a total is not
    # ("which city topped the index", "came top": the first, which one of the top three is not)
    ("superlative", re.compile(r"(มาก|เยอะ|ใหญ่|สูง|ต่ำ|น้อย|ยาว|ดี|เก่ง|สวย|ถูก|แพง|ใกล้|ไกล|สะอาด)(ที่)?สุด|"
                               r"\bmost\b(?! recent| up)|\b(biggest|largest|"
                               r"highest|longest|fewest|least|smallest|lowest)\b|\btop(ped|s)\b|\bcame top\b|"
                               r"\btop spot\b|\bnumber one\b", re.I),
     re.compile(r"ที่สุด|สูงสุด|มากสุด|(?<!\d )(?<!\d)อันดับ\s*(1|แรก|หนึ่ง)|ที่\s*1\b|ได้ที่หนึ่ง|นำ|ชนะ|\b(most|biggest|"
                r"largest|highest|longest|fewest|least|smallest|lowest|first|1st|led|leads?|best|won|more than any)\b|"
                r"\btop(ped|s)?\b(?!\s*(\d|three|five|ten))", re.I)),
    # "ใครเขียนข่าวนี้", "who wrote the article": its writer, which the people the article tells of are not
    ("author", re.compile(r"ใคร(?:เป็น)?(?:คน|ผู้)?เขียน|ผู้เขียน|คนเขียน|นักข่าว|\bwho wrote\b|\bwritten by\b|"
                          r"\bwho (?:is|was) the (?:author|writer|reporter|journalist)\b", re.I),
     re.compile(r"เขียนโดย|ผู้เขียน|นักข่าว|\bwritten by\b|\bauthor|\breporter\b|\bjournalist\b", re.I)),
    # "who signed it", "ใครเซ็น": who signed, which the head of the body it concerns is not (who "signed off" on
    # something approved it)
    ("signatory", re.compile(r"ใคร(?:เป็น)?(?:คน|ผู้)?(?:ลงนาม|เซ็น)|ผู้ลงนาม|(?:ลงนาม|เซ็น)โดยใคร|\bwho signed\b(?! off)|"
                             r"\bsignator|\bsigned by whom\b", re.I),
     re.compile(r"ลงนาม|เซ็น|\bsign", re.I)),
    # "who sits on the new sub-committee", "กรรมการมีใครบ้าง": its members, which its chair alone is not
    ("members", re.compile(r"\bwho sits on\b|\bwho (?:are|were) (?:its|the|their) members\b|\bmembers? list\b|"
                           r"\b(?:list|name)s? (?:of )?(?:the |its |all )?members\b|\bmembership\b|กรรมการ(?:มี)?ใครบ้าง|"
                           r"มีใครเป็นกรรมการ|สมาชิก(?:มี)?ใครบ้าง|ใครเป็นสมาชิก|ประกอบด้วยใคร", re.I),
     re.compile(r"สมาชิก|ประกอบด้วย|\bmembers?\b|\bcomposed of\b|\bconsists? of\b|\bmade up of\b", re.I)),
    # "เข้าร่วมเครือข่ายปีไหน", "when did they join": when it joined, which the day a report named it a member (or
    # another event of the year) is not
    ("joining", re.compile(r"(?:เข้าร่วม|เป็นสมาชิก|ร่วมเครือข่าย)\S{0,10}(?:ปีไหน|ปีอะไร|ปีใด|เมื่อไหร่|เมื่อไร|ตอนไหน|ช่วงไหน|วันไหน)|"
                           r"\bwhen did (?:\S+ ){0,4}(?:join|become (?:a )?members?)\b|\bjoined when\b|"
                           r"\b(?:what|which) year did (?:\S+ ){0,4}join\b", re.I),
     # (that it joined: not "proposed as an additional member", which tells of a proposal)
     re.compile(r"เข้าร่วม|ได้เป็นสมาชิก|เป็นสมาชิกตั้งแต่|\bjoin|\bbecame (?:a )?members?\b|\bmembers? since\b", re.I)),
    # "ตัวไหนเสียบ้าง", "are any of the cameras broken": what is out of order, which how many were put up is not
    ("fault", re.compile(r"(?:ตัว|อัน|จุด|กล้อง)\S{0,6}เสีย|ชำรุด|ใช้(?:งาน)?ไม่ได้|\bbroken\b|\bfaulty\b|\bout of order\b|"
                         r"\bnot working\b|\bmalfunction", re.I),
     re.compile(r"เสีย(?!ชีวิต)|ชำรุด|ใช้(?:งาน)?ไม่ได้|\bbroken\b|\bfaulty\b|\bout of order\b|\bnot working\b|\bmalfunction",
                re.I)),
    # "how long has he been in that job", "ดำรงตำแหน่งมานานเท่าไหร่": a tenure, which the post he holds is not
    # ("since when has Mae Moh been a promotion zone" asks a date, which a year it began gives: no tenure)
    ("tenure", re.compile(r"\bhow long (?:has|have|had) (?:\S+ ){0,3}been\b|"
                          r"(?:ดำรงตำแหน่ง|อยู่ในตำแหน่ง|รับตำแหน่ง|ทำงาน)\S{0,8}(?:มา)?(?:นาน|กี่ปี)", re.I),
     re.compile(r"\bsince\b|ตั้งแต่|\bappointed\b|แต่งตั้ง|รับตำแหน่ง|\d\s*(?:years?|ปี)\b", re.I)),
    # "how are the weights split", "แต่ละเกณฑ์ให้น้ำหนักเท่าไหร่": a weighting, which the list of criteria is not
    ("weighting", re.compile(r"\bweight(?:s|ing|ed)?\b|น้ำหนัก(?:คะแนน)?|สัดส่วนคะแนน", re.I),
     re.compile(r"\bweight|น้ำหนัก|สัดส่วน|\d\s*%|ร้อยละ", re.I)),
    # "มีขายใน Shopee ไหม", "can I order it on LINE": that shop or app, which that it is sold online is not
    ("sales channel", _SHOP, _SHOP),
    # "what is the Phuket smart city app called", "มีแอปไหม": an app, which the scheme it may belong to is not
    ("app", re.compile(r"แอป|แอพ|\bapps?\b|\bapplication (?:called|named|name)\b", re.I),
     re.compile(r"แอป|แอพ|\bapps?\b|\bapplication\b(?! (?:steps?|process|form|round))", re.I)),
]
# The posts a question may ask the holder of by name, which a follow-up naming a person no longer asks for.
POSTS_ASKED = re.compile(r"ผู้ว่า\S*|นายก\S*|ส\.\s?ส\.|นายอำเภอ|\b(governors?|mayors?|mps?|district chief)\b", re.I)
# What only a fact's answer answers: a detail that adds who owns one of the bodies it names ("KKTS is owned by 5
# municipalities", under the bodies driving Khon Kaen) is not what the answer tells, and the reply gives the answer.
_SAID_IN_ANSWER = frozenset({"owner"})
# Systems whose facts share most of their words with a lookalike's: "รถไฟความเร็วสูง" (high-speed rail) is
# made of words the light rail's facts use ("รถไฟ") or words too common to tell ("ความเร็ว", "สูง"), and "5G"
# is a digit and a letter. A question naming one is answered only by a fact that names it too.
_SYSTEMS: list[tuple[str, re.Pattern]] = [
    ("high-speed rail", re.compile(r"ความเร็วสูง|\bhigh[- ]?speed\b|\bhsr\b", re.I)),
    ("mobile network", re.compile(r"(?<![a-z0-9])[2-6]\s?g(?![a-z])|\blte\b", re.I)),
    # a driverless car is not the clean-energy vehicles a plan names
    # a tram (Tram Noy) is not the bus route (the light rail is one: see _SYSTEMS_SAID)
    ("tram", re.compile(r"รถราง|แทรม|\btrams?\b", re.I)),
    # an intercity coach ("รถทัวร์กรุงเทพ-ขอนแก่น") is not the city's own bus route
    ("intercity coach", re.compile(r"รถทัวร์|รถบัสระหว่างจังหวัด|รถ บขส|\bcoach(?:es)?\b|\bintercity bus", re.I)),
    ("driverless vehicle", re.compile(r"ไร้คนขับ|ไม่มีคนขับ|ขับเคลื่อนอัตโนมัติ|ขับขี่อัตโนมัติ|\bdriverless\b|"
                                      r"\bself[- ]driving\b|\bautonomous\b|\brobo-?taxi", re.I)),
]
# Whether a plan comes (or came) true, asked: "จะได้ถึงจริงมั้ย", "ได้จริงไหม", "is it on track", "will it really".
_PREDICTION = re.compile(r"จริง(?:ๆ|\s)*(?:ไหม|มั้ย|มั๊ย|ป่ะ|ปะ|หรือ|รึ|เหรอ|หรอ)|ทัน(?:ไหม|มั้ย|ป่ะ|หรือ)|"
                         r"\b(?:on track|likely|realistic|will it really|did it really|really happen)\b", re.I)
# (not a report checked, "เคยได้ยินว่าจะมี 100 เมืองภายในปี 65 จริงป่ะ": what was said, which the plan tells)
_HEARD = re.compile(r"ได้ยิน|ข่าวว่า|บอกว่า|อ่านเจอ|อ่านว่า|\bheard\b|\bread that\b|\bsaid\b|\bclaim", re.I)
# (what is still to come no fact tells: "on track", "likely")
# A count stated, in figures or words ("two types", "สองแบบ"); not a year, nor the figure of a name ("PM2.5", "5G").
_COUNT_SAID = re.compile(r"(?<![\w.])(?!(?:19|20|25)\d\d(?!\d))\d[\d,.]*(?![A-Za-z])|"
                         r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|"
                         r"thousands?|millions?|several|few|many|both|single)\b|"
                         # (a Thai number word before what it counts: not the "สาม" of "สามย่าน")
                         r"(?:หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ร้อย|พัน|หมื่น|แสน|ล้าน|หลาย)\s*(?:แห่ง|เมือง|คน|ตัว|จุด|แบบ|"
                         r"ประเภท|ด้าน|สาย|ราย|ครั้ง|พื้นที่|โครงการ|ข้อ|ชนิด|อัน|คัน|สถานี|เครื่อง|ต้น|บาท|จังหวัด|ปี)|ไม่มี|\bno\b|"
                         r"\bnone\b", re.I)
# "กี่ลำ", "กี่คณะ": a count in a classifier of things (boats, faculties, cars, machines), which a fact must state
# with that classifier (not areas, places or people, which facts count in other words)
_CLASSIFIER_ASKED = re.compile(r"กี่\s*(ลำ|คณะ|คัน|เครื่อง|สถานี|ห้อง|ชั้น|ลูก|เล่ม|ชิ้น|ตัว|ต้น)")
_THAI_DIGIT_WORDS = r"หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ร้อย|พัน|หมื่น|แสน|ล้าน|หลาย"
_CLAIM_CHECKED = re.compile(r"ใช่|\bright\b|\bisn'?t it\b|\bcorrect\b|\btrue\b", re.I)
_ON_TRACK = re.compile(r"\b(?:on track|likely|realistic)\b", re.I)
# ...unless the plan itself is what is asked about ("is the target really 105?").
_TARGET_ASKED_NOW = re.compile(r"เป้า|แผน|\btargets?\b|\bgoals?\b|\bplan", re.I)
# A fact that tells of a plan or of what was expected, not of what came of it.
_EXPECTED = re.compile(r"คาดว่า|เป้าหมาย|ตั้งเป้า|มีแผน|\btargets?\b|\btargeted\b|\bexpect(?:s|ed)? to\b|\bgoal\b", re.I)
# What a fact must say to answer "why": a reason or a purpose.
_REASON = re.compile(r"เพราะ|เนื่องจาก|เหตุผล|สาเหตุ|เพื่อ|จึง|ทำให้|ส่งผล|ไม่ตรงกัน|ไม่ระบุ|ไม่ได้อธิบาย|ไม่พบ|"
                     r"\bdiffer|\bnot explain|\bno source|\bunclear\b|\bnot (given|found|known)\b|\bbecause\b|"
                     r"\bdue to\b|\bowing to\b|\bsince\b|"
                     r"\breasons?\b|\bso that\b|\bin order to\b|\bto (help|support|promote|drive|make|give|raise|"
                     r"attract|develop|improve|reduce|create|build|bring|cut)\b|\baim|\bpurpose|\bled to\b|\bafter\b|"
                     r"\bas a result\b|\bso\b", re.I)
# A fact that says no source explains it ("the gap is not explained") answers a "why" only when the question asks
# why figures or sources differ ("ทำไมตัวเลขไม่ตรงกัน": they differ, unexplained); "why did the count drop" is
# then a question the bot cannot answer, and its honest fallback sends it to staff.
_UNEXPLAINED = re.compile(r"ไม่มีคำอธิบาย|ไม่ได้อธิบาย|ไม่อธิบาย|\b(?:is|are|was|were) not explained\b|\bno explanation\b|"
                          r"\bunexplained\b|\b(?:does|do|did) not explain\b", re.I)
# ("why does 2023 say 25 provinces but 2025 only 16": two accounts set against each other, a difference too)
_DIFFERENCE_ASKED = re.compile(r"ไม่ตรงกัน|ต่างกัน|แตกต่าง|ไม่เหมือนกัน|ขัดกัน|แต่|\b(?:differ\w*|different|conflict\w*|"
                               r"disagree\w*|mismatch\w*|discrepanc\w*|inconsisten\w*|but|whereas|vs|versus)\b", re.I)
# Why asked in words ("ทำไม", not the "ทำไม่" of "ทำไม่ครบ", "did not do all").
_WHY = re.compile(r"ทำไม(?!\u0e48)|เพราะอะไร|เหตุใด|สาเหตุ|\bwhy\b|\bhow come\b", re.I)
# A date to come: the sources tell of what happened and of published plans, not of next year's events.
_NEXT = re.compile(r"รอบหน้า|ครั้งหน้า|ครั้งต่อไป|รอบต่อไป|ปีหน้า|ปีนี้|พรุ่งนี้|สุดสัปดาห์นี้|เสาร์อาทิตย์นี้|สัปดาห์หน้า|"
                   r"อาทิตย์หน้า|เดือนหน้า|\bthis weekend\b|\btomorrow\b|\bnext\b(?! to\b)|"
                   r"\bthis year\b|\bupcoming\b|\bscheduled\b", re.I)
_YEAR = re.compile(r"(?<!\d)(20\d\d|25\d\d)(?!\d)")
# "when will Phuket get a tram", "จะกลับมาวิ่งเมื่อไหร่": a date still to come, which a fact that only tells of the
# past (a certification in 2021, a bus service that stopped in 2023) does not give; a plan it tells of may.
_WILL = re.compile(r"จะ|\bwill\b|\bgoing to\b|\bgonna\b|\bwhen'?ll\b|"
                   # ("when are the 2025 results coming out": what is still to come, said in the present)
                   r"\b(?:is|are|r) (?:\S+ ){0,4}(?:coming|due)\b", re.I)
# "what is its GDP per head today", "ตอนนี้มี...เท่าไหร่": the figure now, which a target is not (an answer whose
# main clause sets a target: "the programme targets doubling GDP per head by 2029"); not when a target is asked.
# "is the sandbox still running", "ตอนนี้ยังต้องกักตัวไหม": whether it still is so, which a fact of some years ago that
# tells no end does not say
_STILL = re.compile(r"\bstill\b|\banymore\b|ยัง\S*(?:\s\S*)?อยู่|ตอนนี้ยัง|ยังต้อง|ยังใช้ได้|ยังเปิด")
_ENDED = re.compile(r"หยุด|ยุติ|ยกเลิก|สิ้นสุด|ปิด(?:ตัว|ให้บริการ|ลง)|เลิก|ไม่\S{0,16}แล้ว|\bstopped\b|\bended\b|\bclosed\b|"
                    r"\bno longer\b|\bceased\b|\bdiscontinued\b|\bscrapped\b|\bcancel|\bexpire|\buntil\b", re.I)
_NOW_FIGURE = re.compile(r"ปัจจุบัน|ตอนนี้|ขณะนี้|\bcurrent(ly)?\b|\bnow\b|\btoday\b|\bat present\b", re.I)
_TARGET_ASKED = re.compile(r"เป้า|แผน|\btargets?\b|\bgoals?\b|\baim|\bplan", re.I)
_TARGET_LEAD = re.compile(r"^[^.,;]*\b(?:targets?|targeted|aims? (?:at|to|for)|set a goal)\b", re.I)
_PLANNED = re.compile(r"มีกำหนด|ตามแผน|คาดว่า|ตั้งเป้า|เป้าหมาย|แผน|จะ|\bdue\b|\bplan|\bschedul|\bexpect|\btarget|"
                      r"\bwill\b|\baim|\bby (19|20)\d\d\b", re.I)
# What a fact must say to answer "when": a year (CE or BE), a month ("ทุ่งบัวตองบานเดือนไหน" is not answered
# by a fact that says Mae Moh promotes the flower fields) or an hour ("when does the centre open": 8:30).
# A count a fact may give: a number that is no year nor the day of a date ("6 May", "6 พฤษภาคม"), or a count in
# words ("six pillars", "สามด้าน"); what a "how many" question needs of the fact that answers it.
_NO_COUNT = re.compile(r"(?<!\d)(?:19|20|25)\d\d(?!\d)|(?<![\d.,])\d{1,2}\s*(?=" + _MONTHS + r")|"
                       r"(?<![\w.])\d(?:\.0)?[a-z]?(?=\s*(?:g\b|×|x\b))|\b\d[a-z]\b|\b4\.0\b", re.I)  # (5G, "Thailand 4.0")
_A_COUNT = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|"
                      r"millions?|both|several|many|few|single)\b|(?:สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ร้อย|พัน|หมื่น|แสน|ล้าน)"
                      r"(?=\s*(?:ด้าน|เมือง|แห่ง|คน|ตัว|ราย|ข้อ|พื้นที่|จังหวัด|โครงการ|สาย|สถานี|ครั้ง|บาท|ต้น|จุด|ลำ|คัน))|"
                      r"ทั้งคู่|หลาย", re.I)  # (not "สามย่าน")
_DIFFERING = re.compile(r"ไม่ตรงกัน|ขัดกัน|\bdiffer|\bconflict", re.I)
_DATED = re.compile(r"(?<!\d)(19|20|25)\d\d(?!\d)|(?<!\d)\d{1,2}[.:]\d\d(?!\d)|" + _MONTHS, re.I)  # or an hour
# What a fact must say to answer "how much": a sum ("15 บาท", "26,963 million baht", "US$ 1 billion"), or a
# budget or cost it tells about (a fact that says the budget is not given answers honestly); not "แผนลงทุน".
_MONEY = re.compile(r"บาท|\bbaht\b|ดอลลาร์|us\$|\$\s?\d|\bTHB\b|งบประมาณ|\bbudget|มูลค่า|\bcost|ทุนจดทะเบียน|\bcapital\b|"
                    r"ค่าโดยสาร|\bfares?\b|\bfree\b|ฟรี", re.I)
# A question about money by its words ("how much green space" is not): the question type alone is not enough.
# Split in two where only whether it matches counts: the English words (each with a Latin letter that only a
# Latin letter matches, even ignoring case) are tried only on text with a Latin letter.
_MONEY_COUNTED = re.compile(r"บาท|ราคา|งบ|เงิน|ซื้อ|ขาย|\bbaht\b|\bcost|\bprice|\bbudget|\bmoney\b|\bbought\b|\bsold\b",
                            re.I)
_MONEY_ASKED_TH = re.compile(r"บาท|ราคา|ค่า|งบ|ทุน|เงิน|ล้าน|ซื้อ|ขาย")  # ("ซื้อมาเท่าไหร่": the price paid)
_MONEY_ASKED_EN = re.compile(r"\bbaht\b|\bcost|\bprice|\bbudget|\bfares?\b|\bmoney\b|"
                             r"\bfund|\bspen[dt]|\binvest|\bworth\b|\bpaid\b|\bpay\b|\bbought\b|\bbuy\b|\bsold\b", re.I)
# "เมืองที่ 15 ของรอบปี 64", "ลำดับที่ 15", "the 15th city": one item of a list by its place, which a fact must
# state ("the 15 areas of 2021" does not say which was fifteenth). Not "พื้นที่ 63 ไร่".
_POSITION = re.compile(r"(?:เมือง|ลำดับ|อันดับ|คน|อัน|แห่ง|ราย)\s*ที่\s*(\d{1,3})(?!\d)|ลำดับ\s*(\d{1,3})(?!\d)|"
                       r"\b(\d{1,3})(?:st|nd|rd|th)\s+(?:city|cities|area|areas|place|one|member|name|item|entry)\b", re.I)
# The two categories of the TSCCI ranking.
_CITY_BASED = re.compile(r"city[- ]based|ประเภทเมือง|ระดับเมือง|แบบเมือง", re.I)
_PROVINCE_BASED = re.compile(r"province[- ]based|ประเภทจังหวัด|ระดับจังหวัด|แบบจังหวัด", re.I)
# "who was third among the city-based areas": a place in a ranking, said as a word
_PLACE_WORD = re.compile(r"\b(first|second|third|fourth|fifth)\b(?!\s+(?:meeting|batch|round|time|phase|five))", re.I)
_NTH_RANKED = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_TOP_LIST = re.compile(r"\btop\s*(?:3|5|three|five)\b|\d\s*อันดับแรก", re.I)
_RANKED = re.compile(r"\b(among|ranked|ranking|index|tscci|scpri|place[d]?|(?:city|province)-based)\b", re.I)
# "มีเมืองใดบ้าง", "ขอรายชื่อ", "ชื่อทั้ง 4 โครงการ", "which areas": the names, which a count ("36 เมืองใน 25 จังหวัด") does not give.
_NAMES_ASKED = re.compile(r"(เมือง|พื้นที่|จังหวัด|โครงการ|เทศบาล|บริษัท)\s*(ใด|ไหน|อะไร)\s*(?:\S{0,16}\s*)?บ้าง|รายชื่อ|ชื่อทั้ง|"
                          r"\bwhich (?:\d{1,2} )?(cities|areas|places|provinces|projects|municipalities|companies|"
                          r"towns|districts)\b|\bnames? of\b|"
                          # "6 เมืองที่เพิ่มมามีอะไรบ้าง", "which 4 were they", "which were the other 8 cities": the
                          # things counted, by name
                          r"(?<![\d.])\d{1,2}\s*(?:เมือง|พื้นที่|โครงการ|แห่ง|จังหวัด)[^?]{0,30}?(?:อะไร|ไหน)\s*บ้าง|"
                          r"\bwhich (?:\d{1,2} )?(?:\w+ )?(?:were|are) (?:they|those|these)\b|"
                          r"\bwhich (?:were|are) the (?:other )?\d{1,2}\b|\b(?:list|name) (?:all|them|those|these|every)\b|"
                          r"\b(?:full|complete|whole) list\b", re.I)
# (number words, read as digits for the counts above: "which four were they")
_NUMBER_WORDS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(list(_NUMBER_WORDS)[2:]) + r")\b", re.I)
# "ชื่อทั้ง 4 โครงการ", "the 6 cities added": how many things the list asked for has.
_HOW_MANY_NAMED = re.compile(r"ทั้ง\s*(\d{1,2})\s*(?:โครงการ|เมือง|พื้นที่|แห่ง|ด้าน)|(?<![\d.])(\d{1,2})\s*(?:โครงการ|เมือง|พื้นที่|แห่ง)ที่|"
                             r"(?<![\d.])(\d{1,2})\s*(?:โครงการ|เมือง|พื้นที่|แห่ง)\s*ทั้งหมด|\b(?:list|name) all (?:the |of the )?(\d{1,2})\b|"
                             r"\bthe (?:other )?(\d{1,2}) (?:projects|cities|areas|places)\b|"
                             r"\bwhich (\d{1,2}) (?:\w+ )?(?:were|are) (?:they|those|these)\b",
                             re.I)
_LIST_SEP = re.compile(r",|、|ได้แก่|:|\s(?:และ|and)\s")
# "ตอนนี้ใครเป็นประธาน", "is he still the minister today?": who holds a post now, which a fact of some years ago
# does not tell (posts change hands; the sources are dated).
POST_YEARS = 3  # a fact this many years old no longer tells whether something still goes on
# A fact last checked more than this many months ago no longer tells who holds a post *now* ("ผอ.ดีป้าคนปัจจุบัน",
# "who is the president today"): posts change hands at any time, and the sources are dated; asked without "now",
# the bot still tells who held it as its sources say.
POST_NOW_MONTHS = 12
_NOW_TH = re.compile(r"ปัจจุบัน|ตอนนี้|ขณะนี้|ยัง\S*(?:\s\S*)?อยู่")  # ("ยังทำงานที่ อยู่ไหม": a name taken out)
_NOW_EN = re.compile(r"\bstill\b|\bcurrent(ly)?\b|\bnow\b|\btoday\b", re.I)
# ("is he still working at depa", "ยังทำงานที่ดีป้าอยู่ไหม": whether he holds his post now)
_POST_TH = re.compile(r"ใคร|ประธาน|ผู้อำนวยการ|รัฐมนตรี|นายก|ผู้ว่า|ตำแหน่ง|ทำงาน")
_POST_EN = re.compile(r"\bwho\b|\bminister\b|\bdirector\b|\bchair|\bwork(?:s|ing)? (?:at|for|there|in)\b|"
                      r"\bhead\b|\bmayor\b|\bgovernor\b|\bceo\b|\bpresident\b|\bin charge\b", re.I)
# "how many tourists a year", "ค่าใช้จ่ายต่อเดือน": a rate over a period, which only a fact giving a figure for that
# period answers ("50,000 boat passengers a day" is no yearly count of tourists).
_PERIODS = [(name, re.compile(p, re.I)) for name, p in [
    ("day", r"ต่อวัน|วันละ|แต่ละวัน|ทุกวัน|\bper day\b|\ba day\b|\bdaily\b|\b(each|every) day\b"),
    ("week", r"ต่อสัปดาห์|สัปดาห์ละ|อาทิตย์ละ|\bper week\b|\ba week\b|\bweekly\b|\b(each|every) week\b"),
    ("month", r"ต่อเดือน|เดือนละ|แต่ละเดือน|ทุกเดือน|\bper month\b|\ba month\b|\bmonthly\b|\b(each|every) month\b"),
    ("year", r"ต่อปี|ปีละ|แต่ละปี|ทุกปี|\bper (year|annum)\b|\ba year\b|\bannual(ly)?\b|\byearly\b|"
             r"\b(each|every) year\b"),
]]
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# A route's number ("สาย 8", "route 24"), in two (a route named in Thai and one named in English never overlap):
# the English only on text with a Latin letter.
_ROUTE_TH = re.compile(r"สาย\s*(\d+)")
_ROUTE_EN = re.compile(r"(?:\broute\b|\bline\b|\bbus\b)\s*(\d+)", re.I)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (``a|b(c|d)|e`` → ``a``, ``b(c|d)``, ``e``)."""
    out, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 1 if pattern[i + 1:i + 2] != "]" else 2  # ("[]...]": the first ] is a member)
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _needs_latin(alternative: str) -> bool:
    """Whether every match of ``alternative`` holds a Latin letter that only a Latin letter matches, even ignoring
    case (not i, k or s: "ı", "K" and "ſ" match those): it starts (after an optional ``\\b``) with such letters, or
    with a group each of whose alternatives does. Anything else is "no" (the pattern is then always tried)."""
    text = alternative[2:] if alternative.startswith("\\b") else alternative
    if text.startswith("("):
        depth, end = 0, len(text)
        for k, ch in enumerate(text):
            depth += (ch == "(") - (ch == ")")
            if depth == 0:
                end = k
                break
        inner, after = text[1:end], text[end + 1:end + 2]
        if after in ("?", "*", "{") or "\\" in inner or "[" in inner:
            return False
        inner = inner[2:] if inner.startswith("?:") else inner
        return not inner.startswith("?") and all(_needs_latin(a) for a in _alternatives(inner))
    run = re.match(r"[A-Za-z]+", text)
    if run is None:
        return False
    letters = run.group()
    if text[run.end():run.end() + 1] in ("?", "*", "{"):
        letters = letters[:-1]  # (the last letter is optional)
    return bool(set(letters.lower()) - set("iks"))


class _Cue:
    """A pattern of a question asked only whether it matches, split in two: the alternatives that need a Latin
    letter (:func:`_needs_latin`) are tried only on text with one. Most questions are Thai, and an English word
    after ``\\b`` is tried at every position of a Thai text."""

    def __init__(self, rx: re.Pattern):
        parts: dict[bool, list[str]] = {False: [], True: []}
        for alternative in _alternatives(rx.pattern):
            parts[_needs_latin(alternative)].append(alternative)
        self.always = re.compile("|".join(parts[False]), rx.flags) if parts[False] else None
        self.latin = re.compile("|".join(parts[True]), rx.flags) if parts[True] else None

    def found(self, text: str, latin: bool) -> bool:
        """Whether the pattern matches ``text`` (``latin``: whether ``text`` has a Latin letter)."""
        return bool(self.always is not None and self.always.search(text)
                    or latin and self.latin is not None and self.latin.search(text))


# re's own parser (Python 3.11 moved it from sre_parse), to read what a pattern's every match must hold.
_sre: Any = importlib.import_module("re._parser" if hasattr(re, "_parser") else "sre_parse")
# Text of which each character is ASCII or Thai: a case-insensitive match in it is a match in its lower case
# (no "ſ", "K" or dotted İ there, which case-fold to s, k and i).
_PLAIN = re.compile(r"[\x00-\x7f\u0e00-\u0e7f]*")


def _needed(items: Any) -> frozenset[str] | None:
    """Strings (lower case) one of which every match of the parsed pattern ``items`` holds, or None when none
    is known: the first run of plain letters it must match, or the union of each alternative's."""
    items = list(items)
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is _sre.LITERAL:
            run = []
            while i < len(items) and items[i][0] is _sre.LITERAL and _PLAIN.fullmatch(chr(items[i][1])):
                run.append(chr(items[i][1]))
                i += 1
            if run:
                return frozenset({"".join(run).lower()})
        elif op is _sre.BRANCH:
            each = [_needed(b) for b in av[1]]
            if all(e is not None for e in each):
                return frozenset().union(*each)  # type: ignore[arg-type]
        elif op is _sre.SUBPATTERN:
            inner = _needed(av[-1])
            if inner is not None:
                return inner
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            inner = _needed(av[2])
            if inner is not None:
                return inner
        # (anything else, an anchor, a lookaround, a class, something optional, holds no string known: the next)
        i += 1
    return None


def _needed_in(rx: re.Pattern | None) -> frozenset[str] | None:
    if rx is None:
        return None
    try:
        return _needed(_sre.parse(rx.pattern, rx.flags))
    except Exception:  # (a parser that reads otherwise: the pattern is simply always tried)
        return None


class _Cues:
    """Many cues tried on one question, of which few match: each cue is tried only when the question holds one
    of the strings every match of it holds (looked for at once, as plain substrings), so the answers are those
    of trying each cue (:meth:`_Cue.found`), at a fraction of the searches."""

    def __init__(self, cues: list[_Cue]):
        self.cues = cues
        self.needs = [(_needed_in(c.always), _needed_in(c.latin)) for c in cues]
        by_string: dict[str, list[int]] = {}
        for k, pair in enumerate(self.needs):
            for needs in pair:
                for x in needs or ():
                    by_string.setdefault(x, []).append(k)
        self._by_string = {x: tuple(ks) for x, ks in by_string.items()}
        # the strings by their first two characters (or their one): a question is read once, position by position
        by_start: dict[str, list[str]] = {}
        for x in sorted(by_string):
            by_start.setdefault(x[:2], []).append(x)
        self._by_start = {start: tuple(xs) for start, xs in by_start.items()}
        # (a cue with a part of which no string is known is always tried)
        self._always = [k for k, (c, (always, in_latin)) in enumerate(zip(cues, self.needs))
                        if c.always is not None and always is None or c.latin is not None and in_latin is None]

    def found(self, text: str, latin: bool) -> list[bool]:
        """For each cue, whether it matches ``text`` (``latin``: whether ``text`` has a Latin letter)."""
        if not _PLAIN.fullmatch(text):
            return [cue.found(text, latin) for cue in self.cues]
        folded = text.lower()
        tried = set(self._always)
        by_start, by_string = self._by_start, self._by_string
        for i in range(len(folded)):
            for start in (folded[i], folded[i:i + 2]):
                for x in by_start.get(start, ()):
                    if folded.startswith(x, i):
                        tried.update(by_string[x])
        out = [False] * len(self.cues)
        for k in tried:
            out[k] = self.cues[k].found(text, latin)
        return out




# Alternatives of which a thing is one, by kind: a yes/no question claiming one ("did he chair it?", "the depa
# director for the southern region?", "a new city type?") against a fact that states another of the same kind and
# not it ("acted as the secretary", "the northeastern region", "an existing livable city") is a no
# (knowledge/polarity.py); a question asking for the one of a role or region ("who was the secretary", "ผอ.ดีป้า
# ภาคอีสาน") is not answered by a fact about another.
ALTERNATIVES: dict[str, dict[str, re.Pattern]] = {
    # a role at a meeting or in a committee ("president" is a post, not a chair: "the depa president")
    "role": {"chair": re.compile(r"\bchair(?:s|ed|ing|man|woman|person)?\b|\bpresid(?:ed|es|ing)\b|ประธาน", re.I),
             "secretary": re.compile(r"\bsecretary\b|เลขา(?!ธิการ)", re.I)},
    # a region of the country (the northeast before the north and the east: "northeastern" says neither)
    "region": {"northeast": re.compile(r"\bnorth[- ]?east|อีสาน|ตะวันออกเฉียงเหนือ", re.I),
               "north": re.compile(r"\bnorth(?:ern)?\b(?![- ]?east)|ภาคเหนือ", re.I),
               "south": re.compile(r"\bsouth(?:ern)?\b(?![- ]?(?:east|west))|ภาคใต้", re.I),
               "east": re.compile(r"(?<![-\w])east(?:ern)?\b|ภาคตะวันออก(?!เฉียง)", re.I),
               "central": re.compile(r"\bcentral\b|ภาคกลาง", re.I)},
    # the two types of smart city an applicant applies under
    "city type": {"new": re.compile(r"\bnew(?:\s+modern)?\s+city\b|เมืองใหม่", re.I),
                  "existing": re.compile(r"\bexisting\b|\blivable\b|\bliveable\b|เมืองเดิม|เมืองน่าอยู่", re.I)},
    # when a member joined a network: among its first members, or added to them later ("ตั้งแต่แรกไหม" /
    # "ได้รับการเสนอเป็นสมาชิกเพิ่มเติม")
    "membership": {"first": re.compile(r"(?:เป็นสมาชิก|เครือข่าย|\bASCN\b)\S*\s*(?:\S+\s*){0,3}?(?:ตั้งแต่แรก|ช่วงแรก|"
                                       r"รุ่นแรก)|(?:ช่วงแรก|รุ่นแรก|ตั้งแต่แรก)\S{0,12}(?:มี|ของ)|"
                                       r"\b(?:first|original|founding|initial)\s+(?:[a-z]+\s+){0,5}?members?\b", re.I),
                   "added": re.compile(r"สมาชิกเพิ่มเติม|\badditional members?\b|\bmembers? added\b", re.I)},
    # how much land an area covers: a whole province, or a part of one (a district, a town, a neighbourhood)
    "scope": {"province": re.compile(r"ทั้ง(?:จังหวัด|กรุงเทพ|กทม)|ระดับจังหวัด|ประเภทจังหวัด|เป็นจังหวัด(?=\s*(?:ใช่|ไหม|มั้ย|ป่ะ|"
                                     r"ปะ|ป่าว|หรือ|รึ|เหรอ|หรอ|เลย|$))|\b(?:whole|entire|all) (?:of )?(?:the )?(?:[a-z]+ )?"
                                     r"(?:province|bangkok)\b|\bprovince[- ](?:wide|based)\b|\ba province\s*\?", re.I),
              "part": re.compile(r"อำเภอ|(?:^|(?<=\s))อ\.\s*[\u0e00-\u0e7f]|ตำบล|ตัวเมือง|เขตเมือง|ประเภทเมือง|(?:แค่|เฉพาะ)(?:ใน)?(?:ตัว)?เมือง|"
                                 r"\bdistrict\b|\bcity[- ]based\b|\b(?:only|just) (?:the )?(?:city|town)\b", re.I)},
}


_NAME_ASKED = re.compile(r"ชื่อ|\bnamed?\b", re.I)  # "ผอ.ภาคอีสานชื่ออะไร": who holds the post, by name


@lru_cache(maxsize=4096)
def alternatives_in(kind: str, text: str) -> frozenset[str]:
    """The alternatives of ``kind`` (:data:`ALTERNATIVES`) that ``text`` names; kept by text, since the same
    question is checked against many facts and the same facts' answers against many questions."""
    return frozenset(k for k, rx in ALTERNATIVES[kind].items() if rx.search(text))


def _another_alternative(question: str, fact: Fact, post: bool) -> str | None:
    """The kind of :data:`ALTERNATIVES` of which the question asks for one and ``fact`` tells only of another
    ("who was the secretary" / who chaired it); for a post of a region ("ผอ.ดีป้าภาคอีสาน", ``post``), also a fact
    that names no region (the president of all of depa; not "what did depa's northeastern director say")."""
    answer = fact.answer_text()
    for kind in ("role", "region"):
        asked = alternatives_in(kind, question)
        if not asked:
            continue
        stated = alternatives_in(kind, answer)
        if stated and not asked & stated or kind == "region" and post and not stated:
            return kind
    return None


# A message's best facts are checked against the same question, and the same facts against many questions:
# what each side says is read once (per question, per fact text) rather than some twenty searches a check.
_CACHE = 4096


@lru_cache(maxsize=4 * _CACHE)
def _has(rx: re.Pattern, text: str) -> bool:
    return rx.search(text) is not None


@lru_cache(maxsize=_CACHE)
def _text_years(text: str) -> frozenset[int]:
    """The years (CE) ``text`` names, BE or CE."""
    return frozenset(int(y) - 543 if int(y) > 2400 else int(y) for y in _YEAR.findall(text))


def _latest_year(text: str) -> int:
    return max(_text_years(text), default=0)


def _months_since(fact: Fact, text: str, today: date) -> int:
    """Months from the latest time a fact tells of (its date or as-of, to the month; a year its texts name, to
    that year's end) to ``today``."""
    latest = max([int(d[:4]) * 12 + (int(d[5:7]) if len(d) >= 7 and d[5:7].isdigit() else 12)
                  for d in (fact.date, fact.as_of) if d and d[:4].isdigit()]
                 + [y * 12 + 12 for y in _text_years(text)], default=0)
    return today.year * 12 + today.month - latest


def _years_of(fact: Fact, text: str) -> set[int]:
    """The years (CE) a fact tells of: its date, its as-of, and the years its texts name (BE or CE)."""
    return {int(d[:4]) for d in (fact.date, fact.as_of) if d} | _text_years(text)


# The year of an index a fact tells of, "TSCCI 2023", "ดัชนี TSCCI ประจำปี 2566" (not the year its results came
# out, "released June 2024"): a year a question names is that index's ("who topped TSCCI 2024", its name removed,
# is no question about the 2023 index released in 2024), unless it asks about the release.
_INDEX_YEAR = re.compile(r"(?:\btscci\b|ดัชนี)[^\d]{0,30}?((?:25|20)\d\d)(?!\d)", re.I)
_RELEASE = re.compile(r"ประกาศ|เผยแพร่|\breleas|\bannounc|\bpublish|\bcom(e|ing) out\b", re.I)


@lru_cache(maxsize=_CACHE)
def _index_years(text: str) -> frozenset[int]:
    """The years (CE) of the indexes ``text`` names, BE or CE."""
    return frozenset(int(y) - 543 if int(y) > 2400 else int(y) for y in _INDEX_YEAR.findall(text))


# "the 2026 index", "2025 ranking": the year said before the index
_YEAR_INDEX = re.compile(r"(?<!\d)((?:25|20)\d\d)(?:'s)?\s*(?:tscci|index|ranking|rankings)\b", re.I)


@lru_cache(maxsize=_CACHE)
def _index_years_before(text: str) -> frozenset[int]:
    return frozenset(int(y) - 543 if int(y) > 2400 else int(y) for y in _YEAR_INDEX.findall(text))


def index_years(text: str) -> frozenset[int]:
    """The years (CE) of the indexes ``text`` names ("TSCCI 2023", "ดัชนี TSCCI ประจำปี 2566")."""
    return _index_years(text)


# A meeting's number and year, "ครั้งที่ 1/2562", "meeting 2/2563" (BE): which meeting a question is about.
_MEETING_NO = re.compile(r"(?<![\d/.])(\d{1,2})\s*/\s*(25\d\d)(?![\d/])")


@lru_cache(maxsize=_CACHE)
def _meetings(text: str) -> frozenset[str]:
    return frozenset(f"{int(n)}/{y}" for n, y in _MEETING_NO.findall(text))


@lru_cache(maxsize=_CACHE)
def _routes(text: str) -> frozenset[str]:
    """The route numbers ``text`` names."""
    found = _ROUTE_TH.findall(text)
    if has_latin(text):
        found += _ROUTE_EN.findall(text)
    return frozenset(found)


@lru_cache(maxsize=_CACHE)
def _names_a_list(answer: str, named: bool = False) -> bool:
    """True when ``answer`` names two or more things in a list ("Rama 4, Makkasan, ..."), not only counts
    ("5 แห่ง (พ.ค. 2564) เป็น 15, 30 (พ.ย. 2565)"). ``named``: things by their names (in English, each with a
    capital), as "which municipalities" asks."""
    if named and not re.search(r"[\u0e01-\u0e5b]", answer):
        parts = (_ASIDE_PAREN.sub("", part) for part in _LIST_SEP.split(answer))
        return sum(1 for part in parts if _NAMED.search(part) and len(part.split()) <= 6
                   and not any(ch.isdigit() for ch in part)) >= 2
    return sum(1 for part in _LIST_SEP.split(answer) if part.strip() and not any(ch.isdigit() for ch in part)) >= 2


# An English list item names something in a few words, one of them capitalised ("Makkasan", "with Si Racha"):
# not the verbs of a sentence that goes on ("set up to develop, run and collect revenue from the Khon Kaen...").
_NAMED = re.compile(r"\b[A-Z]")
_ASIDE_PAREN = re.compile(r"\([^)]*\)")


def _states_position(text: str, n: int) -> bool:
    """True when ``text`` states the place ``n`` ("อันดับ 3", "ลำดับที่ 15", "15th", "second")."""
    word = _ORDINAL_WORDS[n - 1] if 0 < n <= len(_ORDINAL_WORDS) else None
    return bool(re.search(rf"((?<!พื้น)ที่|อันดับ|ลำดับ)\s*{n}(?!\d)|\b{n}(st|nd|rd|th)\b", text, re.I)
                or (word and re.search(rf"\b{word}\b", text, re.I)))


class _Asks(NamedTuple):
    """What a question asks for, as far as :func:`why_not` checks it."""

    needs: tuple[tuple[str, re.Pattern], ...]  # (what, what an answering fact must say), in the order of _NEEDS
    names: bool
    position: int | None
    post_now: bool
    money: bool
    to_come: bool
    routes: frozenset[str]
    listed: str | None  # the number of things asked for by name ("ขอชื่อทั้ง 4 โครงการ")
    post: bool  # asks about a post (chair, governor...)
    periods: tuple[tuple[str, re.Pattern], ...]  # "a year", "per day": the figure asked is per this period
    systems: tuple[tuple[str, re.Pattern], ...]  # the lookalike-prone systems it names (see _SYSTEMS)
    meetings: frozenset[str]  # the meeting numbers it names ("1/2562")
    will: bool  # it asks about what will be ("when will it reopen")
    position_word: bool  # the place is asked as a word ("third"): an ordered top list gives it too
    foreign: bool  # it names another country ("Vietnam's smart cities"): the facts are about Thailand's
    now: bool  # it asks for a figure now, not a target ("GDP per head today")


# What _asks reads of a question, as _Cue (the patterns themselves stay for reading facts).
_NEEDS_ASKED = [(name, _Cue(asks), says) for name, asks, says in _NEEDS]
_NEEDS_CUES = _Cues([cue for _, cue, _ in _NEEDS_ASKED])
#: What why_not says of a fact that does not state the thing asked for (a fare, a chair, kinds): a nearer fact
#: that fails so tells nothing of whether one further down states it.
#: (Not a logo holder or an overall rank, which no source gives: a fact further down that uses their words, "holds
#: the logo", "ranked", tells something else.)
NEED_REASONS = frozenset(f"it gives no {name}" for name, _, _ in _NEEDS if name not in ("logo holder", "overall rank"))
_NAMES_ASKED_CUE, _NEXT_CUE = _Cue(_NAMES_ASKED), _Cue(_NEXT)
_PERIODS_ASKED = [(name, _Cue(rx), rx) for name, rx in _PERIODS]
# What a fact may name a system by, where it has more names than a question's: "รถรางขอนแก่นมีกี่สถานี" asks
# about the light rail too ("รถราง" is what many people call the light rail, which is built as a tram).
_SYSTEMS_SAID = {"tram": re.compile(r"รถราง|แทรม|รางเบา|\btrams?\b|\blight rail\b|\blrt\b", re.I)}
_SYSTEMS_ASKED = [(name, _Cue(rx), _SYSTEMS_SAID.get(name, rx)) for name, rx in _SYSTEMS]

# A count of those added (a year's batch, a round, new ones), and what a fact must say to give one.
_ADDED_ASKED = re.compile(r"ใหม่|เพิ่ม|ชุด(?!นั้น|นี้)|(?<!ค)รอบ(?!นั้น|นี้)|\b(new|more|batch|round|added|additional)\b|"
                          r"\b(approved|certified|endorsed|added) in (19|20)\d\d\b|(อนุมัติ|เห็นชอบ)\S{0,4}(ปี|ใน)", re.I)
_ADDED_SAID = re.compile(r"เพิ่ม(?!จาก)|ใหม่|ชุด|(?<!ค)รอบ|กลุ่มแรก|นำร่อง|ต่ออายุ|"
                         r"\b(more|new|batch|round|added|further|first|pilot|renew\w*)\b", re.I)
# ...of which these tell only of the first ones, not of any added to them
_FIRST_ONES = re.compile(r"กลุ่มแรก|นำร่อง|first|pilot", re.I)


def _says_added(text: str) -> bool:
    """Whether ``text`` tells of areas added (a word of :data:`_ADDED_SAID` besides "นำร่อง", "first")."""
    return any(not _FIRST_ONES.fullmatch(m.group(0)) for m in _ADDED_SAID.finditer(text))


# A span of years ("2564–2565", "2021-2022"), which names no one year of it on its own.
_SPAN = re.compile(r"(?<!\d)(?:19|20|25)\d\d\s*[–-]\s*(?:(?:19|20|25)\d\d|\d\d)(?!\d)")
# ...unless a total is asked as well ("รวมเป็นกี่เมือง", "and the total so far").
_TOTAL_ASKED = re.compile(r"รวม|ทั้งหมด|สะสม|\b(total|in all|altogether|so far|overall)\b", re.I)
_SCRIPTS_MEET = re.compile(r"(?<=[a-z0-9])(?=[\u0e01-\u0e5b])|(?<=[\u0e01-\u0e5b])(?=[a-z])", re.I)
# Other countries by name (not "ASEAN", which facts name; not อังกฤษ, which is also "English"; not the จีน of
# ปราจีนบุรี).
_FOREIGN = re.compile(r"\b(vietnam(?:ese)?|singapore(?:an)?|malaysian?|indonesian?|japan(?:ese)?|china|chinese|"
                      r"korean?|india|indian|laos|cambodian?|myanmar|burmese|philippines|filipino|europe(?:an)?|"
                      r"america|american|usa|britain|british|england|france|french|germany|german|australian?)\b|"
                      r"เวียดนาม|สิงคโปร์|มาเลเซีย|อินโดนีเซีย|ญี่ปุ่น|(?<!ปรา)จีน(?!บุรี)|เกาหลี|อินเดีย|กัมพูชา|เขมร|"
                      r"เมียนมา|พม่า|ฟิลิปปินส์|ยุโรป|อเมริกา|ฝรั่งเศส|เยอรมัน|ออสเตรเลีย", re.I)
_ASIDE = re.compile(r"นอกจาก|นอกเหนือจาก|ยกเว้น|\b(besides|except|apart from|other than|aside from)\b", re.I)


@lru_cache(maxsize=_CACHE)
def _asks(question: str) -> _Asks:
    # (an English word written against Thai, "ceoของkktt", is still a word: \b needs a space to see it)
    question = _SCRIPTS_MEET.sub(" ", question)
    # (counts in words read as figures for the names asked: "which four were they"; not for a place, "first five")
    counted = _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(1).casefold()], question)
    position = _POSITION.search(question)
    nth = False
    if position is None and _RANKED.search(question):
        position = _NTH_RANKED.search(question)  # "who was 2nd province-based in the index"
        nth = position is not None  # (as a word: "2nd" is "second", which an ordered top list gives too)
    place_word = _PLACE_WORD.search(question) if position is None and _RANKED.search(question) else None
    many = _HOW_MANY_NAMED.search(counted)
    latin = has_latin(question)
    post = bool(_POST_TH.search(question) or latin and _POST_EN.search(question))
    # ("besides the president, who else attended": the head is what the question sets aside, not what it asks)
    aside = _ASIDE.search(question) is not None
    return _Asks(tuple((name, says) for (name, _, says), asked in zip(_NEEDS_ASKED, _NEEDS_CUES.found(question, latin))
                       if asked and not (aside and name == "head")),
                 _NAMES_ASKED_CUE.found(counted, latin),
                 int(next(g for g in position.groups() if g)) if position else
                 _ORDINAL_WORDS.index(place_word.group(1).casefold()) + 1 if place_word else None,
                 bool(_NOW_TH.search(question) or latin and _NOW_EN.search(question)) and post,
                 bool(_MONEY_ASKED_TH.search(question) or latin and _MONEY_ASKED_EN.search(question)),
                 _NEXT_CUE.found(question, latin), _routes(question),
                 next(g for g in many.groups() if g) if many else None, post,
                 tuple((period, rx) for period, cue, rx in _PERIODS_ASKED if cue.found(question, latin)),
                 tuple((name, rx) for name, cue, rx in _SYSTEMS_ASKED if cue.found(question, latin)),
                 _meetings(question), _WILL.search(question) is not None, place_word is not None or nth,
                 _FOREIGN.search(question) is not None,
                 _NOW_FIGURE.search(question) is not None and not _TARGET_ASKED.search(question))


# A target, a plan or what is to come, asked: "ตั้งเป้ากี่เมือง", "จะมีกี่เมือง", "planned", "by 2027".
_TARGET_ASKED = re.compile(r"เป้า|แผน|จะ|ภายใน|อยาก|ตั้งใจ|อนาคต|\b(target\w*|goals?|aim\w*|plan\w*|will|wants?|intend\w*|"
                           r"ambition|future|by 20\d\d)\b|\d{3}", re.I)
_CITIES_COUNTED = re.compile(r"เมือง|พื้นที่|\b(cit(?:y|ies)|areas?)\b", re.I)


def held_then(question: str, fact: Fact, years: frozenset[int] = frozenset(), today: date | None = None) -> bool:
    """Whether ``question`` asks who holds a post *now* and ``fact`` was last checked over
    :data:`POST_NOW_MONTHS` ago: the bot says it cannot tell who holds it today and gives who held it then."""
    today = today or date.today()
    # (not "was the May 2020 meeting still chaired by Prajin?": "still", then, in a year gone by)
    return _asks(question).post_now and not (years and max(years) < today.year) \
        and _months_since(fact, fact.text(), today) > POST_NOW_MONTHS


def why_not(question: str, fact: Fact, kind: str | None, today: date | None = None,
            years: frozenset[int] = frozenset(), staff: bool = False, yes_no: bool = False) -> str | None:
    """Why ``fact`` cannot answer ``question`` (normalised, its names removed; ``kind`` its question type;
    ``years`` the years it names, CE), or None when nothing rules it out. ``staff``: an entry staff wrote,
    whose questions say what its answer is about too ("ค่าโดยสารรถสาย 8" answered "15 บาทตลอดสาย" gives a
    fare), where a curated fact's many phrasings may ask for more than its answer holds. ``yes_no``: the
    question asks for a yes or a no (a fact of another year may then answer it: "no, in 2021")."""
    asks = _asks(question)
    if asks.foreign and not _FOREIGN.search(fact.text(questions=staff)):
        return "it is about another country"  # "how many smart cities does Vietnam have" / Thailand's count
    if asks.meetings and not asks.meetings & _meetings(fact.text()):
        return "it is about another meeting"  # "ครั้งที่ 1/2562" / the meeting 2/2564 (whose date is not given)
    if kind is not None and kind in fact.unknown:
        return None  # the fact says the sources do not give it: the bot says so (bot/dialogue/)
    text = fact.text(questions=staff)
    for name, says in asks.needs:
        if not _has(says, fact.answer_text() if name in _SAID_IN_ANSWER and not staff else text):
            return f"it gives no {name}"
        if name == "decision" and not fact.date and not staff:
            return "it gives no decision"  # (what a body does in general, "acknowledges what was approved", is none)
    for name, rx in asks.systems:
        if not _has(rx, text):
            return f"it is not about the {name}"
    if not yes_no:
        other = _another_alternative(question, fact, asks.post and (kind == "who" or _NAME_ASKED.search(question) is not None))
        if other is not None:
            return f"it tells of another {other}"
    if asks.names and not any(_names_a_list(a, named=True) for a in (fact.answer.th, fact.answer.en)):
        return "it names no list"
    if asks.listed is not None and (asks.names or kind == "list") and asks.listed not in re.findall(r"\d+", text):
        return "it names a list of another length"  # "ขอชื่อทั้ง 4 โครงการ" / a project with its 2 partners
    for asked_rx, other_rx in ((_CITY_BASED, _PROVINCE_BASED), (_PROVINCE_BASED, _CITY_BASED)):
        if asked_rx.search(question) and not other_rx.search(question) and other_rx.search(fact.answer_text()) \
                and not asked_rx.search(fact.answer_text()):
            return "it ranks the other category"  # "third among city-based" / third among province-based
    # (in what it answers: a detail that says "the 15th area is not named in the sources" gives no 15th; the
    # question is then one the sources leave open)
    if asks.position is not None and not _states_position(fact.answer_text() if not staff else text, asks.position) \
            and not (
            asks.position_word and _TOP_LIST.search(text)):
        return "it gives no such place in a list"
    if fact.intent == "targets" and fact.aspect == "target" and kind == "how_many" and not staff \
            and _CITIES_COUNTED.search(question) and not _TARGET_ASKED.search(question):
        # "how many smart cities does Thailand have": how many there are, not how many are planned
        return "it gives a target, not a count"
    if asks.post_now and max(_years_of(fact, text), default=0) < (today or date.today()).year - POST_YEARS:
        return "it tells who held the post then, not now"
    if yes_no and not staff and _has(_STILL, question) and not _has(_ENDED, text) \
            and max(_years_of(fact, text), default=0) < (today or date.today()).year - POST_YEARS:
        return "it does not tell whether it still is"  # "is the sandbox still running" / its start in 2021
    if yes_no and not staff and asks.will and years and min(years) >= (today or date.today()).year \
            and not years & _years_of(fact, text) and not _CLAIM_CHECKED.search(question):
        # (not a year claimed, "จะปิดปี 2580 ใช่ไหม": a fact of the year planned says no)
        return "it tells of another year"  # "will Khon Kaen host the expo in 2026?" / the 2018 expo, the 2028 rail
    if yes_no and not staff and _PREDICTION.search(question) and not _TARGET_ASKED_NOW.search(question) \
            and not _HEARD.search(question) \
            and (_EXPECTED.search(fact.answer_text()) or asks.will or _ON_TRACK.search(question)
                 or years and max(years) >= (today or date.today()).year):
        # "ปี 2570 จะได้ถึง 105 เมืองจริงมั้ย", "is Thailand on track to hit it" / the target, or what was expected:
        # a plan says nothing of whether it comes true
        return "it tells of a plan, not whether it comes true"
    if kind == "how_much" and years and not years & _years_of(fact, text):
        return "it gives the sum of another year"
    if years and not staff and not _has(_RELEASE, question):
        index_years = _index_years(fact.text())
        if index_years and not years & index_years:
            return "it is about another year's index"  # "TSCCI 2024" / the 2023 index (released in 2024)
        asked_index = _index_years(question) | _index_years_before(question)
        span = _event_years(fact)
        if asked_index and not index_years and not (span and any(span[0] <= y <= span[1] for y in asked_index)):
            return "it is about no index of that year"  # "and the 2026 index?" / what the indexes are
    if years and not yes_no and not staff and _other_years(fact, years):
        # "ดัชนีปี 2565 ใครได้ที่ 1" / the 2023 index; "when is the 2026 expo" / the 2018 expo
        return "it tells of another year"
    if kind == "who" and years and asks.post and \
            not years & _years_of(fact, fact.answer_text()):
        # "who chaired it in 2018" / the chair of 2023-24 (whose detail names earlier chairs, not its answer)
        return "it tells who held the post in another year"
    if kind == "how_many" and _ADDED_ASKED.search(question) and not _TOTAL_ASKED.search(question) \
            and not _ADDED_SAID.search(text):
        # "ปี 65 มีเมืองใหม่กี่เมือง", "how many were approved in 2022": those added, which a running total is not
        return "it gives a running total, not those added"
    if kind in ("list", "where") and fact.intent == "list_cities" and _ADDED_ASKED.search(question) \
            and not _TOTAL_ASKED.search(question) and not _says_added(fact.answer_text()):
        # "ปี 68 มีพื้นที่ไหนได้ตราใหม่บ้าง": the areas added then, which the list of all and the first five is not
        return "it lists them all, not those added"
    if kind == "how_many" and years and not yes_no and not staff and fact.date and int(fact.date[:4]) not in years \
            and _ADDED_ASKED.search(question) and not years & _text_years(_SPAN.sub(" ", fact.answer_text())):
        # "ปี 65 อนุมัติเพิ่มกี่เมือง": a count told in another year that names 2022 only in a span ("30 in
        # 2021-2022 plus 6 in 2023", said in July 2023) gives no count added that year
        return "it gives no count added that year"
    if kind in ("how_many", "how_much"):
        for period, rx in asks.periods:
            if not _has(rx, text):
                return f"it gives no figure per {period}"
    if kind == "how_many" and not staff:
        unit = _CLASSIFIER_ASKED.search(question)
        if unit is not None and not re.search(r"(?:\d|" + _THAI_DIGIT_WORDS + r")\s*" + unit.group(1), text):
            return "it gives no count of those"  # "ติดตามเรือไปกี่ลำ" / "47 tourists died": no count of boats
    if kind == "how_many" and not staff and not _COUNT_SAID.search(fact.answer_text()) and not _COUNT_SAID.search(text):
        return "it gives no count"  # "how many air sensors" / that the area uses air sensors
    if kind == "when" and not fact.date and not _has(_DATED, text):
        return "it gives no date"
    # (a sum asked as "เท่าไหร่" is left to the money check; sources that differ tell how many versions there are)
    if kind == "how_many" and not yes_no and not staff and not asks.money and not _A_COUNT.search(_NO_COUNT.sub(" ", text)) \
            and not _has(_DIFFERING, text):
        return "it gives no count"  # "how many sensors are there" / "it uses air-quality sensors"
    if kind == "why" and _WHY.search(question) and not staff and not _has(_REASON, text):
        return "it gives no reason"  # "why did the bus stop running" / the day it stopped
    if kind == "why" and _WHY.search(question) and not staff and _has(_UNEXPLAINED, fact.answer_text()) \
            and not _has(_DIFFERENCE_ASKED, question):
        return "it says no source gives the reason"  # "why did the province count drop" / "not explained"
    if kind == "how_many" and years and not staff and not yes_no and _event_years(fact) is None \
            and not (fact.as_of and int(fact.as_of[:4]) in years):
        return "it gives no count of that year"  # "how many applications in 2024" / how one applies
    if kind == "when" and asks.will and not staff and not _has(_PLANNED, fact.answer_text()) \
            and max(_years_of(fact, text), default=0) < (today or date.today()).year:
        # (the plan must be what its answer tells: a detail saying no plan was found is none)
        return "it tells of the past, not when it will be"
    if asks.now and not yes_no and not staff and _TARGET_LEAD.search(fact.answer.en):
        return "it gives a target, not the figure now"  # "GDP per head today" / the programme's target for 2029
    if (kind in ("how_much", "how_many") and asks.money or kind == "how_many" and _MONEY_COUNTED.search(question)) \
            and not _has(_MONEY, text):
        # ("ซื้อมาเท่าไหร่", "ค่าก่อสร้างเท่าไหร่" read as a count: a sum of money still, which an index score is not)
        return "it gives no sum of money"
    # ("who will be the next president", "งบปีนี้เท่าไหร่": not the sum of some years ago)
    if asks.to_come and kind in ("when", "who", "how_much", "how_many", "list", None):
        year = (today or date.today()).year
        if _latest_year(text) < year:
            return "it gives no date to come"
    stated_routes = _routes(text)
    if asks.routes and stated_routes and not asks.routes & stated_routes:
        return "it is about another route"
    return None


def _event_years(fact: Fact) -> tuple[int, int] | None:
    """The first and last year (CE) a fact tells of: its date and the years its answer names (not when it was
    checked, nor the history its detail adds); None when it names none."""
    found = _text_years(fact.answer_text()) | ({int(fact.date[:4])} if fact.date else set())
    return (min(found), max(found)) if found else None


def _other_years(fact: Fact, years: frozenset[int]) -> bool:
    """True when ``fact`` tells of years and none of ``years`` is among them or between them ("2561–2565"
    holds 2563)."""
    span = _event_years(fact)
    return span is not None and not any(span[0] <= y <= span[1] for y in years)


def uncovered(words: list[str], fact: Fact) -> list[str]:
    """The ``words`` (a question's distinctive words, normalised) that none of the fact's texts mention: an
    English word by its :func:`stem` ("renewal" / "renewed"), a Thai word anywhere in the text."""
    return unmentioned(words, fact.text(questions=True).casefold())


def unstated(words: list[str], fact: Fact) -> list[str]:
    """The ``words`` the fact's answer and detail do not mention: what a count question counts must be in what
    the fact says ("กี่คัน" is not answered by the bus's hours, though one of its phrasings says "คันแรก")."""
    return unmentioned(words, fact.text().casefold())


_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "y", "al")


@lru_cache(maxsize=_CACHE)
def stem(word: str) -> str:
    """What ``word`` is looked for by in a text: a Thai word whole; an English word without one ending, at most
    its first six letters ("renewal" and "renewed": "renew"; "apply": "appl", as in "applicant"; "startups":
    "startu", which "started" does not have)."""
    if not word.isascii():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[:-len(suffix)]
            break
    return word[:6]


def unmentioned(words: list[str], text: str) -> list[str]:
    """The ``words`` that ``text`` (a fact's texts, casefolded) does not mention (see :func:`uncovered`)."""
    return [w for w in words if not mentions(text, w)]


def mentions(text: str, word: str) -> bool:
    """Whether ``text`` (casefolded) mentions ``word`` by its :func:`stem`. A plural noun is not mentioned by a
    verb that doubles the stem's last letter ("bus stops" / "stopped service", "plans" / "planned"): the same
    letters, another word."""
    found = stem(word)
    if found not in text:
        # ("short-term" is "short term" in a normalised text)
        return "-" in word and mentions(text, word.replace("-", " "))
    if not (word.isascii() and _PLURAL_OF_CVC.search(word)):
        return True
    return re.search(re.escape(found) + r"(?!" + re.escape(found[-1]) + r"(?:ed|ing|er)\b)", text) is not None


# A plural whose stem ends in one consonant after one vowel ("stops", "plans"): its verb forms double it.
_PLURAL_OF_CVC = re.compile(r"[^aeiou][aeiou][b-df-hj-np-tv-z]s$")


def asks_to_come(question: str) -> bool:
    """True when ``question`` asks about something still to come ("the next expo", "ปีหน้า")."""
    return _asks(question).to_come


_COUNT_FILLER = frozenset("of the a an different separate more".split())
# Units and classifiers that facts say in other words ("how many people died" / "47 tourists died", "กี่คน" /
# "50,000 ราย"): what follows them is no longer what is counted.
_COUNT_UNITS = frozenset("people persons person times years months days hours "
                         "คน ท่าน ราย ครั้ง ปี เดือน วัน ชั่วโมง แห่ง ที่ อัน ตัว "
                         # units of length: "กี่กิโลเมตร" asks a length (the "length" need), which "22.8 กม." gives
                         # (not of area: "กี่ตารางกิโลเมตร" counts a size few facts give, and must be said)
                         "กิโลเมตร กม km kilometres kilometers kilometre kilometer".split())


# Thai classifiers: what is counted is named before them ("กล้องกี่ตัว"), and verbs that may stand there instead.
_CLASSIFIERS = frozenset("ตัว อัน คัน แห่ง ที่ จุด เครื่อง หลัง ลำ ต้น ชิ้น".split())  # ("สวนสาธารณะกี่ที่": parks)
_WORD = re.compile(r"[a-z\u0e01-\u0e4e]{2,}")
_COUNT_VERBS = frozenset("มี ได้ ใช้ ติดตั้ง ทำ เป็น ไป มา อยู่".split())
# Words after a verb that tell it is done ("ติดตั้งไปกี่ตัว", "สร้างมากี่แห่ง"), not what is counted.
_COUNT_AUX_TH = frozenset("ไป มา ไว้ แล้ว".split())
# Words between what is counted and "กี่" that count nothing ("กล้องทั้งหมดกี่ตัว", "รถรวมกี่คัน").
_COUNT_FILLER_TH = frozenset("ทั้งหมด รวม รวมทั้งหมด ทั้งสิ้น ด้วยกัน".split())
# ...and words of time that end what is counted ("ถึงตอนนั้นรวมทั้งหมดกี่แห่ง" counts areas, not "then").
_COUNT_WHEN_TH = frozenset("ตอนนั้น ตอนนี้ ขณะนั้น ขณะนี้ นั้น นี้ ถึง แล้ว ปัจจุบัน ล่าสุด ทั้ง".split())


def counted_words(tokens: list[str]) -> list[str]:
    """What a count question counts: the words after "how many" (up to two, up to a unit) or the word after
    "กี่" ("how many bts stops" → ["bts", "stops"]; "มีกี่สถานี" → ["สถานี"]; "how many people" → [])."""
    out: list[str] = []
    low = [t.casefold() for t in tokens]
    for i, t in enumerate(low):
        if t == "กี่" and i + 1 < len(low) and low[i + 1] not in _COUNT_UNITS:
            out.append(low[i + 1])
        elif t == "กี่" and i + 1 < len(low) and low[i + 1] in _CLASSIFIERS:
            # "มีกล้องวงจรปิดกี่ตัว" counts cameras: the word before the classifier ("กล้อง cctv ทั้งหมดกี่ตัว": the
            # words before "in all", up to two, up to a verb)
            taken = 0
            for w in reversed(low[max(0, i - 5):i]):
                if w in _COUNT_FILLER_TH or not taken and w in _COUNT_AUX_TH:
                    continue  # ("ติดกล้องไปกี่ตัวแล้ว": the cameras, not the "ไป" of having put them up)
                if w in _COUNT_VERBS or w in _COUNT_WHEN_TH or not _WORD.fullmatch(w) or taken == 2:
                    break
                out.append(w)
                taken += 1
        elif t in ("number", "จำนวน") and (t == "จำนวน" or i + 1 < len(low) and low[i + 1] == "of"):
            # "number of EV chargers", "จำนวนสถานีชาร์จ": like "how many"
            taken = 0
            for w in low[i + 1:i + 5]:
                if w in _COUNT_FILLER:
                    continue
                if w in _COUNT_UNITS or not _WORD.fullmatch(w) or taken == 2:
                    break
                out.append(w)
                taken += 1
        elif t == "many" and i > 0 and low[i - 1] == "how":
            taken = 0
            for w in low[i + 1:i + 4]:
                if w in _COUNT_FILLER:
                    continue
                if w in _COUNT_UNITS or not w.isalpha() or taken == 2:
                    break
                out.append(w)
                taken += 1
    return out


def names_a_list(answer: str) -> bool:
    """True when ``answer`` names two or more things in a list (see :func:`why_not`'s "which ones")."""
    return _names_a_list(answer)


def items_named(answer: str) -> int:
    """How many things ``answer`` names in a list, at most: its parts between commas and "and" that hold no
    figure ("granted 1 new logo, to Phuket Tinicon Valley, and renewed 16 cities" names no 16 of them)."""
    return sum(1 for part in _LIST_SEP.split(answer) if part.strip() and not any(ch.isdigit() for ch in part))
