"""Small PDFs written byte by byte for the hostile tests: text pages, an image-only page, many
pages, an encrypted file, a stream that inflates to gigabytes, deeply nested objects."""
from __future__ import annotations

import zlib


def pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF whose object n (1-based) is objects[n-1]; object 1 must be the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pages(texts: list[str]) -> bytes:
    """One page per text (Latin letters, Helvetica)."""
    n = len(texts)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, text in enumerate(texts):
        content = b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("latin-1")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i))
        objects.append(stream(content))
    return pdf(objects)


def image_only() -> bytes:
    """A 'scanned' page: one grey image, no text."""
    pixels = zlib.compress(bytes([128]) * (200 * 200))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
               b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
               stream(b"q 500 0 0 700 40 70 cm /Im1 Do Q"),
               stream(pixels, b"/Type /XObject /Subtype /Image /Width 200 /Height 200 /ColorSpace /DeviceGray "
                              b"/BitsPerComponent 8 /Filter /FlateDecode ")]
    return pdf(objects)


def encrypted() -> bytes:
    """Standard security handler with a user password we do not know."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               stream(b"\x8a\x11garbled"),
               b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 "
               b"/O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32 + b"> >>"]
    return pdf(objects, b"/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ")


def inflating(gigabytes: int = 4) -> bytes:
    """A page whose content stream inflates to `gigabytes` GB of zeros (the file is a few MB):
    deflate blocks of 16 MB of zeros repeated after full flushes."""
    block = b"\0" * (16 * 1024 * 1024)
    c = zlib.compressobj(9)
    first = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    data = first + again * (gigabytes * 64 - 1) + c.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               stream(data, b"/Filter /FlateDecode ")]
    return pdf(objects)


def nested(depth: int = 100_000) -> bytes:
    """A page whose resources hold an array nested `depth` deep."""
    deep = b"[" * depth + b"]" * depth
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font 5 0 R >> "
               b"/Annots 5 0 R /Contents 4 0 R >>",
               stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET " + deep + b" Tj"),
               b"<< /X " + deep + b" >>"]
    return pdf(objects)
