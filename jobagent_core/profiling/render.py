"""The profile as readable Markdown (stored as `user.profile_text`)."""

from __future__ import annotations

import re

from jobagent_core.profiling.schemas import (
    CertificationEntry,
    EducationEntry,
    ExperienceEntry,
    Profile,
)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def _md(text: str) -> str:
    """`text` with Markdown's inline markup characters escaped, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _date(value: str | None) -> str:
    if not value:
        return ""
    if value == "present":
        return "present"
    if len(value) == 7 and value[4] == "-" and value[5:].isdigit() and 1 <= int(value[5:]) <= 12:
        return f"{_MONTHS[int(value[5:]) - 1]} {value[:4]}"
    return value


def _period(start: str | None, end: str | None) -> str:
    first, last = _date(start), _date(end)
    if first and last:
        return f"{first} – {last}"
    return first or last


def _experience(entry: ExperienceEntry) -> list[str]:
    heading = _md(entry.title) + (f" — {_md(entry.employer)}" if entry.employer else "")
    facts = [p for p in (_period(entry.start, entry.end), _md(entry.location or "")) if p]
    lines = [f"### {heading}"]
    if facts:
        lines.append(f"*{' · '.join(facts)}*")
    if entry.bullets:
        lines.append("")
        lines.extend(f"- {_md(bullet)}" for bullet in entry.bullets)
    return [*lines, ""]


def _education(entry: EducationEntry) -> str:
    text = f"- **{_md(entry.degree)}**"
    if entry.institution:
        text += f", {_md(entry.institution)}"
    period = _period(entry.start, entry.end)
    return f"{text} ({period})" if period else text


def _certification(entry: CertificationEntry) -> str:
    text = f"- {_md(entry.name)}"
    if entry.issuer and entry.issuer.casefold() not in entry.name.casefold():
        text += f", {_md(entry.issuer)}"
    return f"{text} ({_date(entry.date)})" if entry.date else text


def profile_to_markdown(profile: Profile) -> str:
    """A Markdown document: name, contact line, summary, skills, experience, education,
    certifications, languages and suggested titles. Empty sections are left out."""
    lines = [f"# {_md(profile.name or 'Profile')}", ""]
    links = profile.links
    values = (profile.location, profile.email, profile.phone, links.linkedin, links.github)
    contact = [_md(v) for v in (*values, links.portfolio, *links.other) if v]
    if contact:
        lines += [" · ".join(contact), ""]
    if profile.summary:
        lines += ["## Summary", "", _md(profile.summary), ""]
    if profile.skills:
        lines += ["## Skills", "", ", ".join(_md(s) for s in profile.skills), ""]
    if profile.experience:
        lines += ["## Experience", ""]
        for entry in profile.experience:
            lines += _experience(entry)
    if profile.education:
        lines += ["## Education", "", *(_education(e) for e in profile.education), ""]
    if profile.certifications:
        lines += ["## Certifications", ""]
        lines += [_certification(c) for c in profile.certifications]
        lines.append("")
    if profile.languages:
        lines += ["## Languages", ""]
        lines += [
            f"- {_md(lang.language)}" + (f" ({_md(lang.level)})" if lang.level else "")
            for lang in profile.languages
        ]
        lines.append("")
    if profile.suggested_job_titles:
        lines += ["## Suggested job titles", ""]
        lines += [f"- {_md(title)}" for title in profile.suggested_job_titles]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
