"""The offline profile extractor: what it finds in real-looking CVs, and what it must
never do (invent a phone number, turn "R&D" into the R language, change its mind)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from jobagent_core.llm.schemas import strict_json_schema
from jobagent_core.profiling._offline.dates import find_date_range
from jobagent_core.profiling._offline.layout import split_columns
from jobagent_core.profiling._offline.suggest import title_head
from jobagent_core.profiling.documents import read_document
from jobagent_core.profiling.offline import extract_profile, extract_profile_from_documents
from jobagent_core.profiling.render import profile_to_markdown
from jobagent_core.profiling.schemas import Profile
from jobagent_core.profiling.taxonomy import find_skills, load_taxonomy
from tests.cv_fixtures import (
    B2B_SALES,
    CV,
    DATA_ENGINEER,
    PERSONAS,
    Format,
    render,
    render_markdown,
    render_txt,
)

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]


def norm(text: str) -> str:
    """What "modulo normalisation" means in these tests."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.replace("*", " ").replace("#", " ").split())


def skills_of(text: str, *, anywhere: bool = False) -> set[str]:
    """Skills in `text`; `anywhere` accepts ambiguous aliases as if all were a Skills section."""
    return {m.skill for m in find_skills(text, [(0, len(text))] if anywhere else ())}


def assert_nothing_invented(profile: Profile, text: str) -> None:
    """Every value is in the text; every skill was matched there; every suggested title
    is justified by an experience title or by the skills."""
    source = norm(text)
    scalars = [profile.name, profile.email, profile.phone, profile.location, profile.summary]
    for entry in profile.experience:
        scalars += [entry.title, entry.employer, entry.location, *entry.bullets]
    for school in profile.education:
        scalars += [school.degree, school.institution]
    for value in scalars:
        if value:
            assert norm(value) in source, value
    for url in [profile.links.linkedin, profile.links.github, profile.links.portfolio]:
        if url:
            assert norm(url.split("://", 1)[1].removeprefix("www.")) in source, url
    assert set(profile.skills) <= skills_of(text, anywhere=True)
    taxonomy = load_taxonomy()
    heads = {norm(title_head(e.title)) for e in profile.experience}
    named = {spec.title for e in profile.experience for spec in taxonomy.titles.match(e.title)}
    for title in profile.suggested_job_titles:
        spec = taxonomy.titles.by_title.get(title)
        by_skills = spec is not None and len(set(spec.skills) & set(profile.skills)) >= 2
        assert norm(title) in heads or title in named or by_skills, title


# --------------------------------------------------------------------------- personas

EXPECTED = {
    "data_engineer": ("Senior Data Engineer", "Nordlicht Logistics GmbH", "2019-03", "present"),
    "icu_nurse": (
        "Senior Staff Nurse, Adult Intensive Care Unit",
        "Northgate University Hospitals NHS Trust",
        "2020-03",
        "present",
    ),
    "electrician": (
        "Electrician (self-employed)",
        "O'Connor Electrical Services",
        "2019",
        "present",
    ),
    "primary_teacher": (
        "Class Teacher (Year 4) and Phonics Lead",
        "Cotham Park Primary School",
        "2019-09",
        "present",
    ),
    "b2b_sales": ("Senior Account Executive, Enterprise", "CloudLedger Inc.", "2021-02", "present"),
    "financial_analyst": (
        "Senior Financial Analyst, FP&A",
        "Harrow & Vale Retail plc",
        "2021-04",
        "present",
    ),
}

FORMATS: list[Format] = ["txt", "md", "pdf", "pdf_two_column", "docx"]


def persona_text(cv: CV, fmt: Format) -> str:
    if fmt == "txt":
        return render_txt(cv)
    if fmt == "md":
        return render_markdown(cv)
    suffix = "pdf" if fmt.startswith("pdf") else fmt
    return read_document(f"cv.{suffix}", render(cv, fmt)).text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("key", list(PERSONAS))
