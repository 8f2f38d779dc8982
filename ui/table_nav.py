"""Where the cursor goes in a table editor, worked out on the grid of the report's format (no Qt).

Merged cells, captions and header rows sit between input cells (表二's 行政许可 row spans three columns
under a caption and a header), so Qt's own moves, which step one grid row at a time, stop or land on
labels there. These moves step from input cell to input cell instead, as a clerk expects:
Down/Up go to the nearest input cell below/above that covers the cursor's column, Enter does the same
and at the bottom of a column goes on to the top of the next column (Excel's Enter in a selection),
Tab goes through the input cells row by row, and Ctrl+Down/Up jump to the end of the filled run.
"""

from __future__ import annotations

from collections.abc import Callable

from model.template.types import GridCell, Table


class GridNavigator:
    """The input cells of one table and the moves between them."""

    def __init__(self, table: Table) -> None:
        self.table = table
        inputs = set(table.input_codes)
        self.inputs: tuple[GridCell, ...] = tuple(
            sorted((g for g in table.grid if g.code in inputs), key=lambda g: (g.row, g.col)))
        self._covering: dict[tuple[int, int], GridCell] = {}
        for g in table.grid:
            for r in range(g.row, g.row + g.rowspan):
                for c in range(g.col, g.col + g.colspan):
                    self._covering[(r, c)] = g
        #: Grid columns with at least one input cell over them, left to right.
        self.columns: tuple[int, ...] = tuple(sorted({c for g in self.inputs for c in range(g.col, g.col + g.colspan)}))

    def cell_at(self, row: int, col: int) -> GridCell | None:
        """The grid cell that covers (row, col), merged cells included."""
        return self._covering.get((row, col))

    def column(self, col: int) -> list[GridCell]:
        """The input cells that cover grid column `col`, top to bottom (a merged cell once)."""
        return [g for g in self.inputs if g.col <= col < g.col + g.colspan]

    # -- moves: each takes the cell the cursor is on (any grid cell) and the column it keeps ---------

    def down(self, cell: GridCell, col: int) -> GridCell | None:
        """The nearest input cell below `cell` over column `col`; None at the bottom."""
        return next((g for g in self.column(col) if g.row >= cell.row + cell.rowspan), None)

    def up(self, cell: GridCell, col: int) -> GridCell | None:
        """The nearest input cell above `cell` over column `col`; None at the top."""
        return next((g for g in reversed(self.column(col)) if g.row + g.rowspan <= cell.row), None)

    def enter(self, cell: GridCell, col: int, backwards: bool = False) -> tuple[GridCell, int] | None:
        """Enter (Shift+Enter backwards): down (up) the column; past its end, the next (previous) column's
        first (last) input cell. Returns the cell and the column the cursor then keeps."""
        if not self.column(col):  # on a total outside any input column: the next input cell, row by row
            target = self.tab(cell, backwards)
            return None if target is None else (target, target.col)
        step = self.up if backwards else self.down
        found = step(cell, col)
        if found is not None:
            return found, col
        if not self.columns:
            return None
        # the next column; past the last one, round again as Excel does in a selection
        order = self.columns[::-1] if backwards else self.columns
        nxt = next((c for c in order if (c < col if backwards else c > col)), order[0])
        run = self.column(nxt)
        return (run[-1] if backwards else run[0]), nxt

    def tab(self, cell: GridCell, backwards: bool = False) -> GridCell | None:
        """Tab (Shift+Tab backwards): the next (previous) input cell row by row, round at the end."""
        if not self.inputs:
            return None
        key = (cell.row, cell.col)
        if backwards:
            return next((g for g in reversed(self.inputs) if (g.row, g.col) < key), self.inputs[-1])
        return next((g for g in self.inputs if (g.row, g.col) > key), self.inputs[0])

    def jump(self, cell: GridCell, col: int, filled: Callable[[str], bool], backwards: bool = False) -> GridCell | None:
        """Ctrl+Down (Ctrl+Up): Excel's jump. From a filled cell whose neighbour is filled too, to the last
        filled cell of that run; otherwise to the next filled cell; with none, to the column's end."""
        run = self.column(col)
        if backwards:
            ahead = [g for g in reversed(run) if g.row + g.rowspan <= cell.row]
        else:
            ahead = [g for g in run if g.row >= cell.row + cell.rowspan]
        if not ahead:
            return None
        here = cell.code is not None and filled(cell.code)
        if here and filled(ahead[0].code or ""):
            last = ahead[0]
            for g in ahead[1:]:
                if not filled(g.code or ""):
                    break
                last = g
            return last
        return next((g for g in ahead if filled(g.code or "")), ahead[-1])
