"""Offline profile extraction: certifications as their own section, degree lines parsed
apart, skills only from skill contexts, unlabelled header locations and employers
without their place. Small CVs written for these tests (EN/DE/FR), in the shapes real
CVs use; none of them is in the bench set."""

from __future__ import annotations

import pytest

from jobagent_core.llm.schemas import strict_json_schema
from jobagent_core.profiling.offline import extract_profile, extract_profile_from_documents
from jobagent_core.profiling.render import profile_to_markdown
from jobagent_core.profiling.schemas import Profile

pytestmark = pytest.mark.unit


def degrees(profile: Profile) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e.degree, e.institution, e.start, e.end) for e in profile.education]


def cert_names(profile: Profile) -> list[str]:
    return [c.name for c in profile.certifications]


# --------------------------------------------------------------------------- CVs

ELECTRICIAN_EN = """\
Callum Reid
Approved Electrician
Otley, UK · callum.reid@example.co.uk · 07700 900456

Profile
Approved electrician for domestic rewires, EV chargers and periodic inspections.

Experience
Electrician — Bright Spark Ltd, Otley
2016 – present
• Domestic rewires, consumer unit upgrades and EICR testing for landlords.
• Installed EV chargers and solar PV systems with battery storage.
Apprentice Electrician — Wharfe Valley Electrical Ltd, Ilkley
2012 – 2016
• Second fix, containment and fault finding on commercial sites.

Education
NVQ Level 3 Diploma in Electrotechnical Services — Leeds City College
2012 – 2015
18th Edition (BS 7671), 2019
CSCS card

Skills
Domestic rewires, EICR testing, Fault finding, Megger testing, Consumer unit upgrades
"""

DATA_EN = """\
Aino Virtanen
Data Engineer
Helsinki, Finland | aino.virtanen@example.fi

Summary
Data engineer building batch and streaming pipelines with Python and SQL.

Experience
Data Engineer — Nordic Freight Oy, Helsinki
03/2019 – present
• Built streaming pipelines with Apache Kafka and dbt models in Snowflake.

Education
M.Sc. Computer Science — Aalto University, 2012–2014
BSc (Hons) Mathematics, University of Leeds (2008 – 2011)
Power BI Data Analyst Associate (PL-300), Microsoft, 2023
MEDDICC Practitioner — 2021

Skills
Python, SQL, Apache Kafka, dbt, Snowflake, Backfill orchestration, Lakehouse modelling
"""

NURSE_STACKED_EN = """\
Grace Mensah
Staff Nurse
Leeds, UK · grace.mensah@example.org

Experience
Staff Nurse, Respiratory Ward, St James's Hospital
2014 – present
• Cared for patients on non-invasive ventilation and high-flow oxygen.

Education
University of Leeds
MSc Advanced Clinical Practice, 2016 – 2018
BSc (Hons) Nursing, 2011 – 2014
NMC registration, 2014

Skills
• Non-invasive ventilation
• Tracheostomy care
• Discharge planning
"""

ENGINEER_DE = """\
Matthias Krüger
Maschinenbauingenieur
Gartenweg 3, 10115 Berlin | matthias.krueger@example.de | +49 30 5550 1234

Berufserfahrung
Konstruktionsingenieur — Spree Antriebstechnik GmbH, Berlin
04/2012 – heute
• Konstruktion von Getrieben mit SolidWorks und FEM-Berechnung.

Ausbildung
2005 – 2011
Diplom-Ingenieur Maschinenbau — TU München

2002 – 2005
Ausbildung Industriemechaniker — IHK München

Zertifizierungen
• Schweißfachingenieur (IWE), DVS
• Führerschein Klasse B

Kenntnisse
SolidWorks, Getriebekonstruktion, Toleranzrechnung, Lastenheft-Erstellung
"""

TEACHER_FR = """\
Camille Rousseau
Professeure de lettres
Villeurbanne, France · camille.rousseau@example.fr · 06 12 34 56 78

Expérience professionnelle
Professeure de lettres — Collège Jean-Moulin, Villeurbanne
sept. 2016 – aujourd'hui
• Cours de français en 6e et 3e, préparation au brevet.
Assistante d'éducation — Lycée Ampère, Lyon 2e
2013 – 2016
• Suivi des élèves et aide aux devoirs.

Formation
Master Lettres modernes
Université Lyon 2, 2014 – 2016
Licence de Lettres modernes — Université Lyon 2, 2011 – 2014

Habilitations
• Permis B
• PSC1 — Prévention et secours civiques, 2015

Compétences
Didactique du français, Gestion de classe, Pronote, Éducation aux médias
"""


# --------------------------------------------------------------------------- certifications