def test_persona_profile(key: str, fmt: Format) -> None:
    cv = PERSONAS[key]
    text = persona_text(cv, fmt)
    profile = extract_profile(text)

    assert profile.name == cv.name
    assert profile.email == cv.email
    assert profile.phone == cv.phone
    assert profile.location == cv.location
    assert [e.employer for e in profile.experience] == [job.employer for job in cv.experience]
    title, employer, start, end = EXPECTED[key]
    first = profile.experience[0]
    assert (first.title, first.employer, first.start, first.end) == (title, employer, start, end)
    assert first.current
    assert all(e.bullets for e in profile.experience)
    assert [s.institution for s in profile.education] == [s.institution for s in cv.education]
    assert len(profile.languages) == len(cv.languages)
    assert len(profile.skills) >= 8
    assert 3 <= len(profile.suggested_job_titles) <= 6
    assert_nothing_invented(profile, text)


def test_persona_details() -> None:
    data = extract_profile(render_txt(DATA_ENGINEER))
    assert data.links.linkedin == "https://www.linkedin.com/in/zoe-mueller-lukasik"
    assert data.links.github == "https://github.com/zoeml"
    assert {"Python", "SQL", "Apache Spark", "Apache Kafka", "dbt", "Snowflake"} <= set(data.skills)
    assert [(e.start, e.end) for e in data.experience] == [
        ("2019-03", "present"),
        ("2018-01", "2019-02"),
        ("2015-03", "2017-12"),  # "März 2015 – Dezember 2017"
    ]
    assert data.education[0].degree == "M.Sc. Computer Science"
    assert [(lang.language, lang.level) for lang in data.languages] == [
        ("German", "Native"),
        ("Polish", "Native"),
        ("English", "C1"),
    ]
    assert data.suggested_job_titles[:2] == ["Senior Data Engineer", "Data Engineer"]
    assert "Analytics Engineer" in data.suggested_job_titles

    nurse = extract_profile(render_txt(PERSONAS["icu_nurse"]))
    assert "ICU Nurse" in nurse.suggested_job_titles
    assert {"Mechanical Ventilation", "Intensive Care Nursing"} <= set(nurse.skills)

    electrician = extract_profile(render_txt(PERSONAS["electrician"]))
    assert electrician.suggested_job_titles[:2] == ["Electrician", "Solar PV Installer"]
    assert electrician.links.linkedin is None
    assert electrician.links.github is None

    sales = extract_profile(render_txt(B2B_SALES))
    assert sales.phone == "(512) 555-0147"
    assert sales.experience[0].location == "Austin, TX"
    assert "Account Executive" in sales.suggested_job_titles


# --------------------------------------------------------------------------- layouts

GERMAN_CV = """\
LEBENSLAUF

Jürgen Weiß-Öztürk
Gesundheits- und Krankenpfleger
Telefon: +49 (0)89 1234 5678
E-Mail: juergen.weiss@example.de
Adresse: Lindwurmstraße 12, 80337 München

Kurzprofil
Fachkrankenpfleger für Intensivpflege mit zehn Jahren Erfahrung auf der Intensivstation.

Berufserfahrung

Fachkrankenpfleger für Intensivpflege
Klinikum Schwabing, München
seit 04/2020
- Versorgung beatmeter Patienten, invasive Beatmung und Hämodynamik
- Praxisanleitung neuer Kolleginnen und Kollegen

Gesundheits- und Krankenpfleger
Städtisches Krankenhaus Passau
März 2015 – Dezember 2017
- Krankenpflege auf der internistischen Station, Wundversorgung und Medikamentengabe

Ausbildung
Ausbildung zum Gesundheits- und Krankenpfleger, Berufsfachschule für Pflege Passau, 2012–2015

Kenntnisse
Intensivpflege, Beatmung, Wundmanagement, Pflegedokumentation, Erste Hilfe

Sprachen
Deutsch: Muttersprache
Türkisch: fließend
Englisch: B2
"""


