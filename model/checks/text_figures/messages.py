"""G6's finding as a record (`TextMismatch`), and the one place its Chinese message is made from it."""

from __future__ import annotations

from dataclasses import dataclass

from model.checks.text_figures.numbers import Number
from model.report.values import format_value


@dataclass(frozen=True)
class Alternative:
    """Another reading of the same words and what the table gives for it."""

    words: str  # 加上“二、上年结转政府信息公开申请数量” or 按表三“…”计
    value: Number
    done: bool  # every cell of the reading is filled


@dataclass(frozen=True)
class TextMismatch:
    """A figure in the text that no reading of the table agrees with."""

    section: str  # "preamble", "s1", "s5" or "s6"
    span: tuple[int, int]  # the phrase (keyword … number and unit), offsets into the section text
    quote: str  # the whole sentence
    cells: tuple[str, ...]  # the cell(s) the phrase refers to; the first is the one named
    stated: Number  # what the text says
    table: Number  # what the table says (the first reading): while a cell is blank, the running sum
    said: str = ""  # the words as written
    reading: str = ""  # the first reading in words: 表三“一、本年新收政府信息公开申请数量”总计
    unit: str = "件"
    spell_out: bool = False  # the words do not show the figure in digits (未收到, 三件): say it
    done: bool = True  # every cell of the first reading is filled
    others: tuple[Alternative, ...] = ()  # the other readings that give other figures
    complete: bool = True  # False: a cell is still blank, but what is filled already exceeds the text

    @property
    def message(self) -> str:
        """Chinese, for the user."""
        return mismatch_message(self)


def _figure(value: Number, done: bool, unit: str) -> str:
    return f"为{format_value(value)}{unit}" if done else f"已填部分已达{format_value(value)}{unit}"


def mismatch_message(m: TextMismatch) -> str:
    """正文称“…”（即3件），表三“…”总计为2件（加上“…”为5件）（表格尚未填完）。"""
    implied = f"（即{format_value(m.stated)}{m.unit}）" if m.spell_out else ""
    message = f"正文称“{m.said}”{implied}，{m.reading}{_figure(m.table, m.done, m.unit)}"
    if m.others:
        message += "（" + "；".join(f"{o.words}{_figure(o.value, o.done, m.unit)}" for o in m.others) + "）"
    if not m.complete:
        message += "（表格尚未填完）"
    return message + "。"
