"""The offline package (packaging/): built once per test session with packaging/build.sh, then run as a
user runs it — the wizard under Xvfb, `check`, `export` (xlsx, pdf, docx), `import` — with no Python of
this machine on its path. Also the input-method decision of ui/input_method.py (no real fcitx needed).

The build takes about 20 s here. Outside CI, GOV_REPORT_SKIP_PACKAGE=1 skips the package tests; in CI
(CI=true) they always run. GOV_REPORT_PACKAGE_DIR=dist/gov-report reuses a folder built before instead
of building (the zip is then not checked).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from support import ROOT, SAMPLE

from ui import input_method as im

IN_CI = os.environ.get("CI", "").lower() == "true"
SKIP = bool(os.environ.get("GOV_REPORT_SKIP_PACKAGE")) and not IN_CI
needs_package = pytest.mark.skipif(SKIP, reason="GOV_REPORT_SKIP_PACKAGE is set (never skipped in CI)")

NAME = "gov-report"
EXE = NAME + (".exe" if sys.platform.startswith("win") else "")
#: Qt plugins the spec keeps on Linux (packaging/gov-report.spec, KEEP_PLUGINS); nothing else may be there.
LINUX_PLUGINS = {
    "platforms/libqxcb.so", "platforms/libqoffscreen.so",
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "platforminputcontexts/libibusplatforminputcontextplugin.so",
    "printsupport/libcupsprintersupport.so",  # 打印: the system's printers (CUPS)
}


# -- the package, built once -------------------------------------------------------------------------

@pytest.fixture(scope="session")
def package(tmp_path_factory) -> tuple[Path, Path | None]:
    """(the package folder, its zip) — built by packaging/build.sh into a temporary folder."""
    if SKIP:
        pytest.skip("GOV_REPORT_SKIP_PACKAGE is set")
    prebuilt = os.environ.get("GOV_REPORT_PACKAGE_DIR")
    if prebuilt and not IN_CI:
        return Path(prebuilt).resolve(), None
    base = tmp_path_factory.mktemp("package")
    env = dict(os.environ, PYTHON=sys.executable, GOV_REPORT_DIST=str(base / "dist"),
               GOV_REPORT_WORK=str(base / "build"))
    t0 = time.perf_counter()
    out = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], env=env, capture_output=True,
                         text=True, timeout=900)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    print(f"\npackage built in {time.perf_counter() - t0:.0f} s\n{out.stdout}")
    zips = list((base / "dist").glob(f"{NAME}-*.zip"))
    assert len(zips) == 1, zips
    return base / "dist" / NAME, zips[0]


@pytest.fixture(scope="session")
def folder(package) -> Path:
    return package[0]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment with nothing of this machine's Python: no PATH to it, no PYTHON* variables."""
    env = {"PATH": "/nonexistent", "HOME": str(home), "LANG": "C.UTF-8",
           "GOV_REPORT_DATA_DIR": str(home / "数据")}
    env.update(extra)
    return env


def run_pkg(folder: Path, *args, home: Path, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(folder / EXE), *map(str, args)], env=clean_env(home, **extra), cwd=home,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def home(tmp_path) -> Path:
    d = tmp_path / "用户 目录"
    d.mkdir()
    return d


# -- contents ------------------------------------------------------------------------------------------