def test_certificates_in_education_are_certifications() -> None:
    profile = extract_profile(ELECTRICIAN_EN)
    assert cert_names(profile) == ["18th Edition (BS 7671)", "CSCS card"]
    assert profile.certifications[0].date == "2019"
    assert degrees(profile) == [
        ("NVQ Level 3 Diploma in Electrotechnical Services", "Leeds City College", "2012", "2015")
    ]


def test_vendor_certificates_and_issuers() -> None:
    profile = extract_profile(DATA_EN)
    certs = {c.name: c for c in profile.certifications}
    assert set(certs) == {
        "Power BI Data Analyst Associate (PL-300), Microsoft",
        "MEDDICC Practitioner",
    }
    assert certs["Power BI Data Analyst Associate (PL-300), Microsoft"].issuer == "Microsoft"
    assert certs["Power BI Data Analyst Associate (PL-300), Microsoft"].date == "2023"
    assert certs["MEDDICC Practitioner"].date == "2021"
    assert [e.degree for e in profile.education] == [
        "M.Sc. Computer Science",
        "BSc (Hons) Mathematics",
    ]


def test_registration_listed_under_education() -> None:
    profile = extract_profile(NURSE_STACKED_EN)
    assert cert_names(profile) == ["NMC registration"]
    assert profile.certifications[0].date == "2014"
    assert all("NMC" not in e.degree for e in profile.education)


def test_german_certification_section_with_issuer() -> None:
    profile = extract_profile(ENGINEER_DE)
    assert [(c.name, c.issuer, c.date) for c in profile.certifications] == [
        ("Schweißfachingenieur (IWE), DVS", "DVS", None),
        ("Führerschein Klasse B", None, None),
    ]


def test_french_habilitations_section() -> None:
    profile = extract_profile(TEACHER_FR)
    assert cert_names(profile) == ["Permis B", "PSC1 — Prévention et secours civiques"]
    assert profile.certifications[1].date == "2015"


@pytest.mark.parametrize(
    "heading",
    ["Licences & Registrations", "Lizenzen", "Weiterbildungen", "Permis et habilitations",
     "Professional Registrations", "Certificats"],
)  # fmt: skip
def test_certification_headings(heading: str) -> None:
    text = f"Jo Bloggs\njo@example.org\n\n{heading}\n• Safe Pass\n• IPAF 3a/3b, 2020\n"
    profile = extract_profile(text)
    assert cert_names(profile) == ["Safe Pass", "IPAF 3a/3b"]
    assert profile.education == []


def test_wrapped_certificate_line_is_one_entry() -> None:
    text = (
        "Jo Bloggs\njo@example.org\n\nCertificates\n• Immediate Life Support (ILS),\n"
        "Resuscitation Council UK\n• Venepuncture Competency\n"
    )
    profile = extract_profile(text)
    assert cert_names(profile) == [
        "Immediate Life Support (ILS), Resuscitation Council UK",
        "Venepuncture Competency",
    ]
    assert profile.certifications[0].issuer == "Resuscitation Council UK"


def test_certifications_schema_render_merge_and_old_profiles() -> None:
    old = Profile.model_validate({"name": "A B", "education": [{"degree": "BSc"}]})
    assert old.certifications == []
    schema = strict_json_schema(Profile)
    assert "certifications" in schema["properties"]
    profile = extract_profile(ELECTRICIAN_EN)
    markdown = profile_to_markdown(profile)
    assert "## Certifications" in markdown
    assert "- 18th Edition (BS 7671) (2019)" in markdown
    merged = extract_profile_from_documents([ELECTRICIAN_EN, ELECTRICIAN_EN])
    assert cert_names(merged) == ["18th Edition (BS 7671)", "CSCS card"]


# --------------------------------------------------------------------------- degrees


def test_degree_field_institution_dates_on_one_line() -> None:
    profile = extract_profile(DATA_EN)
    assert degrees(profile) == [
        ("M.Sc. Computer Science", "Aalto University", "2012", "2014"),
        ("BSc (Hons) Mathematics", "University of Leeds", "2008", "2011"),
    ]
    assert [e.field_of_study for e in profile.education] == ["Computer Science", "Mathematics"]


def test_dates_in_a_left_column_never_become_institutions() -> None:
    profile = extract_profile(ENGINEER_DE)
    assert degrees(profile) == [
        ("Diplom-Ingenieur Maschinenbau", "TU München", "2005", "2011"),
        ("Ausbildung Industriemechaniker", "IHK München", "2002", "2005"),
    ]
    assert profile.education[0].field_of_study == "Maschinenbau"


def test_two_degrees_at_one_institution_are_both_kept() -> None:
    profile = extract_profile(NURSE_STACKED_EN)
    assert degrees(profile) == [
        ("MSc Advanced Clinical Practice", "University of Leeds", "2016", "2018"),
        ("BSc (Hons) Nursing", "University of Leeds", "2011", "2014"),
    ]


