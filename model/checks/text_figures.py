"""Rule G6: figures stated in the narrative (preamble, 一、五、六) checked against the tables.

A report whose text says 收到申请3件 while table 三 says 2 is 发布内容不准确 in the format's words. The
check is built for confidence over recall: a false alarm on a correct report costs the user as much
as a miss. So a number is read only when a keyword of a table figure stands right before it in the
same clause (with nothing but filler such as 共计/为 in between), only for this report's year, never
for approximate numbers (二十余件, 近百件, 约), dates, document numbers, phone numbers or addresses.
Where a phrase can mean more than one cell (受理 may include 上年结转) every reading is tried, and
any reading that matches keeps it silent; a reading that needs a blank cell keeps it silent too.

Pipeline per section: sentences (split at 。！？；and line breaks, as model.checks.location quotes them),
then keyword tokens and number tokens of each sentence, then each number is attached to the nearest
keyword before it in its clause (，；：and brackets end a clause), the keyword is resolved in its
context (a verb before a noun, the sentence's topic for 其中自然人…), and every reading is compared.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from model import schema as S
from model.checks.location import text_location
from model.report.report import Report
from model.report.values import format_value, valid_or_none

Number = int | Decimal


@dataclass(frozen=True)
class TextMismatch:
    """A figure in the text that no reading of the table agrees with."""

    section: str  # "preamble", "s1", "s5" or "s6"
    span: tuple[int, int]  # the phrase (keyword … number and unit), offsets into the section text
    quote: str  # the whole sentence
    cells: tuple[str, ...]  # the cell(s) the phrase refers to; the first is the one named
    stated: Number  # what the text says
    table: Number  # what the table says (the first reading): while a cell is blank, the running sum
    message: str  # Chinese, for the user
    complete: bool = True  # False: a cell is still blank, but what is filled already exceeds the text


# ---------------------------------------------------------------------------------------------------
# Keywords

# Kinds of keyword. Application counts (table 三):
RECV, NEW, HANDLE, REPLY, DONE, NOUN, BARE = "recv", "new", "handle", "reply", "done", "noun", "bare"
CARRIED_IN, CARRIED_OUT = "carried_in", "carried_out"
OPEN, PARTIAL, DENY, UNABLE, IGNORE, OTHER_H = "open", "partial", "deny", "unable", "ignore", "other_h"
# Applicants (columns of table 三):
NATURAL, LEGAL, BUSINESS, RESEARCH, NONPROFIT, LEGALSVC = "natural", "legal", "business", "research", \
    "nonprofit", "legalsvc"
COMPANY = "company"  # 企业: 商业企业, or loosely all 法人或其他组织
# Table 四:
REVIEW, SUIT, SUIT_DIRECT, SUIT_AFTER, CORRECTED = "review", "suit", "suit_direct", "suit_after", "corrected"
UPHELD = "upheld"
# Table 二:
LICENSE, PENALTY, ENFORCE, DECISION, FEES = "license", "penalty", "enforce", "decision", "fees"
ISSUE, REPEAL, INFORCE, NORMATIVE, REGULATION = "issue", "repeal", "inforce", "normative", "regulation"
# A word whose number is no table figure (主动公开8260条, 解读12篇, 信息处理费): it absorbs the number.
SINK = "sink"

#: (pattern, kind, weight): at one position the heaviest (longest) keyword wins.
_KEYWORDS: tuple[tuple[str, str, int], ...] = (
    *((w, RECV, 0) for w in ("收到", "收悉", "接收到", "接收", "接到", "受理", "共收到")),
    *((w, NEW, 0) for w in ("新收", "新受理", "本年新收", "新接收")),
    *((w, HANDLE, 0) for w in ("办理", "处理")),
    *((w, REPLY, 0) for w in ("答复", "作出答复")),
    *((w, DONE, 0) for w in ("办结", "办理完毕", "办理完结", "答复完毕", "处理完毕")),
    *((w, NOUN, 0) for w in ("政府信息公开申请", "信息公开申请", "依申请公开申请", "依申请公开事项",
                             "依申请公开件", "依申请公开", "公开申请")),
    ("申请", BARE, 0),
    *((w, CARRIED_IN, 0) for w in ("上年结转", "上年度结转", "上一年度结转", "上年转结", "上年遗留")),
    (r"结转(?:至|到)?下一?年度?(?:继续办理)?", CARRIED_OUT, 9),
    (r"结转(?:至|到)?\d{4}\s*年度?(?:继续办理)?", CARRIED_OUT, 9),
    *((rf"{w}下一?年度?(?:办理|答复)?", CARRIED_OUT, 7) for w in ("转入", "顺延至", "顺延到", "延期至", "延期到")),
    (r"下一?年度继续办理", CARRIED_OUT, 7),
    *((w, OPEN, 0) for w in ("予以公开", "同意公开")),
    *((w, PARTIAL, 0) for w in ("部分公开", "部分予以公开")),
    ("不予公开", DENY, 0),
    ("无法提供", UNABLE, 0),
    ("不予处理", IGNORE, 0),
    *((w, OTHER_H, 0) for w in ("其他处理", "不再处理")),
    *((w, NATURAL, 0) for w in ("自然人", "公民")),
    *((w, LEGAL, 0) for w in ("法人或其他组织", "法人和其他组织", "法人及其他组织", "法人或者其他组织", "法人")),
    ("商业企业", BUSINESS, 0),
    ("企业", COMPANY, 0),
    ("科研机构", RESEARCH, 0),
    *((w, NONPROFIT, 0) for w in ("社会公益组织", "社会组织", "公益组织")),
    ("法律服务机构", LEGALSVC, 0),
    *((w, REVIEW, 0) for w in ("行政复议", "复议")),
    *((w, SUIT, 0) for w in ("行政诉讼", "诉讼", "行政应诉")),
    *((w, SUIT_DIRECT, 0) for w in ("未经复议直接起诉", "直接起诉", "直接提起行政诉讼")),
    *((w, SUIT_AFTER, 0) for w in ("复议后起诉", "复议后提起行政诉讼", "复议后提起诉讼")),
    *((w, CORRECTED, 0) for w in ("结果纠正", "被纠错", "纠错", "被纠正", "纠正")),
    *((w, UPHELD, 0) for w in ("结果维持", "维持原行政行为", "予以维持", "被维持", "维持")),
    ("行政许可", LICENSE, 0),
    ("行政处罚", PENALTY, 0),
    ("行政强制", ENFORCE, 0),
    *((w, DECISION, 0) for w in ("处理决定", "决定")),
    ("行政事业性收费", FEES, 0),
    *((w, ISSUE, 0) for w in ("制发", "制定", "出台", "印发", "新制定", "本年制发")),
    *((w, REPEAL, 0) for w in ("废止", "本年废止")),
    ("现行有效", INFORCE, 0),
    *((w, NORMATIVE, 0) for w in ("行政规范性文件", "规范性文件")),
    ("政府规章", REGULATION, 0),
    (r"规章(?!制度)", REGULATION, 2),
    *((w, SINK, 0) for w in (
        "主动公开", "主动予以公开", "发布", "公布", "解读", "公示", "推送", "转载", "更新", "回应", "咨询",
        "留言", "热线", "来信", "来电", "来访", "培训", "会议", "新闻", "稿件", "栏目", "专栏", "信息",
        "视频", "图解", "目录", "清单", "信息处理费", "处理费", "收费", "收取", "决定书", "尚未审结",
        "审结", "政务服务", "办件", "网站", "微博", "微信", "公众号", "人次", "浏览", "点击", "下载", "诉求",
        "信访", "投诉", "举报", "建议", "提案", "工作人员", "事件", "宣布失效", "失效")),
)


def _build_keywords() -> tuple[re.Pattern[str], dict[str, str], tuple[tuple[re.Pattern[str], str], ...]]:
    """One alternation, heaviest first. Every branch starts with a literal character, so that the regex
    engine jumps from candidate character to candidate character instead of trying each branch everywhere."""
    entries = sorted(enumerate(_KEYWORDS), key=lambda e: (-(e[1][2] or len(e[1][0])), e[0]))
    literal: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    parts = []
    for _, (pattern, kind, weight) in entries:
        if weight:
            patterns.append((re.compile(pattern), kind))
            parts.append(pattern)
        else:
            assert literal.setdefault(pattern, kind) == kind, pattern
            parts.append(re.escape(pattern))
    return re.compile("|".join(parts)), literal, tuple(patterns)


_KW, _KW_LITERAL, _KW_PATTERNS = _build_keywords()


def _kind_of(word: str) -> str:
    """The kind of a matched keyword: literals by table, the few patterns by trying them."""
    kind = _KW_LITERAL.get(word)
    if kind is None:
        kind = next(k for p, k in _KW_PATTERNS if p.fullmatch(word))
    return kind


_APP_VERBS = frozenset({RECV, NEW, HANDLE, REPLY, DONE})
_APP_RESULTS = frozenset({CARRIED_IN, CARRIED_OUT, OPEN, PARTIAL, DENY, UNABLE, IGNORE, OTHER_H})
_APPLICANTS = frozenset({NATURAL, LEGAL, BUSINESS, COMPANY, RESEARCH, NONPROFIT, LEGALSVC})
#: Results of table 三 whose joined mention (予以公开及部分公开258件) states the sum of their rows.
_SUMMABLE = frozenset({OPEN, PARTIAL, DENY, UNABLE, IGNORE, OTHER_H})
_T4 = frozenset({REVIEW, SUIT, SUIT_DIRECT, SUIT_AFTER, CORRECTED, UPHELD})
#: Results of table 四 (a column of each group) and the groups a case word names.
_T4_RESULTS = frozenset({CORRECTED, UPHELD})
_T4_CASES = frozenset({REVIEW, SUIT, SUIT_DIRECT, SUIT_AFTER})
_T2_DECISIONS = frozenset({LICENSE, PENALTY, ENFORCE})
_DOC_VERBS = frozenset({ISSUE, REPEAL, INFORCE})
_DOC_OBJECTS = frozenset({NORMATIVE, REGULATION})
#: Kinds that set what the sentence is about (for 其中自然人… and for a bare 办结).
_TOPICAL = _APP_VERBS | _APP_RESULTS | {NOUN} | _T4 | _T2_DECISIONS | _DOC_VERBS | _DOC_OBJECTS | {FEES}
#: A noun takes its meaning from the keyword right before it: 收到+政府信息公开申请, 自然人+申请, 行政处罚+决定.
_ADOPTS: dict[str, frozenset[str]] = {
    NOUN: _APP_VERBS | _APP_RESULTS | _APPLICANTS,
    BARE: _APP_VERBS | _APP_RESULTS | _APPLICANTS | {NOUN, REVIEW, SUIT, SUIT_DIRECT, SUIT_AFTER},
    DECISION: _T2_DECISIONS,
    NORMATIVE: _DOC_VERBS,
    REGULATION: _DOC_VERBS,
}

# ---------------------------------------------------------------------------------------------------
# Numbers

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_CN = "零〇一二两三四五六七八九十百千万"
_NUM = re.compile(
    r"(?P<num>(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])\d+(?:\.\d+)?(?![\d.,]?\d)"
    rf"|[{_CN}]+)"
    r"\s*(?P<approx>余|多)?\s*(?P<unit>万件|万条|万元|元|件|条|起|宗|份|个|项)"
)
#: 为0 / 为零 without a unit ("行政复议、行政诉讼均为0").
_ZERO = re.compile(r"为\s*(?P<num>0|零)(?![\d.])(?=\s*(?:[，。；、,;！？\n）)]|$))")
_COUNT_UNITS = frozenset({"件", "条", "起", "宗", "份", "个", "项"})
_MONEY_UNITS = frozenset({"元", "万元"})
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
_APP_AFTER = re.compile(r"\s*(?:的)?(?:政府信息公开|信息公开|依申请公开|公开)?(?:的)?申请")
_DOC_AFTER = re.compile(r"\s*(?:的)?(?P<obj>行政规范性文件|规范性文件|政府规章|规章(?!制度))")

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
class _Num:
    start: int  # the numeral
    end: int  # after the unit
    value: Number
    unit: str  # "" for 为0
    usable: bool  # False: approximate, ordinal, a range …; still a number that stops attachment


@dataclass(frozen=True)
class _Kw:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class _At:
    """A keyword a number is attached to, as _claim resolved it: its index, the keyword that gives the
    meaning (a verb a noun took its meaning from), whether it was so adopted, and its clause's start."""

    i: int
    kw: _Kw
    adopted: bool
    cs: int


