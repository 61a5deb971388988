"""CV intake: decide what an upload is from its bytes, check the limits, extract its text.

Pure functions, no database, no file names trusted: `%PDF-` makes a PDF, a ZIP whose
`[Content_Types].xml` declares a WordprocessingML main part makes a DOCX, UTF-8/UTF-16 text
makes TXT or Markdown; anything else raises an `errors.DocumentError` whose message names
the file.

Uploads are hostile until read: a few hundred KB can unpack to gigabytes (ZIP and Flate
"bombs") or to tens of millions of characters. The limits (`upload_limits.py`) are
checked on what is actually unpacked, as it is read (declared sizes serve only as a first,
cheap filter), and reading stops as soon as one is passed, with `TooMuchContent`; a DOCX's
media parts are never unpacked at all (`docx_reader.py` reads DOCX packages).

The text returned is plain, NFC-normalised lines: blank line between blocks, single spaces,
bullets as "•", non-ASCII kept, Markdown syntax dropped. PDF pages are laid out by
`pdf_layout` from pypdf's positioned text runs, so a line never mixes text from two
places on the page (a sidebar and the main column, say).
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from pypdf import PdfReader, apply_configuration
from pypdf.errors import FileNotDecryptedError, LimitReachedError

from jobagent_core.profiling.docx_reader import (
    ZIP_ERRORS,
    XmlBudget,
    docx_lines,
    main_part,
    odf_mimetype,
    open_zip,
    zip_members,
)
from jobagent_core.profiling.errors import (
    CorruptDocument,
    DocumentError,
    EmptyFile,
    EncryptedPdf,
    FileTooLarge,
    ScannedPdf,
    TooManyFiles,
    TooMuchContent,
    UnsupportedDocument,
    safe_filename,
)
from jobagent_core.profiling.pdf_layout import PARSE_ERRORS, page_lines
from jobagent_core.profiling.pdf_runs import OverBudget, ReadBudget
from jobagent_core.profiling.upload_limits import (
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_PDF_FONT_ENTRIES,
    MAX_PDF_OBJECTS,
    MAX_PDF_PAGE_COUNT,
    MAX_PDF_PAGES,
    MAX_PDF_PARSE_BYTES,
    MAX_PDF_STREAM_BYTES,
    MAX_TEXT_CHARS,
    MIN_LETTERS_PER_PAGE,
    RAW_TEXT_CHARS,
)

log = logging.getLogger(__name__)


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
    """Cheap checks before storing an upload: size limit, then type (for a ZIP, from its
    central directory and [Content_Types].xml, refusing what would unpack to too much).
    Does not parse the document; `extract_text` may still raise EncryptedPdf, ScannedPdf,
    CorruptDocument or TooMuchContent."""
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

    Raises EncryptedPdf, ScannedPdf, CorruptDocument, TooMuchContent (more text than
    MAX_TEXT_CHARS, or a packed file that unpacks to more than the limits allow), or
    EmptyFile when there is no text."""
    if kind is DocumentKind.PDF:
        text = _pdf_text(data, filename)
    elif kind is DocumentKind.DOCX:
        text = normalise_text("\n".join(docx_lines(data, filename)))
    else:
        decoded = _decode_text(data, filename)
        if len(decoded) > RAW_TEXT_CHARS:  # not worth normalising: a CV is never this long
            raise TooMuchContent(filename, "characters", MAX_TEXT_CHARS)
        text = normalise_text(_markdown_to_text(decoded) if _is_markdown(decoded) else decoded)
    if len(text) > MAX_TEXT_CHARS:
        raise TooMuchContent(filename, "characters", MAX_TEXT_CHARS)
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
    """A Word document, or UnsupportedDocument saying what other ZIP it is. Reads only the
    central directory and the small parts that name the package's type; refuses a
    package whose members would unpack to too much (TooMuchContent)."""
    budget = XmlBudget(filename)
    with open_zip(data, filename) as archive:
        members = zip_members(archive)
        try:
            main = main_part(archive, members, budget)
            mimetype = odf_mimetype(archive, members, budget)
        except DocumentError:
            raise
        except ZIP_ERRORS as err:
            kind = "Word document" if "[content_types].xml" in members else "ZIP file"
            raise CorruptDocument(filename, kind) from err
    if main is not None:
        return
    if "word/document.xml" in members:  # Word's layout, but no usable [Content_Types].xml
        raise CorruptDocument(filename, "Word document")
    if "xl/workbook.xml" in members:
        raise UnsupportedDocument(filename, "an Excel spreadsheet")
    if "ppt/presentation.xml" in members:
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


