"""CV intake: decide what an upload is from its bytes, check the limits, extract its text.

Pure functions, no database, no file names trusted: `%PDF-` makes a PDF, a ZIP holding
`[Content_Types].xml` and `word/document.xml` makes a DOCX, UTF-8/UTF-16 text makes TXT or
Markdown; anything else raises an `errors.DocumentError` whose message names the file.

The text returned is plain, NFC-normalised lines: blank line between blocks, single spaces,
bullets as "•", non-ASCII kept, Markdown syntax dropped. PDF pages are laid out from the
positioned text runs of pypdf's layout mode: a two-column page (sidebar + main column) is
read column by column, and what stands far apart on one line (a right-aligned date, say)
goes on its own line, so a line never mixes text from two places on the page.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from pypdf import PageObject, PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError
from pypdf.generic import ContentStream

from jobagent_core.profiling.errors import (
    CorruptDocument,
    DocumentError,
    EmptyFile,
    EncryptedPdf,
    FileTooLarge,
    ScannedPdf,
    TooManyFiles,
    UnsupportedDocument,
    safe_filename,
)

try:  # private pypdf API (see _positioned_lines); without it we fall back to plain mode
    from pypdf._text_extraction import _layout_mode
except ImportError:  # pragma: no cover
    _layout_mode = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
MAX_PDF_PAGES = 20  # a CV is a few pages; later pages (certificates, scans) are not read
MIN_LETTERS_PER_PAGE = 40  # no page with this many letters and digits: no text layer
MAX_DOCX_XML_BYTES = 100 * 1024 * 1024  # unpacked XML; guards against ZIP bombs


class DocumentKind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    TEXT = "text"


PDF_MEDIA_TYPE = "application/pdf"
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_SUFFIXES = {PDF_MEDIA_TYPE: ".pdf", DOCX_MEDIA_TYPE: ".docx", "text/markdown": ".md"}


@dataclass(frozen=True, slots=True)
class ValidatedDocument:
    filename: str  # base name as uploaded, without folders or control characters
    kind: DocumentKind
    media_type: str  # application/pdf, …wordprocessingml.document, text/plain, text/markdown
    sha256: str
    size: int

    @property
    def suffix(self) -> str:
        """File suffix for storage keys: ".pdf", ".docx", ".md" or ".txt"."""
        return _SUFFIXES.get(self.media_type, ".txt")


@dataclass(frozen=True, slots=True)
class ExtractedDocument(ValidatedDocument):
    text: str


# --------------------------------------------------------------------------- public API


def detect(data: bytes, filename: str) -> DocumentKind:
    """What `data` is, judged from its content only (`filename` is for messages).

    Raises EmptyFile, UnsupportedDocument (images, spreadsheets, other ZIPs, binary or
    non-UTF-8 text) or CorruptDocument (a ZIP that cannot be opened)."""
    return _sniff(data, filename)[0]


def validate_upload(
    filename: str, data: bytes, *, max_bytes: int = MAX_FILE_BYTES
) -> ValidatedDocument:
    """Cheap checks before storing an upload: size limit, then type. Does not parse the
    document; `extract_text` may still raise EncryptedPdf, ScannedPdf or CorruptDocument."""
    if not data:
        raise EmptyFile(filename)
    if len(data) > max_bytes:
        raise FileTooLarge(filename, len(data), max_bytes)
    kind, media_type = _sniff(data, filename)
    digest = hashlib.sha256(data).hexdigest()
    return ValidatedDocument(safe_filename(filename), kind, media_type, digest, len(data))


def validate_uploads(
    files: Sequence[tuple[str, bytes]],
    *,
    already_stored: int = 0,
    max_files: int = MAX_FILES,
    max_bytes: int = MAX_FILE_BYTES,
) -> list[ValidatedDocument]:
    """`validate_upload` for each `(filename, data)`, after checking that the profile's
    `already_stored` files plus these stay within `max_files` (TooManyFiles names the
    first file over the limit)."""
    room = max(max_files - already_stored, 0)
    if len(files) > room:
        raise TooManyFiles(files[room][0], max_files)
    return [validate_upload(name, data, max_bytes=max_bytes) for name, data in files]


def extract_text(data: bytes, kind: DocumentKind, filename: str) -> str:
    """The document's text as normalised lines (see the module docstring).

    Raises EncryptedPdf, ScannedPdf, CorruptDocument, or EmptyFile when there is no text."""
    if kind is DocumentKind.PDF:
        return _pdf_text(data, filename)
    if kind is DocumentKind.DOCX:
        text = normalise_text("\n".join(_docx_lines(data, filename)))
    else:
        decoded = _decode_text(data, filename)
        text = normalise_text(_markdown_to_text(decoded) if _is_markdown(decoded) else decoded)
    if not text:
        raise EmptyFile(filename, detail="has no text in it")
    return text


def read_document(
    filename: str, data: bytes, *, max_bytes: int = MAX_FILE_BYTES
) -> ExtractedDocument:
    """`validate_upload` and `extract_text` in one call."""
    doc = validate_upload(filename, data, max_bytes=max_bytes)
    text = extract_text(data, doc.kind, filename)
    return ExtractedDocument(doc.filename, doc.kind, doc.media_type, doc.sha256, doc.size, text)


# --------------------------------------------------------------------------- detection

_IMAGE_ADVICE = (
    "Upload your CV as a PDF, DOCX, TXT or Markdown file; a photo or scan has no text to read."
)
_RESAVE_ADVICE = "Open it, save it as DOCX or PDF, and upload that."
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image", _IMAGE_ADVICE),
    (b"\xff\xd8\xff", "a JPEG image", _IMAGE_ADVICE),
    (b"GIF87a", "a GIF image", _IMAGE_ADVICE),
    (b"GIF89a", "a GIF image", _IMAGE_ADVICE),
    (b"II*\x00", "a TIFF image", _IMAGE_ADVICE),
    (b"MM\x00*", "a TIFF image", _IMAGE_ADVICE),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc or .xls)", _RESAVE_ADVICE),
    (b"{\\rtf", "a Rich Text (RTF) document", _RESAVE_ADVICE),
    (b"%!PS", "a PostScript file", "Save it as PDF and upload that."),
)
_ISO_MEDIA = {b"heic": "a HEIC photo", b"heix": "a HEIC photo", b"mif1": "a HEIF photo"}


def _sniff(data: bytes, filename: str) -> tuple[DocumentKind, str]:
    if not data:
        raise EmptyFile(filename)
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return DocumentKind.PDF, PDF_MEDIA_TYPE
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        _check_docx_zip(data, filename)
        return DocumentKind.DOCX, DOCX_MEDIA_TYPE
    for magic, looks_like, advice in _SIGNATURES:
        if data.startswith(magic):
            raise UnsupportedDocument(filename, looks_like, advice=advice)
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        raise UnsupportedDocument(filename, "a WebP image", advice=_IMAGE_ADVICE)
    if data[4:8] == b"ftyp":
        raise UnsupportedDocument(filename, _ISO_MEDIA.get(data[8:12], "a photo or video file"))
    text = _decode_text(data, filename)
    if not text.strip():
        raise EmptyFile(filename, detail="has no text in it")
    if text.lstrip()[:14].lower().startswith(("<!doctype html", "<html")):
        raise UnsupportedDocument(
            filename, "a web page (HTML)", advice="Save or print it as PDF and upload that."
        )
    return DocumentKind.TEXT, "text/markdown" if _is_markdown(text) else "text/plain"


def _check_docx_zip(data: bytes, filename: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as err:
        looks_like_word = b"word/" in data or b"[Content_Types].xml" in data[:512]
        raise CorruptDocument(filename, "Word document" if looks_like_word else "ZIP file") from err
    if {"[Content_Types].xml", "word/document.xml"} <= names:
        return
    if "xl/workbook.xml" in names:
        raise UnsupportedDocument(filename, "an Excel spreadsheet")
    if "ppt/presentation.xml" in names:
        raise UnsupportedDocument(filename, "a PowerPoint presentation")
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        raise UnsupportedDocument(
            filename, "an OpenDocument text file (.odt)", advice=_RESAVE_ADVICE
        )
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise UnsupportedDocument(filename, "an OpenDocument file (LibreOffice)")
    raise UnsupportedDocument(
        filename,
        "a ZIP archive",
        advice="Unpack it and upload the CV inside (PDF, DOCX, TXT or Markdown).",
    )


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _decode_text(data: bytes, filename: str) -> str:
    """UTF-8 (BOM optional) or UTF-16/32 with a BOM; refuses binary and other encodings."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    binary = UnsupportedDocument(filename, "a binary file")
    if encoding is None and b"\x00" in data:
        raise binary
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as err:
        if encoding:
            raise binary from err
        raise UnsupportedDocument(
            filename,
            "text in an older encoding (not UTF-8)",
            advice="Save it as UTF-8 text (or as PDF or DOCX) and upload it again.",
            contradicts_name=False,
        ) from err
    # A few stray control characters happen in real text; many mean it is not text.
    if "\x00" in text or len(_CONTROL.findall(text[:100_000])) > len(text[:100_000]) / 100:
        raise binary
    return text