def _numbers(norm: str, a: int, b: int) -> list[_Num]:
    """The numbers with a unit in norm[a:b]; words that only look like one (一件事, 3个工作日) are left out."""
    out: list[_Num] = []
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
        out.append(_Num(s, e, value, unit, usable))
    for m in _ZERO.finditer(norm, a, b):
        out.append(_Num(m.start("num"), m.end("num"), 0, "", True))
    out.sort(key=lambda n: n.start)
    return out


# ---------------------------------------------------------------------------------------------------
# Context: sentences, clauses, years

_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_CLAUSE_END = re.compile(r"[，,；;：:（）()【】\[\]]")
_PHRASE_END = re.compile(r"[，,；;：:]")
_PAREN = re.compile(r"[（()）]")
_SUBHEAD = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])")
_APP_SUBHEAD = re.compile(r"依申请|受理|收到")
#: Sentences about something else that has numbers in 件: 人大代表建议、政协提案.
_SKIP_SENTENCE = re.compile(r"提案|(?<!复)议案|代表建议|人大建议")  # not the 议案 of 行政复议案件
#: Year words: an explicit year, this year, another year. Years inside keywords (结转至2023年) do not count.
_YEAR_WORD = re.compile(
    r"(?P<range>(?<!\d)\d{4}\s*年?\s*(?:—|－|-|~|～|至|到)\s*\d{4}\s*年)|(?P<y>(?<!\d)\d{4})\s*年"
    r"|(?P<this>本年度|本年|今年|全年|年内|当年)"
    r"|(?P<other>上一年度|上年度|上年|去年|前一年|往年|历年|近年|以往|此前|明年|来年|下一年度|下年度"
    r"|近[两三四五六七八九十\d]+年)"
)
#: A comparison with another year in the clause: its numbers are no figures of this year.
_COMPARE = re.compile(r"同比|环比|较上年|比上年|较去年|比去年|上年同期|较\d{4}年|比\d{4}年|增长|增加|减少|下降"
                      r"|上升|持平|增幅|降幅|增至|降至|减至|翻")