@needs_package
def test_the_folder_has_the_program_its_files_and_only_the_qt_it_uses(folder):
    internal = folder / "_internal"
    assert (folder / EXE).is_file() and os.access(folder / EXE, os.X_OK)
    for name in ("gbsn00lp.ttf", "wqy-microhei.ttc", "LICENSE-wqy-microhei.txt", "LICENSE-arphic-gbsn00lp.txt",
                 "COPYRIGHT-arphic-gbsn00lp.txt", "README.md"):
        assert (internal / "resources" / "fonts" / name).is_file(), name
    assert (internal / "resources" / "samples" / SAMPLE.name).read_bytes() == SAMPLE.read_bytes()
    guide = internal / "docs" / "使用说明.md"
    assert guide.read_bytes() == (ROOT / "docs" / "使用说明.md").read_bytes()

    qt = internal / "PySide6" / "Qt"
    assert sorted(p.name for p in (qt / "translations").iterdir()) == ["qtbase_zh_CN.qm"]
    if sys.platform.startswith("linux"):
        plugins = {str(p.relative_to(qt / "plugins")) for p in (qt / "plugins").rglob("*") if p.is_file()}
        assert plugins == LINUX_PLUGINS
    libs = {p.name.split(".")[0] for p in internal.rglob("*Qt6*") if p.is_file()}
    assert {"libQt6Core", "libQt6Gui", "libQt6Widgets"} <= libs
    assert "libQt6PrintSupport" in libs  # 打印: Qt's print preview and print dialog
    unused = {"Network", "Qml", "Quick", "Svg", "OpenGL", "WaylandClient", "Pdf", "Test"}
    assert not {lib for lib in libs for u in unused if lib.endswith("Qt6" + u)}, libs
    py_qt = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.*") if p.is_file()}
    assert py_qt == {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
    assert list((internal / "pypdfium2_raw").glob("*pdfium*"))  # PDFium, which renders the pages printed
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"\npackage: {size / 2**20:.0f} MiB in {folder}")
    assert size < 200 * 2**20


@needs_package
def test_the_zip_holds_the_folder_and_runs_when_unpacked(package, tmp_path):
    folder, archive = package
    if archive is None:
        pytest.skip("a package built before was reused; no zip")
    with zipfile.ZipFile(archive) as z:
        infos = {i.filename: i for i in z.infolist()}
    assert f"{NAME}/{EXE}" in infos
    assert f"{NAME}/_internal/resources/samples/{SAMPLE.name}" in infos
    guide = infos[f"{NAME}/_internal/docs/使用说明.md"]
    assert guide.flag_bits & 0x800  # the name is marked UTF-8, not left to the reader's code page
    links = [i for i in infos.values() if stat.S_ISLNK(i.external_attr >> 16)]
    if sys.platform.startswith("linux"):
        assert stat.S_IMODE(infos[f"{NAME}/{EXE}"].external_attr >> 16) & 0o111
        assert f"{NAME}/_internal/libQt6Core.so.6" in {i.filename for i in links}  # a link, not a 2nd copy
    assert shutil.which("unzip"), "unzip is missing: bash setup.sh --dev installs it"
    subprocess.run(["unzip", "-q", str(archive), "-d", str(tmp_path / "解压")], check=True, timeout=120)
    home = tmp_path / "home"
    home.mkdir()
    out = run_pkg(tmp_path / "解压" / NAME, "check", SAMPLE, home=home)
    assert out.returncode == 0, out.stderr
    assert "结论：未发现错误，可以报送。" in out.stdout


# -- running it ----------------------------------------------------------------------------------------

