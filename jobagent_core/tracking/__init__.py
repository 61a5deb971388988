"""What a person follows after starting searches: the dashboard (`dashboard.py`),
their matches and applications (`matches.py`, `letters.py`, `downloads.py`),
all read through user-scoped statements."""

from jobagent_core.tracking.downloads import Download, download
from jobagent_core.tracking.errors import (
    FileUnavailable,
    InvalidCursor,
    InvalidNote,
    InvalidStage,
    MatchNotFound,
    NoApplication,
    NoProfile,
    TrackingError,
)

__all__ = [
    "Download",
    "FileUnavailable",
    "InvalidCursor",
    "InvalidNote",
    "InvalidStage",
    "MatchNotFound",
    "NoApplication",
    "NoProfile",
    "TrackingError",
    "download",
]