#: A year word right after these is part of a comparison (较上年, 比2021年), handled by _COMPARE.
_COMPARE_BEFORE = frozenset("较比与同")
#: Between a keyword and its number: filler only.
_GAP = re.compile(r"(?:\s|共计|合计|总计|累计|共有|共|计|总数|总量|数量|件数|案件|措施|金额|为|是|达到|达|了|的|有|均|各|都|皆)*")
_GAP_MAX = 12
#: Between a verb and the noun that takes its meaning.
_ADOPT_GAP = re.compile(r"(?:\s|的|了|共|并|新|本年度?|至本年度?|至本年|继续办理的?|办理的|提出的?|相关|政府信息公开"
                        r"|行政|作出|案件|[省市县区镇乡]?(?:人民)?政府|本级|本机关|本单位)*")
#: A clause that starts with filler only takes the keyword of the clause before (申请，共计45件).
_INHERIT = re.compile(r"\s*(?:共计|合计|总计|共|计|数量为|总数为|为|达)?\s*")
_CONNECT = re.compile(r"\s*(?:、|和|及|与|或|以及|/)\s*")
_EACH = re.compile(r"均|各|都|皆")
#: Before 行政复议 / 行政诉讼: the agency is the review body or court side, not a party (司法局 办理行政复议案件).
_REVIEW_BODY = re.compile(r"(?:办理|处理|审理|受理|审结|办结|承办|复议机关)[^被，]{0,10}$")
#: Table 四 counts only cases about information disclosure: the sentence must say so.
_DISCLOSURE = re.compile(r"公开")
#: Before 行政许可 etc.: counts of applications, items or published records, not of decisions.
_T2_NOT_DECISIONS = re.compile(r"(?:受理|公开|公示|发布|梳理|编制|清理|公布|申请|录入|上报|报送|办理|查处|立案|办结|审查)"
                               r"[^，]{0,4}$")
#: An organisation named after 其中: the figures that follow are a member's share, not the report's.
_ORG = re.compile(r"(?<![我本该全\s，,、（(：:])(?:局|委员会|办公室|中心|政府|镇|乡|街道|办事处|本级|部门|单位|机关|公司|医院|学校"
                  r"|站|队|厅|院)(?!信息|公开|规章|网站|门户|工作|领导|政务)")
_SUBUNIT = re.compile(r"本级|乡镇|街道|县直|市直|区直|部门|下属|所属|二级单位|各县|各区|各市|各乡|各镇|各单位|县区|区县|县市区")
#: Before 办结/答复/收到: a part of the cases (按期办结40件，延期办结4件; 网上收到30件).
_QUALIFIER = re.compile(r"(?:延期|逾期|按期|按时|当场|当日|即时|提前|超期|限期|到期|如期|正常|书面|电子|网上|线上|线下|口头|部分"
                        r"|网络|在线|当面|现场|信函|邮寄|传真|邮件|电话|平台|窗口|通过)\s*$")
#: Before a bare 办理/处理/答复: only a total (共办理25件) is the table's figure.
_TOTALIZER = re.compile(r"(?:共|合计|总计|累计|共计|共需)\s*$")
_WHOLE_AREA = re.compile(r"全[县区市省州盟旗乡镇]|全系统")

#: Negations: no applications; no review or suit; all handled.
_NEG_APPS = re.compile(
    r"(?:未|没有|尚未)(?:收到|受理|接到|接收到?|新收)(?:过|到)?(?:任何)?"
    r"(?:公民、?法人(?:或|和|及)其他组织|群众|社会公众|申请人|公众)?(?:提出|提交|报送)?的?"
    r"(?:(?:政府信息公开|信息公开|依申请公开)的?(?:申请|事项)|申请)(?![人书表])"
    r"|(?:无|没有)(?:政府信息公开|依申请公开|信息公开)(?:申请|事项)"
)
_NEG_WORD = re.compile(r"未发生|未出现|未产生|未涉及|未收到|未被|未有|未曾|未因|没有|不存在|无(?![法论需须关])")
#: 未发生因X引起的行政复议: only a cause that is disclosure as such makes it "no review at all".
_CAUSE = re.compile(r"因(?P<x>[^，。；]*?)(?:而)?(?:引起|导致|引发|产生|被|提起)")
_GENERIC_CAUSE = re.compile(r"(?:政府)?信息公开(?:工作|申请|事项)?|依申请公开(?:工作|事项)?|政务公开(?:工作)?")
_NEG_EXCLUDE = re.compile(r"纠错|纠正|败诉|撤销|不当|违法|确认|维持|被告|以外|之外|除|审结|其中|决定书")
_ALL_DONE = re.compile(
    r"(?:均|全部|皆|都|悉数|全数)(?:已经?)?(?:在法定(?:期限|时限)内|按期|按时|依法|及时|如期|依法依规)?(?:予以)?"
    r"(?:办结|办理完毕|答复完毕|办理完结)(?!率)"
)
_ALL_DONE_EXCLUDE = re.compile(r"结转|其余|剩余|余下|其他|延期|尚在|正在")


# ---------------------------------------------------------------------------------------------------
# Readings: what a keyword may mean in the table

T3_ALL = S.T3_INPUT_COLS
T3_LEGAL_COLS = T3_ALL[1:]
#: The columns an applicant word may mean (each a reading), the first being the one named.
_APP_COLS: dict[str, tuple[tuple[str, ...], ...]] = {
    NATURAL: (("natural",),), LEGAL: (T3_LEGAL_COLS,), BUSINESS: (("business",),), RESEARCH: (("research",),),
    NONPROFIT: (("nonprofit",),), LEGALSVC: (("legal",),), COMPANY: (("business",), T3_LEGAL_COLS),
}


def _group(word: str) -> S.T3Group:
    """The result group of table 三 whose label is `word` after its number: （三）不予公开 for 不予公开."""
    return next(g for g in S.T3_RESULT_GROUPS if g.label.split("）", 1)[1] == word)


#: The result groups with sub-items, their rows and labels read from the schema (never spelled here).
_DENY_ROWS, _UNABLE_ROWS, _IGNORE_ROWS, _OTHER_ROWS = (
    tuple(code for code, _ in _group(w).rows) for w in ("不予公开", "无法提供", "不予处理", "其他处理"))
