"""G6's numbers: figures with their unit in a report text (3件, 十二起, 12.5万元, 为0), and which of them
are usable as a table figure (not approximate, ordinal, a range, a date)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

Number = int | Decimal

FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_CN = "零〇一二两三四五六七八九十百千万"
_NUM = re.compile(
    r"(?P<num>(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])\d+(?:\.\d+)?(?![\d.,]?\d)"
    rf"|[{_CN}]+)"
    r"\s*(?P<approx>余|多)?\s*(?P<unit>万件|万条|万元|元|件|条|起|宗|份|个|项)"
)
#: 为0 / 为零 without a unit ("行政复议、行政诉讼均为0").
_ZERO = re.compile(r"为\s*(?P<num>0|零)(?![\d.])(?=\s*(?:[，。；、,;！？\n）)]|$))")
_COUNT_UNITS = frozenset({"件", "条", "起", "宗", "份", "个", "项"})
MONEY_UNITS = frozenset({"元", "万元"})
#: Before a number: an ordinal, a range, "each", an approximation.
_BAD_BEFORE = re.compile(r"(?:第|每|逐|约|近|将近|大约|超过|超|逾|多达|不到|不足|(?:\d|[一二三四五六七八九十])\s*(?:至|到|[-~～—－]))\s*$")
#: Before a Chinese numeral only: 上百件, 数十件, 几件.
_BAD_BEFORE_CN = re.compile(r"(?:上|数|几|若干|好)\s*$")
#: After the unit: an approximation.
_APPROX_AFTER = re.compile(r"\s*(?:左右|以上|以下|上下|之多|不等)")
#: After 件/条/起/宗: words that show the unit is no count of cases (一件事, 3个工作日).
_NOT_COUNT_AFTER = re.compile(r"(?:事|实事|工作日|小时|月|天|年)")
#: What may follow a unit that is easily part of a word (个, 项, and any Chinese numeral's unit).
_OK_AFTER = re.compile(
    r"\s*(?:[^\u4e00-\u9fff]|$|政府信息公开申请|信息公开申请|依申请公开|申请|案件|行政规范性文件|规范性文件"
    r"|政府规章|规章|行政复议|行政诉讼|其中|均|已|全部|予以|共|合计|均已|的)"
)
#: A noun after the number tells what a bare verb counted: 收到 2 条政府信息公开申请.
APP_AFTER = re.compile(r"\s*(?:的)?(?:政府信息公开|信息公开|依申请公开|公开)?(?:的)?申请")
DOC_AFTER = re.compile(r"\s*(?:的)?(?P<obj>行政规范性文件|规范性文件|政府规章|规章(?!制度))")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def parse_chinese_numeral(text: str) -> int | None:
    """The value of 十二, 一百零五, 两万三千一百四十; None for what is no well-formed numeral (一二)."""
    total = section = 0
    digit: int | None = None
    for ch in text:
        if ch in _CN_DIGITS:
            if digit not in (None, 0):
                return None
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        elif ch == "万":
            section += digit or 0
            if section == 0:
                return None
            total += section * 10000
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)



@dataclass(frozen=True)
class Num:
    start: int  # the numeral
    end: int  # after the unit
    value: Number
    unit: str  # "" for 为0
    usable: bool  # False: approximate, ordinal, a range …; still a number that stops attachment



def numbers(norm: str, a: int, b: int) -> list[Num]:
    """The numbers with a unit in norm[a:b]; words that only look like one (一件事, 3个工作日) are left out."""
    out: list[Num] = []
    for m in _NUM.finditer(norm, a, b):
        raw, unit = m.group("num"), m.group("unit")
        s, e = m.start("num"), m.end()
        chinese = raw[0] in _CN
        after = norm[e:e + 12]
        if unit in ("个", "项") or chinese:
            if not _OK_AFTER.match(after):
                continue  # 一件事, 两个平台, 3个工作日, 一起研究: no count
        elif _NOT_COUNT_AFTER.match(after):
            continue
        if chinese:
            if raw.strip("零〇") == "":
                continue  # 零件 is "parts"
            value: Number | None = parse_chinese_numeral(raw)
            if value is None:
                continue
        else:
            text = raw.replace(",", "")
            value = Decimal(text) if "." in text else int(text)
        before = norm[max(a, s - 4):s]
        usable = not (m.group("approx") or unit in ("万件", "万条") or _BAD_BEFORE.search(before)
                      or chinese and _BAD_BEFORE_CN.search(before)
                      or _APPROX_AFTER.match(norm, e))
        if usable and unit in _COUNT_UNITS and isinstance(value, Decimal):
            usable = False  # 1.5件
        out.append(Num(s, e, value, unit, usable))
    for m in _ZERO.finditer(norm, a, b):
        out.append(Num(m.start("num"), m.end("num"), 0, "", True))
    out.sort(key=lambda n: n.start)
    return out



def halfwidth(text: str, chunk: int = 1 << 16) -> str:
    """Full-width digits as ASCII, offsets unchanged. In pieces: the wizard checks texts in a background
    thread, and one long call into C would hold the interpreter (and the window) for the whole text."""
    return "".join(text[i:i + chunk].translate(FULLWIDTH) for i in range(0, len(text), chunk))
