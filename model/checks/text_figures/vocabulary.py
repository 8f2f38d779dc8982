"""G6's vocabulary: the words of a report text that name a figure of the tables, and what kind each is.

The words are the language people write reports in, not the format's labels: 收到 and 受理 both speak of
applications received, 复议 of 行政复议. Which row or column a kind means is decided per format in
readings.py, from the template's `CheckRoles`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum, auto


class Kind(Enum):
    """What a keyword speaks of."""

    # Application counts (table 三)
    RECV = auto()
    NEW = auto()
    HANDLE = auto()
    REPLY = auto()
    DONE = auto()
    NOUN = auto()
    BARE = auto()
    CARRIED_IN = auto()
    CARRIED_OUT = auto()
    OPEN = auto()
    PARTIAL = auto()
    DENY = auto()
    UNABLE = auto()
    IGNORE = auto()
    OTHER_H = auto()
    # Applicants (columns of table 三)
    NATURAL = auto()
    LEGAL = auto()
    BUSINESS = auto()
    RESEARCH = auto()
    NONPROFIT = auto()
    LEGALSVC = auto()
    COMPANY = auto()  # 企业: 商业企业, or loosely all 法人或其他组织
    # Table 四
    REVIEW = auto()
    SUIT = auto()
    SUIT_DIRECT = auto()
    SUIT_AFTER = auto()
    CORRECTED = auto()
    UPHELD = auto()
    # Table 二
    LICENSE = auto()
    PENALTY = auto()
    ENFORCE = auto()
    DECISION = auto()
    FEES = auto()
    ISSUE = auto()
    REPEAL = auto()
    INFORCE = auto()
    NORMATIVE = auto()
    REGULATION = auto()
    # A word whose number is no table figure (主动公开8260条, 解读12篇, 信息处理费): it absorbs the number.
    SINK = auto()


RECV, NEW, HANDLE, REPLY, DONE, NOUN, BARE = Kind.RECV, Kind.NEW, Kind.HANDLE, Kind.REPLY, Kind.DONE, Kind.NOUN, \
    Kind.BARE
CARRIED_IN, CARRIED_OUT = Kind.CARRIED_IN, Kind.CARRIED_OUT
OPEN, PARTIAL, DENY, UNABLE, IGNORE, OTHER_H = Kind.OPEN, Kind.PARTIAL, Kind.DENY, Kind.UNABLE, Kind.IGNORE, \
    Kind.OTHER_H
NATURAL, LEGAL, BUSINESS, RESEARCH, NONPROFIT, LEGALSVC, COMPANY = Kind.NATURAL, Kind.LEGAL, Kind.BUSINESS, \
    Kind.RESEARCH, Kind.NONPROFIT, Kind.LEGALSVC, Kind.COMPANY
REVIEW, SUIT, SUIT_DIRECT, SUIT_AFTER, CORRECTED, UPHELD = Kind.REVIEW, Kind.SUIT, Kind.SUIT_DIRECT, \
    Kind.SUIT_AFTER, Kind.CORRECTED, Kind.UPHELD
LICENSE, PENALTY, ENFORCE, DECISION, FEES = Kind.LICENSE, Kind.PENALTY, Kind.ENFORCE, Kind.DECISION, Kind.FEES
ISSUE, REPEAL, INFORCE, NORMATIVE, REGULATION = Kind.ISSUE, Kind.REPEAL, Kind.INFORCE, Kind.NORMATIVE, \
    Kind.REGULATION
SINK = Kind.SINK

#: (pattern, kind, weight): at one position the heaviest (longest) keyword wins.
_KEYWORDS: tuple[tuple[str, Kind, int], ...] = (
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
    # the format's own names of the groups of table 四 (未经复议直接起诉 …) are added per format: readings.py
    *((w, SUIT_DIRECT, 0) for w in ("直接起诉", "直接提起行政诉讼")),
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


@dataclass(frozen=True)
class Keywords:
    """The keywords as one regex, and the kind of each match."""

    pattern: re.Pattern[str]
    literal: dict[str, Kind]
    patterns: tuple[tuple[re.Pattern[str], Kind], ...]

    def kind_of(self, word: str) -> Kind:
        """The kind of a matched keyword: literals by table, the few patterns by trying them."""
        kind = self.literal.get(word)
        if kind is None:
            kind = next(k for p, k in self.patterns if p.fullmatch(word))
        return kind


@functools.lru_cache(maxsize=8)
def keywords(extra: tuple[tuple[str, Kind], ...] = ()) -> Keywords:
    """One alternation, heaviest first, of the vocabulary and `extra` words (a format's own names).

    Every branch starts with a literal character, so that the regex engine jumps from candidate character
    to candidate character instead of trying each branch everywhere."""
    known = {w for w, _, _ in _KEYWORDS}
    entries = sorted(enumerate(_KEYWORDS + tuple((w, k, 0) for w, k in extra if w not in known)),
                     key=lambda e: (-(e[1][2] or len(e[1][0])), e[0]))
    literal: dict[str, Kind] = {}
    patterns: list[tuple[re.Pattern[str], Kind]] = []
    parts = []
    for _, (pattern, kind, weight) in entries:
        if weight:
            patterns.append((re.compile(pattern), kind))
            parts.append(pattern)
        else:
            assert literal.setdefault(pattern, kind) == kind, pattern
            parts.append(re.escape(pattern))
    return Keywords(re.compile("|".join(parts)), literal, tuple(patterns))


APP_VERBS = frozenset({RECV, NEW, HANDLE, REPLY, DONE})
APP_RESULTS = frozenset({CARRIED_IN, CARRIED_OUT, OPEN, PARTIAL, DENY, UNABLE, IGNORE, OTHER_H})
APPLICANTS = frozenset({NATURAL, LEGAL, BUSINESS, COMPANY, RESEARCH, NONPROFIT, LEGALSVC})
#: Results of table 三 whose joined mention (予以公开及部分公开258件) states the sum of their rows.
SUMMABLE = frozenset({OPEN, PARTIAL, DENY, UNABLE, IGNORE, OTHER_H})
T4_KINDS = frozenset({REVIEW, SUIT, SUIT_DIRECT, SUIT_AFTER, CORRECTED, UPHELD})
#: Results of table 四 (a column of each group) and the groups a case word names.
T4_RESULTS = frozenset({CORRECTED, UPHELD})
T4_CASES = frozenset({REVIEW, SUIT, SUIT_DIRECT, SUIT_AFTER})
T2_DECISIONS = frozenset({LICENSE, PENALTY, ENFORCE})
DOC_VERBS = frozenset({ISSUE, REPEAL, INFORCE})
DOC_OBJECTS = frozenset({NORMATIVE, REGULATION})
#: Kinds that set what the sentence is about (for 其中自然人… and for a bare 办结).
TOPICAL = APP_VERBS | APP_RESULTS | {NOUN} | T4_KINDS | T2_DECISIONS | DOC_VERBS | DOC_OBJECTS | {FEES}
#: A noun takes its meaning from the keyword right before it: 收到+政府信息公开申请, 自然人+申请, 行政处罚+决定.
ADOPTS: dict[Kind, frozenset[Kind]] = {
    NOUN: APP_VERBS | APP_RESULTS | APPLICANTS,
    BARE: APP_VERBS | APP_RESULTS | APPLICANTS | {NOUN, REVIEW, SUIT, SUIT_DIRECT, SUIT_AFTER},
    DECISION: T2_DECISIONS,
    NORMATIVE: DOC_VERBS,
    REGULATION: DOC_VERBS,
}
