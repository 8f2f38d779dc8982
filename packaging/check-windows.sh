#!/usr/bin/env bash
# Checks the Windows x64 package as an office user runs it, under Wine 10 in the cached trixie root
# (packaging/windows-root.sh). Every check runs; one that fails or cannot run says why, and the script
# then exits 1 — nothing is skipped.
#   sudo bash packaging/check-windows.sh [gov-report-VERSION-windows-x64.zip]
# Default zip: the newest in $GOV_REPORT_DIST (default dist/), made by packaging/build-windows.sh (which
# also leaves the Windows Python that reads the executables' resources).
# What it proves, with the package unpacked to C:\用户 程序\政务 公开\ and that folder mounted read-only
# (like a network share): the executables carry the icon, the version resource with the Chinese program
# name, and ask for no administrator rights; `check` (text and --json), `export --xlsx --pdf --docx` into a
# folder with Chinese characters and spaces, each output read back (the workbook and the docx by the
# package itself, the PDF by pdftotext); the wizard opens the sample on a virtual X screen under Wine,
# exits 0, keeps its own files under the user's AppData\Local, and is photographed into docs/screenshots.
# Environment: GOV_REPORT_DIST, GOV_REPORT_WIN_CACHE, GOV_REPORT_SCREENSHOTS (default docs/screenshots).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=${GOV_REPORT_DIST:-$root/dist}
shots=${GOV_REPORT_SCREENSHOTS:-$root/docs/screenshots}
# shellcheck source=packaging/windows-root.sh
. "$root/packaging/windows-root.sh"

failures=0
ok() { printf '通过  %s\n' "$*"; }
bad() { printf '失败  %s\n' "$*"; failures=$((failures + 1)); }
t_start=$SECONDS

[ "$(id -u)" = 0 ] || win_die "需要 root 权限（chroot、mount）：sudo bash packaging/check-windows.sh"
zip=${1:-$(ls -t "$dist"/gov-report-*-windows-x64.zip 2>/dev/null | head -1)}
[ -n "$zip" ] && [ -f "$zip" ] || win_die "找不到 Windows 安装包（先运行 packaging/build-windows.sh）：${zip:-$dist/gov-report-*-windows-x64.zip}"
for tool in unzip pdftotext iconv python3; do
  command -v "$tool" >/dev/null || win_die "缺少 $tool（bash setup.sh --dev 安装 unzip、poppler-utils）"
done
py_exe='Z:\opt\gov-report\py311\python.exe'
[ -f "$WIN_ROOT/opt/gov-report/py311/python.exe" ] || win_die "缺少构建用的 Windows Python（先运行 packaging/build-windows.sh）"

xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  win_umount
}
trap cleanup EXIT
win_root_ready

# -- unpack to a path with Chinese characters and spaces, then make it read-only ---------------------------
drive_c=$WIN_ROOT$WIN_PREFIX/drive_c
install_dir="$drive_c/用户 程序/政务 公开"
win_dir='C:\用户 程序\政务 公开\gov-report'
appdata="$drive_c/users/root/AppData/Local/gov-report-assistant"
out_dir="$drive_c/users/root/Documents/年报 输出"
win_out='C:\users\root\Documents\年报 输出'
umount "$install_dir" 2>/dev/null || true
rm -rf "$install_dir" "$out_dir" "$appdata"
mkdir -p "$install_dir" "$out_dir"
unzip -q "$zip" -d "$install_dir" || win_die "无法解压 $zip"
win_mount "$install_dir" "$WIN_PREFIX/drive_c/用户 程序/政务 公开" ro
if touch "$install_dir/gov-report/写入测试" 2>/dev/null; then
  bad "安装文件夹应为只读，却可以写入"
else
  ok "安装文件夹只读挂载：$win_dir"
fi
# -- contents: the zip's layout, only the Qt the program uses, and the Python binaries are the verified ones --
if python3 - "$zip" "$install_dir/gov-report/_internal" "$root/packaging/windows-embed.sha256" <<'EOF'
import hashlib, sys, zipfile
from pathlib import Path
archive, internal, sums = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
problems = []
with zipfile.ZipFile(archive) as z:
    infos = {i.filename: i for i in z.infolist()}
