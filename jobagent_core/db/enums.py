"""Value sets stored as text columns (validated in Python, readable in SQL)."""

from enum import StrEnum


class RunKind(StrEnum):
    PROFILING = "profiling"
    JOB_SEARCH = "job_search"
    LETTER = "letter"  # writing one match's cover letter again
    POSTING = "posting"  # one posting the person added, by link or as text


class RunStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_active(self) -> bool:
        return self in (RunStatus.PENDING, RunStatus.RUNNING)


class StepStatus(StrEnum):
    """Progress of one per-match step (research, fabrication)."""

    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"


class ApplicationStage(StrEnum):
    NEW = "new"
    SAVED = "saved"
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    REJECTED = "rejected"
    NOT_INTERESTED = "not_interested"
