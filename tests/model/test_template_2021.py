"""The 2021 format as the template holds it (model.template.t2021): every label, row, column and code of the spec."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from support import full_report

from model.template import CURRENT as T
from model.template.types import GridCell, Role, Table, ValueKind

# ---------------------------------------------------------------------------------------------------
# Expectations written out from the spec (not read back from the schema)

T2_ROWS = {
    "regulation": ("规章", ("issued", "repealed", "in_force")),
    "normative": ("行政规范性文件", ("issued", "repealed", "in_force")),
    "license": ("行政许可", ("decisions",)),
    "penalty": ("行政处罚", ("decisions",)),
    "enforcement": ("行政强制", ("decisions",)),
    "fees": ("行政事业性收费", ("amount",)),
}
T3_ROW_CODES = (
    "new", "carried_in", "open", "partial",
    "deny_1", "deny_2", "deny_3", "deny_4", "deny_5", "deny_6", "deny_7", "deny_8",
    "unable_1", "unable_2", "unable_3",
    "ignore_1", "ignore_2", "ignore_3", "ignore_4", "ignore_5",
    "other_1", "other_2", "other_3",
    "total", "carried_out",
)
T3_COL_CODES = ("natural", "business", "research", "nonprofit", "legal", "other", "total")
T4_GROUP_CODES = ("review", "suit_direct", "suit_after_review")
T4_COL_CODES = ("upheld", "corrected", "other", "pending", "total")

R3 = "三、本年度办理结果"
DENY, UNABLE, IGNORE, OTHER = "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"
#: The label texts printed beside each data row of table 三, left to right (spec §4).
T3_ROW_LABEL_PATHS = {
    "new": ("一、本年新收政府信息公开申请数量",),
    "carried_in": ("二、上年结转政府信息公开申请数量",),
    "open": (R3, "（一）予以公开"),
    "partial": (R3, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    "deny_1": (R3, DENY, "1.属于国家秘密"),
    "deny_2": (R3, DENY, "2.其他法律行政法规禁止公开"),
    "deny_3": (R3, DENY, "3.危及“三安全一稳定”"),
    "deny_4": (R3, DENY, "4.保护第三方合法权益"),
    "deny_5": (R3, DENY, "5.属于三类内部事务信息"),
    "deny_6": (R3, DENY, "6.属于四类过程性信息"),
    "deny_7": (R3, DENY, "7.属于行政执法案卷"),
    "deny_8": (R3, DENY, "8.属于行政查询事项"),
    "unable_1": (R3, UNABLE, "1.本机关不掌握相关政府信息"),
    "unable_2": (R3, UNABLE, "2.没有现成信息需要另行制作"),
    "unable_3": (R3, UNABLE, "3.补正后申请内容仍不明确"),
    "ignore_1": (R3, IGNORE, "1.信访举报投诉类申请"),
    "ignore_2": (R3, IGNORE, "2.重复申请"),
    "ignore_3": (R3, IGNORE, "3.要求提供公开出版物"),
    "ignore_4": (R3, IGNORE, "4.无正当理由大量反复申请"),
    "ignore_5": (R3, IGNORE, "5.要求行政机关确认或重新出具已获取信息"),
    "other_1": (R3, OTHER, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    "other_2": (R3, OTHER, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    "other_3": (R3, OTHER, "3.其他"),
    "total": (R3, "（七）总计"),
    "carried_out": ("四、结转下年度继续办理",),
}
T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


def _covers(g: GridCell, r: int, c: int) -> bool:
    return g.row <= r < g.row + g.rowspan and g.col <= c < g.col + g.colspan


def _at(table: Table, r: int, c: int) -> GridCell:
    (hit,) = [g for g in table.grid if _covers(g, r, c)]
    return hit


def _value_positions(table: Table) -> dict[str, GridCell]:
    return {g.code: g for g in table.grid if g.role is Role.VALUE}


# ---------------------------------------------------------------------------------------------------
# Grids


@pytest.mark.parametrize("key", ["t2", "t3", "t4"])
def test_grid_covers_every_position_exactly_once(key):
    table = T.table(key)
    seen = Counter()
    for g in table.grid:
        assert g.rowspan >= 1 and g.colspan >= 1, g
        assert g.row >= 0 and g.row + g.rowspan <= table.n_rows, g
        assert g.col >= 0 and g.col + g.colspan <= table.n_cols, g
        for r in range(g.row, g.row + g.rowspan):
            for c in range(g.col, g.col + g.colspan):
                seen[(r, c)] += 1
    overlaps = {pos: n for pos, n in seen.items() if n > 1}
    holes = [(r, c) for r in range(table.n_rows) for c in range(table.n_cols) if (r, c) not in seen]
    assert overlaps == {}
    assert holes == []
    assert len(table.col_widths) == table.n_cols


def test_grid_dimensions():
    assert (T.table("t2").n_rows, T.table("t2").n_cols) == (14, 4)  # 4 captions + 4 headers + 6 rows
    assert (T.table("t3").n_rows, T.table("t3").n_cols) == (28, 10)  # 3 header rows + 25; 3 label + 7
    assert (T.table("t4").n_rows, T.table("t4").n_cols) == (4, 15)
    assert T.table("t3").header_rows == 3
    assert T.table("t4").header_rows == 3


@pytest.mark.parametrize("key", ["t2", "t3", "t4"])
def test_every_cell_has_exactly_one_value_position(key):
    table = T.table(key)
    codes = [g.code for g in table.grid if g.role is Role.VALUE]
    assert len(codes) == len(set(codes))
    assert sorted(codes) == sorted(c.code for c in table.cells)
    assert all(g.code is None for g in table.grid if g.role is not Role.VALUE)


# ---------------------------------------------------------------------------------------------------
# Counts and codes


def test_cell_counts():
    t2, t3, t4 = T.table("t2"), T.table("t3"), T.table("t4")
    assert (len(t2.input_codes), len(t2.derived_codes)) == (10, 0)
    assert (len(t3.input_codes), len(t3.derived_codes)) == (144, 31)
    assert (len(t4.input_codes), len(t4.derived_codes)) == (12, 3)
    assert len(T.input_codes) == 166
    assert len(T.derived_codes) == 34
    assert len(T.cells) == 200


def test_codes_follow_the_spec_pattern():
    pattern = re.compile(r"^(t2|t3|t4)\.[a-z][a-z_0-9]*\.[a-z][a-z_]*$")
    bad = [c for c in T.cells if not pattern.match(c)]
    assert bad == []
    for code, cell in T.cells.items():
        assert code.split(".")[0] == cell.table


def test_t2_codes_exactly_as_spec():
    expected = {f"t2.{row}.{col}" for row, (_, cols) in T2_ROWS.items() for col in cols}
    assert set(T.table("t2").input_codes) == expected
    assert T.cells["t2.fees.amount"].kind is ValueKind.AMOUNT
    assert [c for c in T.table("t2").input_codes if T.cells[c].kind is ValueKind.AMOUNT] == ["t2.fees.amount"]


def test_t3_codes_exactly_as_spec():
    expected = {f"t3.{r}.{c}" for r in T3_ROW_CODES for c in T3_COL_CODES}
    assert {c.code for c in T.table("t3").cells} == expected
    derived = {f"t3.{r}.total" for r in T3_ROW_CODES} | {f"t3.total.{c}" for c in T3_COL_CODES}
    assert set(T.table("t3").derived_codes) == derived
    assert T.t3.rows == T3_ROW_CODES


def test_t4_codes_exactly_as_spec():
    expected = {f"t4.{g}.{c}" for g in T4_GROUP_CODES for c in T4_COL_CODES}
    assert {c.code for c in T.table("t4").cells} == expected
    assert set(T.table("t4").derived_codes) == {f"t4.{g}.total" for g in T4_GROUP_CODES}


# ---------------------------------------------------------------------------------------------------
# Labels in the grids


def test_t2_grid_labels():
    t2 = T.table("t2")
    captions = [g.text for g in t2.grid if g.role is Role.CAPTION]
    assert captions == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert all(g.colspan == 4 and g.col == 0 for g in t2.grid if g.role is Role.CAPTION)
    headers = [g.text for g in t2.grid if g.role is Role.HEADER]
    assert headers == [
        "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
        "信息内容", "本年处理决定数量",
        "信息内容", "本年处理决定数量",
        "信息内容", "本年收费金额（单位：万元）",
    ]
    labels = [g.text for g in t2.grid if g.role is Role.LABEL]
    assert labels == ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"]
    # the single-value blocks span all three value columns
    pos = _value_positions(t2)
    for code in ("t2.license.decisions", "t2.penalty.decisions", "t2.enforcement.decisions", "t2.fees.amount"):
        assert (pos[code].col, pos[code].colspan) == (1, 3), code
    # each value sits in the row of its label and under its header
    for code, g in pos.items():
        row = code.split(".")[1]
        assert _at(t2, g.row, 0).text == T2_ROWS[row][0]
    header_of = {"issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
                 "decisions": "本年处理决定数量", "amount": "本年收费金额（单位：万元）"}
    for code, g in pos.items():
        row_header = _at(t2, g.row - 1, g.col) if code.split(".")[1] in ("regulation", "license", "penalty", "fees") \
            else _at(t2, g.row - 2, g.col)
        assert row_header.text == header_of[code.split(".")[2]], code


def test_t3_header_texts_and_spans():
    t3 = T.table("t3")
    corner = _at(t3, 0, 0)
    assert corner.text == T3_CORNER
    assert (corner.rowspan, corner.colspan) == (3, 3)
    applicant = _at(t3, 0, 3)
    assert (applicant.text, applicant.colspan) == ("申请人情况", 7)
    assert (_at(t3, 1, 3).text, _at(t3, 1, 3).rowspan) == ("自然人", 2)
    legal = _at(t3, 1, 4)
    assert (legal.text, legal.colspan) == ("法人或其他组织", 5)
    assert (_at(t3, 1, 9).text, _at(t3, 1, 9).rowspan) == ("总计", 2)
    assert [_at(t3, 2, c).text for c in range(4, 9)] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert "法人小计" not in {g.text for g in t3.grid}


def test_t3_value_columns_under_their_headers():
    t3 = T.table("t3")
    by_label = {"自然人": "natural", "商业企业": "business", "科研机构": "research", "社会公益组织": "nonprofit",
                "法律服务机构": "legal", "其他": "other", "总计": "total"}
    for code, g in _value_positions(t3).items():
        assert by_label[_at(t3, 2, g.col).text] == code.split(".")[2], code


def test_all_25_t3_row_labels():
    t3 = T.table("t3")
    rows_of = {}
    for code, g in _value_positions(t3).items():
        rows_of.setdefault(code.split(".")[1], set()).add(g.row)
    assert all(len(rs) == 1 for rs in rows_of.values())
    found = {}
    for row_code, (r,) in rows_of.items():
        found[row_code] = tuple(_at(t3, r, c).text for c in range(3) if _at(t3, r, c).role is Role.LABEL
                                and (c == 0 or _at(t3, r, c) is not _at(t3, r, c - 1)))
    assert len(found) == 25
    assert found == T3_ROW_LABEL_PATHS
    # printed order of the rows
    assert sorted(rows_of, key=lambda k: min(rows_of[k])) == list(T3_ROW_CODES)
    # 三、本年度办理结果 spans the 22 result rows (21 results + （七）总计)
    results = [g for g in t3.grid if g.text == R3]
    assert len(results) == 1 and results[0].rowspan == 22


def test_t4_headers():
    t4 = T.table("t4")
    assert (_at(t4, 0, 0).text, _at(t4, 0, 0).colspan) == ("行政复议", 5)
    assert (_at(t4, 0, 5).text, _at(t4, 0, 5).colspan) == ("行政诉讼", 10)
    five = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert [_at(t4, 1, c).text for c in range(5)] == five
    assert all(_at(t4, 1, c).rowspan == 2 for c in range(5))
    assert (_at(t4, 1, 5).text, _at(t4, 1, 5).colspan) == ("未经复议直接起诉", 5)
    assert (_at(t4, 1, 10).text, _at(t4, 1, 10).colspan) == ("复议后起诉", 5)
    assert [_at(t4, 2, c).text for c in range(5, 15)] == five + five
    col_of = dict(zip(five, T4_COL_CODES, strict=True))
    group_of = {"行政复议": "review", "未经复议直接起诉": "suit_direct", "复议后起诉": "suit_after_review"}
    for code, g in _value_positions(t4).items():
        assert g.row == 3
        group_label = _at(t4, 0, g.col).text if g.col < 5 else _at(t4, 1, g.col).text
        assert f"t4.{group_of[group_label]}.{col_of[_at(t4, 2, g.col).text]}" == code


def test_cell_names_for_messages():
    assert T.cells["t3.new.natural"].name == "表三“一、本年新收政府信息公开申请数量”行“自然人”列"
    assert T.cells["t2.fees.amount"].name == "表二“行政事业性收费”行“本年收费金额（单位：万元）”列"
    assert T.cells["t4.suit_direct.pending"].name == "表四“未经复议直接起诉”行“尚未审结”列"
    assert T.cells["t3.deny_2.legal"].name == "表三“（三）不予公开·2.其他法律行政法规禁止公开”行“法律服务机构”列"


# ---------------------------------------------------------------------------------------------------
# Sections, aliases, derived cells


def test_six_section_headings_exact_and_in_order():
    assert tuple(s.heading for s in T.sections) == HEADINGS
    assert tuple(s.key for s in T.sections) == ("s1", "s2", "s3", "s4", "s5", "s6")
    assert tuple(s.table for s in T.sections) == (None, "t2", "t3", "t4", None, None)
    assert {k: T.table(k).title for k in ("t2", "t3", "t4")} == {
        "t2": HEADINGS[1], "t3": HEADINGS[2], "t4": HEADINGS[3]}


def test_label_aliases_as_spec():
    assert dict(T.label_aliases) == {
        "社会组织": "社会公益组织",
        "其他法律法规禁止公开": "其他法律行政法规禁止公开",
        "只计这一情况": "只计这一情形",
        "三类内容事务信息": "三类内部事务信息",
    }
    grid_text = "".join(g.text for t in T.tables for g in t.grid)
    for wrong, right in dict(T.label_aliases).items():
        assert right in grid_text
        assert wrong not in grid_text.replace(right, "")


@pytest.mark.parametrize(("published", "official", "replaced"), [
    ("社会组织", "社会公益组织", [("社会组织", "社会公益组织")]),
    ("2.其他法律法规禁止公开", "2.其他法律行政法规禁止公开", [("其他法律法规禁止公开", "其他法律行政法规禁止公开")]),
    ("（二）部分公开（区分处理的，只计这一情况，不计其他情形）",
     "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [("只计这一情况", "只计这一情形")]),
    ("5.属于三类内容事务信息", "5.属于三类内部事务信息", [("三类内容事务信息", "三类内部事务信息")]),
    ("社会公益组织", "社会公益组织", []),
    ("法律服务机构", "法律服务机构", []),
])
def test_canonical_label(published, official, replaced):
    assert T.canonical_label(published) == (official, replaced)


def test_derived_order_computes_operands_first():
    order = T.derived_order
    assert sorted(order) == sorted(T.derived_codes)
    pos = {c: i for i, c in enumerate(order)}
    for code in order:
        for dep in T.cells[code].sum_of:
            if T.cells[dep].derived:
                assert pos[dep] < pos[code], (dep, code)
    assert T.cells["t3.total.total"].sum_of == tuple(f"t3.total.{c}" for c in T3_COL_CODES[:6])
    assert T.cells["t3.open.total"].sum_of == tuple(f"t3.open.{c}" for c in T3_COL_CODES[:6])
    assert T.cells["t3.total.legal"].sum_of == tuple(f"t3.{r}.legal" for r in T3_ROW_CODES[2:23])
    assert T.cells["t4.review.total"].sum_of == tuple(f"t4.review.{c}" for c in T4_COL_CODES[:4])


def test_t3_total_total_sums_through_derived_order():
    report = full_report()
    computed = report.computed()
    # full_report: results per column natural 11, business 3, research 1, nonprofit 0, legal 2, other 3
    assert [computed[f"t3.total.{c}"] for c in T3_COL_CODES[:6]] == [11, 3, 1, 0, 2, 3]
    assert computed["t3.total.total"] == 20
    assert computed["t3.new.total"] == 21
    assert computed["t3.carried_out.total"] == 3
    assert computed["t3.total.total"] == sum(computed[f"t3.{r}.total"] for r in T3_ROW_CODES[2:23])
    assert computed["t4.review.total"] == 3
    report.values["t3.other_3.research"] = 7
    assert report.computed()["t3.total.total"] == 27
    del report.values["t3.deny_8.nonprofit"]
    after = report.computed()  # totals never wait: the sum of what is filled (this blank was 0)
    assert after["t3.total.total"] == 27
    assert after["t3.total.nonprofit"] == 0
    assert after["t3.deny_8.total"] == 0
    assert after["t3.total.natural"] == 11
    for code in [f"t3.deny_8.{c}" for c in T3_COL_CODES[:6]]:
        report.values.pop(code, None)
    assert report.computed()["t3.deny_8.total"] is None  # nothing filled in the row: no total yet


def test_report_title():
    assert T.report_title("金乡县行政审批服务局", 2022) == "金乡县行政审批服务局2022年政府信息公开工作年度报告"
    assert T.report_title("某局", None) == "某局____年政府信息公开工作年度报告"