_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_MD_LIST = re.compile(r"^ {0,3}(?:[-*+]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)
_MD_INLINE = re.compile(r"!?\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|__[^_\n]+__|^```", re.M)


def _is_markdown(text: str) -> bool:
    """Light heuristic, only for the media-type label: an ATX heading, or inline markup
    (links, bold) together with list items. Plain CVs use "-" bullets too."""
    if _MD_HEADING.search(text):
        return True
    inline = len(_MD_INLINE.findall(text))
    return inline >= 3 or (inline >= 1 and len(_MD_LIST.findall(text)) >= 2)


_MD_LINK = re.compile(r"!?\[([^\]\n]+)\]\(([^)\s]+)\)")
_MD_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|__(.+?)__|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def _markdown_to_text(text: str) -> str:
    """Drop Markdown syntax a line parser would trip over; keep every word and URL."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```") or re.fullmatch(r"[-*_=]{3,}", stripped):
            continue
        line = re.sub(r"^ {0,3}(?:#{1,6}[ \t]+|>[ \t]?)", "", line).rstrip(" #")
        line = re.sub(r"^(\s*)[-*+][ \t]+", r"\1• ", line)
        line = _MD_LINK.sub(lambda m: m[1] if m[1] == m[2] else f"{m[1]}: {m[2]}", line)
        lines.append(_MD_EMPHASIS.sub(lambda m: m[1] or m[2] or m[3], line))
    return "\n".join(lines)


# --------------------------------------------------------------------------- normalising

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", "\n"),
        **dict.fromkeys("\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007", " "),
        **dict.fromkeys("\u2008\u2009\u200a\u202f\u205f\u3000", " "),
        **dict.fromkeys("\u00ad\u200b\u2060\ufeff", ""),
        # Symbol/Wingdings bullets that PDFs export into the private use area.
        **dict.fromkeys("\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8", "•"),
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
_JUNK = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")  # controls, icon glyphs


def normalise_text(text: str) -> str:
    """NFC, one space between words, lines stripped, at most one blank line in a row,
    ligatures spelled out, controls and private-use icon glyphs dropped."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").translate(_TRANSLATE))
    text = _JUNK.sub(" ", text)
    lines: list[str] = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip()


