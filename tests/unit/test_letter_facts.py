"""Letters and tailored CVs never overstate: years of experience are computed from the
profile's dated jobs (overlaps once, a current job up to today, months when given, years
otherwise, never rounded up), stored on the profile, and every duration a letter states
("10 years", "a decade", "vierzehn Jahre", "plus de dix ans", "since 2012") is checked
against the total or the figure of the field its sentence names. Employers, degrees and
certificates must be named as the profile names them."""

from __future__ import annotations

import json
from datetime import date

import pytest

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication import (
    fact_check,
    tailor_cv,
    write_cover_letter_llm,
    write_cover_letter_offline,
)
from jobagent_core.llm import LlmClient, strict_json_schema
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.profile_store import apply_edits, merge_profile
from jobagent_core.profiling.schemas import EducationEntry, ExperienceEntry, Profile
from tests.llm_stub import LlmStub, llm_stub  # noqa: F401  (fixture)

pytestmark = pytest.mark.unit

TODAY = date(2025, 3, 3)


def job(title: str, employer: str, start: str, end: str | None, **extra: object) -> ExperienceEntry:
    return ExperienceEntry(title=title, employer=employer, start=start, end=end, **extra)


def posting(
    title: str = "Software Engineer",
    company: str = "Acme Systems",
    language: str = "en",
    description: str = "We build logistics software and need engineers with Python.",
) -> PostingData:
    return PostingData(
        source="sample",
        source_id="7",
        title=title,
        company=company,
        location="Leeds",
        language=language,
        description_text=description,
    )


# A software engineer with exactly ten years (2015-01 to 2024-12, two jobs back to back).
TEN_YEARS = Profile(
    name="Sam Carter",
    summary="Backend engineer who builds logistics systems.",
    skills=["Python", "PostgreSQL"],
    experience=[
        job("Senior Software Engineer", "Globex Logistics", "2020-01", "2024-12"),
        job("Software Engineer", "Initech GmbH", "2015-01", "2019-12"),
    ],
    education=[EducationEntry(degree="M.Sc. Computer Science", institution="TU Berlin")],
)

# A nurse with eight years in intensive care and two years on a surgical ward before.
NURSE = Profile(
    name="Amara Okafor",
    summary="Registered nurse.",
    skills=["Patient Care"],
    experience=[
        job("Staff Nurse, Intensive Care Unit", "Northgate University Hospitals NHS Trust",
            "2015-01", "2022-12"),
        job("Staff Nurse, Surgical Ward", "Pennine General Hospital", "2013-01", "2014-12"),
    ],
    education=[
        EducationEntry(degree="BSc (Hons) Adult Nursing", institution="University of Manchester")
    ],
)  # fmt: skip
ICU_POSTING = posting(
    "ICU Nurse",
    "Leeds Teaching Hospitals",
    description="Our university hospital needs an ICU nurse. ACLS certification required.",
)

# Nine years and seven months: May 2015 to November 2024.
NINE_YEARS_SEVEN = Profile(
    name="Lena Vogt",
    experience=[job("Data Analyst", "Umbrella Retail", "2015-05", "2024-11")],
)


def language_of(text: str) -> str:
    """The language of one test sentence (too short for the checker to guess)."""
    words = set(text.lower().replace("'", " ").split())
    if words & {"ich", "ist", "seit", "jahre", "jahren"}:
        return "de"
    if words & {"j", "je", "ans", "depuis"}:
        return "fr"
    return "en"


def check(text: str, profile: Profile, job_posting: PostingData, **options: object) -> list[str]:
    return fact_check(text, profile, job_posting, language=language_of(text), **options)  # type: ignore[arg-type]


def years_of(profile: Profile, today: date = TODAY) -> Profile:
    from jobagent_core.profiling.profile_store import with_experience_years

    return with_experience_years(profile, today=today)


# --- the figures ----------------------------------------------------------------------


def test_overlapping_jobs_count_once_and_each_job_has_its_own_years() -> None:
    profile = Profile(
        experience=[
            job("Engineer", "A", "2015-01", "2019-12"),  # 5 years
            job("Consultant", "B", "2018-01", "2021-12"),  # 4 years, 2 of them overlapping
        ]
    )
    filled = years_of(profile)
    assert filled.experience_years == pytest.approx(7.0)
    assert [e.years for e in filled.experience] == [pytest.approx(5.0), pytest.approx(4.0)]


