"""The applications board's service on the embedded SQLite defaults: columns in
pipeline order with counts, both sorts, the note and the dates on each card, a
move that keeps the note and lands in the history, and another person's card or
a stage that is not a column refused without a change."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from jobagent_core.db.base import new_id
from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.models import JobPosting, MatchedJob, User
from jobagent_core.services.matches import (
    BOARD_CARD_LIMIT,
    BOARD_STAGES,
    BoardCard,
    load_kanban,
    move_card,
)
from jobagent_core.tracking.errors import InvalidStage, MatchNotFound
from tests.worker_support import configure_sqlite

pytestmark = pytest.mark.unit

START = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Seeded:
    engine: Engine
    ada: str
    grace: str
    ids: dict[str, str]  # title -> match id


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(configure_sqlite(monkeypatch, tmp_path))
    yield engine
    engine.dispose()


def add_user(engine: Engine, name: str) -> str:
    with session_scope(engine) as db:
        user = User(name=name, email=f"{name.lower()}@example.org", email_verified=True)
        db.add(user)
        db.flush()
        return user.id


def add_match(
    engine: Engine,
    user_id: str,
    title: str,
    *,
    score: float,
    stage: str,
    matched: datetime,
    moved: datetime | None = None,
    history: list[dict[str, str]] | None = None,
    note: str | None = None,
) -> str:
    with session_scope(engine) as db:
        posting = JobPosting(
            source="sample",
            source_id=new_id(),
            dedupe_key=new_id(),
            title=title,
            company="Acme",
            company_key="acme",
            description_text="",
            extra={},
        )
        db.add(posting)
        db.flush()
        match = MatchedJob(
            user_id=user_id,
            job_posting_id=posting.id,
            score=score,
            application_stage=stage,
            stage_changed_at=moved,
            stage_history=history or [],
            notes=note,
        )
        match.created_at = matched
        db.add(match)
        db.flush()
        return match.id


@pytest.fixture
def seeded(engine: Engine) -> Seeded:
    ada, grace = add_user(engine, "Ada"), add_user(engine, "Grace")
    day = timedelta(days=1)
    ids = {
        "Old but strong": add_match(
            engine, ada, "Old but strong", score=91, stage="applied", matched=START, moved=START
        ),
        "Recently applied": add_match(
            engine,
            ada,
            "Recently applied",
            score=70,
            stage="applied",
            matched=START,
            moved=START + 5 * day,
            note="Sent through the careers site.\n\nRecruiter is Sam. " + "More words. " * 30,
        ),
        "Talking": add_match(
            engine,
            ada,
            "Talking",
            score=80,
            stage="interviewing",
            matched=START,
            moved=START + 9 * day,
            history=[
                {"stage": "applied", "at": (START + 4 * day).isoformat()},
                {"stage": "interviewing", "at": (START + 9 * day).isoformat()},
            ],
        ),
        "Saved once": add_match(engine, ada, "Saved once", score=50, stage="saved", matched=START),
        "Not acted on": add_match(
            engine, ada, "Not acted on", score=99, stage="new", matched=START
        ),
        "Grace's": add_match(
            engine, grace, "Grace's", score=88, stage="applied", matched=START, moved=START
        ),
    }
    return Seeded(engine, ada, grace, ids)


def titles(column_cards: list[BoardCard]) -> list[str]:
    return [card.title for card in column_cards]


def test_the_board_has_the_pipeline_columns_with_counts_and_both_sorts(seeded: Seeded) -> None:
    board = load_kanban(seeded.ada, "score")
    assert [c.stage for c in board.columns] == list(BOARD_STAGES)
    assert [c.label for c in board.columns] == [
        "Saved",
        "Applied",
        "Interviewing",
        "Offer",
        "Rejected",
        "Not interested",
    ]
    assert [c.collapsible for c in board.columns] == [False] * 4 + [True] * 2
    applied = board.columns[1]
    assert applied.count == 2
    assert applied.hidden == 0
    assert titles(applied.cards) == ["Old but strong", "Recently applied"]  # best score first
    assert board.total == 5  # the "new" match too: there is something to track
    assert "Grace's" not in {card.title for c in board.columns for card in c.cards}

    by_date = load_kanban(seeded.ada, "date")
    assert titles(by_date.columns[1].cards) == ["Recently applied", "Old but strong"]


def test_cards_carry_the_note_start_and_their_dates(seeded: Seeded) -> None:
    board = load_kanban(seeded.ada, "date")
    applied, talking = board.columns[1].cards[0], board.columns[2].cards[0]
    assert applied.note.startswith("Sent through the careers site. Recruiter is Sam. More")
    assert applied.note.endswith("…")
    assert len(applied.note) <= 140
    assert applied.dates == "Matched 1 Feb 2026 · Applied 6 Feb 2026"
    assert (
        talking.dates == "Matched 1 Feb 2026 · Applied 5 Feb 2026 · Interviewing since 10 Feb 2026"
    )
    assert talking.url == f"/matches/{seeded.ids['Talking']}"
    saved = board.columns[0].cards[0]
    assert (saved.note, saved.dates) == ("", "Matched 1 Feb 2026")


def test_a_move_keeps_the_note_and_is_recorded(seeded: Seeded) -> None:
    match_id = seeded.ids["Recently applied"]
    moved = move_card(seeded.ada, match_id, "interviewing")
    assert (moved.title, moved.stage_label) == ("Recently applied", "Interviewing")
    with session_scope(seeded.engine) as db:
        match = db.get(MatchedJob, match_id)
        assert match is not None
        assert match.application_stage == "interviewing"
        assert match.notes is not None
        assert match.notes.startswith("Sent through")
        assert match.stage_history[-1]["stage"] == "interviewing"
    board = load_kanban(seeded.ada, "date")
    assert titles(board.columns[2].cards) == ["Recently applied", "Talking"]
    assert board.columns[1].count == 1


def test_another_persons_card_and_other_stages_are_refused_unchanged(seeded: Seeded) -> None:
    graces = seeded.ids["Grace's"]
    with pytest.raises(MatchNotFound):
        move_card(seeded.ada, graces, "rejected")
    with pytest.raises(MatchNotFound):
        move_card(seeded.ada, "no-such-match", "rejected")
    with pytest.raises(InvalidStage):  # "new" is not a column of the board
        move_card(seeded.ada, seeded.ids["Talking"], "new")
    with session_scope(seeded.engine) as db:
        grace_match = db.get(MatchedJob, graces)
        talking = db.get(MatchedJob, seeded.ids["Talking"])
        assert grace_match is not None
        assert grace_match.application_stage == "applied"
        assert grace_match.stage_history == []
        assert talking is not None
        assert talking.application_stage == "interviewing"


def test_a_column_shows_at_most_its_limit_and_counts_the_rest(seeded: Seeded) -> None:
    for i in range(BOARD_CARD_LIMIT + 3):
        add_match(seeded.engine, seeded.ada, f"Offer {i}", score=i, stage="offer", matched=START)
    offer = load_kanban(seeded.ada, "score").columns[3]
    assert (offer.count, len(offer.cards), offer.hidden) == (BOARD_CARD_LIMIT + 3, 50, 3)
    assert offer.cards[0].title == f"Offer {BOARD_CARD_LIMIT + 2}"
