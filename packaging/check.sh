#!/usr/bin/env bash
# The packaging checks (issue 16), one command, run by .ci/run after the README's test command:
#   sudo bash packaging/check.sh
# 1. the Linux x86-64 package for glibc 2.28 (统信UOS/银河麒麟): built in its cached Debian 11 root when needed,
#    its ELF files held to GLIBC 2.28, then run in a clean root without Python (CLI, wizard on X, fcitx input);
# 2. the Windows x64 package: built under Wine 10 (cached trixie root), then run under Wine (CLI, every export,
#    the wizard, AppData, a read-only folder with Chinese characters and spaces).
# The native package (packaging/build.sh) is built and run by tests/test_package.py in the test suite.
# Every step that cannot run fails with its reason; nothing is skipped. Exit 0 only when both pass.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
failed=()
step() {
  local name=$1; shift
  local t=$SECONDS
  echo "== $name"
  if "$@"; then echo "== $name：通过（$((SECONDS - t)) 秒）"
  else echo "== $name：失败（$((SECONDS - t)) 秒）" >&2; failed+=("$name"); fi
}
step "Linux 安装包（glibc 2.28）" bash "$here/check-linux.sh"
step "Windows 安装包：生成" bash "$here/build-windows.sh"
if [[ " ${failed[*]} " != *"Windows 安装包：生成"* ]]; then
  step "Windows 安装包：检查" bash "$here/check-windows.sh"
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "安装包检查未通过：${failed[*]}" >&2
  exit 1
fi
echo "安装包检查：全部通过"
