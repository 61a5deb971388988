"""What tracking refuses, in words a person can act on."""

from __future__ import annotations


class TrackingError(Exception):
    """Base class; `str(err)` is safe to show to the person."""


class MatchNotFound(TrackingError, LookupError):
    def __init__(self) -> None:
        super().__init__("This match does not exist, or it is not yours.")


class NoApplication(TrackingError):
    def __init__(self) -> None:
        super().__init__(
            "No cover letter or CV has been written for this match yet. "
            "Use “Regenerate” to write them now."
        )


class FileUnavailable(TrackingError):
    def __init__(self, what: str) -> None:
        super().__init__(f"The {what} is not available for this match.")


class NoProfile(TrackingError):
    def __init__(self) -> None:
        super().__init__("Build your profile from a CV first: the letter is written from it.")


class InvalidStage(TrackingError, ValueError):
    def __init__(self, stage: str, stages: tuple[str, ...]) -> None:
        super().__init__(f"'{stage}' is not a stage; use one of: {', '.join(stages)}.")


class InvalidCursor(TrackingError, ValueError):
    def __init__(self) -> None:
        super().__init__("That page link is no longer valid; start again from the first page.")


class InvalidNote(TrackingError, ValueError):
    pass