@needs_package
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb: Linux")
def test_the_wizard_opens_the_sample_on_an_x_display(folder, home):
    xvfb = shutil.which("xvfb-run")
    assert xvfb, "xvfb-run is missing: bash setup.sh --dev installs it"
    env = clean_env(home, GOV_REPORT_QUIT_AFTER_SHOW="1", QT_LOGGING_RULES="qt.qpa.plugin=true")
    env["PATH"] = "/usr/bin:/bin"  # for xvfb-run (a shell script) to find Xvfb and xauth
    out = subprocess.run([xvfb, "-a", "-s", "-screen 0 1366x768x24", str(folder / EXE), "--sample"], env=env,
                         cwd=home, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert 'Successfully loaded Qt platform plugin "xcb"' in out.stderr, out.stderr
    assert "Could not" not in out.stderr and "Traceback" not in out.stderr, out.stderr


@needs_package
def test_the_wizard_starts_offscreen(folder, home):
    out = run_pkg(folder, "--sample", home=home, GOV_REPORT_QUIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr


@needs_package
def test_check_the_sample(folder, home):
    out = run_pkg(folder, "check", SAMPLE, home=home)
    assert out.returncode == 0, out.stderr
    assert "结论：未发现错误，可以报送。" in out.stdout
    as_json = run_pkg(folder, "check", SAMPLE, "--json", home=home)
    assert as_json.returncode == 0 and as_json.stdout.strip() == "[]"


@needs_package
def test_usage_errors_are_in_chinese(folder, home):
    out = run_pkg(folder, "check", home=home)
    assert out.returncode == 2
    assert "缺少参数" in out.stderr


@needs_package
def test_export_the_sample_to_xlsx_and_pdf(folder, home):
    xlsx, pdf = home / "年报 2022.xlsx", home / "年报 2022.pdf"
    out = run_pkg(folder, "export", SAMPLE, "--xlsx", xlsx, "--pdf", pdf, home=home)
    assert out.returncode == 0, out.stderr
    assert "已写出 Excel 工作簿" in out.stdout and "已写出 PDF" in out.stdout
    with zipfile.ZipFile(xlsx) as z:
        assert "xl/workbook.xml" in z.namelist()
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "金乡县行政审批服务局" in text and "〓" not in text
    back = run_pkg(folder, "check", xlsx, home=home)  # the workbook reads back in the package too
    assert back.returncode == 0, back.stdout + back.stderr


@needs_package
def test_export_the_sample_to_docx_and_import_it_back(folder, home):
    docx = home / "年报 2022.docx"
    out = run_pkg(folder, "export", SAMPLE, "--docx", docx, home=home)
    assert out.returncode == 0, out.stdout + out.stderr
    with zipfile.ZipFile(docx) as z:
        assert "word/document.xml" in z.namelist()
        assert "金乡县行政审批服务局" in z.read("word/document.xml").decode("utf-8")
    back = run_pkg(folder, "import", docx, "--out", home / "读回.json", home=home)
    assert back.returncode == 0, back.stdout + back.stderr
    checked = run_pkg(folder, "check", home / "读回.json", home=home)
    assert checked.returncode in (0, 1), checked.stderr  # readable; the verdict is the reader's business


@needs_package
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="LD_DEBUG: glibc")
def test_it_runs_with_nothing_of_this_machines_python(folder, home):
    """No PATH, no PYTHONHOME: every library the process loads is the package's own or the system's C
    runtime (glibc, zlib), none from the Python installation or the virtual environment it was built with."""
    out = run_pkg(folder, "export", SAMPLE, "--pdf", home / "a.pdf", home=home, LD_DEBUG="libs")
    assert out.returncode == 0, out.stderr[-2000:]
    loaded = set(re.findall(r"calling init: (\S+)", out.stderr))
    assert loaded, out.stderr[-2000:]
    outside = {p for p in loaded if not p.startswith(str(folder))}
    system = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")
    assert all(p.startswith(system) for p in outside), outside
    assert not any("python" in Path(p).name.lower() for p in outside), outside
    for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix}:
        assert not any(p.startswith(prefix + os.sep) for p in loaded), prefix
    assert any(Path(p).name.startswith("libpython3") for p in loaded if p.startswith(str(folder)))


# -- the input-method decision (ui/input_method.py) ----------------------------------------------------

def address_file(config: Path, pid: int, address: str, name: str = "0123abcd-unix-0") -> Path:
    folder = config / "ibus" / "bus"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("# This file is created by ibus-daemon, please do not modify it.\n"
                    f"IBUS_ADDRESS={address}\nIBUS_DAEMON_PID={pid}\n", "utf-8")
    return path


def fake_proc(root: Path, pid: int, comm: str) -> Path:
    (root / str(pid)).mkdir(parents=True)
    (root / str(pid) / "comm").write_text(comm + "\n", "utf-8")
    return root


FCITX5_ADDRESS = "unix:path=/tmp/dbus-Ab12,guid=8f00,fcitx_random_string=4785feea5e41"


