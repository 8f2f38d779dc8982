"""Where in a report file a JSON error is, in words a clerk understands ("在“统计表数字”中表三……一项
附近"), not only as 第 17 行第 9 列: the keys around the error, named by the file's format.

The file could not be read, so no report tells its format: the `template` id is looked for in the text,
and where it cannot be found (or names no format the program knows), the known format that has the key
names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from model import template as templates
from model.template.template import Template

_TEMPLATE_ID = re.compile(r'"template"\s*:\s*"([^"\\]*)"')

#: The report file's top-level keys (spec report-file.md) as the program calls their contents.
TOP_LEVEL = {"meta": "基本信息", "sections": "报告正文", "values": "统计表数字", "explanations": "需说明事项的说明",
             "format": "文件头", "version": "文件头", "template": "文件头"}


def key_path(text: str, pos: int) -> list[str]:
    """The keys of the objects that enclose position `pos`, outermost first, each with the last key
    read at its level (the entry the error is in or right after)."""
    stack: list[str | None] = []  # one entry per open object/array: its last key
    i, n = 0, min(pos, len(text))
    while i < n:
        ch = text[i]
        if ch == '"':
            j = i + 1
            while j < len(text) and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            k = j + 1
            while k < len(text) and text[k] in " \t\r\n":
                k += 1
            if k < len(text) and text[k] == ":" and stack and k < n:
                stack[-1] = text[i + 1:j]
            i = j + 1
            continue
        if ch in "{[":
            stack.append(None)
        elif ch in "}]" and stack:
            stack.pop()
        i += 1
    return [key for key in stack if key is not None]


def _formats(text: str) -> Iterator[Template]:
    """The file's own format first (if its `template` id can be read and is known), then every known one."""
    m = _TEMPLATE_ID.search(text)
    if m and m.group(1) in templates.known_ids():
        yield templates.by_id(m.group(1))
    yield from map(templates.by_id, templates.known_ids())


def _name_in(template: Template, top: str, key: str) -> str | None:
    if top == "values":
        return template.cells[key].name if key in template.cells else None
    if top == "meta":
        return next((f"“{f.label}”" for f in template.meta_fields if f.key == key), None)
    if top == "sections":
        if key == "preamble":
            return f"“{template.preamble_label}”"
        return next((f"“{s.heading}”" for s in template.sections if s.key == key), None)
    return None


def _entry_name(text: str, top: str, key: str) -> str:
    names = (_name_in(t, top, key) for t in _formats(text))
    return next((name for name in names if name), f"“{key}”")


def describe_place(text: str, pos: int) -> str:
    """The place of position `pos` in a report file's text, in words ("" when nothing names it)."""
    path = key_path(text, pos)
    if not path:
        return "在文件开头" if not text[:pos].strip(" \t\r\n{") else ""
    top = path[0]
    part = TOP_LEVEL.get(top, f"“{top}”")
    part = part if part.startswith("“") else f"“{part}”"
    if len(path) == 1:
        return f"在{part}部分"
    return f"在{part}部分的{_entry_name(text, top, path[1])}一项附近"
