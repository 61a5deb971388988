"""Reading a DOCX upload: its ZIP package, inflated within a budget, and the lines
of its main document, headers and footers.

Apart from `documents.py` (which detects the kind of upload and reads PDFs and text)
because a DOCX is a package of XML parts read part by part, each charged to a budget
(see `upload_limits.py`); detection uses the package helpers too.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from lxml import etree  # type: ignore[import-untyped]

from jobagent_core.profiling.errors import (
    CorruptDocument,
    DocumentError,
    TooMuchContent,
    UnsupportedDocument,
)
from jobagent_core.profiling.upload_limits import (
    MAX_DOCX_XML_BYTES,
    MAX_DOCX_XML_NODES,
    MAX_TEXT_CHARS,
    MAX_ZIP_MEMBERS,
    MAX_ZIP_RATIO,
    MAX_ZIP_UNPACKED_BYTES,
    MB,
    RAW_TEXT_CHARS,
)

# --------------------------------------------------------------------------- DOCX

_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_W = "{" + _NS["w"] + "}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Never text, or text we do not want: properties, deleted runs, field codes, the VML
# copy of a DrawingML shape (mc:Fallback) — reading both would say everything twice.
_SKIP = {_W + t for t in ("pPr", "rPr", "sdtPr", "del", "delText", "instrText", "tblPr")}
_SKIP |= {_MC_FALLBACK}


def docx_lines(data: bytes, filename: str) -> list[str]:
    """The lines of the main document's headers, body and footers, in that order.

    The XML parts are parsed here, not by python-docx, which loads every part of the
    package (images included) into memory: only [Content_Types].xml, the main part, its
    relationships, headers and footers are ever inflated, within `XmlBudget`."""
    budget = XmlBudget(filename)
    try:
        with open_zip(data, filename) as archive:
            members = zip_members(archive)
            document, links = _main_document(archive, members, budget)
            headers, footers = (
                [_parse_xml(archive, members[name], budget) for rel, name in links if rel == kind]
                for kind in (_RT + "header", _RT + "footer")
            )
    except DocumentError:
        raise
    except _DOCX_ERRORS as err:
        raise CorruptDocument(filename, "Word document") from err
    body = document.find(_W + "body")
    if body is None:
        raise CorruptDocument(filename, "Word document")
    lines: list[str] = []
    try:
        for container in (*headers, body, *footers):
            lines += _block_lines(container)
            lines.append("")
    except RecursionError as err:  # tables in tables in tables ...
        raise CorruptDocument(filename, "Word document") from err
    return lines


def _main_document(
    archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], budget: XmlBudget
) -> tuple[Any, list[tuple[str, str]]]:
    """The main part's root element (w:document) and its relationships."""
    filename = budget.filename
    main = main_part(archive, members, budget)
    if main is None or main[0] not in members:
        raise CorruptDocument(filename, "Word document")
    name, content_type = main
    if content_type != DOCX_MAIN_CONTENT_TYPE:
        raise UnsupportedDocument(
            filename,
            "a Word file of another kind (macro-enabled or a template)",
            advice="Save it as a normal .docx and upload it again.",
        )
    document = _parse_xml(archive, members[name], budget)
    if document.tag != _W + "document":
        raise CorruptDocument(filename, "Word document")
    return document, _relationships(archive, members, name, budget)


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
    num_id = p.xpath("string(./w:pPr/w:numPr/w:numId/@w:val)", namespaces=_NS)
    style = p.xpath("string(./w:pPr/w:pStyle/@w:val)", namespaces=_NS)
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
    for row in table.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr", namespaces=_NS):
        cells = [
            [line for line in _block_lines(cell) if line.strip()]
            for cell in row.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc", namespaces=_NS)
        ]
        cells = [cell for cell in cells if cell]
        if len(cells) > 1 and all(len(cell) == 1 for cell in cells):
            yield " | ".join(cell[0].strip() for cell in cells)
        else:
            for cell in cells:
                yield from cell


# --------------------------------------------------------------------------- ZIP packages

DOCX_MAIN_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
# Main parts of Word's other kinds: detected as Word, refused when read (see _main_document).
_WORD_MAIN_TYPES = {
    DOCX_MAIN_CONTENT_TYPE,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CHUNK = 64 * 1024
_RATIO_FLOOR = MB  # smaller members may pack at any ratio: they cannot hurt
ZIP_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,  # also a CRC mismatch, found once a member is read to its end
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,  # a compression method zipfile does not know
    RuntimeError,  # an encrypted member
    etree.LxmlError,  # XML syntax errors included
)
# Reading a DOCX, also a missing part that a relationship names (KeyError).
_DOCX_ERRORS: tuple[type[Exception], ...] = (*ZIP_ERRORS, KeyError)


