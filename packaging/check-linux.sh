#!/usr/bin/env bash
# Checks the Linux x86-64 package for glibc 2.28 as an office PC would use it (README-linux.md):
#   1. no ELF file of the package needs a GLIBC version above 2.28 (packaging/linux/glibc-ceiling.sh);
#   2. in a clean Debian 11 root without any Python (packaging/linux/run-root.in), with env -i PATH=/nonexistent:
#      check, export --xlsx --pdf --docx (the outputs read back on the host), check of the workbook, import of the
#      Word document; the libraries it loads from outside its folder are listed;
#   3. the wizard on an X display (Xvfb in that root): it opens the sample with the xcb platform plugin and
#      exits 0; a second run is photographed (xwd) into $OUT/wizard-xcb.png, which must not be blank;
#   4. Chinese input: with fcitx 4, then fcitx5 (its fcitx 4 frontend) running on a session bus and
#      QT_IM_MODULE=fcitx, Qt loads the package's fcitx plugin (QT_DEBUG_PLUGINS), the program creates its input
#      context in the daemon (CreateICv3 on D-Bus) when its window has the focus, and `fcitx-remote -o` turns
#      fcitx 4's pinyin on for it (state 2).
#   bash packaging/check-linux.sh [PACKAGE]
# PACKAGE: the tarball or the unpacked gov-report folder; without it, packaging/build-linux-glibc228.sh builds
# it first. Needs root (chroot), readelf, pdftotext and a Python with Pillow on the host (HOST_PYTHON, default
# .venv/bin/python). Any step that cannot run fails with the reason; nothing is skipped.
# Output: $GOV_REPORT_DIST/check-linux/ (default dist/check-linux): the exported files, logs, the screenshot.
# PACKAGE_ARCH=aarch64 (packaging/check-linux-arm64.sh) checks the ARM64 package instead: limit GLIBC_2.30,
# a Debian 11 arm64 root under qemu-user (packaging/linux/arm64-run-root.in), steps 1–3 (that package has no
# fcitx plugin, so there is no step 4), output in dist/check-linux-arm64.
set -euo pipefail
# shellcheck source=packaging/linux/common.sh
source "$(dirname "$0")/linux/common.sh"
dist=${GOV_REPORT_DIST:-$REPO/dist}
case ${PACKAGE_ARCH:-x86_64} in
  x86_64) glibc_max=2.28; run_root=run-root; root_arch=""; builder=build-linux-glibc228.sh
          tarballs="gov-report-*-linux-x86_64-glibc2.28.tar.xz"; out="$dist/check-linux"; window_wait=60 ;;
  aarch64) glibc_max=2.30; run_root=arm64-run-root; root_arch=arm64; builder=build-linux-arm64.sh
           CACHE=${GOV_REPORT_ARM64_CACHE:-/var/cache/gov-report-build/linux-arm64}
           [ "${GOV_REPORT_ARM64_SECURITY:-1}" != 0 ] || ROOT_NO_SECURITY=1  # as build-linux-arm64.sh
           tarballs="gov-report-*-linux-aarch64-glibc2.30.tar.xz"; out="$dist/check-linux-arm64"
           window_wait=240 ;;  # emulated: start-up takes many times longer
  *) die "不支持的架构 $PACKAGE_ARCH（x86_64 或 aarch64）" ;;
esac
host_py=${HOST_PYTHON:-$REPO/.venv/bin/python}
SAMPLE="$REPO/resources/samples/jinxiang-xzsp-2022.json"
AGENCY=金乡县行政审批服务局
t_start=$(date +%s)
failures=0
ok() { printf '通过：%s\n' "$*"; }
bad() { printf '失败：%s\n' "$*" >&2; failures=$((failures + 1)); }

need_root_tools
[ -z "$root_arch" ] || need_qemu "$PACKAGE_ARCH"
for t in readelf pdftotext unzip; do
  command -v "$t" >/dev/null || die "缺少 $t，无法检查（apt-get install binutils poppler-utils unzip）"
done
"$host_py" -c "import PIL" 2>/dev/null || die "$host_py 没有 Pillow，无法转换截图（bash setup.sh --dev）"
debian_mirrors
trap umount_all EXIT