@pytest.mark.parametrize(("environ", "expected"), [
    ({"QT_IM_MODULE": "fcitx"}, {"QT_IM_MODULES": "fcitx;ibus", "IBUS_USE_PORTAL": "1"}),
    ({"QT_IM_MODULE": "fcitx5"}, {"QT_IM_MODULES": "fcitx5;ibus", "IBUS_USE_PORTAL": "1"}),
    ({"QT_IM_MODULES": "wayland;fcitx"}, {"QT_IM_MODULES": "wayland;fcitx;ibus", "IBUS_USE_PORTAL": "1"}),
    ({"QT_IM_MODULE": "FCITX:opt"}, {"QT_IM_MODULES": "FCITX:opt;ibus", "IBUS_USE_PORTAL": "1"}),
    # Qt told nothing, X11 and GTK told fcitx (e.g. XWayland under a Wayland session)
    ({"XMODIFIERS": "@im=fcitx"}, {"QT_IM_MODULES": "ibus", "IBUS_USE_PORTAL": "1"}),
    ({"GTK_IM_MODULE": "fcitx"}, {"QT_IM_MODULES": "ibus", "IBUS_USE_PORTAL": "1"}),
    # the user's IBUS_USE_PORTAL is kept
    ({"QT_IM_MODULE": "fcitx", "IBUS_USE_PORTAL": "0"}, {"QT_IM_MODULES": "fcitx;ibus"}),
    ({"QT_IM_MODULE": "fcitx", "QT_QPA_PLATFORM": "xcb"}, {"QT_IM_MODULES": "fcitx;ibus", "IBUS_USE_PORTAL": "1"}),
    # nothing to do
    ({"QT_IM_MODULE": "ibus"}, {}),
    ({"QT_IM_MODULES": "fcitx;ibus"}, {}),
    ({}, {}),
    ({"QT_IM_MODULE": "compose"}, {}),
    ({"QT_IM_MODULE": "fcitx", "QT_QPA_PLATFORM": "offscreen"}, {}),
    # QT_IM_MODULES wins over QT_IM_MODULE (Qt 6.8+)
    ({"QT_IM_MODULES": "ibus", "QT_IM_MODULE": "fcitx"}, {}),
])
def test_decide_with_fcitx5_ibus_frontend_running(environ, expected):
    assert im.decide(environ, platform="linux", frontend_found=True) == expected


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_decide_changes_nothing_off_linux(platform):
    assert im.decide({"QT_IM_MODULE": "fcitx"}, platform=platform, frontend_found=True) == {}


def test_decide_changes_nothing_without_the_frontend():
    assert im.decide({"QT_IM_MODULE": "fcitx"}, platform="linux", frontend_found=False) == {}


def test_frontend_found_from_the_address_file_fcitx5_writes(tmp_path):
    config = tmp_path / "config"
    env = {"XDG_CONFIG_HOME": str(config), "HOME": str(tmp_path / "home")}
    proc = tmp_path / "proc"
    assert not im.fcitx5_ibus_frontend(env, proc)  # no folder at all
    address_file(config, 4242, FCITX5_ADDRESS)
    assert not im.fcitx5_ibus_frontend(env, proc)  # fcitx5 no longer runs (stale file)
    fake_proc(proc, 4242, "fcitx5")
    assert im.fcitx5_ibus_frontend(env, proc)


def test_frontend_not_found_for_the_real_ibus_or_an_emptied_file(tmp_path):
    config = tmp_path / ".config"
    env = {"HOME": str(tmp_path)}  # XDG_CONFIG_HOME unset: ~/.config
    proc = fake_proc(tmp_path / "proc", 77, "ibus-daemon")
    address_file(config, 77, "unix:path=/home/u/.cache/ibus/dbus-PgQY,guid=5301e4")
    assert not im.fcitx5_ibus_frontend(env, proc)
    fake_proc(proc, 78, "fcitx5")
    address_file(config, 78, "", name="0123abcd-unix-1")  # what fcitx5 leaves when it quits
    assert not im.fcitx5_ibus_frontend(env, proc)
    address_file(config, 78, FCITX5_ADDRESS, name="0123abcd-unix-wayland-0")
    assert im.fcitx5_ibus_frontend(env, proc)


def test_frontend_of_fcitx5_in_flatpak_writes_pid_0(tmp_path):
    address_file(tmp_path / ".config", 0, FCITX5_ADDRESS)
    assert im.fcitx5_ibus_frontend({"HOME": str(tmp_path)}, tmp_path / "proc")


