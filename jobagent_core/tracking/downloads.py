"""A match's files (letter and CV as PDF, DOCX, Markdown), for the download route."""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Final, Literal, NamedTuple, get_args

from sqlalchemy.orm import Session as DbSession

from jobagent_core.db.models import Artifact
from jobagent_core.fabrication import (
    CoverLetter,
    TailoredCv,
    render_docx,
    render_pdf,
)
from jobagent_core.storage import FileStore
from jobagent_core.tracking.errors import FileUnavailable, MatchNotFound
from jobagent_core.tracking.letter_text import letter_from_markdown
from jobagent_core.tracking.letters import file_store
from jobagent_core.tracking.matches import match_detail

log = logging.getLogger(__name__)

DownloadKind = Literal[
    "cover_letter_pdf",
    "cover_letter_docx",
    "cover_letter_md",
    "cv_pdf",
    "cv_docx",
    "cv_md",
]
DOWNLOAD_KINDS: Final[tuple[str, ...]] = get_args(DownloadKind)
_MEDIA_TYPES: Final = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown; charset=utf-8",
}


class Download(NamedTuple):
    """(filename, media type, bytes): unpacks like the tuple it is."""

    filename: str
    media_type: str
    data: bytes


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def download_filename(kind: str, company: str, title: str) -> str:
    """E.g. "cover-letter-acme-data-engineer.pdf" (ASCII, safe in any header)."""
    document, _, extension = kind.rpartition("_")
    prefix = "cover-letter" if document == "cover_letter" else "cv"
    stem = "-".join(part for part in (prefix, _slug(company), _slug(title)) if part)
    return f"{stem}.{extension}"


def download(
    db: DbSession,
    user_id: str,
    match_id: str,
    kind: str,
    *,
    store: FileStore | None = None,
) -> Download:
    """One of the match's files as (filename, media type, bytes).

    Files missing from storage are rendered again from the stored letter or CV.
    Raises `MatchNotFound` (also for someone else's match), `FileUnavailable`
    (unknown kind, or nothing written yet).
    """
    if kind not in DOWNLOAD_KINDS:
        raise FileUnavailable("file")
    detail = match_detail(db, user_id, match_id)
    if detail is None:
        raise MatchNotFound()
    document, _, extension = kind.rpartition("_")
    what = "cover letter" if document == "cover_letter" else "CV"
    artifact = detail.artifact
    if artifact is None:
        raise FileUnavailable(what)
    data = _file_bytes(artifact, document, extension, file_store(store))
    if data is None:
        raise FileUnavailable(what)
    filename = download_filename(kind, detail.posting.company, detail.posting.title)
    return Download(filename=filename, media_type=_MEDIA_TYPES[extension], data=data)


def _file_bytes(
    artifact: Artifact, document: str, extension: str, store: FileStore
) -> bytes | None:
    if extension == "md":
        text = artifact.cover_letter_md if document == "cover_letter" else artifact.cv_md
        return text.encode() if text.strip() else None
    key = getattr(artifact, f"{document}_{extension}_key")
    if key:
        try:
            return store.read(key)
        except FileNotFoundError:
            log.warning("stored file %s is missing; rendering it again", key)
    source = artifact.cover_letter if document == "cover_letter" else artifact.cv
    if not source:
        return None
    model: CoverLetter | TailoredCv
    if document == "cover_letter":
        letter = CoverLetter.model_validate(source)
        if artifact.cover_letter_md.strip():  # the person's edits are what they download
            letter = letter_from_markdown(artifact.cover_letter_md, letter)
        model = letter
    else:
        model = TailoredCv.model_validate(source)
    return render_pdf(model) if extension == "pdf" else render_docx(model)
