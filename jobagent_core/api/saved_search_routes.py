"""/api/saved-searches: saved searches that run on a schedule (for automation).

    GET    /api/saved-searches              the caller's saved searches
    POST   /api/saved-searches              save one (201)
    GET    /api/saved-searches/{id}         one
    PUT    /api/saved-searches/{id}         replace what and when
    DELETE /api/saved-searches/{id}         delete (204)
    POST   /api/saved-searches/{id}/pause   stop it running
    POST   /api/saved-searches/{id}/resume  run it again from its next slot
    POST   /api/saved-searches/{id}/run     start it now (202, like a job search)

Bodies are a job search's fields plus `schedule` ("daily", "weekdays", "weekly"),
`time_of_day` ("HH:MM"), `weekday` (0 = Monday; weekly only) and `time_zone`
(IANA, default "UTC"); nothing else (422). Another person's saved search is
not found (404), as an unknown one is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from jobagent_core.api.deps import HttpError, require_user
from jobagent_core.api.workflow_routes import accepted, parse_json
from jobagent_core.auth.current_user import Authenticator, CurrentUser
from jobagent_core.auth.errors import AccessDenied
from jobagent_core.config import Settings
from jobagent_core.services import saved_searches as service
from jobagent_core.workflows.job_search_start import SourceSpecError

BASE = "/api/saved-searches"
Handler = Callable[[Request, CurrentUser, bytes], Response]


@dataclass
class SavedSearchRoutes:
    settings: Settings
    authenticator: Authenticator

    def routes(self) -> list[Route]:
        return [
            Route(BASE, self.collection, methods=["GET", "POST"]),
            Route(BASE + "/{saved_id}", self.item, methods=["GET", "PUT", "DELETE"]),
            Route(BASE + "/{saved_id}/{action:str}", self.action, methods=["POST"]),
        ]

    async def collection(self, request: Request) -> Response:
        return await self._answer(request, self._collection)

    async def item(self, request: Request) -> Response:
        return await self._answer(request, self._item)

    async def action(self, request: Request) -> Response:
        return await self._answer(request, self._action)

    async def _answer(self, request: Request, handler: Handler) -> Response:
        """The caller, then `handler` on a worker thread (the event loop never waits
        on the database), with the services' errors as HTTP statuses."""
        try:
            user = await require_user(request, self.authenticator)
            body = await request.body() if request.method in ("POST", "PUT") else b""
            return await run_in_threadpool(self._call, handler, request, user, body)
        except HttpError as err:
            return err.response()

    @staticmethod
    def _call(handler: Handler, request: Request, user: CurrentUser, body: bytes) -> Response:
        try:
            return handler(request, user, body)
        except HttpError as err:
            return err.response()
        except service.SavedSearchNotFound as err:
            return HttpError(404, str(err)).response()
        except AccessDenied as err:
            return HttpError(403, str(err)).response()
        except (SourceSpecError, service.TooManySavedSearches) as err:
            return HttpError(422, str(err)).response()

    @staticmethod
    def _parsed(request: Request, user: CurrentUser, body: bytes) -> service.SavedSearchRequest:
        if not user.has_access:
            raise AccessDenied()
        if not request.headers.get("content-type", "").startswith("application/json"):
            raise HttpError(415, "Send a JSON body (Content-Type: application/json).")
        return parse_json(service.SavedSearchRequest, body)

    def _collection(self, request: Request, user: CurrentUser, body: bytes) -> Response:
        engine = self.authenticator.engine
        if request.method == "GET":
            views = service.list_saved(user.id, engine=engine)
            return JSONResponse({"saved_searches": [v.as_json() for v in views]})
        view = service.save_search(user.id, self._parsed(request, user, body), engine=engine)
        return JSONResponse(view.as_json(), status_code=201)

    def _item(self, request: Request, user: CurrentUser, body: bytes) -> Response:
        engine = self.authenticator.engine
        saved_id = str(request.path_params["saved_id"])
        if request.method == "GET":
            return JSONResponse(service.get_saved(user.id, saved_id, engine=engine).as_json())
        if request.method == "DELETE":
            service.delete_saved(user.id, saved_id, engine=engine)
            return Response(status_code=204)
        parsed = self._parsed(request, user, body)
        return JSONResponse(service.edit_saved(user.id, saved_id, parsed, engine=engine).as_json())

    def _action(self, request: Request, user: CurrentUser, _body: bytes) -> Response:
        engine = self.authenticator.engine
        saved_id = str(request.path_params["saved_id"])
        match request.path_params["action"]:
            case "pause":
                view = service.pause_saved(user.id, saved_id, engine=engine)
            case "resume":
                view = service.resume_saved(user.id, saved_id, engine=engine)
            case "run":
                if not user.has_access:
                    raise AccessDenied()
                return accepted([service.run_saved_now(user.id, saved_id, engine=engine)])
            case _:
                raise HttpError(404, "Not found.")
        return JSONResponse(view.as_json())
