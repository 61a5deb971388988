"""Hostile CV uploads, built in memory: small files that unpack into a great deal.

Each builder returns the bytes an attacker would upload. All of them stay under the 10 MB
upload limit and none is committed: they are generated in well under a second with little
memory, because the big parts are never materialised. A part is described as runs of a
block repeated many times (`Run`); each distinct block is deflated once after a full flush
(which empties the compressor's window, so every copy compresses to the same bytes) and the
compressed copies are concatenated. Runs of identical bytes compress about 1000:1.

Used by tests/security/test_upload_bombs.py (intake level) and meant to be reused by
server-level tests: every builder takes only keyword arguments, with the sizes of the
attacks reported against the intake as defaults.
"""

from __future__ import annotations

import random
import re
import struct
import zlib
from collections.abc import Callable, Sequence

__all__ = [
    "DOCX_MAIN_CONTENT_TYPE",
    "docx_with_extreme_ratio",
    "docx_with_huge_media",
    "docx_with_lying_sizes",
    "docx_with_packed_media",
    "docx_with_renamed_main_part",
    "many_pages_pdf",
    "pdf_flate_bomb",
    "pdf_font_map_bomb",
    "pdf_many_fonts_bomb",
    "pdf_text_bomb",
]

DOCX_MAIN_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
MB = 1024 * 1024

Run = tuple[bytes, int]
"""`(block, times)`: `block` repeated `times` times."""

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_XML_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_DOCUMENT_START = _XML_HEAD + f'<w:document xmlns:w="{_W_NS}"><w:body>'.encode()
_DOCUMENT_END = b"</w:body></w:document>"
_CV_PARAGRAPH = b"<w:p><w:r><w:t>Jane Roe, senior data engineer, Berlin</w:t></w:r></w:p>"
_SENTENCE = (
    b"Led a team of twelve engineers building a streaming platform for logistics data; "
    b"cut delivery delays by a third and mentored four junior colleagues. "
)


# --------------------------------------------------------------------------- DOCX


