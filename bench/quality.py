"""Agent quality: profile fields, precision@10, traps, unsupported claims, letter language.

    .venv/bin/python bench/quality.py [--json] [--verbose] [--only CV_ID ...]

A labelled set, all offline and generated at run time from bench/quality_data/:

- cvs.yaml: 12 people of different professions (EN/DE/FR), each rendered as a PDF
  (reportlab: one column, two columns, dates in a left column) or a DOCX (python-docx:
  contact details in a table, in one line, or in the page header), with the expected
  profile fields (`truth`) and the search they run (title, location).
- postings_*.yaml: ~250 postings on Greenhouse, Lever and Ashby company boards,
  each labelled per CV as relevant / acceptable / trap (unlisted: irrelevant).

The run follows the job-search workflow (jobagent_core/workflows/job_search.py) with
its own functions, in its order, without a database or an LLM:

    read_document → extract_profile_from_documents → merge_profile (as saved)
    boards served in their exact JSON wire formats by a local HTTP server, read by the
    real connectors (build_source) → dedupe → apply_filters (search location)
    rank_postings (searched title first, MATCH_TOP_K) → screen (offline) → the
    matches by score, best first → top 10
    top 3: research_offline → write_cover_letter_offline + tailor_cv → fact_check

The boards ignore the query (Greenhouse, Lever and Ashby return the whole board), so
they are read once and every CV's search filters the same postings. Embeddings of the
postings are computed once and reused across searches, as the workflow stores them.

Prints figures and errors; exits 0 whether or not the targets are met.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import inspect
import io
import json
import re
import sys
import threading
import time
import unicodedata
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

import docx
import yaml
from docx.shared import Pt, RGBColor
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jobagent_core.discovery.dedupe import company_key, dedupe  # noqa: E402
from jobagent_core.discovery.filters import PostingFilters, apply_filters  # noqa: E402
from jobagent_core.discovery.http import HttpOptions, HttpPolicy  # noqa: E402
from jobagent_core.discovery.schema import PostingData  # noqa: E402
from jobagent_core.discovery.sources.base import SearchQuery  # noqa: E402
from jobagent_core.discovery.sources.registry import build_source  # noqa: E402
from jobagent_core.fabrication import (  # noqa: E402
    fact_check,
    tailor_cv,
    write_cover_letter_offline,
)
from jobagent_core.matching.embedder import load_sample_embeddings  # noqa: E402
from jobagent_core.matching.schemas import posting_key  # noqa: E402
from jobagent_core.matching.screening import screen  # noqa: E402
from jobagent_core.matching.stage1 import DEFAULT_TOP_K, rank_postings  # noqa: E402
from jobagent_core.profiling.documents import read_document  # noqa: E402
from jobagent_core.profiling.offline import extract_profile_from_documents  # noqa: E402
from jobagent_core.profiling.profile_store import merge_profile  # noqa: E402
from jobagent_core.profiling.schemas import Profile  # noqa: E402
from jobagent_core.research.offline import research_offline  # noqa: E402

DATA = Path(__file__).resolve().parent / "quality_data"
TOP_N = 10  # the matches a person sees first
WRITE_N = 3  # the matches that get a letter and a tailored CV here
LABELS = ("relevant", "acceptable", "irrelevant", "trap")
GAIN = {"relevant": 1.0, "acceptable": 0.5, "irrelevant": 0.0, "trap": 0.0}
MAX_POSTINGS_PER_SOURCE = 5000  # as the workflow asks each source

# The profile fields scored, in the order the issue lists them.
FIELDS = ("name", "email", "phone", "links", "location", "employers", "titles", "degrees",
          "institutions", "certificates", "skills", "languages")  # fmt: skip
SCALARS = ("name", "email", "phone", "location")

DEFINITIONS = {
    "fields": "profile fields right: items right / (right + wrong) over all CVs; a scalar "
    "is one item; in a list each expected item found is right, each missing or "
    "spurious item wrong (case/whitespace-insensitive)",
    "p10": "precision@10: sum of gains of the top 10 matches / 10 (relevant 1, acceptable "
    "½, irrelevant and trap 0, an empty slot 0); target for every CV",
    "traps": "traps in a top 10: postings labelled trap (same words, wrong profession, "
    "level or place) among the top 10 matches of any CV",
    "unsupported": "letters/CVs with a claim the CV does not support: documents for the "
    "top 3 matches where fact_check flags a claim, a number of years exceeds the CV's "
    "true years (ground-truth dates), or a skill is named that the CV does not state "
    "(ground truth: expected skills and skills_also_ok)",
    "language": "letter language = posting language: letters whose detected language "
    "(stop words, independent of the engine) is the posting's labelled language",
}
TARGETS = {
    "fields": "≥ 97 %",
    "p10": "≥ 0.90 every CV",
    "traps": "0",
    "unsupported": "0",
    "language": "all",
}


# =========================================================================== data


class DataError(Exception):
    """The labelled set is inconsistent: a bench bug, not an engine error."""


def load_cvs() -> tuple[dict[str, dict[str, str]], list[dict[str, Any]]]:
    data = yaml.safe_load((DATA / "cvs.yaml").read_text(encoding="utf-8"))
    cvs = data["cvs"]
    for cv in cvs:
        _check_cv(cv)
    ids = [cv["id"] for cv in cvs]
    if len(set(ids)) != len(ids):
        raise DataError("duplicate CV ids in cvs.yaml")
    return data["headings"], cvs


def _check_cv(cv: dict[str, Any]) -> None:
    """The truth's per-entry lists must list what the CV shows (one item per entry)."""
    truth = cv["truth"]
    shown = {
        "employers": [job["employer"] for job in cv["experience"]],
        "titles": [job["title"] for job in cv["experience"]],
        "degrees": [school["degree"] for school in cv["education"]],
        "institutions": [school["institution"] for school in cv["education"]],
        "certificates": list(cv.get("certificates", [])),
    }
    for name, items in shown.items():
        expected = [alternatives(item)[0] for item in truth.get(name, [])]
        if sorted(map(norm, expected)) != sorted(map(norm, items)):
            raise DataError(f"{cv['id']}: truth.{name} {expected} != the CV's {items}")
    for name in FIELDS:
        if name not in truth:
            raise DataError(f"{cv['id']}: truth.{name} missing")
        value = truth[name]
        items = [value] if name in SCALARS else value
        for item in items:
            if not all(isinstance(a, str) and a for a in alternatives(item)):
                raise DataError(f"{cv['id']}: truth.{name} has a bad item {item!r}")
    for job in cv["experience"]:
        for key in ("start", "end"):
            if not re.fullmatch(r"\d{4}-\d{2}|present", str(job[key])):
                raise DataError(f"{cv['id']}: {job['title']} {key} {job[key]!r}")


@dataclass(frozen=True)
class Job:
    key: str
    ats: str  # greenhouse | lever | ashby
    board: str  # the slug
    company: str
    department: str
    about: str
    title: str
    location: str
    lang: str
    days: int
    type: str
    workplace: str
    intro: str
    tasks: tuple[str, ...]
    needs: tuple[str, ...]
    labels: dict[str, str]

    @property
    def spec(self) -> str:
        return f"{self.ats}:{self.board}"


