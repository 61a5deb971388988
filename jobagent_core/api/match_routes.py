"""GET /api/matches/{match_id}/download/{kind}: a match's letter or CV as a file.

Authenticated by the session cookie (or an API token). Only the owner gets the
file; for everyone else the match does not exist (404), so a download URL tells
nothing about whose it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from jobagent_core.api.deps import HttpError, require_user
from jobagent_core.auth.current_user import Authenticator
from jobagent_core.config import Settings
from jobagent_core.services.downloads import DOWNLOAD_PATH, Download, download_file
from jobagent_core.storage import FileStore
from jobagent_core.tracking.errors import FileUnavailable, MatchNotFound


def content_disposition(filename: str) -> str:
    """`attachment` with the name in both forms browsers read (ASCII and RFC 5987)."""
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "'")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


@dataclass
class MatchRoutes:
    settings: Settings
    authenticator: Authenticator

    def routes(self) -> list[Route]:
        return [Route(DOWNLOAD_PATH, self.download, methods=["GET"])]

    def _file(self, user_id: str, match_id: str, kind: str) -> Download:
        store = FileStore(self.settings.STORAGE_DIR)
        try:
            return download_file(
                user_id, match_id, kind, store=store, engine=self.authenticator.engine
            )
        except MatchNotFound as err:
            raise HttpError(404, "No such match.") from err
        except FileUnavailable as err:
            raise HttpError(404, str(err)) from err

    async def download(self, request: Request) -> Response:
        try:
            user = await require_user(request, self.authenticator)
            match_id = str(request.path_params["match_id"])
            kind = str(request.path_params["kind"])
            file = await run_in_threadpool(self._file, user.id, match_id, kind)
        except HttpError as err:
            return err.response()
        return Response(
            file.data,
            media_type=file.media_type,
            headers={
                "Content-Disposition": content_disposition(file.filename),
                "Cache-Control": "private, no-store",
                "X-Content-Type-Options": "nosniff",
            },
        )
