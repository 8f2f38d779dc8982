"""A Qt table model over one schema table, in the official printed layout.

The grid (captions, headers, labels and value cells with their spans) comes from model.schema; this
adapter only maps it to Qt roles. Input cells are editable; totals are read-only and computed. Every
value cell answers its cell code under Qt.UserRole. A bad entry is refused (setData returns False) and
the reason is emitted as `message`, never shown in a modal dialog.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont

from model.schema import CELLS, GridCell, Role, Table
from model.values import ValueError_, format_value, is_none_mark, parse_text
from ui import colors
from ui.document import ReportDocument

Index = QModelIndex | QPersistentModelIndex
CODE_ROLE = Qt.ItemDataRole.UserRole
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_BRUSH_DERIVED = QBrush(colors.DERIVED_BG)
_BRUSH_BLANK = QBrush(colors.BLANK_BG)
_SEVERITY_BRUSHES = {s: QBrush(c) for s, c in colors.SEVERITY_BG.items()}
_SEVERITY_TEXT = {s: QBrush(c) for s, c in colors.SEVERITY_FG.items()}


class ReportTableModel(QAbstractTableModel):
    message = Signal(str)  # a Chinese message about a refusal (bad entry, refused paste): shown as an error
    notice = Signal(str)  # a Chinese message about what was done (pasted, filled): shown plainly

    def __init__(self, doc: ReportDocument, table: Table) -> None:
        super().__init__()
        self.doc = doc
        self.table = table
        self._anchor: dict[tuple[int, int], GridCell] = {}
        self._covering: dict[tuple[int, int], GridCell] = {}
        self._pos: dict[str, tuple[int, int]] = {}
        for g in table.grid:
            self._anchor[(g.row, g.col)] = g
            for r in range(g.row, g.row + g.rowspan):
                for c in range(g.col, g.col + g.colspan):
                    self._covering[(r, c)] = g
            if g.code:
                self._pos[g.code] = (g.row, g.col)
        self._bold = QFont()
        self._bold.setBold(True)
        self._codes = {pos: code for code, pos in self._pos.items()}
        self._static = {(g.row, g.col): self._label_roles(g) for g in table.grid if g.code is None}
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
        doc.values_changed.connect(self._refresh)

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
        return code is not None and code in CELLS and not CELLS[code].derived

    def flags(self, index: Index) -> Qt.ItemFlag:
        return self._flags.get((index.row(), index.column()), Qt.ItemFlag.NoItemFlags)

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
            return CELLS[code].name
        return None

    def _appearance(self, code: str) -> tuple[str, QBrush | None, QBrush | None]:
        """What a value cell shows: its text, background and text colour (by the worst finding)."""
        text = format_value(self.doc.display_value(code))
        worst = self.doc.worst(code)
        if worst is None:
            return text, (_BRUSH_DERIVED if CELLS[code].derived else None), None
        if worst.variant in ("blank", "progress") and self.doc.report.value(code) is None and not CELLS[code].derived:
            return text, _BRUSH_BLANK, None
        return text, _SEVERITY_BRUSHES[worst.severity], _SEVERITY_TEXT[worst.severity]

    def _tooltip(self, code: str) -> str:
        cell = CELLS[code]
        lines = [cell.name]
        if cell.derived:
            lines.append(self.computed_note(code))
        if self.doc.prior is not None:
            before = self.doc.prior.figures().get(code)
            year = self.doc.prior.year
            lines.append(f"上年度（{year or '年度不详'}）：{format_value(before) if before is not None else '未填写'}")
        for f in self.doc.cell_findings.get(code, []):
            if f.variant in ("blank", "progress") and self.doc.report.value(code) is None:
                lines.append("【未填写】没有发生的事项应填写 0。")
            else:
                lines.append(f"【{f.severity.label}】{f.message}")
        return "\n".join(lines)

    def computed_note(self, code: str) -> str:
        """How a total is computed, in words: which cells it adds up."""
        cell = CELLS[code]
        parts = cell.sum_of
        if len({CELLS[p].row_label for p in parts}) == 1:  # a row total: the applicant columns
            what = "、".join(f"“{CELLS[p].col_label}”" for p in parts)
        elif len(parts) > 6:
            what = f"本列“{CELLS[parts[0]].row_label}”至“{CELLS[parts[-1]].row_label}”共 {len(parts)} 项"
        else:
            what = "、".join(f"“{CELLS[p].row_label}”" for p in parts)
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
            parsed = parse_text(g.code, "" if value is None else str(value))
        except ValueError_ as exc:
            self.message.emit(str(exc))
            return False
        self.doc.set_cells({g.code: parsed}, f"填写{CELLS[g.code].name}")
        return True

    def refuse_computed(self, code: str) -> None:
        """Say why typing on a total does nothing: it is computed, and from what."""
        self.message.emit(f"{CELLS[code].name}是{self.computed_note(code)}不能直接填写。")

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

        Items that land on labels, headers, totals or the covered part of a merged cell are skipped,
        so a whole table copied with its labels pastes correctly. If any item that lands on an input
        cell is not a valid number, nothing is pasted and the message names the cell.
        """
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        self.refused_code = None
        updates: dict[str, Any] = {}
        none_marks = 0
        for dr, line in enumerate(lines):
            for dc, item in enumerate(line.split("\t")):
                r, c = row + dr, col + dc
                if r >= self.table.n_rows or c >= self.table.n_cols:
                    if item.strip():
                        self.message.emit("粘贴的内容超出了表格范围，未粘贴。请从正确的起始单元格粘贴。")
                        return False
                    continue
                code = self.code_at(r, c)
                if not self.is_input(code):
                    continue
                assert code is not None
                if is_none_mark(item):  # real forms write — or / or 无 for "none"
                    updates[code] = 0
                    none_marks += 1
                    continue
                try:
                    updates[code] = parse_text(code, item)
                except ValueError_ as exc:
                    self.refused_code = code
                    self.message.emit(f"粘贴内容有误，未粘贴：{exc}")
                    return False
        if not updates:
            self.message.emit("没有可粘贴到填报单元格的数字。")
            return False
        changed = self.doc.set_cells(updates, f"粘贴 {len(updates)} 个单元格")
        if changed:
            extra = f"其中 {none_marks} 格为“—”“/”“无”等，已按 0 填写。" if none_marks else ""
            self.notice.emit(f"已粘贴 {len(updates)} 个单元格。{extra}")
        return True

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

    def _refresh(self) -> None:
        """Recompute what each value cell shows; signal only the cells whose look changed."""
        for code, (r, c) in self._pos.items():
            shown = self._appearance(code)
            if shown != self._shown.get(code):
                self._shown[code] = shown
                index = self.index(r, c)
                self.dataChanged.emit(index, index)