def load_jobs(cv_ids: Iterable[str]) -> list[Job]:
    known = set(cv_ids)
    jobs: list[Job] = []
    for path in sorted(DATA.glob("postings*.yaml")):
        for board in yaml.safe_load(path.read_text(encoding="utf-8"))["boards"]:
            ats, slug = board["board"].split(":", 1)
            if ats not in ("greenhouse", "lever", "ashby"):
                raise DataError(f"{path.name}: unknown board kind {ats}")
            for raw in board["jobs"]:
                labels = dict(raw.get("labels") or {})
                for cv_id, label in labels.items():
                    if cv_id not in known or label not in LABELS:
                        raise DataError(f"{raw['key']}: bad label {cv_id}: {label}")
                texts = [raw["title"], raw["intro"], *raw["tasks"], *raw["needs"]]
                if not all(isinstance(t, str) for t in texts):
                    raise DataError(f"{raw['key']}: a text is not a string (quote it)")
                if raw["lang"] not in _SECTION_HEADINGS:
                    raise DataError(f"{raw['key']}: no section headings for {raw['lang']}")
                if raw.get("workplace", "onsite") not in ("onsite", "hybrid", "remote"):
                    raise DataError(f"{raw['key']}: workplace {raw['workplace']!r}")
                if raw.get("type", "Full-time") not in _EMPLOYMENT_ASHBY:
                    raise DataError(f"{raw['key']}: type {raw['type']!r}")
                jobs.append(
                    Job(
                        key=raw["key"],
                        ats=ats,
                        board=slug,
                        company=board["company"],
                        department=board.get("department", ""),
                        about=" ".join(board.get("about", "").split()),
                        title=raw["title"],
                        location=raw["location"],
                        lang=raw["lang"],
                        days=int(raw["days"]),
                        type=raw.get("type", "Full-time"),
                        workplace=raw.get("workplace", "onsite"),
                        intro=raw["intro"],
                        tasks=tuple(raw["tasks"]),
                        needs=tuple(raw["needs"]),
                        labels=labels,
                    )
                )
    keys = [job.key for job in jobs]
    if len(set(keys)) != len(keys):
        raise DataError("duplicate posting keys")
    return jobs


# =========================================================================== CV rendering

FONT, FONT_BOLD = "QualityBenchSans", "QualityBenchSans-Bold"
_fonts_registered = False


def _register_fonts() -> None:
    """Source Sans Pro (a Unicode TTF shipped as a Python package) for every name."""
    global _fonts_registered
    if _fonts_registered:
        return
    folder = resources.files("font_source_sans_pro") / "files"
    for name, file in ((FONT, "SourceSansPro-Regular.ttf"), (FONT_BOLD, "SourceSansPro-Bold.ttf")):
        with resources.as_file(folder / file) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    _fonts_registered = True


def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5)
    return {
        "body": base,
        "name": ParagraphStyle("name", base, fontName=FONT_BOLD, fontSize=21, leading=25),
        "headline": ParagraphStyle("headline", base, fontSize=11.5, leading=15),
        "section": ParagraphStyle(
            "section",
            base,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
            textColor=colors.HexColor("#24527a"),
        ),
        "job": ParagraphStyle("job", base, fontName=FONT_BOLD, spaceBefore=4),
        "right": ParagraphStyle("right", base, alignment=TA_RIGHT),
        "bullet": ParagraphStyle("bullet", base, leftIndent=10, bulletIndent=2),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=11),
    }


def _p(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    return Paragraph(escape(text), style, bulletText=bullet)


def _short_url(url: str) -> str:
    return re.sub(r"^https?://(?:www\.)?", "", url).rstrip("/")


def _contact_items(cv: dict[str, Any]) -> list[str]:
    """Location first and unlabelled ("Leeds, UK"), then e-mail, phone, links."""
    items = [cv["location"], cv["email"], cv["phone"]]
    return items + [_short_url(link["url"]) for link in cv.get("links", [])]


def _job_line(job: dict[str, Any]) -> str:
    return f"{job['title']} — {job['employer']}, {job['place']}"


def _school_lines(school: dict[str, Any]) -> list[str]:
    """A degree as the layout style shows it: "M.Sc. X — University of Y" (dash),
    degree then "Institution, dates" (stacked), or one comma-separated line."""
    style = school.get("style", "dash")
    if style == "stacked":
        return [school["degree"], f"{school['institution']}, {school['dates']}"]
    if style == "comma":
        return [f"{school['degree']}, {school['institution']}, {school['dates']}"]
    return [f"{school['degree']} — {school['institution']}", school["dates"]]


def _pdf_classic(cv: dict[str, Any], h: dict[str, str], buffer: io.BytesIO) -> None:
    """One column: name, headline, an unlabelled contact line, dates right-aligned."""
    st = _styles()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=cv["name"],
    )
    width = doc.width
    grid = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    story: list[Flowable] = [_p(cv["name"], st["name"]), _p(cv["headline"], st["headline"])]
    story.append(_p("  ·  ".join(_contact_items(cv)), st["small"]))
    story += [_p(h["summary"], st["section"]), _p(" ".join(cv["summary"].split()), st["body"])]
    story.append(_p(h["experience"], st["section"]))
    for job in cv["experience"]:
        row = [_p(_job_line(job), st["job"]), _p(job["dates"], st["right"])]
        story.append(Table([row], colWidths=[width * 0.72, width * 0.28], style=grid))
        story += [_p(b, st["bullet"], bullet="•") for b in job["bullets"]]
    story.append(_p(h["education"], st["section"]))
    for school in cv["education"]:
        lines = _school_lines(school)
        story.append(_p(lines[0], st["job"]))
        story += [_p(line, st["body"]) for line in lines[1:]]
    if cv.get("certificates"):
        story.append(_p(h["certificates"], st["section"]))
        story += [_p(c, st["bullet"], bullet="•") for c in cv["certificates"]]
    story += [_p(h["skills"], st["section"]), _p(" · ".join(cv["skills"]), st["body"])]
    story += [_p(h["languages"], st["section"]), _p(", ".join(cv["languages"]), st["body"])]
    doc.build(story)


