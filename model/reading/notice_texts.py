"""The Chinese text of every reader's notice, made from its kind and parameters: the one place where the
readers' words are written (notices.Notice.message asks here)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

P = Mapping[str, Any]


def _quoted(items: Sequence[str]) -> str:
    return "、".join(f"“{item}”" for item in items)


def _names(p: P) -> str:
    """The first cells by name, and how many there are in all."""
    names, count = p["names"], p["count"]
    return "；".join(names) + (f" 等 {count} 个" if count > len(names) else "")


def _rows_missing(p: P) -> str:
    rows = p["rows"]
    shown = _quoted(rows[:5]) + (f"等 {len(rows)} 行" if len(rows) > 5 else "")
    return f"{p['table']}中没有找到{shown}，{'这些行' if len(rows) > 1 else '该行'}未填写。"


def _alias(p: P) -> str:
    part = {"row": "行标题", "column": "列标题"}[p["part"]]
    return (f"{p['table']}的{part}“{p['label']}”写作“{p['written']}”，其中“{p['wrong']}”应为“{p['right']}”"
            f"（格式规定的标签），已按“{p['right']}”读取。")


def _short(p: P) -> str:
    return f"{p['row']}只有 {len(p['figures'])} 个数字（{'、'.join(p['figures'])}），应有 {p['expected']} 个：复制时丢了一个单元格"


#: kind → the text of a notice of that kind.
TEXTS: dict[str, Callable[[P], str]] = {
    # -- the locator of the official tables (grid.py) -------------------------------------------------
    "too-many-table-rows": lambda p: f"统计表部分超过 {p['max_rows']} 行，其后的内容未读取。",
    "merged-cell-extra": lambda p: f"{p['cell']}所在的合并单元格中另有“{p['text']}”，未读取。",
    "row-figures-mismatch": lambda p: (f"{p['row']}：这一行的数字（{'、'.join(p['figures']) or '无'}）与表头的 "
                                       f"{p['columns']} 列对不上，未读取。原文：{p['source']}"),
    "cell-not-a-number": lambda p: f"{p['cell']}：“{p['text']}”不是数字，未读取。",
    "cell-bad-number": lambda p: f"{p['reason']}（原文“{p['text']}”，未读取）",
    "cell-read-twice": lambda p: (f"{p['cell']}出现了两次且数字不同（先读到 {p['first']}，又读到 {p['second']}），"
                                  f"已按先读到的 {p['first']} 填写。"),
    "row-not-placed": lambda p: f"{p['table']}中的一行未能对应到表格的任何一行，其中的数字未读取：{p['source']}",
    "text-not-placed": lambda p: f"{p['table']}中的文字未能放入报告：“{p['source']}”",
    "label-alias": _alias,
    "rows-missing": _rows_missing,
    "cells-blank": lambda p: (f"{p['table']}有 {p['count']} 个单元格是空白的，未填写（空白不等于 0，报告须填写数字）："
                              f"{_names(p)}"),
    "cells-marked": lambda p: f"{p['table']}有 {p['count']} 个单元格填写的是{_quoted(p['marks'])}，已按 0 读取：{_names(p)}",
    "more-not-placed": lambda p: f"统计表部分另有 {p['count']} 项内容未能放入报告（同上，不再逐项列出）。",
    "short-row-not-a-number": lambda p: f"{p['row']}：“{p['text']}”不是数字，这一行未读取。原文：{p['source']}",
    "short-row-completed": lambda p: (f"{_short(p)}。按本行的总计和各列的总计推算，只有一种可能，"
                                      f"已读作 {'、'.join(p['reading'])}（依次为各列），请与原报告核对。"),
    "short-row-undecided": lambda p: f"{_short(p)}，无法确定是哪一列，这一行未读取，请对照原报告填写。",
    "t3-columns-missing": lambda p: (f"{p['table']}的表头中没有找到{_quoted(p['columns'])}列，"
                                     "各行的数字按官方格式的列序读取，请核对。"),
    "t3-row-label-near": lambda p: (f"{p['table']}的行标题“{p['written']}”与格式的“{p['official']}”不完全一致，"
                                    f"已按“{p['official']}”读取。"),
    "t3-group-merged": lambda p: (f"{p['table']}的“{p['group']}”印作一行（没有分列 {p['items']} 项），其数字已读入第 1 项"
                                  f"“{p['first']}”，其余 {p['others']} 项未填写，请按原报告核对。"),
    "t2-other-columns": lambda p: (f"{p['row']}所在的表格列标题为{_quoted(p['headers'])}，不是格式规定的列"
                                   f"（可能是 2019 年版的表格），这一行的数字未读取。原文：{p['source']}"),
    # -- the importer of published reports (importer.py, pdf_source.py) --------------------------------
    "pdf-pages-cut": lambda p: f"“{p['name']}”有 {p['pages']} 页，只读取了前 {p['read']} 页（年度报告通常不超过 30 页）。",
    "before-title-left-out": lambda p: f"标题之前的 {p['count']} 行文字（网页栏目、导航等）不属于报告，未导入。",
    "second-report-left-out": lambda p: (f"报告之后另有一份报告“{p['title']}”（同一网页或文件中的第二份报告），未导入；"
                                         "如需要，请单独导入。"),
    "after-end-left-out": lambda p: f"报告正文之后的 {p['count']} 行文字（网页页脚、相关链接等）不属于报告，未导入。",
    "heading-reworded": lambda p: (f"第{p['numeral']}部分的标题印作“{p['written']}”，与格式的“{p['official']}”不同，"
                                   "按用词判断为这一部分。"),
    "s5-without-heading": lambda p: f"表四之后、第六部分之前的文字没有“{p['official']}”标题，已作为第五部分读取，请核对。",
    "paragraphs-joined": lambda p: f"“{p['label']}”中有 {p['count']} 处段落在句子中间断开（复制时的换行），已接回。",
    "signature-left-out": lambda p: f"报告末尾的落款“{p['signature']}”不属于第六部分的内容，未放入报告文字。",
    "title-from-page": lambda p: f"正文中没有找到报告标题，已按网页标题“{p['title']}”读取。",
    "title-missing": lambda p: "没有找到报告标题（如“××局2022年政府信息公开工作年度报告”）。",
    "agency-from-preamble": lambda p: f"机关名称按前言“本报告由……编制”读作“{p['agency']}”，请核对。",
    "year-from-preamble": lambda p: f"报告年度按前言所述统计期限读作 {p['year']} 年，请核对。",
    "agency-kind-guessed": lambda p: (f"机关类型按名称判断为“{p['body']}”"
                                      + (f"，行政层级“{p['level']}”" if p["level"] else "") + "，请在基本信息中核对。"),
    "agency-missing": lambda p: "没有读到机关名称，请在基本信息中填写。",
    "year-out-of-range": lambda p: f"标题中的年度 {p['year']} 不在本程序支持的范围（{p['first']}—{p['last']} 年），未填写。",
    "year-missing": lambda p: "没有读到报告年度，请在基本信息中填写。",
    "heading-missing": lambda p: f"没有找到“{p['heading']}”部分的标题。",
    "table-missing": lambda p: f"没有找到{p['table']}（{p['title']}），其中的数字未填写。",
    # -- hand-made workbooks (workbook_source.py) ------------------------------------------------------
    "form-lines-left-out": lambda p: (f"表格上下的填报信息（填报单位、填表人、联系电话、填报日期等）共 {p['count']} 行，"
                                      "不属于报告内容，未放入报告。"),
    "agency-from-form": lambda p: f"机关名称按表头的“填报单位”读作“{p['agency']}”，请核对。",
    "agency-from-file-name": lambda p: f"工作簿中没有写明机关名称，按文件名读作“{p['agency']}”，请核对。",
    # -- this program's workbooks, edited after export (workbook_reader.py, documents.py) -------------
    "workbook-layout-changed": lambda p: (f"{p['what']}，已按行列标题逐格读取各表中的数字（基本信息和报告正文以导出时保存的为准），"
                                          "请核对。"),
    "sheet-missing": lambda p: f"工作簿中没有工作表“{p['sheet']}”（已被删除或改名），{p['table']}的数字以导出时保存的数据为准。",
    "cell-edited": lambda p: f"{p['cell']}：导出时为 {p['before']}，现为 {p['now']}，以表格中的数字为准。",
    "total-edited": lambda p: (f"{p['cell']}：导出时为 {p['before']}，现为 {p['now']}，以表格中的数字为准"
                               "（校验时与各项之和核对）。"),
    "texts-edited": lambda p: (f"工作表“{p['sheet']}”中的内容在导出后被修改过（第 {p['row']} 行起）。本程序只读回表格中的数字，"
                               f"{p['what']}仍以导出时保存的内容为准；如需修改，请在本程序中修改。"),
}


def notice_text(kind: str, params: P) -> str:
    """The notice's text; a kind without a text is a programming error, said plainly."""
    return TEXTS[kind](params)