def test_a_pid_reused_by_another_program_does_not_count(tmp_path):
    proc = fake_proc(tmp_path / "proc", 4242, "bash")
    address_file(tmp_path / ".config", 4242, FCITX5_ADDRESS)
    assert not im.fcitx5_ibus_frontend({"HOME": str(tmp_path)}, proc)


def test_chinese_input_sets_the_variables_only_while_qt_starts(monkeypatch, tmp_path):
    monkeypatch.setattr(im, "fcitx5_ibus_frontend", lambda environ, proc=None: True)
    monkeypatch.setattr(im.sys, "platform", "linux")
    env = {"QT_IM_MODULE": "fcitx", "HOME": str(tmp_path)}
    with im.chinese_input(env) as changes:
        assert env["QT_IM_MODULES"] == "fcitx;ibus" and env["IBUS_USE_PORTAL"] == "1"
        assert changes == {"QT_IM_MODULES": "fcitx;ibus", "IBUS_USE_PORTAL": "1"}
    assert env == {"QT_IM_MODULE": "fcitx", "HOME": str(tmp_path)}


def test_chinese_input_never_stops_the_program(monkeypatch):
    def broken(environ, proc=None):
        raise RuntimeError("unexpected")

    monkeypatch.setattr(im, "fcitx5_ibus_frontend", broken)
    monkeypatch.setattr(im.sys, "platform", "linux")
    env = {"QT_IM_MODULE": "fcitx"}
    with im.chinese_input(env) as changes:
        assert changes == {} and env == {"QT_IM_MODULE": "fcitx"}


# -- the package for glibc 2.28 (packaging/build-linux-glibc228.sh, check-linux.sh) --------------------

LINUX = ROOT / "packaging" / "linux"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF and glibc: Linux")

# A shared library calling pow(): glibc 2.29 gave pow a new symbol version, so linked as it is, the library
# needs GLIBC_2.29; with the .symver line of packaging/linux/glibc228-compat.h, the old GLIBC_2.2.5.
POW_CALLER = """
    .text
    .globl  twice_pow
twice_pow:
    jmp     pow@PLT
"""


def link_pow_caller(folder: Path, name: str, pinned: bool) -> Path:
    """Assemble and link (binutils only: `as`, `ld`) a library that calls pow, optionally pinned old."""
    for tool in ("as", "ld"):
        assert shutil.which(tool), f"{tool} is missing: bash setup.sh --dev installs binutils"
    libm = next((p for p in (Path("/lib/x86_64-linux-gnu/libm.so.6"), Path("/usr/lib64/libm.so.6"),
                             Path("/lib64/libm.so.6")) if p.exists()), None)
    assert libm, "libm.so.6 not found"
    source = POW_CALLER
    if pinned:  # the very line the header gives the C compiler
        line = next(x for x in (LINUX / "glibc228-compat.h").read_text().splitlines()
                    if "pow,pow@GLIBC_2.2.5" in x)
        source = re.search(r'"(.*)"', line)[1] + "\n" + source
    asm, obj, lib = folder / f"{name}.s", folder / f"{name}.o", folder / f"{name}.so"
    asm.write_text(source)
    subprocess.run(["as", "-o", str(obj), str(asm)], check=True)
    subprocess.run(["ld", "-shared", "-o", str(lib), str(obj), str(libm)], check=True)
    obj.unlink()
    asm.unlink()
    return lib


def glibc_ceiling(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(LINUX / "glibc-ceiling.sh"), str(folder), "2.28"], capture_output=True,
                          text=True, timeout=60)


@linux_only
@pytest.mark.skipif(os.uname().machine != "x86_64", reason="the assembly is x86-64")
def test_the_glibc_ceiling_lists_every_elf_file_above_2_28_whatever_its_name(tmp_path):
    ok = tmp_path / "ok"
    (ok / "lib").mkdir(parents=True)
    link_pow_caller(ok / "lib", "pinned", pinned=True)
    (ok / "README.txt").write_text("not an ELF file")
    out = glibc_ceiling(ok)
    assert out.returncode == 0, out.stderr
    assert "highest: GLIBC_2.2.5 in 1 ELF files" in out.stdout

    bad = tmp_path / "bad"
    (bad / "deep" / "er").mkdir(parents=True)
    link_pow_caller(bad, "pinned", pinned=True)
    newer = link_pow_caller(bad / "deep" / "er", "newer", pinned=False)
    newer.rename(bad / "deep" / "er" / "no-suffix")  # an ELF file is found by its content, not its name
    out = glibc_ceiling(bad)
    assert out.returncode == 1
    assert "1 个 ELF 文件需要高于 GLIBC_2.28 的版本" in out.stderr
    assert "deep/er/no-suffix: GLIBC_2.29" in out.stderr
    assert "pinned" not in out.stderr


