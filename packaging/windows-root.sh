# Shared by packaging/build-windows.sh and packaging/check-windows.sh (sourced, not run): the cached
# Debian trixie root with Wine 10 in which the Windows package is built and run.
#
# Why a root: bookworm's Wine 8 builds the package but aborts every PySide6 6.9 window (it lacks
# Windows.UI.ViewManagement.UISettings); trixie's Wine 10 runs both. One Wine for building and running
# keeps the two consistent and leaves the host untouched. Needs root (debootstrap, chroot, mounts).
#
# Environment:
#   GOV_REPORT_WIN_CACHE   cache folder (default /var/cache/gov-report-build/windows)
#   GOV_REPORT_DEBIAN_MIRROR  Debian mirror for debootstrap (default: the host's apt sources)

WIN_CACHE=${GOV_REPORT_WIN_CACHE:-/var/cache/gov-report-build/windows}
WIN_ROOT=$WIN_CACHE/trixie
# Inside the root: the Wine prefix (C: drive) and where the host's folders are bind-mounted.
WIN_PREFIX=/opt/gov-report/wineprefix
WIN_SUITE=trixie
# The packages of the root, besides debootstrap's minbase. Wine 10 and the X client libraries it loads
# (without them its first window spins at 100 % CPU), a virtual screen, and tools to take screenshots.
WIN_ROOT_PKGS=(wine wine64 xvfb xauth x11-utils x11-apps xdotool netpbm unzip ca-certificates locales
  libgl1 libxcursor1 libxrandr2 libxi6 libxinerama1 libxcomposite1 libxrender1 libxext6 libxfixes3
  libfontconfig1 fonts-wqy-microhei)
# Wine takes the Windows code pages from LANG: zh_CN gives ANSI/OEM code page 936, as on a Chinese Windows.
WIN_LANG=zh_CN.UTF-8
# Wine older than this cannot open a Qt 6.9 window.
WIN_MIN_WINE_MAJOR=10

win_say() { printf '%s\n' "$*" >&2; }
win_die() { printf '错误：%s\n' "$*" >&2; exit 1; }

# The Debian mirror the host's apt already uses (never written into the repository).
WIN_APT_SOURCES=${WIN_APT_SOURCES:-/etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources}
win_mirror() {
  if [ -n "${GOV_REPORT_DEBIAN_MIRROR:-}" ]; then echo "$GOV_REPORT_DEBIAN_MIRROR"; return; fi
  local uri
  # shellcheck disable=SC2086 # the globs of WIN_APT_SOURCES are meant to expand
  uri=$(cat $WIN_APT_SOURCES 2>/dev/null \
    | grep -oE '^(URIs:[[:space:]]*|deb[[:space:]]+(\[[^]]*\][[:space:]]+)?)[a-z]+://[^[:space:]]+' \
    | grep -oE '[a-z]+://[^[:space:]]+' | grep -E '/debian/?$' | head -1)
  [ -n "$uri" ] || win_die "主机的 apt 源中找不到 Debian 镜像；请设置 GOV_REPORT_DEBIAN_MIRROR"
  echo "$uri"
}