for name in ("gov-report/gov-report.exe", "gov-report/gov-report-cli.exe", "gov-report/_internal/python311.dll",
             "gov-report/_internal/resources/samples/jinxiang-xzsp-2022.json",
             "gov-report/_internal/resources/fonts/wqy-microhei.ttc", "gov-report/_internal/docs/使用说明.md"):
    if name not in infos:
        problems.append(f"缺少 {name}")
if not infos.get("gov-report/_internal/docs/使用说明.md", zipfile.ZipInfo()).flag_bits & 0x800:
    problems.append("文件名未标记为 UTF-8")
plugins = {p.relative_to(internal / "PySide6").as_posix() for p in (internal / "PySide6").rglob("*")
           if p.suffix in (".dll", ".qm") and p.parent.name in ("platforms", "styles", "translations",
                                                                  "platforminputcontexts", "imageformats")}
want = {"plugins/platforms/qwindows.dll", "plugins/platforms/qoffscreen.dll",
        "plugins/styles/qmodernwindowsstyle.dll", "translations/qtbase_zh_CN.qm"}
if plugins != want:
    problems.append(f"Qt 插件/翻译 {sorted(plugins)} ≠ {sorted(want)}")
if any(internal.rglob("opengl32sw.dll")):
    problems.append("含有 opengl32sw.dll")
pinned = {line.split("  ", 1)[1].lower(): line.split("  ", 1)[0]
          for line in Path(sums).read_text(encoding="utf-8").splitlines()}
checked = 0
for path in internal.iterdir():
    if path.name.lower() in pinned:
        checked += 1
        if hashlib.sha256(path.read_bytes()).hexdigest() != pinned[path.name.lower()]:
            problems.append(f"{path.name} 与已验证签名的嵌入式 Python 不同")
if checked < 10 or not (internal / "python311.dll").exists():
    problems.append(f"只找到 {checked} 个来自嵌入式 Python 的文件")
print("\n".join(problems) or f"{checked} 个 Python 文件与已验证的嵌入式 Python 相同")
sys.exit(bool(problems))
EOF
then ok "安装包内容：两个程序、字体、示例、说明；只有所用的 Qt 插件；Python 文件即已验证签名的文件"
else bad "安装包内容不符"
fi

# what exists outside the user's profile before the program runs (compared at the end)
outside_profile() { (cd "$drive_c" && find . -path ./users -prune -o -path ./windows -prune -o -path './用户 程序' -prune \
  -o -print | sort); }
before_outside=$(outside_profile)

sample="$win_dir"'\_internal\resources\samples\jinxiang-xzsp-2022.json'
cli="$win_dir"'\gov-report-cli.exe'
gui="$win_dir"'\gov-report.exe'

# The console prints in code page 936 (GBK), as on a Chinese Windows (windows-root.sh, WIN_LANG).
run_cli() {  # run_cli SECONDS ARGS… ; sets $out (UTF-8) and $rc
  local seconds=$1; shift
  out=$(win_wine "$seconds" "$cli" "$@" | iconv -f gbk -t utf-8 -c)
  rc=${PIPESTATUS[0]}
}

# -- the executables: icon, version resource, Chinese name, no administrator rights ------------------------
win_mount "$root/packaging" /mnt/packaging ro
info=$(win_wine 120 "$py_exe" -X utf8 'Z:\mnt\packaging\windows_inspect.py' \
  "$win_dir"'\gov-report.exe' "$win_dir"'\gov-report-cli.exe' 2>/dev/null)
if GOV_INFO="$info" python3 - "$root" <<'EOF'
import json, os, sys
sys.path.insert(0, os.path.join(sys.argv[1], "packaging"))
import windows_version as wv
info = json.loads(os.environ["GOV_INFO"])
gui, cli = (next(v for k, v in info.items() if k.endswith(n)) for n in ("gov-report.exe", "gov-report-cli.exe"))
problems = []
for exe, console, data in (("gov-report.exe", False, gui), ("gov-report-cli.exe", True, cli)):
    want = wv.strings(exe, console)
    if data["strings"] != want:
        problems.append(f"{exe} 版本信息 {data['strings']} ≠ {want}")
    if not {16, 24, 32, 48, 256} <= set(data["icons"]):
        problems.append(f"{exe} 图标尺寸 {data['icons']}")
    if data["icon_groups"] != [wv.QT_ICON_NAME]:  # the name Qt loads for the title bar and taskbar
        problems.append(f"{exe} 图标组 {data['icon_groups']}，应为 [{wv.QT_ICON_NAME!r}]")
    if data["level"] != "asInvoker":
        problems.append(f"{exe} 清单要求的权限为 {data['level']!r}，应为 asInvoker")
    if data["machine"] != "0x8664" or data["gui"] == console:
        problems.append(f"{exe}：machine {data['machine']}, gui {data['gui']}")
