"""Where the program keeps its own files: settings (recent files) and autosave recovery files.

The folder is platformdirs' user data folder (e.g. %LOCALAPPDATA% on Windows, ~/.local/share on
Linux); GOV_REPORT_DATA_DIR overrides it (tests use that to stay out of the user's folder).
A folder that cannot be created or written never stops the program: `data_dir_problem` says why, and
the window shows that autosave is off (recovery after a crash would otherwise be promised in vain).
"""

from __future__ import annotations

import calendar
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from model.files.atomic import make_temp_file, remove_stale_temp_files
from model.files.oserror_text import os_error_reason
from model.report.storage import atomic_write

APP_NAME = "政务公开年报助手"
APP_DIR_NAME = "gov-report-assistant"
MAX_RECENT = 8


def data_dir() -> Path:
    """The data folder, created if possible; never raises (writers report their own failures)."""
    override = os.environ.get("GOV_REPORT_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_DIR_NAME, appauthor=False))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # data_dir_problem() explains it; reading and writing below then fail one by one
    return path


def data_dir_problem() -> str:
    """Why the data folder cannot hold files, in Chinese ("" when it can); called at start.

    Creating the folder is not enough: a read-only one is found only by writing, so a test file is
    made and removed. Temporary files left there by a killed save are cleaned up on the way.
    """
    path = data_dir()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"无法创建数据文件夹“{path}”（{os_error_reason(exc)}）"
    remove_stale_temp_files(path)
    try:
        make_temp_file(path, "write-test").unlink()
    except OSError as exc:
        return f"数据文件夹“{path}”无法写入（{os_error_reason(exc)}）"
    return ""


def _settings_path() -> Path:
    return data_dir() / "settings.json"


def _text(value: Any) -> bool:
    """A string the program can show and use as a path: no lone surrogate (bytes of another encoding in a
    path read from the file system are allowed: they come back as those bytes)."""
    if not isinstance(value, str) or len(value) > 4096:
        return False
    try:
        os.fsencode(value)
    except (UnicodeError, ValueError):
        return False
    return True


def _ascii(value: Any) -> bool:
    return isinstance(value, str) and value.isascii() and len(value) < 100_000


def _deadline(value: Any) -> bool:
    """[month, day], a day of any year (no 29 February): G4 and the 发布期限 dialog build a date of it."""
    if not (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)):
        return False
    month, day = value
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2001, month)[1]


#: Every setting the program reads, with what a good value looks like; a bad one falls back to its default.
SETTINGS: dict[str, Callable[[Any], bool]] = {
    "recent": lambda v: isinstance(v, list) and all(_text(p) for p in v),
    "last_folder": _text,
    "window_geometry": _ascii,
    "window_state": _ascii,
    "deadlines": lambda v: isinstance(v, dict) and all(isinstance(k, str) and _deadline(d) for k, d in v.items()),
}
#: The settings by the names the user knows them by (for the notice).
_SETTING_NAMES = {"recent": "最近打开的文件", "last_folder": "上次使用的文件夹", "window_geometry": "窗口位置",
                  "window_state": "窗口布局", "deadlines": "发布期限"}
_notices: list[str] = []  # what load_settings found wrong, until the window shows it


def _read_settings() -> tuple[dict, list[str]]:
    """The settings file's good settings and the names of the bad ones ("" for a file that is no settings
    at all); a missing file is no settings, not a problem."""
    path = _settings_path()
    try:
        raw = path.read_bytes()
    except OSError:
        return {}, []
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, brackets nested too deep for the parser
        return {}, [""]
    if not isinstance(data, dict):
        return {}, [""]
    bad = [k for k, ok in SETTINGS.items() if k in data and not ok(data[k])]
    return {k: v for k, v in data.items() if k not in bad}, bad


def load_settings() -> dict:
    """The settings; a damaged file never stops the program. Its bad settings fall back to their defaults,
    the file is moved aside as `settings-damaged-<time>.json` (kept, in case someone wants it) and the good
    settings are written back; `settings_notice` then says so once."""
    settings, bad = _read_settings()
    if bad:
        path = _settings_path()
        target = path.with_name(f"settings-damaged-{time.strftime('%Y%m%d-%H%M%S')}.json")
        try:
            os.replace(path, target)
            where = f"原文件已移到“{target}”"
        except OSError as exc:
            where = f"原文件无法移走（{os_error_reason(exc)}）"
        names = "".join(f"“{_SETTING_NAMES[k]}”" for k in bad if k)
        what = f"设置文件中{names}无法识别" if names else "设置文件无法读取"
        _notices.append(f"{what}，已恢复默认设置；{where}。")
        save_settings(settings)
    return settings


def settings_notice() -> str:
    """What was wrong with the settings file since the last call ("" when nothing), for the status bar."""
    text = "".join(_notices)
    _notices.clear()
    return text


def save_settings(settings: dict) -> None:
    try:
        # ASCII escapes: a path with bytes of another encoding (a Windows zip's GBK names) is saved as well.
        atomic_write(_settings_path(), json.dumps(settings, ensure_ascii=True, indent=2).encode("ascii"))
    except Exception:  # noqa: BLE001 - settings are a convenience; never interrupt the user's work
        pass


def setting(key: str, default: Any = None) -> Any:
    """One remembered setting (window layout, last folder, deadlines…), or `default`."""
    return load_settings().get(key, default)


def set_setting(key: str, value: Any) -> None:
    settings = load_settings()
    settings[key] = value
    save_settings(settings)


def last_folder() -> Path | None:
    """The folder the user last opened, saved or exported in, if it still exists."""
    folder = setting("last_folder")
    return Path(folder) if isinstance(folder, str) and Path(folder).is_dir() else None


def remember_folder(path: Path) -> None:
    folder = Path(path).resolve().parent if not Path(path).is_dir() else Path(path).resolve()
    set_setting("last_folder", str(folder))


def deadlines() -> dict[str, tuple[int, int]]:
    """The publication deadlines (G4) the user set, else the 《条例》 defaults, by kind of body."""
    from model.checks.rules import DEADLINES

    out = dict(DEADLINES)
    saved = setting("deadlines", {})  # checked when read (SETTINGS)
    out.update((kind, (value[0], value[1])) for kind, value in saved.items() if kind in out)
    return out


def recent_files() -> list[str]:
    items = load_settings().get("recent", [])
    return [p for p in items if isinstance(p, str)][:MAX_RECENT]


def add_recent(path: Path) -> list[str]:
    settings = load_settings()
    entry = str(Path(path).resolve())
    items = [entry] + [p for p in recent_files() if p != entry]
    settings["recent"] = items[:MAX_RECENT]
    save_settings(settings)
    return settings["recent"]
