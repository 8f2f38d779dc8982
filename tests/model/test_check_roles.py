"""The roles the checks give rows, columns and cells are data of the format (issue 18 point 1), and G6's
readings are built from the report's template, once per template (point 2)."""

from __future__ import annotations

import dataclasses

from extended_template import EXTENDED, EXTRA_ROW

from model.checks.text_figures.readings import readings_for
from model.checks.text_figures.vocabulary import DENY, SUIT_DIRECT
from model.report.key_figures import KEY_FIGURE_LABELS, key_figures, sum_key_figures
from model.report.preamble import generate_preamble
from model.template import t2021

T = t2021.TEMPLATE


def test_every_role_names_a_part_of_the_format():
    roles = T.check_roles
    for row in (roles.t3_new, roles.t3_carried_in, roles.t3_carried_out, roles.t3_open, roles.t3_partial,
                roles.t3_unpaid_fee):
        assert row in T.t3.rows
    for col in (roles.t3_natural, roles.t3_business, roles.t3_research, roles.t3_nonprofit,
                roles.t3_legal_services):
        assert col in T.t3.input_cols
    for word in (roles.t3_deny_group, roles.t3_unable_group, roles.t3_ignore_group, roles.t3_other_group):
        assert T.t3.group(word).word == word
    assert roles.t3_unpaid_fee in T.t3.group(roles.t3_other_group).codes
    for row in roles.t2_documents:
        for col in roles.t2_document_cols:
            assert T.t2_code(row, col) in T.cells
    for row in (roles.t2_license, roles.t2_penalty, roles.t2_enforcement):
        assert T.t2_code(row, roles.t2_decisions) in T.cells
    assert T.cells[roles.t2_fees].kind.value == "amount"
    assert {roles.t4_suit_direct, roles.t4_suit_after_review} == set(T.t4.suit_groups)
    assert {roles.t4_upheld, roles.t4_corrected} <= {c for c, _ in T.t4.columns}
    assert "数据统计需要说明" in T.s6_items[roles.s6_explanations_item]


def test_g6_readings_are_built_per_template():
    current, extended = readings_for(T), readings_for(EXTENDED)
    assert readings_for(T) is current and extended is not current
    assert EXTRA_ROW in extended.rowsets[DENY][0] and EXTRA_ROW not in current.rowsets[DENY][0]
    # the format's own name of a group is a keyword of it, and the word a message restates
    label = dict(T.t4.groups)[T.check_roles.t4_suit_direct]
    assert current.keywords.kind_of(label) is SUIT_DIRECT and current.phrase[SUIT_DIRECT] == label


def test_key_figures_are_the_same_cells_as_before():
    assert key_figures(T) == (
        ("新收申请", "t3.new.total"), ("上年结转", "t3.carried_in.total"), ("予以公开", "t3.open.total"),
        ("部分公开", "t3.partial.total"), ("办理结果总计", "t3.total.total"), ("结转下年度", "t3.carried_out.total"),
        ("行政复议", "t4.review.total"), ("行政诉讼（未经复议）", "t4.suit_direct.total"),
        ("行政诉讼（复议后）", "t4.suit_after_review.total"))
    assert [label for label, _ in sum_key_figures(T)] == [
        label for label in KEY_FIGURE_LABELS if label not in {"上年结转", "部分公开", "办理结果总计"}]


def test_the_preamble_names_the_reports_format():
    other = dataclasses.replace(T, id="test-other", format_title="某某格式", format_doc="测试〔2030〕1号")
    text = generate_preamble({"agency": "某局", "year": 2030}, other)
    assert "《某某格式》（测试〔2030〕1号）" in text
    assert generate_preamble({"agency": "某局", "year": 2030}, T) != text
