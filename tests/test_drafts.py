"""Drafts: what is saved comes back exactly; a bad file is refused with a Chinese reason, untouched."""
import datetime as dt
import errno
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from gui.report import atomic, drafts
from gui.report.drafts import DraftError, SaveError
from gui.report.form import ALL_CELLS, FEE, LEVELS, TEXT_FIELDS, CellRef, kind_of
from gui.report.model import Confirmation, Fee, Info, Report
from gui.report.samples import huaian_2024
from budgets import examples

STAMP = "2025-01-20T09:00:00+08:00"


def decimals(max_whole_digits=9):
    """Decimals ≥ 0 with 0–4 places, keeping their places (Decimal("7.50"), not 7.5)."""
    return st.builds(lambda n, places: Decimal(n).scaleb(-places),
                     st.integers(0, 10 ** max_whole_digits - 1), st.integers(0, 4))


def cell_values():
    def value(ref):
        if kind_of(ref) == FEE:
            return st.none() | decimals()
        return st.none() | st.integers(0, 999_999_999)
    return st.fixed_dictionaries({ref: value(ref) for ref in ALL_CELLS})


dates = st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2999, 12, 31))


@st.composite
def reports(draw, with_last_year=True):
    info = Info(organ=draw(st.text(max_size=30)), year=draw(st.none() | st.integers(1900, 2999)),
                level=draw(st.sampled_from(LEVELS)), compiler=draw(st.text(max_size=10)),
                address=draw(st.text(max_size=10)), postcode=draw(st.text(max_size=6)),
                phone=draw(st.text(max_size=12)), publish_date=draw(dates), deadline=draw(dates))
    report = Report(info)
    report.texts = {f.key: draw(st.text(max_size=40)) for f in TEXT_FIELDS}
    report.opening = draw(st.none() | st.text(max_size=40))
    report.opening_enabled = draw(st.booleans())
    report.fee = Fee(draw(st.none() | decimals(12)), draw(st.none() | st.integers(0, 10 ** 6)))
    report.cells = draw(cell_values())
    report.confirmations = draw(st.dictionaries(
        st.text(max_size=20), st.builds(Confirmation, st.text(max_size=20), st.text(max_size=20)),
        max_size=3))
    if with_last_year and draw(st.booleans()):
        report.last_year = draw(reports(with_last_year=False))
    return report


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_save_then_load_gives_the_same_report_with_decimals_exact(tmp_path_factory, report):
    path = tmp_path_factory.mktemp("d") / "报告.json"
    drafts.save(report, path)
    loaded = drafts.load(path)
    assert loaded == report
    # exact, not only equal: "7.50" stays "7.50"
    assert drafts.dumps(loaded, STAMP) == drafts.dumps(report, STAMP)


def test_the_file_is_readable_json_with_the_keys_of_format_section_11(tmp_path):
    report = huaian_2024()
    report.set(CellRef("active", "fees", "value"), Decimal("7.50"))
    path = tmp_path / "d.json"
    drafts.save(report, path)
    text = path.read_text(encoding="utf-8")
    assert "淮安市人民政府" in text                     # not \\u escapes
    assert '"new": [3001, 53, 0, 0, 61, 4, 3119]' in text   # a table row on one line
    data = json.loads(text)
    assert data["format"] == "nianbao-zhushou/draft" and data["version"] == 1
    assert data["app"].startswith("年报助手")
    dt.datetime.fromisoformat(data["saved_at"])
    assert data["active"]["fees"] == "7.50"
    assert data["active"]["licensing"] == 447228
    assert data["active"]["rules"] == [1, 0, 11]
    assert data["appeals"]["review"] == [72, 64, 178, 37, 351]
    assert data["fee"] == {"amount_yuan": "3940", "charged": None}
    assert data["last_year"] is None


