# Builds the offline package on Windows 10/11 x64: the folder dist\gov-report (gov-report.exe, the
# wizard without a console window; gov-report-cli.exe, the subcommands check/export/new/import/aggregate
# in a console) and its zip dist\gov-report-VERSION-windows-x64.zip. README.md, "安装包 / Package".
#
# Once, in the project folder (Python 3.11 x64 from python.org, with the py launcher):
#   py -3.11 -m venv .venv
#   .venv\Scripts\python -m pip install -r requirements-dev.txt
# Then each time:
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1
# Environment: PYTHON (default .venv\Scripts\python.exe), GOV_REPORT_DIST (default dist),
# GOV_REPORT_WORK (default build). Saved as UTF-8 with BOM so that Windows PowerShell 5.1 reads it.

$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
$Python = if ($env:PYTHON) { $env:PYTHON } else { Join-Path $Root ".venv\Scripts\python.exe" }
$Dist = if ($env:GOV_REPORT_DIST) { $env:GOV_REPORT_DIST } else { Join-Path $Root "dist" }
$Work = if ($env:GOV_REPORT_WORK) { $env:GOV_REPORT_WORK } else { Join-Path $Root "build" }

if (-not (Test-Path $Python)) {
    throw "未找到 $Python：请先运行 py -3.11 -m venv .venv 和 .venv\Scripts\python -m pip install -r requirements-dev.txt"
}
& $Python -c "import PyInstaller"
if ($LASTEXITCODE -ne 0) { throw "未安装 PyInstaller：请运行 .venv\Scripts\python -m pip install -r requirements-dev.txt" }
if ($env:PROCESSOR_ARCHITECTURE -ne "AMD64") { Write-Warning "本脚本面向 x64 Windows（当前：$env:PROCESSOR_ARCHITECTURE）" }

$Version = (Select-String -Path (Join-Path $Root "ui\version.py") -Pattern '^__version__ = "(.*)"$').Matches[0].Groups[1].Value
$Zip = Join-Path $Dist "gov-report-$Version-windows-x64.zip"
$Started = Get-Date

& $Python -m PyInstaller --noconfirm --clean --log-level WARN --distpath $Dist --workpath $Work (Join-Path $Root "packaging\gov-report.spec")
if ($LASTEXITCODE -ne 0) { throw "PyInstaller 失败（退出状态 $LASTEXITCODE）" }

# Names in UTF-8 (docs\使用说明.md): packaging\make_zip.py, not Compress-Archive.
& $Python (Join-Path $Root "packaging\make_zip.py") (Join-Path $Dist "gov-report") $Zip
if ($LASTEXITCODE -ne 0) { throw "压缩失败（退出状态 $LASTEXITCODE）" }

# A first run of the built program: check the sample (exit status 0 = no errors).
$Cli = Join-Path $Dist "gov-report\gov-report-cli.exe"
& $Cli check (Join-Path $Dist "gov-report\_internal\resources\samples\jinxiang-xzsp-2022.json") | Select-Object -Last 1
if ($LASTEXITCODE -ne 0) { throw "打包后的程序未能校验示例报告（退出状态 $LASTEXITCODE）" }

$Size = (Get-ChildItem -Recurse -File (Join-Path $Dist "gov-report") | Measure-Object -Sum Length).Sum / 1MB
$ZipSize = (Get-Item $Zip).Length / 1MB
$Seconds = [int]((Get-Date) - $Started).TotalSeconds
Write-Host ("已生成：{0}\gov-report\（{1:N0} MB）" -f $Dist, $Size)
Write-Host ("        {0}（{1:N0} MB）；用时 {2} 秒" -f $Zip, $ZipSize, $Seconds)
