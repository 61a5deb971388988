"""The profile's lists as the form edits them, the edits a rebuild keeps, and the
check that a CV belongs to the person whose profile it joins."""

from __future__ import annotations

from typing import Any

import pytest

from jobagent_core.profiling.profile_store import apply_edits, merge_profile, other_person
from jobagent_core.profiling.schemas import EducationEntry, ExperienceEntry, Profile
from jobagent_ui.state import profile_entries as entries

pytestmark = pytest.mark.unit

EXTRACTED = Profile(
    name="Zoë Müller-Łukasik",
    email="zoe@example.com",
    experience=[
        ExperienceEntry(
            title="Senior Data Engineer", employer="Acme", start="2021-03", current=True
        ),
        ExperienceEntry(title="Data Engineer", employer="Beta", start="2018", end="2021-02"),
    ],
    education=[EducationEntry(degree="M.Sc. Computer Science", institution="TU Berlin")],
)


def stored() -> dict[str, Any]:
    return merge_profile(EXTRACTED, None, overwrite=False)


def test_rows_round_trip_unchanged_is_no_edit() -> None:
    profile = stored()
    edits = {
        section: entries.entries_of(section, entries.rows_of(section, profile[section]))
        for section in entries.COLUMNS
    }
    assert apply_edits(profile, edits)["edited_fields"] == []


def test_an_edited_job_list_survives_a_rebuild() -> None:
    rows = entries.rows_of("experience", stored()["experience"])
    rows = entries.moved(rows, 1, -1)  # the older job first
    rows[0] = rows[0] | {"title": "Lead Data Engineer", "bullets": "Built pipelines\n\nLed a team"}
    edited = apply_edits(stored(), {"experience": entries.entries_of("experience", rows)})
    assert edited["edited_fields"] == ["experience"]

    rebuilt = merge_profile(EXTRACTED, edited, overwrite=False)
    assert [job["title"] for job in rebuilt["experience"]] == [
        "Lead Data Engineer",
        "Senior Data Engineer",
    ]
    assert rebuilt["experience"][0]["bullets"] == ["Built pipelines", "Led a team"]
    assert rebuilt["experience"][1]["current"] is True
    # Fields the person did not touch are read afresh.
    assert rebuilt["education"][0]["degree"] == "M.Sc. Computer Science"
    overwritten = merge_profile(EXTRACTED, edited, overwrite=True)
    assert overwritten["experience"][0]["title"] == "Senior Data Engineer"


def test_problems_are_told_in_words() -> None:
    job = entries.blank_row("experience") | {"title": "Engineer", "start": "March 2019"}
    assert entries.problem("experience", [job]) == (
        "Job 1: write the start date as a year (2019) or a year and month (2019-03)."
    )
    assert entries.problem("experience", [job | {"start": "2019", "end": "now"}]) == (
        'Job 1: write the end date as a year (2019) or a year and month (2019-03) (or "present").'
    )
    assert entries.problem("experience", [job | {"start": "2019-03", "end": "Present"}]) is None
    assert entries.problem("experience", [job | {"start": "2019-13"}]) is not None
    assert entries.problem("education", [entries.blank_row("education")]) == (
        "Degree 1 needs the degree."
    )
    language = {"language": "German", "level": ""}
    assert entries.problem("languages", [language, {"language": " ", "level": "C1"}]) == (
        "Language 2 needs the language."
    )


def test_an_end_date_ends_a_current_job() -> None:
    row = entries.rows_of("experience", stored()["experience"])[0]
    assert entries.entries_of("experience", [row])[0]["current"] is True
    ended = entries.entries_of("experience", [row | {"end": "2024-06"}])[0]
    assert (ended["current"], ended["end"]) == (False, "2024-06")


def test_moving_past_either_end_changes_nothing() -> None:
    rows = [{"language": "German"}, {"language": "French"}]
    assert entries.moved(rows, 0, -1) == rows
    assert entries.moved(rows, 1, 1) == rows
    assert entries.moved(rows, 0, 1) == [{"language": "French"}, {"language": "German"}]


def test_another_persons_cv_is_told_apart_loosely() -> None:
    profile = stored()
    same = Profile(name="  zoe  MULLER-Łukasik ", email="ZOE@example.com")
    assert other_person(profile, same) is None
    assert other_person(profile, Profile(name="Amara Okafor")) == "name on the CV: Amara Okafor"
    assert other_person(profile, Profile(email="amara@example.org")) == (
        "e-mail on the CV: amara@example.org"
    )
    # A value missing on either side is no conflict.
    assert other_person(profile, Profile()) is None
    assert other_person({"name": None}, Profile(name="Amara Okafor")) is None
    assert other_person(None, Profile(name="Amara Okafor")) is None