def test_a_current_job_runs_to_today() -> None:
    profile = Profile(
        experience=[
            job("Nurse", "A", "2020-03", "present", current=True),
            job("Carer", "B", "2019-03", "2020-02"),
        ]
    )
    assert years_of(profile, date(2025, 3, 1)).experience_years == pytest.approx(6.0)
    assert years_of(profile, date(2026, 3, 1)).experience_years == pytest.approx(7.0)
    # A day short of the anniversary is not yet the next year.
    assert (years_of(profile, date(2026, 2, 28)).experience_years or 0) < 7.0
    current = Profile(experience=[job("Nurse", "A", "2020-03", None, current=True)])
    assert years_of(current, date(2025, 3, 1)).experience_years == pytest.approx(5.0)


def test_bare_years_are_read_at_year_precision_and_never_rounded_up() -> None:
    # "2014 – 2024" is ten years, not eleven (January 2014 to December 2024).
    assert (
        years_of(Profile(experience=[job("Teacher", "A", "2014", "2024")])).experience_years == 10
    )
    assert years_of(NINE_YEARS_SEVEN).experience_years == pytest.approx(9.58)
    # Undated jobs give no figure rather than zero.
    undated = years_of(Profile(experience=[ExperienceEntry(title="Volunteer")]))
    assert undated.experience_years is None
    assert undated.experience[0].years is None


def test_the_offline_extractor_and_the_profile_store_fill_the_years() -> None:
    cv = (
        "Jane Doe\njane@example.org\n\nEXPERIENCE\n"
        "Data Engineer, Initech GmbH, Berlin\n01/2020 – 12/2023\n- Built pipelines.\n\n"
        "BI Analyst, Umbrella Retail, Hamburg\n01/2018 – 12/2019\n- Wrote SQL reports.\n"
    )
    extracted = extract_profile(cv)
    assert extracted.experience_years == pytest.approx(6.0)
    assert sorted(e.years or 0 for e in extracted.experience) == [2.0, 4.0]

    stored = merge_profile(TEN_YEARS, None, overwrite=False)
    assert stored["experience_years"] == pytest.approx(10.0)
    assert [e["years"] for e in stored["experience"]] == [5.0, 5.0]
    # Edited jobs: the figures follow the edit.
    edited = apply_edits(stored, {"experience": [stored["experience"][0]]})
    assert edited["experience_years"] == pytest.approx(5.0)
    assert edited["edited_fields"] == ["experience"]


def test_old_profiles_still_load_and_the_llm_is_not_asked_for_the_years() -> None:
    old = {"name": "Sam", "experience": [{"title": "Engineer", "start": "2019", "end": "2021"}]}
    profile = Profile.model_validate(old)
    assert profile.experience_years is None
    assert profile.experience[0].years is None
    schema = strict_json_schema(Profile)
    assert "experience_years" not in schema["properties"]
    entry = schema["properties"]["experience"]["items"]
    assert "years" not in entry["properties"]


# --- the offline letter ---------------------------------------------------------------


def test_offline_letter_never_rounds_up() -> None:
    for source_id in ("1", "2", "3", "4"):
        letter = write_cover_letter_offline(
            NINE_YEARS_SEVEN,
            posting("Data Analyst"),
            matched_skills=[],
            research_summary=None,
            seed=source_id,
            today=TODAY,
        )
        body = letter.body_text()
        assert "9 years" in body
        assert "10 years" not in body


def test_offline_letter_counts_bare_years_at_year_precision() -> None:
    profile = Profile(name="Kim", experience=[job("Teacher", "Riverside School", "2015", "2024")])
    body = write_cover_letter_offline(
        profile, posting("Teacher"), matched_skills=[], research_summary=None, today=TODAY
    ).body_text()
    assert "9 years" in body  # 2015 to 2024: nine years, not ten
    german = write_cover_letter_offline(
        profile, posting("Lehrer", language="de"), matched_skills=[], research_summary=None
    ).body_text()
    assert "9 Jahre" in german


# --- the fact checker: totals -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("I bring 14 years of experience.", "14 years"),
        ("I bring fourteen years of professional experience.", "fourteen years"),
        ("With 14+ years in software engineering, I can lead your team.", "14+ years"),
        ("I have over 10 years of experience.", "over 10 years"),
        ("I have more than a decade of experience.", "more than a decade"),
        ("I have eleven years of experience building backends.", "eleven years"),
        ("I have been writing software professionally since 2012.", "since 2012"),
        ("Ich bringe vierzehn Jahre Berufserfahrung mit.", "vierzehn Jahre"),
        ("Ich verfüge über mehr als zehn Jahre Berufserfahrung.", "mehr als zehn Jahre"),
        ("Seit 2012 arbeite ich als Softwareentwickler.", "Seit 2012"),
        ("J'ai quatorze ans d'expérience professionnelle.", "quatorze ans"),
        ("J'ai plus de dix ans d'expérience.", "plus de dix ans"),
        ("Je développe des logiciels depuis 2012.", "depuis 2012"),
    ],
)
def test_overstated_totals_are_flagged(text: str, claim: str) -> None:
    assert check(text, TEN_YEARS, posting()) == [claim]