def test_a_blank_cell_is_null_and_a_missing_table_is_blank():
    data = drafts.to_json(Report(Info(organ="某镇人民政府", year=2024)))
    assert data["requests"]["new"] == [None] * 7 and data["active"]["fees"] is None
    del data["requests"], data["texts"], data["fee"]
    data["appeals"] = {"review": [1, 0, 0, 0, 1]}
    report = drafts.from_json(data)
    assert report.get(CellRef("appeals", "review", "total")) == 1
    assert report.get(CellRef("appeals", "suit_direct", "total")) is None
    assert all(report.get(ref) is None for ref in ALL_CELLS if ref.table == "requests")
    assert report.texts == {f.key: "" for f in TEXT_FIELDS} and report.fee == Fee()


def test_a_fee_written_as_a_json_number_is_read_exactly():
    data = drafts.to_json(huaian_2024())
    text = json.dumps(data, ensure_ascii=False).replace('"96171.6"', "96171.60")
    assert drafts.loads(text).get(CellRef("active", "fees", "value")) == Decimal("96171.60")
    assert str(drafts.loads(text).get(CellRef("active", "fees", "value"))) == "96171.60"


def _mutated(change):
    data = drafts.to_json(huaian_2024())
    data["last_year"] = drafts.to_json(huaian_2024())
    del data["last_year"]["last_year"]
    change(data)
    return json.dumps(data, ensure_ascii=False, default=str)


def _set(*path_and_value):
    *path, key, value = path_and_value

    def change(data):
        for part in path:
            data = data[part]
        data[key] = value
    return change


BAD = [
    (_set("version", 3), "该草稿由较新版本的年报助手保存（格式版本 3），请升级后再打开。"),
    (_set("format", "something/else"), "不是年报助手的草稿"),
    (lambda d: d.pop("format"), "缺少 format"),
    (_set("version", "1"), "格式版本"),
    (_set("requests", "open", 0, -1), "表三「（一）予以公开」行「自然人」列的值 -1 无效：不能填负数。"),
    (_set("requests", "deny_3", 6, 1.5), "表三「（三）不予公开—3.危及“三安全一稳定”」行「总计」列的值 1.5 无效"),
    (_set("requests", "new", 0, 3.0), "件数必须是整数"),
    (_set("requests", "new", 0, True), "「一、本年新收政府信息公开申请数量」行「自然人」列"),
    (_set("requests", "new", 0, "12"), "不带引号的整数"),
    (_set("requests", "new", 0, "/"), "没有发生的事项请填 0"),
    (_set("requests", "new", 0, 10 ** 12), "数字过大"),
    (_set("requests", "carry_out", [1, 2, 3]), "应有 7 个值"),
    (_set("requests", "open", 5), "列表"),
    (_set("requests", "subtotal", [0] * 7), "无法识别的字段「subtotal」"),
    (_set("active", "fees", "1.2345678"), "最多保留 6 位小数"),
    (_set("active", "fees", "-3"), "表二「行政事业性收费」"),
    (_set("active", "fees", "7.5万元"), "数字字符串"),
    (_set("active", "licensing", [1]), "表二「行政许可」应为一个数值"),
    (_set("appeals", "review", [1, 0, 0, 0]), "表四「行政复议」行应有 5 个值"),
    (_set("info", "year", "2024"), "基本信息「报告年度」"),
    (_set("info", "year", 24), "1900–2999"),
    (_set("info", "level", "村"), "基本信息「单位层级」应为乡镇/街道"),
    (_set("info", "publish_date", "2025/1/20"), "基本信息「发布日期」"),
    (_set("info", "deadline", "2025-02-30"), "基本信息「报送截止日期」"),
    (_set("info", "organ", None), "基本信息「机关全称」应为文字"),
    (_set("info", "mayor", "x"), "基本信息中有无法识别的字段「mayor」"),
    (_set("texts", "problems", ["a"]), "正文「五、存在的主要问题及改进情况」应为文字"),
    (_set("texts", "overview_active", 1), "正文「一、总体情况（一）主动公开」"),
    (_set("texts", "summary", "x"), "无法识别的字段「summary」"),
    (_set("opening", 3), "开头段落"),
    (_set("opening_enabled", "yes"), "opening_enabled"),
    (_set("fee", "amount_yuan", "3940元"), "信息处理费「全年收取信息处理费（元）」"),
    (_set("fee", "charged", -1), "收费的申请件数"),
    (_set("confirmations", "R7", "ok"), "已核实的提示「R7」"),
    (_set("confirmations", "R7", {"note": 1}), "已核实的提示「R7」的说明"),
    (_set("last_year", "requests", "carry_out", 0, -2), "上年报告中：表三「四、结转下年度继续办理」行"),
    (_set("last_year", "last_year", {}), "上年报告中：不能再包含更早一年的报告"),
    (_set("last_year", "format", "x"), "上年报告中：该文件不是年报助手的草稿"),
    (_set("last_year", 7), "上年报告中"),
    (_set("unknown", 1), "无法识别的字段「unknown」"),
]