def test_german_cv() -> None:
    profile = extract_profile(GERMAN_CV)
    assert profile.name == "Jürgen Weiß-Öztürk"
    assert profile.phone == "+49 (0)89 1234 5678"
    assert profile.email == "juergen.weiss@example.de"
    assert profile.location == "München"
    first, second = profile.experience
    assert (first.title, first.employer, first.location) == (
        "Fachkrankenpfleger für Intensivpflege",
        "Klinikum Schwabing",
        "München",
    )
    assert (first.start, first.end, first.current) == ("2020-04", "present", True)
    assert (second.start, second.end) == ("2015-03", "2017-12")
    assert second.employer == "Städtisches Krankenhaus Passau"
    assert profile.education[0].institution == "Berufsfachschule für Pflege Passau"
    assert {"Intensive Care Nursing", "Mechanical Ventilation", "Nursing", "First Aid"} <= set(
        profile.skills
    )
    assert [(lang.language, lang.level) for lang in profile.languages] == [
        ("German", "Native"),
        ("Turkish", "Fluent"),
        ("English", "B2"),
    ]
    assert profile.suggested_job_titles[:2] == [
        "Fachkrankenpfleger für Intensivpflege",  # the CV's own most recent title
        "ICU Nurse",
    ]
    assert "Registered Nurse" in profile.suggested_job_titles
    assert_nothing_invented(profile, GERMAN_CV)


FRENCH_CV = """\
François Lefèvre
Comptable confirmé — Lyon, France
francois.lefevre@example.fr · +33 6 12 34 56 78

Profil
Comptable avec huit ans d'expérience en comptabilité générale et clôture mensuelle.

Expérience professionnelle
Comptable chez Fiduciaire Rhône SARL
janvier 2018 – aujourd'hui
• Tenue de comptabilité, rapprochement bancaire et TVA pour 40 clients
• Clôture annuelle et liasses fiscales

Aide-comptable, Boulangeries Martin
sept. 2015 - déc. 2017
• Saisie des factures fournisseurs et comptabilité clients

Formation
BTS Comptabilité et Gestion, Lycée Ampère, Lyon, 2015

Compétences
Comptabilité, Sage, Excel, TVA, SAP

Langues
Français (langue maternelle), Anglais (courant), Espagnol (notions)
"""


def test_french_cv() -> None:
    profile = extract_profile(FRENCH_CV)
    assert profile.name == "François Lefèvre"
    assert profile.phone == "+33 6 12 34 56 78"
    assert profile.location == "Lyon, France"
    first, second = profile.experience
    assert (first.title, first.employer, first.start, first.end) == (
        "Comptable",
        "Fiduciaire Rhône SARL",
        "2018-01",
        "present",
    )
    assert (second.title, second.employer, second.start, second.end) == (
        "Aide-comptable",
        "Boulangeries Martin",
        "2015-09",
        "2017-12",
    )
    assert profile.education[0].degree == "BTS Comptabilité et Gestion"
    assert profile.education[0].end == "2015"
    assert {"Accounting", "VAT", "Microsoft Excel", "Sage Accounting", "SAP"} <= set(profile.skills)
    assert [(lang.language, lang.level) for lang in profile.languages] == [
        ("French", "Native"),
        ("English", "Fluent"),
        ("Spanish", "Basic"),
    ]
    assert "Accountant" in profile.suggested_job_titles
    assert_nothing_invented(profile, FRENCH_CV)


TWO_COLUMN_CV = """\
Zoë Müller-Łukasik                          Senior Data Engineer
zoe@example.com                             EXPERIENCE
+49 30 5550 1234                            Senior Data Engineer at Nordlicht GmbH
Berlin, Germany                             03/2019 – present
                                            • Built Kafka and Spark streaming pipelines
SKILLS                                      • Introduced dbt and Airflow for 140 jobs
Python, SQL, R, Go                          Data Engineer, Spreewerk GmbH
Docker, Kubernetes                          Jan 2018 - Feb 2019
                                            • Designed the PostgreSQL ingestion framework
LANGUAGES
German (native), English (C1)               EDUCATION
                                            M.Sc. Computer Science, TU Berlin, 2013–2015
"""


