"""A broken report file's message names the place in words (issue 15 point 13), not 第 17 行第 9 列 alone."""

from __future__ import annotations

import pytest
from support import SAMPLE

from model.report.json_place import describe_place, key_path
from model.report.storage import ReportFileError, loads

TEXT = SAMPLE.read_text(encoding="utf-8")


def _message(text: str) -> str:
    with pytest.raises(ReportFileError) as info:
        loads(text, "报告.json")
    return str(info.value)


def test_a_stray_comma_in_a_figure_names_the_cell():
    message = _message(TEXT.replace('"t3.new.natural": 2', '"t3.new.natural": 2,,'))
    assert "“统计表数字”部分" in message and "“一、本年新收政府信息公开申请数量”行“自然人”列" in message
    assert "格式有误" in message and "行第" in message  # the line and column stay, for whoever edits the file


def test_a_missing_comma_in_the_basic_information_names_the_field():
    message = _message(TEXT.replace('"agency": "金乡县行政审批服务局",', '"agency": "金乡县行政审批服务局"'))
    assert "“基本信息”部分的“机关名称”一项附近" in message


def test_a_file_cut_inside_a_section_names_the_section():
    message = _message(TEXT[:TEXT.index('"s5"') + 30])
    assert "“报告正文”部分的“五、存在的主要问题及改进情况”" in message and "被截断" in message


def test_key_path_follows_nesting_and_escaped_quotes():
    text = '{"meta": {"agency": "某\\"局"}, "values": {"t2.fees.amount": 1, "x": [1, {"y": 2'
    assert key_path(text, len(text)) == ["values", "x", "y"]
    assert key_path(text, text.index('"values"')) == ["meta"]
    assert describe_place("{", 1) == "在文件开头"
