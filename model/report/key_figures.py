"""The key figures shown side by side for many reports (汇总's member sheets, 年报质量检查's 总览 and
各单位数据): written once here, as (label, cell code), so both jobs name a figure the same way."""

from __future__ import annotations

from model import schema as S

#: Every key figure, in the order 年报质量检查 shows them.
KEY_FIGURES: tuple[tuple[str, str], ...] = (
    ("新收申请", S.t3("new", "total")),
    ("上年结转", S.t3("carried_in", "total")),
    ("予以公开", S.t3("open", "total")),
    ("部分公开", S.t3("partial", "total")),
    ("办理结果总计", S.t3("total", "total")),
    ("结转下年度", S.t3("carried_out", "total")),
    ("行政复议", S.t4("review", "total")),
    ("行政诉讼（未经复议）", S.t4("suit_direct", "total")),
    ("行政诉讼（复议后）", S.t4("suit_after_review", "total")),
)

#: The narrower set of 汇总's printed member sheets (A4 landscape, one page wide).
SUM_KEY_FIGURES: tuple[tuple[str, str], ...] = tuple(
    f for f in KEY_FIGURES if f[1] not in {S.t3("carried_in", "total"), S.t3("partial", "total"),
                                           S.t3("total", "total")})
