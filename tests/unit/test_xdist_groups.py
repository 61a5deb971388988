"""The suite's split between processes keeps the files of one shared server together."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.xdist_groups import _cost_per_test, servers_used, shared_server_fixtures

pytestmark = pytest.mark.unit

TESTS = Path(__file__).resolve().parents[1]


def test_server_fixtures_are_found_in_the_conftests_with_what_is_built_on_them() -> None:
    fixtures = shared_server_fixtures(sorted(TESTS.rglob("conftest.py")))
    assert fixtures["dashboard_server"] == {"dashboard_server"}
    assert fixtures["security_server"] == {"security_server"}
    # A fixture that asks for a server needs it too.
    assert fixtures["security_admin"] == {"security_server"}
    # The starter itself and ordinary fixtures are not servers.
    assert "start_app_server" not in fixtures
    assert "pg_engine" not in fixtures


def test_a_test_file_is_tied_to_the_servers_its_tests_ask_for(tmp_path: Path) -> None:
    conftest = tmp_path / "conftest.py"
    conftest.write_text(
        "def one_server(start_app_server): ...\n"
        "def two_server(start_app_server): ...\n"
        "def one_admin(one_server, tmp_path): ...\n"
        "def plain(tmp_path): ...\n"
    )
    fixtures = shared_server_fixtures([conftest])
    test_file = tmp_path / "test_x.py"
    test_file.write_text("def test_a(one_admin, plain): ...\ndef test_b(two_server): ...\n")
    assert servers_used(test_file, fixtures) == {"one_server", "two_server"}
    lone = tmp_path / "test_y.py"
    lone.write_text("def test_c(plain, tmp_path): ...\n")
    assert servers_used(lone, fixtures) == frozenset()


def test_browser_tests_are_costed_above_unit_tests_wherever_the_file_lies() -> None:
    assert _cost_per_test("tests/e2e/test_x.py::test[chromium-a/b]") > _cost_per_test(
        "tests/unit/test_y.py::test"
    )
    assert _cost_per_test("test_top.py::test") == _cost_per_test("tests/test_top.py::test")