# --------------------------------------------------------------------------- PDF
#
# Text comes from pypdf's layout-mode machinery: positioned runs with real x/y and width.
# We lay them out ourselves instead of using layout mode's fixed-width character grid,
# which glues words drawn one by one ("Builta Kafka") and lets a sidebar bleed into the
# main column. Units below are PDF points; "em" means the run's font height.

# pypdf on a malformed file can raise nearly anything; none of it is our bug to surface.
_PARSE_ERRORS: tuple[type[Exception], ...] = (
    PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
    RecursionError, OSError, ZeroDivisionError, StopIteration,
)  # fmt: skip
_WORD_GAP = 0.12  # em: a smaller gap continues the word (glyph-by-glyph positioning)
_FIELD_GAP = 1.0  # em: a larger gap separates two things on one line (column, date)
_GUTTER = 4.0  # points of blank space required left of a column edge
_BLANK_LINE = 1.7  # a gap above a line larger than this many line heights is a blank line


@dataclass(slots=True)
class _Seg:
    x0: float
    x1: float
    text: str
    y: float  # baseline of the run it starts with (pypdf may merge nearby baselines)
    height: float


@dataclass(slots=True)
class _Line:
    y: float
    height: float
    segs: list[_Seg]


def _pdf_text(data: bytes, filename: str) -> str:
    # A PDF ends with %%EOF; without it the file was cut off, and pypdf would happily
    # rebuild what is left and give us part of the CV without a word of warning.
    if b"%%EOF" not in data[-4096:]:
        raise CorruptDocument(filename, "PDF")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedPdf(filename)
        pages = [_page_lines(page) for page in reader.pages[:MAX_PDF_PAGES]]
    except FileNotDecryptedError as err:
        raise EncryptedPdf(filename) from err
    except DocumentError:
        raise
    except _PARSE_ERRORS as err:
        raise CorruptDocument(filename, "PDF") from err
    letters = [sum(ch.isalnum() for line in lines for ch in line) for lines, _ in pages]
    if max(letters, default=0) < MIN_LETTERS_PER_PAGE:
        # A scan has images and at most a stamp ("Scanned by …"). A page that draws text
        # of which we cannot read a single letter has broken or missing font objects.
        if any(draws and not n for (_, draws), n in zip(pages, letters, strict=True)):
            raise CorruptDocument(filename, "PDF")
        raise ScannedPdf(filename)
    # WinAnsi fonts may encode a bullet as 0x7F (PDF spec, Annex D), which pypdf keeps.
    return normalise_text("\n\n".join("\n".join(lines) for lines, _ in pages).replace("\x7f", "•"))