def test_two_column_text_is_read_column_by_column() -> None:
    lines = split_columns(TWO_COLUMN_CV.splitlines())
    assert lines.index("SKILLS") < lines.index("EXPERIENCE")
    profile = extract_profile(TWO_COLUMN_CV)
    assert profile.name == "Zoë Müller-Łukasik"
    assert profile.location == "Berlin, Germany"
    assert [(e.title, e.employer, e.start, e.end) for e in profile.experience] == [
        ("Senior Data Engineer", "Nordlicht GmbH", "2019-03", "present"),
        ("Data Engineer", "Spreewerk GmbH", "2018-01", "2019-02"),
    ]
    assert profile.experience[0].bullets == [
        "Built Kafka and Spark streaming pipelines",
        "Introduced dbt and Airflow for 140 jobs",
    ]
    assert {"R", "Go", "Python", "Apache Kafka"} <= set(profile.skills)
    assert [lang.language for lang in profile.languages] == ["German", "English"]
    assert profile.education[0].institution == "TU Berlin"
    assert_nothing_invented(profile, TWO_COLUMN_CV)


def test_right_aligned_dates_are_not_a_second_column() -> None:
    text = "\n".join(
        [
            "Amara Okafor",
            "Experience",
            *[
                f"Staff Nurse, Ward {n} — St Mary's Hospital{' ' * 20}{2010 + n} – {2011 + n}\n"
                f"- Cared for patients on ward {n}."
                for n in range(6)
            ],
        ]
    )
    assert split_columns(text.splitlines()) == text.splitlines()
    profile = extract_profile(text)
    assert len(profile.experience) == 6
    assert profile.experience[0].title == "Staff Nurse, Ward 0"
    assert profile.experience[0].start == "2010"


LABELLED_CV = """\
Name: Priya Natarajan
Email: priya.n@example.com
Location: London, United Kingdom

WORK HISTORY
Position: Financial Analyst
Company: Meridian Media Group
Dates: 09/2018 – 03/2021
Responsibilities:
- Consolidated management accounts in SAP and Power BI.

Position: Graduate Analyst
Company: Kensington Advisory LLP
Dates: 2017 - 2018
- Supported due diligence and valuation work.
"""


def test_labelled_cv_without_phone_or_links() -> None:
    profile = extract_profile(LABELLED_CV)
    assert profile.name == "Priya Natarajan"
    assert profile.location == "London, United Kingdom"
    assert profile.phone is None
    assert profile.links.linkedin is None
    assert profile.links.github is None
    assert profile.links.portfolio is None
    assert profile.links.other == []
    assert profile.summary is None
    assert profile.education == []
    assert profile.languages == []
    assert [(e.title, e.employer, e.start, e.end) for e in profile.experience] == [
        ("Financial Analyst", "Meridian Media Group", "2018-09", "2021-03"),
        ("Graduate Analyst", "Kensington Advisory LLP", "2017", "2018"),
    ]
    assert profile.experience[0].bullets == [
        "Consolidated management accounts in SAP and Power BI."
    ]
    assert not profile.experience[0].current
    assert_nothing_invented(profile, LABELLED_CV)


ODD_CONTACT_CV = """\
CURRICULUM VITAE

MARCUS CHEN
Enterprise sales leader

PROFILE
B2B SaaS seller who closes six-figure deals. Reach me at marcus.chen@example.com.

EXPERIENCE
Account Executive @ CloudLedger Inc., Austin, TX | Feb 2021 - Present
- Closed $2.4M in new ARR (128% of quota).
Brightpath Software — Sales Development Representative
2015 – 2017
- Booked 40+ qualified meetings per month.

Links: www.marcus-sells.com · linkedin.com/in/marcuschen-sales

Mobile: 512.555.0147
"""


def test_contact_details_in_odd_places() -> None:
    profile = extract_profile(ODD_CONTACT_CV)
    assert profile.name == "Marcus Chen"  # all capitals in the CV, title case here
    assert profile.email == "marcus.chen@example.com"
    assert profile.phone == "512.555.0147"
    assert profile.links.linkedin == "https://linkedin.com/in/marcuschen-sales"
    assert profile.experience[0].title == "Account Executive"
    assert profile.experience[0].employer == "CloudLedger Inc."
    assert profile.experience[0].location == "Austin, TX"
    assert profile.experience[0].start == "2021-02"
    second = profile.experience[1]  # "Employer — Title"
    assert second.title == "Sales Development Representative"
    assert second.employer == "Brightpath Software"
    assert profile.phone
    assert profile.links.portfolio == "https://www.marcus-sells.com"
    assert_nothing_invented(profile, ODD_CONTACT_CV)


