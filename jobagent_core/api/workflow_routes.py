"""/workflow/*: start workflows and read their status (for automation)."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from jobagent_core.api.deps import HttpError, require_user
from jobagent_core.auth.current_user import Authenticator
from jobagent_core.db.engine import session_scope
from jobagent_core.workflows.runs import get_run, run_status


@dataclass
class WorkflowRoutes:
    authenticator: Authenticator

    def routes(self) -> list[Route]:
        return [Route("/workflow/status/{run_id}", self.status, methods=["GET"])]

    def status(self, request: Request) -> Response:
        try:
            user = require_user(request, self.authenticator)
            with session_scope(self.authenticator.engine) as db:
                run = get_run(db, user.id, str(request.path_params["run_id"]))
                if run is None:
                    raise HttpError(404, "No such run.")
                return JSONResponse(run_status(run))
        except HttpError as err:
            return err.response()