# The package: given, or built now.
pkg=${1:-}
if [ -z "$pkg" ]; then
  bash "$REPO/packaging/$builder" || die "构建失败"
  # shellcheck disable=SC2086
  pkg=$(ls -t "$dist"/$tarballs | head -1)
fi
[ -e "$pkg" ] || die "没有 $pkg"
rm -rf "$out"; mkdir -p "$out"

# 1. the glibc ceiling, on the files as shipped (the tarball unpacked)
RR=$(make_root "$run_root" $root_arch)
mount_root "$RR"
rm -rf "$RR/opt/pkg"; mkdir -p "$RR/opt/pkg"
if [ -d "$pkg" ]; then cp -a "$pkg" "$RR/opt/pkg/gov-report"; else tar -C "$RR/opt/pkg" -xJf "$pkg"; fi
P=/opt/pkg/gov-report
[ -x "$RR$P/gov-report" ] || die "包中没有可执行文件 gov-report"
if ceiling=$(bash "$LINUX_DIR/glibc-ceiling.sh" "$RR$P" "$glibc_max"); then ok "GLIBC 上限：$ceiling"
else bad "有 ELF 文件需要高于 GLIBC_$glibc_max 的版本（见上）"; fi

# 2. the clean root: no Python at all
pythons=$(in_root "$RR" sh -c 'ls -d /usr/bin/python* /usr/local/bin/python* /usr/lib/python3* /opt/py* 2>/dev/null || true')
[ -z "$pythons" ] || die "运行环境 $RR 中有 Python（$pythons），不能证明包自带一切"
ok "运行环境（Debian 11 $(chroot "$RR" dpkg --print-architecture)，$(in_root "$RR" uname -m)，glibc $(in_root "$RR" ldd --version | head -1 | grep -o '[0-9.]*$')）中没有 Python"

