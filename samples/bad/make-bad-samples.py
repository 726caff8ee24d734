#!/usr/bin/env python3
"""Writes the hostile corpus under samples/bad/<case>/input.* (python3 stdlib only, deterministic).

Every file is built here byte by byte so the corpus can be regenerated and reviewed; each stays under
100 KB. After regenerating, refresh the expected files with
    UPDATE_GOLDEN=1 ctest --test-dir build/dev -R corpus.bad
and READ them: each must be a clear error naming the file and the reason, or a partial result with warnings.
Usage: samples/bad/make-bad-samples.py [OUT_DIR]   (default: the folder of this script)
"""

import gzip
import hashlib
import io
import os
import struct
import sys
import tarfile
import zipfile
import zlib

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))


def write(case, name, data, command=None):
    d = os.path.join(OUT, case)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)
    if command:
        with open(os.path.join(d, "command.txt"), "w") as f:
            f.write(command + "\n")
    assert len(data) < 100 * 1024, (case, len(data))


# ---------------------------------------------------------------- PDF

def pdf(objects, trailer_extra=b"", xref=True, startxref=None):
    """objects: list of bodies for objects 1..n (bytes). Returns a PDF with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref_at = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % (xref_at if startxref is None else startxref)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


TEXT = (b"BT /F1 14 Tf 72 720 Td (A Hostile Sample) Tj ET\n"
        b"BT /F1 11 Tf 72 690 Td (This page exists to be broken in several ways by the generator.) Tj ET\n")
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def simple_pdf(content=TEXT, mediabox=b"[0 0 612 792]", count=b"1", length=None):
    s = stream(content) if length is None else (
        b"<< /Length %s >>\nstream\n" % length + content + b"\nendstream")
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count %s >>" % count,
        b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
        % mediabox,
        s,
        FONT,
    ])


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def encrypted_pdf(user_pw=b"secret", owner_pw=b"owner"):
    """Standard security handler, revision 2 (RC4, 40-bit key): opening needs the user password."""
    file_id = hashlib.md5(b"colophon hostile sample").digest()
    p = -44
    owner_key = hashlib.md5((owner_pw + PAD)[:32]).digest()[:5]
    o = rc4(owner_key, (user_pw + PAD)[:32])
    key = hashlib.md5((user_pw + PAD)[:32] + o + struct.pack("<i", p) + file_id).digest()[:5]
    u = rc4(key, PAD)

    def enc(num, data):
        k = hashlib.md5(key + struct.pack("<I", num)[:3] + b"\0\0").digest()[:10]
        return rc4(k, data)

    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(enc(4, TEXT)),
        FONT,
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (o.hex().encode(), u.hex().encode(), p),
    ], trailer_extra=b"/Encrypt 6 0 R /ID [<%s> <%s>] " % (file_id.hex().encode(), file_id.hex().encode()))


valid = simple_pdf()
write("pdf-truncated", "input.pdf", valid[: len(valid) // 2])

# The "%PDF-1.4" line cut off: the file starts with the binary comment of the second line, every
# offset is 9 bytes off. Poppler rebuilds the cross-reference table and reads it.
write("pdf-no-header-line", "input.pdf", valid[len(b"%PDF-1.4\n"):])

# Every xref offset points into the middle of nowhere, and startxref past the end of the file.
garbage = bytearray(valid)
start = garbage.index(b"xref\n")
table_end = garbage.index(b"trailer")
garbage[start:table_end] = b"xref\n0 6\n" + b"".join(b"%010d 00000 n \n" % (987654321 + i * 7) for i in range(6))
garbage = bytes(garbage).replace(b"startxref\n%d" % start, b"startxref\n99999999")
write("pdf-garbage-xref", "input.pdf", garbage)

# Page tree whose Kids point back at the parent (2 -> 3 -> 2) and at itself.
write("pdf-recursive-pages", "input.pdf", pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
    b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
]))

write("pdf-huge-length", "input.pdf", simple_pdf(length=b"1000000000000"))
write("pdf-huge-mediabox", "input.pdf", simple_pdf(mediabox=b"[0 0 1000000000 1000000000]"))
write("pdf-huge-count", "input.pdf", simple_pdf(count=b"1000000000"))
write("pdf-encrypted", "input.pdf", encrypted_pdf())
write("pdf-named-html", "input.html", valid)

# ---------------------------------------------------------------- HTML

# Deep nesting (the 100,000-deep case lives in tests/unit/html; this stays under 100 KB).
depth = 19000
write("html-nested-divs", "input.html",
      b"<!DOCTYPE html><html><head><title>Deep</title></head><body>" + b"<div>" * depth
      + b"<p>Text at the bottom of a very deep tree of div elements.</p>" + b"</body></html>")

write("html-invalid-utf8", "input.html",
      b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Broken \xff\xfe encoding</title></head>"
      b"<body><article><h1>Broken \xc3 bytes \xed\xa0\x80 here</h1>"
      b"<p>A paragraph with an overlong \xc0\xaf slash, a lone continuation \x80 byte and a truncated "
      b"sequence \xe2\x82 that a decoder must replace without losing the words around it.</p>"
      b"</article></body></html>")


def tiny_jpeg():
    """An 8x8 grey baseline JPEG: one-code Huffman tables, every block DC 0 + EOB."""
    soi, eoi = b"\xff\xd8", b"\xff\xd9"
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\x01\x01\x01\x01\x2c\x01\x2c\0\0"
    dqt = b"\xff\xdb" + struct.pack(">H", 67) + b"\0" + b"\x01" * 64
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 8, 8, 1) + b"\x01\x11\x00"
    one_code = b"\x01" + b"\0" * 15 + b"\x00"  # one code of length 1 for symbol 0
    dht = (b"\xff\xc4" + struct.pack(">H", 2 + 2 * 18) + b"\x00" + one_code + b"\x10" + one_code)
    sos = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00" + b"\x00\x3f\x00"
    scan = b"\x3f"  # DC "0" + EOB "0", padded with ones
    return soi + app0 + dqt + sof + dht + sos + scan + eoi


jpeg = tiny_jpeg()
write("html-really-jpeg", "input.html", jpeg)
write("jpeg-truncated", "input.jpg", jpeg[: len(jpeg) // 2])
write("tiff-empty", "input.tiff", b"")


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


write("png-lying-header", "input.png",
      b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 60000, 60000, 8, 0, 0, 0, 0))
      + png_chunk(b"IDAT", zlib.compress(b"\0" * 64, 9)) + png_chunk(b"IEND", b""))

# ---------------------------------------------------------------- archives (colophon verify)

BAGIT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
HELLO = b"hello from the payload\n"


def manifest(files):
    return b"".join(b"%s  %s\n" % (hashlib.sha256(data).hexdigest().encode(), name.encode())
                    for name, data in files)


def targz(entries):
    """entries: (name, data) for files, or (name, None, link_target) for a symlink."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for entry in entries:
            info = tarfile.TarInfo(entry[0])
            info.mtime = 1700000000
            if entry[1] is None:
                info.type = tarfile.SYMTYPE
                info.linkname = entry[2]
                tar.addfile(info)
            else:
                info.size = len(entry[1])
                tar.addfile(info, io.BytesIO(entry[1]))
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw.getvalue())
    return out.getvalue()