_NEW, _NEW_CI, _TOTAL = ("new",), ("new", "carried_in"), ("total",)
#: For each keyword of table 三: the row sets it may mean (summed), the first being the one named.
_ROWSETS: dict[str, tuple[tuple[str, ...], ...]] = {
    RECV: (_NEW, _NEW_CI),
    NEW: (_NEW,),
    NOUN: (_NEW, _NEW_CI, _TOTAL),
    HANDLE: (_NEW, _NEW_CI, _TOTAL),
    REPLY: (_TOTAL, _NEW_CI, _NEW),
    DONE: (_TOTAL,),
    CARRIED_IN: (("carried_in",),),
    CARRIED_OUT: (("carried_out",),),
    OPEN: (("open",),),
    PARTIAL: (("partial",),),
    DENY: (_DENY_ROWS,),
    UNABLE: (_UNABLE_ROWS,),
    IGNORE: (_IGNORE_ROWS,),
    OTHER_H: (_OTHER_ROWS,),
}
_GROUP_LABEL = {tuple(code for code, _ in g.rows): g.label for g in S.T3_RESULT_GROUPS if len(g.rows) > 1}
#: How the message restates what the text says where the text's own word is too short (复议, 诉讼).
_PHRASE = {
    REVIEW: "行政复议", SUIT: "行政诉讼", SUIT_DIRECT: "未经复议直接起诉", SUIT_AFTER: "复议后起诉", CORRECTED: "结果纠正",
    UPHELD: "结果维持",
    LICENSE: "行政许可", PENALTY: "行政处罚", ENFORCE: "行政强制", FEES: "行政事业性收费",
}


@dataclass(frozen=True)
class _Reading:
    label: str  # names the cell(s) in words, e.g. 表三“一、本年新收政府信息公开申请数量”总计
    operands: tuple[str, ...]  # input cells whose sum is the figure
    cells: tuple[str, ...]  # the cells to point at, the named one first
    rows: tuple[str, ...] = ()  # table 三: the rows summed …
    cols: tuple[str, ...] = ()  # … and the columns


def _row_label(row: str) -> str:
    """The row's label without the long note of （二）部分公开（区分处理的，…）."""
    return S.T3_ROW_LABELS[row].split("（区分")[0]


@cache
def _t3_reading(rows: tuple[str, ...], cols: tuple[str, ...]) -> _Reading:
    operands = tuple(S.t3(r, c) for r in rows for c in cols)
    if rows == _TOTAL and cols == T3_ALL:
        return _Reading(f"表三“{S.T3_TOTAL_ROW[1]}”", operands, (S.t3("total", "total"),), rows, cols)
    row_part = f"“{_GROUP_LABEL[rows]}”各项" if rows in _GROUP_LABEL else "与".join(f"“{_row_label(r)}”" for r in rows)
    if cols == T3_ALL:
        col_part = "总计"
        cells = tuple(S.t3(r, "total") for r in rows)
    elif cols == T3_LEGAL_COLS:
        col_part = f"“{S.T3_LEGAL_PERSONS}”各列"
        cells = tuple(S.t3(r, c) for r in rows for c in cols)
    else:
        col_part = f"“{S.T3_COL_LABELS[cols[0]]}”列"
        cells = tuple(S.t3(r, c) for r in rows for c in cols)
    several = len(rows) > 1 or len(cols) > 1 and cols != T3_ALL
    label = f"表三{row_part}{col_part}" + ("之和" if several else "")
    return _Reading(label, operands, cells, rows, cols)


@cache
def _t4_reading(groups: tuple[str, ...], col: str) -> _Reading:
    """A figure of table 四 in words from the schema: one group's cell, or the sum over several groups."""
    group_labels, col_labels = dict(S.T4_GROUPS), dict(S.T4_COLUMNS + (S.T4_TOTAL_COL,))
    cols = [c for c, _ in S.T4_COLUMNS] if col == S.T4_TOTAL_COL[0] else [col]
    if len(groups) == 1:
        label = f"表四“{group_labels[groups[0]]}”{'总计' if col == S.T4_TOTAL_COL[0] else f'“{col_labels[col]}”'}"
    else:
        what = S.T4_SUIT_LABEL if "review" not in groups else f"{S.T4_REVIEW_LABEL}与{S.T4_SUIT_LABEL}"
        if col == S.T4_TOTAL_COL[0]:
            names = "与".join(f"“{group_labels[g]}”" for g in groups)
            label = f"表四{what}（{names}）总计之和"
        else:
            label = f"表四{what}“{col_labels[col]}”之和"
    return _Reading(label, tuple(S.t4(g, c) for g in groups for c in cols), tuple(S.t4(g, col) for g in groups))


_REVIEW = ("review",)
_SUITS = ("suit_direct", "suit_after_review")
_T4_GROUPS_OF = {REVIEW: _REVIEW, SUIT: _SUITS, SUIT_DIRECT: ("suit_direct",), SUIT_AFTER: ("suit_after_review",)}
_T4_RESULT_COL = {CORRECTED: "corrected", UPHELD: "upheld"}
_T4_READINGS: dict[str, tuple[_Reading, ...]] = {
    **{kind: (_t4_reading(groups, S.T4_TOTAL_COL[0]),) for kind, groups in _T4_GROUPS_OF.items()},
    # A result without its case word may be the 复议's, all cases', or the 诉讼's: any reading keeps it silent.
    **{kind: (_t4_reading(_REVIEW, col), _t4_reading(_REVIEW + _SUITS, col), _t4_reading(_SUITS, col))
       for kind, col in _T4_RESULT_COL.items()},
}


def _t2_reading(row: str, col: str) -> _Reading:
    cell = S.CELLS[f"t2.{row}.{col}"]
    col_label = cell.col_label.split("（")[0]
    return _Reading(f"表二“{cell.row_label}”{col_label}", (cell.code,), (cell.code,))


_T2_READINGS: dict[str, _Reading] = {
    LICENSE: _t2_reading("license", "decisions"),
    PENALTY: _t2_reading("penalty", "decisions"),
    ENFORCE: _t2_reading("enforcement", "decisions"),
    FEES: _t2_reading("fees", "amount"),
}
_DOC_ROW = {NORMATIVE: "normative", REGULATION: "regulation"}
_DOC_COL = {ISSUE: "issued", REPEAL: "repealed", INFORCE: "in_force"}
_DOC_NOUN_PHRASE = {NORMATIVE: "行政规范性文件", REGULATION: "规章"}


def _value(reading: _Reading, figures: dict[str, Any]) -> tuple[Number, bool] | None:
    """The reading's running sum and whether every operand is filled; None when a filled operand is no
    valid number (then: say nothing, T2-2/T3-4/T4-4 name it)."""
    total: Number = 0
    complete = True
    for code in reading.operands:
        raw = figures.get(code)
        if raw is None:
            complete = False
            continue
        v = valid_or_none(S.CELLS[code], raw)
        if v is None:
            return None
        total += v
    return total, complete


# ---------------------------------------------------------------------------------------------------
# The scan


