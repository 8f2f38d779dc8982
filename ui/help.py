"""帮助: the user's guide (F1) and 关于, each in a window beside the report, never a modal dialog.

The guide is docs/使用说明.md (resources.USER_GUIDE), shown as Markdown, so that the same text is read
in the program and in the source tree. 关于 names the program, its version and the licences of the fonts
it brings along (resources/fonts), as those licences require.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from model.template import CURRENT
from resources import FONTS_DIR, USER_GUIDE
from ui.appdata import APP_NAME
from ui.version import __version__

#: The bundled fonts (resources/fonts/README.md): name, licence in Chinese, the licence files beside the font.
BUNDLED_FONTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("文泉驿微米黑（WenQuanYi Micro Hei）", "Apache 许可证 2.0 版，或附字体例外条款的 GNU 通用公共许可证第 3 版",
     ("LICENSE-wqy-microhei.txt",)),
    ("文鼎 PL 简报宋（AR PL SungtiL GB）", "文鼎公众授权书",
     ("LICENSE-arphic-gbsn00lp.txt", "COPYRIGHT-arphic-gbsn00lp.txt")),
)
#: The open-source software the program is built with and brings along (requirements.txt and what
#: those need), each with its licence named in Chinese.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("Python 3.11", "Python 软件基金会许可协议"),
    ("Qt 6、PySide6（界面）", "GNU 宽通用公共许可证第 3 版（LGPL）"),
    ("openpyxl、et_xmlfile（Excel 工作簿）", "MIT 许可证"),
    ("ReportLab（PDF）", "BSD 许可证"),
    ("python-docx（Word 文档）", "MIT 许可证"),
    ("lxml（读写 XML）", "BSD 许可证（三条款）"),
    ("Pillow（图像）", "MIT-CMU 许可证"),
    ("defusedxml（安全读取 XML）", "Python 软件基金会许可协议"),
    ("platformdirs（数据文件夹）", "MIT 许可证"),
    ("pdfplumber、pdfminer.six、charset-normalizer（读取 PDF）", "MIT 许可证"),
    ("cryptography（读取加密的 PDF）", "Apache 许可证 2.0 版或 BSD 许可证（三条款），任选其一"),
    ("cffi、pycparser（cryptography 所需）", "MIT 许可证；BSD 许可证（三条款）"),
    ("pypdfium2（打印预览和打印）", "Apache 许可证 2.0 版或 BSD 许可证（三条款），任选其一"),
    ("PDFium（pypdfium2 所带的 PDF 渲染库）", "BSD 许可证（三条款），部分文件为 Apache 许可证 2.0 版"),
)
#: Where the licences' own texts begin: they stay in the words they were written in.
LICENCE_TEXTS_HEADING = "许可证原文"


class _TextWindow(QDialog):
    """A resizable window with one read-only text browser and a 关闭 button; it does not block the report."""

    def __init__(self, parent: QWidget | None, title: str, name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.browser = QTextBrowser()
        self.browser.setObjectName(name)
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox()
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("国")
        self.resize(em * 48, em * 52)

    def present(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()


class GuideWindow(_TextWindow):
    """使用说明: how to fill in, what the colours mean, exports, where autosave keeps its files."""

    def __init__(self, parent: QWidget | None = None, path: Path = USER_GUIDE) -> None:
        super().__init__(parent, f"使用说明 — {APP_NAME}", "help-guide")
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            text = f"# 使用说明\n\n未找到使用说明文件“{path}”。请重新安装本程序。"
        self.browser.setSearchPaths([str(path.parent)])  # the guide's screenshots, beside it
        self.resize(max(self.width(), 760), self.height())  # their width (scripts/screenshots.py: 680) fits
        self.browser.setMarkdown(text)


def about_html() -> str:
    """关于: the program, its version, the software and fonts it brings along with their licences named
    in Chinese, and then the fonts' licence texts as written (their licences require them to travel along)."""
    parts = [
        f"<h2>{APP_NAME}</h2>",
        f"<p>版本 {__version__}</p>",
        f"<p>按《{CURRENT.format_title}》（{CURRENT.format_doc}）编制、校验和导出"
        "政府信息公开工作年度报告。离线运行，报告只保存在本机。</p>",
        "<h3>使用的开源软件</h3><p>本程序使用以下开源软件，按各自的许可证随程序分发：</p><ul>",
    ]
    for name, licence in COMPONENTS:
        parts.append(f"<li>{html.escape(name)}：{html.escape(licence)}</li>")
    parts += ["</ul><h3>随程序附带的字体</h3>",
              "<p>系统中没有合适的中文字体时，PDF 使用以下开源字体，按各自的许可证随程序分发：</p><ul>"]
    for name, licence, _files in BUNDLED_FONTS:
        parts.append(f"<li>{html.escape(name)}：{html.escape(licence)}</li>")
    parts.append(f"</ul><h3>{LICENCE_TEXTS_HEADING}</h3><p>以下为字体许可证的原文，按原样附上。</p>")
    for _name, _licence, files in BUNDLED_FONTS:
        for file in files:
            try:
                text = (FONTS_DIR / file).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = f"（未找到许可证文件 {FONTS_DIR / file}）"
            parts.append(f"<h4>{html.escape(file)}</h4><pre style='white-space: pre-wrap'>{html.escape(text)}</pre>")
    return "".join(parts)


class AboutWindow(_TextWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, f"关于 {APP_NAME}", "about-text")
        self.browser.setHtml(about_html())
