"""Three published reports, and how each comes to the importer from every copy path and file kind.

Each report is a report as the program keeps it (`EXPECTED`), plus the quirks of how its office
published it: labels as they misspelt them (schema aliases), half-width brackets and stray spaces,
full-width digits and thousands separators, cells written “/” or “—” (read as 0), blank cells (read
as blank), broken lines, a signature. `render(name, kind)` gives the published document:

- ``tab``: text copied from a web page or Word (tab-separated rows; renwu as a clean grid, the other two
  ragged like the sample in ../shared/samples: merged label cells dropped or added, one row a cell short)
- ``pipe``: `| a | b |` rows, as markdown-like copies give them
- ``lines``: one cell per line (a copy out of a PDF viewer), blank cells lost
- ``html``/``html-gbk``: the saved portal page with menus, scripts, an 索引号 table, 【打印本页】, links to
  other years' reports and a footer; UTF-8, or GBK with <meta charset=gb2312>
- ``docx``: built with python-docx in the official layout (merged cells), by `build_docx`

Run this file to write the text and web-page fixtures next to it (the .docx is built by the tests).
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from model.report.report import Report  # noqa: E402
from model.report.storage import dumps  # noqa: E402
from model.template import CURRENT as T  # noqa: E402
from model.template.types import Role, Section, Table  # noqa: E402

KINDS = ("tab", "pipe", "lines", "html", "html-gbk", "docx")
SUFFIX = {"tab": ".txt", "pipe": ".pipe.txt", "lines": ".lines.txt", "html": ".html", "html-gbk": ".gbk.html",
          "docx": ".docx"}


@dataclass
class Published:
    """A report and the way its office wrote it."""

    name: str
    report: Report
    title: str
    published_on: str
    heading_style: str = "、"  # what follows the numeral of a section heading
    labels: dict[str, str] = field(default_factory=dict)  # official label → as published
    marks: dict[str, str] = field(default_factory=dict)  # cell code → “/”, “—”, “无” (the value is 0)
    fullwidth: frozenset[str] = frozenset()  # cells written in full-width digits
    thousands: bool = False  # 12,345
    blanks: frozenset[str] = frozenset()  # input cells left blank
    broken: dict[str, str] = field(default_factory=dict)  # section → a paragraph's text broken after this
    signature: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # the wrong labels used (each must come back as a G2 notice)


# ---------------------------------------------------------------------------------------------------
# The reports


def _t3_values(columns: dict[str, dict[str, int]], blanks: frozenset[str]) -> dict[str, int]:
    """Table 三 input cells: every row of every column (0 where not given), `carried_out` balancing each
    column (新收 + 结转 = 办理结果 + 结转下年度)."""
    values: dict[str, int] = {}
    for col in T.t3.input_cols:
        rows = columns.get(col, {})
        for row in T.t3.rows:
            if row in ("total", "carried_out"):
                continue
            values[T.t3_code(row, col)] = rows.get(row, 0)
        done = sum(rows.get(r, 0) for r in T.t3.result_rows)
        values[T.t3_code("carried_out", col)] = rows.get("new", 0) + rows.get("carried_in", 0) - done
        assert values[T.t3_code("carried_out", col)] >= 0, col
    return {c: v for c, v in values.items() if c not in blanks}


def _t4_values(groups: dict[str, tuple[int, int, int, int]], blanks: frozenset[str]) -> dict[str, int]:
    return {T.t4_code(g, c): groups.get(g, (0, 0, 0, 0))[i] for g, _ in T.t4.groups for i, (c, _) in enumerate(T.t4.columns)
            if T.t4_code(g, c) not in blanks}


def _s6(lines: dict[int, str]) -> str:
    out = []
    for i, head in enumerate(T.s6_items):
        out += [head, lines.get(i, "无")]
    return "\n".join(out)


def _renwu() -> Published:
    agency = "济宁市任城区人民政府"
    report = Report(
        meta={"agency": agency, "agency_kind": "government", "admin_level": "county", "year": 2023,
              "website": "www.rencheng.gov.cn", "address": "济宁市任城区太白东路 9 号", "phone": "0537-2215678",
              "published_on": "2024-03-28", "title": "济宁市任城区人民政府2023年政府信息公开工作年度报告"},
        sections={
            "preamble": (
                "本报告由济宁市任城区人民政府办公室根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和"
                "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。\n"
                "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。本报告电子版可在任城区人民政府门户网站"
                "（www.rencheng.gov.cn）查阅或下载。如对本报告有疑问，请与任城区人民政府办公室联系（地址：济宁市任城区太白东路 9 号，"
                "联系电话：0537-2215678）。"),
            "s1": (
                "2023年，任城区坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。\n"
                "（一）主动公开\n全年通过区政府门户网站主动公开政府信息 12,680 条，其中行政许可信息 12,345 条。\n"
                "（二）依申请公开\n全年新收政府信息公开申请 1,317 件，上年结转 18 件，均依法按时答复。\n"
                "（三）政府信息管理\n严格落实公开前保密审查制度，动态更新行政规范性文件目录。\n"
                "（四）政府信息公开平台建设\n优化政府门户网站政府信息公开专栏，完善政务新媒体矩阵。\n"
                "（五）监督保障\n将政务公开纳入全区综合考核，开展社会评议 2 次，全年未发生责任追究情况。"),
            "s5": (
                "（一）存在的主要问题\n一是部分单位公开内容更新不够及时。二是政策解读形式较为单一。\n"
                "（二）改进情况\n一是建立信息更新督查通报机制；二是丰富图表、视频等解读形式。"),
            "s6": _s6({0: "本年度未收取信息处理费。", 3: "开设“政务公开日”活动 4 期。"}),
        },
    )
    report.values = {
        "t2.regulation.issued": 0, "t2.regulation.repealed": 0, "t2.regulation.in_force": 0,
        "t2.normative.issued": 12, "t2.normative.repealed": 3, "t2.normative.in_force": 87,
        "t2.license.decisions": 12345, "t2.penalty.decisions": 2468, "t2.enforcement.decisions": 135,
        "t2.fees.amount": Decimal("18734.205917"),
        **_t3_values({
            "natural": {"new": 1234, "carried_in": 15, "open": 700, "partial": 120, "deny_1": 2, "deny_2": 3,
                        "deny_3": 1, "deny_4": 4, "deny_5": 5, "deny_6": 6, "deny_7": 7, "deny_8": 8,
                        "unable_1": 150, "unable_2": 40, "unable_3": 10, "ignore_1": 30, "ignore_2": 20,
                        "ignore_3": 5, "ignore_4": 3, "ignore_5": 2, "other_1": 50, "other_2": 1, "other_3": 30},
            "business": {"new": 56, "carried_in": 2, "open": 30, "partial": 5, "deny_4": 3, "unable_1": 10,
                         "ignore_2": 1, "other_3": 2},
            "research": {"new": 3, "open": 2, "unable_1": 1},
            "nonprofit": {"new": 4, "carried_in": 1, "open": 3, "other_1": 1},
            "legal": {"new": 9, "open": 5, "partial": 1, "deny_7": 1, "unable_2": 1},
            "other": {"new": 11, "open": 6, "ignore_1": 2},
        }, frozenset()),
        **_t4_values({"review": (5, 2, 1, 1), "suit_direct": (3, 1, 0, 2), "suit_after_review": (1, 0, 0, 1)},
                     frozenset()),
    }
    return Published("renwu-2023", report, report.meta["title"], "2024-03-28", thousands=True,
                     signature=("济宁市任城区人民政府", "2024年3月28日"))


def _zoucheng() -> Published:
    agency = "邹城市生态环境局"
    blanks = frozenset({"t3.deny_5.legal", "t3.ignore_3.research", "t3.ignore_3.legal", "t4.suit_after_review.other"})
    report = Report(
        meta={"agency": agency, "agency_kind": "department", "year": 2022, "website": "www.zoucheng.gov.cn",
              "phone": "0537-5211234", "published_on": "2023-01-16",
              "title": "邹城市生态环境局 2022年度 政府信息公开工作年度报告"},
        sections={
            "preamble": (
                "本报告由邹城市生态环境局编制。本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。"
                "本报告电子版可在邹城市人民政府门户网站（www.zoucheng.gov.cn）查阅。如对本报告有疑问，请联系本局办公室（电话：0537-5211234）。"),
            "s1": (
                "(一)主动公开\n围绕环境质量、污染源监管、建设项目环评审批等重点领域主动公开信息 356 条。\n"
                "(二)依申请公开\n全年新收政府信息公开申请 10 件，均在法定期限内答复。\n"
                "(三)政府信息管理\n落实“三审三校”制度。\n(四)政府信息公开平台建设\n完善门户网站环保专栏。\n"
                "(五)监督保障\n将政务公开纳入科室年度考核。"),
            "s5": "存在的问题：个别信息公开不够及时。改进措施：加强督促检查，确保信息及时更新。",
            "s6": _s6({0: "2022年未收取信息处理费。"}),
        },
    )
    report.values = {
        "t2.regulation.issued": 0, "t2.regulation.repealed": 0, "t2.regulation.in_force": 0,
        "t2.normative.issued": 2, "t2.normative.repealed": 0, "t2.normative.in_force": 15,
        "t2.license.decisions": 356, "t2.penalty.decisions": 48, "t2.enforcement.decisions": 0,
        "t2.fees.amount": Decimal("0"),
        **_t3_values({
            "natural": {"new": 8, "carried_in": 1, "open": 4, "partial": 1, "deny_5": 1, "ignore_3": 1, "unable_1": 1},
            "business": {"new": 2, "open": 1, "ignore_2": 1},
            "nonprofit": {"new": 1, "deny_2": 1},
        }, blanks),
        **_t4_values({"review": (1, 0, 0, 0)}, blanks),
    }
    labels = {
        "社会公益组织": "社会组织",
        "2.其他法律行政法规禁止公开": "2.其他法律法规禁止公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "（二）部分公开（区分处理的，只计这一情况，不计其他情形）",
        "5.属于三类内部事务信息": "5.属于三类内容事务信息",
    }
    marks = {"t2.regulation.issued": "/", "t2.regulation.repealed": "/", "t2.regulation.in_force": "/",
             "t2.enforcement.decisions": "—", "t3.other_3.research": "无"}
    return Published("zoucheng-sthj-2022", report, report.meta["title"], "2023-01-16", heading_style="．",
                     labels=labels, marks=marks, blanks=blanks,
                     aliases=("社会组织", "其他法律法规禁止公开", "只计这一情况", "三类内容事务信息"))


def _jishu() -> Published:
    agency = "金乡县鸡黍镇人民政府"
    report = Report(
        meta={"agency": agency, "agency_kind": "government", "admin_level": "township", "year": 2023,
              "address": "金乡县鸡黍镇政府驻地", "phone": "0537-8721001", "published_on": "2024-01-26",
              "title": "2023年金乡县鸡黍镇人民政府政府信息公开工作年度报告"},
        sections={
            "preamble": ("本报告由金乡县鸡黍镇人民政府编制，所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
                         "如有疑问请与镇党政办公室联系（地址：金乡县鸡黍镇政府驻地，联系电话：0537-8721001）。"),
            "s1": ("2023年，鸡黍镇认真贯彻落实《条例》，扎实推进基层政务公开标准化规范化建设，在镇便民服务中心设立政务公开专区，"
                   "集中公开惠民惠农政策、财政资金使用等群众关注的信息。\n"
                   "（一）主动公开\n全年主动公开政府信息 215 条。\n（二）依申请公开\n全年收到申请 3 件。\n"
                   "（三）政府信息管理\n规范信息发布审核流程。\n（四）政府信息公开平台建设\n用好镇政务公开栏。\n"
                   "（五）监督保障\n将政务公开纳入村级考核，开展社会评议，未发生责任追究。"),
            "s5": ("（一）存在的主要问题\n基层公开人员业务水平有待提高，部分村公开栏内容更新不及时，群众查阅政府信息的渠道仍然较少。\n"
                   "（二）改进情况\n加强业务培训，每季度督导一次。"),
            "s6": _s6({0: "本年度未收取任何信息处理费。", 1: "全面落实县政务公开工作要点，按时完成各项任务。"}),
        },
    )
    report.values = {
        "t2.regulation.issued": 0, "t2.regulation.repealed": 0, "t2.regulation.in_force": 0,
        "t2.normative.issued": 1, "t2.normative.repealed": 0, "t2.normative.in_force": 4,
        "t2.license.decisions": 87, "t2.penalty.decisions": 12, "t2.enforcement.decisions": 0,
        "t2.fees.amount": Decimal("0.5"),
        **_t3_values({"natural": {"new": 3, "open": 2, "unable_1": 1}}, frozenset()),
        **_t4_values({}, frozenset()),
    }
    labels = {"（三）不予公开": "(三) 不予公开", "1.属于国家秘密": "1. 属于 国家秘密", "（六）其他处理": "( 六 )其他处理",
              "（四）无法提供": "(四)无法提供", "3.危及“三安全一稳定”": '3.危及"三安全一稳定"'}
    fullwidth = frozenset({"t3.new.natural", "t3.open.natural", "t2.license.decisions", "t3.new.total"})
    broken = {"s1": "扎实推进基层政务公开标准化", "s5": "部分村公开栏内容"}
    return Published("jishu-2023", report, report.meta["title"], "2024-01-26", heading_style=". ", labels=labels,
                     fullwidth=fullwidth, broken=broken, signature=("金乡县鸡黍镇人民政府", "2024年1月26日"))


PUBLISHED: dict[str, Published] = {p.name: p for p in (_renwu(), _zoucheng(), _jishu())}


# ---------------------------------------------------------------------------------------------------
# Cells and lines as published


_FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")


def cell_text(pub: Published, code: str, figures: dict[str, Any]) -> str:
    if code in pub.marks:
        return pub.marks[code]
    value = figures.get(code)
    if value is None:
        return ""
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    if pub.thousands and isinstance(value, int) and value >= 1000:
        text = f"{value:,}"
    if code in pub.fullwidth:
        text = text.translate(_FULL)
    return text


def label_text(pub: Published, text: str) -> str:
    return pub.labels.get(text, text)


def official_grid(pub: Published, table: Table) -> list[list[str]]:
    """The table in the official layout: a merged cell's text in its first position, the rest blank."""
    figures = pub.report.figures()
    grid = [[""] * table.n_cols for _ in range(table.n_rows)]
    for gc in table.grid:
        grid[gc.row][gc.col] = cell_text(pub, gc.code, figures) if gc.code else label_text(pub, gc.text)
    return grid