@pytest.mark.parametrize(
    "text",
    [
        "I bring 10 years of experience.",
        "I bring ten years of professional experience, five of them as a senior engineer.",
        "I have a decade of experience in software engineering.",
        "I have worked as a software engineer since 2015.",
        "Ich bringe zehn Jahre Berufserfahrung mit.",
        "Insgesamt verfüge ich über 10 Jahre Berufserfahrung.",
        "J'ai dix ans d'expérience professionnelle.",
    ],
)
def test_supported_totals_pass(text: str) -> None:
    assert check(text, TEN_YEARS, posting(), today=date(2025, 1, 1)) == [], text


def test_claims_are_reported_as_written() -> None:
    found = fact_check(
        "I bring fourteen years of experience and over a decade at Initech GmbH.",
        TEN_YEARS,
        posting(),
    )
    assert found == ["fourteen years", "over a decade"]
    assert check("Ich habe 14 Jahre Erfahrung.", TEN_YEARS, posting()) == ["14 Jahre"]
    assert check("J'ai quatorze ans d'expérience.", TEN_YEARS, posting()) == ["quatorze ans"]


def test_nine_years_seven_months_is_never_ten_years() -> None:
    p = posting("Data Analyst")
    for text in (
        "I have 10 years of experience.",
        "I have ten years of experience as a data analyst.",
        "I have a decade of experience.",
        "I have about 10 years of experience.",
        "Ich habe zehn Jahre Erfahrung als Data Analyst.",
        "J'ai dix ans d'expérience.",
    ):
        assert check(text, NINE_YEARS_SEVEN, p) != [], text
    for text in (
        "I have 9 years of experience.",
        "I have nine years of experience as a data analyst.",
        "I have over nine years of experience.",
        "Ich habe neun Jahre Erfahrung.",
        "J'ai neuf ans d'expérience.",
    ):
        assert check(text, NINE_YEARS_SEVEN, p) == [], text


def test_a_single_job_cannot_claim_more_than_its_own_years() -> None:
    assert fact_check("I spent 7 years at Initech GmbH.", TEN_YEARS, posting()) == ["7 years"]
    assert fact_check("I spent 5 years at Initech GmbH.", TEN_YEARS, posting()) == []
    assert fact_check(
        "I have 8 years of experience as a senior software engineer.", TEN_YEARS, posting()
    ) == ["8 years"]


def test_durations_of_the_posting_and_the_company_are_not_the_candidates() -> None:
    p = posting(description="You have 15+ years of experience in logistics software.")
    assert fact_check("The role asks for 15+ years of experience.", TEN_YEARS, p) == []
    research = "Acme Systems has served retailers for over 30 years."
    assert fact_check(research, TEN_YEARS, p, sources=[research]) == []
    assert fact_check("I have 15 years of experience.", TEN_YEARS, p) == ["15 years"]


# --- the fact checker: fields -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("I have 10 years of experience in intensive care.", "10 years"),
        ("I bring ten years of intensive care nursing.", "ten years"),
        ("For 10 years I have worked as an ICU nurse.", "10 years"),
        ("I have over eight years in critical care.", "over eight years"),
        ("I have worked in intensive care since 2013.", "since 2013"),
        ("Ich habe zehn Jahre Erfahrung in der Intensivpflege.", "zehn Jahre"),
        ("Ich arbeite seit zehn Jahren auf der Intensivstation.", "zehn Jahren"),
        ("J'ai dix ans d'expérience en réanimation.", "dix ans"),
        ("I bring ten years in intensive care, and I would love to join you.", "ten years"),
    ],
)
def test_unrelated_jobs_are_not_added_to_a_field(text: str, claim: str) -> None:
    assert check(text, NURSE, ICU_POSTING) == [claim]


@pytest.mark.parametrize(
    "text",
    [
        "I have 10 years of nursing experience.",
        "I bring ten years of experience as a registered nurse.",
        "I have 8 years of experience in intensive care.",
        "For eight years I worked as an ICU nurse at Northgate University Hospitals NHS Trust.",
        "I have 2 years of experience on a surgical ward.",
        "Ich habe zehn Jahre Berufserfahrung, davon acht Jahre in der Intensivpflege.",
        "J'ai dix ans d'expérience, dont huit ans en réanimation.",
        # An enumeration covers the fields of all its items.
        "I have 10 years in intensive care and on surgical wards.",
        "I have ten years across intensive care, surgical wards and teaching.",
    ],
)
def test_a_fields_own_figure_is_accepted(text: str) -> None:
    assert check(text, NURSE, ICU_POSTING) == [], text


