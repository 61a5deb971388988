"""Content-addressed file storage under one root folder (settings: STORAGE_DIR).

`FileStore.put(data, suffix=".pdf")` returns a key such as
`sha256/ab/ab12…ef.pdf`: the same bytes always get the same key, so storing twice is
free and a key never points at different content. Writes are atomic (temporary file in
the same folder, then rename), so a reader never sees half a file. Keys are what the
database keeps (`user.source_pdfs`, `artifacts`), never absolute paths.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import BinaryIO

_SUFFIX = re.compile(r"\.[a-z0-9]{1,10}")
_KEY_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class InvalidStorageKey(ValueError):
    """The key is malformed or would leave the storage root."""


class FileStore:
    """Bytes stored by SHA-256 under `root`; see the module docstring."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def key_for(self, data: bytes, suffix: str = "") -> str:
        """The key `data` is (or would be) stored under; `suffix` like ".pdf" or ""."""
        if suffix and not _SUFFIX.fullmatch(suffix):
            raise InvalidStorageKey(f"suffix must look like '.pdf', got {suffix!r}")
        digest = hashlib.sha256(data).hexdigest()
        return f"sha256/{digest[:2]}/{digest}{suffix}"

    def put(self, data: bytes, suffix: str = "") -> str:
        """Store `data` and return its key. Idempotent: existing content is left alone."""
        key = self.key_for(data, suffix)
        target = self.path(key)
        if target.is_file() and target.stat().st_size == len(data):
            return key
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=suffix)
        try:
            with os.fdopen(fd, "wb") as tmp:
                tmp.write(data)
                tmp.flush()
                os.fsync(tmp.fileno())
            os.replace(tmp_name, target)  # atomic on POSIX and Windows
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        _fsync_dir(target.parent)
        return key

    def path(self, key: str) -> Path:
        """Where `key` lives on disk. Raises `InvalidStorageKey` for keys that are
        absolute, contain `..` or odd characters, or resolve outside the root."""
        parts = key.split("/")
        if not key or not all(_KEY_PART.fullmatch(part) for part in parts):
            raise InvalidStorageKey(f"not a storage key: {key!r}")
        root = self.root.resolve()
        candidate = root.joinpath(*parts).resolve()
        if not candidate.is_relative_to(root) or candidate == root:
            raise InvalidStorageKey(f"storage key leaves the storage folder: {key!r}")
        return candidate

    def exists(self, key: str) -> bool:
        return self.path(key).is_file()

    def open(self, key: str) -> BinaryIO:
        """An open binary file for `key` (close it). FileNotFoundError if never stored."""
        return self.path(key).open("rb")

    def read(self, key: str) -> bytes:
        """The bytes stored under `key`. FileNotFoundError if never stored."""
        return self.path(key).read_bytes()


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless no-op where unsupported."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
