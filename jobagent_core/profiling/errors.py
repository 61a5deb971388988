"""Why an uploaded CV was refused: one type per cause, each message names the file and
says what to do. Faces show `str(err)` as is (toast, HTTP 4xx detail, CLI line)."""

from __future__ import annotations

import unicodedata
from typing import Literal

_FORMATS = "PDF, DOCX, TXT or Markdown"


def safe_filename(filename: str) -> str:
    """The base name as uploaded (browsers may send "C:\\fakepath\\cv.pdf"): no folders,
    no control characters, NFC, at most 255 characters; "" if nothing is left."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    return unicodedata.normalize("NFC", base).strip()[-255:]


def display_name(filename: str) -> str:
    """`safe_filename`, shortened for a message, or "The file" when there is no name."""
    base = safe_filename(filename)
    if len(base) > 80:
        base = base[:60] + "…" + base[-19:]
    return base or "The file"


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"


class DocumentError(ValueError):
    """Base class: the upload cannot become CV text. `filename` is the name shown."""

    def __init__(self, filename: str, message: str) -> None:
        super().__init__(message)
        self.filename = filename


class EmptyFile(DocumentError):
    def __init__(self, filename: str, *, detail: str = "is empty") -> None:
        name = display_name(filename)
        super().__init__(name, f"{name} {detail}. Choose the file that holds your CV.")


class FileTooLarge(DocumentError):
    def __init__(self, filename: str, size: int, limit: int) -> None:
        name = display_name(filename)
        super().__init__(
            name,
            f"{name} is {_megabytes(size)}; the limit is {_megabytes(limit)} per file. "
            "Export a smaller PDF (without large images) or upload a DOCX.",
        )
        self.size, self.limit = size, limit


class TooManyFiles(DocumentError):
    def __init__(self, filename: str, limit: int) -> None:
        name = display_name(filename)
        super().__init__(
            name,
            f"{name} was not added: a profile holds at most {limit} CV files. "
            "Remove one before adding another.",
        )
        self.limit = limit


class UnsupportedDocument(DocumentError):
    """Not a CV format we read. `looks_like` names what it is, e.g. "a PNG image"."""

    def __init__(
        self,
        filename: str,
        looks_like: str,
        *,
        advice: str | None = None,
        contradicts_name: bool = True,
    ) -> None:
        name = display_name(filename)
        claimed = _claimed_format(name) if contradicts_name else None
        not_claimed = f", not {claimed}" if claimed else ""
        advice = advice or f"Upload your CV as a {_FORMATS} file."
        super().__init__(name, f"{name} looks like {looks_like}{not_claimed}. {advice}")
        self.looks_like = looks_like


class EncryptedPdf(DocumentError):
    def __init__(self, filename: str) -> None:
        name = display_name(filename)
        super().__init__(
            name, f"{name} is password-protected; remove the password and upload it again."
        )


class ScannedPdf(DocumentError):
    def __init__(self, filename: str) -> None:
        name = display_name(filename)
        super().__init__(
            name,
            f"{name} has no text layer — it looks scanned; upload a text PDF or a DOCX.",
        )


class CorruptDocument(DocumentError):
    """Truncated or broken. `kind` is what it claimed to be, e.g. "PDF"."""

    def __init__(self, filename: str, kind: str) -> None:
        name = display_name(filename)
        super().__init__(
            name,
            f"{name} is a damaged or incomplete {kind} (it may have been cut off while "
            "downloading or copying). Open it, save or export it again, and upload the new file.",
        )


TooMuchUnit = Literal["characters", "pages", "bytes", "ratio", "parts", "elements"]

_TOO_MUCH: dict[TooMuchUnit, str] = {
    "characters": "holds more text than a CV can (over {limit:,} characters)",
    "pages": "has more pages than a CV can (over {limit:,})",
    "bytes": "unpacks to more than a CV can (over {megabytes} once unpacked)",
    "ratio": "unpacks to more than a CV can (a part of it to over {limit:,} times its size)",
    "parts": "unpacks to more than a CV can (over {limit:,} parts)",
    "elements": "unpacks to more than a CV can (over {limit:,} elements)",
}
_ON_ITS_OWN = "Upload the CV on its own, without attachments or appendices."
_SAVE_AGAIN = "Save or export it again without large images or embedded files, and upload that."


class TooMuchContent(DocumentError):
    """Small enough to upload, but too much inside: more text or pages than any CV, or
    packed data that would unpack to more than we read (a ZIP or PDF "bomb"). `unit`
    says which limit was passed, `limit` its value (characters, pages, bytes, a ratio,
    or parts of a ZIP package)."""

    def __init__(self, filename: str, unit: TooMuchUnit, limit: int) -> None:
        name = display_name(filename)
        what = _TOO_MUCH[unit].format(limit=limit, megabytes=_megabytes(limit))
        advice = _ON_ITS_OWN if unit in ("characters", "pages") else _SAVE_AGAIN
        super().__init__(name, f"{name} {what}. {advice}")
        self.unit, self.limit = unit, limit


def _claimed_format(name: str) -> str | None:
    """What the file name promises — used only to word the message, never to decide."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return {
        "pdf": "a PDF",
        "docx": "a Word document",
        "doc": "a Word document",
        "txt": "a text file",
        "md": "a Markdown file",
    }.get(suffix)
