"""Writing the .docx safely: no overwrite unless asked, nothing half-written, locked targets."""
import os

import docx
import pytest

from gui.report.docx_export import (ExportError, TargetExists, TargetLocked, another_name,
                                    export_docx)
from gui.report.samples import huaian_2024


def test_existing_file_is_never_overwritten_unless_asked(tmp_path):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"the clerk's own file")
    with pytest.raises(TargetExists) as info:
        export_docx(huaian_2024(), target)
    assert "已存在" in str(info.value)
    assert target.read_bytes() == b"the clerk's own file"
    export_docx(huaian_2024(), target, overwrite=True)
    assert docx.Document(str(target)).paragraphs[0].text.startswith("淮安市人民政府")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.docx"]     # no temp, no .bak


@pytest.mark.parametrize("owner", ["~$报告.docx", "~$ng-report-2024.docx", ".~lock.long-report-2024.docx#"])
def test_a_file_open_in_word_or_wps_is_reported_with_another_name_offered(tmp_path, owner):
    name = "报告.docx" if owner == "~$报告.docx" else "long-report-2024.docx"
    target = tmp_path / name
    target.write_bytes(b"open in Word")
    (tmp_path / owner).write_bytes(b"owner")
    with pytest.raises(TargetLocked) as info:
        export_docx(huaian_2024(), target, overwrite=True)
    assert "Word 或 WPS" in str(info.value) and name in str(info.value)
    assert target.read_bytes() == b"open in Word"
    free = another_name(target)
    assert free.parent == tmp_path and not free.exists() and free.suffix == ".docx"
    export_docx(huaian_2024(), free)
    assert free.exists()


def test_a_refused_replace_means_locked_and_leaves_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"held by WPS")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(TargetLocked):
        export_docx(huaian_2024(), target, overwrite=True)
    assert target.read_bytes() == b"held by WPS"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


@pytest.mark.parametrize("name, words", [("报告.doc", ".docx 结尾"), ("missing/报告.docx", "不存在")])
def test_bad_targets_get_a_chinese_reason(tmp_path, name, words):
    with pytest.raises(ExportError) as info:
        export_docx(huaian_2024(), tmp_path / name)
    assert words in str(info.value)
