"""Chinese output whatever the console's code page: an English Windows (and Wine, and the hosted Windows
runner) has cp1252 streams, which cannot encode 年报助手. Every way the program starts — the window, its
screenshots, the self-check, the commands — must write UTF-8 there, not raise UnicodeEncodeError.
Here the streams are forced to cp1252 with PYTHONIOENCODING (the frozen build is checked under Wine:
resources/packaging/check-windows-wine.sh)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo-2024.json"


def run_cp1252(*args, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT, capture_output=True,
                            env=dict(clean, PYTHONPATH=str(ROOT), PYTHONIOENCODING="cp1252", QT_QPA_PLATFORM="offscreen",
                                     **env), timeout=300)
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")     # UTF-8, or this raises
    assert "UnicodeEncodeError" not in err and "Traceback" not in err, err
    return subprocess.CompletedProcess(result.args, result.returncode, out, err)


def test_the_cp1252_streams_really_cannot_take_chinese():
    with pytest.raises(UnicodeEncodeError):
        "年报助手".encode("cp1252")


def test_version_and_help():
    assert run_cp1252("--version").stdout == "年报助手 0.1.0\n"
    assert "用法：" in run_cp1252("--help").stdout


def test_self_check():
    ran = run_cp1252("--self-check")
    assert ran.returncode == 0 and ran.stdout.splitlines()[-1].startswith("自检通过")


def test_check_prints_its_chinese_findings(tmp_path):
    ran = run_cp1252("check", DEMO)
    assert ran.returncode in (0, 1) and "R10" in ran.stdout and "马营镇人民政府" in ran.stderr


def test_a_chinese_error_message_reaches_stderr(tmp_path):
    ran = run_cp1252("check", tmp_path / "不存在的 草稿.json")
    assert ran.returncode != 0 and "不存在的 草稿.json" in ran.stderr


def test_the_window_paints_prints_qt_chinese_and_exits(tmp_path):
    ran = run_cp1252("--demo", NIANBAO_FIRST_PAINT="1", NIANBAO_EXIT_AFTER_PAINT="1", HOME=str(tmp_path),
                     XDG_CONFIG_HOME=str(tmp_path / "config"), NIANBAO_RECOVERY_DIR=str(tmp_path / "recovery"))
    assert ran.returncode == 0, ran.stderr
    assert "QT_CANCEL 取消" in ran.stdout.splitlines()


def test_screenshots_say_where_they_were_saved(tmp_path):
    ran = run_cp1252("--screenshots", tmp_path / "截图 文件夹", HOME=str(tmp_path),
                     XDG_CONFIG_HOME=str(tmp_path / "config"), NIANBAO_RECOVERY_DIR=str(tmp_path / "recovery"))
    assert ran.returncode == 0, ran.stderr
    assert "张截图到" in ran.stdout and "截图 文件夹" in ran.stdout
