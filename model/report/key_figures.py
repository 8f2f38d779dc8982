"""The key figures shown side by side for many reports (汇总's member sheets, 年报质量检查's 总览 and
各单位数据): written once here, as (label, cell code) in a report's format, so both jobs name a figure the
same way. The cells are found by their role in the format (`CheckRoles`, the totals of tables 三 and 四)."""

from __future__ import annotations

from model.template.template import Template

#: The labels of every key figure, in the order 年报质量检查 shows them.
KEY_FIGURE_LABELS: tuple[str, ...] = (
    "新收申请", "上年结转", "予以公开", "部分公开", "办理结果总计", "结转下年度",
    "行政复议", "行政诉讼（未经复议）", "行政诉讼（复议后）",
)
#: The narrower set of 汇总's printed member sheets (A4 landscape, one page wide).
SUM_KEY_FIGURE_LABELS: tuple[str, ...] = tuple(
    label for label in KEY_FIGURE_LABELS if label not in {"上年结转", "部分公开", "办理结果总计"})


def key_figures(template: Template) -> tuple[tuple[str, str], ...]:
    """(label, cell code) of every key figure in the format `template`."""
    roles, t3, t4 = template.check_roles, template.t3, template.t4
    t3_rows = (roles.t3_new, roles.t3_carried_in, roles.t3_open, roles.t3_partial, t3.total_row[0],
               roles.t3_carried_out)
    t4_groups = (t4.review_group, roles.t4_suit_direct, roles.t4_suit_after_review)
    codes = ([template.t3_code(r, t3.total_col[0]) for r in t3_rows]
             + [template.t4_code(g, t4.total_col[0]) for g in t4_groups])
    return tuple(zip(KEY_FIGURE_LABELS, codes, strict=True))


def sum_key_figures(template: Template) -> tuple[tuple[str, str], ...]:
    """(label, cell code) of 汇总's member sheets in the format `template`."""
    return tuple(f for f in key_figures(template) if f[0] in SUM_KEY_FIGURE_LABELS)
