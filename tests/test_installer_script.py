"""The NSIS installer script and the Windows workflow, read and compiled on Linux (makensis): versions of any
PEP 440 form, the Windows 10 check, a running copy asked to close. Installing for real: tests/test_windows_wine.py."""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "resources" / "packaging"
NSI = PACKAGING / "installer.nsi"


def compile_installer(tmp_path: Path, version: str) -> bytes:
    makensis = shutil.which("makensis")
    if makensis is None:
        pytest.skip("makensis is not installed (apt-get install nsis); .ci/run installs it")
    folder = tmp_path / "nianbao-zhushou"
    folder.mkdir(exist_ok=True)
    (folder / "nianbao.exe").write_bytes(b"MZ")
    setup = tmp_path / "setup.exe"
    ran = subprocess.run([makensis, "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={version}", "-DCHECK_ONLY",
                          f"-DSOURCE_DIR={folder}", f"-DOUTFILE={setup}", str(NSI)],
                         capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    return setup.read_bytes()


def file_version(exe: bytes) -> tuple[int, int, int, int]:
    at = exe.index(struct.pack("<I", 0xFEEF04BD))          # VS_FIXEDFILEINFO's signature
    high, low = struct.unpack("<II", exe[at + 8:at + 16])
    return high >> 16, high & 0xFFFF, low >> 16, low & 0xFFFF


@pytest.mark.parametrize("version, numbers", [
    ("0.1.0", (0, 1, 0, 0)), ("0.2.0rc1", (0, 2, 0, 0)), ("1.0.post2", (1, 0, 0, 0)), ("2.1.dev3", (2, 1, 0, 0)),
    ("1!2.3+local.7", (2, 3, 0, 0)), ("1.0a1", (1, 0, 0, 0)), ("3", (3, 0, 0, 0)), ("1.2.3.4", (1, 2, 3, 0)),
])
def test_any_pep_440_version_makes_an_installer_with_a_numeric_file_version(tmp_path, version, numbers):
    exe = compile_installer(tmp_path, version)
    assert file_version(exe) == numbers
    assert f"{version}".encode("utf-16-le") in exe              # 产品版本 as written, shown in 属性 and 程序和功能


def function(name: str) -> str:
    text = NSI.read_text(encoding="utf-8")
    return re.search(rf"\nFunction {re.escape(name)}\n(.*?)\nFunctionEnd", text, re.S).group(1)


def test_windows_older_than_10_is_refused_in_chinese_before_anything_is_installed(tmp_path):
    init = function(".onInit")
    assert "${IfNot} ${AtLeastBuild} 10240" in init and "Abort" in init   # 10240: Windows 10's first build
    assert "需要 Windows 10 或更高版本" in init
    exe = compile_installer(tmp_path, "0.1.0")
    assert "需要 Windows 10 或更高版本".encode("utf-16-le") in exe


def test_a_running_copy_is_asked_to_close_before_files_are_replaced_or_removed():
    text = NSI.read_text(encoding="utf-8")
    check = function("${UN}CloseRunningCopy")
    assert '"$INSTDIR\\nianbao.exe" a' in check and '"$INSTDIR\\nianbao-cli.exe" a' in check
    assert "正在运行。请先保存报告并关闭" in check and "/SD IDCANCEL" in check    # silent: stop, never wait
    install = text[text.index('Section "${APP}（必需）"'):]
    assert install.index("Call CloseRunningCopy") < install.index('RMDir /r "$INSTDIR\\_internal"') \
        < install.index("File /r")
    uninstall = text[text.index('Section "Uninstall"'):]
    assert uninstall.index("Call un.CloseRunningCopy") < uninstall.index("RMDir /r")


def test_the_windows_workflow_fails_without_an_installer_and_installs_checks_and_uninstalls_it():
    workflow = (PACKAGING / "windows-build.yml").read_text(encoding="utf-8")
    uses = dict(re.findall(r"uses: (actions/[\w-]+)@v(\d+)", workflow))
    # the Node 24 majors: older ones run on a runtime the hosted runners retire
    assert {name: int(v) >= {"checkout": 5, "setup-python": 6, "upload-artifact": 6}[name.split("/")[1]]
            for name, v in uses.items()} == dict.fromkeys(uses, True) and len(uses) == 3
    assert "-ArgumentList \"/S\"" in workflow and "uninstall.exe" in workflow and "--self-check" in workflow
    assert "我的草稿.json" in workflow and "tests/test_frozen_build.py" in workflow
    build = (PACKAGING / "build-windows.ps1").read_text(encoding="utf-8")
    assert 'throw "NSIS (makensis) not found' in build


def test_every_build_installs_the_exact_versions_of_the_one_constraints_file():
    constraints = (PACKAGING / "constraints.txt").read_text(encoding="utf-8")
    pins = [line for line in constraints.splitlines() if line.strip() and not line.startswith("#")]
    assert pins and all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][\w.]*", line) for line in pins)
    for script in ("build-linux.sh", "build-windows.ps1", "check-windows-wine.sh"):
        assert "constraints.txt" in (PACKAGING / script).read_text(encoding="utf-8"), script
    assert "-c resources/packaging/constraints.txt" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_build_windows_refuses_a_python_that_is_not_64_bit_3_10_or_later():
    build = (PACKAGING / "build-windows.ps1").read_text(encoding="utf-8")
    assert "needs 64-bit CPython 3.10 or later" in build
    assert build.index("Assert-Python $Python") < build.index('@("-m", "venv"')