# A desktop has a machine id (systemd or dbus writes it); libdbus aborts the program without one.
in_root "$RR" sh -c '[ -s /etc/machine-id ] || dbus-uuidgen --ensure=/etc/machine-id'
H="/home/用户 目录"
rm -rf "$RR/home"; mkdir -p "$RR$H"
cp "$SAMPLE" "$RR$H/示例.json"
# Runs the package in the root as a user with nothing but the package: PATH=/nonexistent, no PYTHON*.
# In the background (run_pkg … &) the process keeps the job's pid: chroot, env and sh each exec the next.
run_pkg() {
  local name=$1; shift
  exec_if_bg chroot "$RR" /usr/bin/env -i PATH=/nonexistent HOME="$H" LANG=C.UTF-8 GOV_REPORT_DATA_DIR="$H/数据" \
    "${EXTRA_ENV[@]}" /bin/sh -c 'cd "$HOME" && exec "$@"' sh "$P/gov-report" "$@" \
    >"$out/$name.out" 2>"$out/$name.err"
}
EXTRA_ENV=()
exec_if_bg() { if [ -n "${BG:-}" ]; then exec "$@"; else "$@"; fi; }
# The program's top-level window, by its title (政务公开年报助手); waits up to window_wait/2 s. Prints its X id.
find_window() {
  local _ id
  for _ in $(seq "$window_wait"); do
    id=$(in_root "$RR" env DISPLAY="$D" xdotool search --name "政务公开年报助手" 2>/dev/null | head -1)
    [ -n "$id" ] && { echo "$id"; return 0; }
    kill -0 "$app_pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

if run_pkg check check 示例.json && grep -q "结论：未发现错误，可以报送。" "$out/check.out"; then
  ok "check 示例.json → 结论：未发现错误，可以报送。"
else bad "check 示例.json（$out/check.out, check.err）：$(tail -3 "$out/check.err")"; fi

if run_pkg export export 示例.json --xlsx "年报 2022.xlsx" --pdf "年报 2022.pdf" --docx "年报 2022.docx"; then
  cp "$RR$H/年报 2022".* "$out/"
  unzip -p "$out/年报 2022.xlsx" xl/workbook.xml | grep -q '<sheet ' && ok "export --xlsx：工作簿有效" \
    || bad "导出的 xlsx 无效"
  pages=$(pdfinfo "$out/年报 2022.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  if [ "$(pdftotext "$out/年报 2022.pdf" - | grep -c "$AGENCY")" -gt 0 ] && ! pdftotext "$out/年报 2022.pdf" - | grep -q '〓'; then
    ok "export --pdf：$pages 页，pdftotext 读出机关名称，无缺字"
  else bad "导出的 PDF 读不出机关名称或有缺字"; fi
  unzip -p "$out/年报 2022.docx" word/document.xml | grep -q "$AGENCY" && ok "export --docx：正文有机关名称" \
    || bad "导出的 docx 中没有机关名称"
else bad "export（$out/export.err）：$(tail -3 "$out/export.err")"; fi

if run_pkg check-xlsx check "年报 2022.xlsx"; then ok "check 年报 2022.xlsx（读回工作簿）→ 退出状态 0"
else bad "读回工作簿失败：$(tail -3 "$out/check-xlsx.err")"; fi
if run_pkg check-pdf check "年报 2022.pdf"; then ok "check 年报 2022.pdf（读取 PDF：pdfplumber 在安装包中）→ 退出状态 0"
else bad "读取 PDF 失败：$(tail -3 "$out/check-pdf.err")"; fi

if run_pkg import import "年报 2022.docx" --out 读回.json; then
  rc=0; run_pkg check-import check 读回.json || rc=$?
  if grep -q "$AGENCY" "$RR$H/读回.json" && [ "$rc" -le 1 ]; then
    ok "import 年报 2022.docx → 读回.json（有机关名称，check 退出状态 $rc）"
  else bad "import 的结果不可用（check 退出状态 $rc）"; fi
else bad "import（$out/import.err）：$(tail -3 "$out/import.err")"; fi

EXTRA_ENV=(LD_DEBUG=libs)
if run_pkg ld-debug export 示例.json --pdf ld.pdf; then
  outside=$(grep -o 'calling init: [^ ]*' "$out/ld-debug.err" | cut -d' ' -f3 | grep -v "^$P/" | sort -u)
  echo "包外载入的库：$(echo $outside)"
  if grep -qi python <<<"$outside"; then bad "从包外载入了 Python：$outside"; else ok "只从包外载入系统库"; fi
else bad "LD_DEBUG 运行失败"; fi
EXTRA_ENV=()

# 3. the wizard on an X display
rm -rf "$RR/tmp/.X11-unix" "$RR"/tmp/.X*-lock
# -displayfd: Xvfb takes the first free display (the abstract X sockets are shared with the host's)
rm -f "$out/display"
chroot "$RR" /usr/bin/env -i PATH=/usr/bin:/bin Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp \
  3>"$out/display" >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
stop_x() { kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; }
trap 'stop_x; umount_all' EXIT
for _ in $(seq 50); do [ -s "$out/display" ] && break; sleep 0.2; done
dn=$(tr -dc 0-9 <"$out/display" 2>/dev/null || true)
[ -n "$dn" ] && [ -S "$RR/tmp/.X11-unix/X$dn" ] || die "Xvfb 未能启动（$out/xvfb.log）：$(tail -3 "$out/xvfb.log")"
D=":$dn"

EXTRA_ENV=(DISPLAY="$D" GOV_REPORT_QUIT_AFTER_SHOW=1 QT_DEBUG_PLUGINS=1)
if run_pkg wizard-quit --sample && grep -q 'libqxcb.so" loaded library' "$out/wizard-quit.err"; then
  ok "向导（xcb，Xvfb）打开示例后正常退出"
else bad "向导在 X 上未能启动（$out/wizard-quit.err）：$(grep -v '^qt.core\|^QFactory\|Got keys\|checking directory\|looking at' "$out/wizard-quit.err" | tail -5)"; fi

EXTRA_ENV=(DISPLAY="$D")
BG=1 run_pkg wizard --sample &
app_pid=$!
shown=""
if find_window >/dev/null; then shown=1; sleep 2; fi
in_root "$RR" env DISPLAY="$D" xwd -root -silent -out /tmp/wizard.xwd || true
kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true
if [ -n "$shown" ] && "$host_py" "$LINUX_DIR/xwd2png.py" "$RR/tmp/wizard.xwd" "$out/wizard-xcb.png"; then
  ok "向导窗口已显示，截图：$out/wizard-xcb.png"
else bad "向导窗口未显示或截图为空（$out/wizard.err）"; fi

# 4. Chinese input: the packaged fcitx plugin under a running fcitx 4 (银河麒麟) and fcitx5 (统信UOS, through
#    its fcitx 4 frontend): Qt loads the plugin, the focused window creates its input context in the daemon.
#    im_check LABEL DAEMON REMOTE STATE: STATE is what REMOTE must say after REMOTE -o (2: Chinese input on;
#    empty: not asked, as the fcitx5 of the run root has no Chinese input method, only its keyboard).
im_check() {
  local label=$1 daemon=$2 remote=$3 want=$4 bus bus_addr bus_pid win state daemon_pid monitor_pid
  bus=$(in_root "$RR" dbus-daemon --session --fork --print-address=1 --print-pid=1) || die "无法启动 D-Bus 会话总线"
  bus_addr=$(sed -n 1p <<<"$bus"); bus_pid=$(sed -n 2p <<<"$bus")
  local im_env=(DISPLAY="$D" DBUS_SESSION_BUS_ADDRESS="$bus_addr" HOME=/root)
  in_root "$RR" env "${im_env[@]}" dbus-monitor --session "interface='org.fcitx.Fcitx.InputMethod'" \
    >"$out/$label-dbus-monitor.log" 2>&1 &
  monitor_pid=$!
  in_root "$RR" env "${im_env[@]}" "$daemon" >"$out/$label-daemon.log" 2>&1 &
  daemon_pid=$!
  # ready when the name the plugin looks for is on the bus (fcitx5 registers it a moment after it answers)
  for _ in $(seq 60); do
    in_root "$RR" env "${im_env[@]}" dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
      org.freedesktop.DBus.NameHasOwner string:org.fcitx.Fcitx-$dn 2>/dev/null | grep -q 'boolean true' && break
    sleep 0.5
  done
  EXTRA_ENV=("${im_env[@]}" QT_IM_MODULE=fcitx QT_DEBUG_PLUGINS=1)
  BG=1 run_pkg "$label" &
  app_pid=$!
  # no window manager on Xvfb: give the window the keyboard focus as a click would
  if win=$(find_window); then
    sleep 1
    in_root "$RR" env DISPLAY="$D" xdotool windowfocus --sync "$win" || true
    sleep 1
  fi
  in_root "$RR" env "${im_env[@]}" "$remote" -o >/dev/null 2>&1 || true
  sleep 0.5
  state=$(in_root "$RR" env "${im_env[@]}" "$remote" 2>/dev/null || echo "?")
  kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true
  kill "$daemon_pid" "$monitor_pid" 2>/dev/null || true; wait "$daemon_pid" "$monitor_pid" 2>/dev/null || true
  kill "$bus_pid" 2>/dev/null || true
  EXTRA_ENV=()
  if grep -q 'libfcitxplatforminputcontextplugin.so" loaded library' "$out/$label.err"; then
    ok "$label：Qt 载入了包中的 fcitx 插件（QT_DEBUG_PLUGINS）"
  else bad "$label：Qt 未载入 fcitx 插件（$out/$label.err）"; fi
  if grep -q 'member=CreateICv3' "$out/$label-dbus-monitor.log" && { [ -z "$want" ] || [ "$state" = "$want" ]; }; then
    ok "$label：程序在运行中的输入法中创建了输入上下文（D-Bus CreateICv3）；$remote -o 后状态 $state"
  else bad "$label：输入法中没有可用的输入上下文（$out/$label-dbus-monitor.log；$remote 状态 $state，应为 ${want:-任意}）"; fi
}
plugin_dir=$P/_internal/PySide6/Qt/plugins/platforminputcontexts
if [ -n "$root_arch" ]; then
  echo "说明：ARM64 包不带 fcitx 输入法插件，不检查第 4 项（中文输入）"
elif [ ! -f "$RR$plugin_dir/libfcitxplatforminputcontextplugin.so" ]; then
  bad "包中没有 fcitx 输入法插件（$plugin_dir）"
else
  im_check fcitx4 fcitx fcitx-remote 2
  im_check fcitx5 fcitx5 fcitx5-remote ""
fi

stop_x

echo "用时 $(($(date +%s) - t_start)) 秒"
[ "$failures" -eq 0 ] || die "$failures 项检查未通过"
echo "全部通过"