def test_two_line_degrees_french() -> None:
    profile = extract_profile(TEACHER_FR)
    assert degrees(profile) == [
        ("Master Lettres modernes", "Université Lyon 2", "2014", "2016"),
        ("Licence de Lettres modernes", "Université Lyon 2", "2011", "2014"),
    ]
    assert profile.education[1].field_of_study == "Lettres modernes"


def test_bachelor_of_education_degree_then_institution_line() -> None:
    text = (
        "Ruth Okoye\nruth@example.org\n\nEducation\nBachelor of Education in Primary Teaching\n"
        "University of Bristol, 2009 – 2012\n"
    )
    profile = extract_profile(text)
    assert degrees(profile) == [
        ("Bachelor of Education in Primary Teaching", "University of Bristol", "2009", "2012")
    ]
    assert profile.education[0].field_of_study == "Primary Teaching"


# --------------------------------------------------------------------------- skills


def test_skills_never_from_company_names() -> None:
    profile = extract_profile(ELECTRICIAN_EN)
    assert "Apache Spark" not in profile.skills


def test_negated_skill_is_not_the_skill() -> None:
    profile = extract_profile(NURSE_STACKED_EN)
    assert "Mechanical Ventilation" not in profile.skills
    assert [s.lower() for s in profile.skills[:3]] == [
        "non-invasive ventilation", "tracheostomy care", "discharge planning"
    ]  # fmt: skip


def test_unknown_skills_section_items_are_kept_verbatim() -> None:
    german = extract_profile(ENGINEER_DE)
    assert {"Getriebekonstruktion", "Toleranzrechnung", "Lastenheft-Erstellung"} <= set(
        german.skills
    )
    french = extract_profile(TEACHER_FR)
    assert {"Didactique du français", "Pronote", "Éducation aux médias"} <= set(french.skills)
    english = extract_profile(DATA_EN)
    assert english.skills[:7] == [
        "Python", "SQL", "Apache Kafka", "dbt", "Snowflake", "Backfill orchestration",
        "Lakehouse modelling",
    ]  # fmt: skip


def test_skills_section_wrapped_items() -> None:
    text = (
        "Ana Ruiz\nana@example.es\n\nSkills\nMenu costing · Allergen\nmanagement · "
        "Banquet service\n"
    )
    profile = extract_profile(text)
    assert profile.skills[:3] == ["Menu costing", "Allergen management", "Banquet service"]


# --------------------------------------------------------------------------- location, employers


def test_unlabelled_header_locations() -> None:
    assert extract_profile(TEACHER_FR).location == "Villeurbanne, France"
    assert extract_profile(ENGINEER_DE).location == "Berlin"
    assert extract_profile(ELECTRICIAN_EN).location == "Otley, UK"
    text = "Lea Roux\nInfirmière\n69100 Villeurbanne · lea.roux@example.fr\n"
    assert extract_profile(text).location == "Villeurbanne"


def test_employer_verbatim_without_place_text() -> None:
    profile = extract_profile(TEACHER_FR)
    assert [(e.employer, e.location) for e in profile.experience] == [
        ("Collège Jean-Moulin", "Villeurbanne"),
        ("Lycée Ampère", "Lyon"),
    ]
    electrician = extract_profile(ELECTRICIAN_EN)
    assert [(e.employer, e.location) for e in electrician.experience] == [
        ("Bright Spark Ltd", "Otley"),
        ("Wharfe Valley Electrical Ltd", "Ilkley"),
    ]


def test_department_after_employer_is_not_a_place() -> None:
    text = (
        "Mia Schulz\nmia@example.de\n\nExperience\nTeacher — Greenfield Primary School, Otley\n"
        "2015 – 2019\n• Taught Year 4.\nAnalyst — Acme Consulting, Strategy\n2012 – 2015\n"
        "• Market sizing.\n"
    )
    profile = extract_profile(text)
    assert [(e.employer, e.location) for e in profile.experience] == [
        ("Greenfield Primary School", "Otley"),
        ("Acme Consulting, Strategy", None),
    ]


def test_contact_block_bare_domain_and_two_word_language() -> None:
    text = (
        "Chloé Martin\nGraphiste\n\nContact\nBordeaux, France\nchloe@example.fr\n"
        "chloe-martin.example.fr\n\nLangues\nFrançais (langue maternelle), Scottish Gaelic (B1)\n"
    )
    profile = extract_profile(text)
    assert profile.links.portfolio == "https://chloe-martin.example.fr"
    assert [(x.language, x.level) for x in profile.languages] == [
        ("French", "Native"),
        ("Scottish Gaelic", "B1"),
    ]
