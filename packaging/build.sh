#!/usr/bin/env bash
# Builds the offline package for this Linux machine: a folder with the program, Python, Qt, the fonts,
# the sample and the guide, and a zip of it (README.md, section "安装包 / Package").
#   bash packaging/build.sh
# Needs: `bash setup.sh --dev` done (PyInstaller is in requirements-dev.txt) and binutils (`strip`,
# `objdump`; setup.sh --dev installs them). The package runs only on Linux systems whose glibc is at least as new as this
# machine's: build on the oldest system it must run on.
# Environment: PYTHON (default .venv/bin/python), GOV_REPORT_DIST (default dist/), GOV_REPORT_WORK
# (default build/). Output: $GOV_REPORT_DIST/gov-report/ and $GOV_REPORT_DIST/gov-report-VERSION-linux-ARCH.zip.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
py=${PYTHON:-$root/.venv/bin/python}
dist=${GOV_REPORT_DIST:-$root/dist}
work=${GOV_REPORT_WORK:-$root/build}

[ -x "$py" ] || { echo "未找到 $py：请先运行 bash setup.sh --dev" >&2; exit 1; }
"$py" -c "import PyInstaller" 2>/dev/null || { echo "未安装 PyInstaller：请运行 bash setup.sh --dev" >&2; exit 1; }
for tool in strip objdump; do
  command -v "$tool" >/dev/null || { echo "缺少 $tool：请安装 binutils（apt-get install binutils）" >&2; exit 1; }
done

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/ui/version.py")
arch=$(uname -m)
name=gov-report
zipname="$name-$version-linux-$arch.zip"

start=$(date +%s)
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" "$root/packaging/gov-report.spec"

# Names in UTF-8, symbolic links kept (packaging/make_zip.py says why not `zip`). GOV_REPORT_NO_ZIP=1: no zip
# (packaging/build-linux-glibc228.sh packs a tarball instead).
[ -n "${GOV_REPORT_NO_ZIP:-}" ] || "$py" "$root/packaging/make_zip.py" "$dist/$name" "$dist/$zipname"
end=$(date +%s)

glibc=$(find "$dist/$name" -type f \( -name '*.so*' -o -name "$name" \) -exec objdump -T {} + 2>/dev/null \
  | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
echo "已生成：$dist/$name/（$(du -sh "$dist/$name" | cut -f1)）"
[ -n "${GOV_REPORT_NO_ZIP:-}" ] || echo "        $dist/$zipname（$(du -sh "$dist/$zipname" | cut -f1)）"
echo "用时 $((end - start)) 秒；需要 ${glibc/_/ } 或更新（本机 $(ldd --version | head -1 | grep -o '[0-9.]*$')）"
