"""What the profiling states show of CVs and upload limits, and the check a
chosen file gets before anything is stored.

The database work behind these pages (reading the profile and CVs, storing CVs,
starting and reading runs, saving edits) is in `jobagent_core.services.profiles`;
this module only turns its plain values into what a person reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from jobagent_core.profiling.documents import ExtractedDocument, read_document
from jobagent_core.profiling.errors import DocumentError, FileTooLarge
from jobagent_core.services.profiles import MB, DocumentSummary, upload_limits

_KIND_LABELS = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "text/markdown": "Markdown",
    "text/plain": "Text",
}


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_files: int

    @classmethod
    def from_settings(cls) -> Limits:
        limits = upload_limits()
        return cls(max_bytes=limits.max_bytes, max_files=limits.max_files)

    @property
    def text(self) -> str:
        """E.g. "Up to 5 files, 10 MB each"."""
        files = "1 file" if self.max_files == 1 else f"{self.max_files} files"
        return f"Up to {files}, {human_size(self.max_bytes)} each"


def human_size(size: int) -> str:
    """1536 → "2 KB", 10485760 → "10 MB" (what a person reads, not exact)."""
    if size < 1024:
        return f"{size} bytes"
    if size < MB:
        return f"{round(size / 1024)} KB"
    value = size / MB
    return f"{value:.0f} MB" if value >= 10 or value == int(value) else f"{value:.1f} MB"


def kind_label(media_type: str) -> str:
    return _KIND_LABELS.get(media_type, "Document")


def _date_label(value: datetime | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else ""


def _pages_label(pages: int | None) -> str:
    """The page count as the CV list shows it after the size (" · 2 pages"); ""
    when it is not known."""
    if not pages:
        return ""
    return " · 1 page" if pages == 1 else f" · {pages} pages"


def document_rows(documents: Sequence[DocumentSummary]) -> list[dict[str, str]]:
    """The CV list as the documents component shows it."""
    return [
        {
            "id": document.id,
            "name": document.filename,
            "kind": kind_label(document.media_type),
            "size": human_size(document.size_bytes),
            "uploaded": _date_label(document.uploaded_at),
            "pages": _pages_label(document.pages),
        }
        for document in documents
    ]


def check_files(
    files: Sequence[tuple[str, bytes | int]], limits: Limits
) -> list[ExtractedDocument | DocumentError]:
    """`read_document` for each (name, bytes); an int instead of bytes is the size
    of a file too large to have been read."""
    results: list[ExtractedDocument | DocumentError] = []
    for name, data in files:
        try:
            if isinstance(data, int):
                raise FileTooLarge(name, data, limits.max_bytes)
            results.append(read_document(name, data, max_bytes=limits.max_bytes))
        except DocumentError as err:
            results.append(err)
    return results
