# Build nianbao-zhushou for Windows from a fresh checkout, in a venv of its own (build\venv):
#   powershell -ExecutionPolicy Bypass -File resources\packaging\build-windows.ps1 [-Python py] [-NoInstaller]
# Produces build\dist\nianbao-zhushou\ (the folder: nianbao.exe = window, nianbao-cli.exe = command line),
# build\nianbao-zhushou-VERSION-windows.zip and, when NSIS (makensis) is installed,
# build\nianbao-zhushou-VERSION-setup.exe (per-user installer, no administrator rights needed).
param(
    [string]$Python = "python",      # e.g. "py" for the Python launcher; 3.10 or later
    [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

function Invoke-Native([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# The folder ships the Python it was built with: only a 64-bit CPython 3.10 or later (what constraints.txt pins).
function Assert-Python([string]$Exe) {
    $found = & $Exe -c "import platform, struct, sys; print(platform.python_version(), struct.calcsize('P') * 8, sys.implementation.name)" 2>$null
    if ($LASTEXITCODE -ne 0 -or -not $found) {
        throw "Cannot run Python '$Exe'. Install 64-bit Python 3.10 or later from python.org, or pass -Python with its path."
    }
    $version, $bits, $implementation = "$found".Trim() -split " "
    $numbers = $version -split "\."
    if ($implementation -ne "cpython" -or [int]$numbers[0] -ne 3 -or [int]$numbers[1] -lt 10 -or $bits -ne "64") {
        throw "Python '$Exe' is $implementation $version, $bits-bit: the build needs 64-bit CPython 3.10 or later. Install it from python.org, or pass -Python with its path."
    }
    Write-Host "Python: $version, $bits-bit ($Exe)"
}

$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root
$venvPython = Join-Path $root "build\venv\Scripts\python.exe"
if (-not (Test-Path $venvPython)) {
    Assert-Python $Python
    Invoke-Native $Python @("-m", "venv", "build\venv")
}
Assert-Python $venvPython
# The exact versions the Linux build and the Wine check use.
Invoke-Native $venvPython @("-m", "pip", "install", "-q", "-c", "resources\packaging\constraints.txt", "-e", ".[build]")
Invoke-Native $venvPython @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
    "--distpath", "build\dist", "--workpath", "build\pyinstaller", "resources\packaging\nianbao.spec")

$folder = Join-Path $root "build\dist\nianbao-zhushou"
Invoke-Native (Join-Path $folder "nianbao-cli.exe") @("--self-check")

$version = (& $venvPython -c "import gui; print(gui.__version__)").Trim()
$zip = Join-Path $root "build\nianbao-zhushou-$version-windows.zip"
if (Test-Path $zip) { Remove-Item $zip }
# Python's zipfile writes UTF-8 names with forward slashes (Compress-Archive of Windows PowerShell 5.1 does not).
Invoke-Native $venvPython @("-m", "zipfile", "-c", $zip, $folder)

if (-not $NoInstaller) {
    $command = Get-Command makensis -ErrorAction SilentlyContinue
    $makensis = if ($command) { $command.Source } else { $null }
    if (-not $makensis) {
        $candidate = Join-Path ${env:ProgramFiles(x86)} "NSIS\makensis.exe"
        if (Test-Path $candidate) { $makensis = $candidate }
    }
    if (-not $makensis) {
        throw "NSIS (makensis) not found: no installer built. Install NSIS 3 (https://nsis.sourceforge.io) or pass -NoInstaller."
    } else {
        $setup = Join-Path $root "build\nianbao-zhushou-$version-setup.exe"
        # installer.nsi is UTF-8 (with a BOM); say so anyway, makensis otherwise reads the ANSI code page
        Invoke-Native $makensis @("-V2", "-INPUTCHARSET", "UTF8", "-DVERSION=$version", "-DSOURCE_DIR=$folder", "-DOUTFILE=$setup",
            (Join-Path $root "resources\packaging\installer.nsi"))
        Write-Host "installer: $setup"
    }
}
Write-Host "folder: $folder"
Write-Host "zip: $zip"