@dataclass(frozen=True)
class _Claim:
    """One figure the text states: what, where, and what it may mean."""

    start: int
    end: int
    stated: Number
    phrase: str
    readings: tuple[_Reading, ...]
    unit: str = "件"
    implied: bool = False  # a figure the words imply (未收到 = 0), not one written as a number


_Topic = tuple[str, tuple[tuple[str, ...], ...]]  # (kind, row sets of table 三)
INHERITED = "inherited"  # the application rows the sentence before spoke of
OTHER_VERB = "other_verb"  # 受理/办理/办结 of something other than disclosure applications
#: Verbs that speak of disclosure applications only where the context says so.
_GENERIC_VERBS = frozenset({RECV, HANDLE, REPLY, DONE})


@dataclass
class _Para:
    """What carries from sentence to sentence within a paragraph, and from a sub-head to its paragraphs."""

    topic: _Topic | None = None
    other_year: bool = False
    app_subsection: bool = False
    disclosure_cases: bool = False  # the sentence before spoke of 复议/诉讼 about disclosure (…公开行政复议1宗；诉讼1宗)


def _app_rowsets(topic: _Topic | None) -> tuple[tuple[str, ...], ...] | None:
    if topic and (topic[0] in _APP_VERBS or topic[0] in _APP_RESULTS or topic[0] in (NOUN, INHERITED)):
        return topic[1]
    return None


def _inside(parens: list[tuple[int, bool]], pos: int) -> bool:
    depth = 0
    for p, opening in parens:
        if p >= pos:
            break
        depth = depth + 1 if opening else max(0, depth - 1)
    return depth > 0


