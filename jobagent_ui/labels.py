"""The words and colours the UI shows for run and application values, in one place.

Only the UI's own maps live here. Maps a service already builds its views with
(application stage labels and order, job source labels) are imported from
`jobagent_core.services.matches` instead of being copied.
"""

from __future__ import annotations

from typing import Final

from jobagent_core.services import ApplicationStage, RunKind, RunStatus

RUN_STATUS_LABELS: Final[dict[str, str]] = {
    RunStatus.PENDING.value: "Waiting",
    RunStatus.RUNNING.value: "Running",
    RunStatus.COMPLETED.value: "Completed",
    RunStatus.FAILED.value: "Failed",
    RunStatus.CANCELLED.value: "Cancelled",
}
RUN_KIND_LABELS: Final[dict[str, str]] = {
    RunKind.JOB_SEARCH.value: "Job search",
    RunKind.PROFILING.value: "Profiling",
    RunKind.LETTER.value: "Cover letter",
    RunKind.POSTING.value: "Added posting",
}
# Radix colour schemes of the status badges (runs table and search page).
RUN_STATUS_COLORS: Final[dict[str, str]] = {
    RunStatus.PENDING.value: "gray",
    RunStatus.RUNNING.value: "indigo",
    RunStatus.COMPLETED.value: "green",
    RunStatus.FAILED.value: "red",
    RunStatus.CANCELLED.value: "amber",
}
# Radix colour schemes of the application stages (dashboard stat cards).
STAGE_COLORS: Final[dict[str, str]] = {
    ApplicationStage.NEW.value: "gray",
    ApplicationStage.SAVED.value: "blue",
    ApplicationStage.APPLIED.value: "indigo",
    ApplicationStage.INTERVIEWING.value: "amber",
    ApplicationStage.OFFER.value: "green",
    ApplicationStage.REJECTED.value: "red",
    ApplicationStage.NOT_INTERESTED.value: "gray",
}