def open_zip(data: bytes, filename: str) -> zipfile.ZipFile:
    """The archive, once its central directory shows nothing too big to read: not too
    many members, and declared sizes within MAX_ZIP_UNPACKED_BYTES and MAX_ZIP_RATIO
    counted over every member, whatever its name. (Declared sizes are only a first
    filter: `_inflate` counts what is actually inflated.)"""
    # zipfile builds an object per central directory record as it opens the archive,
    # each starting with this signature: counting it bounds them before any is built.
    if data.count(b"PK\x01\x02") > MAX_ZIP_MEMBERS:
        raise TooMuchContent(filename, "parts", MAX_ZIP_MEMBERS)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS as err:
        looks_like_word = b"word/" in data or b"[Content_Types].xml" in data[:512]
        raise CorruptDocument(filename, "Word document" if looks_like_word else "ZIP file") from err
    infos = archive.infolist()
    too_much: TooMuchContent | None = None
    if sum(info.file_size for info in infos) > MAX_ZIP_UNPACKED_BYTES:
        too_much = TooMuchContent(filename, "bytes", MAX_ZIP_UNPACKED_BYTES)
    elif any(
        info.file_size > max(_RATIO_FLOOR, MAX_ZIP_RATIO * info.compress_size) for info in infos
    ):
        too_much = TooMuchContent(filename, "ratio", MAX_ZIP_RATIO)
    if too_much is not None:
        archive.close()
        raise too_much
    return archive


def zip_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Members by lower-cased name: part names in a package are case-insensitive."""
    return {info.filename.lower(): info for info in archive.infolist()}


@dataclass(slots=True)
class XmlBudget:
    """What reading one package may still cost, shared by every part read from it:
    bytes actually inflated, XML nodes (elements and attributes) built, characters of
    w:t text seen. Passing a limit raises TooMuchContent at once."""

    filename: str
    inflated: int = 0
    nodes: int = 0
    text: int = 0

    def inflate(self, size: int) -> None:
        self.inflated += size
        if self.inflated > MAX_DOCX_XML_BYTES:
            raise TooMuchContent(self.filename, "bytes", MAX_DOCX_XML_BYTES)

    def build(self, element: Any) -> None:
        self.nodes += 1 + len(element.attrib)
        if self.nodes > MAX_DOCX_XML_NODES:
            raise TooMuchContent(self.filename, "elements", MAX_DOCX_XML_NODES)
        if element.tag == _W + "t":
            self.text += len(element.text or "")
            if self.text > RAW_TEXT_CHARS:
                raise TooMuchContent(self.filename, "characters", MAX_TEXT_CHARS)


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: XmlBudget) -> Iterator[bytes]:
    """The member's bytes, chunk by chunk, each charged to `budget` as it is inflated:
    a lying header cannot make us inflate more than the budget allows. Never call
    `ZipFile.read`, which inflates a whole member before anything can be counted."""
    # Word writes members stored or deflated. zipfile inflates the other methods (bzip2,
    # LZMA) a whole read at a time, without a bound, and an encrypted member is unreadable.
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 1:
        raise CorruptDocument(budget.filename, "Word document")
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            budget.inflate(len(chunk))
            yield chunk


def _parse_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: XmlBudget) -> Any:
    """The member's XML root, parsed as it is inflated and charged node by node; no
    entities resolved, no DTD or network access, libxml2's own size limits kept."""
    parser = etree.XMLPullParser(
        events=("end",), remove_blank_text=True, resolve_entities=False, no_network=True
    )
    for chunk in _inflate(archive, info, budget):
        parser.feed(chunk)
        for _event, element in parser.read_events():
            budget.build(element)
    return parser.close()


def main_part(
    archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], budget: XmlBudget
) -> tuple[str, str] | None:
    """(member name, content type) of the main part `[Content_Types].xml` declares for a
    Word document — an Override with a WordprocessingML main content type, whatever the
    part is called — preferring a plain document's; None without one."""
    info = members.get("[content_types].xml")
    if info is None:
        return None
    types = _parse_xml(archive, info, budget)
    found = [
        (unquote(override.get("PartName", "")).lstrip("/").lower(), content_type)
        for override in types.iterchildren(_CT + "Override")
        if (content_type := override.get("ContentType")) in _WORD_MAIN_TYPES
    ]
    found.sort(key=lambda part: part[1] != DOCX_MAIN_CONTENT_TYPE)  # stable: file order
    return found[0] if found else None


def _relationships(
    archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], part: str, budget: XmlBudget
) -> list[tuple[str, str]]:
    """(relationship type, member name) of `part`'s internal relationships, in order."""
    folder, _, base = part.rpartition("/")
    info = members.get(posixpath.join(folder, "_rels", base + ".rels"))
    if info is None:
        return []
    links = []
    for link in _parse_xml(archive, info, budget).iterchildren(_PR + "Relationship"):
        if link.get("TargetMode") == "External":
            continue
        target = unquote(link.get("Target", ""))
        name = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        links.append((link.get("Type", ""), posixpath.normpath(name).lower()))
    return links


def odf_mimetype(
    archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], budget: XmlBudget
) -> bytes:
    """The start of an OpenDocument package's `mimetype` member, b"" without one."""
    info = members.get("mimetype")
    return next(_inflate(archive, info, budget), b"")[:80] if info else b""
