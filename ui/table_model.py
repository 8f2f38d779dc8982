"""A Qt table model over one table of the report's format, in the official printed layout.

The grid (captions, headers, labels and value cells with their spans) comes from the format the report
is made in (`doc.template`); this adapter only maps it to Qt roles. Input cells are editable; totals are read-only and computed. Every
value cell answers its cell code under Qt.UserRole. A bad entry is refused (setData returns False) and
the reason is emitted as `message`, never shown in a modal dialog.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont

from model.report.values import ValueError_, format_value, is_none_mark, parse_text
from model.template.types import GridCell, Role, Table
from ui import colors
from ui.document import ReportDocument
from ui.table_nav import GridNavigator

Index = QModelIndex | QPersistentModelIndex
CODE_ROLE = Qt.ItemDataRole.UserRole
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_BRUSH_DERIVED = QBrush(colors.DERIVED_BG)
_BRUSH_BLANK = QBrush(colors.BLANK_BG)
_SEVERITY_BRUSHES = {s: QBrush(c) for s, c in colors.SEVERITY_BG.items()}
_SEVERITY_TEXT = {s: QBrush(c) for s, c in colors.SEVERITY_FG.items()}


_NUMBER = re.compile(r"[-+]?[0-9０-９][0-9０-９,，.．]*")


def _is_number(item: str) -> bool:
    """Whether a pasted item reads as a figure (so it must not fall on a label and be lost)."""
    return is_none_mark(item) or _NUMBER.fullmatch(item.strip()) is not None


class ReportTableModel(QAbstractTableModel):
    message = Signal(str)  # a Chinese message about a refusal (bad entry, refused paste): shown as an error
    notice = Signal(str)  # a Chinese message about what was done (pasted, filled): shown plainly

    def __init__(self, doc: ReportDocument, table_key: str) -> None:
        super().__init__()
        self.doc = doc
        self.table: Table = doc.template.table(table_key)
        self.cells = doc.template.cells  # the format's cells: names, sums and limits
        self.nav = GridNavigator(self.table)  # input cells and merged areas, shared with the view
        self._anchor: dict[tuple[int, int], GridCell] = {}
        self._pos: dict[str, tuple[int, int]] = {}
        for g in self.table.grid:
            self._anchor[(g.row, g.col)] = g
            if g.code:
                self._pos[g.code] = (g.row, g.col)
        self._bold = QFont()
        self._bold.setBold(True)
        self._codes = {pos: code for code, pos in self._pos.items()}
        self._static = {(g.row, g.col): self._label_roles(g) for g in self.table.grid if g.code is None}
        self._flags: dict[tuple[int, int], Qt.ItemFlag] = {}
        for code, pos in self._pos.items():
            # Labels and headers get no flags: not selectable, and the cursor skips them.
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if self.is_input(code):
                flags |= Qt.ItemFlag.ItemIsEditable
            self._flags[pos] = flags
        self._shown: dict[str, tuple[str, QBrush | None, QBrush | None]] = {
            code: self._appearance(code) for code in self._pos
        }
        doc.values_changed.connect(self.refresh)

    # -- structure -----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.table.n_rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.table.n_cols

    def grid_cell(self, index: Index) -> GridCell | None:
        return self._anchor.get((index.row(), index.column()))

    def code_at(self, row: int, col: int) -> str | None:
        g = self._anchor.get((row, col))
        return g.code if g else None

    def index_of(self, code: str) -> QModelIndex:
        pos = self._pos.get(code)
        return self.index(*pos) if pos else QModelIndex()

    def is_input(self, code: str | None) -> bool:
        return code is not None and code in self.cells and not self.cells[code].derived

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = self._flags.get((index.row(), index.column()), Qt.ItemFlag.NoItemFlags)
        return flags & ~Qt.ItemFlag.ItemIsEditable if self.doc.read_only else flags

    # -- data ----------------------------------------------------------------------------------------
    # Painting table 三 asks for ~1500 roles; answers come from caches so a keystroke repaints in a frame.

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pos = (index.row(), index.column())
        static = self._static.get(pos)
        if static is not None:
            return static.get(role)
        code = self._codes.get(pos)
        if code is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown[code][0]
        if role == CODE_ROLE:
            return code
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._shown[code][1]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._shown[code][2]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER
        if role == Qt.ItemDataRole.EditRole:
            return format_value(self.doc.report.value(code))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(code)
        if role == Qt.ItemDataRole.StatusTipRole:
            return self.cells[code].name
        return None

    def _appearance(self, code: str) -> tuple[str, QBrush | None, QBrush | None]:
        """What a value cell shows: its text, background and text colour (by the worst finding)."""
        text = format_value(self.doc.display_value(code))
        worst = self.doc.worst(code)
        if worst is None:
            return text, (_BRUSH_DERIVED if self.cells[code].derived else None), None
        if worst.variant in ("blank", "progress") and self.doc.report.value(code) is None and not self.cells[code].derived:
            return text, _BRUSH_BLANK, None
        return text, _SEVERITY_BRUSHES[worst.severity], _SEVERITY_TEXT[worst.severity]

    def _tooltip(self, code: str) -> str:
        cell = self.cells[code]
        lines = [cell.name]
        if cell.derived:
            lines.append(self.computed_note(code))
            if self.doc.claim(code) is not None:  # the figures are in the finding's own words, listed below
                lines.append("填写的合计数按所填保留并列入校验结果；改正各项或右键“采用各项之和”。")
        if self.doc.prior is not None:
            before = self.doc.prior.as_last_year().get(code)
            year = self.doc.prior.year
            lines.append(f"上年度（{year or '年度不详'}）：{format_value(before) if before is not None else '未填写'}")
        for f in self.doc.cell_findings.get(code, []):  # each in the rules' words (model.checks.rules)
            lines.append(f"【{f.severity.label}】{f.message}")
        return "\n".join(lines)

    def computed_note(self, code: str) -> str:
        """How a total is computed, in words: which cells it adds up."""
        cell = self.cells[code]
        parts = cell.sum_of
        if len({self.cells[p].row_label for p in parts}) == 1:  # a row total: the applicant columns
            what = "、".join(f"“{self.cells[p].col_label}”" for p in parts)
        elif len(parts) > 6:
            what = f"本列“{self.cells[parts[0]].row_label}”至“{self.cells[parts[-1]].row_label}”共 {len(parts)} 项"
        else:
            what = "、".join(f"“{self.cells[p].row_label}”" for p in parts)
        return f"合计数，由程序自动计算：{what}之和。"

    def _label_roles(self, g: GridCell) -> dict[int, Any]:
        if g.role == Role.CAPTION or (g.role == Role.LABEL and g.colspan == 1 and g.rowspan == 1):
            align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        else:
            align = _CENTER
        bg = {Role.CAPTION: colors.CAPTION_BG, Role.HEADER: colors.HEADER_BG}.get(g.role, colors.LABEL_BG)
        roles: dict[int, Any] = {
            Qt.ItemDataRole.DisplayRole: g.text,
            Qt.ItemDataRole.ToolTipRole: g.text,
            Qt.ItemDataRole.BackgroundRole: QBrush(bg),
            Qt.ItemDataRole.ForegroundRole: QBrush(Qt.GlobalColor.black),
            Qt.ItemDataRole.TextAlignmentRole: align,
        }
        if g.role in (Role.CAPTION, Role.HEADER):
            roles[Qt.ItemDataRole.FontRole] = self._bold
        return roles

    # -- editing -------------------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole:
            return False
        g = self.grid_cell(index)
        if g is None or not self.is_input(g.code):
            if g is not None and g.code:
                self.refuse_computed(g.code)
            return False
        assert g.code is not None
        try:
            parsed = parse_text(self.cells[g.code], "" if value is None else str(value))
        except ValueError_ as exc:
            self.message.emit(str(exc))
            return False
        self.doc.set_cells({g.code: parsed}, f"填写{self.cells[g.code].name}")
        return True

    def refuse_computed(self, code: str) -> None:
        """Say why typing on a total does nothing: it is computed, and from what."""
        self.message.emit(f"{self.cells[code].name}是{self.computed_note(code)}不能直接填写。")

    def fill_blank_with_zero(self) -> int:
        n = self.doc.fill_blank_with_zero(self.table.input_codes)
        self.notice.emit(f"已将 {n} 个空白单元格填为 0（可撤销）。" if n else "本表没有空白单元格。")
        return n

    def clear(self, indexes: list[QModelIndex]) -> int:
        """Clear the input cells among `indexes` as one undo step (Delete)."""
        codes = {self.code_at(i.row(), i.column()) for i in indexes}
        targets = {c: None for c in codes if self.is_input(c) and self.doc.report.value(c) is not None}
        if targets:
            self.doc.set_cells(targets, "清除单元格")
        return len(targets)

    def paste(self, row: int, col: int, text: str) -> bool:
        """Paste a tab-separated block (from Excel/WPS) with its top-left at (row, col); one undo step.

        The block is placed by its shape (issue 15): a block as wide as the input cells of the row from
        there fills those cells, skipping computed totals (row by row down the column, through merged
        and caption rows, as Enter goes); otherwise each item goes to its printed column, which is
        taken when the block is as wide as the printed row (a 总计 in it is kept as stated: a claim while
        it differs from the sum of its parts) or hits no total at all. Label text in the block (a whole
        table copied with its labels) is skipped. Any other shape is refused, naming the widths that fit,
        and so is a block with an item that is no number (the message names its cell).
        """
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        block = [line.split("\t") for line in lines]
        self.refused_code = None
        placed = self._by_input_cells(row, col, block)
        skipped_totals = placed is not None and self._crosses_total(row, col, block)
        if placed is None:
            placed = self._by_printed_columns(row, col, block)
        if isinstance(placed, str):
            self.message.emit(placed)
            return False
        updates: dict[str, Any] = {}
        none_marks = 0
        for code, item in placed.items():
            if is_none_mark(item):  # real forms write — or / or 无 for "none"
                updates[code] = 0
                none_marks += 1
                continue
            try:
                updates[code] = parse_text(self.cells[code], item)
            except ValueError_ as exc:
                self.refused_code = code
                self.message.emit(f"粘贴内容有误，未粘贴：{exc}")
                return False
        inputs = [c for c in updates if self.is_input(c)]
        if not inputs:  # totals alone: they are computed (a stated total comes only with its row)
            self.message.emit("没有可粘贴到填报单元格的数字（合计数由程序自动计算）。")
            return False
        changed = self.doc.set_cells(updates, f"粘贴 {len(updates)} 个单元格")
        if changed:
            extra = f"其中 {none_marks} 格为“—”“/”“无”等，已按 0 填写。" if none_marks else ""
            totals = [c for c in updates if not self.is_input(c)]
            claims = [c for c in totals if self.doc.claim(c) is not None]
            if claims:
                extra += f"所粘贴的合计数有 {len(claims)} 个与各项之和不符，按所填保留，见校验结果。"
            elif skipped_totals:
                extra += "合计数由程序计算，已跳过。"
            self.notice.emit(f"已粘贴 {len(inputs)} 格：{self.describe(inputs)}。{extra}")
        return True

    def describe(self, codes: list[str]) -> str:
        """Cells in words: a few one by one, row by row (“行政复议”行结果维持、结果纠正); more as a range
        from the first to the last, so the message keeps to two lines under the table."""
        if len(codes) > 6:
            last = self.cells[codes[-1]]
            return f"{self.cells[codes[0]].name}至“{last.row_label}”行“{last.col_label}”列"
        rows: dict[str, list[str]] = {}
        for code in codes:
            rows.setdefault(self.cells[code].row_label, []).append(self.cells[code].col_label)
        return self.table.numeral + "；".join(f"“{r}”行{'、'.join(cols)}" for r, cols in rows.items())

    # -- where a pasted block goes -------------------------------------------------------------------

    def _input_row(self, cell: GridCell) -> list[str]:
        """The input cells of `cell`'s grid row from `cell` rightwards, totals left out."""
        return [g.code for g in self.nav.inputs if g.row == cell.row and g.col >= cell.col and g.code]

    def _by_input_cells(self, row: int, col: int, block: list[list[str]]) -> dict[str, str] | None:
        """Each line on the input cells of one row (lines go down as Enter does); None when the block is
        not exactly as wide as those cells on every row it reaches."""
        start = self.nav.cell_at(row, col)
        if start is None or not self.is_input(start.code):
            return None
        width = max(len(line) for line in block)
        placed: dict[str, str] = {}
        cell: GridCell | None = start
        for line in block:
            if cell is None:
                return None
            codes = self._input_row(cell)
            if len(codes) != width:
                return None
            placed.update(zip(codes, line, strict=False))
            cell = self.nav.down(cell, start.col)
        return placed

    def _crosses_total(self, row: int, col: int, block: list[list[str]]) -> bool:
        width = max(len(line) for line in block)
        return any(self._pos_code(row, c) in self.table.derived_codes for c in range(col, col + width))

    def _pos_code(self, row: int, col: int) -> str | None:
        g = self._anchor.get((row, col))
        return g.code if g else None

    def _by_printed_columns(self, row: int, col: int, block: list[list[str]]) -> dict[str, str] | str:
        """Each item on the cell printed where it lands; a refusal (str) when a number would be lost."""
        width = max(len(line) for line in block)
        full_row = width == self.table.n_cols - col
        footprint = {(row + dr, col + dc) for dr, line in enumerate(block) for dc in range(len(line))}
        filled = [(row + dr, col + dc, item) for dr, line in enumerate(block)
                  for dc, item in enumerate(line) if item.strip()]
        if any(r >= self.table.n_rows or c >= self.table.n_cols for r, c, _ in filled):
            return "粘贴的内容超出了表格范围，未粘贴。请从正确的起始单元格粘贴。"
        placed: dict[str, str] = {}
        for r, c, item in filled:
            g = self._anchor.get((r, c))
            if g is not None and self.is_input(g.code):
                placed[g.code] = item  # type: ignore[index]
            elif g is not None and g.code and (full_row or self._parts_within(g.code, footprint)):
                placed[g.code] = item  # a total printed with its parts: kept as stated
            elif g is not None and not g.code and not _is_number(item):
                continue  # a label copied along with the numbers
            else:
                return self._shape_refusal(row, col, width)
        return placed

    def _parts_within(self, code: str, footprint: set[tuple[int, int]]) -> bool:
        """A column total (（七）总计) pasted with all its parts above it. A row total goes only with a
        block as wide as the printed row: a narrower one is as likely a row of input cells, shifted."""
        row = self._pos[code][0]
        parts = [self._pos[p] for p in self.cells[code].sum_of]
        return all(r != row and (r, c) in footprint for r, c in parts)

    def _shape_refusal(self, row: int, col: int, width: int) -> str:
        """Why the block does not fit, and which widths would, from the start cell."""
        start = self.nav.cell_at(row, col)
        fits: list[str] = []
        if start is not None and self.is_input(start.code):
            plain = 0  # items that land on input cells before the first total or merged part
            for c in range(col, self.table.n_cols):
                if not self.is_input(self._pos_code(row, c)):
                    break
                plain += 1
            n_inputs = len(self._input_row(start))
            fits.append(f"{n_inputs} 个（各填报单元格，跳过合计列）")
            if self.table.n_cols - col != n_inputs:
                fits.append(f"{self.table.n_cols - col} 个（按表中各列，含合计列）")
            if 1 < plain < n_inputs:
                fits.append(f"不超过 {plain} 个")
        where = f"从{self.cells[start.code].name}起" if start is not None and start.code else "从此处"
        hint = f"{where}每行可粘贴 {'、'.join(fits)}" if fits else "请从要填写的第一个单元格粘贴"
        return f"粘贴的数据每行 {width} 个，与表格对不上，未粘贴。{hint}。"

    refused_code: str | None = None  # the cell that made the last paste fail, for the view to select

    def copy_text(self, indexes: list[QModelIndex]) -> str:
        """The selected cells as tab-separated rows, as Excel/WPS paste them."""
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        out = []
        for r in range(rows[0], rows[-1] + 1):
            items = []
            for c in range(cols[0], cols[-1] + 1):
                items.append(str(self.data(self.index(r, c)) or "") if (r, c) in chosen else "")
            out.append("\t".join(items))
        return "\n".join(out)

    def refresh(self) -> None:
        """Recompute what each value cell shows; signal only the cells whose look changed."""
        for code, (r, c) in self._pos.items():
            shown = self._appearance(code)
            if shown != self._shown.get(code):
                self._shown[code] = shown
                index = self.index(r, c)
                self.dataChanged.emit(index, index)
