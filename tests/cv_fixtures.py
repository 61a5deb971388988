"""Generated CVs for tests: describe a person once, render it as PDF, DOCX, TXT or Markdown.

`CV` is plain data (name, contact, experience, education, skills, ...). The renderers
turn one description into a realistic document in several layouts:

- `render_pdf(cv, layout="one_column" | "two_column")` — reportlab; the two-column
  layout has a full-width name band, a sidebar (contact, skills, languages, education)
  and a main column (summary, experience) that flows onto page 2.
- `render_docx(cv, ...)` — python-docx; contact details in a table, text in the page
  header and footer, optionally a text box and a content control like Word templates use.
- `render_txt(cv)`, `render_markdown(cv)`.

`PERSONAS` holds six realistic people from different trades for profile-extraction and
matching tests. Bad files (encrypted, image-only, truncated, PNG, ZIP, ...) are at the end.

All people, employers, e-mail addresses and phone numbers are fictional.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from xml.sax.saxutils import escape

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor
from pypdf import PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Job:
    title: str
    employer: str
    dates: str
    location: str = ""
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True)
class School:
    degree: str
    institution: str
    dates: str
    details: str = ""


@dataclass(frozen=True)
class CV:
    """Everything a CV says, in the order a reader expects it."""

    name: str
    headline: str
    email: str
    phone: str
    location: str
    summary: str
    experience: tuple[Job, ...]
    education: tuple[School, ...]
    skills: tuple[str, ...]
    languages: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    certifications: tuple[str, ...] = ()
    # What the persona is for, e.g. in matching tests (not rendered).
    target_titles: tuple[str, ...] = field(default=(), compare=False)

    @property
    def employers(self) -> list[str]:
        return [job.employer for job in self.experience]


# --------------------------------------------------------------------------- personas

DATA_ENGINEER = CV(
    name="Zoë Müller-Łukasik",
    headline="Senior Data Engineer",
    email="zoe.mueller-lukasik@example.com",
    phone="+49 30 5550 1234",
    location="Berlin, Germany",
    links=(
        Link("LinkedIn", "https://www.linkedin.com/in/zoe-mueller-lukasik"),
        Link("GitHub", "https://github.com/zoeml"),
    ),
    summary=(
        "Data engineer with nine years of experience building batch and streaming "
        "pipelines for logistics and energy companies. I design data platforms that "
        "analysts trust: tested, documented and cheap to run."
    ),
    experience=(
        Job(
            "Senior Data Engineer",
            "Nordlicht Logistics GmbH",
            "03/2019 – present",
            "Berlin",
            (
                "Led the migration of 140 nightly batch jobs from cron scripts to Airflow "
                "and dbt, cutting failed runs by 85%.",
                "Built a Kafka and Spark Structured Streaming pipeline that tracks "
                "12 million parcel events per day with end-to-end latency under 40 seconds.",
                "Introduced data contracts and Great Expectations checks; incidents caused "
                "by upstream schema changes dropped from weekly to twice a year.",
                "Mentored four junior engineers and ran the internal SQL guild.",
                "Reduced the Snowflake bill by 31% through clustering keys, warehouse "
                "sizing and query reviews.",
            ),
        ),
        Job(
            "Data Engineer",
            "Spreewerk Analytics GmbH",
            "Jan 2018 - Feb 2019",
            "Berlin",
            (
                "Designed a PostgreSQL and Python ingestion framework for 30 client data "
                "sources (REST APIs, SFTP drops, Excel uploads).",
                "Containerised the pipelines with Docker and deployed them on Kubernetes "
                "with Terraform-managed infrastructure on AWS.",
                "Wrote the on-call runbook and the monitoring dashboards in Grafana.",
            ),
        ),
        Job(
            "Business Intelligence Developer",
            "Stadtwerke Havelland",
            "März 2015 – Dezember 2017",
            "Potsdam",
            (
                "Modelled smart-meter consumption data in a star schema and built the "
                "Power BI reports used by the sales and grid teams.",
                "Automated the monthly regulatory report, saving three working days per month.",
            ),
        ),
    ),
    education=(
        School(
            "M.Sc. Computer Science",
            "Technische Universität Berlin",
            "2013–2015",
            "Thesis: incremental view maintenance for streaming joins",
        ),
        School("B.Sc. Business Informatics", "Uniwersytet Wrocławski", "2010–2013"),
    ),
    skills=(
        "Python",
        "SQL",
        "Apache Spark",
        "Apache Kafka",
        "Airflow",
        "dbt",
        "Snowflake",
        "PostgreSQL",
        "Docker",
        "Kubernetes",
        "Terraform",
        "AWS",
    ),
    languages=("German (native)", "Polish (native)", "English (C1)"),
    certifications=("AWS Certified Data Engineer – Associate (2023)",),
    target_titles=("Data Engineer", "Analytics Engineer"),
)

ICU_NURSE = CV(
    name="Amara Okafor",
    headline="Critical Care Nurse (Band 6)",
    email="amara.okafor@example.org",
    phone="07700 900123",
    location="Manchester, United Kingdom",
    links=(Link("LinkedIn", "https://www.linkedin.com/in/amara-okafor-rn"),),
    summary=(
        "NMC-registered adult nurse with seven years in intensive care, caring for "
        "ventilated, post-operative and multi-organ-failure patients. Calm under "
        "pressure, a practice educator for new starters and an advocate for families."
    ),
    experience=(
        Job(
            "Senior Staff Nurse, Adult Intensive Care Unit",
            "Northgate University Hospitals NHS Trust",
            "Mar 2020 – Present",
            "Manchester",
            (
                "Nurse in charge of a 10-bed area on day and night shifts, coordinating "
                "admissions, escalations and safe staffing.",
                "Manage invasive ventilation, CRRT, arterial lines and vasoactive infusions "
                "for patients with Level 3 needs.",
                "Redeployed staff trainer during COVID-19: taught proning and ventilator "
                "care to 60 nurses from other wards.",
                "Practice assessor for student nurses and preceptor for newly qualified staff.",
            ),
        ),
        Job(
            "Staff Nurse, Cardiothoracic Critical Care",
            "St Aidan's Hospital",
            "Jan 2018 - Feb 2020",
            "Salford",
            (
                "Cared for patients after cardiac surgery, including those on intra-aortic "
                "balloon pumps.",
                "Completed the Critical Care Step II competencies and ALS certification.",
            ),
        ),
        Job(
            "Staff Nurse, Acute Medical Unit",
            "Pennine Valley General Hospital",
            "2016–2018",
            "Oldham",
            (
                "Assessed and stabilised acutely unwell adults; recognised deterioration "
                "using NEWS2 and escalated early.",
            ),
        ),
    ),
    education=(
        School(
            "Post-Graduate Certificate in Critical Care Nursing",
            "University of Salford",
            "2019–2020",
        ),
        School("BSc (Hons) Adult Nursing", "University of Manchester", "2013–2016"),
    ),
    skills=(
        "Mechanical ventilation",
        "CRRT",
        "Arterial blood gas analysis",
        "Sepsis management",
        "Tracheostomy care",
        "Advanced Life Support",
        "Patient and family communication",
        "Clinical supervision",
    ),
    languages=("English (native)", "Igbo (fluent)"),
    certifications=(
        "NMC PIN 16A1234E",
        "Advanced Life Support (Resuscitation Council UK)",
    ),
    target_titles=("ICU Nurse", "Critical Care Nurse", "Senior Staff Nurse"),
)

ELECTRICIAN = CV(
    name="Liam O'Connor",
    headline="Qualified Electrician (Domestic, Commercial and Solar PV)",
    email="liam.oconnor.electrical@example.net",
    phone="+353 21 555 0192",
    location="Cork, Ireland",
    summary=(
        "Safe Electric registered electrician with twelve years on domestic rewires, "
        "commercial fit-outs and solar PV installs. Tidy, punctual, and comfortable "
        "leading a small crew on site."
    ),
    experience=(
        Job(
            "Electrician (self-employed)",
            "O'Connor Electrical Services",
            "2019 – present",
            "Cork",
            (
                "Install and certify domestic rewires, consumer unit upgrades and EV chargers "
                "for about 80 customers a year.",
                "Design and install rooftop solar PV systems with battery storage (3–10 kWp).",
                "Fault-finding on lighting and power circuits; periodic inspection reports.",
            ),
        ),
        Job(
            "Electrician",
            "Brightwire Contracting Ltd",
            "Sep 2014 – Apr 2019",
            "Cork",
            (
                "Commercial fit-outs for offices and retail units: containment, cabling, "
                "distribution boards, fire alarm and emergency lighting.",
                "Read drawings and schedules, and kept the site diary and test sheets.",
                "Supervised two apprentices on a 14-week hotel refurbishment.",
            ),
        ),
        Job(
            "Apprentice Electrician",
            "Lee Valley Electrical",
            "2010 - 2014",
            "Mallow",
            ("Completed the four-year SOLAS apprenticeship across domestic and industrial work.",),
        ),
    ),
    education=(
        School(
            "QQI Level 6 Advanced Certificate – Electrical (National Craft Certificate)",
            "SOLAS / Cork Training Centre",
            "2010–2014",
        ),
    ),
    skills=(
        "Domestic and commercial installation",
        "Solar PV",
        "EV charger installation",
        "Testing and inspection",
        "Fault finding",
        "Fire alarm systems",
        "Reading electrical drawings",
    ),
    languages=("English (native)", "Irish (conversational)"),
    certifications=(
        "Safe Electric Registered Electrical Contractor",
        "Safe Pass",
        "SEAI Solar PV Installer",
    ),
    target_titles=("Electrician", "Solar PV Installer"),
)

PRIMARY_TEACHER = CV(
    name="Grace Whitfield",
    headline="Primary School Teacher (KS1/KS2)",
    email="grace.whitfield@example.co.uk",
    phone="+44 117 496 0321",
    location="Bristol, United Kingdom",
    summary=(
        "Enthusiastic primary teacher with QTS and eight years in Key Stage 1 and 2 "
        "classrooms. I plan lessons that get every child talking, lead phonics across "
        "the school and work closely with parents and the SENCo."
    ),
    experience=(
        Job(
            "Class Teacher (Year 4) and Phonics Lead",
            "Cotham Park Primary School",
            "09/2019 – present",
            "Bristol",
            (
                "Teach a mixed-ability class of 30, including pupils with EHC plans and "
                "eight pupils with English as an additional language.",
                "Lead phonics across KS1: introduced a validated scheme and raised the Year 1 "
                "phonics screening pass rate from 72% to 89%.",
                "Plan and deliver the maths mastery curriculum with the year-group partner.",
                "Run the after-school gardening club and the Year 4 residential trip.",
            ),
        ),
        Job(
            "Class Teacher (Year 2)",
            "St Werburgh's C of E Primary",
            "09/2016 – 07/2019",
            "Bristol",
            (
                "Prepared pupils for KS1 assessments; moderated writing with the local authority.",
                "Completed the ECT induction with outstanding observations.",
            ),
        ),
        Job(
            "Teaching Assistant",
            "Horfield Church School",
            "2014–2015",
            "Bristol",
            ("Supported small-group reading interventions and a pupil with autism.",),
        ),
    ),
    education=(
        School("PGCE Primary Education with QTS", "University of Bristol", "2015–2016"),
        School("BA (Hons) English Literature", "Cardiff University", "2011–2014"),
    ),
    skills=(
        "Phonics",
        "Lesson planning",
        "Classroom management",
        "Safeguarding",
        "SEND support",
        "Assessment for learning",
        "Parent communication",
    ),
    languages=("English (native)", "French (B1)"),
    certifications=("Qualified Teacher Status (QTS)", "Designated Safeguarding Lead training"),
    target_titles=("Primary Teacher", "Class Teacher"),
)

B2B_SALES = CV(
    name="Marcus Chen",
    headline="Senior Account Executive – B2B SaaS",
    email="marcus.chen@example.com",
    phone="(512) 555-0147",
    location="Austin, TX, USA",
    links=(Link("LinkedIn", "https://www.linkedin.com/in/marcuschen-sales"),),
    summary=(
        "Quota-carrying B2B SaaS seller with nine years across SDR, mid-market and "
        "enterprise roles. Consistent over-achiever who runs a disciplined MEDDICC "
        "process and closes six-figure deals with finance and operations buyers."
    ),
    experience=(
        Job(
            "Senior Account Executive, Enterprise",
            "CloudLedger Inc.",
            "Feb 2021 – Present",
            "Austin, TX",
            (
                "Closed $2.4M in new ARR in FY2023 (128% of quota); "
                "President's Club 2022 and 2023.",
                "Run full-cycle enterprise sales to CFOs and controllers at companies with "
                "500–5,000 employees; average deal size $145K.",
                "Built the partner motion with two accounting firms, sourcing 30% of pipeline.",
            ),
        ),
        Job(
            "Account Executive, Mid-Market",
            "Brightpath Software",
            "Jun 2017 – Jan 2021",
            "Dallas, TX",
            (
                "Exceeded quota in 13 of 15 quarters selling workflow automation to "
                "operations teams.",
                "Shortened the average sales cycle from 94 to 61 days with a mutual action plan.",
            ),
        ),
        Job(
            "Sales Development Representative",
            "Brightpath Software",
            "2015 - 2017",
            "Dallas, TX",
            ("Booked 40+ qualified meetings per month through outbound calls and sequences.",),
        ),
    ),
    education=(School("BBA Marketing", "The University of Texas at Austin", "2011–2015"),),
    skills=(
        "Enterprise sales",
        "MEDDICC",
        "Salesforce",
        "Outreach",
        "Pipeline management",
        "Negotiation",
        "Forecasting",
        "Channel partnerships",
    ),
    languages=("English (native)", "Mandarin Chinese (conversational)"),
    target_titles=("Account Executive", "Enterprise Account Executive", "Sales Manager"),
)

FINANCIAL_ANALYST = CV(
    name="Priya Natarajan",
    headline="Financial Analyst – FP&A",
    email="priya.natarajan@example.com",
    phone="+44 20 7946 0958",
    location="London, United Kingdom",
    links=(Link("LinkedIn", "https://www.linkedin.com/in/priya-natarajan-fpa"),),
    summary=(
        "CFA Level III candidate and FP&A analyst with six years in budgeting, forecasting "
        "and investment appraisal for retail and media groups. I turn messy ledgers into "
        "clear models that managers use to decide."
    ),
    experience=(
        Job(
            "Senior Financial Analyst, FP&A",
            "Harrow & Vale Retail plc",
            "Apr 2021 – present",
            "London",
            (
                "Own the £420M annual budget and the rolling 18-month forecast for 160 stores.",
                "Built a driver-based forecasting model in Excel and Anaplan that cut "
                "forecast error from 6.1% to 2.3%.",
                "Prepare the monthly board pack and variance commentary for the CFO.",
                "Appraised 25 store openings with NPV/IRR models; three were stopped early.",
            ),
        ),
        Job(
            "Financial Analyst",
            "Meridian Media Group",
            "Sep 2018 – Mar 2021",
            "London",
            (
                "Consolidated management accounts for five business units in SAP and Power BI.",
                "Automated the weekly cash report with Python and SQL, saving a day a week.",
            ),
        ),
        Job(
            "Graduate Analyst",
            "Kensington Advisory LLP",
            "2017–2018",
            "London",
            ("Supported due-diligence and valuation work on mid-market transactions.",),
        ),
    ),
    education=(
        School("MSc Finance", "London School of Economics", "2016–2017"),
        School("BCom Accounting and Finance", "University of Mumbai", "2013–2016"),
    ),
    skills=(
        "Financial modelling",
        "Budgeting and forecasting",
        "Variance analysis",
        "Excel (advanced)",
        "Anaplan",
        "SAP",
        "Power BI",
        "SQL",
        "Python",
    ),
    languages=("English (fluent)", "Tamil (native)", "Hindi (fluent)"),
    certifications=("CFA Level II passed", "ACCA (affiliate)"),
    target_titles=("Financial Analyst", "FP&A Analyst"),
)

PERSONAS: dict[str, CV] = {
    "data_engineer": DATA_ENGINEER,
    "icu_nurse": ICU_NURSE,
    "electrician": ELECTRICIAN,
    "primary_teacher": PRIMARY_TEACHER,
    "b2b_sales": B2B_SALES,
    "financial_analyst": FINANCIAL_ANALYST,
}


def longer(cv: CV, times: int = 2) -> CV:
    """The same person with their experience repeated: a longer CV for benchmarks."""
    return replace(cv, experience=cv.experience * times)


# --------------------------------------------------------------------------- PDF

_FONTS_REGISTERED = False
FONT, FONT_BOLD = "Vera", "VeraBd"  # reportlab ships Bitstream Vera: covers Ł, ë, –, •


def _register_fonts() -> None:
    global _FONTS_REGISTERED
    if not _FONTS_REGISTERED:
        pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, "VeraBd.ttf"))
        _FONTS_REGISTERED = True


def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5)
    return {
        "body": base,
        "name": ParagraphStyle("name", base, fontName=FONT_BOLD, fontSize=22, leading=26),
        "headline": ParagraphStyle("headline", base, fontSize=12, leading=15),
        "section": ParagraphStyle(
            "section",
            base,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=9,
            spaceAfter=3,
            textColor=colors.HexColor("#1f4e79"),
        ),
        "job": ParagraphStyle("job", base, fontName=FONT_BOLD, spaceBefore=5),
        "dates": ParagraphStyle("dates", base, alignment=TA_RIGHT),
        "bullet": ParagraphStyle("bullet", base, leftIndent=10, bulletIndent=2),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=11),
    }


def _p(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    return Paragraph(escape(text), style, bulletText=bullet)


def _job_flowables(job: Job, st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    # Title/employer on the left, dates right-aligned on the same line: the usual CV look.
    where = f"{job.employer}, {job.location}" if job.location else job.employer
    heading = Table(
        [[_p(f"{job.title} — {where}", st["job"]), _p(job.dates, st["dates"])]],
        colWidths=[width * 0.7, width * 0.3],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    bullets = [_p(b, st["bullet"], bullet="•") for b in job.bullets]
    return [KeepTogether([heading, *bullets[:1]]), *bullets[1:]]


def _main_story(cv: CV, st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    story: list[Flowable] = [_p("Profile", st["section"]), _p(cv.summary, st["body"])]
    story.append(_p("Experience", st["section"]))
    for job in cv.experience:
        story += _job_flowables(job, st, width)
    return story


def _stacked_job_flowables(job: Job, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    # Narrow main columns stack title, then "employer · location · dates".
    where = " · ".join(x for x in (job.employer, job.location, job.dates) if x)
    bullets = [_p(b, st["bullet"], bullet="•") for b in job.bullets]
    return [KeepTogether([_p(job.title, st["job"]), _p(where, st["body"]), *bullets[:1]])]


def _education(cv: CV, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [_p("Education", st["section"])]
    for school in cv.education:
        story.append(_p(school.degree, st["job"]))
        story.append(_p(f"{school.institution}, {school.dates}", st["body"]))
        if school.details:
            story.append(_p(school.details, st["small"]))
    return story


def _contact_items(cv: CV) -> list[str]:
    return [cv.email, cv.phone, cv.location, *(link.url for link in cv.links)]


def _short_url(text: str) -> str:
    return text.removeprefix("https://").removeprefix("www.")


def _one_column_pdf(cv: CV, buffer: io.BytesIO) -> None:
    st = _styles()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
        bottomMargin=16 * mm, title=f"{cv.name} – CV", author=cv.name,
    )  # fmt: skip
    story: list[Flowable] = [_p(cv.name, st["name"]), _p(cv.headline, st["headline"])]
    story.append(_p("  |  ".join(_contact_items(cv)), st["small"]))
    story += _main_story(cv, st, doc.width)
    story += _education(cv, st)
    story.append(_p("Skills", st["section"]))
    story.append(_p(", ".join(cv.skills), st["body"]))
    if cv.certifications:
        story.append(_p("Certifications", st["section"]))
        story += [_p(c, st["bullet"], bullet="•") for c in cv.certifications]
    if cv.languages:
        story.append(_p("Languages", st["section"]))
        story.append(_p(" · ".join(cv.languages), st["body"]))
    doc.build(story)


def _two_column_pdf(cv: CV, buffer: io.BytesIO, *, sidebar_right: bool = False) -> None:
    st = _styles()
    page_w, page_h = A4
    margin, band_h, side_w, gap = 12 * mm, 30 * mm, 62 * mm, 7 * mm
    main_w = page_w - 2 * margin - side_w - gap
    side_x, main_x = margin, margin + side_w + gap
    if sidebar_right:
        side_x, main_x = margin + main_w + gap, margin
    body_h = page_h - band_h - 2 * margin

    def paint_sidebar(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#eef3f8"))
        canvas.rect(side_x - gap / 2, 0, side_w + gap, page_h - band_h - margin, stroke=0, fill=1)
        canvas.restoreState()

    first = PageTemplate(
        id="first",
        frames=[
            Frame(margin, page_h - margin - band_h, page_w - 2 * margin, band_h, id="band"),
            Frame(side_x, margin, side_w, body_h, id="side"),
            Frame(main_x, margin, main_w, body_h, id="main"),
        ],
        onPage=paint_sidebar,
    )
    later = PageTemplate(
        id="later", frames=[Frame(main_x, margin, main_w, page_h - 2 * margin, id="main2")]
    )
    doc = BaseDocTemplate(buffer, pagesize=A4, pageTemplates=[first, later], title=cv.name)
    side = ParagraphStyle("side", st["small"], fontSize=8, leading=10.5)
    story: list[Flowable] = [
        NextPageTemplate("later"),
        _p(cv.name, st["name"]),
        _p(cv.headline, st["headline"]),
        FrameBreak(),
        _p("Contact", st["section"]),
        *[_p(_short_url(item), side) for item in _contact_items(cv)],
        _p("Skills", st["section"]),
        *[_p(s, side, bullet="•") for s in cv.skills],
    ]
    if cv.languages:
        story += [_p("Languages", st["section"]), *[_p(lang, side) for lang in cv.languages]]
    story += [_p("Education", st["section"])]
    for school in cv.education:
        story += [_p(school.degree, ParagraphStyle("sd", side, fontName=FONT_BOLD))]
        story += [_p(f"{school.institution}, {school.dates}", side)]
    story.append(FrameBreak())
    story += [_p("Profile", st["section"]), _p(cv.summary, st["body"])]
    story.append(_p("Experience", st["section"]))
    for job in cv.experience:
        story += _stacked_job_flowables(job, st)
        story += [_p(b, st["bullet"], bullet="•") for b in job.bullets[1:]]
    if cv.certifications:
        story.append(_p("Certifications", st["section"]))
        story += [_p(c, st["bullet"], bullet="•") for c in cv.certifications]
    doc.build(story)


def _dates_left_pdf(cv: CV, buffer: io.BytesIO) -> None:
    """The Lebenslauf/moderncv look: dates in a narrow left margin, entries beside them."""
    st = _styles()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm)
    date_w = 38 * mm
    story: list[Flowable] = [_p(cv.name, st["name"]), _p(cv.headline, st["headline"])]
    story.append(_p(" · ".join(_contact_items(cv)), st["small"]))
    story.append(_p("Experience", st["section"]))
    grid = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    for job in cv.experience:
        entry = [_p(f"{job.title}, {job.employer}", st["job"])]
        entry += [_p(b, st["bullet"], bullet="•") for b in job.bullets]
        story.append(
            Table(
                [[_p(job.dates, st["small"]), entry]],
                colWidths=[date_w, doc.width - date_w],
                style=grid,
            )
        )
    story.append(_p("Education", st["section"]))
    for school in cv.education:
        row = [
            _p(school.dates, st["small"]),
            _p(f"{school.degree}, {school.institution}", st["body"]),
        ]
        story.append(Table([row], colWidths=[date_w, doc.width - date_w], style=grid))
    story += [_p("Skills", st["section"]), _p(", ".join(cv.skills), st["body"])]
    doc.build(story)


def _word_by_word_pdf(cv: CV, buffer: io.BytesIO) -> None:
    """Every word drawn on its own, as design tools and some browsers export text."""
    _register_fonts()
    canvas = Canvas(buffer, pagesize=A4)
    y = A4[1] - 60
    lines = [(cv.name, FONT_BOLD, 18), (f"{cv.email} · {cv.phone}", FONT, 9.5)]
    for job in cv.experience:
        lines.append((f"{job.title} — {job.employer} — {job.dates}", FONT_BOLD, 10))
        lines += [(bullet[:95], FONT, 9.5) for bullet in job.bullets]
    lines.append((", ".join(cv.skills), FONT, 9.5))
    for text, font, size in lines:
        x = 50.0
        for word in text.split():
            canvas.setFont(font, size)
            canvas.drawString(x, y, word)
            x += stringWidth(word + " ", font, size)
        y -= size * 1.45
    canvas.showPage()
    canvas.save()


PdfLayout = Literal["one_column", "two_column", "sidebar_right", "dates_left", "word_by_word"]


def render_pdf(cv: CV, layout: PdfLayout = "one_column") -> bytes:
    """A text PDF of `cv` (TrueType fonts embedded, so any Unicode name survives).

    Layouts: one column with right-aligned dates; a name band over a left sidebar and a
    main column (`two_column`) or the sidebar on the right; dates in a left margin
    column; and every word drawn separately (no layout, tests word spacing)."""
    buffer = io.BytesIO()
    if layout == "one_column":
        _one_column_pdf(cv, buffer)
    elif layout == "dates_left":
        _dates_left_pdf(cv, buffer)
    elif layout == "word_by_word":
        _word_by_word_pdf(cv, buffer)
    else:
        _two_column_pdf(cv, buffer, sidebar_right=layout == "sidebar_right")
    return buffer.getvalue()


# --------------------------------------------------------------------------- DOCX

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _text_box_xml(text: str) -> str:
    """A paragraph holding a VML text box (what Word writes as the fallback shape)."""
    return (
        f'<w:p {_W} xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict>'
        '<v:shape style="width:200pt;height:40pt"><v:textbox><w:txbxContent>'
        f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    )


def _wrap_in_content_control(paragraph: Any) -> None:
    """Move `paragraph` into a block-level content control (w:sdt), as Word templates do."""
    sdt = parse_xml(f"<w:sdt {_W}><w:sdtPr/><w:sdtContent/></w:sdt>")
    paragraph._p.addprevious(sdt)
    sdt[1].append(paragraph._p)


def render_docx(
    cv: CV,
    *,
    header_text: str | None = None,
    footer_text: str | None = None,
    text_box: str | None = None,
    name_in_content_control: bool = False,
) -> bytes:
    """A Word CV: name and headline, contact details in a two-column table, sections with
    bulleted experience, and text in the page header and footer."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10.5)
    section = document.sections[0]
    section.header.paragraphs[0].text = header_text or f"{cv.name} · Curriculum Vitae"
    section.footer.paragraphs[0].text = footer_text or "References available on request"

    title = document.add_paragraph(style="Title")
    title.add_run(cv.name)
    if name_in_content_control:
        _wrap_in_content_control(title)
    subtitle = document.add_paragraph(cv.headline, style="Subtitle")
    if text_box:
        subtitle._p.addnext(parse_xml(_text_box_xml(text_box)))

    rows = [("Email", cv.email), ("Phone", cv.phone), ("Location", cv.location)]
    rows += [(link.label, link.url) for link in cv.links]
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value

    document.add_heading("Profile", level=1)
    document.add_paragraph(cv.summary)
    document.add_heading("Experience", level=1)
    for job in cv.experience:
        heading = document.add_paragraph()
        heading.add_run(f"{job.title}, {job.employer}").bold = True
        if job.location:
            heading.add_run(f", {job.location}")
        dates = document.add_paragraph(job.dates)
        dates.runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        for bullet in job.bullets:
            document.add_paragraph(bullet, style="List Bullet")
    document.add_heading("Education", level=1)
    for school in cv.education:
        document.add_paragraph().add_run(school.degree).bold = True
        document.add_paragraph(f"{school.institution}, {school.dates}")
        if school.details:
            document.add_paragraph(school.details)
    document.add_heading("Skills", level=1)
    document.add_paragraph(", ".join(cv.skills))
    if cv.certifications:
        document.add_heading("Certifications", level=1)
        for cert in cv.certifications:
            document.add_paragraph(cert, style="List Bullet")
    if cv.languages:
        document.add_heading("Languages", level=1)
        paragraph = document.add_paragraph(" · ".join(cv.languages))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- TXT / Markdown


