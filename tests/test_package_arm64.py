"""The ARM64 package's build scripts (packaging/build-linux-arm64.sh, check-linux-arm64.sh) in the parts that
run without root or emulation: the wheel tags pip is asked for, the names of the packages of a multiarch
root, the architecture switch of the check. The build and its check themselves run under qemu-user, too slowly
for CI (README, 安装包: ARM64).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from support import ROOT

LINUX = ROOT / "packaging" / "linux"
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="bash scripts: Linux")


def bash(script: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", f"set -euo pipefail; {script}"], capture_output=True, text=True,
                          timeout=30, env={"PATH": os.environ["PATH"], **env})


def pip_platforms(arch: str | None) -> list[str]:
    env = {"PACKAGE_ARCH": arch} if arch else {}
    out = bash(f'source "{LINUX / "platform.sh"}"; printf "%s\\n" "${{PIP_TARGET[@]}}"', **env)
    assert out.returncode == 0, out.stderr
    words = out.stdout.split()
    assert words[:5] == ["--only-binary=:all:", "--implementation", "cp", "--python-version", "3.11"]
    assert words[5::2] == ["--platform"] * len(words[6::2])
    return words[6::2]


def glibc_of(tag: str) -> tuple[int, int]:
    """manylinux_2_31_aarch64 → (2, 31); the legacy aliases by PEP 600."""
    legacy = {"manylinux1": (2, 5), "manylinux2010": (2, 12), "manylinux2014": (2, 17)}
    m = re.match(r"manylinux_(\d+)_(\d+)_", tag)
    return (int(m[1]), int(m[2])) if m else legacy[tag.split("_")[0]]


def test_aarch64_wheels_are_asked_for_glibc_2_31_at_most():
    """PySide6 6.8.0.2 is manylinux_2_31_aarch64: the tag must be there, and nothing newer (6.8.1 is 2_39)."""
    tags = pip_platforms("aarch64")
    assert tags and all(t.endswith("_aarch64") for t in tags)
    assert "manylinux_2_31_aarch64" in tags
    assert max(glibc_of(t) for t in tags) == (2, 31)


def test_the_x86_64_wheel_tags_are_unchanged_by_the_architecture_switch():
    tags = pip_platforms(None)
    assert tags == pip_platforms("x86_64")
    assert all(t.endswith("_x86_64") for t in tags) and max(glibc_of(t) for t in tags) == (2, 28)


def test_an_unknown_architecture_is_refused_in_chinese():
    out = bash(f'source "{LINUX / "platform.sh"}"', PACKAGE_ARCH="riscv64")
    assert out.returncode != 0 and "不支持的架构 riscv64" in out.stderr


def installed(listing: str, fmt: str = "") -> list[str]:
    """installed_pkgs of common.sh on a fake amd64 root whose dpkg-query prints LISTING."""
    script = (f'source "{LINUX / "common.sh"}"; '
              'chroot() { echo amd64; }; '  # dpkg --print-architecture of the root
              f'in_root() {{ printf "%s" "$LISTING"; }}; '
              f"installed_pkgs /root '{fmt}'")
    out = bash(script, LISTING=listing)
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def test_packages_of_a_multiarch_root_keep_their_foreign_architecture_only():
    """The cross root has amd64 and arm64 packages: the lock must pin libffi-dev:arm64 as such, and the
    native ones by their plain names, as in a root of one architecture (whose locks stay as they were)."""
    listing = "libc6:amd64\nlibc6:arm64\nbash\nlibffi-dev:arm64\nlibamd64-thing\n"
    assert installed(listing) == ["bash", "libamd64-thing", "libc6", "libc6:arm64", "libffi-dev:arm64"]
    versions = "libc6:amd64=2.31-13\nlibc6:arm64=2.31-13\nbash=5.1-2\n"
    assert installed(versions, "=${Version}") == ["bash=5.1-2", "libc6:arm64=2.31-13", "libc6=2.31-13"]


def test_the_cross_root_names_the_aarch64_headers_as_foreign_packages():
    """make_root adds arm64 as a foreign architecture because the list names NAME:arm64 packages."""
    names = [x for x in (LINUX / "arm64-cross-root.in").read_text().splitlines() if x and not x.startswith("#")]
    assert "crossbuild-essential-arm64" in names
    assert {"libffi-dev:arm64", "libssl-dev:arm64", "zlib1g-dev:arm64"} <= set(names)


def test_the_check_refuses_an_unknown_architecture_before_it_needs_root():
    out = subprocess.run(["bash", str(ROOT / "packaging" / "check-linux.sh")], capture_output=True, text=True,
                         timeout=30, env={"PATH": os.environ["PATH"], "PACKAGE_ARCH": "mips"})
    assert out.returncode == 1 and "不支持的架构 mips" in out.stderr