def test_a_current_job_counts_up_to_the_letters_date() -> None:
    profile = Profile(
        experience=[job("ICU Nurse", "City Hospital", "2017-01", "present", current=True)]
    )
    p = posting("ICU Nurse")
    for text in ("I have 8 years of experience.", "I have been an ICU nurse since 2017."):
        assert fact_check(text, profile, p, today=date(2025, 3, 3)) == [], text
    assert fact_check("I have 9 years of experience.", profile, p, today=date(2025, 3, 3)) == [
        "9 years"
    ]
    assert fact_check("I have been an ICU nurse since 2016.", profile, p, today=TODAY) == [
        "since 2016"
    ]
    # A year on, the same job supports nine years.
    assert fact_check("I have 9 years of experience.", profile, p, today=date(2026, 1, 2)) == []


# --- names, degrees and certificates ------------------------------------------------------


def test_employers_degrees_and_certificates_must_match_the_profile() -> None:
    clean = (
        "I worked as Staff Nurse at Northgate University Hospitals NHS Trust and hold a "
        "BSc (Hons) Adult Nursing from the University of Manchester."
    )
    assert fact_check(clean, NURSE, ICU_POSTING) == []
    # The posting names a university hospital and ACLS: no support for the candidate.
    assert fact_check(
        "I worked as Staff Nurse at Northgate University Hospital.", NURSE, ICU_POSTING
    ) == ["Northgate University Hospital"]
    assert fact_check("I hold ACLS certification.", NURSE, ICU_POSTING) == ["ACLS"]
    assert fact_check("The role requires ACLS certification.", NURSE, ICU_POSTING) == []
    assert fact_check("I hold a Bachelor's degree in Midwifery.", NURSE, ICU_POSTING) == [
        "Bachelor's degree in Midwifery"
    ]
    assert fact_check("I hold a Bachelor's degree in Adult Nursing.", NURSE, ICU_POSTING) == []
    data = posting(description="Experience in data science is a plus.")
    assert fact_check("I hold a Master's degree in Data Science.", TEN_YEARS, data) == [
        "Master's degree in Data Science"
    ]
    assert fact_check("I hold a Master's degree in Computer Science.", TEN_YEARS, data) == []


# --- tailored CV --------------------------------------------------------------------------


def test_tailored_cv_drops_an_overstated_summary_sentence() -> None:
    profile = TEN_YEARS.model_copy(
        update={
            "summary": "Backend engineer with 14 years of experience. I build logistics "
            "systems in Python."
        }
    )
    cv = tailor_cv(profile, posting(), ["Python"], today=TODAY)
    assert cv.summary == "I build logistics systems in Python."
    assert fact_check(cv.body_text(), profile, posting(), about_candidate=True) == []
    honest = TEN_YEARS.model_copy(update={"summary": "Engineer with 10 years of experience."})
    assert tailor_cv(honest, posting(), ["Python"]).summary == honest.summary


# --- LLM letters ----------------------------------------------------------------------------


def letter_reply(*paragraphs: str) -> str:
    return json.dumps(
        {
            "language": "en",
            "subject": "Application: ICU Nurse",
            "greeting": "Dear Leeds Teaching Hospitals team,",
            "paragraphs": list(paragraphs),
            "closing": "Kind regards,",
            "signature": "Amara Okafor",
            "claims_used": [],
        }
    )


def test_llm_is_given_the_figures_and_an_overstated_duration_never_stays(
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    opening = "I am applying for the ICU Nurse position at Leeds Teaching Hospitals."
    overstated = "I bring 10 years of experience in intensive care."
    llm_stub.enqueue(letter_reply(opening, overstated), letter_reply(opening, overstated))
    with LlmClient(llm_stub.base_url, "sk-test", llm_stub.model, backoff_s=0.01) as client:
        letter, flagged = write_cover_letter_llm(
            client, NURSE, ICU_POSTING, matched_skills=[], today=TODAY
        )
    prompt = "\n".join(str(m["content"]) for m in llm_stub.requests[0].messages)
    assert "experience_figures" in prompt
    assert "never round up" in prompt
    data = json.loads(prompt[prompt.index("{") :])
    figures = data["experience_figures"]
    assert figures["total"]["whole_years"] == 10
    icu = next(f for f in figures["fields"] if f["field"] == "ICU Nurse")
    assert icu["whole_years"] == 8
    assert figures["jobs_like_the_posting"]["whole_years"] == 8
    assert "10 years" in llm_stub.requests[1].messages[-1]["content"]  # the correction
    # The model insisted: the sentence is dropped rather than sent.
    assert letter.paragraphs == [opening]
    assert flagged == []
