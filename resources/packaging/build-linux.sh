#!/usr/bin/env bash
# Build the frozen one-folder 年报助手 on Linux, in a venv of its own (build/venv), from a fresh checkout:
#   resources/packaging/build-linux.sh            → build/dist/nianbao-zhushou/ and build/nianbao-zhushou-VERSION-linux.tar.gz
# Needs python3 (3.10+) with venv, binutils (objdump, objcopy) and the package index once (or a wheel cache).
# The Windows folder must be built on Windows: resources/packaging/build-windows.ps1.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-python3}
VENV=build/venv
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install -q -c resources/packaging/constraints.txt -e '.[build]'     # the versions every build ships
"$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath build/dist --workpath build/pyinstaller resources/packaging/nianbao.spec
FOLDER=build/dist/nianbao-zhushou
QT_QPA_PLATFORM=offscreen "$FOLDER/nianbao-cli" --self-check
VERSION=$("$VENV/bin/python" -c 'import gui; print(gui.__version__)')
tar -C build/dist -czf "build/nianbao-zhushou-$VERSION-linux.tar.gz" nianbao-zhushou
echo "已生成：$FOLDER/（$(du -sh "$FOLDER" | cut -f1)）和 build/nianbao-zhushou-$VERSION-linux.tar.gz"
