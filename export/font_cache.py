"""A TrueType font whose parsed tables are kept between runs, so that a PDF does not wait for reportlab to
read a large font again (issue 18 point 7).

reportlab reads a font's character map and widths in pure Python on every `TTFont(...)`: for the bundled
WenQuanYi Micro Hei (34 600 characters) that is about a third of a second, a quarter of `main.py export`.
What it reads depends only on the font file, so it is stored once per file (path, size, modification
time, face index, reportlab version) in the user's cache folder and read back with `marshal` (plain
numbers, strings and containers). A cache that is missing, stale, cut short or unreadable is ignored and
written again; a cache folder that cannot be written only costs the time. The font file itself is still
read (reportlab embeds the subset from it), only its parsing is skipped.
`GOV_REPORT_FONT_CACHE` names another folder; `GOV_REPORT_FONT_CACHE=off` turns the cache off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import reportlab
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

CACHE_ENV = "GOV_REPORT_FONT_CACHE"
_FORMAT = 2
_MAGIC = b"GRFC"
#: Attributes extractInfo sets that are no plain data: rebuilt on load.
_REBUILT = ("_pdfScale",)
#: Large tables read only when asked for: glyph → characters serves text shaping, which the PDF does not use
#: (a third of the time of reading the cache).
_LAZY = ("glyphToChar",)


def cache_dir() -> Path | None:
    """The folder of the cached fonts, or None when the cache is turned off."""
    override = os.environ.get(CACHE_ENV, "")
    if override.lower() == "off":
        return None
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("gov-report-assistant", appauthor=False)) / "fonts"


def _cache_file(path: str, index: int) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = f"{_FORMAT}|{reportlab.Version}|{path}|{index}|{stat.st_size}|{stat.st_mtime_ns}"
    return folder / (hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32] + ".bin")


def _plain(value: Any) -> Any:
    """A parsed value as marshal stores it: TTFNameBytes (bytes with a decoded `ustr`) as a tagged tuple.
    (Packing the large tables into arrays makes the file smaller but rebuilding the dictionaries slower.)"""
    if isinstance(value, TTFNameBytes):
        return ("__ttfname__", value.ustr)
    return value


def _restored(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "__ttfname__":
        return TTFNameBytes(value[1].encode("utf-8"), "utf-8")
    return value


def _pdf_scale(units_per_em: int):
    """What extractInfo keeps as `_pdfScale`: font units to 1/1000 em."""
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _read(file: Path) -> dict[str, Any] | None:
    try:
        data = file.read_bytes()
    except OSError:
        return None
    head, digest, payload = data[:4], data[4:36], data[36:]
    if head != _MAGIC or hashlib.sha256(payload).digest() != digest:
        return None
    try:
        info = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    return info if isinstance(info, dict) else None


def _write(file: Path, info: dict[str, Any]) -> None:
    try:
        payload = marshal.dumps(info)
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        tmp.write_bytes(_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, file)
    except (OSError, ValueError):
        pass  # no cache: the next run parses the font again


class CachedFace(TTFontFace):
    """reportlab's TTFontFace whose extractInfo comes from the cache when the font file is unchanged."""

    def __init__(self, filename: str, validate: int = 0, subfontIndex: int = 0) -> None:  # noqa: N803
        self._cache = _cache_file(filename, subfontIndex)
        super().__init__(filename, validate=validate, subfontIndex=subfontIndex)

    def extractInfo(self, charInfo: int = 1) -> None:  # noqa: N802, N803 - reportlab's names
        cached = _read(self._cache) if self._cache is not None and charInfo else None
        if cached is not None:
            lazy = cached.pop("__lazy__", {})
            self.__dict__.update({k: _restored(v) for k, v in cached.items()})
            self._lazy = dict(lazy) if isinstance(lazy, dict) else {}
            self._pdfScale = _pdf_scale(self.unitsPerEm)
            return
        before = dict(self.__dict__)
        super().extractInfo(charInfo)
        if self._cache is None or not charInfo:
            return
        info = {k: _plain(v) for k, v in self.__dict__.items()
                if k not in _REBUILT and k != "_cache" and (k not in before or before[k] is not v)}
        info.pop("_ttf_data", None)
        info["__lazy__"] = {k: marshal.dumps(info.pop(k)) for k in _LAZY if k in info}
        _write(self._cache, info)

    def __getattr__(self, name: str) -> Any:
        """A table kept back by the cache (_LAZY), read the first time it is asked for."""
        lazy = self.__dict__.get("_lazy")
        if lazy and name in lazy:
            value = marshal.loads(lazy.pop(name))
            setattr(self, name, value)
            return value
        raise AttributeError(name)


def load_ttfont(name: str, filename: str, subfontIndex: int = 0) -> TTFont:  # noqa: N803
    """`TTFont(name, filename, subfontIndex=…)` with its face parsed once per font file (see above): what
    TTFont.__init__ of the pinned reportlab sets, with the cached face (tests/export/test_font_cache.py
    compares the two, so a reportlab that sets more fails there, not in a user's PDF)."""
    from weakref import WeakKeyDictionary

    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = CachedFace(filename, subfontIndex=subfontIndex)
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = reportlab.rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in ttfonts.unShapedFontGlob)
    return font
