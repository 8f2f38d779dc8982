"""model.report.storage: the report file (spec/report-file.md): strict reading, atomic writing, round trips."""

from __future__ import annotations

import json
import os
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import SAMPLE, full_report, sample_dict, valid_reports

from model.checks.rules import evaluate
from model.report import storage
from model.report.report import Report
from model.report.storage import ReportFileError, dumps, load, loads, save
from model.template import CURRENT as T

CJK = re.compile(r"[\u4e00-\u9fff]")


def _write_json(path: Path, doc) -> Path:
    try:
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    except UnicodeEncodeError:  # a lone surrogate: legal JSON only as an escape
        path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return path


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _same(a: Report, b: Report) -> None:
    assert a.meta == b.meta
    assert a.sections == b.sections
    assert _typed(a.values) == _typed(b.values)
    assert a.explanations == b.explanations


def _typed(values: dict) -> dict:
    """Values with type and exact digits, so 12.5000 ≠ 12.5 and 1 ≠ Decimal(1)."""
    return {k: (type(v).__name__, v.as_tuple() if isinstance(v, Decimal) else v) for k, v in values.items()}


# ---------------------------------------------------------------------------------------------------
# Round trips


def test_load_sample(sample_report):
    r = sample_report
    assert r.meta["agency"] == "金乡县行政审批服务局"
    assert r.meta["year"] == 2022 and r.year == 2022
    assert r.values["t2.license.decisions"] == 23140
    assert r.values["t2.fees.amount"] == Decimal("0") and isinstance(r.values["t2.fees.amount"], Decimal)
    assert r.values["t3.new.natural"] == 2
    assert len(r.values) == 166  # every input cell filled
    assert len(r.stated) == 34 and r.stated["t3.total.total"] == 2  # totals stated by the file
    assert set(r.sections) == {"preamble", "s1", "s5", "s6"}
    assert r.sections["s6"].startswith("（一）政府信息公开申请收费情况")
    assert r.explanations == {}
    assert r.extra == {}


def test_sample_round_trip_identical(sample_report, cn_dir):
    target = cn_dir / "年报 2022.json"
    save(sample_report, target)
    again = load(target)
    _same(sample_report, again)
    assert again.stated == sample_report.stated
    assert again.extra == {}
    # the saved document is the sample document (same keys and values)
    assert json.loads(target.read_text(encoding="utf-8")) == sample_dict()


def test_unknown_top_level_keys_are_kept(cn_dir):
    doc = sample_dict()
    doc["x-aggregation"] = {"members": ["金乡县行政审批服务局", "金乡县财政局"], "count": 2, "ok": True}
    doc["comment"] = "由其他工具生成"
    src = _write_json(cn_dir / "带 扩展.json", doc)
    report = load(src)
    assert report.extra == {"x-aggregation": doc["x-aggregation"], "comment": "由其他工具生成"}
    out = cn_dir / "另存 为.json"
    save(report, out)
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["x-aggregation"] == doc["x-aggregation"]
    assert saved["comment"] == "由其他工具生成"
    assert saved["format"] == "gov-info-disclosure-annual-report" and saved["version"] == 1
    assert load(out).extra == report.extra


def test_unknown_keys_with_fractional_numbers_survive(cn_dir):
    doc = sample_dict()
    doc["x-tool"] = {"weight": 1.5}
    doc["meta"]["x-score"] = 2.25
    report = load(_write_json(cn_dir / "in.json", doc))
    out = cn_dir / "out.json"
    save(report, out)
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["x-tool"] == {"weight": 1.5}
    assert saved["meta"]["x-score"] == 2.25


