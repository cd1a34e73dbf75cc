# Build the Windows installer of KPI Desk on a Windows PC.
#   Requirements: Python 3.11+ (python.org installer, "py" launcher), Inno Setup 6 (jrsoftware.org).
#   Run in PowerShell from the project folder:   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
#   Output: build\installer\KPI-Desk-Setup-VERSION.exe
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

py -3 -m venv build\venv
& build\venv\Scripts\python.exe -m pip install --upgrade pip
& build\venv\Scripts\python.exe -m pip install pyinstaller .
$version = (& build\venv\Scripts\python.exe -c "import app; print(app.__version__)").Trim()

# The Windows version resource, filled from the package's single version string.
$numbers = ($version -split '[^0-9]+' | Where-Object { $_ -ne '' }) + @('0', '0', '0', '0')
$tuple = ($numbers[0..3] -join ', ')
(Get-Content installers\windows\version_info.txt.in -Raw) `
    -replace '@VERSION@', $version -replace '@VERSION_TUPLE@', $tuple |
    Set-Content -Encoding UTF8 build\version_info.txt

& build\venv\Scripts\python.exe -m PyInstaller --noconfirm --clean installers\kpi-desk.spec `
    --distpath build\dist --workpath build\work

$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { throw "Inno Setup 6 not found at $iscc" }
& $iscc "/DAppVersion=$version" installers\windows\kpi-desk.iss
Write-Host "Installer: build\installer\KPI-Desk-Setup-$version.exe"
