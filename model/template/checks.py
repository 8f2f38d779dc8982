"""The roles the rules (spec §6) and the text check G6 give rows, columns and cells of a format.

A rule says "上年结转 equals last year's 结转下年度" or "a 结果纠正 must be mentioned in section 五": it
needs to know which row is 上年结转 and which column is 结果纠正. Those facts belong to the format, so they
are data here, named by their role; model/checks reads them from `report.template.check_roles`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckRoles:
    """Rows, columns and cells named by what the checks do with them (codes of the format's cells)."""

    # Table 三: the rows of the 勾稽关系 (一 + 二 = 三（七）+ 四), by role; 总计 is `T3Layout.total_row`.
    t3_new: str  # 一、本年新收
    t3_carried_in: str  # 二、上年结转
    t3_carried_out: str  # 四、结转下年度继续办理
    # Table 三: results a text names one by one, and the result groups by their word (T3Group.word).
    t3_open: str  # （一）予以公开
    t3_partial: str  # （二）部分公开
    t3_deny_group: str  # 不予公开
    t3_unable_group: str  # 无法提供
    t3_ignore_group: str  # 不予处理
    t3_other_group: str  # 其他处理
    t3_unpaid_fee: str  # the 其他处理 row of 逾期未按收费通知缴费 (rule S3-2)
    # Table 三: the applicant columns a text names; every input column but `t3_natural` is 法人或其他组织.
    t3_natural: str
    t3_business: str
    t3_research: str
    t3_nonprofit: str
    t3_legal_services: str
    # Table 二: the document block (规章, 规范性文件 × 制发, 废止, 现行有效) of rules S2-1, S2-2, S2-4.
    t2_regulation: str
    t2_normative: str
    t2_issued: str
    t2_repealed: str
    t2_in_force: str
    # Table 二: the decision rows and their column, and the fee cell (万元) of rule S2-3.
    t2_license: str
    t2_penalty: str
    t2_enforcement: str
    t2_decisions: str
    t2_fees: str  # a cell code
    # Table 四: the two kinds of 行政诉讼 (行政复议 is `T4Layout.review_group`) and the result columns.
    t4_suit_direct: str
    t4_suit_after_review: str
    t4_upheld: str
    t4_corrected: str
    # Section 六: the index of its item where explanations of `confirm` findings are printed (（五）).
    s6_explanations_item: int

    @property
    def t2_documents(self) -> tuple[str, ...]:
        """The document rows, in the order S2-1 and S2-2 report them."""
        return (self.t2_regulation, self.t2_normative)

    @property
    def t2_document_cols(self) -> tuple[str, ...]:
        return (self.t2_issued, self.t2_repealed, self.t2_in_force)