# --------------------------------------------------------------------------- skills


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Led the R&D team and the R & D budget.", "R"),
        ("Owned the go-to-market plan; Go-to-market lead.", "Go"),
        ("Passed with Grade C in Mathematics; C-level stakeholders.", "C"),
        ("St Werburgh's C of E Primary School", "C"),
        ("Ready to Go live with SAP next year.", "Go"),
        ("Chef de projet informatique", "Chef"),
        ("Tableau de bord mensuel", "Tableau"),
        ("I excel at communication.", "Microsoft Excel"),
        ("Visited the ER once as a child.", "Emergency Nursing"),
        ("Cassandra Jones, Ruby Smith and Julia Roberts", "Apache Cassandra"),
        ("Julia Roberts", "Julia"),
        ("Ruby Smith", "Ruby"),
        ("Harrow & Vale Retail plc", "PLC Programming"),
        ("See https://github.com/jane/react-app and jane.python@example.com", "React"),
    ],
)
def test_ambiguous_words_are_not_skills(text: str, absent: str) -> None:
    assert absent not in skills_of(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Languages: Python, R and SQL", {"Python", "R", "SQL"}),
        ("Built services in Go and Python on Kubernetes", {"Go", "Python", "Kubernetes"}),
        ("C/C++, C#, .NET, ASP.NET Core, Node.js, CI/CD", {"C", "C++", "C#", ".NET", "ASP.NET"}),
        ("Node.js and CI/CD pipelines", {"Node.js", "CI/CD"}),
        ("front-end and back end, machine-learning", {"Frontend Development", "Machine Learning"}),
        ("Kenntnisse: Elektroinstallation, Krankenpflege", {"Electrical Installation", "Nursing"}),
        ("Compétences : comptabilité, gestion de projet", {"Accounting", "Project Management"}),
        ("Triage in the ER and ACLS", {"Emergency Nursing", "Triage", "Advanced Life Support"}),
        ("Microsoft Office: Word, Excel, PowerPoint", {"Microsoft Word", "Microsoft Excel"}),
    ],
)
def test_skills_found(text: str, present: set[str]) -> None:
    assert present <= skills_of(text)


def test_skill_match_says_where() -> None:
    text = "Python and Apache Spark"
    matches = find_skills(text)
    assert [(m.skill, text[m.start : m.end]) for m in matches] == [
        ("Python", "Python"),
        ("Apache Spark", "Apache Spark"),
    ]


def test_ambiguous_short_skill_needs_skills_section_or_neighbour() -> None:
    cv = "Jane Doe\n\nSkills\nGo\n\nSummary\nI like to Go hiking.\n"
    profile = extract_profile(cv)
    assert "Go" in profile.skills
    assert "Go" not in extract_profile("Jane Doe\n\nSummary\nI like Go hiking.\n").skills


def test_taxonomy_size_and_families() -> None:
    taxonomy = load_taxonomy()
    skills = taxonomy.skills.by_name
    assert len(skills) >= 500
    families = {skill.family for skill in skills.values()}
    assert {
        "software", "data", "design", "product", "marketing", "sales", "finance",
        "healthcare", "education", "operations", "trades", "hr", "legal", "customer_service",
    } <= families  # fmt: skip
    assert len(taxonomy.titles.specs) >= 60
    assert {spec.family for spec in taxonomy.titles.specs} >= families - {"general"}


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("03/2019 – present", "2019-03", "present"),
        ("Jan 2018 - Feb 2020", "2018-01", "2020-02"),
        ("2016–2018", "2016", "2018"),
        ("März 2015 – Dezember 2017", "2015-03", "2017-12"),
        ("since 2020", "2020", "present"),
        ("seit 04/2020", "2020-04", "present"),
        ("10.2019 – heute", "2019-10", "present"),
        ("janvier 2018 – aujourd'hui", "2018-01", "present"),
        ("sept. 2015 - déc. 2017", "2015-09", "2017-12"),
        ("von 01.03.2015 bis 31.12.2017", "2015-03", "2017-12"),
        ("2019-03 to 2021-11", "2019-03", "2021-11"),
        ("Sep 2014 – Apr 2019", "2014-09", "2019-04"),
        ("depuis mars 2021", "2021-03", "present"),
        ("Feb 2021 – Present", "2021-02", "present"),
        ("2012", "2012", None),
    ],
)
def test_date_formats(line: str, start: str, end: str | None) -> None:
    found = find_date_range(f"Engineer, Acme GmbH | {line}")
    assert found is not None
    assert (found.start, found.end) == (start, end)


