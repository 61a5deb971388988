"""Ranking that respects place, level and profession ("Agent quality" §3).

Realistic postings (English and German, in the style of real boards) and CVs go
through the real stage 1 (`rank_postings`, with the MiniLM encoder) and the
offline screen, the way a search runs them:

1. place: on-site in the searched city or its metro area and remote roles open to
   the person's country rank above remote roles tied to other regions or time
   zones, and those above on-site jobs elsewhere; the remote option filters;
2. level: graduate/junior/intern roles for a senior person and senior/lead roles
   for a graduate are ranked down, with the reason in the gaps;
3. profession: regulated professions are not interchangeable;
4. postings with an empty location field are kept, placed by their description.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from pydantic import ValidationError

from jobagent_core.discovery.filters import PostingFilters, apply_filters
from jobagent_core.discovery.schema import PostingData
from jobagent_core.matching.schemas import ScreeningVerdict
from jobagent_core.matching.screening import screen
from jobagent_core.matching.stage1 import rank_postings
from jobagent_core.profiling.schemas import EducationEntry, ExperienceEntry, Profile
from jobagent_core.workflows.job_search_start import JobSearchRequest

pytestmark = pytest.mark.unit

TODAY = date(2025, 6, 1)


def posting(source_id: str, title: str, location: str | None, description: str,
            **fields: object) -> PostingData:  # fmt: skip
    data: dict[str, object] = {
        "source": "test",
        "source_id": source_id,
        "title": title,
        "company": fields.pop("company", "Nordwerk Mobility GmbH"),
        "location": location,
        "description_text": description,
    }
    return PostingData.model_validate(data | fields)


def stage1_order(profile: Profile, postings: Sequence[PostingData], **search: object) -> list[str]:
    result = rank_postings(profile, postings, top_k=len(postings), today=TODAY, **search)  # type: ignore[arg-type]
    return [r.posting.source_id for r in result.ranked]


def verdicts(
    profile: Profile, postings: Sequence[PostingData], **search: object
) -> dict[str, ScreeningVerdict]:
    screened = screen(postings, profile, None, today=TODAY, **search)  # type: ignore[arg-type]
    return {p.source_id: v for p, v in screened}


def above(order: list[str], better: set[str], worse: set[str]) -> bool:
    """Every posting of `better` is ranked above every posting of `worse`."""
    return max(order.index(i) for i in better) < min(order.index(i) for i in worse)


# --------------------------------------------------------------------------- people

SENIOR_DATA_ENGINEER = Profile(
    name="Jana Köhler",
    location="Berlin, Germany",
    skills=["Python", "SQL", "Apache Kafka", "Apache Airflow", "dbt", "Snowflake",
            "Apache Spark", "AWS", "Terraform", "Data Modeling"],
    experience=[
        ExperienceEntry(title="Senior Data Engineer", employer="Spreewerk Analytics GmbH",
                        start="2019-04", end="present", current=True),
        ExperienceEntry(title="Data Engineer", employer="Havelpost Logistik GmbH",
                        start="2015-01", end="2019-03"),
        ExperienceEntry(title="BI Developer", employer="Stadtwerke Oranienburg",
                        start="2013-06", end="2014-12"),
    ],
    education=[EducationEntry(degree="M.Sc. Informatik", institution="TU Berlin")],
    suggested_job_titles=["Data Engineer", "Senior Data Engineer", "Analytics Engineer"],
)  # fmt: skip

GRADUATE_DATA_ENGINEER = Profile(
    name="Tim Brandt",
    location="Berlin, Germany",
    skills=["Python", "SQL", "Apache Airflow", "dbt", "PostgreSQL", "Docker"],
    experience=[
        ExperienceEntry(title="Data Engineering Intern", employer="Kiezkauf GmbH",
                        start="2024-03", end="2024-08"),
        ExperienceEntry(title="Werkstudent Data Analytics", employer="Spreewerk Analytics GmbH",
                        start="2023-04", end="2024-02"),
    ],
    education=[EducationEntry(degree="M.Sc. Data Science", institution="HU Berlin",
                              end="2024")],
    suggested_job_titles=["Data Engineer", "Junior Data Engineer"],
)  # fmt: skip


# --------------------------------------------------------------------------- 1. place

DATA_JOB_DE = """Über uns
Wir bauen die Datenplattform für Sharing-Mobilität in ganz Europa: 180 Menschen, ein Ziel.

