"""Letters and CVs as PDF (reportlab, A4, an embedded Unicode font)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    ListFlowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from jobagent_core.fabrication.fonts import BOLD, REGULAR, register_fonts
from jobagent_core.fabrication.layout import (
    certificate_text,
    heading_text,
    language_text,
    letter_date,
    period_text,
)
from jobagent_core.fabrication.schemas import CoverLetter, CvExperience, TailoredCv
from jobagent_core.fabrication.templates import phrases_for

ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#555555")


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10.5, leading=15, spaceAfter=8)
    small = ParagraphStyle("small", body, fontSize=9.5, leading=12.5, spaceAfter=0, textColor=MUTED)
    return {
        "body": body,
        "small": small,
        "sender": ParagraphStyle(
            "sender", body, fontName=BOLD, fontSize=13, leading=17, spaceAfter=2
        ),
        "date": ParagraphStyle("date", body, alignment=TA_RIGHT, spaceBefore=10),
        "address": ParagraphStyle("address", body, spaceAfter=0),
        "subject": ParagraphStyle("subject", body, fontName=BOLD, spaceBefore=14, spaceAfter=12),
        "name": ParagraphStyle(
            "name", body, fontName=BOLD, fontSize=22, leading=27, spaceAfter=2, textColor=ACCENT
        ),
        "headline": ParagraphStyle("headline", body, fontSize=12.5, leading=16, spaceAfter=3),
        "heading": ParagraphStyle(
            "heading",
            body,
            fontName=BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=12,
            spaceAfter=2,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        # keepWithNext: a job's or degree's heading never ends a page alone.
        "job": ParagraphStyle(
            "job", body, fontName=BOLD, spaceBefore=6, spaceAfter=0, keepWithNext=1
        ),
        "meta": ParagraphStyle("meta", small, keepWithNext=1),
        "bullet": ParagraphStyle("bullet", body, spaceAfter=2),
    }


def render_pdf(doc: CoverLetter | TailoredCv) -> bytes:
    """The letter or CV as a PDF document."""
    styles = _styles()
    out = io.BytesIO()
    if isinstance(doc, CoverLetter):
        title, author = doc.subject or "Cover letter", doc.signature
        story = _letter(doc, styles)
        side, top = 25 * mm, 22 * mm
    else:
        title, author = f"{doc.name} — CV", doc.name
        story = _cv(doc, styles)
        side, top = 20 * mm, 18 * mm
    pdf = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=side,
        rightMargin=side,
        topMargin=top,
        bottomMargin=20 * mm,
        title=title,
        author=author,
        creator="Job Agent",
        invariant=True,  # same input, same bytes
    )
    pdf.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return out.getvalue()


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _letter(letter: CoverLetter, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    if letter.sender:
        story.append(_p(letter.sender[0], s["sender"]))
        story += [_p(line, s["small"]) for line in letter.sender[1:]]
    story.append(_p(letter_date(letter), s["date"]))
    story += [_p(line, s["address"]) for line in letter.recipient]
    story.append(_p(letter.subject, s["subject"]) if letter.subject else Spacer(1, 14))
    story.append(_p(letter.greeting, s["body"]))
    story += [_p(paragraph, s["body"]) for paragraph in letter.paragraphs]
    story += [Spacer(1, 4), _p(letter.closing, s["body"]), Spacer(1, 16)]
    story.append(_p(letter.signature, s["body"]))
    return story


def _cv(cv: TailoredCv, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    headings = phrases_for(cv.language).cv
    story: list[Flowable] = [_p(cv.name, s["name"])]
    if cv.headline:
        story.append(_p(cv.headline, s["headline"]))
    if cv.contact:
        story.append(_p(" · ".join(cv.contact), s["small"]))

    def section(title: str) -> list[Flowable]:
        rule = HRFlowable(width="100%", thickness=0.6, color=ACCENT, spaceBefore=0, spaceAfter=4)
        rule.keepWithNext = 1  # a heading never ends a page without its first lines
        return [_p(title, s["heading"]), rule]

    if cv.summary:
        story += [*section(headings.summary), _p(cv.summary, s["body"])]
    if cv.experience:
        story += section(headings.experience)
        for job in cv.experience:
            story += _job(job, headings.present, s)
    if cv.education:
        story += section(headings.education)
        for edu in cv.education:
            period = period_text(edu.start, edu.end, current=False, present="")
            story.append(_p(heading_text(edu.degree, edu.institution), s["job"]))
            if period:
                story.append(_p(period, s["small"]))
    if cv.certifications:
        story += section(headings.certifications)
        for cert in cv.certifications:
            story.append(_p(certificate_text(cert.name, cert.issuer, cert.date), s["body"]))
    if cv.skills:
        story += [*section(headings.skills), _p(" · ".join(cv.skills), s["body"])]
    if cv.languages:
        text = " · ".join(language_text(lang.language, lang.level) for lang in cv.languages)
        story += [*section(headings.languages), _p(text, s["body"])]
    return story


def _job(job: CvExperience, present: str, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    meta = [period_text(job.start, job.end, current=job.current, present=present)]
    meta.append(job.location or "")
    parts: list[Flowable] = [_p(heading_text(job.title, job.employer), s["job"])]
    if any(meta):
        parts.append(_p(" · ".join(m for m in meta if m), s["meta"]))
    if job.bullets:
        bullets = [_p(b, s["bullet"]) for b in job.bullets]
        parts.append(
            ListFlowable(
                bullets,
                bulletType="bullet",
                start="\u2022",
                bulletFontName=REGULAR,
                leftIndent=12,
                spaceBefore=3,
            )
        )
    return parts


def _footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    if doc.page < 2:
        return
    canvas.saveState()
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(A4[0] - doc.rightMargin, 12 * mm, str(doc.page))
    canvas.restoreState()
