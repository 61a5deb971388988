"""/api/saved-searches on PostgreSQL through the web app's role: the operations,
only documented fields, and every one scoped to its owner (404 for others)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from tests.api_support import api_client, token_for
from tests.conftest import PostgresDatabase
from tests.saved_search_support import person, runs_of, saved_row
from tests.worker_support import configure

pytestmark = pytest.mark.integration

BODY: dict[str, Any] = {
    "title": "Data Engineer",
    "location": "Berlin",
    "sources": ["sample"],
    "schedule": "weekdays",
    "time_of_day": "07:30",
    "time_zone": "Europe/Berlin",
}


@pytest.fixture
def client(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> TestClient:
    configure(monkeypatch, pg_database, tmp_path)
    return api_client()


def test_save_list_edit_pause_resume_run_delete(client: TestClient, pg_engine: Engine) -> None:
    ada = token_for(pg_engine, person(pg_engine, "ada@example.org"))
    created = client.post("/api/saved-searches", json=BODY, headers=ada)
    assert created.status_code == 201, created.text
    saved = created.json()
    assert saved["schedule_text"] == "Weekdays (Monday to Friday) at 07:30 (Europe/Berlin)"
    assert saved["paused"] is False
    assert saved["next_run_at"]
    assert saved["last_result"] == "Not run yet"

    listed = client.get("/api/saved-searches", headers=ada).json()["saved_searches"]
    assert [s["id"] for s in listed] == [saved["id"]]
    url = f"/api/saved-searches/{saved['id']}"
    assert client.get(url, headers=ada).json()["title"] == "Data Engineer"

    edited = client.put(
        url, json={**BODY, "schedule": "weekly", "weekday": 2, "title": "BI"}, headers=ada
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["schedule_text"] == "Every Wednesday at 07:30 (Europe/Berlin)"

    paused = client.post(f"{url}/pause", headers=ada)
    assert (paused.status_code, paused.json()["paused"]) == (200, True)
    assert paused.json()["next_run_at"] is None
    resumed = client.post(f"{url}/resume", headers=ada)
    assert resumed.json()["next_run_at"] is not None

    ran = client.post(f"{url}/run", headers=ada)
    assert ran.status_code == 202, ran.text
    [run] = runs_of(pg_engine, saved["id"])
    assert ran.json()["run_id"] == run.id
    assert ran.json()["status_url"] == f"/workflow/status/{run.id}"

    assert client.delete(url, headers=ada).status_code == 204
    assert client.get(url, headers=ada).status_code == 404
    assert client.get("/api/saved-searches", headers=ada).json() == {"saved_searches": []}


def test_another_persons_saved_search_is_404_for_every_operation(
    client: TestClient, pg_engine: Engine
) -> None:
    ada = token_for(pg_engine, person(pg_engine, "ada@example.org"))
    bob = token_for(pg_engine, person(pg_engine, "bob@example.org"))
    saved_id = client.post("/api/saved-searches", json=BODY, headers=ada).json()["id"]
    url = f"/api/saved-searches/{saved_id}"
    assert client.get("/api/saved-searches", headers=bob).json() == {"saved_searches": []}
    for response in (
        client.get(url, headers=bob),
        client.put(url, json=BODY, headers=bob),
        client.delete(url, headers=bob),
        client.post(f"{url}/pause", headers=bob),
        client.post(f"{url}/resume", headers=bob),
        client.post(f"{url}/run", headers=bob),
    ):
        assert response.status_code == 404
        assert response.json() == {"detail": "No such saved search."}
    row = saved_row(pg_engine, saved_id)
    assert (row.paused, row.deleted_at, row.last_run_id, row.title) == (
        False,
        None,
        None,
        "Data Engineer",
    )
    assert runs_of(pg_engine, saved_id) == []


def test_bodies_take_only_documented_fields_and_are_checked(
    client: TestClient, pg_engine: Engine
) -> None:
    ada = token_for(pg_engine, person(pg_engine, "ada@example.org"))
    for body, words in (
        ({**BODY, "cron": "* * * * *"}, "cron: Extra inputs are not permitted"),
        ({**BODY, "time_zone": "Moon/Base"}, "not a time zone"),
        ({**BODY, "schedule": "weekly"}, "needs a weekday"),
        ({**BODY, "time_of_day": "7"}, "HH:MM"),
        ({**BODY, "sources": ["nowhere"]}, "nowhere"),
    ):
        response = client.post("/api/saved-searches", json=body, headers=ada)
        assert response.status_code == 422, response.text
        assert words in response.json()["detail"]
    assert client.post("/api/saved-searches", content="{}", headers=ada).status_code == 415
    assert client.get("/api/saved-searches").status_code == 401
    assert client.post("/api/saved-searches/x/explode", headers=ada).status_code == 404
