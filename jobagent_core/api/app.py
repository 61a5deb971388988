"""The HTTP face of jobagent_core: routes mounted in front of the Reflex app."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp

from jobagent_core import __version__
from jobagent_core.api.auth_routes import AuthRoutes
from jobagent_core.api.guard import RequestGuard
from jobagent_core.api.match_routes import MatchRoutes
from jobagent_core.api.saved_search_routes import SavedSearchRoutes
from jobagent_core.api.workflow_routes import WorkflowRoutes
from jobagent_core.auth.current_user import Authenticator
from jobagent_core.config import Settings, get_settings


async def health(_request: Request) -> JSONResponse:
    # Async and free of I/O: it answers on the event loop even when every worker
    # thread waits on the database, which is what a health check should show.
    return JSONResponse({"status": "ok", "version": __version__})


def api_routes(settings: Settings, authenticator: Authenticator) -> list[Route]:
    return [
        Route("/health", health, methods=["GET"]),
        *AuthRoutes(settings, authenticator).routes(),
        *WorkflowRoutes(settings, authenticator).routes(),
        *MatchRoutes(settings, authenticator).routes(),
        *SavedSearchRoutes(settings, authenticator).routes(),
    ]


def api_app(
    settings: Settings, authenticator: Authenticator, inner: ASGIApp | None = None
) -> Starlette:
    """Our routes behind the request guard, then `inner` (the Reflex app) if given."""
    routes: list[BaseRoute] = [*api_routes(settings, authenticator)]
    if inner is not None:
        routes.append(Mount("/", app=inner))
    return Starlette(routes=routes, middleware=[RequestGuard.middleware(settings)])


def mount_api(inner: ASGIApp, settings: Settings | None = None) -> Starlette:
    """A new Starlette app with our routes first and `inner` (Reflex) for the rest.

    A factory on purpose: Reflex may build its ASGI app more than once per process
    and a shared Starlette instance cannot take middleware after it started.
    """
    settings = settings or get_settings()
    return api_app(settings, Authenticator.from_settings(settings), inner)
