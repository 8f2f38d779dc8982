#!/usr/bin/env bash
# Builds the Linux x86-64 package that runs with glibc 2.28 and newer (统信UOS 20, 银河麒麟 V10, Debian 10+ …):
# a one-folder program like packaging/build.sh makes, packed as gov-report-VERSION-linux-x86_64-glibc2.28.tar.xz.
#   bash packaging/build-linux-glibc228.sh            (root, on a Debian host with debootstrap; PyPI reachable)
# How (README-linux.md tells why): a Debian 11 root made with debootstrap; CPython, libpng and libdbus compiled
# there with packaging/linux/glibc228-compat.h (no symbol newer than GLIBC_2.28); the wheels of
# packaging/linux/wheels.lock downloaded on the host and installed in the root with --require-hashes; then
# packaging/build.sh in the root. Everything is pinned: packaging/linux/{sources,wheels,build-root}.lock.
# Cache: $GOV_REPORT_BUILD_CACHE (default /var/cache/gov-report-build/linux): the root with the compiled
# Python and libraries, the tarballs, the wheels; a second build takes about a minute.
# Output: $GOV_REPORT_DIST (default dist/): the tarball and the unpacked folder gov-report-glibc2.28/gov-report.
set -euo pipefail
# shellcheck source=packaging/linux/common.sh
source "$(dirname "$0")/linux/common.sh"
# shellcheck source=packaging/linux/platform.sh
source "$LINUX_DIR/platform.sh"
dist=${GOV_REPORT_DIST:-$REPO/dist}
host_py=${HOST_PYTHON:-$REPO/.venv/bin/python}
[ -x "$host_py" ] || host_py=python3
"$host_py" -m pip --version >/dev/null 2>&1 || die "本机的 $host_py 没有 pip：设置 HOST_PYTHON 或运行 bash setup.sh"

need_root_tools
debian_mirrors
trap umount_all EXIT
t_start=$(date +%s)

# 1. the build root
R=$(make_root build-root)
mount_root "$R"
mkdir -p "$R/build"
cp "$LINUX_DIR/glibc228-compat.h" "$R/build/"
COMPAT_CFLAGS="-O2 -include /build/glibc228-compat.h"
STAGE_SALT=("$LINUX_DIR/glibc228-compat.h")  # a change of the header rebuilds every stage

# 2. CPython 3.11, shared, into /opt/py311. sem_clockwait (GLIBC_2.30) is declared absent.
py_src=$(fetch_source python)
cp -u "$py_src" "$R/build/"
stage "$R" python "$(contents_hash "$py_src")" "
  rm -rf /build/python /opt/py311 && mkdir /build/python && cd /build/python
  tar -xzf /build/$(basename "$py_src") --strip-components=1
  ./configure --prefix=/opt/py311 --enable-shared --without-ensurepip --disable-test-modules \
    ac_cv_func_sem_clockwait=no \
    LDFLAGS=-Wl,-rpath,/opt/py311/lib CFLAGS='$COMPAT_CFLAGS'
  make -j\$(nproc) && make install
  cd / && rm -rf /build/python
  /opt/py311/bin/python3.11 -c 'import ctypes, lzma, bz2, zlib, sqlite3, uuid, _ssl, pyexpat'"

# 3. libpng (its pow) and libdbus (without libsystemd, whose gettid is GLIBC_2.30), into /opt/compat/lib.
png_src=$(fetch_source libpng); dbus_src=$(fetch_source dbus)
cp -u "$png_src" "$dbus_src" "$R/build/"
stage "$R" compat-libs "$(contents_hash "$png_src" "$dbus_src")" "
  rm -rf /build/libpng /build/dbus /opt/compat && mkdir /build/libpng /build/dbus
  cd /build/libpng && tar -xzf /build/$(basename "$png_src") --strip-components=1
  ./configure --prefix=/opt/compat --disable-static CFLAGS='$COMPAT_CFLAGS' && make -j\$(nproc) install
  cd /build/dbus && tar -xJf /build/$(basename "$dbus_src") --strip-components=1
  # /etc and /var as the system's own libdbus has them: it reads the machine id from /var/lib/dbus or /etc
  ./configure --prefix=/opt/compat --sysconfdir=/etc --localstatedir=/var --disable-static --disable-systemd \
    --without-x --disable-tests \
    --disable-doxygen-docs --disable-xml-docs --disable-selinux --disable-apparmor --disable-libaudit \
    --disable-inotify CFLAGS='$COMPAT_CFLAGS'
  make -j\$(nproc) -C dbus libdbus-1.la && make -C dbus install-libLTLIBRARIES
  cd / && rm -rf /build/libpng /build/dbus
  ls -l /opt/compat/lib"

# 4. the wheels: downloaded on the host (the root's OpenSSL may not verify this host's TLS chain), checked
#    against wheels.lock, installed offline into a venv of the compiled Python.
install_wheels "$R" "$LINUX_DIR/wheels.lock" "$(cat "$R/build/.stage-python")"

# 5. the fcitx 4 input-method plugin, compiled against the venv's Qt with the Qt 6.8.2 SDK's headers.
sdk_lock=$(grep -v '^#' "$LINUX_DIR/qt-sdk.lock")
sdk_stamp=$(sha256sum <<<"$sdk_lock" | cut -c1-16)
if [ "$(cat "$R/opt/qt-sdk/.stamp" 2>/dev/null)" != "$sdk_stamp" ]; then
  log "Qt SDK: unpack $(wc -l <<<"$sdk_lock") Debian 13 packages"
  rm -rf "$R/opt/qt-sdk"; mkdir -p "$R/opt/qt-sdk"
  while read -r n _; do dpkg-deb -x "$(fetch_source "$n" qt-sdk.lock)" "$R/opt/qt-sdk"; done <<<"$sdk_lock"
  echo "$sdk_stamp" >"$R/opt/qt-sdk/.stamp"
fi
fqt_src=$(fetch_source fcitx-qt5)
cp -u "$fqt_src" "$R/build/"
cp "$LINUX_DIR/build-fcitx-plugins.sh" "$R/build/"
stage "$R" fcitx-plugins "$sdk_stamp $(contents_hash "$fqt_src" "$LINUX_DIR/build-fcitx-plugins.sh"; cat "$R/build/.stage-venv")" "
  rm -rf /build/fcitx-qt5 && mkdir /build/fcitx-qt5 && cd /build/fcitx-qt5
  tar -xJf /build/$(basename "$fqt_src") --strip-components=1
  bash /build/build-fcitx-plugins.sh /opt/qt-sdk /build/fcitx-qt5 /build/venv/lib/python3.11/site-packages"

# 6. the program, built by packaging/build.sh in the root with the compat libraries first on the path.
log "program: copy the source, run packaging/build.sh in the root"
rm -rf "$R/build/dist" "$R/build/work"
copy_source "$R/build/src"
t0=$(date +%s)
in_root "$R" env LD_LIBRARY_PATH=/opt/compat/lib PYTHON=/build/venv/bin/python GOV_REPORT_DIST=/build/dist \
  GOV_REPORT_WORK=/build/work GOV_REPORT_NO_ZIP=1 bash /build/src/packaging/build.sh >&2 || die "packaging/build.sh 在构建环境中失败"
log "program: PyInstaller done in $(($(date +%s) - t0)) s"

pack_tarball "$R/build/dist" "$dist" x86_64-glibc2.28 gov-report-glibc2.28
echo "用时 $(($(date +%s) - t_start)) 秒"
