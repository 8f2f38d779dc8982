#!/usr/bin/env bash
# Builds the Linux ARM64 (aarch64: 飞腾, 鲲鹏) package for glibc 2.30 and newer: a one-folder program like
# packaging/build.sh makes, packed as gov-report-VERSION-linux-aarch64-glibc2.30.tar.xz.
#   bash packaging/build-linux-arm64.sh            (root, on a Debian x86-64 host; PyPI reachable; not in CI)
# Why 2.30: Qt comes as PySide6's aarch64 wheels; the newest one for an old glibc is 6.8.0.2, tagged
# manylinux_2_31_aarch64 (6.8.1 and later: 2_39), whose libQt6Core needs GLIBC_2.30; nothing else in the
# package needs more (measured by step 4). Debian 11 (glibc 2.31) is the oldest root the mirrors serve. How:
#   1. CPython 3.11 cross-compiled for aarch64 in a Debian 11 x86-64 root (crossbuild-essential-arm64 and the
#      arm64 multiarch headers): natively about ten times faster than compiling it under emulation;
#   2. a Debian 11 arm64 root, run under qemu-user (binfmt_misc), gets that Python and a venv of the wheels of
#      packaging/linux/wheels-aarch64.lock (downloaded on the host, installed with --require-hashes);
#   3. packaging/build.sh in the arm64 root (PyInstaller under emulation: a few minutes);
#   4. no ELF file may need a GLIBC version above 2.30 (packaging/linux/glibc-ceiling.sh), and every one must
#      be aarch64.
# Cache: $GOV_REPORT_ARM64_CACHE (default /var/cache/gov-report-build/linux-arm64): the roots, the compiled
# Python, the tarballs, the wheels. Output: $GOV_REPORT_DIST (default dist/): the tarball and the unpacked
# folder gov-report-aarch64/gov-report. Check it with packaging/check-linux-arm64.sh.
set -euo pipefail
# shellcheck source=packaging/linux/common.sh
source "$(dirname "$0")/linux/common.sh"
PACKAGE_ARCH=aarch64
# shellcheck source=packaging/linux/platform.sh
source "$LINUX_DIR/platform.sh"
CACHE=${GOV_REPORT_ARM64_CACHE:-/var/cache/gov-report-build/linux-arm64}
GLIBC_FLOOR=2.30  # the highest GLIBC_ version any ELF file of the package may need
# Debian's security mirror has arm64 (the default) but some mirrors list its packages without the files;
# GOV_REPORT_ARM64_SECURITY=0 leaves bullseye-security out of the roots (the point release's packages only).
[ "${GOV_REPORT_ARM64_SECURITY:-1}" != 0 ] || ROOT_NO_SECURITY=1
dist=${GOV_REPORT_DIST:-$REPO/dist}
host_py=${HOST_PYTHON:-$REPO/.venv/bin/python}
[ -x "$host_py" ] || host_py=python3
"$host_py" -m pip --version >/dev/null 2>&1 || die "本机的 $host_py 没有 pip：设置 HOST_PYTHON 或运行 bash setup.sh"

need_root_tools
need_qemu aarch64
debian_mirrors
trap umount_all EXIT
t_start=$(date +%s)

# 1. the roots: x86-64 with the cross compiler, arm64 (emulated) for the build
X=$(make_root arm64-cross-root)
A=$(make_root arm64-build-root arm64)
mount_root "$X"; mount_root "$A"
mkdir -p "$X/build" "$A/build"

# 2. CPython 3.11 for the build machine (x86-64, static, into /opt/py311-build): the cross build runs it
py_src=$(fetch_source python)
cp -u "$py_src" "$X/build/"
py_tar=/build/$(basename "$py_src")
stage "$X" build-python "$(contents_hash "$py_src")" "
  rm -rf /build/build-python /opt/py311-build && mkdir /build/build-python && cd /build/build-python
  tar -xzf $py_tar --strip-components=1
  ./configure --prefix=/opt/py311-build --without-ensurepip --disable-test-modules
  make -j\$(nproc) && make install
  cd / && rm -rf /build/build-python"

