"""Rows one cell short: a copy that lost a cell of a row is completed from the table's own sums, where
they leave one reading only; otherwise the row is told as not read."""

from __future__ import annotations

from dataclasses import dataclass, field

from model.reading.grid_keys import Equation, FormatKeys
from model.reading.grid_rows import Row, shown
from model.reading.labels import MARK, number_text
from model.reading.notices import Notice, remark, unplaced
from model.report.values import Value, ValueError_, read_number


@dataclass
class Short:
    """A row one cell short: its cells (indices) and where it goes, completed once the table is read."""

    table: str
    codes: list[str]
    cells: list[int]
    row: Row
    name: str  # the row as messages name it: 表三“（一）予以公开”行
    in_place: dict[str, int | None] | None = None  # the reading under the headers, the row's end blank


@dataclass
class Solution:
    """What a short row comes to: the figures to store, and what to tell (None: placed as printed)."""

    placed: bool
    figures: dict[str, Value] = field(default_factory=dict)
    notice: Notice | None = None


def solve(keys: FormatKeys, short: Short, known: dict[str, Value], final: bool) -> Solution | None:
    """Try each cell of the row as the missing one, completing it from the sums (and, for a row that
    ends early under its headers, its end as blank); the row is placed if all readings the sums allow
    agree. None: not decidable yet (other short rows may still be completed and help)."""
    values = _figures(keys, short)
    if values is None:
        return Solution(False, notice=unplaced("short-row-not-a-number", row=short.name,
                                               text=shown(short.row.texts[_bad_cell(keys, short)]),
                                               source=short.row.shown()))
    readings, undecided = _readings(keys, short, values, known)
    in_place = None
    if short.in_place is not None:
        by_cell = dict(zip(short.cells, values, strict=True))
        in_place = {c: by_cell[i] for c, i in short.in_place.items() if i in by_cell}
        if _all_hold(keys, short.codes, {**known, **in_place}):
            readings.append(in_place)
    if undecided and not final:
        return None
    cells = keys.template.cells
    inputs = {tuple(r.get(c) for c in short.codes if not cells[c].derived) for r in readings}
    printed = [short.row.texts[i] for i in short.cells]
    if len(inputs) != 1 or undecided:
        return Solution(False, notice=unplaced("short-row-undecided", short.codes, row=short.name,
                                               figures=printed, expected=len(short.codes)))
    figures: dict[str, Value] = {}
    for code in short.codes:
        found = {r.get(code) for r in readings}
        if len(found) == 1 and None not in found:
            figures[code] = found.pop()  # type: ignore[assignment]
    if in_place is not None and in_place in readings:
        return Solution(True, figures)  # as it stands under the headers: its end was blank
    return Solution(True, figures, remark("short-row-completed", short.codes, row=short.name, figures=printed,
                                          expected=len(short.codes),
                                          reading=[str(readings[0][c]) for c in short.codes]))


def _figures(keys: FormatKeys, short: Short) -> list[Value] | None:
    values: list[Value] = []
    for i in short.cells:
        if short.row.kinds[i] == MARK:
            values.append(0)
            continue
        try:
            values.append(read_number(keys.template.cells[short.codes[0]], number_text(short.row.texts[i])))
        except ValueError_:
            return None
    return values


def _bad_cell(keys: FormatKeys, short: Short) -> int:
    """The first cell of the row that is no number (for the notice)."""
    for i in short.cells:
        if short.row.kinds[i] == MARK:
            continue
        try:
            read_number(keys.template.cells[short.codes[0]], number_text(short.row.texts[i]))
        except ValueError_:
            return i
    return short.cells[0]


def _readings(keys: FormatKeys, short: Short, values: list[Value],
              known: dict[str, Value]) -> tuple[list[dict[str, Value]], bool]:
    """Every reading of the row with one cell missing that the sums allow; and whether some cell could
    not be decided yet."""
    readings: list[dict[str, Value]] = []
    undecided = False
    for missing in range(len(short.codes)):
        others = short.codes[:missing] + short.codes[missing + 1:]
        env = {**known, **dict(zip(others, values, strict=True))}
        x = _solve_cell(keys, short.codes[missing], env)
        if x is None:
            undecided = True
            continue
        if x is False or x < 0 or x != int(x):
            continue
        env[short.codes[missing]] = int(x)
        if _all_hold(keys, short.codes, env):
            readings.append({c: env[c] for c in short.codes})
    return readings, undecided


def _all_hold(keys: FormatKeys, codes: list[str], env: dict[str, Value]) -> bool:
    return all(_holds(eq, env) for c in codes for eq in keys.equations.get(c, ()))


def _solve_cell(keys: FormatKeys, code: str, env: dict[str, Value]) -> Value | bool | None:
    """The value of `code` implied by the sums it takes part in: a number, False (they disagree) or
    None (no sum has all its other terms)."""
    found: set[Value] = set()
    for total, operands in keys.equations.get(code, ()):
        if code == total:
            if all(o in env for o in operands):
                found.add(sum(env[o] for o in operands))
        elif total in env and all(o in env for o in operands if o != code):
            found.add(env[total] - sum(env[o] for o in operands if o != code))
    if not found:
        return None
    return found.pop() if len(found) == 1 else False


def _holds(equation: Equation, env: dict[str, Value]) -> bool:
    total, operands = equation
    if total not in env or any(o not in env for o in operands):
        return True
    return env[total] == sum(env[o] for o in operands)
