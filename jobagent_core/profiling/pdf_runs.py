"""The positioned text runs of one PDF page, read within a budget.

`read_runs(page, budget)` gives each string the page's content stream shows as a
`Run`: its start and end x and baseline y in page space, its font height and its
text. The text comes from pypdf's public text-extraction visitors (see
`_TextRuns`); the widths come from the fonts' /Widths (or /W), as PDF viewers
measure them. `pdf_layout` lays the runs out into lines and columns.

Reading is charged to a `ReadBudget` before each costly step (parsing content and
character maps, laying out text, building fonts), so a crafted PDF cannot make it
run long: `OverBudget` says which part would pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pypdf import PageObject
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DictionaryObject,
    NameObject,
    StreamObject,
    TextStringObject,
)


@dataclass(slots=True)
class ReadBudget:
    """What reading a PDF's pages may still cost, shared by the pages read. pypdf does
    each step for a whole page at once and at Python speed — parsing content streams
    and character maps at 0.25-1 MB a second, laying out text at some 5 µs a character,
    building a font's character map of up to 100,000 entries from a few bytes of
    `bfrange` — so each step is charged before it starts, or one font at a time."""

    parse_bytes: int  # decoded content streams and font maps (ToUnicode, CMap) to parse
    text_bytes: int  # bytes of text-showing string operands still to lay out
    font_entries: int  # character-map entries the fonts of one page may hold, each
    _charged: set[int] = field(default_factory=set, init=False, repr=False)  # streams paid

    def parse(self, size: int) -> None:
        if size > self.parse_bytes:
            raise OverBudget("content")
        self.parse_bytes -= size

    def lay_out(self, size: int) -> None:
        if size > self.text_bytes:
            raise OverBudget("text")
        self.text_bytes -= size

    def font_streams(self, font: DictionaryObject) -> None:
        """Charge the font's ToUnicode and CMap streams, each once for the document:
        pypdf keeps them, decoded, for as long as the reader lives."""
        for key in ("/ToUnicode", "/Encoding"):
            stream = font.get(key)
            stream = stream.get_object() if stream is not None else None
            if isinstance(stream, StreamObject) and id(stream) not in self._charged:
                self._charged.add(id(stream))
                self.parse(len(stream.get_data()))


class OverBudget(Exception):
    """The page would pass the ReadBudget: `what` says which part of it ("content":
    bytes to parse, "text": text to lay out, "fonts": character-map entries)."""

    def __init__(self, what: Literal["content", "text", "fonts"]) -> None:
        super().__init__(what)
        self.what = what


def read_runs(page: PageObject, budget: ReadBudget | None) -> tuple[list[Run], bool]:
    """The page's positioned text runs, and whether its content stream has
    text-showing operators at all. With a `budget`, raises OverBudget before doing
    work that would pass it."""
    contents = page.get("/Contents")
    if contents is None:
        return [], False
    stream = ContentStream(contents.get_object(), page.pdf, "bytes")  # decoded, not parsed
    if budget is not None:
        budget.parse(len(stream.get_data()))
    ops = stream.operations
    draws_text = any(op in _SHOW_TEXT for _, op in ops)
    if budget is not None:
        budget.lay_out(sum(_shown_bytes(operands) for operands, op in ops if op in _SHOW_TEXT))
    used = {args[0] for args, op in ops if op == b"Tf" and args and isinstance(args[0], str)}
    fonts = page_fonts(page, used, budget)
    return _TextRuns(fonts).read(page, ops), draws_text


def page_fonts(
    page: PageObject, names: set[str] | None, budget: ReadBudget | None
) -> DictionaryObject:
    """The page's font resources named in `names` (all when None), found as pypdf finds
    them (the first /Resources up the page tree). pypdf builds each font it is given
    with its whole character map, used or not, so each is charged to `budget` first:
    its map streams' bytes, and the entries they would expand to (`_map_entries`)."""
    fonts = DictionaryObject()
    entries = 0
    node: Any = page
    visited: set[int] = set()
    while isinstance(node, DictionaryObject) and id(node) not in visited:
        visited.add(id(node))
        resources = _resolve(node.get("/Resources"))
        if isinstance(resources, DictionaryObject):
            font_resources = _resolve(resources.get("/Font"))
            if isinstance(font_resources, DictionaryObject) and page.pdf is not None:
                for name, ref in font_resources.items():
                    font = _resolve(ref)
                    if (names is not None and name not in names) or not isinstance(
                        font, DictionaryObject
                    ):
                        continue
                    if budget is not None:
                        budget.font_streams(font)
                        entries += _map_entries(font)
                        if entries > budget.font_entries:
                            raise OverBudget("fonts")
                    fonts[NameObject(name)] = ref
            break  # pypdf reads the nearest /Resources only
        node = _resolve(node.get("/Parent"))
    return fonts


