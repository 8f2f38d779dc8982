"""The F1 guide (issue 15 point 13): it starts with what a clerk does first, and keeps installation,
input methods and commands for administrators at the end."""

from __future__ import annotations

import re

from resources import USER_GUIDE


def _sections() -> list[tuple[str, str]]:
    text = USER_GUIDE.read_text(encoding="utf-8")
    parts = re.split(r"(?m)^## ", text)[1:]
    return [(p.split("\n", 1)[0], p.split("\n", 1)[1]) for p in parts]


def test_the_guide_starts_with_filling_in_and_ends_with_administration():
    sections = _sections()
    first_title, first_body = sections[0]
    assert "填写" in first_title and "基本信息" in first_body
    last_title, last_body = sections[-1]
    assert "管理员" in last_title
    for command in ("gov-report check", "new --from", "--force", "--texts", "--exclude-errors", "QT_IM_MODULE"):
        assert command in last_body, command
    before = "".join(title + body for title, body in sections[:-1])
    for command in ("gov-report check", "QT_IM_MODULE", "解压", "--help"):
        assert command not in before, command


def test_the_guide_tells_the_new_options():
    text = USER_GUIDE.read_text(encoding="utf-8")
    assert "各部分文字以上年度报告为起点" in text and "内容与上年雷同" in text
    assert "不计入统计表有错误的单位" in text
