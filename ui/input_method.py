"""Chinese input on Linux desktops that run fcitx5 (统信UOS, 银河麒麟 and others), decided before Qt starts.

The PySide6 wheels bring Qt's `ibus` and `compose` input-method plugins but no `fcitx` one, so under
QT_IM_MODULE=fcitx Qt falls back to `compose` and no Chinese can be typed. fcitx5 also serves the IBus
protocol (its `ibusfrontend` addon, loaded by default): it owns `org.freedesktop.portal.IBus` on the
session bus and writes an IBus address file (~/.config/ibus/bus/<machine-id>-<host>-<display>) whose
address carries the mark `fcitx_random_string=`. Qt's ibus plugin talks to that portal when
IBUS_USE_PORTAL is set; without it the plugin gives up unless an `ibus-daemon` program is on PATH,
which an fcitx desktop usually lacks. So when fcitx is asked for and fcitx5's IBus frontend is found,
Qt is asked for `<what was asked>;ibus` through QT_IM_MODULES (Qt 6.8+: the first module that works
wins, so a working fcitx plugin, if one is ever installed, still comes first) with IBUS_USE_PORTAL=1.

Nothing is changed on other systems, when ibus is asked for already, when Qt runs without a screen
(offscreen), or when no fcitx5 IBus frontend is found (fcitx 4 has none: Chinese input then needs a
fcitx5-qt plugin built for this Qt version, see README). The variables are set only while the
QApplication is created (Qt reads them then) and restored afterwards, so that programs started from
here (the exported file opened in WPS) see the user's own settings.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from pathlib import Path

#: What fcitx5's IBus frontend appends to the bus address it writes (ibusfrontend.cpp, becomeIBus).
FCITX5_ADDRESS_MARK = "fcitx_random_string="
FCITX_MODULES = frozenset({"fcitx", "fcitx5"})
#: Qt platforms with a keyboard a person types on; others (offscreen, minimal) need no input method.
SCREEN_PLATFORMS = ("xcb", "wayland")


def requested_modules(environ: Mapping[str, str]) -> list[str]:
    """The input-method modules Qt will try, in order: QT_IM_MODULES (Qt 6.8+) wins over QT_IM_MODULE."""
    listed = environ.get("QT_IM_MODULES", "").strip()
    if listed:
        return [m.strip() for m in listed.split(";") if m.strip()]
    single = environ.get("QT_IM_MODULE", "").strip()
    return [single] if single else []


def _module_name(entry: str) -> str:
    return entry.split(":", 1)[0].strip().lower()  # "fcitx:param" -> "fcitx"


def wants_fcitx(environ: Mapping[str, str]) -> bool:
    """Does the desktop ask for fcitx: in Qt's variables or, if Qt was told nothing, for X11 and GTK?"""
    modules = requested_modules(environ)
    if modules:
        return any(_module_name(m) in FCITX_MODULES for m in modules)
    xmodifiers = environ.get("XMODIFIERS", "").replace(" ", "").lower()
    gtk = environ.get("GTK_IM_MODULE", "").strip().lower()
    return xmodifiers.startswith("@im=fcitx") or gtk in FCITX_MODULES


def _config_home(environ: Mapping[str, str]) -> Path:
    configured = environ.get("XDG_CONFIG_HOME", "").strip()
    if configured and os.path.isabs(configured):
        return Path(configured)
    return Path(environ.get("HOME") or os.path.expanduser("~")) / ".config"


def _read_address_file(path: Path) -> tuple[str, int | None]:
    """(IBUS_ADDRESS, IBUS_DAEMON_PID) of an IBus address file; ("", None) if unreadable."""
    address, pid = "", None
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "", None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("IBUS_ADDRESS="):
            address = line[len("IBUS_ADDRESS="):].strip()
        elif line.startswith("IBUS_DAEMON_PID="):
            try:
                pid = int(line[len("IBUS_DAEMON_PID="):].strip())
            except ValueError:
                pid = None
    return address, pid


def _is_fcitx_process(pid: int, proc: Path) -> bool:
    try:
        comm = (proc / str(pid) / "comm").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return False
    return comm.startswith("fcitx")


def fcitx5_ibus_frontend(environ: Mapping[str, str], proc: Path = Path("/proc")) -> bool:
    """Is fcitx5 running with its IBus frontend (it wrote an IBus address file and is still alive)?"""
    folder = _config_home(environ) / "ibus" / "bus"
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError:
        return False
    for path in files:
        address, pid = _read_address_file(path)
        if FCITX5_ADDRESS_MARK not in address or pid is None:
            continue  # written by the real ibus-daemon, or emptied by fcitx5 when it quit
        if pid == 0:  # fcitx5 in a Flatpak writes pid 0 (another pid namespace)
            return True
        if pid > 0 and _is_fcitx_process(pid, proc):
            return True
    return False


def decide(environ: Mapping[str, str], platform: str = sys.platform,
           frontend_found: bool | None = None) -> dict[str, str]:
    """The variables to set for Qt (empty: change nothing). `frontend_found` overrides the detection."""
    if not platform.startswith("linux"):
        return {}
    qpa = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    if qpa and not qpa.startswith(SCREEN_PLATFORMS):
        return {}
    if not wants_fcitx(environ):
        return {}
    modules = requested_modules(environ)
    if any(_module_name(m) == "ibus" for m in modules):
        return {}
    if frontend_found is None:
        frontend_found = fcitx5_ibus_frontend(environ)
    if not frontend_found:
        return {}
    changes = {"QT_IM_MODULES": ";".join([*modules, "ibus"])}
    if "IBUS_USE_PORTAL" not in environ:
        changes["IBUS_USE_PORTAL"] = "1"
    return changes


@contextmanager
def chinese_input(environ: MutableMapping[str, str] | None = None) -> Iterator[dict[str, str]]:
    """Around the creation of the QApplication: set what `decide` says, then restore the user's values."""
    env = os.environ if environ is None else environ
    try:
        changes = decide(env)
    except Exception:  # noqa: BLE001 - never let input-method guessing stop the program
        changes = {}
    saved = {name: env.get(name) for name in changes}
    env.update(changes)
    try:
        yield changes
    finally:
        for name, value in saved.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
