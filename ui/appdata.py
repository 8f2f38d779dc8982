"""Where the program keeps its own files: settings (recent files) and autosave recovery files.

The folder is platformdirs' user data folder (e.g. %LOCALAPPDATA% on Windows, ~/.local/share on
Linux); GOV_REPORT_DATA_DIR overrides it (tests use that to stay out of the user's folder).
A folder that cannot be created or written never stops the program: `data_dir_problem` says why, and
the window shows that autosave is off (recovery after a crash would otherwise be promised in vain).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from model.atomic import make_temp_file, remove_stale_temp_files
from model.oserror_text import os_error_reason
from model.storage import atomic_write

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


def load_settings() -> dict:
    try:
        data = json.loads(_settings_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}  # a missing or damaged settings file only loses the recent-files list


def save_settings(settings: dict) -> None:
    try:
        atomic_write(_settings_path(), json.dumps(settings, ensure_ascii=False, indent=2).encode("utf-8"))
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
    from model.rules import DEADLINES

    out = dict(DEADLINES)
    saved = setting("deadlines")
    if isinstance(saved, dict):
        for kind, value in saved.items():
            if kind in out and isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
                out[kind] = (value[0], value[1])
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
