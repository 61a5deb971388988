"""CVs chosen in the browser but not yet stored: each one is read and checked the
moment it arrives, so a file that cannot be used is explained next to its name
before anything is saved or queued.

The bytes of the accepted files wait in a backend-only var of this small state
(never sent to the browser, and kept apart from the run state that changes every
second) until "Build my profile" stores them.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import uuid
from collections.abc import AsyncIterator, Sequence

import reflex as rx
from reflex.event import EventSpec

from jobagent_core.profiling.documents import ExtractedDocument
from jobagent_core.profiling.errors import DocumentError, TooManyFiles, display_name
from jobagent_core.services import profiles
from jobagent_ui.state import profiling_data as data
from jobagent_ui.state.auth import SIGN_IN_AGAIN, current_member

log = logging.getLogger(__name__)

UPLOAD_ID = "cv-files"


@dataclasses.dataclass
class PendingFile:
    id: str
    name: str
    details: str = ""  # "PDF · 84 KB"
    error: str = ""  # why the file cannot be used; "" when it can
    note: str = ""  # e.g. that the same CV is already stored
    # How the CV names someone other than the profile's person ("name on the CV:
    # …"); such a file waits for "Add anyway" before it is used. "" when it is theirs.
    other_person: str = ""


class UploadState(rx.State):
    files: list[PendingFile] = []
    checking: bool = False
    _blobs: dict[str, bytes] = {}  # PendingFile.id → bytes, for files without an error
    _owner: str = ""  # the user who chose these files

    @rx.var
    def ready_count(self) -> int:
        return sum(1 for f in self.files if _usable(f))

    @rx.var
    def awaiting_answer(self) -> bool:
        """A CV that seems to be someone else's waits for "Add anyway" or "Leave it out"."""
        return any(f.other_person and not f.error for f in self.files)

    @rx.var
    def limits_text(self) -> str:
        return data.Limits.from_settings().text

    @rx.event
    async def add_files(self, files: list[rx.UploadFile]) -> AsyncIterator[EventSpec | None]:
        """Check each dropped or chosen file now; list it with its type and size, or
        with the reason it cannot be used."""
        user = await current_member(self)
        if user is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        self.claim(user.id)
        self.checking = True
        yield None
        try:
            limits = data.Limits.from_settings()
            received: list[tuple[str, bytes | int]] = []
            for upload in files:
                name = upload.name or "upload"
                too_large = upload.size is not None and upload.size > limits.max_bytes
                received.append((name, upload.size if too_large else await upload.read()))
            stored, results = await asyncio.gather(
                asyncio.to_thread(profiles.stored_hashes, user.id),
                asyncio.to_thread(data.check_files, received, limits),
            )
            owners = await asyncio.to_thread(profiles.other_person_cvs, user.id, _texts(results))
            for (name, raw), result, owner in zip(received, results, owners, strict=True):
                self._add(name, raw, result, stored, limits)
                self._question(result, owner, stored)
        except Exception:
            log.exception("checking uploaded files failed")
            yield rx.toast.error("Those files could not be checked just now. Please try again.")
        finally:
            self.checking = False

    def _add(
        self,
        name: str,
        raw: bytes | int,
        result: ExtractedDocument | DocumentError,
        stored: set[str],
        limits: data.Limits,
    ) -> None:
        if isinstance(result, DocumentError):
            self.files.append(PendingFile(id=uuid.uuid4().hex, name=name, error=str(result)))
            return
        assert isinstance(raw, bytes)
        if result.sha256 in self._blobs:
            return  # the same file twice: listed once
        details = f"{data.kind_label(result.media_type)} · {data.human_size(result.size)}"
        file = PendingFile(id=result.sha256, name=result.filename, details=details)
        if result.sha256 in stored:
            file.note = "Already uploaded: it will be used again."
        elif len(stored) + self._new_count(stored) >= limits.max_files:
            file.error = str(TooManyFiles(result.filename, limits.max_files))
            file.id = uuid.uuid4().hex
        if not file.error:
            self._blobs[file.id] = raw
        self.files.append(file)

    def _question(
        self, result: ExtractedDocument | DocumentError, owner: str | None, stored: set[str]
    ) -> None:
        """Ask about a new CV that names someone else (one already stored was
        accepted before and is not asked about again)."""
        if owner and isinstance(result, ExtractedDocument) and result.sha256 not in stored:
            for file in self.files:
                if file.id == result.sha256 and not file.error:
                    file.other_person = owner

    @rx.event
    def add_anyway(self, file_id: str) -> None:
        """The person says a CV that names someone else is theirs to use."""
        for file in self.files:
            if file.id == file_id:
                file.other_person = ""
        self.files = list(self.files)

    def _new_count(self, stored: set[str]) -> int:
        return sum(1 for key in self._blobs if key not in stored)

    @rx.event
    def remove_file(self, file_id: str) -> None:
        """Take a file off the list (only this tab's list: nothing is stored yet)."""
        self.files = [f for f in self.files if f.id != file_id]
        self._blobs.pop(file_id, None)

    def claim(self, user_id: str) -> None:
        """Forget files another user chose in this browser tab before signing out."""
        if self._owner != user_id:
            self.clear()
            self._owner = user_id

    def ready_uploads(self, user_id: str) -> list[tuple[str, bytes]]:
        """(name, bytes) of the files that passed the checks, if `user_id` chose them."""
        if self._owner != user_id:
            return []
        usable = [f for f in self.files if _usable(f) and f.id in self._blobs]
        return [(f.name, self._blobs[f.id]) for f in usable]

    def reject(self, errors: Sequence[DocumentError]) -> None:
        """Show what `save_documents` refused next to the files it names."""
        by_name = {err.filename: str(err) for err in errors}
        for file in self.files:
            message = by_name.get(display_name(file.name))
            if message and not file.error:
                file.error, file.note = message, ""
                self._blobs.pop(file.id, None)
        self.files = list(self.files)

    def clear(self) -> None:
        self.files = []
        self._blobs = {}


def _usable(file: PendingFile) -> bool:
    """Checked, and not waiting for an answer about whose CV it is."""
    return not file.error and not file.other_person


def _texts(results: Sequence[ExtractedDocument | DocumentError]) -> list[str]:
    """The text of each file read ("" for one that could not be)."""
    return [r.text if isinstance(r, ExtractedDocument) else "" for r in results]