def render_txt(cv: CV) -> str:
    lines = [cv.name, cv.headline, "", f"Email: {cv.email}", f"Phone: {cv.phone}"]
    lines += [f"Location: {cv.location}", *(f"{link.label}: {link.url}" for link in cv.links)]
    lines += ["", "PROFILE", cv.summary, "", "EXPERIENCE"]
    for job in cv.experience:
        lines += ["", f"{job.title} - {job.employer} ({job.location})", job.dates]
        lines += [f"  * {b}" for b in job.bullets]
    lines += ["", "EDUCATION"]
    lines += [f"{s.degree}, {s.institution}, {s.dates}" for s in cv.education]
    lines += ["", "SKILLS", ", ".join(cv.skills), "", "LANGUAGES", ", ".join(cv.languages)]
    return "\n".join(lines) + "\n"


def render_markdown(cv: CV) -> str:
    links = " · ".join(f"[{link.label}]({link.url})" for link in cv.links)
    lines = [f"# {cv.name}", "", f"**{cv.headline}**", ""]
    lines += [f"- Email: {cv.email}", f"- Phone: {cv.phone}", f"- Location: {cv.location}"]
    if links:
        lines.append(f"- {links}")
    lines += ["", "## Profile", "", cv.summary, "", "## Experience"]
    for job in cv.experience:
        lines += ["", f"### {job.title} — {job.employer}", "", f"*{job.dates}*, {job.location}", ""]
        lines += [f"- {b}" for b in job.bullets]
    lines += ["", "## Education", ""]
    lines += [f"- **{s.degree}**, {s.institution} ({s.dates})" for s in cv.education]
    lines += ["", "## Skills", "", ", ".join(cv.skills), "", "## Languages", ""]
    lines += [f"- {lang}" for lang in cv.languages]
    return "\n".join(lines) + "\n"


