"""How `scripts/test.sh` splits the suite between pytest-xdist processes.

Files are the unit of work, as with `--dist loadfile`, with two changes:

- Test files that use the same session-scoped app server (a fixture in a conftest
  that calls `start_app_server`, or one built on such a fixture) run in one process,
  so each of those servers starts once per run instead of once per process that
  happens to get one of its files. The fixtures are found by reading the conftests,
  so a new shared server is grouped without a list to keep up to date.
- The heaviest units go first (estimated from the tests' kinds and the servers they
  start), so no process is left with a long browser file while the others are idle.

(xdist's own `--dist loadgroup` would do the first part by markers, but with pytest 9
it silently ignores the groups.)
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from xdist.scheduler import LoadScopeScheduling

SERVER_STARTER = "start_app_server"
# Rough seconds per test, by the folder a test lives in, and per server started.
_COST_PER_TEST = {"e2e": 3.0, "deploy": 60.0, "contract": 2.0, "security": 1.0}
_DEFAULT_COST_PER_TEST = 0.3
_COST_PER_SERVER = 10.0


def _fixture_params(tree: ast.AST) -> dict[str, set[str]]:
    """Each function defined in `tree` and the names of its parameters."""
    return {
        node.name: {arg.arg for arg in node.args.args}
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
    }


def shared_server_fixtures(conftests: Iterable[Path]) -> dict[str, frozenset[str]]:
    """Fixture name -> the servers it needs: the fixtures that call `start_app_server`
    are servers themselves; a fixture asking for one of those needs that server."""
    params: dict[str, set[str]] = {}
    for path in conftests:
        params.update(_fixture_params(ast.parse(path.read_text())))
    servers = {name: frozenset({name}) for name, args in params.items() if SERVER_STARTER in args}
    changed = True
    while changed:  # fixtures built on server fixtures, to any depth
        changed = False
        for name, args in params.items():
            needed = frozenset().union(*(servers[a] for a in args if a in servers))
            known = servers.get(name, frozenset())
            if not needed <= known:
                servers[name] = known | needed
                changed = True
    return servers


def servers_used(test_file: Path, fixtures: dict[str, frozenset[str]]) -> frozenset[str]:
    """The shared servers a test file's functions ask for."""
    functions = _fixture_params(ast.parse(test_file.read_text()))
    names = {arg for args in functions.values() for arg in args}
    return frozenset().union(*(fixtures[name] for name in names if name in fixtures))


class _Groups:
    """Union-find over test files: files that share a server end up in one group."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self._parent.setdefault(item, item)
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def join(self, a: str, b: str) -> None:
        self._parent[self.find(a)] = self.find(b)


class ServerGroupScheduling(LoadScopeScheduling):
    """`--dist loadfile`, with files sharing a session server kept together and the
    heaviest groups sent first."""

    def __init__(self, config: Any, log: Any = None) -> None:
        super().__init__(config, log)
        self._root = Path(config.rootpath)
        self._groups = _Groups()

    @cache  # noqa: B019 (one scheduler per run)
    def _fixtures(self) -> dict[str, frozenset[str]]:
        return shared_server_fixtures(sorted((self._root / "tests").rglob("conftest.py")))

    @cache  # noqa: B019
    def _servers(self, file: str) -> frozenset[str]:
        path = self._root / file
        return servers_used(path, self._fixtures()) if path.suffix == ".py" else frozenset()

    def _split_scope(self, nodeid: str) -> str:
        file = nodeid.split("::", 1)[0]
        for server in self._servers(file):
            self._groups.join(file, f"server:{server}")
        return self._groups.find(file)

    def schedule(self) -> None:
        """LoadScopeScheduling.schedule, with the units grouped and ordered as above."""
        if self.collection is not None or not self._check_nodes_have_same_collection():
            super().schedule()  # more nodes later, or xdist reports the mismatch
            return
        self.collection = list(next(iter(self.registered_collections.values())))
        for nodeid in self.collection:  # join every group before reading any
            self._split_scope(nodeid)
        units: dict[str, dict[str, bool]] = {}
        for nodeid in self.collection:
            units.setdefault(self._split_scope(nodeid), {})[nodeid] = False
        self.workqueue.update(sorted(units.items(), key=self._cost, reverse=True))
        for node in self.nodes[len(self.workqueue) :]:  # more processes than units
            del self.assigned_work[node]
            node.shutdown()
        for node in self.nodes:
            self._assign_work_unit(node)
        for node in self.nodes:
            self._reschedule(node)

    def _cost(self, unit: tuple[str, dict[str, bool]]) -> float:
        """A unit's rough cost in seconds: its tests, by kind, and its servers."""
        files = {nodeid.split("::", 1)[0] for nodeid in unit[1]}
        servers = frozenset().union(*(self._servers(file) for file in files))
        tests = sum(_cost_per_test(nodeid) for nodeid in unit[1])
        return tests + _COST_PER_SERVER * len(servers)


def _cost_per_test(nodeid: str) -> float:
    """By the folder under tests/ the test's file is in ("tests/e2e/test_x.py::…")."""
    folders = nodeid.split("::", 1)[0].split("/")[1:-1]
    return (
        _COST_PER_TEST.get(folders[0], _DEFAULT_COST_PER_TEST)
        if folders
        else _DEFAULT_COST_PER_TEST
    )
