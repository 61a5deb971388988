"""Every table, importable from one place (Alembic reads `Base.metadata` from here)."""

from jobagent_core.db.base import Base
from jobagent_core.db.models.api_tokens import ApiToken
from jobagent_core.db.models.auth import Account, Session, User, Verification
from jobagent_core.db.models.delivery import DigestDelivery, DigestStatus
from jobagent_core.db.models.documents import Document
from jobagent_core.db.models.jobs import Artifact, CompanyResearch, JobPosting, MatchedJob
from jobagent_core.db.models.runs import JobSearch, Run
from jobagent_core.db.models.saved_searches import SavedSearch

__all__ = [
    "Account",
    "ApiToken",
    "Artifact",
    "Base",
    "CompanyResearch",
    "DigestDelivery",
    "DigestStatus",
    "Document",
    "JobPosting",
    "JobSearch",
    "MatchedJob",
    "Run",
    "SavedSearch",
    "Session",
    "User",
    "Verification",
]