class _Sentence:
    """One sentence with its tokens; `claims()` yields what it states about the tables."""

    def __init__(self, norm: str, a: int, b: int, para: _Para, year: int | None) -> None:
        self.norm, self.a, self.b, self.para, self.year = norm, a, b, para, year
        self.kws = [_Kw(m.start(), m.end(), _kind_of(m.group())) for m in _KW.finditer(norm, a, b)]
        self.nums = _numbers(norm, a, b)
        self.num_starts = [n.start for n in self.nums]
        self.clause_starts = [a] + [m.end() for m in _CLAUSE_END.finditer(norm, a, b)]
        self.phrase_starts = [a] + [m.end() for m in _PHRASE_END.finditer(norm, a, b)]
        self.years = self._year_marks()
        self.topics = self._topics()
        self.breakdown_from: int | None = None

    # -- context ---------------------------------------------------------------------------------

    def _year_marks(self) -> list[tuple[int, bool]]:
        """(position, is another year) for each year word outside keywords."""
        marks = []
        spans = [(k.start, k.end) for k in self.kws if k.kind in (CARRIED_IN, CARRIED_OUT)]
        for m in _YEAR_WORD.finditer(self.norm, self.a, self.b):
            if any(s <= m.start() < e for s, e in spans) or self.norm[m.start() - 1:m.start()] in _COMPARE_BEFORE:
                continue  # 较上年增长: the clause is skipped by _COMPARE; the sentence stays this year's
            if m.group("y"):
                other = self.year is not None and int(m.group("y")) != self.year
            else:
                other = bool(m.group("other") or m.group("range"))
            marks.append((m.start(), other))
        return marks

    def other_year_at(self, pos: int) -> bool:
        other = self.para.other_year
        for p, o in self.years:
            if p >= pos:
                break
            other = o
        return other

    def clause_of(self, pos: int) -> int:
        return self.clause_starts[bisect_right(self.clause_starts, pos) - 1]

    def clause_end(self, pos: int) -> int:
        i = bisect_right(self.clause_starts, pos)
        return self.clause_starts[i] if i < len(self.clause_starts) else self.b

    def number_between(self, start: int, end: int) -> bool:
        i = bisect_right(self.num_starts, start - 1)
        return i < len(self.nums) and self.nums[i].start < end

    def _topics(self) -> list[_Topic | None]:
        """The topic in force just before each keyword; a bracket (含上年结转3件) sets none."""
        self.parens = parens = [(m.start(), m.group() in "（(") for m in _PAREN.finditer(self.norm, self.a, self.b)]
        out = []
        topic = self.para.topic
        union: list[tuple[str, ...]] = []
        noun_seen = False
        for i, k in enumerate(self.kws):
            out.append(topic)
            if k.kind == SINK and not _inside(parens, k.start):
                topic = (OTHER_VERB, ())  # 收到申请3件。政务服务中心共办结2000件: the subject has changed
                continue
            if k.kind not in _TOPICAL or _inside(parens, k.start):
                continue
            if k.kind == NOUN:
                noun_seen = True
                if self.adopter(i) is not None:
                    continue
            if k.kind in _GENERIC_VERBS and (self._other_object(i) or not (
                    _app_rowsets(topic) or noun_seen or self.para.app_subsection and topic is None
                    or i + 1 < len(self.kws) and self.kws[i + 1].kind == NOUN and self.adopter(i + 1) == i)):
                topic = (OTHER_VERB, ())  # 政务服务大厅受理申请…办结…: not about disclosure applications
                continue
            topic = (k.kind, _ROWSETS.get(k.kind, ()))
            union.extend(r for r in topic[1] if r not in union)
        self.end_topic = topic
        # The next sentence (其中，自然人…) may mean any application row this one spoke of.
        # A sentence that names no application row of its own (其中自然人申请8件) passes on the rows it inherited.
        rows = _app_rowsets(topic)
        self.carry_topic = (INHERITED, tuple(union) or rows) if rows else topic
        return out

    def _other_object(self, i: int) -> bool:
        """受理各类审批申请: the verb's object is an application of another kind (申请 not taking the verb)."""
        if i + 1 >= len(self.kws):
            return False
        nxt = self.kws[i + 1]
        return (nxt.kind == BARE and nxt.start < self.clause_end(self.kws[i].start)
                and not self.number_between(self.kws[i].end, nxt.start) and self.adopter(i + 1) != i)

    def adopter(self, i: int) -> int | None:
        """The keyword right before keyword i that gives it its meaning (收到 before 政府信息公开申请)."""
        k = self.kws[i]
        allowed = _ADOPTS.get(k.kind)
        if not allowed or i == 0:
            return None
        p = self.kws[i - 1]
        if p.kind not in allowed or p.start < self.clause_of(k.start) or self.number_between(p.end, k.start):
            return None
        gap = self.norm[p.end:k.start]
        if len(gap) > 8 or not _ADOPT_GAP.fullmatch(gap):
            return None
        if self.coordinated(i - 1):
            return None  # 公民、法人或其他组织提出的政府信息公开申请: the noun is everyone's
        return i - 1

    def coordinated(self, i: int) -> bool:
        """Whether keyword i follows another one joined by 、/和/及 (行政复议、行政诉讼)."""
        if i == 0:
            return False
        p, k = self.kws[i - 1], self.kws[i]
        return p.start >= self.clause_of(k.start) and bool(_CONNECT.fullmatch(self.norm[p.end:k.start]))

    def app_topic(self, i: int) -> tuple[tuple[str, ...], ...] | None:
        """The row sets of table 三 the sentence is about just before keyword i, if it is about applications."""
        return _app_rowsets(self.topics[i] if i < len(self.kws) else self.end_topic)

    def topic_at(self, pos: int) -> tuple[tuple[str, ...], ...] | None:
        i = next((j for j, k in enumerate(self.kws) if k.start >= pos), len(self.kws))
        return self.app_topic(i)

    def app_context(self, i: int) -> bool:
        """Whether keyword i stands among disclosure applications: the topic, a noun before it, the sub-head."""
        return bool(self.app_topic(i) or any(k.kind == NOUN for k in self.kws[:i])
                    or self.para.app_subsection and self.topics[i] is None)

    def after_qizhong(self, pos: int) -> bool:
        """Whether a 其中 before pos still speaks: to the end of the sentence, or of its bracket."""
        q = self.norm.rfind("其中", self.a, pos)
        if q < 0:
            return False
        if not _inside(self.parens, q):
            return True
        return _inside(self.parens, pos) and not any(q < p < pos and not opening for p, opening in self.parens)

    def in_breakdown(self, kw_start: int) -> bool:
        """A member's share (其中县政府办公室收到12件; 县本级收到30件), not the report's own figure."""
        if self.breakdown_from is not None and kw_start >= self.breakdown_from:
            return True
        start = self.phrase_starts[bisect_right(self.phrase_starts, kw_start) - 1]
        prefix = self.norm[start:kw_start]
        if self.after_qizhong(kw_start) and _ORG.search(prefix.replace("其中", "")):
            self.breakdown_from = start
            return True
        return bool(_SUBUNIT.search(prefix)) and not _WHOLE_AREA.search(prefix)

    # -- claims ----------------------------------------------------------------------------------

    def claims(self) -> list[_Claim]:
        out: list[_Claim] = []
        used_kw: set[int] = set()
        for n in self.nums:
            found = self._attach(n, used_kw)
            if found is None:
                continue
            idx, inherited = found
            used_kw.add(idx)
            if not n.usable:
                continue
            cs = self.clause_of(n.start)
            if self.other_year_at(n.start) or _COMPARE.search(self.norm, cs, self.clause_end(n.start)):
                continue
            gap = self.norm[self.kws[idx].end:n.start]
            members = [idx]
            if not inherited:
                j = idx
                while self.coordinated(j):
                    j -= 1
                    members.insert(0, j)
                if len(members) > 1 and not _EACH.search(gap):
                    claim = self._sum_claim(members, n)  # 予以公开及部分公开258件: the sum of their rows
                    if claim is not None:
                        out.append(claim)
                    continue
            for m in members:
                claim = self._claim(m, n, single=len(members) == 1)
                if claim is not None:
                    out.append(claim)
        out.extend(self._negations())
        return out

    def _attach(self, n: _Num, used: set[int]) -> tuple[int, bool] | None:
        """The keyword a number belongs to: the nearest before it in the clause, with filler between."""
        cs = self.clause_of(n.start)
        best = None
        for i in range(len(self.kws) - 1, -1, -1):
            k = self.kws[i]
            if k.end <= n.start:
                best = i
                break
        if best is not None and self.kws[best].start >= cs and not self.number_between(self.kws[best].end, n.start):
            gap = self.norm[self.kws[best].end:n.start]
            if len(gap) <= _GAP_MAX and _GAP.fullmatch(gap):
                return best, False
            return None
        # 收到政府信息公开申请，共计45件: a clause of filler takes the keyword that ended the clause before.
        if cs == self.a or not _INHERIT.fullmatch(self.norm[cs:n.start]):
            return None
        if best is None or best in used or self.number_between(self.kws[best].end, n.start):
            return None
        prev_cs = self.clause_of(cs - 1)
        k = self.kws[best]
        if k.start < prev_cs or self.norm[k.end:cs - 1].strip():
            return None
        return best, True

    def _claim(self, i: int, n: _Num, single: bool) -> _Claim | None:
        """What the number n attached to keyword i states: the keyword (or the verb it takes its meaning
        from) decides the table; each table's reader below says whether and how it is a figure."""
        adopted = False
        if self.kws[i].kind in _ADOPTS and single:
            p = self.adopter(i)
            if p is not None:
                i, adopted = p, True
        at = _At(i, self.kws[i], adopted, self.clause_of(self.kws[i].start))
        if self.in_breakdown(at.kw.start):
            return None
        kind = at.kw.kind
        if kind == FEES:
            return self._fee_claim(at, n)
        if n.unit in _MONEY_UNITS or not n.unit and n.value != 0:
            return None
        if kind in _T4:
            return self._t4_claim(at, n)
        if kind in _T2_DECISIONS or kind in _DOC_VERBS:
            return self._t2_claim(at, n)
        return self._t3_claim(at, n)

    def _fee_claim(self, at: _At, n: _Num) -> _Claim | None:
        """行政事业性收费12.5万元 (or in 元): table 二's amount, in 万元."""
        if n.unit not in _MONEY_UNITS:
            return None
        stated: Number = Decimal(n.value) / 10000 if n.unit == "元" else Decimal(n.value)
        return _Claim(at.kw.start, n.end, stated, f"{_PHRASE[FEES]}{format_value(n.value)}{n.unit}",
                      (_T2_READINGS[FEES],), "万元")

    def _t4_claim(self, at: _At, n: _Num) -> _Claim | None:
        """行政复议案件1起, 结果纠正2件: table 四, only where the cases are about disclosure."""
        kind = at.kw.kind
        if _REVIEW_BODY.search(self.norm, at.cs, at.kw.start) or not self.about_disclosure():
            return None
        unit = n.unit if n.unit in ("件", "起", "宗") else "件"  # 行政复议案件1起: said in its own unit
        return _Claim(at.kw.start, n.end, n.value, f"{_PHRASE[kind]}{n.value}{unit}", self._t4_readings(at.i, kind),
                      unit)

    def _t2_claim(self, at: _At, n: _Num) -> _Claim | None:
        """行政处罚决定35起, 制发规范性文件5件: table 二's decisions and documents."""
        kind, start = at.kw.kind, at.kw.start
        if kind in _T2_DECISIONS:
            if n.unit not in ("件", "起", "宗") or _T2_NOT_DECISIONS.search(self.norm, at.cs, start):
                return None
            phrase = f"{_PHRASE[kind]}{'决定' if at.adopted else ''}{n.value}件"
            return _Claim(start, n.end, n.value, phrase, (_T2_READINGS[kind],))
        obj = self._doc_object(at.i, n, at.adopted)
        if obj is None or kind == REPEAL and "失效" in self.norm[self.a:self.b]:
            return None  # 废止8件，宣布失效3件: the table may count both as 废止
        reading = _t2_reading(_DOC_ROW[obj], _DOC_COL[kind])
        return _Claim(start, n.end, n.value, f"{self.word(at.kw)}{_DOC_NOUN_PHRASE[obj]}{n.value}件", (reading,))

    def _t3_claim(self, at: _At, n: _Num) -> _Claim | None:
        """Applications (收到/办结 …), results (予以公开 …) and applicants (自然人申请 …): table 三."""
        kind, start, word = at.kw.kind, at.kw.start, self.word(at.kw)
        number = f"{n.value}件"
        end, phrase = n.end, f"{word}{number}"
        colsets: tuple[tuple[str, ...], ...] = (T3_ALL,)
        if kind in _APP_VERBS:
            found = self._app_verb(at, n)
            if found is None:
                return None
            end, phrase = found
            rowsets = _ROWSETS[kind]
        elif kind == NOUN:
            if _QUALIFIER.search(self.norm, at.cs, start) or self.after_qizhong(start):
                return None
            rowsets, phrase = _ROWSETS[NOUN], f"政府信息公开申请{number}"
        elif kind in _APP_RESULTS:
            year = re.search(r"\d{4}", word) if kind == CARRIED_OUT else None
            if year and self.year is not None and int(year.group()) != self.year + 1:
                return None  # 结转至2022年 in the 2022 report: carried in, not out
            rowsets = _ROWSETS[kind]
        elif kind in _APPLICANTS:
            topic = self.app_topic(at.i)
            if not topic or n.unit not in ("件", "条", "宗", "份", ""):
                return None  # 涉及社会组织3个: organisations, not applications
            rowsets, colsets, phrase = topic, _APP_COLS[kind], f"{word}申请{number}"
        else:
            return None  # a sink, a bare 申请/决定/规范性文件 without a verb: no table figure
        readings = tuple(_t3_reading(rows, cols) for cols in colsets for rows in rowsets)
        return _Claim(start, end, n.value, phrase, readings)

    def _app_verb(self, at: _At, n: _Num) -> tuple[int, str] | None:
        """收到/新收/办理/答复/办结 + a number: whether it counts disclosure applications of the report,
        and (end of the phrase, the phrase in words) if so."""
        i, kind, start, word = at.i, at.kw.kind, at.kw.start, self.word(at.kw)
        number = f"{n.value}件"
        phrase = f"{word.lstrip('共本年作出')}政府信息公开申请{number}"
        before = self.norm[at.cs:start]
        if _QUALIFIER.search(before) or kind != NEW and self.after_qizhong(start):
            return None  # a part: 延期办结4件, 其中网上收到30件
        after = _APP_AFTER.match(self.norm, n.end, self.b)
        bare = self.kws[i + 1].kind == BARE if at.adopted else bool(after) and "公开" not in after.group()
        if bare and kind != NEW and not self.app_context(i):
            return None  # 政务服务大厅受理申请23140件: 申请 alone is not a disclosure application
        if at.adopted or after:
            return (after.end() if after and not at.adopted else n.end), phrase
        if kind == DONE:
            return (n.end, f"{word}{number}") if self.app_topic(i) else None
        if kind in (HANDLE, REPLY):
            totalled = _TOTALIZER.search(before) or "共" in self.norm[at.kw.end:n.start]
            return (n.end, phrase) if totalled else None
        if kind == RECV:
            return (n.end, phrase) if self.app_context(i) else None
        return (n.end, phrase) if self.app_topic(i) else None

    def word(self, k: _Kw) -> str:
        return self.norm[k.start:k.end]

    def _sum_claim(self, members: list[int], n: _Num) -> _Claim | None:
        """予以公开及部分公开258件: results of table 三 joined by 及/和/、 and one number are the sum of their
        rows; any other joined words (行政复议、行政诉讼共5件) say nothing."""
        kinds = [self.kws[m].kind for m in members]
        first = self.kws[members[0]]
        if not all(k in _SUMMABLE for k in kinds) or len(set(kinds)) < len(kinds) or n.unit not in ("件", "条"):
            return None
        if self.in_breakdown(first.start) or self.after_qizhong(first.start) or not self.app_topic(members[0]) \
                and not self.app_context(members[0]):
            return None
        rows = tuple(r for k in kinds for r in _ROWSETS[k][0])
        return _Claim(first.start, n.end, n.value, self.norm[first.start:n.end], (_t3_reading(rows, T3_ALL),))

    def about_disclosure(self) -> bool:
        """Table 四 counts only cases about information disclosure: the sentence, or the one before it in
        the paragraph that spoke of such cases, must say so."""
        return bool(_DISCLOSURE.search(self.norm, self.a, self.b)) or self.para.disclosure_cases

    def _t4_readings(self, i: int, kind: str) -> tuple[_Reading, ...]:
        """A result (结果维持/纠正) belongs to the case word before it in the sentence (行政复议…结果维持1件):
        then only that group's cell is read; with none or several, every reading is tried."""
        if kind not in _T4_RESULTS:
            return _T4_READINGS[kind]
        cases = {k.kind for k in self.kws[:i] if k.kind in _T4_CASES}
        if len(cases) != 1:  # none, or 复议…诉讼…其中结果纠正2件: the result may be of any of them
            return _T4_READINGS[kind]
        return (_t4_reading(_T4_GROUPS_OF[cases.pop()], _T4_RESULT_COL[kind]),)

    def _doc_object(self, i: int, n: _Num, adopted: bool) -> str | None:
        """规范性文件 or 规章: the noun the verb took, the noun after the number, or the sentence's only one."""
        if adopted:
            return self.kws[i + 1].kind if i + 1 < len(self.kws) and self.kws[i + 1].kind in _DOC_OBJECTS else None
        after = _DOC_AFTER.match(self.norm, n.end, self.b)
        if after:
            return NORMATIVE if "规范性文件" in after.group("obj") else REGULATION
        objects = {k.kind for k in self.kws if k.kind in _DOC_OBJECTS}
        return objects.pop() if len(objects) == 1 else None

    def _negations(self) -> list[_Claim]:
        """未收到政府信息公开申请 / 未发生行政复议、行政诉讼 / 已全部办结: figures of 0."""
        out: list[_Claim] = []
        norm = self.norm
        for m in _NEG_APPS.finditer(norm, self.a, self.b):
            if self.other_year_at(m.start()) or self.in_breakdown(m.start()):
                continue
            out.append(_Claim(m.start(), m.end(), 0, "未收到政府信息公开申请",
                              tuple(_t3_reading(r, T3_ALL) for r in _ROWSETS[RECV]), implied=True))
        for m in _NEG_WORD.finditer(norm, self.a, self.b):
            cs, ce = self.clause_of(m.start()), self.clause_end(m.start())
            if self.number_between(cs, ce) or _NEG_EXCLUDE.search(norm, cs, ce) \
                    or not self.about_disclosure():
                continue
            if self.other_year_at(m.start()) or self.in_breakdown(m.start()):
                continue
            cause = _CAUSE.search(norm, m.end(), ce)
            if cause and not _GENERIC_CAUSE.fullmatch(cause.group("x")):
                continue  # 未发生因答复不规范引起的行政复议: there may be reviews for other reasons
            for k in self.kws:
                if m.end() <= k.start < ce and k.kind in (REVIEW, SUIT, SUIT_DIRECT, SUIT_AFTER):
                    word = norm[m.start():m.end()]
                    out.append(_Claim(m.start(), k.end, 0, f"{word}{_PHRASE[k.kind]}", _T4_READINGS[k.kind],
                                      implied=True))
        for m in _ALL_DONE.finditer(norm, self.a, self.b):
            cs, ce = self.clause_of(m.start()), self.clause_end(m.start())
            if _ALL_DONE_EXCLUDE.search(norm, self.a, self.b) or self.number_between(m.end(), ce):
                continue
            topic = self.topic_at(m.start())
            if topic is None or self.other_year_at(m.start()) or self.in_breakdown(m.start()):
                continue
            out.append(_Claim(m.start(), m.end(), 0, "申请已全部办结",
                              (_t3_reading(("carried_out",), T3_ALL),), implied=True))
        return out