print("\n".join(problems) or f"{gui['strings']['ProductName']} {gui['strings']['ProductVersion']}，"
      f"{gui['strings']['CompanyName']}，图标 {gui['icons']} 像素，{gui['level']}")
sys.exit(bool(problems))
EOF
then ok "图标、版本信息（公司/产品/版本）、中文程序名、无需管理员权限（asInvoker）"
else bad "可执行文件的资源不符：$info"
fi

# -- the command line --------------------------------------------------------------------------------------
t=$SECONDS
run_cli 180 check "$sample"
if [ "$rc" = 0 ] && grep -q '结论：未发现错误，可以报送。' <<<"$out"; then ok "check 示例报告（$((SECONDS - t)) 秒）"
else bad "check 示例报告：退出状态 $rc：$(tail -5 <<<"$out")"; fi
run_cli 180 check "$sample" --json
if [ "$rc" = 0 ] && [ "$(tr -d '\r\n ' <<<"$out")" = "[]" ]; then ok "check --json"
else bad "check --json：退出状态 $rc：$(tail -5 <<<"$out")"; fi

t=$SECONDS
run_cli 300 export "$sample" --xlsx "$win_out\\年报 2022.xlsx" --pdf "$win_out\\年报 2022.pdf" --docx "$win_out\\年报 2022.docx"
if [ "$rc" = 0 ]; then ok "export --xlsx --pdf --docx 到“$win_out”（$((SECONDS - t)) 秒）"
else bad "export：退出状态 $rc：$(tail -5 <<<"$out")"; fi
pdf="$out_dir/年报 2022.pdf"
pdf_text=$(pdftotext "$pdf" - 2>/dev/null)
if [ -f "$pdf" ] && grep -q '金乡县行政审批服务局' <<<"$pdf_text" && ! grep -q '〓' <<<"$pdf_text"; then
  ok "PDF：$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p') 页，pdftotext 读出机关名称"
else bad "PDF 缺失或读不出机关名称"; fi
if unzip -p "$out_dir/年报 2022.docx" word/document.xml 2>/dev/null | grep -q '金乡县行政审批服务局'; then
  ok "Word 文档含机关名称"
else bad "Word 文档缺失或不含机关名称"; fi
run_cli 180 check "$win_out\\年报 2022.xlsx"
if [ "$rc" = 0 ]; then ok "程序读回导出的 Excel 工作簿：无错误"
else bad "读回 Excel 工作簿：退出状态 $rc：$(tail -5 <<<"$out")"; fi
run_cli 180 import "$win_out\\年报 2022.docx" --out "$win_out\\读回.json"
rc_import=$rc
run_cli 180 check "$win_out\\读回.json"
if [ "$rc_import" = 0 ] && { [ "$rc" = 0 ] || [ "$rc" = 1 ]; }; then ok "import 读回 Word 文档"
else bad "import：退出状态 $rc_import / check $rc：$(tail -5 <<<"$out")"; fi
run_cli 300 check "$win_out\\年报 2022.pdf"
if [ "$rc" = 0 ]; then ok "check 读取导出的 PDF（pdfplumber 在安装包中）"
else bad "check PDF：退出状态 $rc：$(tail -5 <<<"$out")"; fi

# -- the wizard on a virtual screen: exit status, AppData, screenshot ---------------------------------------
n=90
# a display number free in the root and on the host (X's abstract sockets are shared with the host)
while { [ -e "$WIN_ROOT/tmp/.X$n-lock" ] || [ -e "/tmp/.X$n-lock" ]; } && [ "$n" -lt 150 ]; do n=$((n + 1)); done
display=:$n
# exec: $! is then Xvfb itself, which cleanup() ends
(exec chroot "$WIN_ROOT" /usr/bin/env -i PATH=/usr/bin:/bin Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp \
  >/dev/null 2>&1) &
