"""The frozen folder (resources/packaging/nianbao.spec, PyInstaller one-folder) run as a clerk's PC runs it:
from a folder whose path has Chinese characters and a space, on files with Chinese names, headless; every
command and the window must give what the source gives. Built once per session (about a minute)."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "resources" / "packaging" / "nianbao.spec"
DEMO = ROOT / "resources" / "demo-2024.json"
EXE = ".exe" if sys.platform == "win32" else ""
TIMESTAMPED_PARTS = {"docProps/core.xml"}       # creation/modification times


def _skip_reason() -> str | None:
    if importlib.util.find_spec("PyInstaller") is None:
        return "PyInstaller is not installed (pip install -e '.[build]'; .ci/run installs it with the test extra)"
    if sys.platform.startswith("linux") and shutil.which("objdump") is None:
        return "PyInstaller needs objdump on Linux (apt-get install binutils)"
    return None


@pytest.fixture(scope="session")
def folder(tmp_path_factory) -> Path:
    """Built here; or NIANBAO_FROZEN names a folder already built (the Windows workflow tests what it ships),
    copied to the Chinese path all the same."""
    base = tmp_path_factory.mktemp("frozen") / "年报 助手"
    if os.environ.get("NIANBAO_FROZEN"):
        return Path(shutil.copytree(os.environ["NIANBAO_FROZEN"], base / "dist" / "nianbao-zhushou", symlinks=True))
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    build = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                            "--distpath", str(base / "dist"), "--workpath", str(base / "work"), str(SPEC)],
                           cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert build.returncode == 0, build.stderr[-3000:]
    shutil.rmtree(base / "work")
    return base / "dist" / "nianbao-zhushou"


@pytest.fixture(scope="session")
def env(tmp_path_factory) -> dict:
    home = tmp_path_factory.mktemp("home") / "张三"
    home.mkdir()
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return dict(clean, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / "data"),
                NIANBAO_RECOVERY_DIR=str(home / "recovery"), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")


@pytest.fixture(scope="session")
def work(tmp_path_factory) -> Path:
    """Inputs with Chinese names; the frozen and the source runs write side by side."""
    work = tmp_path_factory.mktemp("work") / "马营镇 年报"
    (work / "frozen").mkdir(parents=True)
    (work / "source").mkdir()
    shutil.copy(DEMO, work / "示例 草稿.json")
    return work


def frozen(folder: Path, env: dict, *args, launcher: str = "nianbao-cli", cwd=None):
    return subprocess.run([str(folder / f"{launcher}{EXE}"), *map(str, args)], cwd=cwd or folder.parent,
                          env=env, capture_output=True, timeout=300, encoding="utf-8")


def source(env: dict, *args, cwd=None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=cwd or ROOT,
                          env=dict(env, PYTHONPATH=str(ROOT)), capture_output=True, timeout=300,
                          encoding="utf-8")


def both(folder, env, work, *args):
    """Run the command in the frozen folder and from source; each writes into its own subfolder."""
    runs = {}
    for side, run in (("frozen", lambda *a: frozen(folder, env, *a, cwd=work / "frozen")),
                      ("source", lambda *a: source(env, *a, cwd=work / "source"))):
        runs[side] = run(*(a.replace("{out}", str(work / side)) if isinstance(a, str) else a for a in args))
        assert "Traceback" not in runs[side].stderr, runs[side].stderr
    return runs["frozen"], runs["source"]


def zip_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n not in TIMESTAMPED_PARTS}


def test_the_folder_has_two_launchers_sharing_one_runtime(folder):
    assert (folder / f"nianbao{EXE}").is_file() and (folder / f"nianbao-cli{EXE}").is_file()
    assert (folder / "_internal" / "resources" / "demo-2024.json").is_file()
    assert list((folder / "_internal").rglob("qtbase_zh_CN.qm"))
    assert not [p for p in folder.iterdir() if p.suffix == ".pkg"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X libraries of the Linux window")
def test_the_linux_folder_carries_the_x_libraries_its_window_needs(folder):
    bundled = {p.name for p in (folder / "_internal").iterdir()}
    for library in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-image.so.0", "libxcb-render-util.so.0",
                    "libxcb-cursor.so.0", "libxkbcommon-x11.so.0"):
        assert library in bundled, library


def test_version(folder, env, work):
    ran, expected = both(folder, env, work, "--version")
    assert ran.returncode == 0 and ran.stdout == expected.stdout == "年报助手 0.1.0\n"


def test_self_check_passes_from_a_chinese_path(folder, env):
    ran = frozen(folder, env, "--self-check")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert str(folder) in ran.stdout.splitlines()[0]                 # reports where it runs from
    assert "「Cancel」→「取消」" in ran.stdout                         # the zh_CN translation translates
    assert "正常  Word 模板" in ran.stdout and "正常  示例报告" in ran.stdout
    assert ran.stdout.splitlines()[-1].startswith("自检通过")


def test_check_of_the_demo_prints_what_the_source_prints(folder, env, work):
    for extra in ([], ["--json"]):
        ran, expected = both(folder, env, work, "check", work / "示例 草稿.json", *extra)
        assert (ran.returncode, ran.stdout, ran.stderr) == (expected.returncode, expected.stdout, expected.stderr)
        assert "R10" in ran.stdout


def test_export_writes_the_same_word_document_apart_from_its_timestamps(folder, env, work):
    ran, expected = both(folder, env, work, "export", work / "示例 草稿.json", "-o", "{out}/马营镇 2024年报.docx")
    assert ran.returncode == expected.returncode == 0, ran.stderr
    made, wanted = (zip_parts(work / side / "马营镇 2024年报.docx") for side in ("frozen", "source"))
    assert made.keys() == wanted.keys() and "word/footer1.xml" in made       # page numbers: python-docx's template
    assert made == wanted


def test_import_of_a_word_document_gives_the_same_draft(folder, env, work):
    docx = work / "source" / "导入用.docx"
    assert source(env, "export", work / "示例 草稿.json", "-o", docx).returncode == 0
    ran, expected = both(folder, env, work, "import", docx, "-o", "{out}/导入的 草稿.json")
    assert ran.returncode == expected.returncode and ran.stdout == expected.stdout.replace(
        str(work / "source"), str(work / "frozen"))
    drafts = [json.loads((work / side / "导入的 草稿.json").read_text("utf-8")) for side in ("frozen", "source")]
    for draft in drafts:
        draft.pop("saved_at")
    assert drafts[0] == drafts[1] and drafts[0]["info"]["organ"] == "马营镇人民政府"


PUBLISHED_PDF = ROOT / "tests" / "fixtures" / "hongze-district-2024-report.pdf"     # a real published report, 5 pages


def test_a_published_pdf_is_read_as_from_source(folder, env, work):
    shutil.copy(PUBLISHED_PDF, work / "洪泽区 2024.pdf")
    ran, expected = both(folder, env, work, "check", work / "洪泽区 2024.pdf")
    assert (ran.returncode, ran.stdout, ran.stderr) == (expected.returncode, expected.stdout, expected.stderr)
    assert ran.returncode in (0, 1) and ran.stdout


def test_import_of_a_published_pdf_gives_the_same_draft(folder, env, work):
    shutil.copy(PUBLISHED_PDF, work / "洪泽区 2024.pdf")
    ran, expected = both(folder, env, work, "import", work / "洪泽区 2024.pdf", "-o", "{out}/洪泽区 草稿.json")
    assert ran.returncode == expected.returncode == 0, ran.stderr
    drafts = [json.loads((work / side / "洪泽区 草稿.json").read_text("utf-8")) for side in ("frozen", "source")]
    for draft in drafts:
        draft.pop("saved_at")
    assert drafts[0] == drafts[1] and drafts[0]["info"]["organ"] == "淮安市洪泽区人民政府"


def test_ledger_template_is_the_same_workbook(folder, env, work):
    ran, expected = both(folder, env, work, "ledger-template", "{out}/台账 模板.xlsx", "--year", "2025")
    assert ran.returncode == expected.returncode == 0, ran.stderr
    made, wanted = (zip_parts(work / side / "台账 模板.xlsx") for side in ("frozen", "source"))
    assert made == wanted and any(n.startswith("xl/worksheets/") for n in made)


def test_screenshots_are_pixel_for_pixel_those_of_the_source(folder, env, work):
    from PySide6.QtGui import QImage
    ran = frozen(folder, env, "--screenshots", work / "frozen" / "截图", launcher="nianbao")
    expected = source(env, "--screenshots", work / "source" / "截图")
    assert ran.returncode == expected.returncode == 0, ran.stderr
    made = sorted(p.name for p in (work / "frozen" / "截图").glob("*.png"))
    assert made == sorted(p.name for p in (work / "source" / "截图").glob("*.png")) and len(made) >= 10
    for name in made:
        image, wanted = (QImage(str(work / side / "截图" / name)) for side in ("frozen", "source"))
        assert not image.isNull() and image.size() == wanted.size(), name
        assert image == wanted, f"{name} differs from the source run's"


def test_the_window_opens_the_demo_and_paints(folder, env):
    ran = frozen(folder, dict(env, NIANBAO_FIRST_PAINT="1", NIANBAO_EXIT_AFTER_PAINT="1"), "--demo",
                 launcher="nianbao")
    assert ran.returncode == 0, ran.stderr
    if sys.platform != "win32":           # the Windows window launcher has no console to print to
        assert any(line.startswith("FIRST_PAINT ") for line in ran.stdout.splitlines())
        assert "QT_CANCEL 取消" in ran.stdout.splitlines()      # Qt's own buttons in Chinese: zh_CN loaded


def test_an_error_in_a_headless_window_run_ends_it_instead_of_waiting_on_a_box(folder, env, work):
    target = work / "frozen" / "不是文件夹"
    target.write_text("x")
    ran = frozen(folder, env, "--screenshots", target, launcher="nianbao-cli")
    assert ran.returncode == 2 and "无法把截图保存到" in ran.stderr and "Traceback" not in ran.stderr


# ── the Windows installer script (NSIS) ───────────────────────────────────────────────────────
NSI = ROOT / "resources" / "packaging" / "installer.nsi"


def test_the_installer_script_compiles_with_the_frozen_folder(folder, tmp_path):
    makensis = shutil.which("makensis")
    if makensis is None:
        pytest.skip("makensis is not installed (apt-get install nsis); .ci/run installs it")
    setup = tmp_path / "安装程序.exe"
    ran = subprocess.run([makensis, "-V2", "-DVERSION=0.1.0", "-DCHECK_ONLY", f"-DSOURCE_DIR={folder}",
                          f"-DOUTFILE={setup}", str(NSI)], capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    # the Chinese names survived makensis's reading of the script (UTF-8 with a BOM, never the ANSI code page)
    assert "Programs\\年报助手".encode("utf-16-le") in data and "打开方式".encode("utf-16-le") in data
    assert setup.stat().st_size > 50 * 2**20                # the folder is inside (stored uncompressed)


def registry_writes(text: str) -> list[tuple[str, str, str]]:
    writes = []
    for line in text.splitlines():
        words = line.split(";")[0].split('"')
        if line.strip().startswith(("WriteReg", "DeleteReg")) and len(words) >= 4:
            writes.append((line.split()[0], line.split()[1], words[1] + "|" + words[3]))
    return writes


def test_the_installer_is_per_user_and_never_makes_itself_the_default_for_json():
    text = NSI.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in text and "Unicode true" in text
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in text and '!define APP "年报助手"' in text
    writes = registry_writes(text)
    assert writes and all(hive == "HKCU" for _, hive, _ in writes)
    json_keys = [key for op, _, key in writes if key.startswith("Software\\Classes\\.json")]
    assert json_keys and all(k.startswith("Software\\Classes\\.json\\OpenWithProgids|") for k in json_keys)


def test_the_uninstaller_removes_only_what_was_installed():
    text = NSI.read_text(encoding="utf-8")
    uninstall = text[text.index('Section "Uninstall"'):]
    assert 'RMDir /r "$INSTDIR"' not in uninstall and 'RMDir "$INSTDIR"' in uninstall
    assert "$APPDATA" not in uninstall and "Software\\nianbao-zhushou" not in uninstall.replace(
        "Uninstall\\nianbao-zhushou", "")