Deine Aufgaben
- Du entwickelst Streaming- und Batch-Pipelines mit Python, Apache Kafka und Apache Airflow
- Du modellierst Daten mit dbt in Snowflake
- Du arbeitest eng mit Analytics und Produkt zusammen

Dein Profil
- Mehrjährige Erfahrung im Data Engineering
- Sehr gute Kenntnisse in SQL und Python
- Erfahrung mit AWS und Terraform

Wir bieten
- 30 Tage Urlaub, Deutschlandticket, flexible Arbeitszeiten"""

DATA_JOB_EN = """About the role
We are a payments scale-up serving 40,000 merchants. The data platform team owns
ingestion, modelling and data quality for the whole company.

What you'll do
- Build streaming and batch pipelines with Python, Apache Kafka and Apache Airflow
- Model data with dbt on Snowflake
- Partner with analytics and product teams

What we're looking for
- Solid experience in data engineering
- Strong SQL and Python
- Experience with AWS and Terraform

Benefits
- Equity, learning budget, 30 days holiday"""


def berlin_board() -> list[PostingData]:
    """What a "Data Engineer, Berlin" search finds: local, remote and elsewhere."""
    return [
        posting("remote-us", "Senior Data Engineer", "Remote - US only",
                "This is a fully remote role. You must be based in the United States.\n\n"
                + DATA_JOB_EN, remote=True),
        posting("remote-est", "Senior Data Engineer", "Remote (EST)", DATA_JOB_EN, remote=True),
        posting("remote-apac", "Senior Data Engineer", "Remote, APAC", DATA_JOB_EN, remote=True),
        posting("remote-philadelphia", "Senior Data Engineer", "Philadelphia, PA", DATA_JOB_EN,
                remote=True),
        posting("remote-madrid", "Senior Data Engineer", "Madrid, Spain", DATA_JOB_EN,
                remote=True),
        posting("munich", "Senior Data Engineer (w/m/d)", "München", DATA_JOB_DE),
        posting("zurich", "Senior Data Engineer", "Zürich, Schweiz", DATA_JOB_EN),
        posting("berlin", "Senior Data Engineer (m/w/d)", "Berlin, Deutschland", DATA_JOB_DE),
        posting("potsdam", "Senior Data Engineer (m/w/d)", "Potsdam", DATA_JOB_DE),
        posting("remote-de", "Senior Data Engineer (m/w/d)", "Remote (Deutschland)",
                "Remote aus ganz Deutschland.\n\n" + DATA_JOB_DE, remote=True),
        posting("remote-eu", "Senior Data Engineer", "Remote – Europe", DATA_JOB_EN,
                remote=True),
    ]  # fmt: skip


HERE = {"berlin", "potsdam", "remote-de", "remote-eu"}
NEAR = {"remote-madrid"}
FAR = {"remote-us", "remote-est", "remote-apac", "remote-philadelphia"}
AWAY = {"munich", "zurich"}


def test_berlin_search_ranks_here_then_remote_elsewhere_then_on_site_elsewhere() -> None:
    board = berlin_board()
    order = stage1_order(SENIOR_DATA_ENGINEER, board, place="Berlin")
    assert above(order, HERE, NEAR), order
    assert above(order, HERE | NEAR, FAR), order
    assert above(order, FAR, AWAY), order

    found = verdicts(SENIOR_DATA_ENGINEER, board, place="Berlin")
    scores = {k: v.score for k, v in found.items()}
    assert min(scores[k] for k in HERE) > max(scores[k] for k in NEAR | FAR | AWAY), scores
    assert min(scores[k] for k in FAR) > max(scores[k] for k in AWAY), scores
    assert all(found[k].is_match for k in HERE)
    assert not any(found[k].is_match for k in FAR | AWAY), scores

    assert "In Berlin" in found["berlin"].reasons
    assert "In Potsdam, near Berlin" in found["potsdam"].reasons
    assert "Remote, open to Germany" in found["remote-de"].reasons
    assert "Remote, open to Germany" in found["remote-eu"].reasons
    assert "Remote but US only — ranked down" in found["remote-us"].reasons
    assert any("EST" in r and "ranked down" in r for r in found["remote-est"].reasons)
    assert any("APAC" in r and "ranked down" in r for r in found["remote-apac"].reasons)
    assert any("Madrid" in r and "ranked down" in r for r in found["remote-madrid"].reasons)
    assert any("München" in r and "ranked down" in r for r in found["munich"].reasons)
    assert any("limited to Remote - US only" in g for g in found["remote-us"].gaps)


def test_remote_anywhere_still_ranks_roles_tied_elsewhere_below_open_ones() -> None:
    board = berlin_board()
    order = stage1_order(SENIOR_DATA_ENGINEER, board, place="Berlin", remote="anywhere")
    assert above(order, HERE, FAR), order
    assert above(order, FAR, AWAY), order


def test_without_a_searched_place_the_home_still_orders_postings() -> None:
    board = [p for p in berlin_board() if p.source_id in {"berlin", "remote-us", "zurich"}]
    order = stage1_order(SENIOR_DATA_ENGINEER, board)
    assert order[0] == "berlin", order
    found = verdicts(SENIOR_DATA_ENGINEER, board)
    assert found["berlin"].score > found["remote-us"].score > found["zurich"].score


def test_remote_option_filters_postings() -> None:
    board = berlin_board()

    def kept(**filters: object) -> set[str]:
        chosen = PostingFilters.model_validate({"location": "Berlin", **filters})
        return {p.source_id for p in apply_filters(board, chosen)}

    assert kept() == kept(remote="region") == HERE | NEAR
    assert kept(remote="anywhere") == HERE | NEAR | FAR
    assert kept(remote="no") == {"berlin", "potsdam"}
    assert kept(remote_only=True) == {"remote-de", "remote-eu", "remote-madrid"}
    everywhere = PostingFilters.model_validate({"remote": "no"})
    assert {p.source_id for p in apply_filters(board, everywhere)} == {
        "berlin", "potsdam", "munich", "zurich"
    }  # fmt: skip
    with pytest.raises(ValidationError):
        PostingFilters.model_validate({"remote": "sometimes"})


def test_search_requests_take_the_remote_option_and_still_remote_only() -> None:
    assert JobSearchRequest(title="Data Engineer").remote == "region"
    chosen = JobSearchRequest.model_validate({"title": "Data Engineer", "remote": "anywhere"})
    assert chosen.remote == "anywhere"
    legacy = JobSearchRequest.model_validate({"title": "Data Engineer", "remote_only": True})
    assert legacy.remote_only
    assert legacy.remote == "region"
    with pytest.raises(ValidationError, match="remote"):
        JobSearchRequest.model_validate({"title": "X", "remote_only": True, "remote": "no"})
    with pytest.raises(ValidationError):
        JobSearchRequest.model_validate({"title": "X", "remote": "mars"})


# --------------------------------------------------------------------------- 2. level


def test_entry_level_roles_rank_below_fitting_ones_for_a_senior_person() -> None:
    board = [
        posting("graduate", "Graduate Data Engineer – Trainee Programme 2025", "Berlin",
                "Our 18-month graduate programme for recent graduates: rotations through "
                "our data teams.\n\n" + DATA_JOB_EN),
        posting("einstieg", "Data Engineer (m/w/d)", "Berlin",
                "Du hast dein Studium gerade abgeschlossen? Die Stelle ist ideal für "
                "Berufseinsteiger:innen.\n\n" + DATA_JOB_DE),
        posting("werkstudent", "Werkstudent Data Engineering (m/w/d)", "Berlin", DATA_JOB_DE),
        posting("senior", "Senior Data Engineer (m/w/d)", "Berlin", DATA_JOB_DE),
        posting("mid", "Data Engineer", "Berlin", DATA_JOB_EN),
    ]  # fmt: skip
    fitting, entry = {"senior", "mid"}, {"graduate", "einstieg", "werkstudent"}
    assert above(stage1_order(SENIOR_DATA_ENGINEER, board, place="Berlin"), fitting, entry)

    found = verdicts(SENIOR_DATA_ENGINEER, board, place="Berlin")
    assert min(found[k].score for k in fitting) > max(found[k].score for k in entry) + 15
    graduate_gaps = " ".join(found["graduate"].gaps)
    assert "graduate role" in graduate_gaps
    assert "12 years" in graduate_gaps  # 2013-06 to June 2025
    assert "ranked down" in graduate_gaps
    assert any("entry-level" in g or "junior" in g for g in found["einstieg"].gaps)
    assert any("working-student" in g and "ranked down" in g for g in found["werkstudent"].gaps)
    assert not any("ranked down" in g for g in found["senior"].gaps + found["mid"].gaps)


def test_senior_roles_rank_below_entry_roles_for_a_graduate() -> None:
    board = [
        posting("lead", "Lead Data Engineer", "Berlin",
                "- 8+ years of data engineering\n- Lead a team of six\n" + DATA_JOB_EN),
        posting("senior", "Senior Data Engineer (m/w/d)", "Berlin", DATA_JOB_DE),
        posting("junior", "Junior Data Engineer (m/w/d)", "Berlin", DATA_JOB_DE),
        posting("graduate", "Graduate Data Engineer", "Berlin", DATA_JOB_EN),
    ]  # fmt: skip
    order = stage1_order(GRADUATE_DATA_ENGINEER, board, place="Berlin")
    assert above(order, {"junior", "graduate"}, {"lead", "senior"}), order
    found = verdicts(GRADUATE_DATA_ENGINEER, board, place="Berlin")
    assert any("a lead role" in g and "ranked down" in g for g in found["lead"].gaps)
    assert any("a senior role" in g and "ranked down" in g for g in found["senior"].gaps)
    assert found["junior"].score > found["senior"].score > found["lead"].score


def test_years_come_from_the_profile_figure_when_it_has_one() -> None:
    # A profile saved with its computed years (no dated jobs left to count).
    undated = SENIOR_DATA_ENGINEER.model_copy(
        update={"experience": [ExperienceEntry(title="Data Engineer", employer="Spreewerk")]}
    )
    stored = Profile.model_validate({**undated.model_dump(), "experience_years": 9.5})
    graduate = posting("graduate", "Graduate Data Engineer", "Berlin", DATA_JOB_EN)
    [(_, verdict)] = screen([graduate], stored, None, today=TODAY, place="Berlin")
    assert any("9 years of experience" in g and "ranked down" in g for g in verdict.gaps)


# --------------------------------------------------------------------------- 3. profession

NURSE_DE = Profile(
    location="Berlin",
    skills=["Intensivpflege", "Beatmung", "Wundversorgung", "Pflegedokumentation",
            "Mechanical Ventilation", "Sepsis Management"],
    experience=[
        ExperienceEntry(title="Gesundheits- und Krankenpflegerin, Intensivstation",
                        employer="Charité – Universitätsmedizin Berlin", start="2016-10",
                        end="present", current=True),
        ExperienceEntry(title="Pflegefachkraft", employer="Vivantes Klinikum Neukölln",
                        start="2013-10", end="2016-09"),
    ],
    education=[EducationEntry(
        degree="Ausbildung zur Gesundheits- und Krankenpflegerin (staatliches Examen)",
        institution="Charité Gesundheitsakademie", end="2013")],
    suggested_job_titles=["Registered Nurse", "ICU Nurse"],
)  # fmt: skip

NURSE_UK = Profile(
    location="Manchester, United Kingdom",
    skills=["Acute Medicine", "IV Therapy", "Medication Administration", "Sepsis Management",
            "Early Warning Scores", "Patient Assessment"],
    experience=[
        ExperienceEntry(title="Staff Nurse, Acute Medical Unit",
                        employer="Salford Royal NHS Foundation Trust", start="2017-09",
                        end="present", current=True),
    ],
    education=[EducationEntry(degree="BSc (Hons) Adult Nursing",
                              institution="University of Manchester", end="2017")],
    suggested_job_titles=["Registered Nurse", "Staff Nurse"],
)  # fmt: skip


@pytest.mark.parametrize(
    ("profile", "place", "licences", "board"),
    [
        (
            NURSE_DE,
            "Berlin",
            {"physician": "Approbation", "pharmacist": "Approbation als Apotheker"},
            [
                posting(
                    "nurse",
                    "Pflegefachkraft (m/w/d) Intensivstation",
                    "Berlin",
                    "Ihre Aufgaben\n- Pflege beatmeter Patientinnen und Patienten\n"
                    "- Überwachung und Dokumentation\n- Sepsis-Früherkennung\n\nIhr Profil\n"
                    "- Abgeschlossene Ausbildung als Pflegefachfrau/-mann oder Gesundheits- "
                    "und Krankenpfleger:in\n- Erfahrung in der Intensivpflege wünschenswert",
                    company="Vivantes Klinikum Am Urban",
                ),
                posting(
                    "physician",
                    "Assistenzarzt (m/w/d) Innere Medizin / Intensivmedizin",
                    "Berlin",
                    "Ihre Aufgaben\n- Betreuung beatmeter Patientinnen und Patienten auf der "
                    "Intensivstation\n- Sepsis-Therapie\n\nIhr Profil\n- Approbation als "
                    "Ärztin/Arzt\n- Interesse an der Intensivmedizin",
                    company="Vivantes Klinikum Am Urban",
                ),
                posting(
                    "pharmacist",
                    "Apotheker (m/w/d) Krankenhausapotheke",
                    "Berlin",
                    "Ihre Aufgaben\n- Arzneimittelversorgung der Intensivstationen\n"
                    "- Beratung zu Antibiotika bei Sepsis\n\nIhr Profil\n- Approbation als "
                    "Apotheker:in\n- Erfahrung in der Krankenhauspharmazie",
                    company="Vivantes Klinikum Am Urban",
                ),
            ],
        ),
        (
            NURSE_UK,
            "Manchester",
            {"physician": "full GMC registration", "pharmacist": "GPhC registration"},
            [
                posting(
                    "nurse",
                    "Staff Nurse – Acute Medical Unit",
                    "Manchester, UK",
                    "Band 5 Staff Nurse\n- Assess and care for acutely unwell adults\n"
                    "- IV therapy and medication administration\n- Early warning scores\n"
                    "Essential: NMC registration as an Adult Nurse.",
                    company="Manchester University NHS Foundation Trust",
                ),
                posting(
                    "physician",
                    "Junior Clinical Fellow – Acute Medicine",
                    "Manchester, UK",
                    "- Assess and treat acutely unwell adults on the acute medical unit\n"
                    "- Sepsis management\n- Prescribing\nEssential: full GMC registration "
                    "with a licence to practise.",
                    company="Manchester University NHS Foundation Trust",
                ),
                posting(
                    "pharmacist",
                    "Clinical Pharmacist – Acute Medicine",
                    "Manchester, UK",
                    "- Medicines reconciliation for acutely unwell adults\n- IV therapy "
                    "advice\n- Antimicrobial stewardship in sepsis\nEssential: GPhC "
                    "registration as a pharmacist.",
                    company="Manchester University NHS Foundation Trust",
                ),
            ],
        ),
    ],
    ids=["de", "en"],
)
def test_a_nurse_is_not_a_physician_or_a_pharmacist(
    profile: Profile, place: str, licences: dict[str, str], board: list[PostingData]
) -> None:
    assert stage1_order(profile, board, place=place)[0] == "nurse"
    found = verdicts(profile, board, place=place)
    assert found["nurse"].is_match
    assert not any("ranked down" in g for g in found["nurse"].gaps)
    for other in ("physician", "pharmacist"):
        verdict = found[other]
        assert not verdict.is_match
        assert verdict.score <= found["nurse"].score / 2, (other, verdict)
        gap = next(g for g in verdict.gaps if other in g)
        assert f"needs {licences[other]}" in gap
        assert "the profile shows nurse" in gap
        assert "ranked down" in gap


ELECTRICIAN_DESCRIPTION = (
    "Deine Aufgaben\n- Elektroinstallationen in Neubauten und Bestandsgebäuden\n"
    "- Installation von KNX-Systemen und Photovoltaikanlagen\n- VDE-Prüfungen\n\n"
)
QUALIFIED_ELECTRICIAN = Profile(
    location="Köln",
    skills=["Elektroinstallation", "KNX", "Photovoltaik", "VDE-Prüfung", "Schaltschrankbau"],
    experience=[
        ExperienceEntry(title="Elektroniker für Energie- und Gebäudetechnik",
                        employer="Rheinstrom Elektrotechnik GmbH", start="2014-02",
                        end="present", current=True),
        ExperienceEntry(title="Auszubildender Elektroniker", employer="Rheinstrom Elektrotechnik "
                        "GmbH", start="2010-08", end="2014-01"),
    ],
    education=[EducationEntry(
        degree="Gesellenprüfung Elektroniker für Energie- und Gebäudetechnik",
        institution="Handwerkskammer zu Köln", end="2014")],
)  # fmt: skip
APPRENTICE_ELECTRICIAN = Profile(
    location="Köln",
    skills=["Elektroinstallation", "KNX", "Photovoltaik"],
    experience=[
        ExperienceEntry(title="Auszubildender Elektroniker für Energie- und Gebäudetechnik",
                        employer="Domstrom Elektro GmbH", start="2023-08", end="present",
                        current=True),
    ],
    education=[EducationEntry(degree="Berufsschule Elektrotechnik (3. Lehrjahr)",
                              institution="Berufskolleg Deutzer Freiheit")],
)  # fmt: skip


def electrician_board() -> list[PostingData]:
    return [
        posting("qualified", "Elektroniker für Energie- und Gebäudetechnik (m/w/d)", "Köln",
                ELECTRICIAN_DESCRIPTION + "Dein Profil\n- Abgeschlossene Ausbildung als "
                "Elektroniker (m/w/d) oder vergleichbar\n- Führerschein Klasse B",
                company="Domstrom Elektro GmbH"),
        posting("apprentice", "Ausbildung zum Elektroniker für Energie- und Gebäudetechnik "
                "(m/w/d) 2025", "Köln",
                ELECTRICIAN_DESCRIPTION + "Dein Profil\n- Guter Realschulabschluss\n"
                "- Interesse an Technik", company="Domstrom Elektro GmbH"),
        posting("helper", "Elektrohelfer (m/w/d)", "Köln",
                ELECTRICIAN_DESCRIPTION + "Dein Profil\n- Handwerkliches Geschick",
                company="Domstrom Elektro GmbH"),
    ]  # fmt: skip


def test_a_qualified_electrician_is_not_an_apprentice() -> None:
    board = electrician_board()
    order = stage1_order(QUALIFIED_ELECTRICIAN, board, place="Köln")
    assert order[0] == "qualified", order
    found = verdicts(QUALIFIED_ELECTRICIAN, board, place="Köln")
    assert found["qualified"].score > found["helper"].score > found["apprentice"].score
    assert any("apprentice role" in g and "ranked down" in g for g in found["apprentice"].gaps)
    assert any("assistant role" in g and "electrician" in g for g in found["helper"].gaps)


def test_an_apprentice_is_not_yet_a_qualified_electrician() -> None:
    board = electrician_board()
    order = stage1_order(APPRENTICE_ELECTRICIAN, board, place="Köln")
    assert order.index("apprentice") < order.index("qualified"), order
    found = verdicts(APPRENTICE_ELECTRICIAN, board, place="Köln")
    assert found["apprentice"].score > found["qualified"].score
    gap = next(g for g in found["qualified"].gaps if "electrician" in g)
    assert "training only" in gap
    assert "Abgeschlossene Ausbildung als Elektroniker" in gap


PRIMARY_TEACHER = Profile(
    location="Leeds, United Kingdom",
    skills=["Phonics", "Lesson Planning", "Safeguarding", "Classroom Management",
            "Assessment for Learning", "Literacy"],
    experience=[
        ExperienceEntry(title="Class Teacher (Year 3)", employer="Meanwood Primary School",
                        start="2016-09", end="present", current=True),
        ExperienceEntry(title="Teaching Assistant", employer="Chapel Allerton Primary",
                        start="2014-09", end="2015-07"),
    ],
    education=[EducationEntry(degree="PGCE Primary Education with QTS",
                              institution="Leeds Beckett University", end="2016"),
               EducationEntry(degree="BA (Hons) English", institution="University of York")],
)  # fmt: skip
LECTURER = Profile(
    location="Leeds, United Kingdom",
    skills=["Curriculum Design", "Research Supervision", "Academic Writing", "Literacy",
            "Assessment for Learning", "Lesson Planning"],
    experience=[
        ExperienceEntry(title="Lecturer in English Literature", employer="University of Leeds",
                        start="2018-09", end="present", current=True),
        ExperienceEntry(title="Teaching Fellow", employer="University of York",
                        start="2015-09", end="2018-08"),
    ],
    education=[EducationEntry(degree="PhD English Literature", institution="University of York",
                              end="2015")],
)  # fmt: skip


def teaching_board() -> list[PostingData]:
    return [
        posting("primary", "Year 4 Class Teacher – Primary", "Leeds",
                "Our primary school is looking for a Year 4 class teacher.\n- Teach phonics and "
                "literacy\n- Lesson planning and assessment for learning\n- Safeguarding "
                "responsibilities\nEssential: QTS.", company="Roundhay Primary Academy"),
        posting("lecturer-education", "Lecturer in Primary Education", "Leeds",
                "Teach on our PGCE and BA Primary Education programmes.\n- Lesson planning and "
                "literacy modules\n- Assessment for learning\n- Research and publication\n"
                "Essential: a PhD in Education or a related field.",
                company="Leeds Trinity University"),
        posting("lecturer-english", "Lecturer in English Literature", "Leeds",
                "Teach Victorian and modern literature to undergraduates.\n- Curriculum design"
                "\n- Research supervision\n- Academic writing\nEssential: a PhD in English.",
                company="Leeds Trinity University"),
    ]  # fmt: skip


def test_a_primary_teacher_is_not_a_university_lecturer() -> None:
    board = teaching_board()
    order = stage1_order(PRIMARY_TEACHER, board, place="Leeds")
    assert order[0] == "primary", order
    found = verdicts(PRIMARY_TEACHER, board, place="Leeds")
    assert found["primary"].score > 2 * found["lecturer-education"].score
    gap = next(g for g in found["lecturer-education"].gaps if "lecturer" in g)
    assert "PhD" in gap
    assert "school teacher" in gap
    assert "ranked down" in gap

    found = verdicts(LECTURER, board, place="Leeds")
    assert found["lecturer-english"].score > 2 * found["primary"].score
    assert any("school teacher" in g and "QTS" in g for g in found["primary"].gaps)


# --------------------------------------------------------------------------- 4. location not stated


def test_postings_without_a_location_are_placed_by_their_description_or_kept() -> None:
    board = [
        posting("berlin", "Data Engineer (m/w/d)", "Berlin", DATA_JOB_DE),
        posting("stated-berlin", "Data Engineer (m/w/d)", None,
                "Standort: Berlin-Kreuzberg, 2 Tage pro Woche im Büro.\n\n" + DATA_JOB_DE),
        posting("stated-hamburg", "Data Engineer (m/w/d)", None,
                "Standort: Hamburg, Speicherstadt.\n\n" + DATA_JOB_DE),
        posting("based-in", "Data Engineer", "",
                "You will be based in our Berlin office near Alexanderplatz.\n\n" + DATA_JOB_EN),
        posting("unstated", "Data Engineer", None, DATA_JOB_EN),
    ]  # fmt: skip
    kept = apply_filters(board, PostingFilters(location="Berlin"))
    assert [p.source_id for p in kept] == ["berlin", "stated-berlin", "based-in", "unstated"]

    order = stage1_order(SENIOR_DATA_ENGINEER, kept, place="Berlin")
    assert order[-1] == "unstated", order
    found = verdicts(SENIOR_DATA_ENGINEER, kept, place="Berlin")
    assert found["unstated"].is_match
    assert any(r.startswith("Location not stated") for r in found["unstated"].reasons)
    for known in ("berlin", "stated-berlin", "based-in"):
        assert found[known].score > found["unstated"].score
        assert any(r.startswith("In Berlin") for r in found[known].reasons), found[known]


# --------------------------------------------------------------------------- titles and levels


def test_a_title_of_the_persons_own_regulated_profession_counts_as_their_job() -> None:
    # Foreman and lead-fitter titles name the trade in other words than the CV does.
    board = [
        posting("foreman", "Vorarbeiter Elektroinstallation (m/w/d)", "Köln",
                "Deine Aufgaben\n- Anleitung eines Montageteams\n- Elektroinstallation im "
                "Neubau\n- Abnahme und Dokumentation\nDein Profil\n- Gesellenbrief als "
                "Elektroniker", company="Domstrom Elektro GmbH"),
        posting("fitter", "Obermonteur Elektrotechnik (m/w/d)", "Köln",
                "Deine Aufgaben\n- Elektroinstallation und KNX in Bürogebäuden\n"
                "- Einteilung der Monteure\n- Aufmaß", company="Domstrom Elektro GmbH"),
        posting("office", "Bürokaufmann (m/w/d)", "Köln",
                "Deine Aufgaben\n- Rechnungen und Ablage\n- Telefon\n- Terminplanung",
                company="Domstrom Elektro GmbH"),
    ]  # fmt: skip
    found = verdicts(QUALIFIED_ELECTRICIAN, board, place="Köln")
    for key in ("foreman", "fitter"):
        assert found[key].is_match, (key, found[key])
        assert not any("no job title close" in g for g in found[key].gaps), found[key].gaps
    assert not found["office"].is_match
    assert any("no job title close" in g for g in found["office"].gaps)


HR_MANAGER = Profile(
    location="Cork, Ireland",
    skills=["Employee Relations", "Recruitment", "Payroll", "HRIS"],
    experience=[
        ExperienceEntry(title="HR Manager", employer="Lee Valley Foods", start="2016-03",
                        end="present", current=True),
        ExperienceEntry(title="HR Officer", employer="Lee Valley Foods", start="2012-01",
                        end="2016-02"),
    ],
)  # fmt: skip


def test_a_function_assistant_role_is_entry_level_for_a_manager_of_that_function() -> None:
    description = (
        "Responsibilities\n- Employee relations casework\n- Recruitment and onboarding\n"
        "- Payroll inputs and HRIS records\n"
    )
    board = [
        posting("manager", "People & HR Manager", "Cork", description),
        posting("assistant", "HR Assistant", "Cork", description),
        posting("assistante", "Assistante RH (H/F)", "Cork", description),
    ]
    order = stage1_order(HR_MANAGER, board, place="Cork")
    assert order[0] == "manager", order
    found = verdicts(HR_MANAGER, board, place="Cork")
    assert found["manager"].is_match
    for key in ("assistant", "assistante"):
        assert found[key].score < found["manager"].score
        assert any("assistant role" in g and "ranked down" in g for g in found[key].gaps)


EXECUTIVE_ASSISTANT = Profile(
    location="Cork, Ireland",
    skills=["Diary Management", "Travel Planning", "Minute Taking"],
    experience=[
        ExperienceEntry(title="Executive Assistant to the Managing Director",
                        employer="Lee Valley Foods", start="2015-01", end="present",
                        current=True),
    ],
)  # fmt: skip


def test_assistants_who_are_a_profession_of_their_own_are_not_read_as_junior() -> None:
    board = [
        posting("ea", "Executive Assistant to the CEO", "Cork",
                "Responsibilities\n- Diary management and travel planning\n"
                "- Minute taking at board meetings\n- Correspondence"),
        posting("ae", "Account Executive", "Cork",
                "Responsibilities\n- Prospecting and closing new business\n"
                "- Pipeline forecasting\n- Negotiation"),
    ]  # fmt: skip
    found = verdicts(EXECUTIVE_ASSISTANT, board, place="Cork")
    assert found["ea"].is_match, found["ea"]
    assert not any("ranked down" in g for g in found["ea"].gaps), found["ea"].gaps
    # one shared word, the head of one title and a qualifier in the other: not the job
    assert not found["ae"].is_match, found["ae"]


def test_the_pay_a_posting_offers_is_not_a_skill_it_asks_for() -> None:
    pharmacist = Profile(
        location="Lyon",
        skills=["Dispensing", "Pharmacovigilance"],
        experience=[ExperienceEntry(title="Pharmacien adjoint", employer="Pharmacie du Rhône",
                                    start="2016-09", end="present", current=True)],
        education=[EducationEntry(degree="Diplôme d'État de docteur en pharmacie",
                                  institution="Université Lyon 1", end="2016")],
    )  # fmt: skip
    board = [
        posting("fr", "Pharmacien adjoint (H/F)", "Lyon",
                "Vos missions\n- Délivrance et conseil au comptoir\n- Suivi des ordonnances\n"
                "- Rémunération selon la convention collective de la pharmacie d'officine\n"
                "- Rémunération : 45 000 – 55 000 € brut annuel",
                company="Pharmacie Bellecour"),
    ]  # fmt: skip
    verdict = verdicts(pharmacist, board, place="Lyon")["fr"]
    assert verdict.is_match, verdict
    assert "Compensation and Benefits" not in verdict.missing_skills