def test_no_dates_in_ordinary_numbers() -> None:
    assert find_date_range("Closed $2.4M in FY2023 with 128% of quota") is None
    assert find_date_range("+49 30 5550 1234") is None


# --------------------------------------------------------------------------- whole profile


def test_empty_and_thin_text() -> None:
    empty = extract_profile("")
    assert empty == Profile()
    thin = extract_profile("Jane Doe\njane@example.com\n")
    assert (thin.name, thin.email, thin.phone) == ("Jane Doe", "jane@example.com", None)
    assert thin.suggested_job_titles == []
    assert thin.skills == []


def test_deterministic_within_and_across_processes() -> None:
    text = render_txt(DATA_ENGINEER) + "\n" + GERMAN_CV
    first = extract_profile(text).model_dump()
    assert all(extract_profile(text).model_dump() == first for _ in range(3))
    script = (
        "import json, sys; from jobagent_core.profiling.offline import extract_profile; "
        "print(json.dumps(extract_profile(sys.stdin.read()).model_dump(), sort_keys=True))"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script],
            input=text,
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop()) == json.loads(json.dumps(first, sort_keys=True))


SECOND_DOCUMENT = """\
Zoë Müller-Łukasik
Portfolio: zoe-data.dev

EXPERIENCE
Senior Data Engineer, Nordlicht Logistics GmbH, Berlin
03/2019 – present
- Run the data platform team's on-call rotation.

Data Engineering Intern, Fraunhofer Institut, Berlin
2012 – 2013
- Wrote Scala jobs for sensor data.

SKILLS
Scala, Apache Flink, Python
"""


def test_merge_of_two_documents() -> None:
    first = render_txt(DATA_ENGINEER).replace("Phone: +49 30 5550 1234\n", "")
    profile = extract_profile_from_documents([first, SECOND_DOCUMENT])
    assert profile.name == "Zoë Müller-Łukasik"
    assert profile.phone is None  # in neither document
    assert profile.links.portfolio == "https://zoe-data.dev"
    assert profile.links.github == "https://github.com/zoeml"
    titles = [(e.title, e.employer) for e in profile.experience]
    assert titles.count(("Senior Data Engineer", "Nordlicht Logistics GmbH")) == 1
    assert titles[-1] == ("Data Engineering Intern", "Fraunhofer Institut")  # oldest last
    senior = profile.experience[0]
    assert "Run the data platform team's on-call rotation." in senior.bullets
    assert len(senior.bullets) == len(DATA_ENGINEER.experience[0].bullets) + 1
    assert {"Scala", "Apache Flink", "Python", "dbt"} <= set(profile.skills)
    assert profile.skills.count("Python") == 1
    sources = {s.field: s.source for s in profile.field_sources or []}
    assert sources["name"] == "document 1"
    assert sources["email"] == "document 1"
    assert 3 <= len(profile.suggested_job_titles) <= 6

    phone_later = extract_profile_from_documents([first, render_txt(DATA_ENGINEER)])
    assert phone_later.phone == "+49 30 5550 1234"
    assert {s.field: s.source for s in phone_later.field_sources or []}["phone"] == "document 2"


def test_markdown_rendering() -> None:
    profile = extract_profile(render_txt(DATA_ENGINEER))
    markdown = profile_to_markdown(profile)
    assert markdown.startswith("# Zoë Müller-Łukasik\n")
    for heading in ("## Summary", "## Skills", "## Experience", "## Education", "## Languages"):
        assert heading in markdown
    assert "### Senior Data Engineer — Nordlicht Logistics GmbH" in markdown
    assert "*Mar 2019 – present · Berlin*" in markdown
    assert "- German (Native)" in markdown
    assert profile_to_markdown(Profile()) == "# Profile\n"


def test_profile_is_a_valid_llm_schema() -> None:
    schema = strict_json_schema(Profile)
    assert "experience" in schema["properties"]