def test_saved_file_contains_computed_totals_and_claims(cn_dir):
    """Every total is written as computed, except a claim: a stated total that differs from its sum
    (issue 15 point 3) is written as stated, so that `check` of the file reports it as printed."""
    report = full_report()
    report.stated["t3.open.total"] = 99  # a claim: the row adds up to 11
    report.stated["t3.new.total"] = 20  # its parts add up to 21: a claim as well
    report.set_value("t3.new.natural", report.value("t3.new.natural"))  # touching a part keeps it
    target = cn_dir / "完整 报告.json"
    save(report, target)
    doc = json.loads(target.read_text(encoding="utf-8"))
    values = doc["values"]
    assert values["t3.open.total"] == 99
    assert values["t3.total.natural"] == 11
    assert values["t3.total.total"] == 20
    assert values["t3.new.total"] == 20  # stated, differing from the 21 of its parts: a claim too
    assert values["t4.review.total"] == 3
    assert values["t4.suit_after_review.total"] == 1
    assert values["t2.fees.amount"] == "1.2500"
    assert len(values) == 200
    assert set(doc["sections"]) == {"preamble", "s1", "s5", "s6"}
    again = load(target)
    assert again.claims() == {"t3.open.total": 99, "t3.new.total": 20}
    findings = evaluate(again)
    assert {f.rule for f in findings} == {"T3-1", "T3-2", "T3-3"}  # the report as printed
    assert all({"t3.open.total", "t3.new.total"} & set(f.cells) for f in findings)
    again.set_values({"t3.open.total": None, "t3.new.total": None})  # the user accepts the sums
    save(again, target)
    assert evaluate(load(target)) == []


def test_blank_stays_blank_and_totals_are_running_sums(cn_dir):
    report = full_report()
    del report.values["t3.open.legal"]
    target = cn_dir / "缺 数.json"
    save(report, target)
    values = json.loads(target.read_text(encoding="utf-8"))["values"]
    assert "t3.open.legal" not in values  # blank stays blank
    # totals are the running sums the editor, workbook and PDF show (the blank counts as 0)
    assert values["t3.open.total"] == 10 and values["t3.total.legal"] == 1 and values["t3.total.total"] == 19
    assert values["t3.new.total"] == 21


def test_fee_written_as_typed():
    report = full_report()
    report.values["t2.fees.amount"] = Decimal("12.5000")
    text = dumps(report)
    assert '"t2.fees.amount": "12.5000"' in text
    assert str(loads(text.encode()).values["t2.fees.amount"]) == "12.5000"


def test_fee_as_json_number_is_accepted():
    doc = sample_dict()
    doc["values"]["t2.fees.amount"] = 3.75
    assert loads(json.dumps(doc).encode()).values["t2.fees.amount"] == Decimal("3.75")


def test_null_value_is_blank():
    doc = sample_dict()
    doc["values"]["t3.new.legal"] = None
    report = loads(json.dumps(doc).encode())
    assert "t3.new.legal" not in report.values


# ---------------------------------------------------------------------------------------------------
# Atomic save


def test_save_keeps_bak_and_no_temp_files(cn_dir):
    target = cn_dir / "年报 2022.json"
    first = full_report()
    save(first, target)
    assert _listing(cn_dir) == ["年报 2022.json"]
    v1 = target.read_bytes()
    second = full_report()
    second.values["t2.license.decisions"] = 555
    save(second, target)
    assert _listing(cn_dir) == ["年报 2022.json", "年报 2022.json.bak"]
    assert (cn_dir / "年报 2022.json.bak").read_bytes() == v1
    assert load(target).values["t2.license.decisions"] == 555
    third = full_report()
    third.values["t2.license.decisions"] = 777
    v2 = target.read_bytes()
    save(third, target)
    assert (cn_dir / "年报 2022.json.bak").read_bytes() == v2
    assert load(target).values["t2.license.decisions"] == 777
    assert _listing(cn_dir) == ["年报 2022.json", "年报 2022.json.bak"]


def test_save_without_backup(cn_dir):
    target = cn_dir / "a.json"
    save(full_report(), target, backup=False)
    save(full_report(), target, backup=False)
    assert _listing(cn_dir) == ["a.json"]


def test_save_fails_when_parent_is_a_file(cn_dir):
    blocker = cn_dir / "不是 目录"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ReportFileError) as info:
        save(full_report(), blocker / "年报.json")
    assert "无法保存到" in str(info.value)
    assert blocker.read_text(encoding="utf-8") == "x"
    assert _listing(cn_dir) == ["不是 目录"]