# 3. CPython 3.11 for aarch64, shared, prefix /opt/py311, installed into /build/py311-aarch64 of the cross root.
#    pkg-config reads only the arm64 .pc files; configure cannot run its /dev and getaddrinfo probes here
#    (answered as for Linux on aarch64: /dev/ptmx, no /dev/ptc, a working getaddrinfo).
stage "$X" python-aarch64 "$(contents_hash "$py_src"; cat "$X/build/.stage-build-python")" "
  rm -rf /build/python-aarch64 /build/py311-aarch64 && mkdir /build/python-aarch64 && cd /build/python-aarch64
  tar -xzf $py_tar --strip-components=1
  PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig \\
  ./configure --host=aarch64-linux-gnu --build=x86_64-linux-gnu --with-build-python=/opt/py311-build/bin/python3.11 \\
    --prefix=/opt/py311 --enable-shared --without-ensurepip --disable-test-modules \\
    ac_cv_file__dev_ptmx=yes ac_cv_file__dev_ptc=no ac_cv_buggy_getaddrinfo=no LDFLAGS=-Wl,-rpath,/opt/py311/lib
  PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig make -j\$(nproc)
  make install DESTDIR=/build/py311-aarch64
  cd / && rm -rf /build/python-aarch64
  readelf -h /build/py311-aarch64/opt/py311/bin/python3.11 | grep Machine"

# 4. that Python into the arm64 root, where it must start (under qemu) and import its C modules
py_stamp=$(cat "$X/build/.stage-python-aarch64")
if [ "$(cat "$A/opt/py311/.gov-report-stamp" 2>/dev/null)" != "$py_stamp" ]; then
  log "python: copy /opt/py311 into the arm64 root"
  rm -rf "$A/opt/py311"; cp -a "$X/build/py311-aarch64/opt/py311" "$A/opt/py311"
  echo "$py_stamp" >"$A/opt/py311/.gov-report-stamp"
fi
stage "$A" python "$py_stamp" "
  uname -m
  /opt/py311/bin/python3.11 -c 'import sys, platform; print(sys.version, platform.machine())'
  /opt/py311/bin/python3.11 -c 'import ctypes, lzma, bz2, zlib, sqlite3, uuid, _ssl, pyexpat, readline, _decimal'"

# 5. the wheels (wheels-aarch64.lock) into a venv of that Python
install_wheels "$A" "$LINUX_DIR/wheels-aarch64.lock" "$(cat "$A/build/.stage-python")"

# 6. the program, built by packaging/build.sh in the arm64 root
log "program: copy the source, run packaging/build.sh in the arm64 root (emulated)"
rm -rf "$A/build/dist" "$A/build/work"
copy_source "$A/build/src"
t0=$(date +%s)
in_root "$A" env PYTHON=/build/venv/bin/python GOV_REPORT_DIST=/build/dist GOV_REPORT_WORK=/build/work \
  GOV_REPORT_NO_ZIP=1 bash /build/src/packaging/build.sh >&2 || die "packaging/build.sh 在 arm64 构建环境中失败"
log "program: PyInstaller done in $(($(date +%s) - t0)) s"

# 7. the glibc ceiling of every ELF file (they must all be aarch64)
ceiling=$(bash "$LINUX_DIR/glibc-ceiling.sh" "$A/build/dist/gov-report" "$GLIBC_FLOOR") \
  || die "有 ELF 文件需要高于 GLIBC_$GLIBC_FLOOR 的版本（见上）"
log "glibc: $ceiling"
other=$(find "$A/build/dist/gov-report" -type f -print0 | { xargs -0 readelf -h /dev/null 2>/dev/null || true; } \
  | awk '/^File: / { f = $2 } /Machine:/ && !/AArch64/ { print f }')
[ -z "$other" ] || die "包中有非 aarch64 的 ELF 文件：$other"

pack_tarball "$A/build/dist" "$dist" "aarch64-glibc$GLIBC_FLOOR" gov-report-aarch64
echo "GLIBC：$ceiling"
echo "用时 $(($(date +%s) - t_start)) 秒"
