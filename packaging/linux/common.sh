# Shared by packaging/build-linux-{glibc228,arm64}.sh and packaging/check-linux.sh (sourced, not run): the Debian
# mirror of this host, the cache folder, and Debian 11 roots made with debootstrap and entered with chroot.
# Needs root, debootstrap and a Debian host (apt sources in /etc/apt).

LINUX_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$LINUX_DIR/../.." && pwd)
CACHE=${GOV_REPORT_BUILD_CACHE:-/var/cache/gov-report-build/linux}
SUITE=bullseye   # Debian 11: glibc 2.31, the oldest Debian release the mirrors still serve
MOUNTED=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '错误：%s\n' "$*" >&2; umount_all; exit 1; }

# The mirror this host's apt uses (never written into the repository): GOV_REPORT_DEBIAN_MIRROR and
# GOV_REPORT_DEBIAN_SECURITY override. Reads deb822 sources (debian.sources) or the one-line format under
# $GOV_REPORT_APT_ETC (default /etc/apt; tests/test_package.py gives its own).
debian_mirrors() {
  local etc=${GOV_REPORT_APT_ETC:-/etc/apt}
  local files=("$etc"/sources.list.d/*.sources "$etc"/sources.list "$etc"/sources.list.d/*.list)
  local found
  found=$(for f in "${files[@]}"; do if [ -f "$f" ]; then cat "$f"; echo; fi; done | awk '
    BEGIN { RS = "" }
    /(^|\n)Types:[^\n]*deb([ \t]|\n|$)/ && /(^|\n)URIs:/ {          # deb822 stanza
      match($0, /(^|\n)URIs:[ \t]*[^ \t\n]+/); u = substr($0, RSTART, RLENGTH); sub(/.*URIs:[ \t]*/, "", u)
      match($0, /(^|\n)Suites:[^\n]*/); s = substr($0, RSTART, RLENGTH)
      if (s ~ /-security/) { if (!sec) sec = u } else if (!main) main = u
    }
    { n = split($0, lines, "\n")
      for (i = 1; i <= n; i++) if (lines[i] ~ /^deb[ \t]/) {                 # one-line format
        split(lines[i], w, /[ \t]+/); k = 2; if (w[k] ~ /^\[/) while (w[k] !~ /\]$/) k++
        if (w[k] ~ /^\[/ || w[k] ~ /\]$/) k++
        if (w[k+1] ~ /-security/) { if (!sec) sec = w[k] } else if (w[k] ~ /debian/ && !main) main = w[k]
      } }
    END { print main; print sec }')
  MIRROR=${GOV_REPORT_DEBIAN_MIRROR:-$(sed -n 1p <<<"$found")}
  SECURITY_MIRROR=${GOV_REPORT_DEBIAN_SECURITY:-$(sed -n 2p <<<"$found")}
  [ -n "$MIRROR" ] || die "在 /etc/apt 中未找到 Debian 镜像：请设置 GOV_REPORT_DEBIAN_MIRROR"
  [ -n "$SECURITY_MIRROR" ] || SECURITY_MIRROR=${MIRROR%/debian}/debian-security
  MIRROR=${MIRROR%/}; SECURITY_MIRROR=${SECURITY_MIRROR%/}
}

# Root, and the host's tools (installed with apt-get when missing: a fresh CI machine has none of them).
need_root_tools() {
  [ "$(id -u)" = 0 ] || die "需要以 root 运行（debootstrap、chroot、mount）"
  local t missing=()
  for t in debootstrap:debootstrap curl:curl xz:xz-utils readelf:binutils pdftotext:poppler-utils unzip:unzip \
           dpkg-deb:dpkg; do
    command -v "${t%%:*}" >/dev/null || missing+=("${t##*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null || die "缺少 ${missing[*]}，且没有 apt-get 可安装"
    log "apt-get install ${missing[*]}"
    apt-get install -y -qq "${missing[@]}" >&2 || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >&2; } \
      || die "无法安装 ${missing[*]}"
  fi
  for t in chroot mount sha256sum tar; do command -v "$t" >/dev/null || die "缺少 $t"; done
}

# Qt's run-time libraries, as setup.sh lists them (one place for that list).
runtime_pkgs() {
  sed -n '/^runtime_pkgs=(/,/)/p' "$REPO/setup.sh" | sed 's/runtime_pkgs=(//; s/)//' | tr -s ' \n' '\n' | sed '/^$/d'
}