@linux_only
def test_the_glibc_ceiling_fails_when_there_is_nothing_to_check(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    out = glibc_ceiling(tmp_path)
    assert out.returncode == 2 and "没有 ELF 文件" in out.stderr


def mirrors(etc: Path) -> list[str]:
    out = subprocess.run(["bash", "-c", f'set -euo pipefail; source "{LINUX / "common.sh"}"; debian_mirrors; '
                          'echo "$MIRROR"; echo "$SECURITY_MIRROR"'],
                         env={"PATH": os.environ["PATH"], "GOV_REPORT_APT_ETC": str(etc)},
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


@linux_only
def test_the_debian_mirror_is_taken_from_the_hosts_apt_sources(tmp_path):
    """The build never names a mirror itself: it uses the one this host's apt uses (both source formats)."""
    deb822 = tmp_path / "a" / "sources.list.d"
    deb822.mkdir(parents=True)
    (deb822 / "debian.sources").write_text(
        "Types: deb\nURIs: http://mirror.example/debian-security\nSuites: bookworm-security\n"
        "Components: main\n\nTypes: deb deb-src\nURIs: http://mirror.example/debian/\n"
        "Suites: bookworm bookworm-updates\nComponents: main\n")
    assert mirrors(tmp_path / "a") == ["http://mirror.example/debian", "http://mirror.example/debian-security"]
    one_line = tmp_path / "b"
    one_line.mkdir()
    (one_line / "sources.list").write_text(
        "# comment\ndeb [arch=amd64 signed-by=/k.gpg] http://m.example/debian bookworm main\n"
        "deb http://s.example/debian-security bookworm-security main\n")
    assert mirrors(one_line) == ["http://m.example/debian", "http://s.example/debian-security"]
    only_main = tmp_path / "c"
    only_main.mkdir()
    (only_main / "sources.list").write_text("deb http://m.example/debian bookworm main\n")
    assert mirrors(only_main) == ["http://m.example/debian", "http://m.example/debian-security"]


def pins(text: str) -> dict[str, str]:
    """{normalised name: version} of the `name==version` lines of a requirements text."""
    found = {}
    for line in text.splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;#]+)", line.strip())
        if m:
            found[re.sub(r"[-_.]+", "-", m[1]).lower()] = m[2]
    return found


@pytest.mark.parametrize(("suffix", "arch"), [("", ""), ("-aarch64", " aarch64")])
def test_the_wheels_lock_pins_every_wheel_by_hash_and_agrees_with_the_requirements(suffix, arch):
    """wheels.lock (x86-64) and wheels-aarch64.lock (ARM64), each against its own overrides."""
    lock_lines = [x for x in (LINUX / f"wheels{suffix}.lock").read_text().splitlines()
                  if x and not x.startswith("#")]
    assert lock_lines and all(re.fullmatch(r"\S+==\S+ --hash=sha256:[0-9a-f]{64}", x) for x in lock_lines)
    lock = pins("\n".join(lock_lines))
    overrides = pins((LINUX / f"wheels{suffix}.in").read_text())
    wanted = {**pins((ROOT / "requirements.txt").read_text()), **overrides,
              "pyinstaller": pins((ROOT / "requirements-dev.txt").read_text())["pyinstaller"]}
    stale = {name: (version, lock.get(name)) for name, version in wanted.items() if lock.get(name) != version}
    assert not stale, f"run bash packaging/linux/lock-wheels.sh{arch}: {stale}"
    assert {"pip", "pyinstaller-hooks-contrib", "shiboken6"} <= set(lock)