def heading(pub: Published, sec: Section) -> str:
    numeral, words = sec.heading.split("、", 1)
    return f"{numeral}{pub.heading_style}{words}"


def _paragraphs(pub: Published, key: str) -> list[str]:
    lines = pub.report.sections[key].split("\n")
    cut = pub.broken.get(key)
    out: list[str] = []
    for line in lines:
        if cut and cut in line and not line.endswith(cut):
            at = line.index(cut) + len(cut)
            out += [line[:at], line[at:]]  # the copy broke the paragraph in mid-sentence
        else:
            out.append(line)
    return out


def document(pub: Published) -> list[tuple[str, Any]]:
    """The report as published, in order: ("title"|"para"|"heading", text) and ("table", Table)."""
    out: list[tuple[str, Any]] = [("title", pub.title)]
    out += [("para", p) for p in _paragraphs(pub, "preamble")]
    for sec in T.sections:
        out.append(("heading", heading(pub, sec)))
        if sec.table:
            out.append(("table", T.table(sec.table)))
        else:
            out += [("para", p) for p in _paragraphs(pub, sec.key)]
    out += [("para", s) for s in pub.signature]
    return out


# ---------------------------------------------------------------------------------------------------
# Text copies


def _ragged_t3(pub: Published) -> list[list[str]]:
    """Table 三 as the sample's copy gives it: header rows of nine cells, merged label cells dropped or
    added row by row, and the first row of （三） one cell short (its 总计 lost)."""
    grid = official_grid(pub, T.table("t3"))
    out = [[grid[0][0], "", T.t3.applicant, "", "", "", "", "", T.t3.total_col[1]],
           ["", "", T.t3.columns[0][1], T.t3.legal_persons, "", "", "", "", ""],
           ["", "", ""] + [label_text(pub, label) for _, label in T.t3.columns[1:]] + [""]]
    for r in range(3, len(grid)):
        (c0, c1, c2), values = grid[r][:3], grid[r][3:]
        code = T.t3.rows[r - 3]
        has_blank = any(T.t3_code(code, c) in pub.blanks for c in T.t3.input_cols)
        if code in ("new", "carried_in", "carried_out"):
            out.append([c0, ""] + values)
        elif code in ("open", "partial"):
            out.append([c0, c1] + values)
        elif code == "deny_1":
            out.append([c0, c1, c2] + (values if has_blank else values[:-1]))  # a cell lost, as in the sample
        elif code == "deny_2":
            out.append([c2, ""] + values)
        elif code.startswith("deny_"):
            out.append([c0, c1, c2] + values)
        elif code == "total":
            out.append([c1, ""] + values + [""])
        else:  # （四）–（六）: the group's column and the item's, then a stray cell
            out.append([c1, c2] + values + [""])
    return out


