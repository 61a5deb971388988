"""A cover letter edited as Markdown, read back into the `CoverLetter` it renders.

The editor shows the letter as `render_markdown` writes it: sender, date,
recipient, **subject**, greeting, paragraphs, closing and signature, one block
each. People edit freely, so reading it back is positional with anchors (a bold
first block is the sender, the letter's date or a date-shaped line is the date,
an all-bold block the subject) and never drops text: whatever a block does not
anchor becomes the next field in reading order, and the PDF shows every block in
the order written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from markdown_it import MarkdownIt
from markdown_it.token import Token

from jobagent_core.fabrication.layout import letter_date
from jobagent_core.fabrication.schemas import CoverLetter

MAX_LETTER_CHARS = 20_000
# A closing line ("Kind regards,") is short; a longer last block is a paragraph.
_MAX_CLOSING_CHARS = 120
_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d.%m.%Y", "%d/%m/%Y")


class LetterTextError(ValueError):
    """The edited letter cannot be used; `str(err)` says why, for the person."""


@dataclass
class Block:
    """One paragraph-like block of the Markdown: its lines as plain text."""

    lines: list[str]
    starts_bold: bool = False
    all_bold: bool = False

    @property
    def text(self) -> str:
        return " ".join(line for line in self.lines if line)


def blocks(markdown: str) -> list[Block]:
    """The Markdown's blocks (paragraphs, headings, list items, code) as plain text."""
    found: list[Block] = []
    for token in _MD.parse(markdown):
        if token.type == "inline":
            block = _inline_block(token.children or [])
        elif token.type in {"code_block", "fence"}:
            block = Block(lines=[line.strip() for line in token.content.splitlines()])
        else:
            continue
        block.lines = [" ".join(line.split()) for line in block.lines]
        while block.lines and not block.lines[-1]:
            block.lines.pop()
        while block.lines and not block.lines[0]:
            block.lines.pop(0)
        if block.lines:
            found.append(block)
    return found


def _inline_block(children: list[Token]) -> Block:
    lines = [""]
    depth = 0  # inside **strong**
    plain_outside_strong = False
    for child in children:
        if child.type == "strong_open":
            depth += 1
        elif child.type == "strong_close":
            depth = max(0, depth - 1)
        elif child.type in {"softbreak", "hardbreak"}:
            lines.append("")
        elif child.type in {"text", "text_special", "code_inline"}:
            lines[-1] += child.content
            if depth == 0 and child.content.strip():
                plain_outside_strong = True
        elif child.type == "image":
            lines[-1] += child.content
    shown = [c for c in children if c.type not in {"softbreak", "hardbreak"}]
    first = next((c for c in shown if c.content or c.nesting), None)
    starts_bold = first is not None and first.type == "strong_open"
    all_bold = starts_bold and not plain_outside_strong
    return Block(lines=lines, starts_bold=starts_bold, all_bold=all_bold)


def _parse_date(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def letter_from_markdown(markdown: str, template: CoverLetter) -> CoverLetter:
    """The letter `markdown` describes; fields it does not restate (the date, the
    language) come from `template`, the letter it was edited from.

    Raises `LetterTextError` when the text is empty or too long.
    """
    if len(markdown) > MAX_LETTER_CHARS:
        raise LetterTextError(
            f"The letter is too long ({len(markdown):,} characters); keep it under "
            f"{MAX_LETTER_CHARS:,}."
        )
    found = blocks(markdown)
    if not found:
        raise LetterTextError(
            "The letter is empty. Write something, or revert to the generated one."
        )
    i = 0

    # At least a greeting, a paragraph and a closing must remain after the header.
    def room(after: int) -> bool:
        return len(found) - after >= 3

    sender: list[str] = []
    first = found[0]
    # The sender block opens bold (the name); a single all-bold line is the subject.
    looks_like_sender = first.lines == template.sender or (
        first.starts_bold and not (first.all_bold and len(first.lines) == 1)
    )
    if looks_like_sender and room(1):
        sender, i = first.lines, 1
    day = template.date
    if i < len(found):
        if found[i].text == letter_date(template):
            i += 1
        elif (parsed := _parse_date(found[i].text)) is not None:
            day, i = parsed, i + 1
    recipient: list[str] = []
    if template.recipient and i < len(found) and not found[i].all_bold and room(i + 1):
        recipient, i = found[i].lines, i + 1
    subject = ""
    if i < len(found) and found[i].all_bold and room(i):
        subject, i = found[i].text, i + 1
    return _body(found[i:], template, sender=sender, recipient=recipient, subject=subject, day=day)


def _body(
    rest: list[Block],
    template: CoverLetter,
    *,
    sender: list[str],
    recipient: list[str],
    subject: str,
    day: date | None,
) -> CoverLetter:
    closing = signature = ""
    last = rest[-1] if len(rest) >= 2 else None
    if (
        last is not None
        and len(last.lines) >= 2
        and (last.lines[0] == template.closing or len(last.lines[0]) <= _MAX_CLOSING_CHARS)
    ):
        closing, signature = last.lines[0], " ".join(last.lines[1:])
        rest = rest[:-1]
    elif last is not None and (last.text == template.closing or len(last.text) <= 40):
        closing = last.text
        rest = rest[:-1]
    greeting = rest[0].text if len(rest) >= 2 else ""
    paragraphs = [b.text for b in (rest[1:] if len(rest) >= 2 else rest)]
    return CoverLetter(
        language=template.language,
        subject=subject,
        greeting=greeting,
        paragraphs=paragraphs or [""],
        closing=closing,
        signature=signature,
        claims_used=template.claims_used,
        sender=sender,
        recipient=recipient,
        date=day,
    )