# pypdf's own resource limits (pypdf.Configuration), tightened to what a CV can need. They
# act inside pypdf, where we cannot count: no stream unpacks to more than
# MAX_PDF_STREAM_BYTES, a content stream parses into a bounded number of objects, and the
# page tree is walked no further than a CV's pages (plus the nodes that group them).
_PDF_LIMITS: dict[str, int] = {
    "zlib_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "lzw_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "run_length_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "brotli_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "jbig2_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "image_maximum_buffer_size": MAX_PDF_STREAM_BYTES,
    "array_based_stream_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "maximum_declared_stream_length": MAX_FILE_BYTES,
    "stream_decoding_work_maximum_length": 4 * MAX_PDF_STREAM_BYTES,
    "stream_parsing_work_maximum_count": 200_000,  # a dense page of text: 20,000-50,000
    "xform_maximum_invocations_per_extraction": 200,
    "page_tree_maximum_entries": 2 * MAX_PDF_PAGE_COUNT,
    "page_tree_maximum_page_entries": 100 * MAX_PDF_PAGE_COUNT,  # copied keys, ~10 a page
}


def _pdf_text(data: bytes, filename: str) -> str:
    # A PDF ends with %%EOF; without it the file was cut off, and pypdf would happily
    # rebuild what is left and give us part of the CV without a word of warning.
    if b"%%EOF" not in data[-4096:]:
        raise CorruptDocument(filename, "PDF")
    try:
        with apply_configuration(None, **_PDF_LIMITS):
            reader = PdfReader(io.BytesIO(data), xref_stream_maximum_entries=MAX_PDF_OBJECTS)
            if reader.is_encrypted and not reader.decrypt(""):
                raise EncryptedPdf(filename)
            pages = _pdf_pages(reader, filename)
    except FileNotDecryptedError as err:
        raise EncryptedPdf(filename) from err
    except DocumentError:
        raise
    except LimitReachedError as err:  # one of _PDF_LIMITS: a stream unpacks to too much
        raise TooMuchContent(filename, "bytes", MAX_PDF_STREAM_BYTES) from err
    except PARSE_ERRORS as err:
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


def _pdf_pages(reader: PdfReader, filename: str) -> list[tuple[list[str], bool]]:
    """`page_lines` of the first MAX_PDF_PAGES pages; TooMuchContent for a PDF of more
    than MAX_PDF_PAGE_COUNT pages or with more text than a CV, found as soon as the page
    that passes the limit is read."""
    try:
        count = len(reader.pages)  # pypdf walks the whole page tree here
    except LimitReachedError as err:  # page_tree_maximum_entries: too many pages to list
        raise TooMuchContent(filename, "pages", MAX_PDF_PAGE_COUNT) from err
    if count > MAX_PDF_PAGE_COUNT:
        raise TooMuchContent(filename, "pages", MAX_PDF_PAGE_COUNT)
    budget = ReadBudget(
        parse_bytes=MAX_PDF_PARSE_BYTES,
        text_bytes=RAW_TEXT_CHARS,
        font_entries=MAX_PDF_FONT_ENTRIES,
    )
    pages: list[tuple[list[str], bool]] = []
    chars = 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        try:
            lines, draws_text = page_lines(page, budget)
        except OverBudget as over:
            if over.what == "text":
                raise TooMuchContent(filename, "characters", MAX_TEXT_CHARS) from over
            if over.what == "fonts":
                raise TooMuchContent(filename, "elements", MAX_PDF_FONT_ENTRIES) from over
            if not pages:
                raise TooMuchContent(filename, "bytes", MAX_PDF_PARSE_BYTES) from over
            break  # like pages past MAX_PDF_PAGES: what the CV needs came first
        chars += sum(len(line) for line in lines)
        if chars > RAW_TEXT_CHARS:
            raise TooMuchContent(filename, "characters", MAX_TEXT_CHARS)
        pages.append((lines, draws_text))
    return pages
