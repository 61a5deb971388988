"""Keyword coverage (issue #15 §3): the key requirements found in labelled postings
(exact sets, EN/DE/FR, six professions), the covered / synonym / missing statuses and
where each is named, the tailored CV adding only requirements the profile supports,
the notes after the Markdown CV, and the match page's rows from stored data."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication import CoverLetterDraft, render_docx, render_markdown, tailor_cv
from jobagent_core.fabrication.coverage import (
    CoverageItem,
    PostingLike,
    Requirement,
    coverage,
    coverage_summary,
    key_requirements,
    named_in,
)
from jobagent_core.fabrication.render_markdown import NOTES_HEADING
from jobagent_core.fabrication.tailor_cv import MAX_SKILLS
from jobagent_core.profiling.schemas import (
    CertificationEntry,
    ExperienceEntry,
    LanguageSkill,
    Profile,
)
from jobagent_core.profiling.taxonomy import load_taxonomy
from jobagent_core.services.match_detail import coverage_rows

pytestmark = pytest.mark.unit

LABELLED: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent.parent / "fixtures" / "coverage" / "labelled.yaml").read_text("utf-8")
)


def expected_of(case: dict[str, Any]) -> set[tuple[str, str]]:
    return {(kind, name) for kind, names in case["expected"].items() for name in names}


def found_in(case: dict[str, Any]) -> set[tuple[str, str]]:
    return {(r.kind, r.name) for r in key_requirements(PostingLike(case["title"], case["text"]))}


def posting_of(case: dict[str, Any]) -> PostingData:
    return PostingData(
        source="test",
        source_id=case["id"],
        title=case["title"],
        company="Acme",
        language=case["language"],
        description_text=case["text"],
    )


# --------------------------------------------------------------------------- labelled set


def test_the_labelled_set_spans_professions_and_languages() -> None:
    assert len(LABELLED) >= 12
    assert len({c["id"] for c in LABELLED}) == len(LABELLED)
    languages = Counter(c["language"] for c in LABELLED)
    assert languages["de"] + languages["fr"] >= 3
    assert languages["en"] >= 6
    ids = " ".join(c["id"] for c in LABELLED)
    for profession in ("python", "data", "nurse", "pflege", "electric", "teacher", "fpa"):
        assert profession in ids
    assert sum(len(expected_of(c)) for c in LABELLED) >= 150


@pytest.mark.parametrize("case", LABELLED, ids=[c["id"] for c in LABELLED])
def test_key_requirements_of_a_labelled_posting_are_exactly_the_expected(
    case: dict[str, Any],
) -> None:
    found, expected = found_in(case), expected_of(case)
    assert found - expected == set(), "listed but not a requirement"
    assert expected - found == set(), "a requirement not found"


def test_recall_and_precision_over_the_labelled_set() -> None:
    correct = found = expected = 0
    for case in LABELLED:
        got, want = found_in(case), expected_of(case)
        correct += len(got & want)
        found += len(got)
        expected += len(want)
    assert correct / expected == 1.0  # recall
    assert correct / found == 1.0  # precision


def test_company_prose_and_the_offer_are_not_requirements() -> None:
    case = next(c for c in LABELLED if c["id"] == "en_backend_python")
    names = {name for _, name in found_in(case)}
    assert "Python" in names
    # "Our team chats on Slack and our stack runs on AWS" / "Jira-free Fridays".
    assert not names & {"Slack", "Amazon Web Services", "AWS", "Jira"}
    # Without headings the whole text counts, so the same words are then requirements.
    flat = key_requirements(PostingLike("Developer", "We use Slack and Jira every day."))
    assert {r.name for r in flat} >= {"Slack", "Jira"}


def test_pay_lines_never_count() -> None:
    text = "Requirements\n- Python\n- Salary: Python bonus of €5,000 per year\n"
    reqs = key_requirements(PostingLike("Engineer", text))
    assert [r.name for r in reqs] == ["Python"]
    assert [r.wording for r in reqs] == ["Python"]


def test_a_skill_inside_a_certificate_is_the_certificate() -> None:
    reqs = key_requirements(PostingLike("x", "AWS Certified Solutions Architect required"))
    assert [(r.kind, r.name) for r in reqs] == [("certificate", "AWS Certification")]
    assert reqs[0].wording == "AWS Certified Solutions Architect"


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "Sehr gute Deutsch- und gute Englischkenntnisse",
            ["German (Very good)", "English (Good)"],
        ),
        ("German C1 and English B2", ["German (C1)", "English (B2)"]),
        ("Anglais courant", ["English (Fluent)"]),
        ("Fluent German and English", ["German (Fluent)", "English (Fluent)"]),
        ("English: fluent, German: basic", ["English (Fluent)", "German (Basic)"]),
        ("Deutsch fließend, Englisch (B2)", ["German (Fluent)", "English (B2)"]),
        ("Maîtrise du français et de l'anglais", ["French", "English"]),
        ("German is a plus; English skills required", ["German", "English"]),
        ("A German company with offices in Paris", []),
        ("Polish the dashboards before each release", []),
    ],
)
def test_languages_and_their_levels(text: str, labels: list[str]) -> None:
    reqs = key_requirements(PostingLike("Analyst", text))
    assert [r.label for r in reqs if r.kind == "language"] == labels


# --------------------------------------------------------------------------- coverage


def req(name: str, wording: str | None = None, kind: str = "skill") -> Requirement:
    return Requirement(name, kind, wording or name)  # type: ignore[arg-type]


def status(item: CoverageItem) -> tuple[str, str, str]:
    return item.status, item.where, item.found_as


def test_covered_by_the_posting_s_words_in_any_case_and_where() -> None:
    reqs = [req("PostgreSQL"), req("Docker"), req("Kubernetes"), req("Terraform")]
    cv = "Skills: postgresql · Docker"
    letter = "I ran Docker and Kubernetes in production."
    items = coverage(reqs, cv, letter)
    assert [status(i) for i in items] == [
        ("covered", "CV", ""),
        ("covered", "both", ""),
        ("covered", "letter", ""),
        ("missing", "", ""),
    ]


def test_another_alias_of_the_same_skill_is_a_synonym() -> None:
    items = coverage([req("PostgreSQL"), req("Kubernetes", "k8s")], "Postgres, Kubernetes", "")
    assert [status(i) for i in items] == [
        ("synonym", "CV", "Postgres"),
        ("synonym", "CV", "Kubernetes"),
    ]
    # The posting's own words in one document make it covered, whatever the other says.
    both = coverage([req("PostgreSQL")], "Postgres", "I tuned PostgreSQL queries.")
    assert status(both[0]) == ("covered", "both", "")


def test_whole_words_only() -> None:
    items = coverage([req("Java"), req("SQL")], "JavaScript, NoSQL, MySQL", "Javanese coffee")
    assert [i.status for i in items] == ["missing", "missing"]


def test_languages_certificates_and_their_other_names() -> None:
    german = Requirement("German", "language", "Deutsch", "C1")
    nmc = Requirement("NMC Registration", "certificate", "NMC registration")
    licence = Requirement("Driving Licence", "certificate", "Führerschein")
    cv = "Languages\n- German (C1)\nNMC PIN 12A3456E"
    letter = "Ich habe sehr gute Deutschkenntnisse und einen Führerschein."
    items = coverage([german, nmc, licence], cv, letter)
    assert items[0].requirement == "German (C1)"
    assert [status(i) for i in items] == [
        ("covered", "both", ""),  # the letter's "Deutschkenntnisse" names "Deutsch"
        ("synonym", "CV", "NMC PIN"),
        ("covered", "letter", ""),
    ]
    only_english_name = coverage([german], cv, "")
    assert status(only_english_name[0]) == ("synonym", "CV", "German")


def test_ambiguous_names_count_in_the_cv_s_lists_not_in_a_letter_s_prose() -> None:
    go = req("Go")
    assert named_in(go, "Python, Go, SQL", listed=True) == "Go"
    assert named_in(go, "Go ahead and call me.") is None


def test_summary() -> None:
    items = coverage(
        [req("Python"), req("PostgreSQL"), req("Kubernetes"), req("Terraform")],
        "Python, Postgres",
        "",
    )
    assert coverage_summary(items) == (
        "2 of 4 key requirements named (1 by another name); missing: Kubernetes, Terraform"
    )
    assert coverage_summary(coverage([req("Python")], "Python", "")) == (
        "1 of 1 key requirements named"
    )
    assert "no skills" in coverage_summary([])


# --------------------------------------------------------------------------- tailored CV

FILLERS = [f"Zqx{i:02d}" for i in range(MAX_SKILLS + 5)]  # skills no posting names


def other_alias(name: str, wording: str) -> str | None:
    """Another case-insensitive name of the taxonomy skill `name`, if it has one."""
    skill = load_taxonomy().skills.by_name.get(name)
    if skill is None:
        return None
    for alias in skill.aliases:
        if alias.casefold() != wording.casefold() and len(alias) > 3:
            return alias
    return None


def profile_supporting(requirements: list[Requirement]) -> Profile:
    """A profile that lists `requirements` where a CV could lose them: skills under
    another name behind many fillers (past the skills cut), languages with a level."""
    skills, languages = list(FILLERS), []
    for r in requirements:
        if r.kind == "language":
            languages.append(LanguageSkill(language=r.name, level="C1"))
        else:
            skills.append(other_alias(r.name, r.wording) or r.wording)
    return Profile(
        name="Sam Example",
        skills=skills,
        languages=languages,
        experience=[ExperienceEntry(title="Specialist", employer="Zeta", bullets=["Wrote."])],
    )


@pytest.mark.parametrize("case", LABELLED, ids=[c["id"] for c in LABELLED])
def test_the_cv_names_every_supported_requirement_and_no_other(case: dict[str, Any]) -> None:
    posting = posting_of(case)
    # Certificates have no place among skills: see the certificate test below.
    reqs = [r for r in key_requirements(posting) if r.kind != "certificate"]
    supported, unsupported = reqs[::2], reqs[1::2]
    cv = tailor_cv(profile_supporting(supported), posting, [])
    text = cv.body_text()
    for r in supported:
        assert named_in(r, text, listed=True), f"{r.label} is in the profile but not the CV"
    for r in unsupported:
        # Another requirement's words may contain it ("Python" in a wording): then the
        # profile does support it, by those words.
        if any(named_in(r, s.wording, listed=True) for s in supported):
            continue
        assert named_in(r, text, listed=True) is None, f"{r.label} was invented"


def test_a_synonym_skill_behind_the_cut_is_kept_and_an_unsupported_one_is_not_added() -> None:
    posting = PostingData(
        source="t",
        source_id="1",
        title="Backend Engineer",
        company="Acme",
        description_text="Requirements\n- PostgreSQL\n- Terraform\n- Kubernetes",
    )
    profile = Profile(
        name="Sam",
        skills=[*FILLERS, "Postgres"],
        experience=[
            ExperienceEntry(
                title="Engineer",
                bullets=["Wrote docs.", "Ran demos.", "Fixed bugs.", "Moved clusters to k8s."],
            )
        ],
    )
    cv = tailor_cv(profile, posting, [])
    assert "Postgres" in cv.skills  # the posting says PostgreSQL: still the profile's word
    # Named only in a job's words: not promoted to a skill the person did not list.
    assert not any("k8s" in s for s in cv.skills)
    assert "PostgreSQL" not in cv.body_text()
    assert not any("Terraform" in s for s in cv.skills)
    assert len(cv.skills) <= MAX_SKILLS + 2


def test_a_certificate_the_posting_asks_for_is_not_listed_as_a_skill() -> None:
    """The fact check reads the skills list as skills claimed: a certificate put there
    reads as one the person did not list (and the quality bench flagged exactly that)."""
    case = next(c for c in LABELLED if c["id"] == "en_icu_nurse")
    profile = Profile(
        name="Sam",
        skills=["Patient Care"],
        certifications=[CertificationEntry(name="NMC Registration (PIN 12A3456E)")],
    )
    assert any(r.kind == "certificate" for r in key_requirements(posting_of(case)))
    cv = tailor_cv(profile, posting_of(case), [])
    assert "Patient Care" in cv.skills
    assert not any("NMC" in skill for skill in cv.skills)


# --------------------------------------------------------------------------- notes


def nurse_cv_and_letter() -> tuple[Any, CoverLetterDraft]:
    case = next(c for c in LABELLED if c["id"] == "en_icu_nurse")
    profile = Profile(name="Sam", skills=["Patient Care", "ICU nursing"])
    letter = CoverLetterDraft(
        language="en",
        subject="Staff Nurse",
        greeting="Dear team,",
        paragraphs=["I have cared for ventilated patients and managed IV therapy."],
        closing="Kind regards,",
        signature="Sam",
    )
    return tailor_cv(profile, posting_of(case), [], letter=letter), letter


def test_the_notes_say_what_the_cv_and_the_letter_name() -> None:
    cv, _ = nurse_cv_and_letter()
    assert cv.notes[0].startswith("Keyword coverage of the CV and the letter: 4 of 12 ")
    assert "(1 by another name)" in cv.notes[0]
    assert "missing: Hemodynamic Monitoring" in cv.notes[0]
    assert (
        "Intensive Care Nursing: the posting says “Intensive Care Unit”, the CV says "
        "“ICU nursing” — screening software may not see them as the same." in cv.notes
    )
    assert "Keyword coverage" not in cv.body_text()
    alone = tailor_cv(
        Profile(name="Sam", skills=["Patient Care"]),
        posting_of(next(c for c in LABELLED if c["id"] == "en_icu_nurse")),
        [],
    )
    assert alone.notes[0].startswith("Keyword coverage of the CV: 1 of 12 ")


def test_the_notes_close_the_markdown_only() -> None:
    cv, _ = nurse_cv_and_letter()
    markdown = render_markdown(cv)
    body, notes = markdown.split("\n\n---\n\n")
    assert notes.startswith(NOTES_HEADING)
    assert "- Keyword coverage of the CV and the letter" in notes
    assert "Keyword coverage" not in body
    word = "\n".join(p.text for p in docx.Document(io.BytesIO(render_docx(cv))).paragraphs)
    assert "Sam" in word
    assert "Keyword coverage" not in word
    assert NOTES_HEADING not in word
    without = render_markdown(cv.model_copy(update={"notes": []}))
    assert "---" not in without
    assert NOTES_HEADING not in without


# --------------------------------------------------------------------------- match page


def test_the_match_page_rows_come_from_the_stored_cv_not_its_notes() -> None:
    cv, _ = nurse_cv_and_letter()
    case = next(c for c in LABELLED if c["id"] == "en_icu_nurse")
    letter_md = "Dear team,\n\nI know invasive ventilation well and hold an NMC PIN."
    rows, summary = coverage_rows(
        case["title"], case["text"], cv.model_dump(mode="json"), render_markdown(cv), letter_md
    )
    by_name = {r.requirement: r for r in rows}
    assert len(rows) == 12
    assert (by_name["Patient Care"].status, by_name["Patient Care"].where) == ("covered", "CV")
    vent = by_name["Mechanical Ventilation"]
    assert (vent.status, vent.where, vent.found_as) == ("synonym", "letter", "invasive ventilation")
    # The notes in the Markdown name "Hemodynamic Monitoring": that is not the CV naming it.
    assert by_name["Hemodynamic Monitoring"].status == "missing"
    assert by_name["NMC Registration"].kind == "certificate"
    assert summary.startswith("4 of 12 key requirements named")
    # An artifact without the CV's JSON: its Markdown, without the notes, stands in.
    md_rows, _ = coverage_rows(case["title"], case["text"], None, render_markdown(cv), letter_md)
    assert [(r.requirement, r.status, r.where) for r in md_rows] == [
        (r.requirement, r.status, r.where) for r in rows
    ]
