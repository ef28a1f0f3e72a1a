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


def one_page(content: bytes, font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
             extra_objects: tuple[bytes, ...] = ()) -> bytes:
    """One page drawing `content` (compressed), its font F1 = object 3; extra objects from 6 on."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", font,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
               b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
               stream(zlib.compress(content, 9), b"/Filter /FlateDecode "), *extra_objects]
    return pdf(objects)


def ruled_grid(lines: int) -> bytes:
    """A page ruled as a grid of `lines` × `lines` lines (a few KB whatever the count)."""
    step = 500 / max(lines - 1, 1)
    path = [b"%.2f 20 m %.2f 820 l" % (40 + i * step, 40 + i * step) for i in range(lines)]
    path += [b"40 %.2f m 540 %.2f l" % (20 + i * 800 / max(lines - 1, 1), 20 + i * 800 / max(lines - 1, 1))
             for i in range(lines)]
    return one_page(b"0.5 w " + b" ".join(path) + b" S")


def many_glyphs(count: int) -> bytes:
    """One page drawing `count` letters in one string (a few KB compressed)."""
    return one_page(b"BT /F1 1 Tf 10 10 Td (" + b"A" * count + b") Tj ET")


def wide_width_range(last: int = 4294967295) -> bytes:
    """A CID font whose /W gives one width to every CID from 0 to `last`."""
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] >>")
    cid = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) "
           b"/Ordering (Identity) /Supplement 0 >> /W [0 %d 1000] >>" % last)
    return one_page(b"BT /F1 12 Tf 72 720 Td <00410042> Tj ET", font, (cid,))
