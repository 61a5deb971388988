"""/workflow/*: start workflows and read their status (for automation).

Every request is authenticated (API token or session cookie); a caller only ever
sees or starts its own runs, and bodies accept only the documented fields (422).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from jobagent_core.api.deps import HttpError, require_user, require_user_sync
from jobagent_core.auth.current_user import Authenticator, CurrentUser
from jobagent_core.auth.errors import AccessDenied
from jobagent_core.config import Settings
from jobagent_core.profiling.errors import FileTooLarge
from jobagent_core.services import QueueUnavailable
from jobagent_core.services.added_postings import AddPostingRequest, NoProfileYet, add_posting
from jobagent_core.services.profiles import (
    NoDocuments,
    RunInProgress,
    UnknownDocument,
    UploadLimits,
    UploadRejected,
    save_uploaded_documents,
    start_profiling_run,
)
from jobagent_core.services.runs import StartedRun, load_run
from jobagent_core.services.searches import (
    JobSearchRequest,
    NoSuggestedTitles,
    SearchFromProfileRequest,
    start_search_runs,
)
from jobagent_core.workflows.job_search_start import SourceSpecError

M = TypeVar("M", bound=BaseModel)

_FORM_FILE_FIELD = "files"
_FORM_FIELDS = {_FORM_FILE_FIELD, "overwrite"}


DocumentId = Annotated[str, StringConstraints(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class ProfilingRequest(BaseModel):
    """JSON body of POST /workflow/profiling: profile documents already uploaded."""

    model_config = ConfigDict(extra="forbid")

    document_ids: list[DocumentId] | None = Field(default=None, max_length=50)
    overwrite: bool = False


def accepted(started: list[StartedRun], *, many: bool = False) -> JSONResponse:
    """202 with the run (or, for `many`, every run) started; 503 when the queue
    refused them (they are kept, marked failed, and their status says why)."""
    if any(run.queue_refused for run in started):
        raise HttpError(503, str(QueueUnavailable()))
    if many:
        return JSONResponse({"runs": [run.accepted_body() for run in started]}, status_code=202)
    return JSONResponse(started[0].accepted_body(), status_code=202)


def upload_rejected(err: UploadRejected) -> JSONResponse:
    return JSONResponse(
        {
            "detail": str(err),
            "errors": [{"file": e.filename, "message": str(e)} for e in err.errors],
        },
        status_code=422,
    )


def parse_json(model: type[M], body: bytes) -> M:
    """`body` validated as `model`, or HttpError(422) that says what is wrong."""
    try:
        return model.model_validate_json(body)
    except ValidationError as err:
        raise validation_error(err) from err


def validation_error(err: ValidationError) -> HttpError:
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in err.errors()
    )
    return HttpError(422, f"Invalid request body — {problems}")


@dataclass
class WorkflowRoutes:
    settings: Settings
    authenticator: Authenticator

    def routes(self) -> list[Route]:
        return [
            Route("/workflow/profiling", self.profiling, methods=["POST"]),
            Route("/workflow/job-search", self.job_search, methods=["POST"]),
            Route(
                "/workflow/job-search/from-profile", self.job_search_from_profile, methods=["POST"]
            ),
            Route("/workflow/posting", self.posting, methods=["POST"]),
            Route("/workflow/status/{run_id}", self.status, methods=["GET"]),
        ]

    def _start(
        self, user: CurrentUser, *, document_ids: list[str] | None, overwrite: bool
    ) -> Response:
        try:
            started = start_profiling_run(
                user.id,
                document_ids=document_ids,
                overwrite=overwrite,
                allow_list=self.authenticator.allow_list,
                engine=self.authenticator.engine,
            )
        except AccessDenied as err:
            raise HttpError(403, str(err)) from err
        except (NoDocuments, UnknownDocument) as err:
            raise HttpError(422, str(err)) from err
        except RunInProgress as err:
            raise HttpError(409, str(err)) from err
        return accepted([started])

    async def profiling(self, request: Request) -> Response:
        try:
            user = await require_user(request, self.authenticator)
            # Refused before anything of the body is read or parsed.
            if not user.has_access:
                raise HttpError(403, str(AccessDenied()))
            content_type = request.headers.get("content-type", "")
            if content_type.startswith("multipart/form-data"):
                return await self._profiling_upload(request, user)
            if not content_type.startswith("application/json"):
                raise HttpError(
                    415, "Send multipart/form-data with 'files', or JSON with 'document_ids'."
                )
            body = parse_json(ProfilingRequest, await request.body())
            return await _in_thread(
                self._start, user, document_ids=body.document_ids, overwrite=body.overwrite
            )
        except HttpError as err:
            return err.response()

    async def _profiling_upload(self, request: Request, user: CurrentUser) -> Response:
        limits = UploadLimits(
            max_bytes=self.settings.MAX_UPLOAD_MB * 1024 * 1024,
            max_files=self.settings.MAX_DOCUMENTS,
        )
        # The request guard caps the whole body; Starlette spools file parts to disk
        # past 1 MB, so only files within the per-file limit are ever read into memory.
        async with request.form(max_files=limits.max_files + 1, max_fields=10) as form:
            unknown = set(form.keys()) - _FORM_FIELDS
            if unknown:
                raise HttpError(422, f"Unknown form fields: {', '.join(sorted(unknown))}")
            overwrite = str(form.get("overwrite") or "false").lower()
            if overwrite not in {"true", "false", "1", "0"}:
                raise HttpError(422, "overwrite: expected true or false")
            uploads = []
            for item in form.getlist(_FORM_FILE_FIELD):
                if not isinstance(item, UploadFile):
                    raise HttpError(422, "files: expected file parts")
                name = item.filename or "upload"
                if "\x00" in name:
                    raise HttpError(422, "files: a file name contains a NUL character")
                size = item.size or 0
                if size > limits.max_bytes:
                    too_large = FileTooLarge(name, size, limits.max_bytes)
                    return upload_rejected(UploadRejected([too_large]))
                uploads.append((name, await item.read()))
        if not uploads:
            raise HttpError(422, "files: attach at least one CV")
        return await _in_thread(
            self._upload_and_start, user, uploads, limits, overwrite in {"true", "1"}
        )

    def _upload_and_start(
        self,
        user: CurrentUser,
        uploads: list[tuple[str, bytes]],
        limits: UploadLimits,
        overwrite: bool,
    ) -> Response:
        try:
            documents = save_uploaded_documents(
                user.id, uploads, limits=limits, engine=self.authenticator.engine
            )
            ids = [d.id for d in documents]
        except UploadRejected as err:
            return upload_rejected(err)
        return self._start(user, document_ids=ids, overwrite=overwrite)

    async def job_search(self, request: Request) -> Response:
        return await self._json_start(request, JobSearchRequest)

    async def job_search_from_profile(self, request: Request) -> Response:
        return await self._json_start(request, SearchFromProfileRequest)

    async def _json_start(
        self, request: Request, model: type[JobSearchRequest] | type[SearchFromProfileRequest]
    ) -> Response:
        try:
            user = await require_user(request, self.authenticator)
            if not request.headers.get("content-type", "").startswith("application/json"):
                raise HttpError(415, "Send a JSON body (Content-Type: application/json).")
            body = parse_json(model, await request.body())
            return await _in_thread(self._start_searches, user, body)
        except HttpError as err:
            return err.response()

    def _start_searches(
        self, user: CurrentUser, body: JobSearchRequest | SearchFromProfileRequest
    ) -> Response:
        try:
            started = start_search_runs(user.id, body, engine=self.authenticator.engine)
        except AccessDenied as err:
            raise HttpError(403, str(err)) from err
        except (SourceSpecError, NoSuggestedTitles) as err:
            raise HttpError(422, str(err)) from err
        return accepted(started, many=isinstance(body, SearchFromProfileRequest))

    async def posting(self, request: Request) -> Response:
        """Add one posting, by link or as text: the run that reads, scores and
        writes for it (the link is fetched by a worker, never here)."""
        try:
            user = await require_user(request, self.authenticator)
            if not request.headers.get("content-type", "").startswith("application/json"):
                raise HttpError(415, "Send a JSON body (Content-Type: application/json).")
            body = parse_json(AddPostingRequest, await request.body())
            return await _in_thread(self._add_posting, user, body)
        except HttpError as err:
            return err.response()

    def _add_posting(self, user: CurrentUser, body: AddPostingRequest) -> Response:
        try:
            started = add_posting(user.id, body, engine=self.authenticator.engine)
        except AccessDenied as err:
            raise HttpError(403, str(err)) from err
        except NoProfileYet as err:
            raise HttpError(422, str(err)) from err
        return accepted([started])

    def status(self, request: Request) -> Response:
        # Sync: Starlette runs it on a worker thread, off the event loop.
        try:
            user = require_user_sync(request, self.authenticator)
            run_id = str(request.path_params["run_id"])
            status = load_run(user.id, run_id, engine=self.authenticator.engine)
            if status is None:
                raise HttpError(404, "No such run.")
            return JSONResponse(status)
        except HttpError as err:
            return err.response()


async def _in_thread(fn: Any, *args: Any, **kwargs: Any) -> Response:
    from starlette.concurrency import run_in_threadpool

    try:
        result: Response = await run_in_threadpool(fn, *args, **kwargs)
    except HttpError as err:
        return err.response()
    return result