def test_save_fails_in_missing_folder(cn_dir):
    with pytest.raises(ReportFileError, match="无法保存到.*文件夹不存在"):
        save(full_report(), cn_dir / "没有 这个" / "年报.json")


def test_save_fails_in_read_only_folder(cn_dir):
    target = cn_dir / "年报.json"
    save(full_report(), target)
    before = target.read_bytes()
    os.chmod(cn_dir, 0o500)
    try:
        if os.access(cn_dir, os.W_OK):
            pytest.skip("running with privileges that ignore folder permissions (root)")
        changed = full_report()
        changed.values["t2.license.decisions"] = 1
        with pytest.raises(ReportFileError, match="没有写入权限"):
            save(changed, target)
    finally:
        os.chmod(cn_dir, 0o700)
    assert target.read_bytes() == before
    assert _listing(cn_dir) == ["年报.json"]


@pytest.mark.parametrize("fail_at", ["fsync", "replace"])
def test_failed_save_leaves_old_file_untouched(cn_dir, monkeypatch, fail_at):
    target = cn_dir / "年报 2022.json"
    save(full_report(), target, backup=False)
    before = target.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, fail_at, disk_full)
    changed = full_report()
    changed.values["t2.license.decisions"] = 1
    with pytest.raises(ReportFileError) as info:
        save(changed, target, backup=False)
    monkeypatch.undo()
    assert str(info.value).startswith(f"无法保存到“{target}”")
    assert target.read_bytes() == before
    leftovers = [n for n in _listing(cn_dir) if n.endswith(".tmp")]
    assert leftovers == []


def test_failed_save_with_backup_keeps_old_file(cn_dir, monkeypatch):
    target = cn_dir / "年报 2022.json"
    save(full_report(), target)
    before = target.read_bytes()
    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "fsync", disk_full)
    with pytest.raises(ReportFileError, match="无法保存到"):
        save(Report(), target)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert _listing(cn_dir) == ["年报 2022.json"]


def test_backup_failure_leaves_no_temp_file(cn_dir):
    target = cn_dir / "年报 2022.json"
    save(full_report(), target)
    (cn_dir / "年报 2022.json.bak").mkdir()
    changed = full_report()
    changed.values["t2.license.decisions"] = 9
    save(changed, target)  # a backup that cannot be made must not stop the save
    assert load(target).values["t2.license.decisions"] == 9
    assert _listing(cn_dir) == ["年报 2022.json", "年报 2022.json.bak"]


# ---------------------------------------------------------------------------------------------------
# Bad files


def _doc(**changes):
    doc = sample_dict()
    for key, value in changes.items():
        doc[key] = value
    return doc


def _with_value(code, value):
    doc = sample_dict()
    doc["values"][code] = value
    return doc


def _with_meta(key, value):
    doc = sample_dict()
    doc["meta"][key] = value
    return doc


NEW_NATURAL = "表三“一、本年新收政府信息公开申请数量”行“自然人”列"

