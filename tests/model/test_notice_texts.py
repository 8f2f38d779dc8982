"""Every notice a reader makes is a record whose words are written in one place (issue 18 point 5)."""

from __future__ import annotations

import ast
from pathlib import Path

from model.reading import notice_texts
from model.reading.notices import LABEL_RULE, READ_RULE, WARNING, label_notice, remark, unplaced

READING = Path(notice_texts.__file__).resolve().parent
_MAKERS = {"remark", "unplaced", "label_notice", "changed", "_note"}


def _kinds_made() -> set[str]:
    """The kinds the readers' code makes notices of (the first argument of every notice maker)."""
    kinds = set()
    for path in READING.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in _MAKERS:
                    kinds.add(node.args[0].value)
    return kinds


def test_every_kind_a_reader_makes_has_its_text_and_no_text_is_orphaned():
    made = _kinds_made()
    assert len(made) > 40
    assert made == set(notice_texts.TEXTS)


def test_no_reader_writes_a_notice_in_words():
    """Readers hand kinds and parameters; Chinese sentences of notices live in notice_texts only."""
    for path in READING.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Notice":
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant | ast.Name), f"{path.name}:{node.lineno}"


def test_a_notice_is_a_record_and_its_text_is_made_from_it():
    notice = label_notice("label-alias", ("t3.new.nonprofit",), table="表三", part="column", label="社会公益组织",
                          written="社会组织", wrong="社会组织", right="社会公益组织")
    assert (notice.rule, notice.severity, notice.kind) == (LABEL_RULE, "info", "label-alias")
    assert notice.message == ("表三的列标题“社会公益组织”写作“社会组织”，其中“社会组织”应为“社会公益组织”（格式规定的标签），"
                              "已按“社会公益组织”读取。")
    assert not notice.message.startswith(LABEL_RULE)  # the rule is the record's, shown where it is wanted
    finding = notice.as_finding()
    assert (finding.rule, finding.variant, finding.cells) == (LABEL_RULE, "label-alias", ("t3.new.nonprofit",))
    lost = unplaced("cell-not-a-number", ["t3.new.business"], cell="表三某格", text="两件")
    assert (lost.rule, lost.severity, lost.unplaced) == (READ_RULE, WARNING, True)
    told = remark("signature-left-out", section="s6", signature="某局 2023年1月20日")
    assert told.location.section == "s6" and not told.unplaced and "某局 2023年1月20日" in told.message