def _pdf_two_column(cv: dict[str, Any], h: dict[str, str], buffer: io.BytesIO) -> None:
    """A name band over a shaded sidebar (contact, skills, languages, certificates) and
    a main column (profile, experience, education) that flows onto page 2."""
    st = _styles()
    page_w, page_h = A4
    margin, gap, band_h = 14 * mm, 7 * mm, 30 * mm
    side_w = 58 * mm
    main_x = margin + side_w + gap
    main_w = page_w - main_x - margin
    body_h = page_h - 2 * margin - band_h

    def shade(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#eef2f6"))
        canvas.rect(0, 0, margin + side_w + gap / 2, page_h - band_h - margin, stroke=0, fill=1)
        canvas.restoreState()

    first = PageTemplate(
        id="first",
        frames=[
            Frame(margin, page_h - margin - band_h, page_w - 2 * margin, band_h, id="band"),
            Frame(margin, margin, side_w, body_h, id="side"),
            Frame(main_x, margin, main_w, body_h, id="main"),
        ],
        onPage=shade,
    )
    later = PageTemplate(
        id="later", frames=[Frame(main_x, margin, main_w, page_h - 2 * margin, id="rest")]
    )
    doc = BaseDocTemplate(buffer, pagesize=A4, pageTemplates=[first, later], title=cv["name"])
    side = ParagraphStyle("side", st["small"], fontSize=8.5, leading=11)
    story: list[Flowable] = [
        NextPageTemplate("later"),
        _p(cv["name"], st["name"]),
        _p(cv["headline"], st["headline"]),
        FrameBreak(),
        _p(h["contact"], st["section"]),
        *[_p(item, side) for item in _contact_items(cv)],
        _p(h["skills"], st["section"]),
        *[_p(s, side, bullet="•") for s in cv["skills"]],
        _p(h["languages"], st["section"]),
        *[_p(lang, side) for lang in cv["languages"]],
    ]
    if cv.get("certificates"):
        story += [_p(h["certificates"], st["section"])]
        story += [_p(c, side, bullet="•") for c in cv["certificates"]]
    story.append(FrameBreak())
    story += [_p(h["summary"], st["section"]), _p(" ".join(cv["summary"].split()), st["body"])]
    story.append(_p(h["experience"], st["section"]))
    for job in cv["experience"]:
        story.append(_p(job["title"], st["job"]))
        story.append(_p(f"{job['employer']} · {job['place']} · {job['dates']}", st["small"]))
        story += [_p(b, st["bullet"], bullet="•") for b in job["bullets"]]
    story.append(_p(h["education"], st["section"]))
    for school in cv["education"]:
        lines = _school_lines(school)
        story.append(_p(lines[0], st["job"]))
        story += [_p(line, st["small"]) for line in lines[1:]]
    doc.build(story)


def _pdf_dates_left(cv: dict[str, Any], h: dict[str, str], buffer: io.BytesIO) -> None:
    """The Lebenslauf look: dates in a narrow left column, entries beside them."""
    st = _styles()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, title=cv["name"]
    )
    date_w = 36 * mm
    grid = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    story: list[Flowable] = [_p(cv["name"], st["name"]), _p(cv["headline"], st["headline"])]
    story += [_p(" | ".join(_contact_items(cv)), st["small"]), Spacer(1, 4)]
    story += [_p(h["summary"], st["section"]), _p(" ".join(cv["summary"].split()), st["body"])]
    story.append(_p(h["experience"], st["section"]))
    for job in cv["experience"]:
        entry: list[Flowable] = [_p(_job_line(job), st["job"])]
        entry += [_p(b, st["bullet"], bullet="•") for b in job["bullets"]]
        row = [_p(job["dates"], st["small"]), entry]
        story.append(Table([row], colWidths=[date_w, doc.width - date_w], style=grid))
    story.append(_p(h["education"], st["section"]))
    for school in cv["education"]:
        text = f"{school['degree']} — {school['institution']}"
        row = [_p(school["dates"], st["small"]), _p(text, st["body"])]
        story.append(Table([row], colWidths=[date_w, doc.width - date_w], style=grid))
    if cv.get("certificates"):
        story.append(_p(h["certificates"], st["section"]))
        story += [_p(c, st["bullet"], bullet="•") for c in cv["certificates"]]
    story += [_p(h["skills"], st["section"]), _p(", ".join(cv["skills"]), st["body"])]
    story += [_p(h["languages"], st["section"])]
    story += [_p(lang, st["bullet"], bullet="•") for lang in cv["languages"]]
    doc.build(story)


def _docx_sections(document: Any, cv: dict[str, Any], h: dict[str, str], job_sep: str) -> None:
    document.add_heading(h["summary"], level=1)
    document.add_paragraph(" ".join(cv["summary"].split()))
    document.add_heading(h["experience"], level=1)
    for job in cv["experience"]:
        heading = document.add_paragraph()
        heading.add_run(job["title"]).bold = True
        heading.add_run(f"{job_sep}{job['employer']}{job_sep}{job['place']}")
        dates = document.add_paragraph(job["dates"])
        dates.runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        for bullet in job["bullets"]:
            document.add_paragraph(bullet, style="List Bullet")
    document.add_heading(h["education"], level=1)
    for school in cv["education"]:
        lines = _school_lines(school)
        document.add_paragraph().add_run(lines[0]).bold = True
        for line in lines[1:]:
            document.add_paragraph(line)
    if cv.get("certificates"):
        document.add_heading(h["certificates"], level=1)
        for cert in cv["certificates"]:
            document.add_paragraph(cert, style="List Bullet")
    document.add_heading(h["skills"], level=1)
    document.add_paragraph(", ".join(cv["skills"]))
    document.add_heading(h["languages"], level=1)
    for lang in cv["languages"]:
        document.add_paragraph(lang)


