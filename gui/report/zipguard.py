"""Zip archives from others (.xlsx, .docx), checked before openpyxl or python-docx reads a byte.

The declared sizes cannot be trusted: Python's zipfile cuts an entry at its declared size only
after inflating the chunk it was asked for, and a whole-entry read() — which both libraries use —
asks for everything, so one entry that understates its size can fill gigabytes of memory. So after
the cheap checks of what the archive declares (its size, entry count, inflated total, ratios), every
entry is inflated here once, at most STEP bytes at a time, and refused as soon as it yields more
than it declared. XML parts are refused if they have a DOCTYPE (entity declarations: billion laughs,
external entities); Office never writes one.
"""
from __future__ import annotations

import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

MAX_ENTRIES = 5000
MAX_RATIO = 1000                     # inflated / compressed, for entries over 1 MB
STEP = 1 << 20
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # .xls/.doc/.wps, and password-protected .xlsx/.docx
_LOCAL_HEADER = struct.Struct("<4s2xH18xHH")  # signature, flags … file name length, extra field length
_UNSUPPORTED_FLAGS = 0x1 | 0x20 | 0x40        # encrypted, patched data, strong encryption
_MARKERS = [m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be")]


@dataclass(frozen=True)
class Limits:
    file_bytes: int
    inflated_bytes: int
    entries: int = MAX_ENTRIES
    ratio: int = MAX_RATIO
    part_bytes: int | None = None    # every single part, whatever its name or role


class Refused(Exception):
    """Why an archive is refused; `reason` is a key of _MESSAGES, or "ole" / "not_zip" (which the
    caller words for its kind of file)."""

    def __init__(self, reason: str, size: int = 0, detail: str = ""):
        super().__init__(reason)
        self.reason, self.size, self.detail = reason, size, detail

    def message(self, name: str, kind: str) -> str:
        return _MESSAGES[self.reason].format(name=name, kind=kind, mb=self.size // (1 << 20),
                                             size=self.size, detail=self.detail)


_BOMB = "可能是恶意文件（压缩炸弹），已拒绝打开。"
_MESSAGES = {
    "missing": "找不到文件「{name}」。",
    "denied": "没有权限读取「{name}」（或文件正被其他程序占用）。",
    "unreadable": "无法读取「{name}」：{detail}。",
    "directory": "「{name}」是文件夹，不是{kind}。",
    "too_big": "「{name}」过大（{mb} MB，上限 {detail} MB），已拒绝打开。",
    "too_many": "「{name}」包含的部件过多（{size} 个），可能是恶意文件，已拒绝打开。",
    "inflated": "「{name}」解压后过大（约 {mb} MB），" + _BOMB,
    "ratio": "「{name}」的压缩比异常，" + _BOMB,
    "lying": "「{name}」中的部件「{detail}」实际内容比文件声明的大，" + _BOMB,
    "method": "「{name}」中的部件「{detail}」经过加密或使用了{kind}不会使用的压缩方式，无法读取。",
    "doctype": "「{name}」中的部件「{detail}」含有 DOCTYPE/实体声明（{kind}不会有），可能是恶意文件，已拒绝打开。",
    "version": "无法读取「{name}」：其中的部件使用了{kind}不会使用的压缩格式（需要更新版本的解压程序）。",
    "duplicate": "「{name}」中有两个同名的部件「{detail}」，可能是恶意文件，已拒绝打开。",
    "part_too_big": "「{name}」中的部件「{detail}」过大（约 {mb} MB），不像是年度报告，已拒绝打开。",
    "renamed": "「{name}」中的部件「{detail}」前后记录的名称不一致，文件已损坏或被篡改，已拒绝打开。",
}


def check(path: str | os.PathLike, limits: Limits, declared=None) -> list[zipfile.ZipInfo]:
    """The entries of the archive at `path`, or Refused. Holds at most a few STEPs of inflated data.
    `declared(entries)` is called before anything is inflated; it may raise the caller's error."""
    path = Path(path)
    try:
        if path.is_dir():
            raise Refused("directory")
        size = path.stat().st_size
        with open(path, "rb") as handle:
            if handle.read(len(_OLE)) == _OLE:
                raise Refused("ole")
            if size > limits.file_bytes:
                raise Refused("too_big", size, str(limits.file_bytes // (1 << 20)))
            return _check_entries(handle, limits, declared)
    except FileNotFoundError:
        raise Refused("missing") from None
    except PermissionError:
        raise Refused("denied") from None
    except OSError as exc:
        raise Refused("unreadable", detail=exc.strerror or str(exc)) from None


def _check_entries(handle, limits: Limits, declared) -> list[zipfile.ZipInfo]:
    count, directory = _declared_directory(handle)
    if count > limits.entries or directory > limits.entries * 1024:   # before zipfile reads it all
        raise Refused("too_many", count if count > limits.entries else directory // 46)
    try:
        infos = zipfile.ZipFile(handle).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, struct.error):
        raise Refused("not_zip") from None
    except NotImplementedError:       # an entry needing a newer zip version (zipfile knows 6.3)
        raise Refused("version") from None
    if len(infos) > limits.entries:
        raise Refused("too_many", len(infos))
    total = sum(i.file_size for i in infos)
    if total > limits.inflated_bytes:
        raise Refused("inflated", total)
    seen = set()
    for info in infos:
        # a second entry of one name: the small first one would be checked, the last one read
        if info.filename in seen:
            raise Refused("duplicate", detail=info.filename)
        seen.add(info.filename)
        if info.file_size > (1 << 20) and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise Refused("ratio")
        if (info.flag_bits & _UNSUPPORTED_FLAGS or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
                or info.extract_version > zipfile.MAX_EXTRACT_VERSION):
            raise Refused("method", detail=info.filename)
    if declared is not None:
        declared(infos)           # the caller's own words first (「正文过大」 for Word's main part)
    for info in infos:
        if limits.part_bytes is not None and info.file_size > limits.part_bytes:
            raise Refused("part_too_big", info.file_size, info.filename)
    for info in infos:
        _inflate(handle, info)
    return infos


def _declared_directory(handle) -> tuple[int, int]:
    """(entry count, central directory bytes) from the end record, without reading the directory."""
    try:
        end = zipfile._EndRecData(handle)       # handles ZIP64; zipfile has no public equivalent
    except (AttributeError, OSError, struct.error, zipfile.BadZipFile):
        return 0, 0
    return (end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]) if end else (0, 0)


def _inflate(handle, info: zipfile.ZipInfo) -> None:
    """Inflate one entry in steps, checking its real size and (XML parts) its prolog."""
    handle.seek(info.header_offset)
    signature, flags, name_length, extra_length = _LOCAL_HEADER.unpack(handle.read(_LOCAL_HEADER.size).ljust(30))
    if signature != b"PK\x03\x04":
        raise Refused("not_zip")
    if (flags | info.flag_bits) & _UNSUPPORTED_FLAGS:
        raise Refused("method", detail=info.filename)
    # zipfile refuses (BadZipFile) an entry whose local name differs from the directory's
    local = handle.read(name_length).decode("utf-8" if flags & 0x800 else "cp437", "replace")
    if local != info.orig_filename:
        raise Refused("renamed", detail=info.filename)
    handle.seek(info.header_offset + _LOCAL_HEADER.size + name_length + extra_length)
    left, produced, pending = info.compress_size, 0, b""
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    prolog = _Prolog(info.filename) if info.filename.lower().endswith((".xml", ".rels")) else None
    while True:
        if not pending:
            pending = handle.read(min(left, STEP)) if left > 0 else b""
            left -= len(pending)
            if not pending:
                return            # a cut-off entry: the library reports the file as damaged
        if inflater is None:
            out, pending = pending, b""
        else:
            try:
                out = inflater.decompress(pending, STEP)
            except zlib.error:
                return            # damaged, likewise
            pending = b"" if inflater.eof else inflater.unconsumed_tail
        produced += len(out)
        if produced > info.file_size:
            raise Refused("lying", detail=info.filename)
        if prolog is not None and out and not prolog.feed(out):
            prolog = None
        if inflater is not None and inflater.eof:
            return


class _Root(Exception):
    pass


class _Prolog:
    """Reads an XML part up to its root element; a DOCTYPE before it is refused. If expat cannot
    read the part (an encoding it lacks, say), the bytes seen are searched for the markers instead."""

    def __init__(self, name: str):
        self.name, self.seen = name, b""
        self.parser = expat.ParserCreate()
        self.parser.StartDoctypeDeclHandler = self._refuse
        self.parser.EntityDeclHandler = self._refuse
        self.parser.StartElementHandler = self._root

    def _refuse(self, *_args):
        raise Refused("doctype", detail=self.name)

    def _root(self, *_args):
        raise _Root

    def feed(self, data: bytes) -> bool:
        """False once the root element is reached (nothing more to check)."""
        self.seen += data[:STEP - len(self.seen)] if len(self.seen) < STEP else b""
        try:
            self.parser.Parse(data, False)
        except _Root:
            return False
        except (expat.ExpatError, ValueError, LookupError):    # ValueError: a multi-byte encoding
            if any(marker in self.seen for marker in _MARKERS):
                raise Refused("doctype", detail=self.name) from None
            return False
        return True