BAD_DOCS = {
    "other-format": (_doc(format="something-else"), ["不是政府信息公开工作年度报告文件", "something-else"]),
    "no-format": ({"version": 1}, ["不是政府信息公开工作年度报告文件", "未注明"]),
    "newer-version": (_doc(version=2), ["更新版本", "文件版本 2", "请升级"]),
    "version-string": (_doc(version="1"), ["version", "正整数"]),
    "wrong-template": (_doc(template="2019"), ["2019", "不支持"]),
    "list-in-count": (_with_value("t4.review.upheld", [0]), ["values.t4.review.upheld", "应为数字"]),
    "bool-in-count": (_with_value("t2.penalty.decisions", True), ["values.t2.penalty.decisions", "应为数字"]),
    "object-in-count": (_with_value("t3.open.legal", {"n": 1}), ["values.t3.open.legal", "应为数字"]),
    "unknown-code": (_with_value("t3.open.corporate", 1), ["不存在的单元格代码", "t3.open.corporate"]),
    "fee-not-number": (_with_value("t2.fees.amount", "十元"), ["行政事业性收费", "不是数字", "十元"]),
    "text-in-count": (_with_value("t3.new.natural", "两件"), ["values.t3.new.natural", NEW_NATURAL, "不是数字"]),
    "comma-in-fee": (_with_value("t2.fees.amount", "1,5"), ["行政事业性收费", "千位分隔符"]),
    "huge-count": (_with_value("t3.new.natural", 10**20), ["values.t3.new.natural", "过大"]),
    "surrogate-in-text": (_doc(sections={"s1": "总体情况\ud800"}), ["sections.s1", "无效字符"]),
    "surrogate-in-meta": (_with_meta("agency", "机关\udc00"), ["meta.agency", "无效字符"]),
    "surrogate-in-unknown": (_doc(note=["a", "\ud800"]), ["note[1]", "无效字符"]),
    "year-string": (_with_meta("year", "2022"), ["meta.year", "报告年度", "2022"]),
    "year-out-of-range": (_with_meta("year", 1999), ["meta.year", "2021 至 2100"]),
    "year-bool": (_with_meta("year", True), ["meta.year"]),
    "agency-kind-unknown": (_with_meta("agency_kind", "company"), ["meta.agency_kind", "company", "department"]),
    "agency-not-text": (_with_meta("agency", 42), ["meta.agency", "应为文字"]),
    "bad-date": (_with_meta("published_on", "2023-02-30"), ["meta.published_on", "2023-02-30"]),
    "meta-not-object": (_doc(meta=["金乡"]), ["meta", "应为对象"]),
    "sections-list": (_doc(sections=["一、总体情况"]), ["sections", "应为对象"]),
    "sections-text": (_doc(sections="全文"), ["sections", "应为对象"]),
    "section-not-text": (_doc(sections={"s1": 5}), ["sections.s1", "应为文字"]),
    "section-unknown": (_doc(sections={"s2": "表格"}), ["sections.s2", "不是报告的文字部分"]),
    "values-list": (_doc(values=[1, 2]), ["values", "应为对象"]),
    "explanation-not-text": (_doc(explanations={"T3-5": 1}), ["explanations.T3-5", "应为文字"]),
    "top-level-array": ([sample_dict()], ["最外层应为对象"]),
    "top-level-string": ("报告", ["最外层应为对象"]),
}


def _assert_refused(path: Path, words: list[str]) -> str:
    before = path.read_bytes()
    with pytest.raises(ReportFileError) as info:
        load(path)
    message = str(info.value)
    assert CJK.search(message), message
    assert path.name in message, message  # says where
    for w in words:
        assert w in message, (w, message)
    assert "Traceback" not in message
    assert path.read_bytes() == before  # a failed load never touches the file
    return message


#: A number outside its cell's limits is read as written and flagged by the rules (spec T2-2, T3-4, T4-4).
ODD_NUMBERS = {
    "negative-count": ("t3.new.natural", -2, -2, "T3-4", "不能为负数"),
    "fraction-in-count": ("t3.new.natural", Decimal("1.5"), Decimal("1.5"), "T3-4", "应为整数"),
    "too-large": ("t2.license.decisions", 10**9 + 1, 10**9 + 1, "T2-2", "过大"),
    "fee-7-places": ("t2.fees.amount", "0.1234567", Decimal("0.1234567"), "T2-2", "6 位小数"),
    "fee-negative": ("t2.fees.amount", "-1", Decimal(-1), "T2-2", "负数"),
    "negative-review": ("t4.review.upheld", -1, -1, "T4-4", "负数"),
    "exponent-count": ("t3.open.natural", Decimal("1e30"), None, None, "过大"),
}


@pytest.mark.parametrize("case", sorted(ODD_NUMBERS))
def test_odd_numbers_open_and_are_flagged(cn_dir, case):
    code, raw, kept, rule, words = ODD_NUMBERS[case]
    doc = _with_value(code, raw)
    path = cn_dir / f"怪 数 {case}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, default=str).replace(f'"{raw}"', str(raw))
                    if isinstance(raw, Decimal) else json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    if kept is None:  # no figure of any report: refused, saying why in Chinese
        _assert_refused(path, [f"values.{code}", words])
        return
    report = load(path)
    assert report.values[code] == kept
    found = [f for f in evaluate(report) if f.rule == rule]
    assert [f.cells for f in found] == [(code,)]
    assert words in found[0].message and T.cells[code].name in found[0].message