def _docx(cv: dict[str, Any], h: dict[str, str], layout: str) -> bytes:
    """contact_table: contact details in a labelled two-column table (the address
    row holds a street address); plain: one contact line under the headline;
    page_header: the contact details only in the page header."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10.5)
    header = document.sections[0].header.paragraphs[0]
    if layout == "page_header":
        header.text = f"{cv['name']}  ·  " + "  ·  ".join(_contact_items(cv))
    document.add_paragraph(style="Title").add_run(cv["name"])
    document.add_paragraph(cv["headline"], style="Subtitle")
    if layout == "contact_table":
        rows = [(h["email"], cv["email"]), (h["phone"], cv["phone"])]
        rows.append((h["address"], cv.get("address", cv["location"])))
        rows += [(link["label"], link["url"]) for link in cv.get("links", [])]
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].text = label
            cells[1].text = value
        job_sep = " | "
    elif layout == "plain":
        document.add_paragraph(" | ".join(_contact_items(cv)))
        job_sep = ", "
    else:
        job_sep = " · "
    _docx_sections(document, cv, h, job_sep)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_cv(cv: dict[str, Any], headings: dict[str, dict[str, str]]) -> tuple[str, bytes]:
    """(file name, bytes) of the CV in its format and layout."""
    h = headings[cv["lang"]]
    plain = fold(cv["name"]).translate(str.maketrans({"ł": "l", "ß": "ss", "ø": "o", "đ": "d"}))
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    if cv["file"] == "docx":
        return f"{slug}-cv.docx", _docx(cv, h, cv["layout"])
    buffer = io.BytesIO()
    layouts = {
        "classic": _pdf_classic,
        "two_column": _pdf_two_column,
        "dates_left": _pdf_dates_left,
    }
    layouts[cv["layout"]](cv, h, buffer)
    return f"{slug}-cv.pdf", buffer.getvalue()


# =========================================================================== boards

_SECTION_HEADINGS = {
    "en": (
        "About {company}",
        "What you'll do",
        "What you bring",
        "We welcome applications from everyone.",
    ),
    "de": ("Über {company}", "Ihre Aufgaben", "Ihr Profil", "Wir freuen uns auf Ihre Bewerbung."),
    "fr": (
        "À propos de {company}",
        "Vos missions",
        "Votre profil",
        "Nous attendons votre candidature.",
    ),
}
_COUNTRIES = (
    ("GB", "United Kingdom", ("uk", "united kingdom", "leeds", "london", "glasgow", "manchester")),
    ("IE", "Ireland", ("ireland", "dublin", "cork")),
    (
        "DE",
        "Germany",
        (
            "germany",
            "deutschland",
            "hamburg",
            "berlin",
            "frankfurt",
            "leipzig",
            "münchen",
            "eschborn",
            "schkeuditz",
        ),
    ),
    ("AT", "Austria", ("austria", "österreich", "wien", "salzburg")),
    ("FR", "France", ("france", "lyon", "toulouse", "bordeaux", "paris", "villeurbanne")),
    ("US", "United States", ("united states", "new york")),
)
_EMPLOYMENT_ASHBY = {
    "Full-time": "FullTime",
    "Part-time": "PartTime",
    "Contract": "Contract",
    "Intern": "Intern",
}


def _country(location: str) -> tuple[str, str] | None:
    folded = location.lower()
    for code, name, words in _COUNTRIES:
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", folded) for w in words):
            return code, name
    return None


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


def _greenhouse_id(key: str) -> int:
    return 4_000_000_000 + int.from_bytes(_digest(key)[:4], "big") % 900_000_000


def _uuid(key: str) -> str:
    return str(uuid.UUID(bytes=_digest(key)[:16], version=4))


def _posted(job: Job, now: datetime) -> datetime:
    day = (now - timedelta(days=job.days)).replace(hour=9, minute=0, second=0, microsecond=0)
    return day + timedelta(minutes=int.from_bytes(_digest(job.key)[:2], "big") % 480)


def _list_html(items: Sequence[str], *, wrap_p: bool = False) -> str:
    if wrap_p:
        return "".join(f"<li><p>{html.escape(i)}</p></li>" for i in items)
    return "".join(f"<li>{html.escape(i)}</li>" for i in items)


def _greenhouse_job(job: Job, now: datetime) -> dict[str, Any]:
    about_h, tasks_h, needs_h, _ = _SECTION_HEADINGS[job.lang]
    content = (
        f'<div class="content-intro"><p><strong>{html.escape(about_h.format(company=job.company))}'
        f"</strong></p><p>{html.escape(job.about)}</p></div>"
        f"<p>{html.escape(job.intro)}</p>"
        f"<h3>{html.escape(tasks_h)}</h3><ul>{_list_html(job.tasks)}</ul>"
        f"<h3>{html.escape(needs_h)}</h3><ul>{_list_html(job.needs)}</ul>"
    )
    gid = _greenhouse_id(job.key)
    posted = _posted(job, now).astimezone(UTC).isoformat(timespec="seconds")
    city = job.location.split(",")[0].strip()
    return {
        "absolute_url": f"https://boards.greenhouse.io/{job.board}/jobs/{gid}",
        "data_compliance": [
            {
                "type": "gdpr",
                "requires_consent": False,
                "requires_processing_consent": False,
                "requires_retention_consent": False,
                "retention_period": None,
            }
        ],
        "internal_job_id": gid - 600_000_000,
        "location": {"name": job.location},
        "metadata": [
            {
                "id": 11223344,
                "name": "Employment Type",
                "value": job.type,
                "value_type": "single_select",
            }
        ],
        "id": gid,
        "updated_at": posted,
        "requisition_id": f"REQ-{gid % 10000:04d}",
        "title": job.title,
        "company_name": job.company,
        "first_published": posted,
        "language": job.lang,
        # Greenhouse sends the description HTML-escaped once more.
        "content": html.escape(content),
        "departments": [
            {"id": 4011001, "name": job.department, "child_ids": [], "parent_id": None}
        ],
        "offices": [
            {
                "id": 4022001,
                "name": city,
                "location": job.location,
                "child_ids": [],
                "parent_id": None,
            }
        ],
    }


def _lever_posting(job: Job, now: datetime) -> dict[str, Any]:
    about_h, tasks_h, needs_h, closing = _SECTION_HEADINGS[job.lang]
    about = about_h.format(company=job.company)
    description = (
        f"<div><b>{html.escape(about)}</b></div><div>{html.escape(job.about)}</div>"
        f"<div><br></div><div>{html.escape(job.intro)}</div>"
    )
    plain = f"{about}\n{job.about}\n\n{job.intro}\n"
    pid = _uuid(job.key)
    hosted = f"https://jobs.lever.co/{job.board}/{pid}"
    country = _country(job.location)
    return {
        "additionalPlain": f"{closing}\n",
        "additional": f"<div>{html.escape(closing)}</div>",
        "categories": {
            "commitment": job.type,
            "department": job.department,
            "location": job.location,
            "team": job.department,
            "allLocations": [job.location],
        },
        "createdAt": int(_posted(job, now).timestamp() * 1000),
        "descriptionPlain": plain,
        "description": description,
        "descriptionBodyPlain": plain,
        "descriptionBody": description,
        "openingPlain": "",
        "opening": "",
        "id": pid,
        "lists": [
            {"text": tasks_h, "content": _list_html(job.tasks)},
            {"text": needs_h, "content": _list_html(job.needs)},
        ],
        "text": job.title,
        "country": country[0] if country else None,
        "workplaceType": job.workplace,
        "hostedUrl": hosted,
        "applyUrl": f"{hosted}/apply",
    }


def _ashby_job(job: Job, now: datetime) -> dict[str, Any]:
    about_h, tasks_h, needs_h, _ = _SECTION_HEADINGS[job.lang]
    about = about_h.format(company=job.company)
    description = (
        f"<p><strong>{html.escape(about)}</strong></p><p>{html.escape(job.about)}</p>"
        f"<p>{html.escape(job.intro)}</p>"
        f"<h3>{html.escape(tasks_h)}</h3><ul>{_list_html(job.tasks, wrap_p=True)}</ul>"
        f"<h3>{html.escape(needs_h)}</h3><ul>{_list_html(job.needs, wrap_p=True)}</ul>"
    )
    plain = "\n\n".join(
        [
            about,
            job.about,
            job.intro,
            tasks_h,
            *(f"- {t}" for t in job.tasks),
            needs_h,
            *(f"- {n}" for n in job.needs),
        ]
    )
    jid = _uuid(job.key)
    country = _country(job.location)
    remote = job.workplace == "remote"
    address = None
    if country and not remote:
        city = job.location.split(",")[0].split("(")[0].strip()
        address = {
            "postalAddress": {
                "addressRegion": None,
                "addressCountry": country[1],
                "addressLocality": city,
            }
        }
    return {
        "id": jid,
        "title": job.title,
        "department": job.department,
        "team": job.department,
        "employmentType": _EMPLOYMENT_ASHBY.get(job.type, "FullTime"),
        "location": job.location,
        "secondaryLocations": [],
        "publishedAt": _posted(job, now).astimezone(UTC).isoformat(timespec="milliseconds"),
        "isListed": True,
        "isRemote": remote,
        "workplaceType": {"onsite": "OnSite", "hybrid": "Hybrid", "remote": "Remote"}[
            job.workplace
        ],
        "address": address,
        "jobUrl": f"https://jobs.ashbyhq.com/{job.board}/{jid}",
        "applyUrl": f"https://jobs.ashbyhq.com/{job.board}/{jid}/application",
        "descriptionHtml": description,
        "descriptionPlain": plain,
        "shouldDisplayCompensationOnJobPostings": False,
        "compensation": {
            "compensationTierSummary": None,
            "scrapeableCompensationSalarySummary": None,
            "compensationTiers": [],
            "summaryComponents": [],
        },
    }


def wire_payloads(jobs: Sequence[Job], now: datetime) -> dict[str, Any]:
    """Each board's API response, by request path, in the board's exact wire format."""
    boards: dict[str, list[Job]] = {}
    for job in jobs:
        boards.setdefault(job.spec, []).append(job)
    payloads: dict[str, Any] = {}
    for spec, board_jobs in boards.items():
        ats, slug = spec.split(":", 1)
        if ats == "greenhouse":
            items = [_greenhouse_job(j, now) for j in board_jobs]
            payloads[f"/v1/boards/{slug}/jobs"] = {"jobs": items, "meta": {"total": len(items)}}
        elif ats == "lever":
            payloads[f"/v0/postings/{slug}"] = [_lever_posting(j, now) for j in board_jobs]
        else:
            items = [_ashby_job(j, now) for j in board_jobs]
            payloads[f"/posting-api/job-board/{slug}"] = {"apiVersion": "1", "jobs": items}
    return payloads


def source_id(job: Job) -> str:
    """The id the connector gives the posting (what the wire payload carries)."""
    return str(_greenhouse_id(job.key)) if job.ats == "greenhouse" else _uuid(job.key)


@contextmanager
def serve_boards(payloads: dict[str, Any]) -> Iterator[str]:
    """A local stand-in for the three boards' APIs; yields its base URL. Lever's
    `skip`/`limit` paging is honoured; Greenhouse and Ashby return the whole board."""
    bodies = dict(payloads)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            payload = bodies.get(parts.path)
            status = 200
            if payload is None:
                status, payload = 404, {"error": "Job board not found"}
            elif isinstance(payload, list):
                query = parse_qs(parts.query)
                skip = int(query.get("skip", ["0"])[0])
                limit = int(query.get("limit", [str(len(payload))])[0])
                payload = payload[skip : skip + limit]
            body = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def discover(specs: Sequence[str], base_url: str) -> tuple[list[PostingData], list[str]]:
    """Every board read through the real connector, as `discover` calls them."""
    http = HttpOptions(policy=HttpPolicy(min_interval=0.0, attempts=1))
    query = SearchQuery(title="", limit=MAX_POSTINGS_PER_SOURCE)
    found: list[PostingData] = []
    warnings: list[str] = []
    for spec in specs:
        result = build_source(spec, base_url=base_url, http=http).search(query)
        warnings += [f"{spec}: {w}" for w in result.warnings]
        found.extend(result.postings)
    return found, warnings


# =========================================================================== field scoring


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def norm(text: str | None) -> str:
    """Case- and whitespace-insensitive form (NFKC, casefolded, no whitespace)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "").casefold())