def docx_with_renamed_main_part(*, chars: int = 27_000_000) -> bytes:
    """A DOCX whose real main part is `word/cv.bin` — declared the main document by an
    Override in `[Content_Types].xml` and by the package relationship that python-docx
    follows — next to a decoy `word/document.xml` that satisfies checks by name, so a
    size check on `*.xml` members misses the part that matters. It holds about `chars`
    characters of text (tens of millions by default) in a file of a few hundred KB; its
    paragraphs vary, so it packs about 80:1 like the real attack, below any plausible
    ratio limit: only a limit on the text itself stops it. python-docx parses and walks
    all of it (minutes, gigabytes)."""
    block = _varied_paragraphs(MB)
    text_per_block = len(re.sub(rb"<[^>]+>", b"", block))
    main = [(_DOCUMENT_START, 1), (block, max(chars // text_per_block, 1)), (_DOCUMENT_END, 1)]
    decoy = ("word/document.xml", [(_DOCUMENT_START + _DOCUMENT_END, 1)])
    return _docx(
        main, main_part="word/cv.bin", defaults={"bin": "application/octet-stream"}, extra=decoy
    )


def _varied_paragraphs(size: int) -> bytes:
    """About `size` bytes of numbered w:p paragraphs, each a CV sentence repeated and a
    few words in random order, so that no two are alike."""
    rng = random.Random(1)
    words = _SENTENCE.split()
    paragraphs: list[bytes] = []
    total = 0
    while total < size:
        tail = b" ".join(rng.choice(words) for _ in range(8))
        text = b"%d. %b%b" % (len(paragraphs) + 1, _SENTENCE * 14, tail)
        paragraphs.append(b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>")
        total += len(paragraphs[-1])
    return b"".join(paragraphs)


def docx_with_huge_media(*, mb: int = 600) -> bytes:
    """A small, valid DOCX CV whose package also holds `word/media/image1.png`: `mb` MB of
    zero bytes (about 1 KB per MB compressed), linked from the document, so python-docx
    loads its whole blob into memory."""
    main = [(_DOCUMENT_START + _CV_PARAGRAPH + _DOCUMENT_END, 1)]
    return _docx(main, media=[(bytes(MB), mb)])


def docx_with_packed_media(*, mb: int = 45) -> bytes:
    """A small, valid DOCX CV whose `word/media/image1.png` holds `mb` MB of data that
    packs about 60:1 — under any ratio and total limit, so the file is accepted — linked
    from the document. Reading the CV must not inflate the image: python-docx loads it
    whole into memory."""
    rng = random.Random(2)
    block = bytes(rng.getrandbits(8) if i % 128 == 0 else 0 for i in range(MB))
    main = [(_DOCUMENT_START + _CV_PARAGRAPH + _DOCUMENT_END, 1)]
    return _docx(main, media=[(block, mb)])


def docx_with_extreme_ratio(*, mb: int = 40) -> bytes:
    """A DOCX whose `word/document.xml` honestly declares `mb` MB — under the former
    100 MB cap on `*.xml` parts and under the total the intake allows — yet compresses
    about 1000:1: one paragraph followed by `mb` MB of empty paragraphs (`<w:p/>`, seven
    million by default), each of which an XML parser builds as a node."""
    main = [(_DOCUMENT_START + _CV_PARAGRAPH, 1), (b"<w:p/>" * (MB // 6), mb), (_DOCUMENT_END, 1)]
    return _docx(main)


def docx_with_lying_sizes(*, mb: int = 300, declared: int = 4096) -> bytes:
    """A DOCX whose `word/document.xml` claims, in its local header and in the central
    directory alike, to unpack to `declared` bytes, while its deflate stream inflates to
    `mb` MB of blank space. The CRC-32 is that of the first `declared` bytes, so the
    archive passes every check that trusts the declared size; `ZipFile.read` still
    inflates the whole stream before cutting it to that size."""
    main = [(_DOCUMENT_START + _CV_PARAGRAPH, 1), (b" " * MB, mb)]
    head = (_DOCUMENT_START + _CV_PARAGRAPH + b" " * declared)[:declared]
    return _docx(main, lie=(declared, zlib.crc32(head)))


def _docx(
    main: Sequence[Run],
    *,
    main_part: str = "word/document.xml",
    defaults: dict[str, str] | None = None,
    media: Sequence[Run] | None = None,
    lie: tuple[int, int] | None = None,
    extra: tuple[str, Sequence[Run]] | None = None,
) -> bytes:
    """A minimal WordprocessingML package: content types, package relationships, the main
    part (from `main`), its relationships, optionally `word/media/image1.png` (from
    `media`) and one `extra` (name, runs) member. `lie` replaces the main part's declared
    (size, CRC-32)."""
    types = {
        "rels": "application/vnd.openxmlformats-package.relationships+xml",
        "xml": "application/xml",
        "png": "image/png",
        **(defaults or {}),
    }
    content_types = "".join(
        f'<Default Extension="{ext}" ContentType="{ct}"/>' for ext, ct in types.items()
    )
    content_types += f'<Override PartName="/{main_part}" ContentType="{DOCX_MAIN_CONTENT_TYPE}"/>'
    folder, _, base = main_part.rpartition("/")
    links = [("rId7", "image", "media/image1.png")] if media else []
    members: list[tuple[str, Sequence[Run], tuple[int, int] | None]] = [
        ("[Content_Types].xml", [(_xml("Types", _TYPES_NS, content_types), 1)], None),
        ("_rels/.rels", [(_relationships([("rId1", "officeDocument", main_part)]), 1)], None),
        (f"{folder}/_rels/{base}.rels", [(_relationships(links), 1)], None),
        (main_part, main, lie),
    ]
    if media:
        members.append((f"{folder}/media/image1.png", media, None))
    if extra:
        members.append((*extra, None))
    return _zip(members)


def _relationships(links: list[tuple[str, str, str]]) -> bytes:
    items = "".join(
        f'<Relationship Id="{rid}" Type="{_RT}{kind}" Target="{target}"/>'
        for rid, kind, target in links
    )
    return _xml("Relationships", _RELS_NS, items)


def _xml(root: str, namespace: str, inner: str) -> bytes:
    return _XML_HEAD + f'<{root} xmlns="{namespace}">{inner}</{root}>'.encode()


def _zip(members: Sequence[tuple[str, Sequence[Run], tuple[int, int] | None]]) -> bytes:
    """A ZIP written field by field from (name, runs, lie): deflated members whose
    declared size and CRC-32 are the true ones unless `lie` gives others."""
    body: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name, runs, lie in members:
        data = _raw_deflate(runs)
        size, crc = lie or (sum(len(block) * times for block, times in runs), _crc32(runs))
        encoded = name.encode()
        fields = (20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded))  # 8: deflated
        local = struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + encoded
        directory.append(
            struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset) + encoded
        )
        body += (local, data)
        offset += len(local) + len(data)
    listing = b"".join(directory)
    count = len(members)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(listing), offset, 0)
    return b"".join(body) + listing + end


# --------------------------------------------------------------------------- PDF


def pdf_flate_bomb(*, mb: int = 300) -> bytes:
    """A one-page PDF whose Flate content stream draws one line of text and then holds
    `mb` MB of blank space: a file of about `mb` KB."""
    content = [(b"BT /F1 12 Tf 72 720 Td (Jane Roe, data engineer) Tj ET\n", 1), (b" " * MB, mb)]
    return _pdf(1, _zlib(content), flate=True)


def pdf_text_bomb(*, pages: int = 20, mb_per_page: int = 1) -> bytes:
    """A PDF of `pages` pages sharing one Flate content stream that shows `mb_per_page`
    MB of text: some twenty million characters of "CV" by default, each stream far under
    every decompression limit, in a file of a few KB. pypdf lays out text at some
    5 µs a character, so only a limit on the text itself stops it in time."""
    line = b"(" + _SENTENCE * 6 + b") Tj T*\n"
    block = line * (MB // len(line))
    content = [(b"BT /F1 10 Tf 12 TL 72 720 Td\n", 1), (block, mb_per_page), (b"ET\n", 1)]
    return _pdf(pages, _zlib(content), flate=True)


def many_pages_pdf(*, pages: int = 60_000) -> bytes:
    """A PDF of `pages` pages (60,000 by default, about 6 MB), each showing one line of
    text from a shared content stream. A reader that lists the pages builds every one of
    them before it reads the first."""
    content = (
        b"BT /F1 12 Tf 72 720 Td (Jane Roe, senior data engineer, Berlin, curriculum vitae) Tj ET\n"
    )
    return _pdf(pages, content, flate=False)


def pdf_font_map_bomb(*, fonts: int = 20) -> bytes:
    """A one-page PDF that sets a line of text in each of `fonts` fonts, all sharing one
    ToUnicode map of 256 `bfrange` lines (under 10 KB) that pypdf expands into 65,536
    entries per font: a file of a few KB, some 11 MB of Python objects per font."""
    ranges = b"".join(b"<%02X00> <%02XFF> <0041>\n" % (i, i) for i in range(256))
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        b"256 beginbfrange\n%bendbfrange\nendcmap end end\n" % ranges
    )
    maps = [_stream(_zlib([(cmap, 1)]), flate=True)]
    return _pdf_with_fonts([0] * fonts, maps)


def pdf_many_fonts_bomb(*, fonts: int = 300, mb: int = 1) -> bytes:
    """A one-page PDF that sets a line of text in each of `fonts` fonts, each with a
    ToUnicode stream of its own that inflates to `mb` MB of blank space — under any
    one-stream limit — which pypdf keeps, decoded, for as long as it reads the file."""
    blank = _stream(_zlib([(b" " * MB, mb)]), flate=True)
    return _pdf_with_fonts(list(range(fonts)), [blank] * fonts)


def _pdf_with_fonts(map_of_font: list[int], maps: list[bytes]) -> bytes:
    """One page showing a line of text in each font /F0, /F1, ...; font i has ToUnicode
    stream `maps[map_of_font[i]]`. Objects: catalog, page tree, page, content, the maps,
    the fonts."""
    count = len(map_of_font)
    first_map, first_font = 5, 5 + len(maps)
    lines = b"".join(
        b"/F%d 10 Tf 0 -12 Td (Jane Roe, senior data engineer, Berlin) Tj\n" % i
        for i in range(count)
    )
    content = b"BT 72 760 Td\n%bET\n" % lines
    resources = b" ".join(b"/F%d %d 0 R" % (i, first_font + i) for i in range(count))
    fonts = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode %d 0 R >>"
        % (first_map + index)
        for index in map_of_font
    ]
    return _pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << %b >> >> >>" % resources,
            _stream(content, flate=False),
            *maps,
            *fonts,
        ]
    )


def _pdf(pages: int, content: bytes, *, flate: bool) -> bytes:
    """A PDF whose `pages` pages share one content stream and one Helvetica font.
    Objects: 1 catalog, 2 page tree, 3 font, 4 content stream, 5 and on the pages."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    return _pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count %d /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Kids [%b] >>" % (pages, kids),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            _stream(content, flate=flate),
            *[b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"] * pages,
        ]
    )


def _stream(data: bytes, *, flate: bool) -> bytes:
    flt = b" /Filter /FlateDecode" if flate else b""
    return b"<< /Length %d%b >>\nstream\n%b\nendstream" % (len(data), flt, data)


def _pdf_file(objects: Sequence[bytes]) -> bytes:
    """A PDF file of `objects`, numbered from 1, with a cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%b\nendobj\n" % (number, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(offsets) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# --------------------------------------------------------------------------- compression


def _raw_deflate(runs: Sequence[Run]) -> bytes:
    """Raw deflate (as in a ZIP member) of the runs, each distinct block compressed once:
    after a full flush the compressor starts from an empty window, so a block always
    compresses to the same bytes and its copies can simply be repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    out = [
        (compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)) * times
        for block, times in runs
        if times
    ]
    return b"".join(out) + compressor.flush()


def _zlib(runs: Sequence[Run]) -> bytes:
    """The runs as a zlib stream (PDF /FlateDecode): header, raw deflate, Adler-32."""
    adler = _checksum(runs, zlib.adler32, 1)
    return b"\x78\xda" + _raw_deflate(runs) + struct.pack(">L", adler)


def _crc32(runs: Sequence[Run]) -> int:
    return _checksum(runs, zlib.crc32, 0)


def _checksum(runs: Sequence[Run], update: Callable[[bytes, int], int], start: int) -> int:
    value = start
    for block, times in runs:
        for _ in range(times):
            value = update(block, value)
    return value
