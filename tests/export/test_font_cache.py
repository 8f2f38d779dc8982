"""The font cache (export/font_cache.py, issue 18 point 7): a font read back from the cache is the font
reportlab reads, and a bad cache costs time, never a wrong PDF."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from reportlab.pdfbase.ttfonts import TTFont
from support import ROOT, SAMPLE

from export import font_cache
from export.font_cache import CACHE_ENV, CachedFace, load_ttfont
from resources import BUNDLED_SANS

FONT = str(BUNDLED_SANS[0])
_OWN = {"_cache", "_lazy", "_pdfScale"}  # the cache's own attributes; a function, compared by what it does


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "字体缓存"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def _same_as_reportlab(font: TTFont) -> None:
    plain = TTFont(font.fontName, FONT, subfontIndex=0)
    assert set(font.__dict__) == set(plain.__dict__)
    assert {k: v for k, v in font.__dict__.items() if k not in ("face", "state", "encoding")} == {
        k: v for k, v in plain.__dict__.items() if k not in ("face", "state", "encoding")}
    theirs = plain.face.__dict__
    mine = {k: getattr(font.face, k) for k in theirs}  # a table the cache keeps back is read when asked for
    assert set(font.face.__dict__) - _OWN == set(theirs) - _OWN
    assert [k for k in theirs if k not in _OWN and mine[k] != theirs[k]] == []
    assert type(mine["name"]) is type(theirs["name"]) and mine["name"].ustr == theirs["name"].ustr
    assert mine["_pdfScale"](2048) == theirs["_pdfScale"](2048)


def test_a_font_read_from_the_cache_is_the_font_reportlab_reads(cache, monkeypatch):
    first = load_ttfont("GovRptTestA", FONT)
    assert len(list(cache.iterdir())) == 1
    _same_as_reportlab(first)
    parsed = []
    original = CachedFace.__mro__[1].extractInfo

    def spy(self, charInfo=1):  # noqa: N803
        parsed.append(self.filename)
        return original(self, charInfo)

    monkeypatch.setattr(CachedFace.__mro__[1], "extractInfo", spy)
    second = load_ttfont("GovRptTestA", FONT)
    assert parsed == []  # read from the cache, not parsed
    assert "glyphToChar" not in second.face.__dict__  # kept back until asked for (text shaping only)
    _same_as_reportlab(second)


def test_a_damaged_or_stale_cache_is_parsed_again_and_rewritten(cache):
    load_ttfont("GovRptTestB", FONT)
    (file,) = cache.iterdir()
    file.write_bytes(file.read_bytes()[:1000])  # cut short
    _same_as_reportlab(load_ttfont("GovRptTestB", FONT))
    assert len(file.read_bytes()) > 1000  # written again


def test_the_cache_can_be_turned_off_and_an_unwritable_folder_only_costs_time(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, "off")
    assert font_cache.cache_dir() is None
    _same_as_reportlab(load_ttfont("GovRptTestC", FONT))
    blocker = tmp_path / "不是文件夹"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "fonts"))
    _same_as_reportlab(load_ttfont("GovRptTestC", FONT))


def test_the_pdf_is_the_same_with_a_cold_and_a_warm_cache(tmp_path):
    """Byte for byte (reportlab's invariant mode): the cache changes the time, nothing in the file."""
    script = (
        "import sys; from reportlab import rl_config; rl_config.invariant = 1\n"
        "from export.pdf import write_pdf; from model.report.storage import load\n"
        f"write_pdf(load({str(SAMPLE)!r}), sys.argv[1], draft=False)\n"
    )
    env_cache = {CACHE_ENV: str(tmp_path / "cache")}
    outputs = []
    for name, env in (("off", {CACHE_ENV: "off"}), ("cold", env_cache), ("warm", env_cache)):
        out = tmp_path / f"{name}.pdf"
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, cwd=ROOT,
                       env={**os.environ, "GOV_REPORT_NO_SYSTEM_FONTS": "1", **env})
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