def norm_url(url: str) -> str:
    """URLs also ignore the scheme, a leading "www." and a trailing slash."""
    return norm(re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip(), flags=re.I).rstrip("/"))


def alternatives(item: str | list[str]) -> list[str]:
    return [item] if isinstance(item, str) else list(item)


@dataclass
class FieldScore:
    right: int = 0
    wrong: int = 0
    errors: list[str] = field(default_factory=list)  # "missing: X", "wrong: Y (expected X)"


def score_list(
    expected: Sequence[str | list[str]],
    found: Sequence[str],
    *,
    tolerated: Sequence[str | list[str]] = (),
    key: Any = norm,
) -> FieldScore:
    """Each expected item found (any accepted spelling) is right; each missing one and
    each spurious found item (not expected, not tolerated) is wrong. One-to-one: an
    item listed twice must be found twice."""
    score = FieldScore()
    pool = [(key(f), f) for f in found if f and f.strip()]
    used = [False] * len(pool)
    for item in expected:
        accepted = {key(a) for a in alternatives(item)}
        hit = next((i for i, (k, _) in enumerate(pool) if not used[i] and k in accepted), None)
        if hit is None:
            score.wrong += 1
            score.errors.append(f"missing: {alternatives(item)[0]}")
        else:
            used[hit] = True
            score.right += 1
    ok = {key(a) for item in tolerated for a in alternatives(item)}
    for i, (k, value) in enumerate(pool):
        if not used[i] and k not in ok:
            score.wrong += 1
            score.errors.append(f"spurious: {value}")
    return score


def score_scalar(expected: str | list[str], found: str | None, *, key: Any = norm) -> FieldScore:
    accepted = {key(a) for a in alternatives(expected)}
    if found and key(found) in accepted:
        return FieldScore(right=1)
    shown = alternatives(expected)[0]
    error = f"wrong: {found} (expected {shown})" if found else f"missing: {shown}"
    return FieldScore(wrong=1, errors=[error])


def _certificates_field(profile: Profile) -> list[str] | None:
    """The profile's own certificates list, if its schema has one."""
    for name in ("certifications", "certificates", "licenses", "licences"):
        value = getattr(profile, name, None)
        if isinstance(value, list):
            return [v if isinstance(v, str) else str(getattr(v, "name", v)) for v in value]
    return None


def score_profile(profile: Profile, truth: dict[str, Any]) -> dict[str, FieldScore]:
    """Per field: right and wrong items (see DEFINITIONS["fields"]).

    Certificates: the profile's certificates list when its schema has one; today's
    schema has none, so an education entry whose degree is an expected certificate
    counts as the certificate found (and is then not a degree or institution)."""
    scores = {
        "name": score_scalar(truth["name"], profile.name),
        "email": score_scalar(truth["email"], profile.email),
        "phone": score_scalar(truth["phone"], profile.phone),
        "location": score_scalar(truth["location"], profile.location),
    }
    links = profile.links
    urls = [u for u in (links.linkedin, links.github, links.portfolio, *links.other) if u]
    scores["links"] = score_list(truth["links"], urls, key=norm_url)
    scores["employers"] = score_list(
        truth["employers"], [e.employer or "" for e in profile.experience]
    )
    scores["titles"] = score_list(truth["titles"], [e.title for e in profile.experience])
    expected_certs = {norm(a) for item in truth["certificates"] for a in alternatives(item)}
    own = _certificates_field(profile)
    education = list(profile.education)
    if own is None:
        as_cert = [e for e in education if norm(e.degree) in expected_certs]
        own = [e.degree for e in as_cert]
        education = [e for e in education if e not in as_cert]
    scores["certificates"] = score_list(truth["certificates"], own)
    scores["degrees"] = score_list(truth["degrees"], [e.degree for e in education])
    scores["institutions"] = score_list(
        truth["institutions"], [e.institution for e in education if e.institution]
    )
    scores["skills"] = score_list(
        truth["skills"], profile.skills, tolerated=truth.get("skills_also_ok", [])
    )
    spoken = [f"{x.language} ({x.level})" if x.level else x.language for x in profile.languages]
    scores["languages"] = score_list(truth["languages"], spoken)
    return scores


# =========================================================================== letters


def _month(value: str, today: date) -> int:
    if value == "present":
        return today.year * 12 + today.month - 1
    year, month = value.split("-")
    return int(year) * 12 + int(month) - 1


def true_years(cv: dict[str, Any], today: date) -> float:
    """Years of experience from the ground-truth dates: overlaps once, end month included."""
    spans = sorted(
        (_month(j["start"], today), _month(j["end"], today) + 1) for j in cv["experience"]
    )
    total, reach = 0, -1
    for start, end in spans:
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total / 12


# Number words in English, German and French (1-39), for "ten years", "zehn Jahre"...
_NUMBER_NAMES = """
1 one a an ein eins einem einen un une | 2 two zwei deux | 3 three drei trois
4 four vier quatre | 5 five fünf cinq | 6 six sechs | 7 seven sieben sept
8 eight acht huit | 9 nine neun neuf | 10 ten zehn dix | 11 eleven elf onze
12 twelve zwölf douze | 13 thirteen dreizehn treize | 14 fourteen vierzehn quatorze
15 fifteen fünfzehn quinze | 16 sixteen sechzehn seize | 17 seventeen siebzehn
18 eighteen achtzehn | 19 nineteen neunzehn | 20 twenty zwanzig vingt | 30 thirty dreißig trente
"""
_NUMBER_WORDS = {
    word: int(value)
    for entry in _NUMBER_NAMES.replace("\n", " | ").split("|")
    if entry.strip()
    for value, *names in [entry.split()]
    for word in names
}
_UNITS = (  # 1-9 in English, French and German, to spell 21-39
    ("one", "un", "ein"), ("two", "deux", "zwei"), ("three", "trois", "drei"),
    ("four", "quatre", "vier"), ("five", "cinq", "fünf"), ("six", "six", "sechs"),
    ("seven", "sept", "sieben"), ("eight", "huit", "acht"), ("nine", "neuf", "neun"),
)  # fmt: skip
for _tens, (_en, _fr, _de) in (
    (20, ("twenty", "vingt", "zwanzig")),
    (30, ("thirty", "trente", "dreißig")),
):
    for _n, (_en_unit, _fr_unit, _de_unit) in enumerate(_UNITS, start=1):
        _NUMBER_WORDS[f"{_en}-{_en_unit}"] = _tens + _n
        _NUMBER_WORDS[f"{_fr}-{'et-un' if _n == 1 else _fr_unit}"] = _tens + _n
        _NUMBER_WORDS[f"{_de_unit}und{_de}"] = _tens + _n