def _ragged_t4(pub: Published) -> list[list[str]]:
    grid = official_grid(pub, T.table("t4"))
    n = len(T.t4.columns) + 1
    return [[T.t4.review_label] + [""] * (n - 1) + [T.t4.suit_label] + [""] * (2 * n - 1),
            [label for _, label in T.t4.columns + (T.t4.total_col,)] + [T.t4.groups[1][1]] + [""] * (n - 1)
            + [T.t4.groups[2][1]] + [""] * (n - 2),
            [""] * n + [label for _, label in T.t4.columns + (T.t4.total_col,)] * 2,
            grid[3]]


def _t2_copy(pub: Published) -> list[list[str]]:
    return official_grid(pub, T.table("t2"))


def tab_text(pub: Published) -> str:
    ragged = pub.name != "renwu-2023"
    lines = ["当前位置：首页 > 政务公开 > 政府信息公开年报", ""]
    for kind, item in document(pub):
        if kind == "title":
            lines += [item, "", f"发布时间：{pub.published_on}    来源：{pub.report.meta['agency']}    字号：大 中 小", ""]
        elif kind == "table":
            if item.key == "t3" and ragged:
                rows = _ragged_t3(pub)
            elif item.key == "t4" and ragged:
                rows = _ragged_t4(pub)
            else:
                rows = official_grid(pub, item)
            lines += ["\t".join(r) for r in rows]
            lines.append("")
        else:
            lines += [item, ""]
    lines += ["【打印本页】 【关闭窗口】", "上一篇：" + pub.title.replace(str(pub.report.year), str(pub.report.year - 1))]
    return "\n".join(lines)


