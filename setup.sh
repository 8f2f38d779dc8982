#!/usr/bin/env bash
# Sets up this program on a fresh Debian/Ubuntu-like machine (also 统信UOS / 银河麒麟):
# the system libraries Qt needs, then a virtual environment in .venv with the pinned packages.
#   bash setup.sh          runtime only
#   bash setup.sh --dev    plus the test tools (pytest, LibreOffice, poppler, Xvfb)
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")"

dev=0
[ "${1:-}" = "--dev" ] && dev=1

# Libraries the Qt xcb/offscreen platform plugins load, and a Chinese font for the screen.
runtime_pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1)
# Real clients the tests read our output with, and a virtual screen for screenshots.
# LibreOffice needs fonts of its own to print the workbook (the program itself brings its own).
# binutils: strip and objdump for PyInstaller (packaging/build.sh); unzip: the package test unpacks its zip.
dev_pkgs=(xvfb xauth poppler-utils libreoffice-calc libreoffice-writer fonts-dejavu-core fonts-wqy-microhei
  binutils unzip)

pkgs=("${runtime_pkgs[@]}")
[ "$dev" = 1 ] && pkgs+=("${dev_pkgs[@]}")

# The distribution's Python: 3.11 on Debian 12, 3.13 on Debian 13 (3.12 on Ubuntu 24.04). PySide6 6.9
# (requirements.txt) has no wheels for 3.14. Debian keeps venv's pip bootstrap (ensurepip) in pythonX.Y-venv.
pick_python() {
  local cand
  for cand in python3.11 python3 python3.13 python3.12; do
    if command -v "$cand" >/dev/null 2>&1 \
       && "$cand" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null; then
      echo "$cand"; return
    fi
  done
}
py=$(pick_python)
if [ -z "$py" ]; then
  pkgs+=(python3 python3-venv)
elif ! "$py" -c 'import ensurepip' >/dev/null 2>&1; then
  pkgs+=("python$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv")
fi

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${pkgs[@]}"; do
    # Debian 13 renamed some libraries for 64-bit time (libglib2.0-0 is now libglib2.0-0t64)
    dpkg -s "$p" >/dev/null 2>&1 || dpkg -s "${p}t64" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" != 0 ] && sudo="sudo"
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "apt-get not found: install the Qt runtime libraries (${runtime_pkgs[*]}) with your package manager." >&2
fi

py=$(pick_python)
[ -n "$py" ] || { echo "Python 3.11, 3.12 or 3.13 is required (PySide6 6.9 has no wheels for newer ones)." >&2; exit 1; }

# A .venv without pip is what an earlier run left when venv could not bootstrap pip: make it anew.
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
  rm -rf .venv
  "$py" -m venv .venv
fi
req=requirements.txt
[ "$dev" = 1 ] && req=requirements-dev.txt
.venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"

# shiboken6 keeps its Python support files inside its library and compiles them again at every start.
# Written out once next to it (shiboken6's own SBK_EMBED=0 switch) they load from cached bytecode, which
# starts the program some 13 ms sooner (benchmarks/bench_ui.py). Done after every install, so that the
# files always belong to the shiboken6 installed.
SBK_EMBED=0 .venv/bin/python -c "import shiboken6"
.venv/bin/python -m compileall -q "$(.venv/bin/python -c 'import pathlib, shiboken6; print(pathlib.Path(shiboken6.__file__).parent / "files.dir")')"
