"""The use cases the web app and the HTTP API share.

Each function opens its own session (on the web app's database role unless an
engine is passed), checks that the caller may act, commits, sends any run it
created to the workers only after that commit, and returns plain data classes.
Callers never hold a transaction and never import `jobagent_core.db` or
SQLAlchemy: the import-linter contracts in pyproject.toml enforce it.
"""

from __future__ import annotations

from jobagent_core.db.enums import ApplicationStage, RunKind, RunStatus
from jobagent_core.workflows.dispatch import QueueUnavailable

__all__ = ["ApplicationStage", "QueueUnavailable", "RunKind", "RunStatus"]