def bag_entries(extra=()):
    payload = [("data/hello.txt", HELLO)]
    return [("input/bagit.txt", BAGIT), ("input/data/hello.txt", HELLO),
            ("input/manifest-sha256.txt", manifest(payload))] + list(extra)


write("archive-path-traversal", "input.tar.gz", targz(bag_entries([("../evil.txt", b"outside\n")])), "verify")
write("archive-absolute-path", "input.tar.gz",
      targz(bag_entries([("/tmp/colophon-evil.txt", b"outside\n")])), "verify")
write("archive-symlink", "input.tar.gz", targz(bag_entries([("input/data/link", None, "/etc/passwd")])), "verify")
good = targz(bag_entries())
write("archive-truncated", "input.tar.gz", good[: len(good) // 2], "verify")

# Zip bomb: 80 MiB of zeros deflate to ~80 KB, and the headers (local and central directory) claim
# the entry holds 1 KiB. Honest sizes would make it a legitimate, if silly, bag: the verifier judges
# expansion against what the archive declares, so this one must stop at the first byte past 1 KiB.
zeros = b"\0" * (80 << 20)
zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name, data in [("input/bagit.txt", BAGIT), ("input/data/zeros.bin", zeros),
                       ("input/manifest-sha256.txt", manifest([("data/zeros.bin", zeros)]))]:
        z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data,
                   compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
bomb = bytearray(zbuf.getvalue())
claimed = struct.pack("<I", 1024)
name = b"input/data/zeros.bin"
for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
    at = 0
    while True:
        at = bomb.find(sig, at)
        if at < 0:
            break
        name_at = at + (30 if sig == b"PK\x03\x04" else 46)
        if bomb[name_at:name_at + len(name)] == name:
            bomb[at + size_at:at + size_at + 4] = claimed
        at += 4
write("archive-zip-bomb", "input.zip", bytes(bomb), "verify")