def test_fee_to_six_places_opens_clean(cn_dir):
    path = _write_json(cn_dir / "收费.json", _with_value("t2.fees.amount", "18734.205917"))
    report = load(path)
    assert report.values["t2.fees.amount"] == Decimal("18734.205917")
    assert not [f for f in evaluate(report) if f.rule == "T2-2"]
    save(report, path)
    assert json.loads(path.read_text(encoding="utf-8"))["values"]["t2.fees.amount"] == "18734.205917"


def test_minus_zero_is_zero(cn_dir):
    path = cn_dir / "负零.json"
    path.write_text(json.dumps(_with_value("t2.fees.amount", "0")).replace('"0"', "-0.0"), encoding="utf-8")
    report = load(path)
    save(report, path)
    assert json.loads(path.read_text(encoding="utf-8"))["values"]["t2.fees.amount"] == "0.0"


def test_4300_digit_number_refused_in_chinese(cn_dir):
    path = cn_dir / "长数.json"
    path.write_text(json.dumps(sample_dict())[:-1] + ', "note": ' + "9" * 4400 + "}", encoding="utf-8")
    message = _assert_refused(path, ["位数过多"])
    assert "Exceeds" not in message and "limit" not in message


@pytest.mark.parametrize("raw", ["1e999999999", "1.5e999", "-1e400"])
def test_huge_unknown_number_refused_quickly(cn_dir, raw):
    """Issue 7 case 2: such a value under an unknown key hung the export or was written as Infinity."""
    import time

    path = cn_dir / "巨数.json"
    path.write_text(json.dumps(sample_dict())[:-1] + f', "extra": {{"x": {raw}}}}}', encoding="utf-8")
    started = time.perf_counter()
    _assert_refused(path, ["extra.x", "超出可处理的范围"])
    assert time.perf_counter() - started < 1


def test_unknown_numbers_round_trip(cn_dir):
    path = cn_dir / "未知.json"
    path.write_text(json.dumps(sample_dict())[:-1] + ', "extra": {"a": 1.25, "b": 12345678901234567890, "c": 1e5}}',
                    encoding="utf-8")
    save(load(path), path)
    extra = json.loads(path.read_text(encoding="utf-8"))["extra"]
    assert extra == {"a": 1.25, "b": 12345678901234567890, "c": 1e5}
    assert "Infinity" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", sorted(BAD_DOCS))
def test_bad_documents_refused(cn_dir, case):
    doc, words = BAD_DOCS[case]
    path = _write_json(cn_dir / f"坏 文件 {case}.json", doc)
    _assert_refused(path, words)


