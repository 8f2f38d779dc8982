"""The one cleaning of a user's text before any writer (workbook, Word, PDF) puts it into a file.

Texts come from outside: a Word line break (\\x0b) pasted into 机关名称, a bell (\\x07) from an old
system, a lone surrogate from a broken page. XML (and so every workbook and Word file) cannot hold most
control characters, and openpyxl and python-docx raise on them; a PDF font has no glyph for them. So
every writer cleans a text here, the same way, and the same text reads the same in every output: line
breaks of any kind become "\\n", other control characters go, and what is no character at all becomes
U+FFFD. Tabs stay (a workbook and Word keep them; the PDF draws them as spaces).
"""

from __future__ import annotations

import re

#: Characters taken for a line break: CR LF and CR, Word's manual line break (\x0b), a form feed, the
#: information separators and NEL that str.splitlines() also breaks at, and Unicode's line separators.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
#: The other control characters (Unicode category Cc, tab and line feed excepted).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
#: Code points that are no character: lone surrogates (they cannot even be encoded) and U+FFFE/U+FFFF.
_NON_CHARACTER = re.compile("[\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"
#: Every character clean_text changes: a text without any of them is already clean.
CHANGED = re.compile(f"{_LINE_BREAK.pattern}|{_CONTROL.pattern}|{_NON_CHARACTER.pattern}")


def clean_text(text: str) -> str:
    """`text` with line breaks as "\\n", control characters removed, non-characters replaced (idempotent)."""
    if not CHANGED.search(text):
        return text
    text = _LINE_BREAK.sub("\n", text)
    text = _CONTROL.sub("", text)
    return _NON_CHARACTER.sub(REPLACEMENT, text)
