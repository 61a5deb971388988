"""The profile as the person reviews and edits it, and the CVs it was built from.

Loaded by `ProfilingState` together with the latest run (one transaction); saved
here through `jobagent_core.services.profiles.save_profile`, which remembers the
edited fields so that running profiling again keeps them unless the person asks
otherwise.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from typing import Any

import reflex as rx
from pydantic import ValidationError
from reflex.event import EventSpec

from jobagent_core.profiling.schemas import MAX_SUGGESTED_TITLES
from jobagent_core.services import profiles
from jobagent_core.services.profiles import DocumentSummary
from jobagent_ui.state import profile_entries as entries
from jobagent_ui.state import profiling_data as data
from jobagent_ui.state.auth import SIGN_IN_AGAIN, current_member

log = logging.getLogger(__name__)

MAX_CHIP_CHARS = 80
FIELD_LABELS = {
    "name": "Name",
    "location": "Location",
    "summary": "Summary",
    "suggested_job_titles": "Suggested job titles",
    "skills": "Skills",
    "links": "Links",
    "email": "E-mail",
    "phone": "Phone",
    "experience": "Experience",
    "education": "Education",
    "certifications": "Certifications and licences",
    "languages": "Languages",
}
SECTIONS = tuple(entries.COLUMNS)
SAVE_FAILED = "Your profile could not be saved just now. Please try again in a moment."


def validation_message(err: ValidationError) -> str:
    """The first problem in words, e.g. "Links: Input should be a valid string."."""
    first = err.errors()[0]
    field = FIELD_LABELS.get(str(first["loc"][0]) if first["loc"] else "", "A field")
    return f"{field}: {first['msg']}."


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _optional(value: str) -> str | None:
    value = value.strip()
    return value or None


# The fields a person types into or arranges (what a reconnect keeps).
_FORM_FIELDS = (
    "name", "location", "summary", "titles", "skills", "linkedin", "github",
    "portfolio", "email", "phone", *SECTIONS,
)  # fmt: skip


class ProfileState(rx.State):
    loading: bool = True
    load_error: str = ""
    has_profile: bool = False
    documents: list[dict[str, str]] = []

    name: str = ""
    location: str = ""
    summary: str = ""
    titles: list[str] = []
    skills: list[str] = []
    linkedin: str = ""
    github: str = ""
    portfolio: str = ""
    email: str = ""
    phone: str = ""
    experience: list[dict[str, str]] = []
    education: list[dict[str, str]] = []
    certifications: list[dict[str, str]] = []
    languages: list[dict[str, str]] = []
    saving: bool = False
    save_error: str = ""  # why the last save was refused, shown by the Save button
    _other_links: list[str] = []
    # The form as last filled from the stored profile: what "unsaved" compares with.
    _shown: dict[str, Any] = {}

    @rx.var
    def titles_full(self) -> bool:
        return len(self.titles) >= MAX_SUGGESTED_TITLES

    @rx.var
    def titles_hint(self) -> str:
        return f"Up to {MAX_SUGGESTED_TITLES} titles; they seed your job searches."

    @rx.var(cache=False)
    def unsaved(self) -> bool:
        """Edits in the form that are not saved yet (leaving the page would lose them)."""
        return not self.loading and self._unsaved_form()

    # ------------------------------------------------------------------ loading

    def start_loading(self) -> None:
        self.loading = True
        self.load_error = ""

    def show(self, profile: dict[str, Any] | None, documents: Sequence[DocumentSummary]) -> None:
        """The stored profile and CVs. Unsaved edits of the same stored profile stay:
        a reconnect (a network blip, a laptop waking up, a reload) loads the page
        again, and "Leave" in the unsaved-changes dialog discards them first."""
        shown_before, typed = self._shown, self._form() if self._unsaved_form() else None
        self.documents = data.document_rows(documents)
        self.show_profile(profile)
        if typed is not None and self._shown == shown_before:
            self._fill_form(typed)
        self.loading = False
        self.load_error = ""

    def show_profile(self, profile: dict[str, Any] | None) -> None:
        profile = profile or {}
        links = profile.get("links") or {}
        self.save_error = ""
        self.has_profile = bool(profile)
        self.name = _text(profile.get("name"))
        self.location = _text(profile.get("location"))
        self.summary = _text(profile.get("summary"))
        self.titles = [t for t in profile.get("suggested_job_titles") or [] if isinstance(t, str)]
        self.skills = [s for s in profile.get("skills") or [] if isinstance(s, str)]
        self.linkedin = _text(links.get("linkedin"))
        self.github = _text(links.get("github"))
        self.portfolio = _text(links.get("portfolio"))
        self._other_links = [u for u in links.get("other") or [] if isinstance(u, str)]
        self.email = _text(profile.get("email"))
        self.phone = _text(profile.get("phone"))
        for section in SECTIONS:
            setattr(self, section, entries.rows_of(section, profile.get(section)))
        self._shown = self.edits()

    def _unsaved_form(self) -> bool:
        return self.has_profile and bool(self._shown) and self.edits() != self._shown

    def _form(self) -> dict[str, Any]:
        return {field: getattr(self, field) for field in _FORM_FIELDS}

    def _fill_form(self, values: dict[str, Any]) -> None:
        for field, value in values.items():
            setattr(self, field, value)

    @rx.event
    def discard_edits(self) -> None:
        """The person chose to leave without saving: the page shows what is stored
        when it opens again."""
        self._shown = {}

    def load_failed(self, message: str) -> None:
        self.loading = False
        self.load_error = message

    # ------------------------------------------------------------------ editing

    @rx.event
    def set_name(self, value: str) -> None:
        self.name = value

    @rx.event
    def set_location(self, value: str) -> None:
        self.location = value

    @rx.event
    def set_summary(self, value: str) -> None:
        self.summary = value

    @rx.event
    def set_linkedin(self, value: str) -> None:
        self.linkedin = value

    @rx.event
    def set_github(self, value: str) -> None:
        self.github = value

    @rx.event
    def set_portfolio(self, value: str) -> None:
        self.portfolio = value

    @rx.event
    def set_email(self, value: str) -> None:
        self.email = value

    @rx.event
    def set_phone(self, value: str) -> None:
        self.phone = value

    def _rows(self, section: str) -> list[dict[str, str]]:
        if section not in SECTIONS:
            raise ValueError(f"Unknown profile section: {section}")
        rows: list[dict[str, str]] = getattr(self, section)
        return rows

    @rx.event
    def set_cell(self, section: str, index: int, column: str, value: str) -> None:
        """One cell of a row typed into (experience, education, ...)."""
        rows = self._rows(section)
        if 0 <= index < len(rows) and column in entries.COLUMNS[section]:
            rows[index] = rows[index] | {column: value}
            setattr(self, section, list(rows))

    @rx.event
    def add_row(self, section: str) -> None:
        setattr(self, section, [*self._rows(section), entries.blank_row(section)])

    @rx.event
    def remove_row(self, section: str, index: int) -> None:
        rows = self._rows(section)
        setattr(self, section, [row for i, row in enumerate(rows) if i != index])

    @rx.event
    def move_row(self, section: str, index: int, step: int) -> None:
        setattr(self, section, entries.moved(self._rows(section), index, step))

    @rx.event
    def add_title(self, form_data: dict[str, Any]) -> EventSpec | None:
        if self.titles_full:
            return rx.toast.error(
                f"Keep at most {MAX_SUGGESTED_TITLES} suggested titles: remove one first."
            )
        return self._add_chip(self.titles, form_data.get("title"))

    @rx.event
    def remove_title(self, title: str) -> None:
        self.titles = [t for t in self.titles if t != title]

    @rx.event
    def add_skill(self, form_data: dict[str, Any]) -> EventSpec | None:
        return self._add_chip(self.skills, form_data.get("skill"))

    @rx.event
    def remove_skill(self, skill: str) -> None:
        self.skills = [s for s in self.skills if s != skill]

    def _add_chip(self, chips: list[str], value: Any) -> EventSpec | None:
        text = " ".join(_text(value).split())
        if not text:
            return None
        if len(text) > MAX_CHIP_CHARS:
            return rx.toast.error(f"Keep it under {MAX_CHIP_CHARS} characters.")
        if text.casefold() in (c.casefold() for c in chips):
            return rx.toast.info(f"“{text}” is already listed.")
        chips.append(text)
        return None

    def edits(self) -> dict[str, Any]:
        """The form as profile fields (blank text fields become "not set")."""
        return {
            "name": _optional(self.name),
            "location": _optional(self.location),
            "summary": _optional(self.summary),
            "suggested_job_titles": list(self.titles),
            "skills": list(self.skills),
            "links": {
                "linkedin": _optional(self.linkedin),
                "github": _optional(self.github),
                "portfolio": _optional(self.portfolio),
                "other": list(self._other_links),
            },
            "email": _optional(self.email),
            "phone": _optional(self.phone),
        } | {section: entries.entries_of(section, self._rows(section)) for section in SECTIONS}

    def problem(self) -> str | None:
        """The first entry that cannot be saved as it is, in words."""
        for section in SECTIONS:
            found = entries.problem(section, self._rows(section))
            if found:
                return found
        return None

    async def save_edits(self) -> tuple[bool, EventSpec | None]:
        """Store the form; (saved?, a toast explaining a failure)."""
        user = await current_member(self)
        if user is None:
            self.saving = False
            return False, rx.toast.error(SIGN_IN_AGAIN)
        found = self.problem()
        if found:
            self.saving = False
            return self._refused(found)
        self.save_error = ""
        try:
            stored = await asyncio.to_thread(profiles.save_profile, user.id, self.edits())
        except ValidationError as err:
            return self._refused(validation_message(err))
        except (ValueError, LookupError) as err:
            return self._refused(str(err))
        except Exception:
            log.exception("saving the profile failed")
            return self._refused(SAVE_FAILED)
        finally:
            self.saving = False
        self.show_profile(stored)
        return True, None

    def _refused(self, message: str) -> tuple[bool, EventSpec]:
        self.save_error = message
        return False, rx.toast.error(message)

    @rx.event
    async def save(self) -> AsyncIterator[EventSpec | None]:
        self.saving = True
        yield None
        saved, problem = await self.save_edits()
        yield rx.toast.success("Profile saved.") if saved else problem