# qemu-user for ARCH (qemu's name: aarch64) registered with binfmt_misc, so that a root of that architecture
# runs under chroot; installs qemu-user-static and binfmt-support when missing.
need_qemu() {
  local arch=$1 f=/proc/sys/fs/binfmt_misc/qemu-$1
  if [ ! -e "$f" ]; then
    command -v update-binfmts >/dev/null && [ -e /usr/bin/qemu-"$arch"-static ] \
      || { log "apt-get install qemu-user-static binfmt-support"
           apt-get install -y -qq qemu-user-static binfmt-support >&2 || die "无法安装 qemu-user-static"; }
    mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc \
      || die "无法挂载 binfmt_misc"
    update-binfmts --enable "qemu-$arch" >&2 || true
  fi
  grep -q '^enabled' "$f" 2>/dev/null || die "qemu-$arch 未在 binfmt_misc 中启用（update-binfmts --enable qemu-$arch）"
  # F: the interpreter is opened when registered, so it works inside a chroot without a copy of it
  grep -q '^flags:.*F' "$f" || die "qemu-$arch 的 binfmt 没有 F 标志，chroot 中无法运行"
}

mount_root() {  # ROOT: proc, /dev and /sys, unmounted by umount_all (trap, die)
  local r=$1
  mountpoint -q "$r/proc" || { mount -t proc proc "$r/proc"; MOUNTED+=("$r/proc"); }
  mountpoint -q "$r/dev" || { mount --rbind /dev "$r/dev"; mount --make-rslave "$r/dev"; MOUNTED+=("$r/dev"); }
  mountpoint -q "$r/sys" || { mount --rbind /sys "$r/sys"; mount --make-rslave "$r/sys"; MOUNTED+=("$r/sys"); }
}

umount_all() {
  local i
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do umount -R -l "${MOUNTED[i]}" 2>/dev/null || true; done
  MOUNTED=()
}

