"""Starting the window where it cannot open says why in Chinese, instead of Qt's English abort."""
from __future__ import annotations

import ctypes
import subprocess
import sys
from pathlib import Path

import pytest

from gui.qt import app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def linux_x11(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")


def test_a_missing_x11_library_is_named_with_the_package_to_install(linux_x11, monkeypatch):
    def cdll(name, *a, **k):          # a machine with every library but one
        if name == "libxcb-cursor.so.0":
            raise OSError(f"{name}: cannot open shared object file")
    monkeypatch.setattr(ctypes, "CDLL", cdll)
    message = app.missing_display_support()
    assert message is not None and "apt-get install libxcb-cursor0\n" in message and "缺少" in message
    monkeypatch.setattr(ctypes, "CDLL", lambda name, *a, **k: None)
    assert app.missing_display_support() is None


def test_no_display_at_all_is_explained(linux_x11, monkeypatch):
    monkeypatch.delenv("DISPLAY")
    assert "DISPLAY" in app.missing_display_support() and "xvfb-run" in app.missing_display_support()


def test_offscreen_and_wayland_are_left_to_qt(linux_x11, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.missing_display_support() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert app.missing_display_support() is None


def test_an_unknown_option_of_the_window_is_refused_in_chinese():
    result = subprocess.run([sys.executable, "main.py", "--bogus"], cwd=ROOT, capture_output=True,
                            text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 2
    assert "无法识别的参数：--bogus" in result.stderr and "usage" not in result.stderr

