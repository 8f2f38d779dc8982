"""Fonts for the PDF export: find the 公文 fonts on the system, fall back to the bundled ones, per character.

Each typographic role of GB/T 9704 has a chain of fonts:

| role       | wanted                                   | system files tried (by file name)            |
|------------|------------------------------------------|----------------------------------------------|
| `title`    | 小标宋 (方正小标宋简体)                  | FZXBSJW.TTF …, then 华文中宋, then 宋体       |
| `body`     | 仿宋 (仿宋_GB2312)                       | simfang.ttf, 仿宋_GB2312.ttf …, then 宋体     |
| `heading1` | 黑体                                     | simhei.ttf, 方正黑体 …, 微软雅黑, 文泉驿      |
| `heading2` | 楷体 (楷体_GB2312)                       | simkai.ttf, 楷体_GB2312.ttf, AR PL KaitiM …  |
| `number`   | 宋体 (page numbers)                      | simsun.ttc (index 0), 华文宋体, 方正书宋 …    |
| `table`    | 宋体 (table cells)                       | as `number`                                  |

System folders: Windows `%WINDIR%\\Fonts` and the per-user `%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts`;
Linux `/usr/share/fonts`, `/usr/local/share/fonts`, `~/.fonts`, `~/.local/share/fonts` (统信UOS and
银河麒麟 install their Chinese fonts there, e.g. the CESI 公文 fonts CESI_FS/KT/HT/SS/XBS_GB18030.TTF).
A candidate is used only if reportlab loads it as TrueType: reportlab refuses CFF-flavoured OpenType
(Noto CJK, Source Han) and fonts that forbid embedding; those are skipped. After the system fonts come
the bundled ones (`resources/fonts`): song-like roles use AR PL SungtiL GB first (宋体 look, GB 2312),
黑体 uses WenQuanYi Micro Hei first (34 600 characters), and each chain ends with both, then with system
fonts that cover rare characters (SimSun-ExtB, Droid Sans Fallback …).

`font_for_char(role, ch)` is the first font of the chain whose character map has `ch`, or None.
`runs(role, text, missing)` cuts a text into (font, text) pieces; characters no font has are drawn as
〓 (U+3013, in both bundled fonts) and collected in `missing` for the caller to report.

`GOV_REPORT_NO_SYSTEM_FONTS=1` disables the system search (tests use it to simulate a machine without
Chinese fonts). Loaded fonts are registered with reportlab once per process; `clear_caches()` forgets
the search and the chains (e.g. after changing that variable) but never re-registers a font.

Importing this module also corrects reportlab's text layer for characters beyond U+FFFF (see below).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from export.font_cache import load_ttfont
from resources import BUNDLED_SANS, BUNDLED_SONG, FONTS_DIR

ROLES: tuple[str, ...] = ("title", "body", "heading1", "heading2", "number", "table")
REPLACEMENT = "\u3013"  # 〓, the customary mark for a character that cannot be set
NO_SYSTEM_FONTS_ENV = "GOV_REPORT_NO_SYSTEM_FONTS"


#: Font families by file name (lower case), in order of preference within a family.
FAMILIES: dict[str, tuple[str, ...]] = {
    "xiaobiaosong": (
        "fzxbsjw.ttf", "方正小标宋简体.ttf", "cesi_xbs_gb18030.ttf", "cesi_xbs_gb13000.ttf", "cesi_xbs_gb2312.ttf",
        "fzxbsk.ttf", "方正小标宋_gbk.ttf", "fzxiaobiaosong-b05s.ttf", "fzxiaobiaosong-b05.ttf", "方正小标宋.ttf",
    ),
    "zhongsong": ("stzhongs.ttf", "华文中宋.ttf"),
    "song": (
        "simsun.ttc", "simsun.ttf", "宋体.ttc", "宋体.ttf", "cesi_ss_gb18030.ttf", "cesi_ss_gb13000.ttf",
        "cesi_ss_gb2312.ttf", "stsong.ttf", "华文宋体.ttf", "fzssjw.ttf", "fzssk.ttf", "方正书宋_gbk.ttf",
        "uming.ttc", "gbsn00lp.ttf",
    ),
    "fangsong": (
        "simfang.ttf", "仿宋_gb2312.ttf", "fangsong_gb2312.ttf", "fs_gb2312.ttf", "仿宋.ttf", "fangsong.ttf",
        "cesi_fs_gb18030.ttf", "cesi_fs_gb13000.ttf", "cesi_fs_gb2312.ttf", "stfangso.ttf", "华文仿宋.ttf",
        "fzfsjw.ttf", "fzfsk.ttf", "方正仿宋_gbk.ttf",
    ),
    "hei": (
        "simhei.ttf", "黑体.ttf", "cesi_ht_gb18030.ttf", "cesi_ht_gb13000.ttf", "cesi_ht_gb2312.ttf", "fzhtjw.ttf",
        "fzhtk.ttf", "方正黑体_gbk.ttf", "stheiti.ttf", "华文黑体.ttf", "stxihei.ttf", "msyh.ttc", "msyh.ttf",
        "wqy-zenhei.ttc", "wqy-microhei.ttc",
    ),
    "kai": (
        "simkai.ttf", "楷体_gb2312.ttf", "kaiti_gb2312.ttf", "kt_gb2312.ttf", "楷体.ttf", "cesi_kt_gb18030.ttf",
        "cesi_kt_gb13000.ttf", "cesi_kt_gb2312.ttf", "stkaiti.ttf", "华文楷体.ttf", "fzktjw.ttf", "fzktk.ttf",
        "方正楷体_gbk.ttf", "gkai00mp.ttf", "ukai.ttc",
    ),
    # rare characters (CJK Extension B and beyond) after everything else
    "extension": (
        "simsunb.ttf", "simsun-extb.ttf", "mingliub.ttc", "droidsansfallbackfull.ttf",
        "droidsansfallback.ttf", "wqy-zenhei.ttc", "uming.ttc",
    ),
}

#: role → (families that count as the role's own face, other system families tried before the bundled)
ROLE_FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "title": (("xiaobiaosong", "zhongsong"), ("song",)),
    "body": (("fangsong",), ("song",)),
    "heading1": (("hei",), ()),
    "heading2": (("kai",), ("fangsong", "song")),
    "number": (("song",), ()),
    "table": (("song",), ()),
}
#: Roles whose look is a sans (黑体); the others are song-like and prefer the bundled 宋体.
SANS_ROLES = frozenset({"heading1"})


@dataclass(frozen=True, eq=False)
class Face:
    """One loaded, registered TrueType font."""

    name: str  # the name registered with reportlab
    path: str
    index: int
    family: str  # which family of FAMILIES matched, or "bundled"
    bundled: bool
    font: TTFont

    def has(self, ch: str) -> bool:
        return bool(self.font.face.charToGlyph.get(ord(ch)))  # glyph 0 is .notdef, the empty box

    def width(self, ch: str, size: float) -> float:
        """Advance width of one character at `size` points."""
        face = self.font.face
        return face.charWidths.get(ord(ch), face.defaultWidth) * size / 1000.0

    def __repr__(self) -> str:
        return f"Face({self.name!r}, {self.path!r}, index={self.index})"


# -- reportlab fix: text layer of characters beyond U+FFFF --------------------------------------------
#
# reportlab 4.4 writes the ToUnicode map of a font subset as "<code> <%04X>", so a character beyond the
# Basic Multilingual Plane (CJK Extension B names such as 𠀀, drawn correctly from SimSun-ExtB or a
# similar font) comes out of copy/paste and pdftotext as a wrong character. The map must hold the
# UTF-16 form (a surrogate pair). The wrapper below rewrites those entries; it changes nothing else.

_BFCHAR_WIDE = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]{5,6})>$", re.M)


def _utf16_hex(match: re.Match[str]) -> str:
    return f"<{match[1]}> <{chr(int(match[2], 16)).encode('utf-16-be').hex().upper()}>"


def _patch_to_unicode() -> None:
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_gov_report_fixed", False):
        return

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        return _BFCHAR_WIDE.sub(_utf16_hex, original(fontname, subset))

    make_to_unicode_cmap._gov_report_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


_patch_to_unicode()


# -- loading (once per process) --------------------------------------------------------------------

_LOADED: dict[tuple[str, int], Face | None] = {}
_LOAD_ERRORS: dict[tuple[str, int], str] = {}


def _font_name(path: str, index: int) -> str:
    stem = re.sub(r"[^A-Za-z0-9]+", "", Path(path).stem)[:24] or "font"
    digest = hashlib.sha1(f"{path}#{index}".encode()).hexdigest()[:8]
    return f"GovRpt-{stem}-{index}-{digest}"


def load_face(path: str | os.PathLike[str], index: int = 0, family: str = "", bundled: bool = False) -> Face | None:
    """Load and register a TrueType font, or None if reportlab cannot use it (CFF, no embedding …)."""
    key = (os.path.abspath(os.fspath(path)), index)
    if key in _LOADED:
        return _LOADED[key]
    face: Face | None = None
    name = _font_name(*key)
    try:
        font = load_ttfont(name, key[0], subfontIndex=index)
        if not font.face.charToGlyph:
            raise ValueError("字体没有字符映射表")
        pdfmetrics.registerFont(font)
        face = Face(name, key[0], index, family or ("bundled" if bundled else ""), bundled, font)
    except Exception as exc:  # TTFError for CFF/OTF and embedding bans; struct/OS errors for broken files
        _LOAD_ERRORS[key] = f"{type(exc).__name__}: {exc}"
    _LOADED[key] = face
    return face


def load_errors() -> dict[tuple[str, int], str]:
    """Fonts that were tried and skipped, with the reason (for diagnostics)."""
    return dict(_LOAD_ERRORS)


# -- system search ---------------------------------------------------------------------------------

_INDEX: dict[str, str] | None = None
_CHAINS: dict[str, tuple[Face, ...]] = {}
_CANDIDATES: dict[str, tuple[tuple[str, int, str, bool], ...]] = {}
_CHAR_FACE: dict[str, dict[str, Face | None]] = {}


def system_fonts_disabled() -> bool:
    return os.environ.get(NO_SYSTEM_FONTS_ENV, "").strip() not in ("", "0", "false", "False", "no")


def system_font_dirs() -> list[Path]:
    """Folders searched for installed fonts on this platform."""
    dirs: list[Path] = []
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
        data_home = os.environ.get("XDG_DATA_HOME")
        dirs += [Path.home() / ".fonts", Path(data_home) / "fonts" if data_home else Path.home() / ".local/share/fonts"]
    return dirs


def _index() -> dict[str, str]:
    """Lower-case file name → path of every .ttf/.ttc file in the system folders (first one wins)."""
    global _INDEX
    if _INDEX is None:
        found: dict[str, str] = {}
        if not system_fonts_disabled():
            for root in system_font_dirs():
                if not root.is_dir():
                    continue
                for folder, _dirs, files in os.walk(root):
                    for fname in sorted(files):
                        low = fname.lower()
                        if low.endswith((".ttf", ".ttc")):
                            found.setdefault(low, os.path.join(folder, fname))
        _INDEX = found
    return _INDEX


def _candidates(role: str) -> tuple[tuple[str, int, str, bool], ...]:
    """(path, index, family, bundled) for the role, in chain order, before loading."""
    if role in _CANDIDATES:
        return _CANDIDATES[role]
    if role not in ROLE_FAMILIES:
        raise KeyError(f"unknown font role {role!r}")
    own, others = ROLE_FAMILIES[role]
    index = _index()
    out: list[tuple[str, int, str, bool]] = []
    for fam in own + others:
        for fname in FAMILIES[fam]:
            if fname in index:
                out.append((index[fname], 0, fam, False))
    song = (str(BUNDLED_SONG[0]), BUNDLED_SONG[1], "bundled", True)
    sans = (str(BUNDLED_SANS[0]), BUNDLED_SANS[1], "bundled", True)
    out += [sans, song] if role in SANS_ROLES else [song, sans]
    for fname in FAMILIES["extension"]:
        if fname in index:
            out.append((index[fname], 0, "extension", False))
    seen: set[tuple[str, int]] = set()
    unique = []
    for cand in out:
        if (cand[0], cand[1]) not in seen:
            seen.add((cand[0], cand[1]))
            unique.append(cand)
    _CANDIDATES[role] = tuple(unique)
    return _CANDIDATES[role]


def _iter_chain(role: str) -> Iterable[Face]:
    """The role's usable fonts, loading each lazily (most characters need only the first)."""
    for path, index, fam, bundled in _candidates(role):
        face = load_face(path, index, fam, bundled)
        if face is not None:
            yield face


