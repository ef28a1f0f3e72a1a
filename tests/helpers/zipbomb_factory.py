"""Hostile zip archives (.xlsx/.docx) built in a moment, for the zip-bomb tests.

Gigabytes of zeros are never compressed at test time: one megabyte of zeros is deflated once with a
full flush (which makes every such block identical and self-contained) and the block is repeated.
The archive is written by hand so that its headers can say anything — including sizes that lie.
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MB = 1 << 20
_FINAL_EMPTY_BLOCK = b"\x03\x00"      # a raw deflate stream's last, empty block


@dataclass(frozen=True)
class Member:
    name: str
    stream: bytes        # raw deflate data as stored
    crc: int             # as written in the headers
    size: int            # the inflated size written in the headers (a liar may write less)


def deflated(name: str, data: bytes) -> Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member(name, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


@lru_cache(maxsize=None)
def _zero_block() -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)


@lru_cache(maxsize=None)
def _zeros_crc(megabytes: int) -> int:
    crc, chunk = 0, bytes(MB)
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    return crc


def zeros(name: str, megabytes: int) -> Member:
    """A member that truly inflates to `megabytes` MB of zeros (about 1 KB on disk per MB)."""
    return Member(name, _zero_block() * megabytes + _FINAL_EMPTY_BLOCK, _zeros_crc(megabytes),
                  megabytes * MB)


def lying(name: str, data: bytes, extra_megabytes: int, honest_crc: bool = True) -> Member:
    """A member whose stream is `data` followed by `extra_megabytes` MB of zeros while its headers
    declare only len(data) bytes. With honest_crc the CRC is that of `data` (the cut-off reads
    cleanly); otherwise the CRC of everything (the cut-off fails its CRC check)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    head = packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(data)
    if not honest_crc:
        chunk = bytes(MB)
        for _ in range(extra_megabytes):
            crc = zlib.crc32(chunk, crc)
    return Member(name, head + _zero_block() * extra_megabytes + _FINAL_EMPTY_BLOCK, crc, len(data))


def members_of(path: Path) -> list[Member]:
    with zipfile.ZipFile(path) as archive:
        return [deflated(i.filename, archive.read(i)) for i in archive.infolist()]


def replace(members: list[Member], member: Member) -> list[Member]:
    """`members` with `member` in place of the one of the same name (or added at the end)."""
    out = [member if m.name == member.name else m for m in members]
    return out if any(m.name == member.name for m in members) else out + [member]


def write_zip(path: Path, members: list[Member]) -> Path:
    """A plain (non-ZIP64) archive; every size must stay under 4 GB."""
    central = []
    with open(path, "wb") as out:
        for m in members:
            offset, name = out.tell(), m.name.encode()
            fields = (8, 0, 0x21, m.crc, len(m.stream), m.size, len(name))   # deflate, 1980-01-01
            out.write(struct.pack("<IHH" + "HHHIIIH", 0x04034B50, 20, 0x800, *fields) + b"\0\0" + name)
            out.write(m.stream)
            central.append(struct.pack("<IHHH" + "HHHIIIH", 0x02014B50, 20, 20, 0x800, *fields)
                           + struct.pack("<HHHHII", 0, 0, 0, 0, 0, offset) + name)
        directory = b"".join(central)
        start = out.tell()
        out.write(directory)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                              len(directory), start, 0))
    return path


def many_members(path: Path, base: Path, count: int) -> Path:
    """`base` plus empty members up to `count` in all (zipfile writes the ZIP64 records needed)."""
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        for i in range(count - len(source.infolist())):
            archive.writestr(f"padding/{i}.xml", b"")
    return path