_ARTICLES = frozenset({"a", "an", "un", "une", "ein", "einem", "einen"})
_NUM = r"\d{1,2}(?:[.,]\d)?|" + "|".join(
    sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)
)
_YEARS = re.compile(
    rf"(?<![\w-])(?P<n>{_NUM})\s*\+?\s*(?:full\s+)?(?:years?|yrs|jahre?n?|ans|années)(?!\w)"
    r"|(?P<decade>decades?|jahrzehnte?n?|décennies?)",
    re.IGNORECASE,
)
_PLURAL_DECADES = frozenset({"decades", "jahrzehnte", "jahrzehnten", "decennies"})
_CONTEXT_WORDS = 4


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def years_claims(text: str, sources: Sequence[str]) -> list[tuple[str, float]]:
    """Each number of years the text states, with its value ("a decade" = 10). A figure
    quoted from the posting or research (the same words on one side of it) is left out,
    and "a year"/"un an" is not a length of experience."""
    quoted = " " + " ".join(" ".join(_words(s)) for s in sources) + " "
    claims: list[tuple[str, float]] = []
    for m in _YEARS.finditer(text):
        claim = _words(m.group(0))
        left = _words(text[: m.start()])[-_CONTEXT_WORDS:] + claim
        right = claim + _words(text[m.end() :])[:_CONTEXT_WORDS]
        if any(
            len(side) > len(claim) and f" {' '.join(side)} " in quoted for side in (left, right)
        ):
            continue
        if m.group("decade"):
            value = 20.0 if fold(m.group("decade")) in _PLURAL_DECADES else 10.0
        else:
            n = m.group("n").lower()
            if n in _ARTICLES:
                continue
            value = float(_NUMBER_WORDS[n]) if n in _NUMBER_WORDS else float(n.replace(",", "."))
        claims.append((m.group(0).strip(), value))
    return claims


def stated_skills(truth: dict[str, Any]) -> set[str]:
    """The skills the CV states: its expected skills (every accepted spelling) and the
    ones it states elsewhere (`skills_also_ok`)."""
    items = [*truth["skills"], *truth.get("skills_also_ok", [])]
    return {norm(a) for item in items for a in alternatives(item)}


def skills_named(text: str, skills: Iterable[str], quoted: Sequence[str]) -> list[str]:
    """The skills (from `skills`) that `text` names as whole words, outside the
    posting's title, company and research it quotes."""
    for source in sorted((q for q in quoted if q), key=len, reverse=True):
        text = text.replace(source, " ")
    folded = fold(text)
    return [
        skill
        for skill in dict.fromkeys(skills)
        if skill.strip() and re.search(rf"(?<!\w){re.escape(fold(skill))}(?!\w)", folded)
    ]


_STOPWORDS = {
    "en": "the and to of a in for with i my your you is am have as at on this that would be "
    "will our we are it from by an which about been has can look forward dear regards sincerely",
    "de": "der die das und ich mit für bei ihr ihre ihren sie zu den dem ein eine einer als im "
    "auf ist habe mich meine mir sehr geehrte damen herren grüßen freundlichen freue würde "
    "ihrem ihnen unser nicht auch von wie",
    "fr": "le la les et je de des du un une pour avec chez mon ma mes votre vos en dans est au "
    "aux suis ai madame monsieur cordialement sincères salutations serais vous nous sur qui "
    "que ce cette poste",
    "es": "el los las y yo con para por mi su usted estimado atentamente muy experiencia",
    "it": "il lo gli e io con per mio mia suo gentile cordiali saluti sono della",
    "nl": "de het een en ik met voor bij mijn uw u ben heb geachte vriendelijke groet",
}
_STOP_SETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}


def detect_language(text: str) -> str | None:
    """The language whose stop words the text uses most (None when too close to call)."""
    tokens = re.findall(r"[^\W\d_]+", text.casefold())
    counts = sorted(
        ((sum(t in s for t in tokens), lang) for lang, s in _STOP_SETS.items()), reverse=True
    )
    (best, lang), (second, _) = counts[0], counts[1]
    return lang if best >= 3 and best > 1.3 * second else None


# =========================================================================== the run


@dataclass
class Document:
    kind: str  # letter | cv
    job: str
    flagged: list[str]
    years_over: list[str]
    skills_unstated: list[str]
    language: str | None = None  # letters: detected
    expected_language: str | None = None

    @property
    def unsupported(self) -> bool:
        return bool(self.flagged or self.years_over or self.skills_unstated)


@dataclass
class CvResult:
    cv_id: str
    profession: str
    file: str
    lang: str
    fields: dict[str, FieldScore]
    kept: int
    top: list[tuple[str, str, int, str]]  # (key, label, score, title)
    documents: list[Document]
    seconds: float
    years: float
    dropped: list[str] = field(default_factory=list)  # labelled jobs the filters removed
    # labelled relevant/acceptable jobs outside the top 10: why (stage-1 rank, verdict)
    missed: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def fields_right(self) -> int:
        return sum(s.right for s in self.fields.values())

    @property
    def fields_total(self) -> int:
        return sum(s.right + s.wrong for s in self.fields.values())

    @property
    def p10(self) -> float:
        return sum(GAIN[label] for _, label, _, _ in self.top[:TOP_N]) / TOP_N

    @property
    def traps(self) -> int:
        return sum(label == "trap" for _, label, _, _ in self.top[:TOP_N])

    @property
    def unsupported(self) -> int:
        return sum(d.unsupported for d in self.documents)

    @property
    def letters(self) -> list[Document]:
        return [d for d in self.documents if d.kind == "letter"]

    @property
    def language_ok(self) -> int:
        return sum(d.language == d.expected_language for d in self.letters)


def search_options(search: dict[str, Any]) -> dict[str, Any]:
    """The place and remote option of a search, as the workflow's match step reads them
    (`filters.remote`, else the engine's default)."""
    import jobagent_core.discovery.filters as filters_module

    options: dict[str, Any] = {"place": search.get("location")}
    allowed = getattr(filters_module, "REMOTE_OPTIONS", None)
    if allowed is not None:
        wanted = search.get("filters", {}).get("remote")
        options["remote"] = wanted if wanted in allowed else filters_module.DEFAULT_REMOTE
    return options


def accepted(func: Any, options: dict[str, Any]) -> dict[str, Any]:
    """The options `func` takes (the engine's signatures change as it grows)."""
    parameters = inspect.signature(func).parameters
    return {k: v for k, v in options.items() if k in parameters}