@pytest.mark.parametrize("change, message", BAD, ids=[m for _, m in BAD])
def test_a_wrong_value_anywhere_is_refused_saying_what_and_where(tmp_path, change, message):
    path = tmp_path / "坏.json"
    content = _mutated(change).encode("utf-8")
    path.write_bytes(content)
    with pytest.raises(DraftError) as caught:
        drafts.load(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith("无法打开草稿「坏.json」：")
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["坏.json"]


@pytest.mark.parametrize("content, message", [
    (b"", "文件是空的"),
    (b"   \n", "文件是空的"),
    ("草稿".encode("gbk"), "不是 UTF-8"),
    (b"PK\x03\x04\x14\x00\x06\x00", "压缩文件"),
    (b"[1, 2, 3]", "不是年报助手的草稿"),
    (b'{"name": "some other program"}', "不是年报助手的草稿"),
    (b'{"format": "nianbao-zhushou/draft", "version": 1,}', "不是有效的 JSON"),
    (b'{"format": "nianbao-zhushou/draft", "version": 1, "version": 1}', "出现了两次"),
    (b'{"format": "nianbao-zhushou/draft", "version": NaN}', "无效的数值"),
    (b"[" * 200_000, "嵌套过深"),
    (b"{" + b"1" * 5000 + b"}", "JSON"),
    (b'{"format": "nianbao-zhushou/draft", "version": 1, "info": {"year": 1' + b"0" * 5000 + b"}}",
     "位数过多"),
])
def test_garbage_is_refused_in_chinese_and_left_untouched(tmp_path, content, message):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(DraftError, match=message):
        drafts.load(path)
    assert path.read_bytes() == content


def test_every_truncation_of_a_draft_is_refused():
    text = drafts.dumps(huaian_2024(), STAMP)
    data = text.encode("utf-8")
    end = len(text.rstrip().encode("utf-8"))
    for length in range(end):
        with pytest.raises(DraftError):
            drafts.loads(data[:length])


def test_a_truncated_file_names_the_backup_and_is_left_as_it_was(tmp_path):
    path = tmp_path / "d.json"
    drafts.save(huaian_2024(), path)
    drafts.save(huaian_2024(), path)                  # now d.json.bak exists
    content = path.read_bytes()[:1234]
    path.write_bytes(content)
    before = os.stat(path).st_mtime_ns
    with pytest.raises(DraftError, match="不完整.*d.json.bak"):
        drafts.load(path)
    assert path.read_bytes() == content and os.stat(path).st_mtime_ns == before
    assert drafts.load(tmp_path / "d.json.bak") == huaian_2024()


@settings(max_examples=examples(300), deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_a_draft_error_never_a_crash(content):
    try:
        drafts.loads(b'{"format": "nianbao-zhushou/draft", "version": 1' + content)
    except DraftError as exc:
        assert str(exc)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10 ** 10) | st.text(max_size=5)
    | st.decimals(allow_nan=False, allow_infinity=False, places=3),
    lambda inner: st.lists(inner, max_size=8) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=examples(300), deadline=None)
@given(st.sampled_from(["info", "texts", "fee", "active", "requests", "appeals", "confirmations",
                        "last_year", "opening", "version"]), json_values)
