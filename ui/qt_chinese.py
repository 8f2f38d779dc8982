"""Chinese where Qt's own translation (qtbase_zh_CN) leaves English or words things otherwise.

Two gaps show in Qt's file dialogs on Linux (统信UOS, 银河麒麟 have no native dialog for Qt here):
the 类型 column says "Folder" and "json File" (QAbstractFileIconProvider's words are not in
qtbase_zh_CN), and the 大小 column says "12.06 KiB" (QLocale::formattedDataSize, not translatable).
The first is filled by a translator installed after Qt's own; the second by a proxy model put in front
of every Qt file dialog a window of ours opens (a filter on the window sees the dialog as its child).
The translator also makes the Discard button of a save question read 不保存, as WPS and Word say.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

#: (context, source text) → Chinese, for what qtbase_zh_CN lacks or says unlike office software.
TEXTS: dict[tuple[str, str], str] = {
    ("QPlatformTheme", "Discard"): "不保存",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "Alias"): "替身",
    ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
    ("QFileSystemModel", "Folder"): "文件夹",
    ("QFileSystemModel", "File"): "文件",
    ("QFileSystemModel", "%1 File"): "%1 文件",
    ("QFileSystemModel", "Drive"): "驱动器",
    ("QFileSystemModel", "Size"): "大小",
}


class ChineseTexts(QTranslator):
    """The texts of TEXTS; anything else falls through to Qt's own translation."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None is Qt's null string, "not translated here": an empty string would hide Qt's own translation
        return TEXTS.get((context, source))

    def isEmpty(self) -> bool:
        return False


def install_translator(app: QCoreApplication) -> ChineseTexts:
    """Install after qtbase_zh_CN: the translator installed last is asked first."""
    translator = ChineseTexts(app)
    app.installTranslator(translator)
    return translator


def data_size(size: int) -> str:
    """A file's size as Chinese office software shows it: 12 KB, 3.4 MB (no KiB)."""
    if size < 1024:
        return f"{size} 字节"
    for unit in ("KB", "MB", "GB"):
        size_in = size / 1024
        if size_in < 1024 or unit == "GB":
            return f"{size_in:.0f} {unit}" if size_in >= 100 or unit == "KB" else f"{size_in:.1f} {unit}"
        size = int(size_in)
    return f"{size} GB"


class ChineseSizes(QIdentityProxyModel):
    """The file dialog's model with sizes in KB and MB instead of Qt's KiB and MiB, and dates as
    2025-01-20 14:30 whatever the system's locale (Qt writes them in the system's, "7 Dec" on an
    English one)."""

    SIZE_COLUMN, DATE_COLUMN = 1, 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        model = self.sourceModel()
        if role == Qt.ItemDataRole.DisplayRole and isinstance(model, QFileSystemModel):
            source = self.mapToSource(index)
            if index.column() == self.SIZE_COLUMN and not model.isDir(source):
                return data_size(model.size(source))
            if index.column() == self.DATE_COLUMN:
                return model.lastModified(source).toString("yyyy-MM-dd HH:mm")
        return super().data(index, role)


class _FileDialogWatcher(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QFileDialog) and not isinstance(child.proxyModel(), ChineseSizes):
                child.setProxyModel(ChineseSizes(child))
        return False


def watch_file_dialogs(window: QWidget) -> None:
    """Give every Qt file dialog opened with `window` as its parent the Chinese sizes."""
    watcher = _FileDialogWatcher(window)
    window.installEventFilter(watcher)