@pytest.mark.parametrize(("case", "data", "words"), [
    ("not-json", "这不是 JSON 文件\n".encode(), ["不是有效的报告文件", "第 1 行"]),
    ("empty", b"", ["空文件"]),
    ("blank", b"  \n\t\n", ["空文件"]),
    ("gbk", json.dumps(sample_dict(), ensure_ascii=False).encode("gbk"), ["UTF-8"]),
    ("binary", bytes(range(128, 256)) * 4, ["UTF-8"]),
    ("xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"\x00" * 64, ["Excel"]),
    ("nan", b'{"format": "gov-info-disclosure-annual-report", "version": NaN}', ["NaN"]),
    ("deep", b"[" * 100000 + b"]" * 100000, ["嵌套过深"]),
    ("trailing", json.dumps(sample_dict()).encode() + b"\n}", ["不是有效的报告文件"]),
])
def test_bad_bytes_refused(cn_dir, case, data, words):
    path = cn_dir / f"坏 {case}.json"
    path.write_bytes(data)
    _assert_refused(path, words)


def _cut_after(text: str, marker: str) -> bytes:
    i = text.index(marker) + len(marker)
    return text[:i].encode("utf-8")


SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("data", [
    _cut_after(SAMPLE_TEXT, '"t3.new.natural": 2'),
    _cut_after(SAMPLE_TEXT, '"t3.new.natural": 2,'),
    SAMPLE_TEXT.rstrip()[:-1].encode("utf-8"),
    _cut_after(SAMPLE_TEXT, '"meta": {'),
], ids=["after-number", "after-comma", "last-brace", "after-open-brace"])
def test_truncated_file_says_truncated(cn_dir, data):
    path = cn_dir / "半个 文件.json"
    path.write_bytes(data)
    _assert_refused(path, ["截断"])


@pytest.mark.parametrize("data", [
    _cut_after(SAMPLE_TEXT, '"format": "gov-info'),
    _cut_after(SAMPLE_TEXT, "在县委、县政府"),
    SAMPLE_TEXT.encode("utf-8")[: len(_cut_after(SAMPLE_TEXT, "在县委、县政府")) - 1],
], ids=["inside-ascii-string", "inside-chinese-text", "inside-utf8-character"])
def test_truncated_inside_a_string_says_truncated(cn_dir, data):
    path = cn_dir / "半个 文件.json"
    path.write_bytes(data)
    _assert_refused(path, ["截断"])


@pytest.mark.parametrize("fee", ["NaN", "sNaN", "-NaN"])
def test_nan_fee_refused(cn_dir, fee):
    path = _write_json(cn_dir / "nan 收费.json", _with_value("t2.fees.amount", fee))
    _assert_refused(path, ["行政事业性收费"])


def test_missing_file_and_folder(cn_dir):
    with pytest.raises(ReportFileError, match="找不到文件"):
        load(cn_dir / "没有 的.json")
    with pytest.raises(ReportFileError, match="是文件夹"):
        load(cn_dir)


def test_loads_accepts_bom_and_text():
    text = json.dumps(sample_dict(), ensure_ascii=False)
    assert loads(b"\xef\xbb\xbf" + text.encode()).values["t3.new.natural"] == 2
    assert loads(text).meta["agency"] == "金乡县行政审批服务局"


def test_minimal_document_is_an_empty_report():
    report = loads(b'{"format": "gov-info-disclosure-annual-report", "version": 1}')
    assert report.values == {} and report.meta == {} and report.explanations == {}
    assert report.sections == {"preamble": "", "s1": "", "s5": "", "s6": ""}


# ---------------------------------------------------------------------------------------------------
# Property: any valid report survives save → load


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(valid_reports(counts=st.one_of(st.integers(0, 30), st.integers(0, T.max_value))))
def test_any_valid_report_survives_save_and_load(report):
    with tempfile.TemporaryDirectory(prefix="年报 测试 ") as folder:
        target = Path(folder) / "随机 报告.json"
        save(report, target)
        again = load(target)
        _same(report, again)
        assert again.stated == {k: v for k, v in report.computed().items() if v is not None}
        save(again, target)
        assert _typed(load(target).values) == _typed(again.values)
        assert sorted(os.listdir(folder)) == ["随机 报告.json", "随机 报告.json.bak"]


def test_half_filled_report_reads_back_as_it_was_left(cn_dir):
    """The running sums written for a half-filled column are not a claim: after save and load the
    column is still unfinished (progress while editing; at hand-in its blanks are read as 0 and the
    finding says so, as before saving)."""
    from model.checks.rules import Severity, Stage
    from model.report.report import new_report

    report = new_report()
    report.meta.update(agency="某局", agency_kind="department", year=2024)
    for row, n in (("new", 10), ("carried_in", 2), ("open", 6), ("partial", 1), ("carried_out", 3)):
        report.set_value(f"t3.{row}.natural", n)

    def balance(r, stage):
        return [(f.severity, f.variant) for f in evaluate(r, stage=stage) if f.rule == "T3-1"]

    before = (balance(report, Stage.EDITING), balance(report, Stage.HANDIN))
    assert before == ([(Severity.TODO, "progress")], [(Severity.ERROR, "blanks_as_zero")])
    path = cn_dir / "半成品.json"
    save(report, path)
    again = load(path)
    assert again.stated  # the running totals were written
    assert (balance(again, Stage.EDITING), balance(again, Stage.HANDIN)) == before
