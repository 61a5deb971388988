"""Fabrication: offline letters that state only facts, in the posting's language; the
tailored CV's ordering; the fact checker against planted false claims; PDF, DOCX and
Markdown that re-open with their non-ASCII text intact."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication import (
    CoverLetter,
    CoverLetterDraft,
    TailoredCv,
    fact_check,
    render_docx,
    render_html,
    render_markdown,
    render_pdf,
    tailor_cv,
    write_cover_letter_offline,
)
from jobagent_core.fabrication.facts import experience_years
from jobagent_core.llm import strict_json_schema
from jobagent_core.profiling.schemas import (
    CertificationEntry,
    EducationEntry,
    ExperienceEntry,
    LanguageSkill,
    Links,
    Profile,
)

pytestmark = pytest.mark.unit

NAME = "Zoë Müller-Łukasik"
MATCHED = ["Python", "Apache Spark", "Airflow"]
RESEARCH = (
    "Acme Analytics builds forecasting software for European retailers. "
    "It was founded in 2015 and employs 120 people."
)


def make_profile() -> Profile:
    """A data engineer with 4 years of dated experience (2020-01 to 2023-12)."""
    return Profile(
        name=NAME,
        email="zoe@example.org",
        phone="+49 30 1234567",
        location="Berlin, Germany",
        links=Links(linkedin="https://www.linkedin.com/in/zoe-ml"),
        summary="Data engineer who builds reliable batch and streaming pipelines.",
        skills=["SQL", "Tableau", "Python", "Git", "Apache Spark", "Airflow", "PostgreSQL"],
        experience=[
            ExperienceEntry(
                title="BI Analyst",
                employer="Umbrella Retail",
                location="Hamburg",
                start="2020-01",
                end="2021-12",
                bullets=[
                    "Maintained Tableau dashboards for the sales team.",
                    "Wrote SQL reports for finance.",
                ],
            ),
            ExperienceEntry(
                title="Data Engineer",
                employer="Initech GmbH",
                location="Berlin",
                start="2022-01",
                end="2023-12",
                bullets=[
                    "Mentored two working students.",
                    "Cut dashboard refresh time by 40% with incremental Apache Spark jobs.",
                    "Built Airflow pipelines loading 2 TB of events per day into PostgreSQL.",
                ],
            ),
        ],
        education=[
            EducationEntry(
                degree="M.Sc. Computer Science", institution="TU Berlin", start="2017", end="2019"
            )
        ],
        languages=[
            LanguageSkill(language="English", level="C1"),
            LanguageSkill(language="Deutsch", level="Native"),
            LanguageSkill(language="Français", level="B1"),
        ],
        suggested_job_titles=["Data Engineer", "Analytics Engineer"],
    )


def make_posting(language: str | None = "en", source_id: str = "42") -> PostingData:
    descriptions = {
        "de": "Wir suchen eine:n Senior Data Engineer mit Erfahrung in Python, Apache Spark "
        "und Airflow für unsere Datenplattform. Sie arbeiten mit Kubernetes und sind Teil "
        "eines Teams von 8 Personen.",
        "fr": "Nous recherchons un Senior Data Engineer maîtrisant Python, Apache Spark et "
        "Airflow pour notre plateforme de données. Vous travaillerez avec Kubernetes dans une "
        "équipe de 8 personnes.",
    }
    english = (
        "We are looking for a Senior Data Engineer with Python, Apache Spark and Airflow "
        "experience to build our data platform on Kubernetes. You join a team of 8 and "
        "need 3+ years of experience. Salary up to 75,000 EUR."
    )
    return PostingData(
        source="sample",
        source_id=source_id,
        title="Senior Data Engineer",
        company="Acme Analytics",
        location="Munich",
        language=language,
        description_text=descriptions.get(language or "", english),
        salary_max=75000,
    )


def offline_letter(language: str | None = "en", source_id: str = "42") -> CoverLetter:
    return write_cover_letter_offline(
        make_profile(),
        make_posting(language, source_id),
        matched_skills=MATCHED,
        research_summary=RESEARCH,
        today=date(2025, 3, 3),
    )


# --- offline letters ------------------------------------------------------------------


def test_english_letter_names_role_company_experience_skills_and_research() -> None:
    letter = offline_letter("en")
    body = letter.body_text()
    assert letter.language == "en"
    assert "Senior Data Engineer" in body
    assert "Acme Analytics" in body
    assert "Data Engineer" in body
    assert "Initech GmbH" in body
    assert sum(skill in body for skill in MATCHED) >= 2
    assert "Acme Analytics builds forecasting software for European retailers." in body
    assert "4 years" in body
    assert letter.signature == NAME
    assert letter.sender[0] == NAME
    assert letter.recipient == ["Acme Analytics", "Munich"]


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "it", "nl", None, "pl"])
@pytest.mark.parametrize("source_id", ["1", "2", "3", "4", "5", "6"])
def test_offline_letters_state_only_facts(language: str | None, source_id: str) -> None:
    letter = offline_letter(language, source_id)
    posting = make_posting(language, source_id)
    assert fact_check(letter.body_text(), make_profile(), posting, sources=[RESEARCH]) == []


def test_matched_skills_the_profile_lacks_are_not_claimed() -> None:
    letter = write_cover_letter_offline(
        make_profile(),
        make_posting(),
        matched_skills=["Kubernetes", "Python"],
        research_summary=None,
    )
    assert "Kubernetes" not in letter.body_text()
    assert "Python" in letter.body_text()


def test_german_letter_for_a_german_posting() -> None:
    letter = offline_letter("de")
    body = letter.body_text()
    assert letter.language == "de"
    assert letter.greeting.startswith("Sehr geehrte")
    assert "Grüße" in letter.closing
    assert "bei Acme Analytics" in body
    assert "bei Initech GmbH" in body
    assert "4 Jahre Berufserfahrung" in body
    assert "<p>3. März 2025</p>" in render_html(letter)  # not an ordered list
    # The English research sentence is not pasted into a German letter.
    assert "forecasting" not in body


def test_french_letter_for_a_french_posting() -> None:
    letter = offline_letter("fr")
    body = letter.body_text()
    assert letter.language == "fr"
    assert letter.greeting in ("Madame, Monsieur,", "Chère équipe Acme Analytics,")
    assert "chez Initech GmbH" in body
    assert "4 ans d'expérience" in body
    assert "3 mars 2025" in render_markdown(letter)


def test_posting_language_is_guessed_and_unsupported_falls_back_to_english() -> None:
    assert offline_letter(None).language == "en"
    german = make_posting("de").model_copy(update={"language": None})
    guessed = write_cover_letter_offline(
        make_profile(), german, matched_skills=MATCHED, research_summary=None
    )
    assert guessed.language == "de"
    assert offline_letter("pl").language == "en"


def test_phrasing_varies_by_posting_and_repeats_for_the_same_posting() -> None:
    texts = {offline_letter("en", str(i)).body_text() for i in range(12)}
    assert len(texts) >= 4
    assert offline_letter("en", "7") == offline_letter("en", "7")


def test_sparse_profile_still_gives_a_letter_and_a_cv() -> None:
    profile = Profile(education=[EducationEntry(degree="B.Sc. Physics")])
    posting = make_posting().model_copy(update={"title": "C++ & <Rust> Developer"})
    letter = write_cover_letter_offline(
        profile, posting, matched_skills=["C++"], research_summary=None
    )
    assert "B.Sc. Physics" in letter.body_text()  # no job: the degree is mentioned
    body = letter.body_text()
    assert body.count("C++") == body.count("C++ & <Rust>")  # only in the role's title
    assert fact_check(letter.body_text(), profile, posting) == []
    cv = tailor_cv(profile, posting, ["C++"])
    for document in (letter, cv):
        assert render_pdf(document).startswith(b"%PDF")
        assert render_docx(document).startswith(b"PK")
    assert "C++ &amp; &lt;Rust&gt; Developer" in render_html(letter)


def test_letter_schema_is_accepted_as_strict_json_schema() -> None:
    schema = strict_json_schema(CoverLetterDraft)
    assert set(schema["required"]) >= {"language", "greeting", "paragraphs", "closing"}


# --- tailored CV ----------------------------------------------------------------------


def test_tailored_cv_orders_by_relevance_and_adds_nothing() -> None:
    profile = make_profile()
    cv = tailor_cv(profile, make_posting(), MATCHED)
    # Matched skills first (in the matcher's order), then those the posting names, then
    # the rest in the profile's order.
    assert cv.skills[:3] == MATCHED
    assert set(cv.skills) <= set(profile.skills)
    # The data engineering job first; its bullets that mention the posting first.
    assert [job.employer for job in cv.experience] == ["Initech GmbH", "Umbrella Retail"]
    first = cv.experience[0].bullets
    assert first[0].startswith("Built Airflow pipelines") or first[0].startswith("Cut")
    assert first[-1] == "Mentored two working students."
    profile_bullets = {b for job in profile.experience for b in job.bullets}
    assert {b for job in cv.experience for b in job.bullets} <= profile_bullets
    assert cv.headline == "Data Engineer"
    assert cv.name == NAME
    assert "zoe@example.org" in cv.contact
    assert [e.degree for e in cv.education] == ["M.Sc. Computer Science"]


def test_tailored_cv_puts_the_posting_language_first() -> None:
    cv = tailor_cv(make_profile(), make_posting("fr"), MATCHED)
    assert cv.language == "fr"
    assert cv.languages[0].language == "Français"


def test_tailored_cv_passes_the_fact_checker() -> None:
    profile, posting = make_profile(), make_posting()
    cv = tailor_cv(profile, posting, MATCHED)
    assert fact_check(cv.body_text(), profile, posting) == []


def test_tailored_cv_lists_every_certificate_the_profile_holds_asked_for_first() -> None:
    profile = make_profile().model_copy(
        update={
            "certifications": [
                CertificationEntry(name="Führerschein Klasse B"),
                CertificationEntry(
                    name="Certified Kubernetes Administrator",
                    issuer="Cloud Native Computing Foundation",
                    date="2022-03",
                ),
            ]
        }
    )
    posting = make_posting("de")
    posting = posting.model_copy(
        update={"description_text": posting.description_text + " CKA-Zertifizierung erwünscht."}
    )
    cv = tailor_cv(profile, posting, MATCHED)
    # Both, the one the posting asks for ("CKA") first; nothing the profile lacks.
    assert [c.name for c in cv.certifications] == [
        "Certified Kubernetes Administrator",
        "Führerschein Klasse B",
    ]
    assert "Certified Kubernetes Administrator" in cv.body_text()
    assert fact_check(cv.body_text(), profile, posting) == []
    # The CV now names the requirement, and its notes say so.
    assert not any(
        "Certified Kubernetes Administrator" in note and "missing" in note.lower()
        for note in cv.notes
    )
    line = "Certified Kubernetes Administrator — Cloud Native Computing Foundation (03/2022)"
    for text in (render_markdown(cv), docx_text(render_docx(cv)), pdf_text(render_pdf(cv))):
        assert "Zertifikate" in text  # the heading in the posting's language
        assert line in " ".join(text.split())
        assert "Führerschein Klasse B" in text
    # A profile without certificates gets no empty section.
    bare = tailor_cv(make_profile(), posting, MATCHED)
    assert bare.certifications == []
    assert "Zertifikate" not in render_markdown(bare)


# --- fact checker ---------------------------------------------------------------------


def test_profile_shows_about_four_years() -> None:
    assert experience_years(make_profile()) == pytest.approx(4.0)


CLEAN = (
    "As Data Engineer at Initech GmbH I built Airflow pipelines loading 2 TB of events per "
    "day and cut refresh time by 40 %. With 4 years of experience in Python and Apache Spark "
    "and my M.Sc. Computer Science from TU Berlin, I want to join Acme Analytics in Munich, "
    "where a team of 8 works on Kubernetes. The role needs 3 years of experience."
)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Before that, I led the data team at Globex Corporation.", "Globex Corporation"),
        ("I also worked at Globex for two years.", "Globex"),
        ("I hold a PhD in Computer Science.", "PhD"),
        ("I am fluent in Terraform.", "Terraform"),
        ("I also have deep experience in machine learning.", "machine learning"),
        ("I bring 10 years of experience in data engineering.", "10 years"),
        ("I reduced cloud costs by 35% last year.", "35%"),
        ("Ich war zuvor bei Globex tätig.", "Globex"),
    ],
)
def test_fact_checker_catches_planted_claims(sentence: str, claim: str) -> None:
    profile, posting = make_profile(), make_posting()
    assert fact_check(CLEAN, profile, posting) == []
    assert fact_check(f"{CLEAN} {sentence}", profile, posting) == [claim]


def test_fact_checker_reads_german_letters() -> None:
    profile, posting = make_profile(), make_posting("de")
    clean = (
        "Derzeit arbeite ich als Data Engineer bei der Initech GmbH in Berlin. Mit vier Jahren "
        "Berufserfahrung und Kenntnissen in Python und Apache Spark bringe ich die "
        "Voraussetzungen für die Stelle bei Acme Analytics mit. Bei Fragen stehe ich Ihnen "
        "gerne zur Verfügung."
    )
    assert fact_check(clean, profile, posting, language="de") == []
    planted = clean + " Zuvor war ich bei der Globex AG tätig und nutze täglich Terraform."
    assert fact_check(planted, profile, posting, language="de") == ["Globex AG", "Terraform"]


def test_fact_checker_compares_numbers_normalised() -> None:
    profile, posting = make_profile(), make_posting()
    for text in (
        "I cut refresh time by 40%.",
        "I cut refresh time by 40 percent.",
        "You ask for 3 years of experience; I have 4+ years.",
        "Your team of 8 and a salary of up to 75.000 EUR suit me.",
        "The salary of EUR 75k suits me.",
        "I joined Initech GmbH in 2022.",
    ):
        assert fact_check(text, profile, posting) == [], text
    assert fact_check("I cut refresh time by 45%.", profile, posting) == ["45%"]
    assert fact_check("I managed 40 % of the budget, 12 people.", profile, posting) == ["12"]


def test_fact_checker_accepts_research_as_a_source() -> None:
    profile, posting = make_profile(), make_posting()
    text = "Acme Analytics was founded in 2015 and employs 120 people."
    assert fact_check(text, profile, posting) == ["2015", "120"]
    assert fact_check(text, profile, posting, sources=[RESEARCH]) == []


def test_fact_checker_accepts_degree_and_experience_in_other_words() -> None:
    profile, posting = make_profile(), make_posting()
    assert fact_check("I hold a Master's degree from TU Berlin.", profile, posting) == []
    assert fact_check("Ich habe einen Bachelor.", profile, posting) == ["Bachelor"]
    assert fact_check("J'ai dix ans d'expérience.", profile, posting) == ["dix ans"]


# --- rendering ------------------------------------------------------------------------


def unicode_letter() -> CoverLetter:
    letter = offline_letter("de")
    assert "Grüße" in letter.closing
    return letter


def unicode_cv() -> TailoredCv:
    return tailor_cv(make_profile(), make_posting("fr"), MATCHED)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def test_letter_pdf_reopens_with_non_ascii_text() -> None:
    data = render_pdf(unicode_letter())
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert NAME in text
    assert "Grüße" in text
    assert "3. März 2025" in text
    assert "hiermit bewerbe" in text or "Position Senior Data Engineer" in text
    assert PdfReader(io.BytesIO(data)).metadata.author == NAME  # type: ignore[union-attr]


def test_cv_pdf_reopens_with_non_ascii_text() -> None:
    text = pdf_text(render_pdf(unicode_cv()))
    for expected in (NAME, "Français (B1)", "Expérience professionnelle", "Initech GmbH"):
        assert expected in text
    assert "Built Airflow pipelines" in text


def test_letter_docx_reopens_with_non_ascii_text() -> None:
    text = docx_text(render_docx(unicode_letter()))
    assert NAME in text
    assert "Grüße" in text
    assert "3. März 2025" in text
    assert "Acme Analytics" in text


def test_cv_docx_reopens_with_non_ascii_text() -> None:
    data = render_docx(unicode_cv())
    text = docx_text(data)
    for expected in (NAME, "Français (B1)", "Compétences", "Initech GmbH", "01/2022 – 12/2023"):
        assert expected in text
    bullets = [
        p.text
        for p in docx.Document(io.BytesIO(data)).paragraphs
        if p.style is not None and p.style.name == "List Bullet"
    ]
    assert "Mentored two working students." in bullets


def test_markdown_keeps_content_literal() -> None:
    cv = unicode_cv().model_copy(update={"summary": "*Not bold* <script>x</script> # no heading"})
    markdown = render_markdown(cv)
    assert markdown.startswith(f"# {NAME}\n")
    html = MarkdownIt("commonmark").render(markdown)
    assert "<em>" not in html
    assert "<script>" not in html
    assert "&lt;script&gt;" in render_html(cv)
    assert "## Compétences" in markdown
    assert "- Français (B1)" in markdown


def test_letter_markdown_has_header_body_and_signature() -> None:
    markdown = render_markdown(unicode_letter())
    assert markdown.startswith(f"**{NAME}**  \n")
    assert "Acme Analytics  \nMunich" in markdown
    assert markdown.rstrip().endswith(NAME)


def test_a_letter_with_control_characters_or_a_bad_language_still_renders_to_docx() -> None:
    # Text typed or generated with characters XML cannot hold, and a language that is
    # no language code, must not cost the person their DOCX.
    letter = offline_letter("en").model_copy(
        update={
            "language": 'en" w:foo="x',
            "greeting": "Dear\x0c hiring team,",
            "paragraphs": ["I build data\x00 pipelines.", "Second\x01 paragraph."],
        }
    )
    text = docx_text(render_docx(letter))
    assert "Dear hiring team," in text
    assert "I build data pipelines." in text
    assert "Second paragraph." in text
    assert render_pdf(letter).startswith(b"%PDF")