def _guess_year(report: Report) -> int | None:
    """The report year when the basic information lacks it: the year the texts name most often."""
    years: Counter[int] = Counter()
    for key in S.TEXT_SECTION_KEYS:
        years.update(int(y) for y in re.findall(r"(?<!\d)(\d{4})\s*年", report.text(key)))
    return years.most_common(1)[0][0] if years else None


def _scan(section: str, text: str, figures: dict[str, Any], year: int | None) -> list[TextMismatch]:
    """One section: its claims (parsed once per text, see `_claims`) judged against the tables."""
    out: list[TextMismatch] = []
    seen: set[tuple[int, str, Number]] = set()
    for sentence, claim in _claims(text, year):
        out.extend(_judge(section, text, sentence, claim, figures, seen))
    return out


#: The longest sentence read as one (real ones stay under 200 characters). Reading a sentence takes time
#: that grows faster than its length, so a run without 。 (pasted without punctuation) is cut at a clause.
_MAX_SENTENCE = 600


def _halfwidth(text: str, chunk: int = 1 << 16) -> str:
    """Full-width digits as ASCII, offsets unchanged. In pieces: the wizard checks texts in a background
    thread, and one long call into C would hold the interpreter (and the window) for the whole text."""
    return "".join(text[i:i + chunk].translate(_FULLWIDTH) for i in range(0, len(text), chunk))