def pipe_text(pub: Published) -> str:
    lines: list[str] = []
    for kind, item in document(pub):
        if kind == "table":
            rows = official_grid(pub, item)
            lines.append("| " + " | ".join(rows[0]) + " |")
            lines.append("|" + "---|" * len(rows[0]))
            lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        else:
            lines.append(item)
    return "\n".join(lines)


def lines_text(pub: Published) -> str:
    """One cell per line: every cell that holds something, row by row; blank cells leave no line."""
    lines: list[str] = []
    for kind, item in document(pub):
        if kind == "table":
            lines += [c for row in official_grid(pub, item) for c in row if c]
        else:
            lines.append(item)
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------
# The saved web page


def _html_table(pub: Published, table: Table) -> str:
    figures = pub.report.figures()
    rows: dict[int, list[str]] = {}
    for gc in table.grid:
        text = cell_text(pub, gc.code, figures) if gc.code else label_text(pub, gc.text)
        spans = (f' rowspan="{gc.rowspan}"' if gc.rowspan > 1 else "") + (f' colspan="{gc.colspan}"' if gc.colspan > 1 else "")
        tag = "th" if gc.role in (Role.HEADER, Role.CAPTION) else "td"
        inner = f"<p style=\"text-align:center\"><span style=\"font-family:仿宋\">{html.escape(text)}</span></p>" if text else "&nbsp;"
        rows.setdefault(gc.row, []).append(f"<{tag}{spans} valign=\"middle\">{inner}</{tag}>")
    body = "\n".join(f"<tr>{''.join(cells)}</tr>" for _, cells in sorted(rows.items()))
    return f'<table border="1" cellspacing="0" cellpadding="0" width="100%">\n<tbody>\n{body}\n</tbody>\n</table>'


