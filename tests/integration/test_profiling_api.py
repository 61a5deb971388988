"""POST /workflow/profiling and GET /workflow/status/{id}: 202 flow through a real
worker, owner-only status, documented fields only, per-file upload errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session as OrmSession
from starlette.testclient import TestClient

from jobagent_core.auth import api_tokens
from jobagent_core.db.models import Document, Run, User
from tests import cv_fixtures
from tests.api_support import api_client
from tests.conftest import PostgresDatabase
from tests.worker_support import configure, running_worker, wait_for

pytestmark = pytest.mark.integration


def user_with_token(engine: Engine, email: str) -> tuple[str, dict[str, str]]:
    with OrmSession(engine) as db:
        user = User(name=email, email=email, email_verified=True)
        db.add(user)
        db.flush()
        _, token = api_tokens.create_token(db, user.id, "tests")
        db.commit()
        return user.id, {"authorization": f"Bearer {token}"}


@pytest.fixture
def client(
    monkeypatch: pytest.MonkeyPatch, pg_database: PostgresDatabase, tmp_path: Path
) -> TestClient:
    configure(monkeypatch, pg_database, tmp_path)
    return api_client()


def runs(engine: Engine) -> int:
    with OrmSession(engine) as db:
        return int(db.scalar(select(func.count()).select_from(Run)) or 0)


def test_upload_202_then_status_until_completed(
    client: TestClient, pg_engine: Engine, tmp_path: Path
) -> None:
    _, ada = user_with_token(pg_engine, "ada@example.org")
    _, bob = user_with_token(pg_engine, "bob@example.org")
    cv = cv_fixtures.render_pdf(cv_fixtures.FINANCIAL_ANALYST)
    with running_worker(tmp_path / "worker.log"):
        response = client.post(
            "/workflow/profiling", headers=ada, files=[("files", ("cv.pdf", cv, "application/pdf"))]
        )
        assert response.status_code == 202, response.text
        body = response.json()
        assert set(body) == {"run_id", "task_id", "status_url"}
        assert body["status_url"] == f"/workflow/status/{body['run_id']}"

        def status() -> dict[str, object]:
            reply = client.get(body["status_url"], headers=ada)
            assert reply.status_code == 200
            return dict(reply.json())

        wait_for(lambda: status()["status"] == "completed", what="the run to complete")
    final = status()
    assert final["current_step"] == "Saving profile"
    assert final["progress"] == {"done": 3, "total": 3}
    assert client.get(body["status_url"], headers=bob).status_code == 404
    assert client.get(body["status_url"]).status_code == 401

    # Profiling again from the stored documents, by id (JSON body).
    with OrmSession(pg_engine) as db:
        document_id = db.scalars(select(Document.id)).one()
    again = client.post(
        "/workflow/profiling", headers=ada, json={"document_ids": [document_id], "overwrite": True}
    )
    assert again.status_code == 202
    # Bob cannot profile Ada's document.
    stolen = client.post("/workflow/profiling", headers=bob, json={"document_ids": [document_id]})
    assert stolen.status_code == 422
    assert "does not exist" in stolen.json()["detail"]


@pytest.mark.parametrize(
    ("kwargs", "status", "fragment"),
    [
        ({"json": {"document_ids": [], "user_id": "x"}}, 422, "user_id"),
        ({"json": {"document_ids": "abc"}}, 422, "document_ids"),
        ({"json": {"overwrite": "maybe"}}, 422, "overwrite"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "body"),
        ({"content": b"hello", "headers": {"content-type": "text/plain"}}, 415, "multipart"),
        (
            {"data": {"user_id": "x"}, "files": [("files", ("a.txt", b"x", "text/plain"))]},
            422,
            "user_id",
        ),
        (
            {"data": {"overwrite": "perhaps"}, "files": [("files", ("a.txt", b"x", "text/plain"))]},
            422,
            "overwrite",
        ),
        ({"json": {}}, 422, "Upload at least one CV"),
    ],
)
def test_bad_bodies_are_refused_in_words(
    client: TestClient,
    pg_engine: Engine,
    kwargs: dict[str, object],
    status: int,
    fragment: str,
) -> None:
    _, ada = user_with_token(pg_engine, "ada@example.org")
    headers = {**ada, **dict(kwargs.pop("headers", {}))}  # type: ignore[call-overload]
    response = client.post("/workflow/profiling", headers=headers, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status, response.text
    assert fragment in response.json()["detail"]
    assert runs(pg_engine) == 0


def test_bad_files_are_refused_per_file_and_nothing_is_queued(
    client: TestClient, pg_engine: Engine
) -> None:
    _, ada = user_with_token(pg_engine, "ada@example.org")
    good = cv_fixtures.render_txt(cv_fixtures.ELECTRICIAN).encode()
    response = client.post(
        "/workflow/profiling",
        headers=ada,
        files=[
            ("files", ("cv.pdf", cv_fixtures.png_bytes(), "application/pdf")),
            ("files", ("good.txt", good, "text/plain")),
            ("files", ("empty.docx", b"", "application/octet-stream")),
        ],
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [e["file"] for e in errors] == ["cv.pdf", "empty.docx"]
    assert "PNG" in errors[0]["message"]
    assert "empty" in errors[1]["message"]
    assert runs(pg_engine) == 0
    with OrmSession(pg_engine) as db:
        assert db.scalar(select(func.count()).select_from(Document)) == 0


def test_user_without_access_cannot_start_profiling_through_the_api(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> None:
    configure(monkeypatch, pg_database, tmp_path, ACCESS_ALLOW_LIST="example.com")
    client = api_client()
    _, eve = user_with_token(pg_engine, "eve@elsewhere.example")
    cv = cv_fixtures.render_txt(cv_fixtures.ELECTRICIAN).encode()
    upload = client.post(
        "/workflow/profiling", headers=eve, files=[("files", ("cv.txt", cv, "text/plain"))]
    )
    assert upload.status_code == 403
    assert "waiting for access" in upload.json()["detail"]
    by_id = client.post("/workflow/profiling", headers=eve, json={})
    assert by_id.status_code == 403
    assert runs(pg_engine) == 0