# Run a command in ROOT with a clean environment (nothing of the host's PATH, Python or locale).
in_root() {
  local r=$1; shift
  chroot "$r" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

# The packages installed in ROOT, one a line (FORMAT: dpkg-query's, default the name): native ones by their
# plain name, those of a foreign architecture as NAME:ARCH (without a foreign architecture, the plain names).
installed_pkgs() {
  local native; native=$(chroot "$1" dpkg --print-architecture)
  in_root "$1" dpkg-query -W -f "\${binary:Package}${2:-}\n" | sed "s/:$native\([=]\|\$\)/\1/" | sort
}

# Make (once) the Debian 11 root NAME [ARCH] under $CACHE with the packages of packaging/linux/NAME.in plus
# Qt's run-time libraries, at the versions of NAME.lock. Prints the root's path.
# ARCH (optional, a Debian architecture such as arm64): the root's own architecture; a foreign one runs under
# qemu-user (binfmt_misc). Packages named NAME:ARCH in NAME.in add ARCH as a foreign (multiarch) architecture.
# ROOT_NO_SECURITY=1: without the $SUITE-security suite (a mirror that lists arm64 there but lacks its files).
make_root() {
  local name=$1 arch=${2:-} MOUNTED=()  # it runs in $(…): what it mounts, it unmounts (also in die)
  local r="$CACHE/$name" in="$LINUX_DIR/$name.in" lock="$LINUX_DIR/$name.lock" want stamp
  want=$( { grep -v '^#' "$in"; runtime_pkgs; } | sed '/^$/d' | sort -u)
  stamp=$( { echo "$want"; cat "$lock" 2>/dev/null; echo "$MIRROR $SECURITY_MIRROR"; [ -z "$arch" ] || echo "$arch"
    [ -z "${ROOT_NO_SECURITY:-}" ] || echo no-security; } \
    | sha256sum | cut -c1-16)
  if [ -f "$r/.gov-report-root" ] && [ "$(cat "$r/.gov-report-root")" = "$stamp" ] && [ -z "${GOV_REPORT_RELOCK:-}" ]; then
    echo "$r"; return
  fi
  if [ ! -x "$r/usr/bin/apt-get" ]; then
    log "debootstrap $SUITE → $r"
    rm -rf "$r"; mkdir -p "$CACHE/debs"
    debootstrap --variant=minbase ${arch:+--arch="$arch"} --cache-dir="$CACHE/debs" "$SUITE" "$r" "$MIRROR" >&2 \
      || die "debootstrap 失败（镜像 $MIRROR）"
    chroot "$r" dpkg-query -W -f '${Package}\n' | sort >"$r/.gov-report-base"
  fi
  local foreign
  for foreign in $(grep -v '^#' "$in" | grep -o ':[a-z0-9]*$' | tr -d : | sort -u); do
    chroot "$r" dpkg --add-architecture "$foreign"
  done
  cat >"$r/etc/apt/sources.list" <<SRC
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
$([ -n "${ROOT_NO_SECURITY:-}" ] && echo "# $SUITE-security left out (ROOT_NO_SECURITY)" || echo "deb $SECURITY_MIRROR $SUITE-security main")
SRC
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$r/etc/apt/apt.conf.d/90gov-report"
  # no manuals, documentation or translations in the roots (faster installs)
  printf 'path-exclude=/usr/share/man/*\npath-exclude=/usr/share/doc/*\npath-include=/usr/share/doc/*/copyright\npath-exclude=/usr/share/locale/*\n' \
    >"$r/etc/dpkg/dpkg.cfg.d/90gov-report-nodoc"
  mount_root "$r"
  in_root "$r" apt-get update -qq >&2 || die "apt-get update 失败（$r）"
  local before pins
  before=$(cat "$r/.gov-report-base")  # debootstrap's own packages: not pinned
  if [ -n "${GOV_REPORT_RELOCK:-}" ] || [ ! -f "$lock" ]; then
    # what an earlier NAME.in asked for and this one does not goes (marked automatic, then autoremoved)
    local extra
    extra=$(comm -13 <(echo "$before") <(installed_pkgs "$r"))
    # shellcheck disable=SC2086
    [ -z "$extra" ] || in_root "$r" apt-mark auto $extra >/dev/null
    # shellcheck disable=SC2086
    in_root "$r" apt-get install -y -qq $want >&2 || die "apt-get install 失败（$r）"
    in_root "$r" apt-get autoremove --purge -y -qq >&2
    { echo "# Pinned versions of what apt installed into the root besides debootstrap's base, from"
      echo "# $(basename "$in") and setup.sh's runtime_pkgs; written by GOV_REPORT_RELOCK=1 on $(date -u +%Y-%m-%d)."
      awk -F= 'NR == FNR { base[$1] = 1; next } !($1 in base)' <(echo "$before") \
        <(installed_pkgs "$r" '=${Version}'); } >"$lock"
    log "wrote $lock ($(grep -vc '^#' "$lock") packages)"
  else
    pins=$(grep -v '^#' "$lock" | sed '/^$/d')
    # shellcheck disable=SC2086
    in_root "$r" apt-get install -y -qq --allow-downgrades $pins >&2 \
      || die "按 $lock 安装失败：镜像上已没有其中某个版本；运行 GOV_REPORT_RELOCK=1 重新锁定"
    # every named package must be there (the lock may predate a change of NAME.in)
    local missing
    missing=$(comm -23 <(echo "$want") <(installed_pkgs "$r"))
    [ -z "$missing" ] || die "$lock 缺少 $(echo $missing)：运行 GOV_REPORT_RELOCK=1 重新锁定"
  fi
  in_root "$r" apt-get clean
  umount_all
  echo "$stamp" >"$r/.gov-report-root"
  echo "$r"
}

# Fetch NAME of LOCK (default sources.lock: name, sha256, path under the mirror) into $CACHE/src (once),
# verify its hash; prints its path.
fetch_source() {
  local name=$1 lockfile=$LINUX_DIR/${2:-sources.lock} sum path file
  read -r _ sum path < <(awk -v n="$name" '$1 == n' "$lockfile")
  [ -n "${path:-}" ] || die "$(basename "$lockfile") 中没有 $name"
  file="$CACHE/src/$(basename "$path")"
  mkdir -p "$CACHE/src"
  if ! echo "$sum  $file" | sha256sum -c --quiet >/dev/null 2>&1; then
    log "download $(basename "$path")"
    curl -fsSL --retry 3 -o "$file.part" "$MIRROR/$path" || die "下载失败：$MIRROR/$path"
    echo "$sum  $file.part" | sha256sum -c --quiet >/dev/null 2>&1 || die "$(basename "$path") 的 sha256 与 $(basename "$lockfile") 不符"
    mv "$file.part" "$file"
  fi
  echo "$file"
}

# The hash of the files' contents (not their paths: a clone elsewhere must find the same stamps).
contents_hash() { cat "$@" | sha256sum | cut -c1-64; }

# Runs SCRIPT (bash) in ROOT unless the stage's stamp (of INPUTS, SCRIPT and the files listed in the array
# STAGE_SALT, if any) is the one of its last successful run. Log: $CACHE/NAME.log.
STAGE_SALT=()
stage() {
  local r=$1 name=$2 inputs=$3 script=$4 stamp
  stamp=$( { echo "$inputs"; echo "$script"; cat "${STAGE_SALT[@]}" </dev/null; } | sha256sum | cut -c1-16)
  if [ "$(cat "$r/build/.stage-$name" 2>/dev/null)" = "$stamp" ]; then log "$name: cached"; return; fi
  log "$name: building"
  local t0; t0=$(date +%s)
  in_root "$r" bash -euo pipefail -c "$script" >"$CACHE/$name.log" 2>&1 \
    || { tail -30 "$CACHE/$name.log" >&2; die "$name 编译失败（日志：$CACHE/$name.log）"; }
  echo "$stamp" >"$r/build/.stage-$name"
  log "$name: done in $(($(date +%s) - t0)) s"
}

# The wheels of LOCK, downloaded on the host with pip's PIP_TARGET (platform.sh; the root's OpenSSL may not
# verify this host's TLS chain), checked against their hashes and installed offline into /build/venv of ROOT,
# a venv of its /opt/py311. DEPS: the stamp of what the venv depends on besides LOCK (the Python stage).
# Needs host_py (a Python with pip on the host).
install_wheels() {
  local r=$1 lock=$2 deps=$3 spec n v pip_whl
  log "wheels: pip download ($(basename "$lock"))"
  mkdir -p "$CACHE/wheels"
  "$host_py" -m pip download -q --no-deps --require-hashes -d "$CACHE/wheels" "${PIP_TARGET[@]}" \
    -r "$lock" 2> >(grep -v "is ignored: it is neither" >&2) || die "下载 wheel 失败"
  rm -rf "$r/build/wheels"; mkdir -p "$r/build/wheels"
  cp "$lock" "$r/build/wheels.lock"
  while read -r spec _; do  # only the locked files go into the root
    n=$(sed 's/==.*//; s/-/_/g' <<<"$spec"); v=${spec#*==}
    find "$CACHE/wheels" -maxdepth 1 -iname "${n}-${v}-*.whl" -exec cp {} "$r/build/wheels/" \;
  done < <(grep -v '^#' "$lock")
  pip_whl=$(cd "$r/build/wheels" && ls pip-*.whl)
  stage "$r" venv "$(contents_hash "$lock"; echo "$deps")" "
  rm -rf /build/venv && /opt/py311/bin/python3.11 -m venv --without-pip /build/venv
  sha256sum -c <(grep '^pip==' /build/wheels.lock | sed 's/.*sha256:\(.*\)/\1  \/build\/wheels\/$pip_whl/')
  /build/venv/bin/python /build/wheels/$pip_whl/pip install -q --no-index --find-links /build/wheels \
    --require-hashes -r /build/wheels.lock
  /build/venv/bin/python -m pip list"
}

# Copies the program's source to DEST, which is emptied first: every file of the checkout that git knows
# or would add, as the Windows build copies it (a list of names here once left out a new module).
copy_source() {
  rm -rf "$1"; mkdir -p "$1"
  (cd "$REPO" && git ls-files -z --cached --others --exclude-standard \
    | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -C "$1" -xf -
}

# Packs BUILT_DIST/gov-report as DIST/gov-report-VERSION-linux-SUFFIX.tar.xz and unpacks it into
# DIST/FOLDER/gov-report (the folder the checks run), and says where both are.
pack_tarball() {
  local built=$1 dist=$2 suffix=$3 folder=$4 version tarball t0
  version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$REPO/ui/version.py")
  tarball="$dist/gov-report-$version-linux-$suffix.tar.xz"
  mkdir -p "$dist"
  t0=$(date +%s)
  tar -C "$built" --owner=0 --group=0 --numeric-owner -cf - gov-report | xz -T0 -6 >"$tarball.part"
  mv "$tarball.part" "$tarball"
  rm -rf "${dist:?}/$folder"; mkdir -p "$dist/$folder"
  tar -C "$dist/$folder" -xJf "$tarball"
  log "tarball: xz in $(($(date +%s) - t0)) s"
  echo "已生成：$tarball（$(du -h "$tarball" | cut -f1)）"
  echo "        $dist/$folder/gov-report/（$(du -sh "$dist/$folder/gov-report" | cut -f1)）"
}
