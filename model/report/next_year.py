"""Next year's report started from last year's (文件 › 以上年度报告为基础新建, `main.py new --from`).

What carries over is exactly what the format ties across years: the basic information, and 上年结转
(this year's 二、上年结转) from last year's 四、结转下年度继续办理, column by column. Everything else
starts not filled, so that nothing of last year's work is handed in again by mistake.
"""

from __future__ import annotations

from model.report.preamble import generate_preamble
from model.report.report import Report, new_report
from model.template.template import Template

#: Basic information that stays the same from one year to the next (the publication date does not).
CARRIED_META = ("agency", "agency_kind", "admin_level", "website", "address", "phone")


class NextYearError(ValueError):
    """Last year's report cannot be the start of the next one; str() is the Chinese reason."""


def carry_over_sentence(template: Template) -> str:
    """How the figures carry over, in the format's own row labels (the dialog and `new --help` say it)."""
    t3 = template.t3
    carried_in = dict(t3.head_rows)[template.check_roles.t3_carried_in]
    return f"“{_unnumbered(carried_in)}”按上年度报告的“{_unnumbered(t3.tail_row[1])}”逐列填写"


def _unnumbered(label: str) -> str:
    """二、上年结转政府信息公开申请数量 → 上年结转政府信息公开申请数量."""
    return label.split("、", 1)[-1]


def texts_note() -> str:
    """What the user must know when the texts start from last year's: G7 flags a section left as it was."""
    from model.checks.rules import title_of

    return (f"各部分文字以上年度报告为起点，请按本年度的情况逐段改写；未作修改的部分，"
            f"校验时会提示“{title_of('G7', '')}”。")


def next_year_report(prior: Report, texts: bool = False) -> Report:
    """A new report for the year after `prior`, with its basic information and 上年结转 carried over;
    with `texts`, also last year's text of each narrative section, to be rewritten (the user's choice:
    off by default, since a section left unchanged is what G7 flags)."""
    if prior.year is None:
        raise NextYearError("上年度报告没有填写报告年度，无法确定新报告的年度。")
    template = prior.template  # the new report is in last year's format: 上年结转 follows its rows
    if prior.year + 1 > template.year_max:
        raise NextYearError(f"上年度报告的年度为 {prior.year} 年，新报告的年度超出本程序支持的范围。")
    report = new_report(template)
    report.meta = {k: prior.meta[k] for k in CARRIED_META if prior.meta.get(k) not in (None, "")}
    report.meta["year"] = prior.year + 1
    figures = prior.as_last_year()
    roles = template.check_roles
    for col in template.t3.input_cols:
        carried = figures.get(template.t3_code(roles.t3_carried_out, col))
        if carried is not None:
            report.set_value(template.t3_code(roles.t3_carried_in, col), carried)
    if texts:
        for section in template.sections:
            text = prior.text(section.key) if section.table is None else ""
            if text.strip():
                report.sections[section.key] = text
    report.sections["preamble"] = generate_preamble(report.meta, template)
    return report