def chain(role: str) -> tuple[Face, ...]:
    """Every usable font of the role, in order (loads them all)."""
    if role not in _CHAINS:
        _CHAINS[role] = tuple(_iter_chain(role))
        if not _CHAINS[role]:
            raise RuntimeError(f"没有可用的字体（{FONTS_DIR} 中的内置字体缺失或损坏）")
    return _CHAINS[role]


def primary(role: str) -> Face:
    """The role's first usable font."""
    for face in _iter_chain(role):
        return face
    raise RuntimeError(f"没有可用的字体（{FONTS_DIR} 中的内置字体缺失或损坏）")


def is_native(role: str) -> bool:
    """Does the role's first font really have the role's look (e.g. a 楷体 for `heading2`)?"""
    return primary(role).family in ROLE_FAMILIES[role][0]


def font_for_char(role: str, ch: str) -> Face | None:
    """The first font of the role's chain that has `ch`, or None if no font has it."""
    cache = _CHAR_FACE.setdefault(role, {})
    if ch in cache:
        return cache[ch]
    code = ord(ch)
    found = None
    for face in _iter_chain(role):
        if face.font.face.charToGlyph.get(code):  # glyph 0 is .notdef, the empty box
            found = face
            break
    cache[ch] = found
    return found


def runs(role: str, text: str, missing: set[str] | None = None) -> list[tuple[Face, str]]:
    """Cut `text` into maximal pieces drawn with one font; unknown characters become 〓 (and are collected)."""
    out: list[tuple[Face, str]] = []
    cur: Face | None = None
    buf: list[str] = []
    for ch in text:
        face = font_for_char(role, ch)
        if face is None:
            if missing is not None:
                missing.add(ch)
            ch = REPLACEMENT
            face = font_for_char(role, ch)
            if face is None:  # cannot happen with the bundled fonts present
                continue
        if face is not cur:
            if buf and cur is not None:
                out.append((cur, "".join(buf)))
            cur, buf = face, []
        buf.append(ch)
    if buf and cur is not None:
        out.append((cur, "".join(buf)))
    return out


def clear_caches() -> None:
    """Forget the system search, the chains and the per-character choices (fonts stay registered)."""
    global _INDEX
    _INDEX = None
    _CHAINS.clear()
    _CANDIDATES.clear()
    _CHAR_FACE.clear()

