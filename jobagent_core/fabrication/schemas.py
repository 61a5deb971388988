"""What fabrication produces: a cover letter and a tailored CV.

Plain pydantic models of simple types: they are stored as JSON on the
artifact, and `CoverLetterDraft` doubles as the JSON schema the LLM fills.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class CoverLetterDraft(BaseModel):
    """The written part of a letter: what the offline writer or the LLM composes."""

    language: str = Field(description="ISO 639-1 code of the language the letter is in")
    subject: str = Field(description="One line naming the application, e.g. the role")
    greeting: str
    paragraphs: list[str] = Field(min_length=1)
    closing: str = Field(description="The complimentary close, e.g. 'Kind regards,'")
    signature: str = Field(description="The candidate's name")
    claims_used: list[str] | None = Field(
        default=None,
        description="The facts from the profile and posting that the letter relies on",
    )

    def body_text(self) -> str:
        """Everything the candidate says, as one text (what the fact checker reads)."""
        return "\n\n".join(
            [self.subject, self.greeting, *self.paragraphs, self.closing, self.signature]
        )


class CoverLetter(CoverLetterDraft):
    """A letter ready to render: the draft plus the header filled from the facts."""

    sender: list[str] = Field(default_factory=list)  # name, then contact lines
    recipient: list[str] = Field(default_factory=list)  # company, then location
    date: dt.date | None = None  # rendered in the letter's language; today when None


class CvExperience(BaseModel):
    title: str
    employer: str | None = None
    location: str | None = None
    start: str | None = None
    end: str | None = None
    current: bool = False
    bullets: list[str] = Field(default_factory=list)  # most relevant first


class CvEducation(BaseModel):
    degree: str
    institution: str | None = None
    start: str | None = None
    end: str | None = None


class CvCertification(BaseModel):
    name: str
    issuer: str | None = None
    date: str | None = None  # "YYYY-MM" or "YYYY"


class CvLanguage(BaseModel):
    language: str
    level: str | None = None


class TailoredCv(BaseModel):
    """A CV re-ordered for one posting; every item comes from the profile."""

    language: str = "en"  # the language of the headings (the posting's)
    name: str
    headline: str = ""
    contact: list[str] = Field(default_factory=list)  # e-mail, phone, location, links
    summary: str = ""
    skills: list[str] = Field(default_factory=list)  # matched first, then related
    experience: list[CvExperience] = Field(default_factory=list)
    education: list[CvEducation] = Field(default_factory=list)
    certifications: list[CvCertification] = Field(default_factory=list)  # asked-for first
    languages: list[CvLanguage] = Field(default_factory=list)
    # For the person, never part of the CV: which of the posting's key requirements the
    # CV names (shown after the Markdown rendering; not in the PDF or the Word file).
    notes: list[str] = Field(default_factory=list)

    def body_text(self) -> str:
        """All the CV's words, as one text (not the notes)."""
        parts = [self.name, self.headline, *self.contact, self.summary, *self.skills]
        for job in self.experience:
            parts += [job.title, job.employer or "", job.location or "", *job.bullets]
        for edu in self.education:
            parts += [edu.degree, edu.institution or ""]
        for cert in self.certifications:
            parts += [cert.name, cert.issuer or ""]
        parts += [f"{lang.language} {lang.level or ''}" for lang in self.languages]
        return "\n".join(p for p in parts if p)
