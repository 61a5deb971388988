"""Letters and CVs as Word documents (python-docx, A4)."""

from __future__ import annotations

import io
import re

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from jobagent_core.fabrication.layout import (
    certificate_text,
    heading_text,
    language_text,
    letter_date,
    period_text,
)
from jobagent_core.fabrication.schemas import CoverLetter, CvExperience, TailoredCv
from jobagent_core.fabrication.templates import phrases_for

FONT = "Calibri"  # in Word everywhere; LibreOffice substitutes the metric-compatible Carlito
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
MUTED = RGBColor(0x55, 0x55, 0x55)
_LOCALES = {
    "en": "en-GB",
    "de": "de-DE",
    "fr": "fr-FR",
    "es": "es-ES",
    "it": "it-IT",
    "nl": "nl-NL",
}


_LOCALE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# Characters XML 1.0 cannot hold (python-docx refuses them): text typed or generated
# with them still renders, without them.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def render_docx(doc: CoverLetter | TailoredCv) -> bytes:
    """The letter or CV as a .docx file."""
    document = _new_document(doc.language)
    if isinstance(doc, CoverLetter):
        document.core_properties.title = _xml_text(doc.subject) or "Cover letter"
        document.core_properties.author = _xml_text(doc.signature)
        _letter(document, doc)
    else:
        document.core_properties.title = _xml_text(f"{doc.name} — CV")
        document.core_properties.author = _xml_text(doc.name)
        _cv(document, doc)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _new_document(language: str) -> Document:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.3)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(0)
    # The document's language, so Word's spelling check and hyphenation use the right one.
    locale = _LOCALES.get(language) or (language if _LOCALE.fullmatch(language) else "en-GB")
    rpr = normal.element.get_or_add_rPr()
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{locale}"/>'))
    document.core_properties.language = locale
    return document


def _para(
    document: Document,
    text: str = "",
    *,
    bold: bool = False,
    size: float | None = None,
    color: RGBColor | None = None,
    after: float = 0,
    before: float = 0,
    align: WD_ALIGN_PARAGRAPH | None = None,
    style: str | None = None,
) -> Paragraph:
    paragraph = document.add_paragraph(style=style)
    text = _xml_text(text)
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color
    fmt = paragraph.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _letter(document: Document, letter: CoverLetter) -> None:
    if letter.sender:
        _para(document, letter.sender[0], bold=True, size=13, after=2)
        for line in letter.sender[1:]:
            _para(document, line, size=9.5, color=MUTED)
    _para(document, letter_date(letter), before=14, after=10, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for line in letter.recipient:
        _para(document, line)
    _para(document, letter.subject, bold=True, before=18, after=14)
    _para(document, letter.greeting, after=8)
    for text in letter.paragraphs:
        _para(document, text, after=8, align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(document, letter.closing, before=4, after=22)
    _para(document, letter.signature)


def _heading(document: Document, title: str) -> None:
    paragraph = _para(document, title, bold=True, size=12, color=ACCENT, before=12, after=4)
    paragraph.paragraph_format.keep_with_next = True
    # A thin rule under the heading, as in the PDF.
    border = (
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" '
        f'w:color="{ACCENT}"/></w:pBdr>'
    )
    paragraph._p.get_or_add_pPr().append(parse_xml(border))


def _cv(document: Document, cv: TailoredCv) -> None:
    headings = phrases_for(cv.language).cv
    _para(document, cv.name, bold=True, size=22, color=ACCENT, after=2)
    if cv.headline:
        _para(document, cv.headline, size=12.5, after=2)
    if cv.contact:
        _para(document, " · ".join(cv.contact), size=9.5, color=MUTED)
    if cv.summary:
        _heading(document, headings.summary)
        _para(document, cv.summary, after=4)
    if cv.experience:
        _heading(document, headings.experience)
        for job in cv.experience:
            _job(document, job, headings.present)
    if cv.education:
        _heading(document, headings.education)
        for edu in cv.education:
            head = _para(document, heading_text(edu.degree, edu.institution), bold=True, before=4)
            head.paragraph_format.keep_with_next = True
            period = period_text(edu.start, edu.end, current=False, present="")
            if period:
                _para(document, period, size=9.5, color=MUTED)
    if cv.certifications:
        _heading(document, headings.certifications)
        for cert in cv.certifications:
            _para(document, certificate_text(cert.name, cert.issuer, cert.date))
    if cv.skills:
        _heading(document, headings.skills)
        _para(document, " · ".join(cv.skills))
    if cv.languages:
        _heading(document, headings.languages)
        text = " · ".join(language_text(lang.language, lang.level) for lang in cv.languages)
        _para(document, text)


def _job(document: Document, job: CvExperience, present: str) -> None:
    head = _para(document, heading_text(job.title, job.employer), bold=True, before=6)
    head.paragraph_format.keep_with_next = True
    meta = [period_text(job.start, job.end, current=job.current, present=present)]
    meta.append(job.location or "")
    if any(meta):
        line = _para(document, " · ".join(m for m in meta if m), size=9.5, color=MUTED, after=2)
        line.paragraph_format.keep_with_next = bool(job.bullets)
    for bullet in job.bullets:
        _para(document, bullet, style="List Bullet", after=1)