_CMAP_SECTION = re.compile(rb"begin(bf|cid)(range|char)(.*?)end\1\2", re.DOTALL)
_CMAP_RANGE = re.compile(rb"<([0-9A-Fa-f]{1,8})>\s*<([0-9A-Fa-f]{1,8})>")
_CMAP_CODE = re.compile(rb"<[0-9A-Fa-f]*>\s*(?:<[0-9A-Fa-f]*>|\d+|/[^\s/<\[]+)")


def _map_entries(font: DictionaryObject) -> int:
    """Character-map entries pypdf builds for the font: 256 for a simple font's encoding,
    plus one per code its ToUnicode (or CMap encoding) stream maps: a `bfrange` of a few
    bytes maps every code from its first to its last."""
    entries = 256
    for key in ("/ToUnicode", "/Encoding"):
        stream = _resolve(font.get(key))
        if not isinstance(stream, StreamObject):
            continue
        for _kind, shape, body in _CMAP_SECTION.findall(stream.get_data()):
            if shape == b"char":
                entries += len(_CMAP_CODE.findall(body))
                continue
            for low, high in _CMAP_RANGE.findall(body):
                entries += max(0, int(high, 16) - int(low, 16)) + 1
    return entries


def _resolve(obj: Any) -> Any:
    return obj.get_object() if obj is not None else None


_SHOW_TEXT = {b"Tj", b"TJ", b"'", b'"'}


def _shown_bytes(operands: Any) -> int:
    """Bytes of text a text-showing operator's operands hold (a TJ array holds strings
    and kerning numbers; Tj, ' and " end with their string)."""
    if not operands:
        return 0
    last = operands[-1]
    parts = last if isinstance(last, list) else [last]
    return sum(len(part) for part in parts if isinstance(part, str | bytes))


@dataclass(slots=True)
class Run:
    """The text one string operand shows: its start x, end x and baseline y in page
    space, and its font height."""

    x0: float
    x1: float
    y: float
    height: float
    text: str = ""


