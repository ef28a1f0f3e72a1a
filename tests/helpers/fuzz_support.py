"""Seeded mutation of sample files for the standing fuzz test (tests/test_hostile_fuzz.py).

A case is (reader, sample, seed): the same seed always makes the same bytes, so a failure names
the seed that reproduces it. Zip samples (.docx/.xlsx) are mutated half the time inside one part
(then zipped again), so the mutation reaches the XML readers instead of stopping at the zip checks.
"""
from __future__ import annotations

import io
import random
import zipfile

_INTERESTING = [b"\x00", b"\xff", b"\n", b"\r\n", b"<", b">", b'"', b"=", b"9" * 12, b"-1", b"\xe2\x80\xa8",
                b"<w:p>", b"</w:tbl>", b"obj", b"endstream", b"/W [0 99999999 1]", b"<table>", b"<td colspan=9999>",
                b"\xef\xbb\xbf", b"charset=\x00", "一二三四五六七八九十".encode(), b"{", b"}", b"[", b"]", b"null"]


def mutate_bytes(data: bytes, rng: random.Random, rounds: int | None = None) -> bytes:
    out = bytearray(data)
    for _ in range(rounds or rng.randint(1, 6)):
        if not out:
            out += rng.choice(_INTERESTING)
            continue
        at = rng.randrange(len(out))
        kind = rng.randrange(7)
        if kind == 0:                                   # flip bits
            out[at] ^= 1 << rng.randrange(8)
        elif kind == 1:                                 # a random byte
            out[at] = rng.randrange(256)
        elif kind == 2:                                 # insert an interesting token
            out[at:at] = rng.choice(_INTERESTING)
        elif kind == 3:                                 # delete a range
            del out[at:at + rng.randint(1, 64)]
        elif kind == 4:                                 # repeat a range (growth, bounded)
            piece = bytes(out[at:at + rng.randint(1, 256)])
            out[at:at] = piece * rng.randint(2, 64)
        elif kind == 5:                                 # truncate
            del out[at:]
        else:                                           # copy a range elsewhere
            piece = bytes(out[at:at + rng.randint(1, 512)])
            where = rng.randrange(len(out) + 1)
            out[where:where] = piece
    return bytes(out)


def mutate_zip(data: bytes, rng: random.Random) -> bytes:
    """One part of the archive mutated, the archive written again (or the raw bytes, half the time)."""
    if rng.random() < 0.5:
        return mutate_bytes(data, rng)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        infos = source.infolist()
        victim = rng.choice([i for i in infos if i.filename.endswith((".xml", ".rels"))] or infos)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for info in infos:
                part = source.read(info)
                target.writestr(info.filename, mutate_bytes(part, rng) if info is victim else part)
    return buffer.getvalue()


def mutated(data: bytes, suffix: str, seed: int) -> bytes:
    rng = random.Random(f"{suffix}:{seed}")
    return mutate_zip(data, rng) if suffix in (".docx", ".xlsx") else mutate_bytes(data, rng)
