"""The inputs both 年报质量检查 and 汇总 take are judged by one piece of code (model/many_reports/inputs.py)."""

from pathlib import Path

import pytest

from model.many_reports import aggregate, audit, inputs
from model.report.storage import ReportFileError


def test_both_tools_share_one_definition() -> None:
    assert audit.unit_key is inputs.unit_key
    assert aggregate.read_expected is inputs.read_expected
    assert audit.MAX_AUDIT_BYTES == aggregate.MAX_MEMBER_BYTES == inputs.MAX_INPUT_BYTES


def test_folders_recursive_for_audit_flat_for_aggregate(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.json", "a.xlsx", ".hidden.json", "~$lock.xlsx", "note.exe", "sub/c.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in aggregate.member_files([tmp_path])] == ["a.xlsx", "b.json"]
    assert [p.relative_to(tmp_path).as_posix() for p in audit.audit_files([tmp_path])] == [
        "a.xlsx", "b.json", "sub/c.json"]


def test_digest_same_content_same_hash_and_too_large_refused(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_bytes(b"x" * 5)
    b.write_bytes(b"x" * 5)
    assert inputs.file_digest(a) == inputs.file_digest(b)
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 4)
    with pytest.raises(ReportFileError, match="过大"):
        inputs.file_digest(a)


def test_expected_names_and_missing_units() -> None:
    names = inputs.expected_names(["  甲 局 ", "", "# 注释", "乙局", "甲 局"])
    assert names == ["甲 局", "乙局", "甲 局"]
    assert inputs.missing_units(names, {"甲局"}) == ["乙局"]