class _TextRuns:
    """The positioned text runs of a content stream, read with pypdf's public text
    extraction visitors.

    pypdf's plain mode decodes the text (fonts, encodings, ToUnicode maps) and reports it
    through `visitor_text`, but glues the strings of one line together; its
    `visitor_operand_before` reports each operator with the current transformation
    matrix (cm) and text matrix (tm), which do not move as glyphs are shown. So we give
    it the stream with every string in an operator of its own (a TJ array's strings
    each in a Tj, its kerning numbers in `_KERN`), each preceded by an identity `cm`,
    which makes pypdf report the text it holds so far: the text between two strings'
    operators is the first string's. Where a string starts is its text matrix's origin
    plus the advance of the strings shown since the last positioning operator, which we
    measure from the font's /Widths (or /W), as PDF viewers do."""

    def __init__(self, fonts: DictionaryObject) -> None:
        self.fonts = fonts
        self.metrics: dict[str, _FontMetrics] = {}
        self.runs: list[Run] = []
        self.current: Run | None = None
        self.font: _FontMetrics = _FontMetrics.fallback()
        self.size = 0.0
        self.char_space = 0.0
        self.word_space = 0.0
        self.scale = 1.0
        self.advance = 0.0  # text space advance since the text matrix last moved
        self.stack: list[tuple[_FontMetrics, float, float, float, float]] = []

    def read(self, page: PageObject, ops: list[tuple[Any, bytes]]) -> list[Run]:
        reader = PageObject(page.pdf)
        reader[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): self.fonts})
        stream = ContentStream(None, page.pdf)
        stream.operations = _split_strings(ops)
        reader[NameObject("/Contents")] = stream
        reader.extract_text(
            orientations=(0,), visitor_operand_before=self._operator, visitor_text=self._text
        )
        self._finish()
        return self.runs

    def _text(self, text: Any, *_: Any) -> None:
        if self.current is not None and isinstance(text, str):
            self.current.text += text

    def _finish(self) -> None:
        run, self.current = self.current, None
        if run is not None:
            run.text = run.text.replace("\n", " ").strip()
            if run.text:
                self.runs.append(run)

    def _operator(self, op: bytes, operands: Any, cm: list[float], tm: list[float]) -> None:
        if op == b"Tj":
            self._show(operands[0], cm, tm)
        elif op == _KERN:
            self.advance -= operands[0] / 1000 * self.size * self.scale
        elif op in _MOVES:
            self.advance = 0.0
        elif op == b"Tf" and len(operands) >= 2:
            self.font = self._metrics(operands[0])
            self.size = _number(operands[1], self.size)
        elif op == b"Tc" and operands:
            self.char_space = _number(operands[0], 0.0)
        elif op == b"Tw" and operands:
            self.word_space = _number(operands[0], 0.0)
        elif op == b"Tz" and operands:
            self.scale = _number(operands[0], 100.0) / 100
        elif op == b"q":
            self.stack.append((self.font, self.size, self.char_space, self.word_space, self.scale))
        elif op == b"Q" and self.stack:
            self.font, self.size, self.char_space, self.word_space, self.scale = self.stack.pop()

    def _show(self, string: Any, cm: list[float], tm: list[float]) -> None:
        self._finish()  # pypdf has reported the previous string by now (see the class)
        codes = string.original_bytes if isinstance(string, TextStringObject) else string
        if isinstance(codes, str):
            codes = codes.encode("latin-1", "replace")
        width = self.font.width(codes, self.size, self.char_space, self.word_space)
        start, self.advance = self.advance, self.advance + width * self.scale
        m = _mult(tm, cm)
        if m[3] <= 0 or abs(m[1]) > 1e-3 * abs(m[3]):
            return  # rotated or upside down: not part of the page's lines
        x0 = start * m[0] + m[4]
        height = self.size * (m[2] ** 2 + m[3] ** 2) ** 0.5
        self.current = Run(x0, x0 + width * self.scale * m[0], m[5], height)

    def _metrics(self, name: Any) -> _FontMetrics:
        if name not in self.metrics:
            font = _resolve(self.fonts.get(name))
            self.metrics[name] = (
                _FontMetrics.of(font)
                if isinstance(font, DictionaryObject)
                else _FontMetrics.fallback()
            )
        return self.metrics[name]


_KERN = b"jobagent:kern"  # a TJ array's number, an operator pypdf does not know and skips
_MOVES = {b"BT", b"Td", b"TD", b"Tm", b"T*"}
_FLUSH: list[Any] = [1, 0, 0, 1, 0, 0]  # an identity cm: pypdf reports its text so far


def _split_strings(ops: list[tuple[Any, bytes]]) -> list[tuple[Any, bytes]]:
    """`ops` with every string shown in a Tj of its own, after an identity cm; ' and "
    as the operators they stand for; without form XObjects (Do), which the lines of a
    page never held."""
    out: list[tuple[Any, bytes]] = []
    for operands, op in ops:
        if op == b"Do":
            continue
        if op in (b"'", b'"'):
            if op == b'"' and len(operands) >= 3:
                out += [([operands[0]], b"Tw"), ([operands[1]], b"Tc")]
            out.append(([], b"T*"))
            op, operands = b"Tj", operands[-1:]
        if op == b"Tj":
            if operands and isinstance(operands[0], str | bytes):
                out += [(_FLUSH, b"cm"), ([operands[0]], b"Tj")]
        elif op == b"TJ":
            for part in operands[0] if operands and isinstance(operands[0], ArrayObject) else []:
                if isinstance(part, NameObject):
                    continue
                if isinstance(part, str | bytes):
                    out += [(_FLUSH, b"cm"), ([part], b"Tj")]
                elif isinstance(part, int | float):
                    out.append(([float(part)], _KERN))
        else:
            out.append((operands, op))
    out.append((_FLUSH, b"cm"))
    return out


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def _number(value: Any, default: float) -> float:
    return float(value) if isinstance(value, int | float) else default