@functools.lru_cache(maxsize=32)
def _claims(text: str, year: int | None) -> tuple[tuple[tuple[int, int], _Claim], ...]:
    """Every figure the text states, sentence by sentence; a sub-head line opens a subsection, a line
    break a paragraph. Cached: while the user types in a table the texts do not change, and the rules
    run twice per change (while editing and as at hand-in)."""
    norm = _halfwidth(text)
    out: list[tuple[tuple[int, int], _Claim]] = []
    para = _Para()
    a = 0
    n = len(norm)
    while a < n:
        m = _SENTENCE_END.search(norm, a, a + _MAX_SENTENCE)
        b = m.end() if m else min(n, a + _MAX_SENTENCE)
        end_mark = m.group() if m else "\n" if b == n else ""
        if not m and b < n:  # no sentence is this long: a run without 。 is read a clause at a time
            b = max(norm.rfind(mark, a, b) for mark in "，,：:、") + 1 or b
        line_start = a == 0 or norm[a - 1] == "\n"
        if line_start and _SUBHEAD.match(norm, a) and len(norm[a:b].strip()) <= 40 and end_mark == "\n":
            para = _Para(app_subsection=bool(_APP_SUBHEAD.search(norm, a, b)) and "收费" not in norm[a:b])
            a = b
            continue
        if norm[a:b].strip() and not _SKIP_SENTENCE.search(norm, a, b):
            sent = _Sentence(norm, a, b, para, year)
            out.extend(((a, b), claim) for claim in sent.claims())
            para.topic = sent.carry_topic
            para.disclosure_cases = sent.about_disclosure() and any(k.kind in _T4 for k in sent.kws)
            if sent.years:
                para.other_year = sent.years[-1][1]
        if end_mark == "\n":
            para = _Para(app_subsection=para.app_subsection)
        a = b
    return tuple(out)


def _judge(section: str, text: str, sentence: tuple[int, int], claim: _Claim, figures: dict[str, Any],
           seen: set[tuple[int, str, Number]]) -> list[TextMismatch]:
    """The finding for a claim that no reading of the table agrees with (none if any does or still may).

    A reading with blank cells may still come to agree, unless what is filled already exceeds the text
    (counts are never negative): “共收到申请3件” while 新收 already adds up to 14 is certain at once.
    """
    found = [_value(r, figures) for r in claim.readings]
    sums = [s for s in found if s is not None]
    if not found or len(sums) < len(found):  # no reading (nothing to compare) or an invalid figure
        return []
    complete = all(done for _, done in sums)
    if any(v == claim.stated if done else v <= claim.stated for v, done in sums):
        return []
    first = claim.readings[0]
    key = (claim.start, first.cells[0], claim.stated)
    if key in seen:
        return []
    seen.add(key)
    unit = claim.unit
    said = " ".join(text[claim.start:claim.end].split()) or claim.phrase  # the words as written, not rephrased
    in_digits = format_value(claim.stated) in said.replace(",", "")  # else say the figure in digits too
    implied = f"（即{format_value(claim.stated)}{unit}）" if claim.implied or not in_digits else ""

    def figure(value: Number, done: bool) -> str:
        return f"为{format_value(value)}{unit}" if done else f"已填部分已达{format_value(value)}{unit}"

    message = f"正文称“{said}”{implied}，{first.label}{figure(*sums[0])}"
    others = [f"{_alternative(first, r)}{figure(v, done)}"
              for r, (v, done) in zip(claim.readings[1:], sums[1:], strict=True) if (v, done) != sums[0]]
    if others:
        message += "（" + "；".join(others) + "）"
    if not complete:
        message += "（表格尚未填完）"
    cells = tuple(dict.fromkeys(c for r in claim.readings for c in r.cells))
    # The sentence alone is handed over: the same quote, without rescanning the text before it.
    a, b = sentence
    loc = text_location(section, text[a:b], claim.start - a, claim.end - a)
    return [TextMismatch(section, (claim.start, claim.end), loc.quote, cells, claim.stated, sums[0][0],
                         message + "。", complete)]


def _alternative(first: _Reading, other: _Reading) -> str:
    """Another reading, short where it adds rows to the first: 加上“二、上年结转政府信息公开申请数量”."""
    if first.rows and other.cols == first.cols and other.rows[:len(first.rows)] == first.rows:
        extra = other.rows[len(first.rows):]
        return "加上" + "、".join(f"“{_row_label(r)}”" for r in extra)
    return f"按{other.label}计"


def g6_findings(report: Report) -> list[TextMismatch]:
    """Every figure of the preamble and sections 一、五、六 that no reading of the tables agrees with."""
    figures = report.figures()
    year = report.year or _guess_year(report)
    out: list[TextMismatch] = []
    for key in S.TEXT_SECTION_KEYS:
        text = report.text(key)
        if text:
            out.extend(_scan(key, text, figures, year))
    return out