_NAV = "".join(f'<li><a href="/col/{i}.html">{t}</a></li>' for i, t in enumerate(
    ["首页", "政务公开", "政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "政务服务", "互动交流"]))


def html_page(pub: Published, charset: str = "utf-8") -> str:
    meta = pub.report.meta
    last_year = pub.title.replace(str(pub.report.year), str(pub.report.year - 1))
    parts = []
    for kind, item in document(pub):
        if kind == "title":
            parts.append(f'<div class="title"><h1>{html.escape(item)}</h1></div>\n'
                         f'<div class="info">发布时间：{pub.published_on}&nbsp;&nbsp;来源：{html.escape(meta["agency"])}'
                         '&nbsp;&nbsp;浏览次数：<span id="hits">1024</span>&nbsp;&nbsp;字号：<a href="#">大</a> <a href="#">中</a> '
                         '<a href="#">小</a></div>\n<div class="article">')
        elif kind == "table":
            parts.append(_html_table(pub, item))
        elif kind == "heading":
            parts.append(f'<p style="text-indent:2em"><strong>{html.escape(item)}</strong></p>')
        else:
            parts.append(f'<p style="text-indent:2em">&nbsp;&nbsp;{html.escape(item)}</p>')
    article = "\n".join(parts) + "\n</div>"
    index_table = (
        '<table class="xxgk_table"><tr><td>索引号：</td><td>11370800MB285XXXXX/2024-00012</td><td>发布机构：</td>'
        f'<td>{html.escape(meta["agency"])}</td></tr><tr><td>发布日期：</td><td>{pub.published_on}</td><td>主题分类：</td>'
        f'<td>政府信息公开年报</td></tr><tr><td>名称：</td><td colspan="3">{html.escape(pub.title)}</td></tr></table>')
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(pub.title)}_{html.escape(meta["agency"])}</title>
<style>.nav li{{float:left}} body{{font-family:"微软雅黑"}} /* 一、总体情况 */</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("一、总体情况 第二十条第（一）项 1 2 3");
if (a < b && c > d) {{ console.log("</p><table><tr><td>行政许可</td><td>99</td></tr></table>"); }}</script>
</head>
<body>
<div class="top"><a href="/">网站首页</a> | <a href="/wza">无障碍</a> | <a href="/old">长者模式</a></div>
<div class="header"><img src="logo.png" alt="{html.escape(meta["agency"])}"></div>
<ul class="nav">{_NAV}</ul>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/nb">政府信息公开年报</a></div>
<div style="display:none">三、收到和处理政府信息公开申请情况 自然人 1 2 3 4 5 6 7</div>
<table width="1000" align="center"><tr><td width="250" valign="top">
<div class="side"><h3>年报目录</h3><ul><li><a href="/nb/{pub.report.year - 1}.html">{html.escape(last_year)}</a></li>
<li><a href="/nb/{pub.report.year - 2}.html">{html.escape(pub.title.replace(str(pub.report.year), str(pub.report.year - 2)))}</a></li></ul></div>
</td><td valign="top">
{index_table}
{article}
<div class="print">【<a href="javascript:window.print()">打印本页</a>】 【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="related"><h4>相关链接</h4><ul><li><a href="/nb/{pub.report.year - 1}.html">{html.escape(last_year)}</a></li></ul></div>
</td></tr></table>
<div class="footer"><p>主办单位：{html.escape(meta["agency"])}&nbsp;&nbsp;版权所有</p><p>鲁ICP备05000000号 网站标识码：3708000000</p></div>
<script>var cnzz = "统计代码";</script>
</body></html>
"""


# ---------------------------------------------------------------------------------------------------
# Word


def build_docx(pub: Published, path: Path) -> Path:
    """The report as a Word document in the official layout, the tables' spans merged with python-docx."""
    import docx

    doc = docx.Document()
    for kind, item in document(pub):
        if kind == "table":
            grid = official_grid(pub, item)
            out = doc.add_table(rows=item.n_rows, cols=item.n_cols)
            out.style = "Table Grid"
            for gc in item.grid:
                cell = out.cell(gc.row, gc.col)
                if gc.rowspan > 1 or gc.colspan > 1:
                    cell = cell.merge(out.cell(gc.row + gc.rowspan - 1, gc.col + gc.colspan - 1))
                cell.text = grid[gc.row][gc.col]
        elif kind == "title":
            doc.add_paragraph(item, style="Title")
        elif kind == "heading":
            doc.add_paragraph(item, style="Heading 1")
        else:
            doc.add_paragraph(item)
    doc.save(str(path))
    return path


# ---------------------------------------------------------------------------------------------------
# The fixtures


def render(name: str, kind: str) -> bytes:
    pub = PUBLISHED[name]
    if kind == "tab":
        text = tab_text(pub)
        if name == "zoucheng-sthj-2022":
            return text.replace("\n", "\r\n").encode("gbk")  # saved by Notepad as “ANSI”
        return ("\ufeff" + text).encode("utf-8") if name == "renwu-2023" else text.encode("utf-8")
    if kind == "pipe":
        return pipe_text(pub).encode("utf-8")
    if kind == "lines":
        return lines_text(pub).encode("utf-8")
    if kind == "html":
        return html_page(pub).encode("utf-8")
    if kind == "html-gbk":
        return html_page(pub, "gb2312").encode("gbk")
    raise ValueError(kind)


def fixture(name: str, kind: str) -> Path:
    return HERE / f"{name}{SUFFIX[kind]}"


def write_fixtures() -> None:
    for name, pub in PUBLISHED.items():
        (HERE / f"{name}.json").write_text(dumps(pub.report), encoding="utf-8")
        for kind in KINDS:
            if kind != "docx":
                fixture(name, kind).write_bytes(render(name, kind))


if __name__ == "__main__":
    write_fixtures()
