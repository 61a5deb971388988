"""A match's letter or CV as a file, for its owner only (the web app links to it,
the HTTP API serves it)."""

from __future__ import annotations

from typing import Final
from urllib.parse import quote

from sqlalchemy import Engine

from jobagent_core.config import get_settings
from jobagent_core.services.unit_of_work import unit_of_work
from jobagent_core.storage import FileStore
from jobagent_core.tracking.downloads import Download, download

DOWNLOAD_PATH: Final = "/api/matches/{match_id}/download/{kind}"


def download_path(match_id: str, kind: str) -> str:
    """The URL path of one of a match's files (what the pages link to, and the
    route the HTTP API serves them on)."""
    return DOWNLOAD_PATH.format(match_id=quote(match_id, safe=""), kind=quote(kind, safe=""))


def download_file(
    user_id: str,
    match_id: str,
    kind: str,
    *,
    store: FileStore | None = None,
    engine: Engine | None = None,
) -> Download:
    """The file `kind` of `user_id`'s match. Raises `MatchNotFound` (also for
    another person's match) or `FileUnavailable`."""
    store = store or FileStore(get_settings().STORAGE_DIR)
    with unit_of_work(engine) as db:
        return download(db, user_id, match_id, kind, store=store)


__all__ = ["DOWNLOAD_PATH", "Download", "download_file", "download_path"]