# Mount what Wine needs inside the root; undone by win_umount (build/check scripts trap EXIT).
WIN_MOUNTS=()
win_mount() {  # win_mount SRC DEST_IN_ROOT [ro]
  local src=$1 dest=$WIN_ROOT$2
  mkdir -p "$dest"
  mount --bind "$src" "$dest"
  [ "${3:-}" = ro ] && mount -o remount,bind,ro "$dest"
  WIN_MOUNTS+=("$dest")
}
win_mount_system() {
  mountpoint -q "$WIN_ROOT/proc" || { mount -t proc proc "$WIN_ROOT/proc"; WIN_MOUNTS+=("$WIN_ROOT/proc"); }
  mountpoint -q "$WIN_ROOT/sys" || { mount -t sysfs sys "$WIN_ROOT/sys"; WIN_MOUNTS+=("$WIN_ROOT/sys"); }
  mountpoint -q "$WIN_ROOT/dev" || win_mount /dev /dev
  mountpoint -q "$WIN_ROOT/dev/pts" || { mount -t devpts devpts "$WIN_ROOT/dev/pts"; WIN_MOUNTS+=("$WIN_ROOT/dev/pts"); }
  mkdir -p "$WIN_ROOT/dev/shm"
  mkdir -p -m 700 "$WIN_ROOT/run/gov-report"
  mountpoint -q "$WIN_ROOT/dev/shm" || { mount -t tmpfs shm "$WIN_ROOT/dev/shm"; WIN_MOUNTS+=("$WIN_ROOT/dev/shm"); }
}
win_umount() {
  local i
  # stop this prefix's wineserver first, so that nothing holds the mounts
  [ -x "$WIN_ROOT/usr/bin/wineserver" ] && chroot "$WIN_ROOT" env WINEPREFIX="$WIN_PREFIX" wineserver -k 2>/dev/null
  for ((i = ${#WIN_MOUNTS[@]} - 1; i >= 0; i--)); do
    umount "${WIN_MOUNTS[i]}" 2>/dev/null || umount -l "${WIN_MOUNTS[i]}" 2>/dev/null || true
  done
  WIN_MOUNTS=()
}

# Run a command in the root, with a clean environment.
win_chroot() {
  chroot "$WIN_ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    XDG_RUNTIME_DIR=/run/gov-report "$@"
}

# Run a Windows program under Wine in the root: win_wine SECONDS [VAR=VALUE…] PROGRAM ARGS…
# Always bounded by `timeout` (a Wine that cannot draw spins forever); output piped through `cat`
# (Wine with its standard output on a regular file fails with "init_sys_streams … Invalid handle").
win_wine() {
  local seconds=$1; shift
  local vars=()
  while [ $# -gt 0 ] && [[ $1 == *=* ]]; do vars+=("$1"); shift; done
  win_chroot LANG="$WIN_LANG" WINEPREFIX="$WIN_PREFIX" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" "${vars[@]}" \
    timeout -k 10 "$seconds" wine "$@" </dev/null 2>&1 | cat
  return "${PIPESTATUS[0]}"
}

# Create (once) the root with Wine ≥ 10 and the prefix; later calls only check it.
win_root_ready() {
  local stamp=$WIN_ROOT/.gov-report-root
  local want
  want=$(printf '%s\n' "$WIN_SUITE" "${WIN_ROOT_PKGS[@]}" | sha256sum | cut -c1-16)
  if [ ! -f "$stamp" ] || [ "$(head -1 "$stamp")" != "$want" ]; then
    command -v debootstrap >/dev/null || win_die "缺少 debootstrap：apt-get install debootstrap"
    local mirror t0=$SECONDS
    mirror=$(win_mirror)
    if [ ! -x "$WIN_ROOT/usr/bin/apt-get" ]; then
      win_say "建立 Debian $WIN_SUITE 根目录：$WIN_ROOT"
      rm -rf "$WIN_ROOT"
      mkdir -p "$WIN_CACHE"
      debootstrap --variant=minbase "$WIN_SUITE" "$WIN_ROOT" "$mirror" >"$WIN_CACHE/debootstrap.log" 2>&1 \
        || { tail -20 "$WIN_CACHE/debootstrap.log" >&2; win_die "debootstrap 失败"; }
    fi
    printf 'deb %s %s main\ndeb %s %s-updates main\n' "$mirror" "$WIN_SUITE" "$mirror" "$WIN_SUITE" \
      >"$WIN_ROOT/etc/apt/sources.list"
    cp /etc/resolv.conf "$WIN_ROOT/etc/resolv.conf" 2>/dev/null || true
    win_mount_system
    win_chroot apt-get update -qq
    win_chroot DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${WIN_ROOT_PKGS[@]}" \
      >"$WIN_CACHE/apt.log" 2>&1 || { tail -20 "$WIN_CACHE/apt.log" >&2; win_die "根目录安装软件包失败"; }
    win_chroot apt-get clean
    echo "$WIN_LANG UTF-8" >"$WIN_ROOT/etc/locale.gen"
    win_chroot locale-gen >/dev/null
    {
      echo "$want"
      win_chroot dpkg-query -W -f '${Package}=${Version}\n' | sort
    } >"$stamp"
    win_say "根目录就绪（$((SECONDS - t0)) 秒）"
  fi
  win_mount_system
  local version major
  version=$(win_chroot wine --version 2>/dev/null) || win_die "根目录中的 wine 无法运行"
  major=$(echo "$version" | sed -n 's/^wine-\([0-9]*\).*/\1/p')
  [ "${major:-0}" -ge "$WIN_MIN_WINE_MAJOR" ] || win_die "需要 Wine ≥ $WIN_MIN_WINE_MAJOR（根目录中为 $version）"
  if [ ! -f "$WIN_ROOT$WIN_PREFIX/system.reg" ]; then
    win_say "初始化 Wine 前缀（$version）"
    mkdir -p "$WIN_ROOT$WIN_PREFIX"
    win_chroot LANG="$WIN_LANG" WINEPREFIX="$WIN_PREFIX" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" \
      timeout -k 10 600 wineboot -i </dev/null 2>&1 | cat
    win_chroot WINEPREFIX="$WIN_PREFIX" timeout 60 wineserver -w
    [ -f "$WIN_ROOT$WIN_PREFIX/system.reg" ] || win_die "Wine 前缀初始化失败"
  fi
  WIN_WINE_VERSION=$version
}
