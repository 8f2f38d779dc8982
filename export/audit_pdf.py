"""The 通报 of 年报质量检查 as a PDF in the GB/T 9704 layout of export/pdf.py (its paragraphs, fonts, page
numbers and page frame are reused, not copied): what was checked, the problems by kind, and unit by unit
what each unit with errors must correct, quoting the sentence or naming the cell; then the units that
sent nothing and the files that could not be read. No rule codes: titles and messages only."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import replace

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from export import fonts
from export.pdf import (
    BODY,
    BODY_LEADING,
    TABLE_PADDING,
    TITLE_LEADING,
    TITLE_SIZE,
    TYPE_WIDTH,
    CJKParagraph,
    PdfResult,
    TextStyle,
    _Context,
    _keep_with_next,
    build_document,
    drawable,
)
from model.checks.rules import Severity
from model.many_reports.audit import Audit, AuditDocument, counts_by_problem, place_of

_NUMERALS = "一二三四五六七八九十"
#: What the 通报 lists for each unit with errors: what it must correct and what it must explain.
_MUST = (Severity.ERROR, Severity.CONFIRM)


def _cn(n: int) -> str:
    """（一）… numbering up to 99."""
    if n <= 10:
        return _NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (_NUMERALS[ones - 1] if ones else "")


def audit_year(result: Audit) -> int | None:
    years = Counter(u.year for u in result.units if u.year is not None)
    return years.most_common(1)[0][0] if years else None


def notice_title(result: Audit) -> str:
    year = audit_year(result)
    return f"关于{year}年度政府信息公开工作年度报告检查情况的通报" if year else "关于政府信息公开工作年度报告检查情况的通报"


def _body(text: str, ctx: _Context) -> CJKParagraph:
    return CJKParagraph([("body", drawable(text))], BODY, ctx)


def _heading1(text: str, ctx: _Context) -> list[Flowable]:
    return _keep_with_next(CJKParagraph([("heading1", text)], BODY, ctx))


def _heading2(text: str, ctx: _Context) -> list[Flowable]:
    return _keep_with_next(CJKParagraph([("heading2", drawable(text))], BODY, ctx))


def _counts_table(result: Audit, ctx: _Context) -> Table:
    size = 12.0
    style = TextStyle(size=size, leading=round(size * 1.3, 2), align="center", balance=True)
    left = replace(style, align="left", balance=False)
    head = ["问题", "性质", "涉及单位", "处数"]
    rows = [[CJKParagraph([("table", h)], style, ctx) for h in head]]
    for title, severity, n, units in counts_by_problem(result.units):
        rows.append([CJKParagraph([("table", title)], left, ctx),
                     CJKParagraph([("table", severity.label)], style, ctx),
                     CJKParagraph([("table", f"{units} 个")], style, ctx),
                     CJKParagraph([("table", f"{n} 处")], style, ctx)])
    widths = [TYPE_WIDTH * w for w in (0.46, 0.16, 0.2, 0.18)]
    commands = [("FONTNAME", (0, 0), (-1, -1), fonts.primary("table").name),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), TABLE_PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), TABLE_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), TABLE_PADDING + 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), TABLE_PADDING + 1)]
    return Table(rows, colWidths=widths, style=TableStyle(commands), repeatRows=1, hAlign="CENTER")


def _unit_items(unit: AuditDocument) -> list[str]:
    """What one unit must correct or explain, one line each: the problem, then the sentence or the place."""
    items = []
    for f in unit.findings:
        if f.severity not in _MUST:
            continue
        line = f"{f.text}"
        if f.location.quote:
            line += f"原文：“{f.location.quote.strip()}”"
        elif not f.cells:
            place = place_of(f, unit.report)
            if place:
                line += f"（位置：{place}）"
        items.append(f"【{f.severity.label}】{line}")
    return items


def build_notice(result: Audit, ctx: _Context) -> list[Flowable]:
    units = result.units
    with_errors = [u for u in units if u.errors]
    confirm_only = [u for u in units if not u.errors and u.confirms]
    story: list[Flowable] = []
    title_style = TextStyle(size=TITLE_SIZE, leading=TITLE_LEADING, align="center", balance=True)
    story.append(CJKParagraph([("title", notice_title(result))], title_style, ctx))
    story.append(Spacer(TYPE_WIDTH, BODY_LEADING))
    year = audit_year(result)
    story.append(_body(
        f"按照《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》的要求，"
        f"对 {len(units)} 个单位发布的{f'{year}年度' if year else ''}政府信息公开工作年度报告进行了检查，"
        "逐项核对统计表的合计数和勾稽关系、正文数字与统计表、与上年度报告的衔接和雷同、发布时间及信息处理费等事项。"
        "现将检查情况通报如下。", ctx))
    story += _heading1("一、总体情况", ctx)
    summary = (f"共检查 {len(units)} 个单位的报告，其中 {len(with_errors)} 个单位的报告存在错误，"
               f"{len(confirm_only)} 个单位的报告有需说明的事项，"
               f"{len(units) - len(with_errors) - len(confirm_only)} 个单位的报告未发现错误和需说明的事项。")
    if result.missing:
        summary += f"应报单位中有 {len(result.missing)} 个单位未发布（未报送）报告。"
    story.append(_body(summary, ctx))
    story += _heading1("二、发现的主要问题", ctx)
    if any(u.findings for u in units):
        story.append(_body("各类问题的分布情况如下表。", ctx))
        story.append(_counts_table(result, ctx))
        story.append(Spacer(TYPE_WIDTH, BODY_LEADING / 2))
    else:
        story.append(_body("未发现问题。", ctx))
    story += _heading1("三、需要整改的单位及问题", ctx)
    if not with_errors:
        story.append(_body("各单位报告均未发现错误。", ctx))
    for i, unit in enumerate(with_errors, start=1):
        name = unit.agency or unit.path.name
        story += _heading2(f"（{_cn(i)}）{name}（错误 {unit.errors} 项，需说明 {unit.confirms} 项）", ctx)
        for j, item in enumerate(_unit_items(unit), start=1):
            story.append(_body(f"{j}. {item}", ctx))
    if confirm_only:
        story += _heading1("四、需要说明的单位", ctx)
        story.append(_body("以下单位的报告未发现错误，但有需说明的事项，请核对并作出说明："
                           + "、".join(f"{u.agency or u.path.name}（{u.confirms} 项）" for u in confirm_only) + "。", ctx))
    others = []
    if result.missing:
        others.append("未发布报告的单位：" + "、".join(result.missing) + "。")
    if result.unreadable:
        others.append("未能读取的文件：" + "；".join(f"{d.path.name}（{d.reason}）" for d in result.unreadable))
    if result.duplicates:
        others.append("重复的文件（只计一次）：" + "、".join(d.path.name for d in result.duplicates) + "。")
    if others:
        story += _heading1(("五" if confirm_only else "四") + "、其他情况", ctx)
        story += [_body(text, ctx) for text in others]
    story.append(_body("请有关单位对照问题逐项整改，更正后重新发布年度报告，并将整改情况报送政务公开工作主管部门。", ctx))
    return story


def write_audit_pdf(result: Audit, path: str | os.PathLike[str]) -> PdfResult:
    """Write the 通报 to `path`; ExportError (Chinese message) when the file cannot be written. Whether it is
    a 草稿 is the check's verdict (Audit.draft), never the writer's."""
    ctx = _Context()
    story = build_notice(result, ctx)
    pages = build_document(story, path, ctx, draft=result.draft, title=notice_title(result))
    return PdfResult(missing_chars=set(ctx.missing), draft=result.draft, pages=pages)
