"""The HTTP API in-process for integration tests, and a bearer token to call it with."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session as OrmSession
from starlette.applications import Starlette
from starlette.testclient import TestClient

from jobagent_core.api.app import api_routes
from jobagent_core.auth import api_tokens
from jobagent_core.auth.current_user import Authenticator
from jobagent_core.config import get_settings
from jobagent_core.db.engine import ui_engine


def api_client() -> TestClient:
    """The API's routes with this process's settings (configure them first)."""
    settings = get_settings()
    authenticator = Authenticator.from_settings(settings, engine=ui_engine())
    return TestClient(Starlette(routes=api_routes(settings, authenticator)))


def token_for(engine: Engine, user_id: str) -> dict[str, str]:
    """Headers carrying a new API token of `user_id`."""
    with OrmSession(engine) as db:
        _, token = api_tokens.create_token(db, user_id, "tests")
        db.commit()
    return {"authorization": f"Bearer {token}"}
