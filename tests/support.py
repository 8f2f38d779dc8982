"""Shared builders and paths for the test suite (imported by tests as `support`).

`full_report()` builds a report that is consistent under every rule: each input cell filled, the
table 三 balance (第一项加第二项之和等于第三项加第四项之和) holding in every column, and all texts present.
Column numbers differ from each other so a test notices when a rule mixes up columns.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from model.report.report import Report  # noqa: E402
from model.template import CURRENT as T  # noqa: E402
from model.template.types import ValueKind  # noqa: E402
from resources import SAMPLE_REPORT  # noqa: E402

SAMPLE = SAMPLE_REPORT
#: The published sample as copied text (a copy of ../shared/samples/jinxiang-xzsp-2022.txt kept with the tests).
SAMPLE_TXT = Path(__file__).resolve().parent / "model" / "import_corpus" / "jinxiang-xzsp-2022.txt"
MAIN = ROOT / "main.py"

#: Table 二 of the full report.
FULL_T2: dict[str, int | Decimal] = {
    "t2.regulation.issued": 0,
    "t2.regulation.repealed": 0,
    "t2.regulation.in_force": 0,
    "t2.normative.issued": 5,
    "t2.normative.repealed": 2,
    "t2.normative.in_force": 40,
    "t2.license.decisions": 100,
    "t2.penalty.decisions": 20,
    "t2.enforcement.decisions": 3,
    "t2.fees.amount": Decimal("1.2500"),
}

#: Table 三 of the full report: column → {row: count}; rows not listed are 0.
#: Every column satisfies new + carried_in = sum(results) + carried_out, and carried_out <= new.
FULL_T3: dict[str, dict[str, int]] = {
    "natural": {"new": 11, "carried_in": 1, "open": 5, "partial": 2, "deny_1": 1, "unable_1": 2,
                "ignore_2": 1, "carried_out": 1},
    "business": {"new": 3, "open": 2, "partial": 1},
    "research": {"new": 1, "open": 1},
    "nonprofit": {},
    "legal": {"new": 2, "carried_in": 1, "open": 1, "unable_3": 1, "carried_out": 1},
    "other": {"new": 4, "open": 2, "ignore_1": 1, "carried_out": 1},
}

#: Table 四 of the full report: group → (upheld, corrected, other, pending).
FULL_T4: dict[str, tuple[int, int, int, int]] = {
    "review": (1, 0, 1, 1),
    "suit_direct": (1, 0, 0, 0),
    "suit_after_review": (0, 0, 0, 1),
}

FULL_META = {
    "agency": "某某县人民政府",
    "agency_kind": "government",
    "admin_level": "county",
    "year": 2022,
    "website": "www.example.gov.cn",
    "address": "某某县人民路 1 号",
    "phone": "0537-0000000",
    "published_on": "2023-03-20",
}

FULL_SECTIONS = {
    "preamble": "本报告由某某县人民政府办公室编制。本报告所列数据的统计期限自 2022 年 1 月 1 日起至 2022 年 12 月 31 日止。",
    "s1": "2022 年，某某县人民政府深入推进政务公开。\n（一）主动公开\n全年主动公开政府信息。",
    "s5": "（一）存在的主要问题\n公开时效有待提高。\n（二）改进情况\n加强培训。",
    "s6": "（一）政府信息公开申请收费情况\n本年度未收取信息处理费。\n（二）本行政机关落实上级年度政务公开工作要点情况\n无",
}


def full_values() -> dict[str, int | Decimal]:
    values: dict[str, int | Decimal] = dict(FULL_T2)
    for col, rows in FULL_T3.items():
        for row in T.t3.rows:
            if row == "total":
                continue
            values[T.t3_code(row, col)] = rows.get(row, 0)
    for group, nums in FULL_T4.items():
        for (col, _), n in zip(T.t4.columns, nums, strict=True):
            values[T.t4_code(group, col)] = n
    return values


def full_report() -> Report:
    """A consistent report with every input cell filled (no finding at all)."""
    return Report(meta=dict(FULL_META), sections=dict(FULL_SECTIONS), values=full_values())


def sample_dict() -> dict:
    """The sample report file as a parsed JSON document (plain ints and strings)."""
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------------
# Hypothesis: valid reports, for the round-trip properties of the report file and the workbook

from hypothesis import strategies as st  # noqa: E402

#: Text as users type and paste it, hostile parts included (markup, formulas, rare and astral characters).
hostile_text = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.sampled_from([*"政府信息公开年度报告（一）、，。“”<b>&;\n\r\t \\\"'0123456789abc_x005F",
                                      "😀", "𠀀", "=", "+", "-", "@"]), max_size=80),
    st.sampled_from(["<b>加粗</b> & 符号\n第二行\n（一）小标题", "<b>&amp;</b>", "=SUM(A1)", "第一行\n第二行\n\n第四行",
                     "𠀀😀", "@a", "-x", "+1", "_x0041_"]),
)


def fees(max_units: int) -> st.SearchStrategy[Decimal]:
    """Fees in 万元 with 0 to 4 decimal places, up to `max_units` (a whole number of 万元)."""
    return st.integers(0, 4).flatmap(
        lambda p: st.integers(0, max_units * 10**p).map(lambda n: Decimal(n).scaleb(-p)))


ANY_COUNT = st.integers(0, T.max_value)
ANY_FEE = fees(10**9)


@st.composite
def valid_reports(draw, counts=ANY_COUNT, fee=ANY_FEE, text=hostile_text) -> Report:
    """Any report a user could make: some input cells filled, valid basic information, any texts."""
    codes = draw(st.lists(st.sampled_from(T.input_codes), unique=True, max_size=len(T.input_codes)))
    values = {c: draw(fee) if T.cells[c].kind is ValueKind.AMOUNT else draw(counts) for c in codes}
    meta = {}
    for f in T.meta_fields:
        if not draw(st.booleans()):
            continue
        if f.kind == "year":
            meta[f.key] = draw(st.integers(T.year_min, T.year_max))
        elif f.kind == "choice":
            meta[f.key] = draw(st.sampled_from([k for k, _ in f.choices] + [""]))
        elif f.kind == "date":
            meta[f.key] = draw(st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10))
        else:
            meta[f.key] = draw(text)
    sections = {k: draw(text) for k in T.text_section_keys}
    explanations = draw(st.dictionaries(
        st.one_of(st.sampled_from(["T3-1", "T3-5", "S2-2@t2.normative.in_force", "G7"]), st.text(min_size=1, max_size=10)),
        text, max_size=4))
    return Report(meta=meta, sections=sections, values=values, explanations=explanations)


def show_window(window, qtbot, size: tuple[int, int] = (1366, 768)) -> None:
    """Show the main window at `size`, exposed and active, as UI tests with real key events need it."""
    from PySide6.QtWidgets import QApplication

    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    QApplication.processEvents()


def table_view(window, key: str):
    """Go to table `key`'s page and give its view the focus; the view (objectName table-<key>)."""
    from PySide6.QtWidgets import QApplication, QTableView

    window.wizard.go_to(window.wizard.page_of_table(key))
    view = window.findChild(QTableView, f"table-{key}")
    view.setFocus()
    QApplication.processEvents()
    return view
