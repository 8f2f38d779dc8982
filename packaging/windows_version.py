"""The Windows version resource of gov-report.exe and gov-report-cli.exe (packaging/gov-report.spec).

Windows shows these strings as the program's name (任务管理器, the taskbar, 文件属性 › 详细信息, the
"打开方式" list), so they carry the Chinese program name; the file names stay ASCII so that scripts,
shortcuts and support instructions can type them. The name and version are read from ui/ (one place
each); only the publisher below is new here.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: CompanyName (文件属性 › 公司): who publishes the package.
COMPANY = "政务公开年报助手开发组"
#: The icon of both executables (made by resources/icons/make_icon.py).
ICON = ROOT / "resources" / "icons" / "gov-report.ico"
#: The name of the icon group: Qt's Windows platform plugin gives every window the executable's icon of
#: this name (else Windows' generic one), so the title bar, the taskbar and Alt+Tab show the program's icon.
#: Explorer shows the first group, which is this one, the only one.
QT_ICON_NAME = "IDI_ICON1"
#: Language of the strings: Chinese (PRC), Unicode (code page 1200).
LANGUAGE, CODEPAGE = 0x0804, 1200


def _read(pattern: str, path: Path) -> str:
    """A string constant of a module, read without importing it (the spec runs before the program's
    dependencies are importable under some build Pythons)."""
    match = re.search(pattern, path.read_text(encoding="utf-8"), re.MULTILINE)
    if not match:
        raise ValueError(f"{pattern!r} not found in {path}")
    return match[1]


def program_name() -> str:
    """政务公开年报助手 (ui/appdata.py, APP_NAME)."""
    return _read(r'^APP_NAME = "(.+)"$', ROOT / "ui" / "appdata.py")


def program_version() -> str:
    """The program's version (ui/version.py)."""
    return _read(r'^__version__ = "(.+)"$', ROOT / "ui" / "version.py")


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0): the four numbers of the fixed part of the resource."""
    parts = [int(p) for p in re.findall(r"\d+", version)[:4]]
    return tuple(parts + [0] * (4 - len(parts)))  # type: ignore[return-value]


def strings(exe_name: str, console: bool) -> dict[str, str]:
    """The StringFileInfo of one executable."""
    name, version = program_name(), program_version()
    return {
        "CompanyName": COMPANY,
        "FileDescription": f"{name}（命令行）" if console else name,
        "FileVersion": version,
        "InternalName": exe_name.removesuffix(".exe"),
        "LegalCopyright": f"© {COMPANY}",
        "OriginalFilename": exe_name,
        "ProductName": name,
        "ProductVersion": version,
    }


def version_info(exe_name: str, console: bool = False):
    """The VSVersionInfo PyInstaller embeds (EXE(version=…))."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = numeric_version(program_version())
    table = f"{LANGUAGE:04X}{CODEPAGE:04X}"
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo([vi.StringTable(table, [vi.StringStruct(k, v)
                                                      for k, v in strings(exe_name, console).items()])]),
            vi.VarFileInfo([vi.VarStruct("Translation", [LANGUAGE, CODEPAGE])]),
        ],
    )


def copy_icons_named_for_qt(dstpath, srcpath, id=1):
    """PyInstaller's icon.CopyIcons_FromIco (the spec installs this in its place), with the icon group named
    QT_ICON_NAME instead of numbered 1; the images stay RT_ICON 1…n. Runs on Windows (or Wine) only."""
    from PyInstaller.compat import win32api
    from PyInstaller.utils.win32.icon import RT_GROUP_ICON, RT_ICON, IconFile

    handle = win32api.BeginUpdateResource(dstpath, 0)
    icon_id = 1
    for i, path in enumerate(srcpath):
        ico = IconFile(path)
        group = ico.grp_icon_dir() + ico.grp_icondir_entries(icon_id)
        win32api.UpdateResource(handle, RT_GROUP_ICON, QT_ICON_NAME if i == 0 else i + 1, group)
        for image in ico.images:
            win32api.UpdateResource(handle, RT_ICON, icon_id, image)
            icon_id += 1
    win32api.EndUpdateResource(handle, 0)