def _page_lines(page: PageObject) -> tuple[list[str], bool]:
    """The page's text lines, and whether its content draws any text at all."""
    try:
        lines, draws_text = _positioned_lines(page)
    except _PARSE_ERRORS as err:
        # Unusual content streams (or a pypdf without these internals): plain mode reads
        # in drawing order, which for most CV generators is reading order.
        log.warning("PDF page layout failed (%r); reading it in plain mode", err)
        plain = page.extract_text().splitlines()
        return plain, bool(plain)
    return _columns(lines), draws_text


def _columns(lines: list[_Line]) -> list[str]:
    """Render the page; a two-column page column by column (see `_find_gutter`)."""
    gutter = _find_gutter(lines)
    if gutter is None:
        return _render(lines)
    out: list[str] = []
    left: list[_Line] = []
    right: list[_Line] = []
    for line in lines:  # a line crossing the gutter (name band, footer) stays in place
        if any(seg.x0 < gutter - 1 < seg.x1 + _GUTTER for seg in line.segs):
            out += [*_render(left), "", *_render(right), "", *_render([line])]
            left, right = [], []
            continue
        for column, segs in (
            (left, [seg for seg in line.segs if seg.x0 < gutter - 1]),
            (right, [seg for seg in line.segs if seg.x0 >= gutter - 1]),
        ):
            if segs:  # each column keeps its own baselines, for its own blank lines
                column.append(_Line(segs[0].y, max(seg.height for seg in segs), segs))
    return [*out, *_render(left), "", *_render(right)]


def _positioned_lines(page: PageObject) -> tuple[list[_Line], bool]:
    """Lines top to bottom, each a list of segments (text runs closer than a field gap),
    and whether the content stream has text-showing operators at all."""
    contents = page.get("/Contents")
    if contents is None:
        return [], False
    ops = ContentStream(contents.get_object(), page.pdf, "bytes").operations
    draws_text = any(op in _SHOW_TEXT for _, op in ops)
    groups = _layout_mode.text_show_operations(iter(ops), page._layout_mode_fonts(), True, None)
    if not groups:
        return [], draws_text
    lines = []
    for y, runs in _layout_mode.y_coordinate_groups(groups).items():
        segs: list[_Seg] = []
        height = max(run["font_height"] for run in runs) or 10.0
        for run in runs:
            for seg in _run_segments(run, run["font_height"] or height):
                _append(segs, seg)
        if segs:
            lines.append(_Line(float(y), height, segs))
    return lines, draws_text


_SHOW_TEXT = {b"Tj", b"TJ", b"'", b'"'}


def _run_segments(run: Any, height: float) -> Iterator[_Seg]:
    """Split one run where pypdf put 3+ spaces (a gap inside one text object), placing
    each part by its share of the characters."""
    text, x0, y = run["text"], run["tx"], run["ty"] * run["flip_sort"]
    per_char = (run["displaced_tx"] - x0) / len(text) if text else 0.0
    for match in _SEGMENT.finditer(text.translate(_RUN_CONTROLS)):
        start, end = x0 + per_char * match.start(), x0 + per_char * match.end()
        yield _Seg(start, end, match[0], y, height)


