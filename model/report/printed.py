"""The texts as every output prints them: the user's text, with the written explanations in 六（五）.

A `confirm` finding's explanation is part of the report (spec §6: explanations can be placed in
六（五）数据统计需要说明的事项). Unless the user has written that item, the PDF, the workbook and the Word
document print the explanations there, so a typed explanation always reaches the reader.
"""

from __future__ import annotations

import re

from model.checks.rules import title_of
from model.report.report import Report

_NOTHING = {"", "无", "无。", "暂无", "暂无。", "没有", "无需要说明的事项。"}


def explanation_lines(report: Report) -> list[str]:
    """One line per written explanation: what it is about, then the user's words."""
    lines = []
    for key, text in report.explanations.items():
        text = text.strip()
        if not text:
            continue
        rule, _, cell = key.split("《", 1)[0].partition("@")  # rule@cell《sentence》 (rules.explanation_key)
        cells = report.template.cells
        about = cells[cell].name if cell in cells else ""
        title = title_of(rule, "", report.template.rule_words)
        head = "，".join(p for p in (title, about) if p)
        lines.append(f"关于{head}：{text}" if head else text)
    return lines


def printed_text(report: Report, key: str) -> str:
    """The text of section `key` as printed: section 六 gets the explanations in its item （五）."""
    text = report.text(key)
    if key != "s6":
        return text
    lines = explanation_lines(report)
    if not lines:
        return text
    template = report.template
    items = template.s6_items
    index = template.check_roles.s6_explanations_item
    item_5 = items[index]  # （五）…数据统计需要说明的事项
    subhead = re.compile(template.subhead_pattern)
    rows = text.split("\n") if text else []
    heads = [i for i, row in enumerate(rows) if subhead.match(row.strip())]
    item5 = next((i for i in heads if rows[i].strip().startswith(item_5[:3])), None)
    if item5 is not None:
        end = next((i for i in heads if i > item5), len(rows))
        body = "".join(rows[item5 + 1:end]).strip()
        inline = rows[item5].strip()[len(item_5):].strip() if rows[item5].strip().startswith(item_5) else ""
        if body not in _NOTHING or inline not in _NOTHING:
            return text  # the user wrote this item: theirs is printed as written
        return "\n".join(rows[:item5 + 1] + lines + rows[end:])
    later = next((i for i in heads if rows[i].strip()[:3] in {h[:3] for h in items[index + 1:]}), len(rows))
    return "\n".join(rows[:later] + [item_5] + lines + rows[later:])
