"""The HTTP gate, request by request: origins, body sizes, NUL bytes, list limits and
the session cookie's sliding, on the app's real routes over PostgreSQL (ui role)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.auth.cookies import COOKIE_NAME, sign
from jobagent_core.auth.sessions import create_session
from jobagent_core.db.engine import session_scope
from jobagent_core.db.models import Document, JobSearch, Session, User
from tests.auth_support import BASE_URL, SECRET, App, auth_settings, make_app
from tests.security.hostile_files import docx_with_renamed_main_part

pytestmark = pytest.mark.integration

OWN = {"origin": BASE_URL}
SEARCH = {"title": "Data Engineer"}


@pytest.fixture
def app(pg_ui_engine: Engine, pg_engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> App:
    data = tmp_path_factory.mktemp("guard")
    return make_app(
        auth_settings(
            None,
            STORAGE_DIR=str(data / "storage"),
            QUEUE_DIR=str(data / "queue"),
            MAX_UPLOAD_MB=1,
            MAX_DOCUMENTS=2,
            ACCESS_ALLOW_LIST="nobody.example",
        ),
        pg_ui_engine,
    )


def cookie_for(engine: Engine, *, has_access: bool = True) -> dict[str, str]:
    with session_scope(engine) as db:
        user = User(
            name="Ada", email=f"ada-{has_access}@example.org", email_verified=True,
            has_access=has_access,
        )  # fmt: skip
        db.add(user)
        db.flush()
        token = create_session(db, user.id).token
    return {"cookie": f"{COOKIE_NAME}={sign(token, SECRET)}"}


@pytest.fixture
def ada(pg_engine: Engine) -> dict[str, str]:
    return cookie_for(pg_engine)


def searches(engine: Engine) -> int:
    with OrmSession(engine) as db:
        return int(db.scalar(select(func.count()).select_from(JobSearch)) or 0)


# -- origins -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://localhost:4000"},  # a sibling port: same site, other origin
        {"origin": "http://testserver.evil.example"},
        {"origin": "null"},  # sandboxed frames, file: pages
        {"referer": "http://localhost:4000/page"},
        {"sec-fetch-site": "same-site"},
        {},  # a cookie and nothing that says where the request came from
    ],
    ids=["sibling-port", "other-host", "null", "referer", "fetch-metadata", "none"],
)
def test_cookie_posts_from_other_origins_are_refused(
    app: App, ada: dict[str, str], pg_engine: Engine, headers: dict[str, str]
) -> None:
    response = app.client.post("/workflow/job-search", json=SEARCH, headers=ada | headers)
    assert response.status_code == 403
    assert "Cross-site request refused" in response.json()["detail"]
    assert searches(pg_engine) == 0


@pytest.mark.parametrize(
    "headers",
    [OWN, {"referer": f"{BASE_URL}/search"}, {"sec-fetch-site": "same-origin"}],
    ids=["origin", "referer", "fetch-metadata"],
)
def test_cookie_posts_from_the_apps_own_pages_go_through(
    app: App, ada: dict[str, str], pg_engine: Engine, headers: dict[str, str]
) -> None:
    response = app.client.post("/workflow/job-search", json=SEARCH, headers=ada | headers)
    assert response.status_code == 202, response.text
    assert searches(pg_engine) == 1


def test_api_tokens_are_exempt_from_the_origin_check(
    app: App, pg_engine: Engine, pg_ui_engine: Engine
) -> None:
    from jobagent_core.auth.api_tokens import create_token

    with session_scope(pg_engine) as db:
        user = User(name="Bot", email="bot@example.org", email_verified=True, has_access=True)
        db.add(user)
        db.flush()
        _, plaintext = create_token(db, user.id, "script")
    response = app.client.post(
        "/workflow/job-search",
        json=SEARCH,
        headers={"authorization": f"Bearer {plaintext}", "origin": "http://localhost:4000"},
    )
    assert response.status_code == 202, response.text


def test_background_reads_from_a_sibling_page_are_refused_but_links_work(
    app: App, ada: dict[str, str]
) -> None:
    path = "/workflow/status/no-such-run"
    fetched = app.client.get(path, headers=ada | {"sec-fetch-site": "same-site"})
    assert fetched.status_code == 403
    cors = app.client.get(path, headers=ada | {"origin": "http://localhost:4000"})
    assert cors.status_code == 403
    followed = app.client.get(
        path, headers=ada | {"sec-fetch-site": "same-site", "sec-fetch-mode": "navigate"}
    )
    assert followed.status_code == 404  # a link someone clicked reaches the route


def test_local_sign_in_needs_the_apps_own_origin(app: App, pg_engine: Engine) -> None:
    forged = app.client.post("/api/auth/sign-in/local", data={"callbackURL": "/"})
    assert forged.status_code == 403
    own = app.client.post("/api/auth/sign-in/local", data={"callbackURL": "/"}, headers=OWN)
    assert own.status_code == 303


# -- sizes and parsing ---------------------------------------------------------------


def test_a_declared_oversized_body_is_refused_before_it_is_read(
    app: App, ada: dict[str, str]
) -> None:
    limit = 1 * 2 * 1024 * 1024 + 1024 * 1024  # MAX_UPLOAD_MB × MAX_DOCUMENTS + overhead

    def body() -> Iterator[bytes]:
        yield b"x" * 1024
        raise AssertionError("the body was read although its length was over the limit")

    response = app.client.post(
        "/workflow/profiling",
        content=body(),
        headers=ada
        | OWN
        | {"content-type": "multipart/form-data; boundary=x", "content-length": str(limit + 1)},
    )
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]


def test_a_body_without_a_length_is_counted_to_the_limit(app: App, ada: dict[str, str]) -> None:
    # (The test client buffers what it sends; test_upload_server shows on a real
    # server that the sender is cut off, with the server's memory measured.)
    def body() -> Iterator[bytes]:
        for _ in range(8):  # chunked: no Content-Length to refuse it by
            yield b"x" * (1024 * 1024)

    response = app.client.post(
        "/workflow/profiling",
        content=body(),
        headers=ada | OWN | {"content-type": "multipart/form-data; boundary=x"},
    )
    assert response.status_code == 413


def test_json_bodies_are_small(app: App, ada: dict[str, str]) -> None:
    huge = {"title": "x", "location": "y" * (2 * 1024 * 1024)}
    response = app.client.post("/workflow/job-search", json=huge, headers=ada | OWN)
    assert response.status_code == 413


def test_access_is_checked_before_an_upload_is_parsed(app: App, pg_engine: Engine) -> None:
    pending = cookie_for(pg_engine, has_access=False)
    response = app.client.post(
        "/workflow/profiling",
        files={"files": ("cv.docx", docx_with_renamed_main_part(), "application/octet-stream")},
        headers=pending | OWN,
    )
    assert response.status_code == 403
    with OrmSession(pg_engine) as db:
        assert db.scalar(select(func.count()).select_from(Document)) == 0


# -- NUL bytes and limits --------------------------------------------------------------


def test_nul_bytes_get_a_422_with_words(app: App, ada: dict[str, str]) -> None:
    in_path = app.client.get("/workflow/status/abc%00def", headers=ada)
    assert in_path.status_code == 422
    assert "NUL" in in_path.json()["detail"]
    in_query = app.client.get("/api/auth/get-session?x=%00", headers=ada)
    assert in_query.status_code == 422
    in_body = app.client.post(
        "/workflow/job-search", json={"title": "Data\x00 Engineer"}, headers=ada | OWN
    )
    assert in_body.status_code == 422
    assert "NUL" in in_body.json()["detail"]
    in_form = app.client.post(
        "/workflow/profiling",
        files={"files": ("cv.txt", b"Ada Lovelace\nAnalyst", "text/plain")},
        data={"overwrite": "true\x00"},
        headers=ada | OWN,
    )
    assert in_form.status_code == 422


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/workflow/job-search/from-profile", {"titles": ["x" * 201]}),
        ("/workflow/job-search/from-profile", {"titles": ["Engineer"] * 11}),
        ("/workflow/job-search", SEARCH | {"filters": {"excluded_companies": ["Acme"] * 51}}),
        ("/workflow/job-search", SEARCH | {"filters": {"excluded_keywords": ["k" * 101]}}),
        ("/workflow/profiling", {"document_ids": ["x" * 65]}),
    ],
    ids=["long-title", "many-titles", "many-companies", "long-keyword", "long-id"],
)
def test_lists_and_strings_have_limits(
    app: App, ada: dict[str, str], path: str, body: dict[str, object]
) -> None:
    response = app.client.post(path, json=body, headers=ada | OWN)
    assert response.status_code == 422, response.text
    assert response.json()["detail"].startswith("Invalid request body")


# -- the session cookie slides with the session ------------------------------------------


@pytest.mark.parametrize(
    "path", ["/workflow/status/no-such-run", "/api/matches/no-such-match/download/cv_pdf"]
)
def test_an_api_call_that_slides_the_session_re_sets_its_cookie(
    app: App, ada: dict[str, str], pg_engine: Engine, path: str
) -> None:
    with OrmSession(pg_engine) as db:
        db.execute(update(Session).values(expires_at=datetime.now(UTC) + timedelta(days=5)))
        db.commit()
    response = app.client.get(path, headers=ada)
    assert response.status_code == 404
    assert "Max-Age=604800" in response.headers["set-cookie"]
    with OrmSession(pg_engine) as db:
        expires = db.scalars(select(Session.expires_at)).one()
    assert expires - datetime.now(UTC) > timedelta(days=6, hours=23)