def _append(segs: list[_Seg], seg: _Seg) -> None:
    last = segs[-1] if segs else None
    gap = seg.x0 - last.x1 if last else 0.0
    em = seg.height
    if last is None or gap > _FIELD_GAP * em:
        segs.append(seg)
        return
    space = "" if gap < _WORD_GAP * em or last.text.endswith(" ") else " "
    last.text += space + seg.text
    last.x1 = max(last.x1, seg.x1)


_RUN_CONTROLS = str.maketrans(dict.fromkeys(range(14, 32), " "))
_SEGMENT = re.compile(r"\S+(?: {1,2}\S+)*")  # text without a gap of 3+ spaces


def _render(lines: list[_Line]) -> list[str]:
    """Text lines, one per segment, with a blank line where the page has vertical space.

    One refinement for the common "Title — Employer ....... 03/2019 – present" header:
    when the left part wraps onto the next line (same indent, short, not a bullet), the
    date goes after that continuation, and a date range broken over two lines is joined."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i and lines[i - 1].y - line.y > _BLANK_LINE * max(line.height, lines[i - 1].height):
            out.append("")
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt and len(line.segs) == 2 and _is_date(line.segs[1].text):
            left, date = line.segs
            tail = [s for s in nxt.segs if s.x1 >= date.x0] if _OPEN_RANGE.search(date.text) else []
            wrap = [s for s in nxt.segs if s not in tail]
            wraps = len(wrap) == 1 and _continues(wrap[0], left, date)
            if (tail or wraps) and (not wrap or wraps):
                out += [left.text, *(s.text for s in wrap)]
                out.append(" ".join([date.text, *(s.text for s in tail)]))
                i += 2
                continue
        out += [seg.text for seg in line.segs]
        i += 1
    return out


_DATE_LIKE = re.compile(r"\b(?:19|20)\d\d\b|present|current|heute|today|now\b", re.IGNORECASE)
_OPEN_RANGE = re.compile(r"(?:[-–—]|\bto|\bbis)$")
_BULLET_START = tuple("•·▪◦‣-*–\x7f")


def _is_date(text: str) -> bool:
    return len(text) <= 40 and bool(_DATE_LIKE.search(text))


def _continues(seg: _Seg, header: _Seg, date: _Seg) -> bool:
    """Does `seg` look like the wrapped rest of `header` (which has `date` on its right)?"""
    return (
        abs(seg.x0 - header.x0) <= 2
        and seg.x1 < date.x0 - _GUTTER
        and len(seg.text) <= 60
        and not seg.text.startswith(_BULLET_START)
        and ":" not in seg.text
        and not seg.text.endswith(".")
    )


def _find_gutter(lines: list[_Line]) -> float | None:
    """x of the left edge of a second column, or None for a single-column page.

    A column edge is an x where many lines start a segment, with blank space just left
    of it on (almost) every line, and enough text on both sides. Lines crossing it (a
    name band, a footer) may be a few. A left "column" that is mostly dates (Lebenslauf
    tables, moderncv) is not a column: its dates belong to their lines."""
    if len(lines) < 8:
        return None
    starts: dict[int, int] = {}
    for line in lines:
        for seg in line.segs[1:] if len(line.segs) > 1 else line.segs:
            starts[round(seg.x0)] = starts.get(round(seg.x0), 0) + 1
    page_x0 = min(seg.x0 for line in lines for seg in line.segs)
    page_x1 = max(seg.x1 for line in lines for seg in line.segs)
    best: tuple[int, float] | None = None
    for edge, count in starts.items():
        if count < 3 or edge - page_x0 < 60 or page_x1 - edge < 60:
            continue
        clear = [
            line
            for line in lines
            if not any(seg.x0 < edge - 1 < seg.x1 + _GUTTER for seg in line.segs)
        ]
        crossing = len(lines) - len(clear)
        if crossing > max(1, len(lines) // 8):
            continue
        n_left = sum(any(seg.x0 < edge - 1 for seg in line.segs) for line in clear)
        n_right = sum(any(seg.x0 >= edge - 1 for seg in line.segs) for line in clear)
        score = min(n_left, n_right) - 2 * crossing
        if best is None or score > best[0]:
            best = (score, float(edge))
    if best is None:
        return None
    split = best[1]
    left = [seg.text for line in lines for seg in line.segs if seg.x1 + _GUTTER <= split - 1]
    right = [seg.text for line in lines for seg in line.segs if seg.x0 >= split - 1]
    rows = len(lines)
    return split if _is_column(left, rows) and _is_column(right, rows) else None


def _is_column(parts: list[str], rows: int) -> bool:
    """Text on at least half as many segments as the page has lines, not mostly dates."""
    if len(parts) < max(4, rows // 2):
        return False
    return sum(bool(_DATE_LIKE.search(p)) for p in parts) < len(parts) / 3


# --------------------------------------------------------------------------- DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Never text, or text we do not want: properties, deleted runs, field codes, the VML
# copy of a DrawingML shape (mc:Fallback) — reading both would say everything twice.
_SKIP = {_W + t for t in ("pPr", "rPr", "sdtPr", "del", "delText", "instrText", "tblPr")}
_SKIP |= {_MC_FALLBACK}


def _docx_lines(data: bytes, filename: str) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as err:
        raise CorruptDocument(filename, "Word document") from err
    if sum(i.file_size for i in infos if i.filename.endswith(".xml")) > MAX_DOCX_XML_BYTES:
        raise UnsupportedDocument(
            filename,
            "a Word document that unpacks to over 100 MB",
            advice="Save it as PDF and upload that.",
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as err:  # e.g. a macro-enabled .docm or a .dotx template
        raise UnsupportedDocument(
            filename,
            "a Word file of another kind (macro-enabled or a template)",
            advice="Save it as a normal .docx and upload it again.",
        ) from err
    except Exception as err:  # broken XML or missing parts: python-docx raises many types
        raise CorruptDocument(filename, "Word document") from err
    rels = list(document.part.rels.values())
    headers = [r.target_part.element for r in rels if r.reltype == RT.HEADER]
    footers = [r.target_part.element for r in rels if r.reltype == RT.FOOTER]
    lines: list[str] = []
    for container in (*headers, document.element.body, *footers):
        lines += _block_lines(container)
        lines.append("")
    return lines


def _block_lines(container: Any) -> Iterator[str]:
    """Paragraphs and tables of a body, cell, header, footer or text box, in order.
    Content controls (w:sdt), common in Word CV templates, are opened up."""
    for child in container.iterchildren():
        if child.tag == _W + "p":
            yield from _paragraph_lines(child)
        elif child.tag == _W + "tbl":
            yield from _table_lines(child)
        elif child.tag == _W + "sdt":
            for content in child.iterchildren(_W + "sdtContent"):
                yield from _block_lines(content)
        elif child.tag == _W + "customXml":
            yield from _block_lines(child)


def _paragraph_lines(p: Any) -> Iterator[str]:
    parts: list[str] = []
    boxes: list[Any] = []
    _inline_text(p, parts, boxes)
    text = "".join(parts)
    num_id = p.xpath("string(./w:pPr/w:numPr/w:numId/@w:val)")
    style = p.xpath("string(./w:pPr/w:pStyle/@w:val)")
    if text.strip() and ((num_id and num_id != "0") or style.startswith("ListBullet")):
        text = "• " + text.lstrip()
    yield from text.split("\n")
    for box in boxes:
        yield from _block_lines(box)


def _inline_text(element: Any, parts: list[str], boxes: list[Any]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag == _W + "txbxContent":
            boxes.append(child)  # read after the paragraph, as blocks of their own
        else:
            _inline_text(child, parts, boxes)


def _table_lines(table: Any) -> Iterator[str]:
    """One line per row when every cell holds one line ("Email | zoe@…"), otherwise the
    cells one after another, so a layout table (sidebar cell + main cell) stays readable."""
    for row in table.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr"):
        cells = [
            [line for line in _block_lines(cell) if line.strip()]
            for cell in row.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc")
        ]
        cells = [cell for cell in cells if cell]
        if len(cells) > 1 and all(len(cell) == 1 for cell in cells):
            yield " | ".join(cell[0].strip() for cell in cells)
        else:
            for cell in cells:
                yield from cell