Format = Literal["pdf", "pdf_two_column", "docx", "txt", "md"]


def render(cv: CV, fmt: Format) -> bytes:
    """`cv` as the bytes of an upload in format `fmt`."""
    if fmt == "pdf":
        return render_pdf(cv)
    if fmt == "pdf_two_column":
        return render_pdf(cv, layout="two_column")
    if fmt == "docx":
        return render_docx(cv)
    if fmt == "txt":
        return render_txt(cv).encode()
    return render_markdown(cv).encode()


# --------------------------------------------------------------------------- bad files


def encrypted_pdf(pdf: bytes, password: str = "s3cret") -> bytes:  # noqa: S107
    """`pdf` protected with a user password (AES-256), so it cannot be opened without it."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def owner_only_pdf(pdf: bytes) -> bytes:
    """`pdf` with permissions set but an empty user password: opens without asking."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="", owner_password="owner-only", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_bytes(width: int = 8, height: int = 8) -> bytes:
    """A small valid PNG (grey square)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def image_only_pdf(pages: int = 1, stamp: str | None = None) -> bytes:
    """What a scanner produces: each page a picture plus some shapes, no text — except an
    optional `stamp` line such as "Scanned by CamScanner" that scanner apps add."""
    from PIL import Image, ImageDraw  # only this fixture needs Pillow
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (600, 800), color=255)
    draw = ImageDraw.Draw(image)
    for y in range(60, 760, 24):  # grey bars standing in for scanned lines of text
        draw.rectangle((50, y, 50 + (y * 7) % 480, y + 10), fill=60)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        canvas.drawImage(ImageReader(image), 40, 60, width=515, height=720)
        canvas.setStrokeColor(colors.black)
        canvas.rect(30, 50, 535, 740)
        canvas.circle(300, 30, 8, fill=1)
        if stamp:
            canvas.setFont("Helvetica", 7)
            canvas.drawString(40, 20, stamp)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def truncated(data: bytes, keep: float = 0.5) -> bytes:
    """The first `keep` share of `data`: a download that stopped half-way."""
    return data[: int(len(data) * keep)]


def zip_bytes(members: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def random_zip() -> bytes:
    return zip_bytes({"notes.txt": "not a CV", "photos/readme.md": "# holiday"})


def xlsx_like_zip() -> bytes:
    """The skeleton of an Excel workbook: an OOXML package without word/document.xml."""
    return zip_bytes(
        {
            "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
            "xl/workbook.xml": '<?xml version="1.0"?><workbook/>',
        }
    )


def odt_like_zip() -> bytes:
    """The skeleton of an OpenDocument text file (LibreOffice Writer)."""
    return zip_bytes(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}
    )


def oversized(size: int = 11 * 1024 * 1024) -> bytes:
    """A file of exactly `size` bytes that starts like a PDF."""
    head = b"%PDF-1.7\n"
    return head + b"0" * (size - len(head))


def random_binary(size: int = 4096, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.getrandbits(8) for _ in range(size))


def upload_set(cvs: Sequence[CV], fmt: Format = "pdf") -> list[tuple[str, bytes]]:
    """`(filename, data)` pairs, one per CV, as a multi-file upload would send them."""
    suffix = {"pdf_two_column": "pdf"}.get(fmt, fmt)
    return [(f"cv{i + 1}.{suffix}", render(cv, fmt)) for i, cv in enumerate(cvs)]