xvfb_pid=$!
sleep 2
kill -0 "$xvfb_pid" 2>/dev/null || bad "Xvfb 未能启动"
# settings.json names the install folder among the recent files (written with \u escapes: parse it, never grep)
settings_name_install() {
  python3 -c 'import json, sys; sys.exit(0 if "政务 公开" in json.dumps(json.load(open(sys.argv[1], encoding="utf-8")), ensure_ascii=False) else 1)' \
    "$appdata/settings.json" 2>/dev/null
}
t=$SECONDS
out=$(win_wine 300 DISPLAY="$display" GOV_REPORT_QUIT_AFTER_SHOW=1 "$gui" --sample)
rc=$?
if [ "$rc" = 0 ]; then ok "向导打开示例报告并退出（Wine 下 $((SECONDS - t)) 秒）"
else bad "向导：退出状态 $rc：$(tail -5 <<<"$out")"; fi
if settings_name_install; then
  ok "设置（最近打开的文件）写在用户的 AppData\\Local\\gov-report-assistant\\settings.json"
else bad "AppData\\Local\\gov-report-assistant\\settings.json 缺失（$(ls -R "$drive_c/users/root/AppData/Local" 2>&1 | head -5 | tr '\n' ' ')）"; fi

# the same wizard left open in a Wine virtual desktop (Wine draws the title bar there), photographed once
# it has started (it writes settings.json when it opens the sample) and drawn
shot="$shots/windows-wine-wizard.png"
rm -f "$appdata/settings.json"
(win_wine 300 DISPLAY="$display" explorer '/desktop=gov-report,1366x768' "$gui" --sample >/dev/null) &
gui_job=$!
drawn=""
for _ in $(seq 1 90); do
  sleep 1
  settings_name_install && { drawn=1; break; }
done
sleep 5
mkdir -p "$shots"
if [ -n "$drawn" ] && win_chroot DISPLAY="$display" sh -c 'xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng' >"$shot.part" \
   && [ -s "$shot.part" ]; then
  mv "$shot.part" "$shot"; ok "截图：$shot"
else rm -f "$shot.part"; bad "向导窗口未出现，无法截图"; fi
# a real key press into a field (机关名称) makes a change: autosave must write the recovery file
# under AppData within seconds (ui/autosave.py), the install folder being read-only
# (a click first: without a window manager nothing has the keyboard focus; the field is at the same place
# on this 1366×768 screen as in docs/screenshots/windows-wine-wizard.png)
win_chroot DISPLAY="$display" xdotool mousemove 700 131 click 1 sleep 1 key End space 2 0 2 2 >/dev/null 2>&1
recovered=""
for _ in $(seq 1 30); do
  sleep 1
  grep -qs '行政审批服务局 2022' "$appdata"/recovery-*.json && { recovered=1; break; }
done
if [ -n "$recovered" ]; then ok "修改后自动保存到 AppData\\Local\\gov-report-assistant\\$(basename "$(ls "$appdata"/recovery-*.json | head -1)")"
else bad "按键修改后 30 秒内 AppData 中没有自动保存的恢复文件（$(ls "$appdata" 2>&1 | tr '\n' ' ')）"; fi
win_chroot WINEPREFIX="$WIN_PREFIX" wineserver -k 2>/dev/null
wait "$gui_job" 2>/dev/null

# no administrator rights used: nothing written outside the user's profile, nothing in HKEY_LOCAL_MACHINE
new_outside=$(comm -13 <(echo "$before_outside") <(outside_profile))
hklm=$(grep -c -iE 'gov-report|政务公开' "$WIN_ROOT$WIN_PREFIX/system.reg" 2>/dev/null)
if [ -z "$new_outside" ] && [ "${hklm:-0}" = 0 ]; then ok "用户配置文件以外（Program Files、ProgramData、HKLM）未写入任何内容"
else bad "程序在用户配置文件以外写入了：${new_outside} HKLM ${hklm}"; fi

echo "用时 $((SECONDS - t_start)) 秒；$WIN_WINE_VERSION；$(basename "$zip")"
if [ "$failures" -gt 0 ]; then echo "Windows 安装包检查：$failures 项失败"; exit 1; fi
echo "Windows 安装包检查：全部通过"
