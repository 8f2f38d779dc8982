"""What every source reader hands to the importer: the document as paragraphs and tables, in order.

Also the one decoder of text files: Chinese Windows programs save text and web pages in GBK (GB2312,
GB18030) as often as in UTF-8, with or without a byte-order mark, and a page may say which in a
<meta charset>. Valid UTF-8 is taken first (GBK text is practically never valid UTF-8, while UTF-8
bytes often decode as GBK into nonsense, so a page that declares GB2312 but is UTF-8 still reads).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from model.report.storage import ReportFileError


@dataclass
class Paragraph:
    """A paragraph or line of text (may hold newlines for line breaks inside it)."""

    text: str


@dataclass
class TableBlock:
    """A table as rows of cell texts; a merged cell's text in its first position, the rest blank."""

    rows: list[list[str]] = field(default_factory=list)


Block = Paragraph | TableBlock

_GB = "gb18030"  # a superset of GB2312 and GBK: what Chinese Windows programs write as “ANSI”
_ALIASES = {"gb2312": _GB, "gbk": _GB, "gb18030": _GB, "x-gbk": _GB, "cp936": _GB, "utf8": "utf-8"}
#: Codecs that decode bytes but are no character set a page can be written in.
_NOT_TEXT = {"rot-13", "rot13", "idna", "punycode", "raw-unicode-escape", "unicode-escape", "undefined"}
#: Share of control characters above which bytes are no text at all (a program, an image, a zip).
_MAX_CONTROL_SHARE = 0.01


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """The text of a text or HTML file; ReportFileError with a Chinese message if it is no text."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[3:].decode("utf-8", errors="replace"), name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data.decode("utf-16", errors="replace"), name)
    if b"\x00" in data[:65536]:
        raise ReportFileError(f"“{name}”不是文本文件（含有二进制内容），无法作为发布的年度报告导入。")
    candidates = ["utf-8"]
    if declared:
        enc = _ALIASES.get(declared.lower(), declared.lower())
        try:
            info = codecs.lookup(enc)
            # only text encodings: zlib, base64, hex, rot13, uu, bz2, quopri are codecs too
            if getattr(info, "_is_text_encoding", True) and info.name not in _NOT_TEXT:
                candidates.append(info.name)
        except LookupError:
            pass
    candidates.append(_GB)
    for enc in dict.fromkeys(candidates):
        try:
            return _checked(data.decode(enc), name)
        except UnicodeDecodeError:
            continue
    raise ReportFileError(f"“{name}”不是可识别的文本文件（既不是 UTF-8 也不是 GBK 编码），无法作为发布的年度报告导入。")


def _checked(text: str, name: str) -> str:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if sample and controls > _MAX_CONTROL_SHARE * len(sample):
        raise ReportFileError(f"“{name}”不是文本文件（含有大量控制字符），无法作为发布的年度报告导入。")
    return text
