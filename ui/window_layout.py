"""Where the main window and its side panels go on the screen, and remembering it for the next start.

A 1024×768 screen needs the room: the wizard keeps what table 三 needs, the side panels share the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QListWidget, QMainWindow, QWidget

from ui import appdata

#: The window's size on a screen that has room for it; a smaller screen gets the window maximized.
DEFAULT_SIZE = (1400, 900)
#: Room the wizard needs, in widths of “国”: table 三 with its labels and all seven data columns at the
#: narrowest width ui.table_view allows (about 58 国), its scroll bar and the page's margins (5 国).
CENTRAL_MIN_EM = 63


def add_dock(window: QMainWindow, widget: QWidget, title: str, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    # Closable: 视图 hides and shows the panel (its toggle action works only for a closable dock).
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable)
    window.addDockWidget(area, dock)
    return dock


class WindowLayout:
    def __init__(self, window: QMainWindow, sections: QListWidget, titles: list[str],
                 left: QDockWidget, right: QDockWidget) -> None:
        self.window = window
        self.sections = sections
        self.titles = titles
        self.left, self.right = left, right

    def show_on_screen(self) -> None:
        """Show the window (program start): as the user left it last time, else the default size where it
        fits, else the whole screen (1024×768, 1366×768), with the side panels fitted to the width it gets."""
        window = self.window
        geometry, state = appdata.setting("window_geometry"), appdata.setting("window_state")
        if isinstance(geometry, str) and isinstance(state, str):
            restored = window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
            if restored and window.restoreState(QByteArray.fromBase64(state.encode("ascii"))):
                window.show()
                return
        screen = window.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen is not None else None
        width, height = DEFAULT_SIZE
        if avail is None or (avail.width() >= width and avail.height() >= height):
            window.show()
            return
        window.resize(min(width, avail.width()), min(height, avail.height()))
        self.fit_docks(avail.width())
        window.showMaximized()

    def fit_docks(self, width: int | None = None) -> None:
        """Starting widths of the side panels for a window `width` pixels wide (default: its width now).

        The wizard keeps the room table 三 needs; the section list gets its longest title when there is
        room (1366 px and wider), otherwise the panels share what is left, the list wrapping its titles.
        The user may drag the panels or hide them (视图) afterwards; this is only the start.
        """
        width = self.window.width() if width is None else width
        em = self.window.fontMetrics().horizontalAdvance("国")
        titles = max(self.sections.fontMetrics().horizontalAdvance(t) for t in self.titles)
        left_full, right_full = titles + em * 2, em * 26
        spare = width - CENTRAL_MIN_EM * em - em  # the separators between the panels take about one 国
        if spare >= left_full + right_full:
            left, right = left_full, right_full
        else:
            left = max(em * 7, min(left_full, int(spare * 0.4)))
            right = max(em * 12, spare - left)
        self.window.resizeDocks([self.left, self.right], [left, right], Qt.Orientation.Horizontal)

    def remember(self) -> None:
        """Window size and position, and which panels are shown where, for the next start."""
        appdata.set_setting("window_geometry", bytes(self.window.saveGeometry().toBase64()).decode("ascii"))
        appdata.set_setting("window_state", bytes(self.window.saveState().toBase64()).decode("ascii"))