# Helvetica's widths (Adobe's AFM, per mille of the font size) of the ASCII codes 32-126:
# the fallback for a font without /Widths (one of the standard 14, not embedded).
_HELVETICA = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]  # fmt: skip


@dataclass(slots=True)
class _FontMetrics:
    """Glyph widths (per mille of the font size) by character code, from a font's
    /FirstChar and /Widths, or a composite font's /W and /DW (two-byte codes)."""

    widths: dict[int, float]
    default: float
    two_byte: bool = False
    ranges: list[tuple[int, int, float]] = field(default_factory=list)

    @classmethod
    def fallback(cls, name: str = "") -> _FontMetrics:
        if "Courier" in name:
            return cls({}, 600.0)
        bold = 1.05 if "Bold" in name or "Black" in name else 1.0
        return cls({32 + i: w * bold for i, w in enumerate(_HELVETICA)}, 556.0 * bold)

    @classmethod
    def of(cls, font: DictionaryObject) -> _FontMetrics:
        if font.get("/Subtype") == "/Type0":
            return cls._composite(font)
        widths = _resolve(font.get("/Widths"))
        if not isinstance(widths, list) or font.get("/Subtype") == "/Type3":
            return cls.fallback(str(font.get("/BaseFont", "")))
        first = _number(_resolve(font.get("/FirstChar")), 0.0)
        descriptor = _resolve(font.get("/FontDescriptor"))
        missing = 0.0
        if isinstance(descriptor, DictionaryObject):
            missing = _number(_resolve(descriptor.get("/MissingWidth")), 0.0)
        return cls(
            {int(first) + i: _number(_resolve(w), missing) for i, w in enumerate(widths)},
            missing or 500.0,
        )

    @classmethod
    def _composite(cls, font: DictionaryObject) -> _FontMetrics:
        descendants = _resolve(font.get("/DescendantFonts"))
        cid_font = _resolve(descendants[0]) if isinstance(descendants, list) else None
        if not isinstance(cid_font, DictionaryObject):
            return cls({}, 1000.0, two_byte=True)
        metrics = cls({}, _number(_resolve(cid_font.get("/DW")), 1000.0), two_byte=True)
        spec = _resolve(cid_font.get("/W"))
        items = [_resolve(item) for item in spec] if isinstance(spec, list) else []
        i = 0
        while i + 1 < len(items):  # c [w1 w2 ...] or c_first c_last w
            first, second = items[i], items[i + 1]
            if isinstance(second, list):
                for k, w in enumerate(second):
                    metrics.widths[int(_number(first, 0)) + k] = _number(_resolve(w), 0.0)
                i += 2
            elif i + 2 < len(items):
                low, high = int(_number(first, 0)), int(_number(second, -1))
                metrics.ranges.append((low, high, _number(items[i + 2], metrics.default)))
                i += 3
            else:
                break
        return metrics

    def width(self, codes: bytes, size: float, char_space: float, word_space: float) -> float:
        """The advance, in unscaled text space, of showing `codes`."""
        if self.two_byte:
            glyphs = [codes[i] << 8 | codes[i + 1] for i in range(0, len(codes) - 1, 2)]
        else:
            glyphs = list(codes)
        total = 0.0
        for code in glyphs:
            total += self._glyph(code) / 1000 * size + char_space
            if code == 32 and not self.two_byte:
                total += word_space
        return total

    def _glyph(self, code: int) -> float:
        width = self.widths.get(code)
        if width is not None:
            return width
        for low, high, w in self.ranges:
            if low <= code <= high:
                return w
        return self.default
