"""The page inside an .mhtml/.mht (Edge's and Chrome's 「网页，单个文件」, IE's .mht): a MIME
multipart message read with the standard library's email package. The page is the part named by
Snapshot-Content-Location / the root's Content-Location, else the first text/html part; its
transfer encoding (quoted-printable, base64) is undone by the email package and its charset is
only a hint to decode.py, since portals state it wrongly.
"""
from __future__ import annotations

import email
import email.policy
import os
from pathlib import Path

from ..published import ImportResult
from .html_reader import read_html_bytes
from .safety import MAX_HTML_BYTES, MAX_MHTML_BYTES, WebImportError, read_limited

MAX_PARTS = 5000


def _not_mhtml(name: str) -> WebImportError:
    return WebImportError(f"「{name}」不是有效的单个文件网页（.mhtml/.mht）：文件已损坏，或只是改了扩展名。")


def _header(part, name: str) -> str:
    """A header as text: a non-ASCII value comes back from the email package as a Header object."""
    value = part.get(name)
    try:
        return str(value or "").strip()
    except Exception:          # an undecodable encoded-word
        return ""


def page_of(data: bytes, name: str) -> tuple[bytes, str | None]:
    """(the HTML bytes, the charset its part declares)."""
    head = data[:4096].lower()
    if b"content-type" not in head and b"mime-version" not in head:
        if b"<html" in head or b"<!doctype" in head:
            return data, None                       # a plain page saved under .mht
        raise _not_mhtml(name)
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
    except Exception:          # the email package may raise many kinds for a damaged message
        raise _not_mhtml(name) from None
    root = _header(message, "Snapshot-Content-Location")
    pages = []
    for n, part in enumerate(message.walk()):
        if n > MAX_PARTS:
            break
        if part.get_content_type() != "text/html" or part.is_multipart():
            continue
        pages.append(part)
        if root and _header(part, "Content-Location") == root:
            pages.insert(0, pages.pop())
            break
    if not pages:
        raise WebImportError(f"「{name}」中没有网页内容（text/html 部分）：这不是保存的网页。")
    part = pages[0]
    try:
        body = part.get_payload(decode=True) or b""
    except Exception:
        raise _not_mhtml(name) from None
    if len(body) > MAX_HTML_BYTES:
        raise WebImportError(f"「{name}」中的网页过大（超过 {MAX_HTML_BYTES // 1024 // 1024} MB），不像是年度报告，已拒绝打开。")
    return body, part.get_content_charset()


def read_mhtml_file(path: str | os.PathLike) -> ImportResult:
    path = Path(path)
    data = read_limited(path, MAX_MHTML_BYTES, "单个文件网页")
    page, charset = page_of(data, path.name)
    return read_html_bytes(page, path.name, declared=charset)
