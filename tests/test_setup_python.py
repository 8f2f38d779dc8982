"""The source install on the distribution's Python 3.11–3.13 (Debian 12: 3.11, Debian 13: 3.13).

`bash setup.sh` is run against stand-ins for apt-get, dpkg and the Python interpreters (they log what they
are asked and behave like Debian's: python3.X without its -venv package cannot bootstrap pip). The real
runs, on Debian 12 and in a Debian 13 root, are in the report of issue 16 and packaging/README-windows.md.
Also: every docstring of the program can be compiled by Python 3.13, which encodes docstrings as UTF-8
when it strips their indentation (a lone surrogate such as "\\ud800" written unescaped cannot be).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest
from support import ROOT

FAKE_PYTHON = r"""#!/bin/bash
# A stand-in for a distribution Python $VERSION; ensurepip exists once its -venv package is "installed".
echo "$0 $*" >> "$LOG"
case "$*" in
  *"import ensurepip"*) [ -e "$STATE/python$VERSION-venv" ] ;;
  *"sys.version_info[:2] <= "*) case "$VERSION" in 3.11|3.12|3.13) exit 0 ;; *) exit 1 ;; esac ;;
  *"print("*) echo "$VERSION" ;;
  "-m venv .venv")
    [ -e "$STATE/python$VERSION-venv" ] || { echo "ensurepip is not available" >&2; mkdir -p .venv/bin;
                                             printf '#!/bin/bash\nexit 1\n' > .venv/bin/python;
                                             chmod +x .venv/bin/python; exit 1; }
    mkdir -p .venv/bin
    printf '#!/bin/bash\necho "venv-python $*" >> "%s"\n' "$LOG" > .venv/bin/python
    chmod +x .venv/bin/python ;;
  *) exit 3 ;;
esac
"""

FAKE_DPKG = r"""#!/bin/bash
# dpkg -s NAME: installed if the state folder has it; every Qt library counts as installed
[ "$1" = -s ] || exit 2
case "$2" in python3*) [ -e "$STATE/$2" ] ;; libglib2.0-0) [ -z "$DEBIAN13" ] ;; *) exit 0 ;; esac
"""

FAKE_APT = r"""#!/bin/bash
echo "apt-get $*" >> "$LOG"
[ "$1" = install ] || exit 0
for arg in "$@"; do case "$arg" in python3*) touch "$STATE/$arg" ;; esac; done
"""


def run_setup(tmp_path: Path, versions: dict[str, str], installed: tuple[str, ...] = (), *args: str,
              debian13: bool = False):
    """Run a copy of setup.sh with only the given interpreters (name -> version) on PATH."""
    project, bin_dir, state = tmp_path / "project", tmp_path / "bin", tmp_path / "state"
    for d in (project, bin_dir, state):
        d.mkdir()
    shutil.copy(ROOT / "setup.sh", project / "setup.sh")
    for name, text in {"dpkg": FAKE_DPKG, "apt-get": FAKE_APT, "sudo": '#!/bin/bash\nexec "$@"\n'}.items():
        (bin_dir / name).write_text(text, "utf-8")
        (bin_dir / name).chmod(0o755)
    for name, version in versions.items():
        (bin_dir / name).write_text(FAKE_PYTHON.replace("$VERSION", version), "utf-8")
        (bin_dir / name).chmod(0o755)
    for package in installed:
        (state / package).touch()
    for tool in ("bash", "id", "cat", "dirname", "mkdir", "chmod", "rm", "printf", "touch"):
        if not (bin_dir / tool).exists():
            (bin_dir / tool).symlink_to(shutil.which(tool))
    log = tmp_path / "log"
    log.touch()
    env = {"PATH": str(bin_dir), "LOG": str(log), "STATE": str(state), "HOME": str(tmp_path),
           "DEBIAN13": "1" if debian13 else ""}
    out = subprocess.run([str(bin_dir / "bash"), str(project / "setup.sh"), *args], env=env, cwd=project,
                         capture_output=True, text=True, timeout=60)
    return out, log.read_text("utf-8")


@pytest.mark.parametrize(("name", "version"), [("python3", "3.13"), ("python3", "3.11"), ("python3", "3.12")])
def test_the_distributions_python_without_its_venv_package_gets_it(tmp_path, name, version):
    out, log = run_setup(tmp_path, {name: version})
    assert out.returncode == 0, out.stdout + out.stderr
    assert f"python{version}-venv" in next(line for line in log.splitlines() if line.startswith("apt-get install"))
    assert "-m venv .venv" in log and "venv-python -m pip install -q --disable-pip-version-check -r requirements.txt" in log


def test_python_313_with_venv_installs_nothing_more(tmp_path):
    out, log = run_setup(tmp_path, {"python3": "3.13"}, ("python3.13-venv",))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "apt-get install" not in log
    assert "python3 -m venv .venv" in log


def test_a_second_run_on_debian_13_installs_nothing(tmp_path):
    """Debian 13 has libglib2.0-0t64 for libglib2.0-0: it counts as installed (no apt-get at every run)."""
    out, log = run_setup(tmp_path, {"python3": "3.13"}, ("python3.13-venv",), debian13=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "apt-get" not in log


def test_python_311_is_preferred_when_both_are_there(tmp_path):
    out, log = run_setup(tmp_path, {"python3": "3.13", "python3.11": "3.11"}, ("python3.11-venv",))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "python3.11 -m venv .venv" in log


def test_a_python_too_new_for_pyside6_is_refused_with_a_reason(tmp_path):
    out, log = run_setup(tmp_path, {"python3": "3.14"})
    assert out.returncode == 1
    assert "3.11, 3.12 or 3.13" in out.stderr
    assert "-m venv" not in log


def test_a_venv_left_without_pip_is_made_anew(tmp_path):
    """The first run on a machine without pythonX.Y-venv used to leave a .venv that pip was never put in."""
    project = tmp_path / "project"
    out, log = run_setup(tmp_path, {"python3": "3.13"}, ("python3.13-venv",))
    assert out.returncode == 0
    broken = project / ".venv" / "bin" / "python"
    broken.write_text("#!/bin/bash\nexit 1\n", "utf-8")  # python without pip
    env = {"PATH": str(tmp_path / "bin"), "LOG": str(tmp_path / "log"), "STATE": str(tmp_path / "state")}
    again = subprocess.run([str(tmp_path / "bin" / "bash"), str(project / "setup.sh")], env=env, cwd=project,
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "log").read_text("utf-8").count("python3 -m venv .venv") == 2


def docstrings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            doc = ast.get_docstring(node, clean=False)
            if doc is not None:
                yield node, doc


def test_every_docstring_compiles_on_python_313():
    sources = [p for p in ROOT.rglob("*.py")
               if not {".venv", "build", "dist", ".git"} & set(p.relative_to(ROOT).parts)]
    assert len(sources) > 50
    bad = []
    for path in sources:
        for node, doc in docstrings(path):
            try:
                doc.encode("utf-8")
            except UnicodeEncodeError as exc:
                bad.append(f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 1)}: {exc.reason}")
    assert not bad, bad