def run_cv(
    cv: dict[str, Any],
    headings: dict[str, dict[str, str]],
    found: list[PostingData],
    keys: dict[tuple[str, str], Job],
    cache: dict[Any, Any],
    top_k: int,
    today: date,
) -> CvResult:
    started = time.perf_counter()
    filename, data = render_cv(cv, headings)
    text = read_document(filename, data).text
    extracted = extract_profile_from_documents([text])
    stored = merge_profile(extracted, None, overwrite=False)
    profile = Profile.model_validate({k: v for k, v in stored.items() if k in Profile.model_fields})
    fields = score_profile(profile, cv["truth"])

    search = cv["search"]
    kept = apply_filters(
        dedupe(found),
        PostingFilters(
            location=search.get("location"),
            remote_only=search.get("remote_only", False),
            **search.get("filters", {}),
        ),
    )
    kept_keys = {posting_key(p) for p in kept}
    dropped = [
        f"{job.key} [{job.labels[cv['id']]}] ({job.location})"
        for (src, sid), job in keys.items()
        if job.labels.get(cv["id"]) in ("relevant", "acceptable") and (src, sid) not in kept_keys
    ]
    # As the workflow's match step: the search's place and remote option rank the
    # postings too (passed when this version of the engine takes them).
    options = search_options(search)
    titles = [search["title"], *profile.suggested_job_titles]
    search_profile = profile.model_copy(
        update={"suggested_job_titles": list(dict.fromkeys(titles))}
    )
    stage1 = rank_postings(
        search_profile, kept, cache, top_k=top_k, **accepted(rank_postings, options)
    )
    cache.update(stage1.embedded)
    top_postings = [r.posting for r in stage1.ranked]
    screened = screen(top_postings, search_profile, None, **accepted(screen, options))
    matches = sorted(
        (pair for pair in screened if pair[1].is_match), key=lambda pair: -pair[1].score
    )
    ranks = {posting_key(p): i for i, p in enumerate(top_postings, start=1)}
    verdicts = {posting_key(p): v for p, v in screened}
    shown = {posting_key(p) for p, _ in matches[:TOP_N]}
    missed = []
    for posting in kept:
        pkey = posting_key(posting)
        job = keys.get(pkey)
        label = job.labels.get(cv["id"]) if job else None
        if label not in ("relevant", "acceptable") or pkey in shown:
            continue
        verdict = verdicts.get(pkey)
        why = (
            f"score {verdict.score}; gaps: {'; '.join(verdict.gaps) or '-'}"
            if verdict
            else "not in stage 1's top_k"
        )
        missed.append(f"{job.key} [{label}] stage-1 #{ranks.get(pkey, '-')}, {why}")

    top: list[tuple[str, str, int, str]] = []
    for posting, verdict in matches[:TOP_N]:
        job = keys.get(posting_key(posting))
        key = job.key if job else f"{posting.source}/{posting.source_id}"
        label = job.labels.get(cv["id"], "irrelevant") if job else "irrelevant"
        top.append((key, label, verdict.score, posting.title))

    years = true_years(cv, today)
    stated = stated_skills(cv["truth"])
    documents: list[Document] = []
    for posting, verdict in matches[:WRITE_N]:
        job = keys.get(posting_key(posting))
        key = job.key if job else posting.source_id
        same_company = [p for p in kept if company_key(p.company) == company_key(posting.company)]
        summary = research_offline(posting.company, same_company or [posting]).summary
        skills = list(verdict.matched_skills)
        letter = write_cover_letter_offline(
            profile, posting, matched_skills=skills, research_summary=summary
        )
        tailored = tailor_cv(profile, posting, skills)
        sources = [posting.title, posting.description_text, summary or ""]
        quoted = [posting.title, posting.company, *(summary or "").split(". ")]
        for kind, body, language, named in (
            (
                "letter",
                letter.body_text(),
                letter.language,
                skills_named(letter.body_text(), profile.skills, quoted),
            ),
            ("cv", tailored.body_text(), tailored.language, tailored.skills),
        ):
            flagged = fact_check(body, profile, posting, sources=[summary], language=language)
            over = [
                f"{claim} (true {years:.1f})"
                for claim, value in years_claims(body, sources)
                if value > years + 1e-9
            ]
            unstated = [skill for skill in named if norm(skill) not in stated]
            doc = Document(kind, key, flagged, over, unstated)
            if kind == "letter":
                doc.language = detect_language(body)
                doc.expected_language = job.lang if job else posting.language
            documents.append(doc)
    return CvResult(
        cv_id=cv["id"],
        profession=cv["profession"],
        file=f"{cv['file']}/{cv['layout']}",
        lang=cv["lang"],
        fields=fields,
        kept=len(kept),
        top=top,
        documents=documents,
        seconds=time.perf_counter() - started,
        years=years,
        dropped=dropped,
        missed=missed,
    )


# =========================================================================== report


def totals(results: Sequence[CvResult]) -> dict[str, Any]:
    right = sum(r.fields_right for r in results)
    total = sum(r.fields_total for r in results)
    by_field = {}
    for name in FIELDS:
        r_ = sum(r.fields[name].right for r in results)
        w_ = sum(r.fields[name].wrong for r in results)
        by_field[name] = {
            "right": r_,
            "wrong": w_,
            "pct": 100 * r_ / (r_ + w_) if r_ + w_ else 100.0,
        }
    letters = [d for r in results for d in r.letters]
    documents = [d for r in results for d in r.documents]
    p10 = [r.p10 for r in results]
    return {
        "fields_pct": 100 * right / total if total else 0.0,
        "fields_right": right,
        "fields_total": total,
        "by_field": by_field,
        "p10_min": min(p10, default=0.0),
        "p10_mean": sum(p10) / len(p10) if p10 else 0.0,
        "cvs_p10_below_target": sum(p < 0.9 for p in p10),
        "traps_in_top10": sum(r.traps for r in results),
        "documents": len(documents),
        "documents_unsupported": sum(d.unsupported for d in documents),
        "documents_flagged_by_fact_check": sum(bool(d.flagged) for d in documents),
        "documents_years_over_truth": sum(bool(d.years_over) for d in documents),
        "documents_skills_not_in_cv": sum(bool(d.skills_unstated) for d in documents),
        "letters": len(letters),
        "letters_language_ok": sum(d.language == d.expected_language for d in letters),
    }


def as_json(results: Sequence[CvResult], summary: dict[str, Any], meta: dict[str, Any]) -> str:
    per_cv = [
        {
            "cv": r.cv_id,
            "file": r.file,
            "lang": r.lang,
            "fields_right": r.fields_right,
            "fields_total": r.fields_total,
            "fields_pct": 100 * r.fields_right / r.fields_total if r.fields_total else 0.0,
            "field_errors": {k: s.errors for k, s in r.fields.items() if s.errors},
            "postings_after_filters": r.kept,
            "p10": r.p10,
            "shown": len(r.top),
            "traps": r.traps,
            "top10": [{"key": k, "label": lab, "score": s, "title": t} for k, lab, s, t in r.top],
            "documents": [
                {
                    "kind": d.kind,
                    "posting": d.job,
                    "flagged": d.flagged,
                    "years_over": d.years_over,
                    "skills_not_in_cv": d.skills_unstated,
                    "language": d.language,
                    "expected_language": d.expected_language,
                }
                for d in r.documents
            ],
            "true_years": round(r.years, 2),
            "removed_by_filters": r.dropped,
            "error": r.error,
        }
        for r in results
    ]
    return json.dumps(
        {
            "meta": meta,
            "targets": TARGETS,
            "definitions": DEFINITIONS,
            "totals": summary,
            "cvs": per_cv,
        },
        ensure_ascii=False,
        indent=2,
    )


