"""Letters and CVs as Markdown (stored on the artifact, shown and edited in the app)."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from jobagent_core.fabrication.layout import (
    certificate_text,
    heading_text,
    language_text,
    letter_date,
    period_text,
)
from jobagent_core.fabrication.schemas import CoverLetter, CvExperience, TailoredCv
from jobagent_core.fabrication.templates import phrases_for

# Characters that would turn into markup; a leading "#", "-", "+", ">" or "1." too.
_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+)(?=[\s.)]|$)", re.MULTILINE)
NOTES_HEADING = "Notes for you (not part of the CV):"
_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def escape(text: str) -> str:
    """`text` shown literally by any CommonMark renderer."""
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark = match.group(1), match.group(2)
    if mark.isdigit():  # "1." or "1)" opens a list: escape the punctuation after the digits
        after = match.string[match.end() : match.end() + 1]
        return indent + mark + ("\\" if after and after in ".)" else "")
    return indent + "\\" + mark


def render_markdown(doc: CoverLetter | TailoredCv) -> str:
    """The letter or CV as CommonMark text."""
    if isinstance(doc, CoverLetter):
        return _letter(doc)
    return _cv(doc)


def render_html(doc: CoverLetter | TailoredCv) -> str:
    """The Markdown rendered to an HTML fragment (raw HTML in the content is escaped)."""
    return str(_MD.render(render_markdown(doc)))


def _lines(lines: list[str]) -> str:
    # Two trailing spaces: a hard line break inside one paragraph.
    return "  \n".join(escape(line) for line in lines if line)


def _letter(letter: CoverLetter) -> str:
    blocks: list[str] = []
    if letter.sender:
        first, *rest = letter.sender
        blocks.append("  \n".join([f"**{escape(first)}**", *(escape(line) for line in rest)]))
    blocks.append(escape(letter_date(letter)))
    if letter.recipient:
        blocks.append(_lines(letter.recipient))
    if letter.subject:
        blocks.append(f"**{escape(letter.subject)}**")
    blocks.append(escape(letter.greeting))
    blocks.extend(escape(p) for p in letter.paragraphs)
    blocks.append(_lines([letter.closing, "", letter.signature]))
    return "\n\n".join(blocks) + "\n"


def _cv(cv: TailoredCv) -> str:
    headings = phrases_for(cv.language).cv
    blocks = [f"# {escape(cv.name)}"]
    if cv.headline:
        blocks.append(f"**{escape(cv.headline)}**")
    if cv.contact:
        blocks.append(" · ".join(escape(c) for c in cv.contact))
    if cv.summary:
        blocks += [f"## {headings.summary}", escape(cv.summary)]
    if cv.experience:
        blocks.append(f"## {headings.experience}")
        blocks += [_job(job, headings.present) for job in cv.experience]
    if cv.education:
        blocks.append(f"## {headings.education}")
        for edu in cv.education:
            period = period_text(edu.start, edu.end, current=False, present="")
            line = f"**{escape(edu.degree)}**"
            if edu.institution:
                line += f" — {escape(edu.institution)}"
            blocks.append(line + (f"  \n{escape(period)}" if period else ""))
    if cv.certifications:
        blocks.append(f"## {headings.certifications}")
        blocks.append(
            "\n".join(
                f"- {escape(certificate_text(c.name, c.issuer, c.date))}" for c in cv.certifications
            )
        )
    if cv.skills:
        blocks += [f"## {headings.skills}", " · ".join(escape(s) for s in cv.skills)]
    if cv.languages:
        blocks.append(f"## {headings.languages}")
        blocks.append(
            "\n".join(
                f"- {escape(language_text(lang.language, lang.level))}" for lang in cv.languages
            )
        )
    if cv.notes:
        # After a rule and plainly labelled: the Markdown is the person's working copy,
        # while the PDF and the Word file are what they send, so only this one has them.
        blocks += [
            "---",
            NOTES_HEADING,
            "\n".join(f"- {escape(note)}" for note in cv.notes),
        ]
    return "\n\n".join(blocks) + "\n"


def _job(job: CvExperience, present: str) -> str:
    head = f"### {escape(heading_text(job.title, job.employer))}"
    meta = [period_text(job.start, job.end, current=job.current, present=present)]
    meta.append(job.location or "")
    lines = [head]
    if any(meta):
        lines.append(escape(" · ".join(m for m in meta if m)))
    if job.bullets:
        lines.append("\n".join(f"- {escape(b)}" for b in job.bullets))
    return "\n\n".join(lines)
