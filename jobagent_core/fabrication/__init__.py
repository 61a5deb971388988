"""Fabrication: a cover letter and a tailored CV per match, rendered to PDF, DOCX and Markdown.

    letter = write_cover_letter_offline(profile, posting, matched_skills=skills,
                                        research_summary=summary)
    letter, flagged = write_cover_letter_llm(client, profile, posting, matched_skills=skills,
                                             research_summary=summary)  # LlmError -> offline
    cv = tailor_cv(profile, posting, skills, letter=letter)   # notes: keyword coverage
    coverage(key_requirements(posting), cv.body_text(), letter.body_text())
    render_pdf(letter), render_docx(cv), render_markdown(letter)

Nothing here states a fact the profile, the posting or the research do not hold;
`fact_check` finds the claims that break that rule in any text.
"""

from jobagent_core.fabrication.coverage import (
    CoverageItem,
    Requirement,
    coverage,
    coverage_summary,
    key_requirements,
)
from jobagent_core.fabrication.fact_check import fact_check
from jobagent_core.fabrication.fonts import FontMissing
from jobagent_core.fabrication.llm_writer import write_cover_letter_llm
from jobagent_core.fabrication.offline_writer import write_cover_letter_offline
from jobagent_core.fabrication.render_docx import render_docx
from jobagent_core.fabrication.render_markdown import render_html, render_markdown
from jobagent_core.fabrication.render_pdf import render_pdf
from jobagent_core.fabrication.schemas import (
    CoverLetter,
    CoverLetterDraft,
    CvEducation,
    CvExperience,
    CvLanguage,
    TailoredCv,
)
from jobagent_core.fabrication.tailor_cv import tailor_cv

__all__ = [
    "CoverLetter",
    "CoverLetterDraft",
    "CoverageItem",
    "CvEducation",
    "CvExperience",
    "CvLanguage",
    "FontMissing",
    "Requirement",
    "TailoredCv",
    "coverage",
    "coverage_summary",
    "fact_check",
    "key_requirements",
    "render_docx",
    "render_html",
    "render_markdown",
    "render_pdf",
    "tailor_cv",
    "write_cover_letter_llm",
    "write_cover_letter_offline",
]