def print_report(
    results: Sequence[CvResult], summary: dict[str, Any], meta: dict[str, Any], verbose: bool
) -> None:
    print(
        f"labelled set: {meta['cvs']} CVs, {meta['postings']} postings "
        f"({meta['by_ats']}), {meta['found']} read by the connectors, "
        f"{meta['after_dedupe']} after dedupe; run date {meta['today']}"
    )
    for warning in meta["warnings"]:
        print(f"  connector warning: {warning}")
    print()
    header = (
        f"{'CV':<21} {'file':<17} {'lang':<4} {'fields':>13} {'kept':>4} "
        f"{'P@10':>5} {'shown':>5} {'traps':>5} {'unsupp.':>7} {'lang ok':>7}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        if r.error:
            print(f"{r.cv_id:<21} ERROR {r.error}")
            continue
        pct = 100 * r.fields_right / r.fields_total if r.fields_total else 0.0
        print(
            f"{r.cv_id:<21} {r.file:<17} {r.lang:<4} {r.fields_right:>3}/{r.fields_total:<3} "
            f"{pct:4.0f}% {r.kept:>4} {r.p10:>5.2f} {len(r.top):>5} {r.traps:>5} "
            f"{r.unsupported:>3}/{len(r.documents):<3} {r.language_ok:>3}/{len(r.letters):<3}"
        )
    print(
        "kept: postings left after dedupe and the search's filters; shown: matches in the "
        "top 10; unsupp.: documents with an unsupported claim / documents written (letter "
        "and tailored CV for the top 3); lang ok: letters in the posting's language / letters"
    )
    print()
    print("profile fields by field (all CVs):")
    print(
        "  "
        + "  ".join(
            f"{k} {v['right']}/{v['right'] + v['wrong']}" for k, v in summary["by_field"].items()
        )
    )
    print()
    rows = [
        (
            "profile fields right",
            f"{summary['fields_pct']:.1f} % ({summary['fields_right']}/{summary['fields_total']})",
            TARGETS["fields"],
            "fields",
            summary["fields_pct"] >= 97,
        ),
        (
            "precision@10 per CV",
            f"min {summary['p10_min']:.2f}, mean {summary['p10_mean']:.2f}, "
            f"{summary['cvs_p10_below_target']} CV(s) below 0.90",
            TARGETS["p10"],
            "p10",
            summary["cvs_p10_below_target"] == 0,
        ),
        (
            "traps in a top 10",
            str(summary["traps_in_top10"]),
            TARGETS["traps"],
            "traps",
            summary["traps_in_top10"] == 0,
        ),
        (
            "letters/CVs with an unsupported claim",
            f"{summary['documents_unsupported']} of "
            f"{summary['documents']} (fact_check {summary['documents_flagged_by_fact_check']}, "
            f"years > truth {summary['documents_years_over_truth']}, skills not in CV "
            f"{summary['documents_skills_not_in_cv']})",
            TARGETS["unsupported"],
            "unsupported",
            summary["documents_unsupported"] == 0,
        ),
        (
            "letter language = posting language",
            f"{summary['letters_language_ok']} of {summary['letters']}",
            TARGETS["language"],
            "language",
            summary["letters_language_ok"] == summary["letters"],
        ),
    ]
    width = max(len(r[1]) for r in rows)
    print(f"{'measure':<40} {'today':<{width}}  {'target':<16} met")
    print("-" * (40 + width + 24))
    for name, value, target, _, met in rows:
        print(f"{name:<40} {value:<{width}}  {target:<16} {'yes' if met else 'NO'}")
    print()
    print("definitions:")
    for _, _, _, key, _ in rows:
        print(f"  - {DEFINITIONS[key]}")
    print()
    print("errors:")
    for r in results:
        if r.error:
            continue
        wrong = {k: s.errors for k, s in r.fields.items() if s.errors}
        for name, errors in wrong.items():
            print(f"  {r.cv_id}  {name}: " + "; ".join(errors))
        for i, (key, label, score, title) in enumerate(r.top, start=1):
            if verbose or label != "relevant":
                print(f"  {r.cv_id}  top10 #{i} [{label}] {score} {title} ({key})")
        for item in r.dropped:
            print(f"  {r.cv_id}  removed by the filters: {item}")
        if len(r.top) < TOP_N:
            print(f"  {r.cv_id}  only {len(r.top)} matches shown (score ≥ threshold)")
        for item in r.missed if verbose else ():
            print(f"  {r.cv_id}  not shown: {item}")
        for d in r.documents:
            if d.flagged:
                print(
                    f"  {r.cv_id}  {d.kind} for {d.job}: fact_check flags " + "; ".join(d.flagged)
                )
            if d.years_over:
                print(
                    f"  {r.cv_id}  {d.kind} for {d.job}: years over truth "
                    + "; ".join(d.years_over)
                )
            if d.skills_unstated:
                print(
                    f"  {r.cv_id}  {d.kind} for {d.job}: skills the CV does not state: "
                    + "; ".join(d.skills_unstated)
                )
            if d.kind == "letter" and d.language != d.expected_language:
                print(
                    f"  {r.cv_id}  letter for {d.job}: language {d.language}, "
                    f"posting {d.expected_language}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print machine-readable figures only")
    parser.add_argument("--verbose", action="store_true", help="list every top-10 match")
    parser.add_argument("--only", nargs="*", metavar="CV_ID", help="run these CVs only")
    parser.add_argument(
        "--dump-boards",
        type=Path,
        metavar="DIR",
        help="also write the served board payloads (JSON) to DIR",
    )
    args = parser.parse_args()

    started = time.perf_counter()
    headings, cvs = load_cvs()
    jobs = load_jobs(cv["id"] for cv in cvs)
    if args.only:
        unknown = set(args.only) - {cv["id"] for cv in cvs}
        if unknown:
            raise SystemExit(f"unknown CV ids: {', '.join(sorted(unknown))}")
        cvs = [cv for cv in cvs if cv["id"] in args.only]
    now = datetime.now(UTC)
    today = now.date()
    payloads = wire_payloads(jobs, now)
    if args.dump_boards:
        for path, payload in payloads.items():
            target = args.dump_boards / f"{path.strip('/').replace('/', '_')}.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    specs = list(dict.fromkeys(job.spec for job in jobs))
    with serve_boards(payloads) as base_url:
        found, warnings = discover(specs, base_url)
    by_id = {(job.spec, source_id(job)): job for job in jobs}
    keys = {
        (p.source, p.source_id): by_id[(p.source, p.source_id)]
        for p in found
        if (p.source, p.source_id) in by_id
    }
    try:
        from jobagent_core.config import get_settings

        top_k = get_settings().MATCH_TOP_K
    except Exception:  # no settings on this machine: the default
        top_k = DEFAULT_TOP_K
    cache: dict[Any, Any] = dict(load_sample_embeddings(found))
    results = []
    for cv in cvs:
        try:
            results.append(run_cv(cv, headings, found, keys, cache, top_k, today))
        except Exception as err:  # one CV's failure must not hide the others' figures
            failed = CvResult(
                cv_id=cv["id"],
                profession=cv["profession"],
                file=f"{cv['file']}/{cv['layout']}",
                lang=cv["lang"],
                fields={k: FieldScore() for k in FIELDS},
                kept=0,
                top=[],
                documents=[],
                seconds=0.0,
                years=0.0,
                error=f"{type(err).__name__}: {err}",
            )
            results.append(failed)  # counts as below every target it has figures for
    by_ats: dict[str, int] = {}
    for job in jobs:
        by_ats[job.ats] = by_ats.get(job.ats, 0) + 1
    meta = {
        "cvs": len(cvs),
        "postings": len(jobs),
        "by_ats": ", ".join(f"{n} {ats}" for ats, n in sorted(by_ats.items())),
        "found": len(found),
        "after_dedupe": len(dedupe(found)),
        "warnings": warnings,
        "today": today.isoformat(),
        "top_k": top_k,
        "seconds": round(time.perf_counter() - started, 1),
    }
    summary = totals(results)
    summary["cvs_failed"] = sum(bool(r.error) for r in results)
    if args.json:
        print(as_json(results, summary, meta))
    else:
        print_report(results, summary, meta, args.verbose)
        print(f"\n{meta['seconds']} s")


if __name__ == "__main__":
    main()