def test_any_json_in_any_field_is_read_or_refused_cleanly(field, value):
    data = drafts.to_json(huaian_2024())
    data[field] = value
    try:
        report = drafts.from_json(data)
    except DraftError as exc:
        assert str(exc)
    else:
        assert isinstance(report, Report)


def test_too_big_a_file_is_refused_without_reading_it_all(tmp_path, monkeypatch):
    monkeypatch.setattr(drafts, "MAX_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(drafts.dumps(huaian_2024()), encoding="utf-8")
    with pytest.raises(DraftError, match="文件超过"):
        drafts.load(path)


def test_missing_file_and_folder_are_refused_in_chinese(tmp_path):
    with pytest.raises(DraftError, match="找不到该文件"):
        drafts.load(tmp_path / "nope.json")
    with pytest.raises(DraftError, match="文件夹"):
        drafts.load(tmp_path)


def test_save_keeps_the_previous_version_as_bak_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "报告.json"
    first = huaian_2024()
    drafts.save(first, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.json"]
    second = huaian_2024()
    second.info.organ = "淮安市人民政府办公室"
    drafts.save(second, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.json", "报告.json.bak"]
    assert drafts.load(path).info.organ == "淮安市人民政府办公室"
    assert drafts.load(tmp_path / "报告.json.bak").info.organ == "淮安市人民政府"
    drafts.save(first, path)
    assert drafts.load(tmp_path / "报告.json.bak").info.organ == "淮安市人民政府办公室"


def test_saving_through_a_link_replaces_the_file_it_points_to(tmp_path):
    target = tmp_path / "real.json"
    drafts.save(huaian_2024(), target)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    report = huaian_2024()
    report.info.year = 2025
    drafts.save(report, link)
    assert link.is_symlink() and drafts.load(target).info.year == 2025


@pytest.mark.parametrize("where, error, message", [
    ("replace", OSError(errno.ENOSPC, "No space left on device"), "磁盘空间不足"),
    ("replace", PermissionError(errno.EACCES, "Permission denied"), "没有权限写入"),
    ("fsync", OSError(errno.EIO, "Input/output error"), "原文件未被改动"),
    ("open", OSError(errno.EROFS, "Read-only file system"), "只读"),
])
def test_a_failed_save_raises_save_error_and_keeps_the_old_file(tmp_path, monkeypatch, where, error,
                                                                  message):
    path = tmp_path / "d.json"
    drafts.save(huaian_2024(), path)
    before = path.read_bytes()
    changed = huaian_2024()
    changed.info.organ = "另一个机关"

    def fail(*args, **kwargs):
        raise error
    monkeypatch.setattr(atomic.os, where, fail)
    with pytest.raises(SaveError, match=message):
        drafts.save(changed, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(atomic.TEMP_SUFFIX)]


def test_a_locked_file_on_windows_gets_its_own_message():
    error = OSError(errno.EACCES, "locked")
    error.winerror = 32
    assert "正被其他程序占用" in atomic.reason(error, Path("报告.json"))


def test_saving_into_a_missing_folder_is_a_save_error(tmp_path):
    with pytest.raises(SaveError, match="不存在"):
        drafts.save(huaian_2024(), tmp_path / "no" / "d.json")
    with pytest.raises(SaveError, match="文件夹"):
        drafts.save(huaian_2024(), tmp_path)


def test_a_utf8_file_with_a_byte_order_mark_opens(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + drafts.dumps(huaian_2024()).encode("utf-8"))
    assert drafts.load(path) == huaian_2024()


def test_the_example_in_the_format_page_is_a_valid_draft():
    page = (Path(__file__).resolve().parent.parent / "resources" / "draft-format.md").read_text("utf-8")
    example = page.split("```json\n", 1)[1].split("```", 1)[0]
    report = drafts.loads(example)
    assert report.info.organ == "马营镇人民政府"
    assert report.get(CellRef("appeals", "review", "total")) == 1
    assert report.get(CellRef("requests", "open", "total")) is None
