"""The matches repository on PostgreSQL as the web app's ui role: filters, both
sorts and keyset pages agree with a plain sort of the same rows; letters are
edited, reverted and rewritten with their files; stages are tracked; and another
user reaches none of it (not through the functions, not through the download
route)."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession
from starlette.applications import Starlette
from starlette.testclient import TestClient

from jobagent_core.api.app import api_routes
from jobagent_core.api.match_routes import content_disposition
from jobagent_core.auth import cookies
from jobagent_core.auth.current_user import Authenticator
from jobagent_core.auth.sessions import create_session
from jobagent_core.db.engine import session_scope
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import Artifact, JobPosting, MatchedJob, Run, User
from jobagent_core.discovery.dedupe import company_key
from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication import (
    render_docx,
    render_markdown,
    render_pdf,
    tailor_cv,
    write_cover_letter_offline,
)
from jobagent_core.profiling.schemas import ExperienceEntry, Profile
from jobagent_core.services.downloads import download_path
from jobagent_core.storage import FileStore
from jobagent_core.tracking.downloads import DOWNLOAD_KINDS, download
from jobagent_core.tracking.errors import (
    FileUnavailable,
    InvalidCursor,
    InvalidStage,
    MatchNotFound,
    NoApplication,
)
from jobagent_core.tracking.letter_text import LetterTextError
from jobagent_core.tracking.letters import (
    letter_is_edited,
    regenerate_letter,
    revert_letter,
    save_letter,
)
from jobagent_core.tracking.matches import (
    MatchDetail,
    MatchFilters,
    count_matches,
    list_matches,
    match_detail,
    match_sources,
    set_stage,
    stage_counts,
    stage_history,
)
from tests.auth_support import auth_settings

pytestmark = pytest.mark.integration

START = datetime(2026, 1, 1, tzinfo=UTC)
COMPANIES = ["Acme GmbH", "Initech", "Globex 100% Remote", "Umbrella_Labs", "Hooli"]
TITLES = ["Data Engineer", "Senior Data Engineer", "Analytics Engineer", "Python Developer"]
SOURCES = ["sample", "greenhouse", "lever"]
STAGES = ["new", "saved", "applied", "interviewing"]
PROFILE = Profile(
    name="Zoë Example",
    email="zoe@example.org",
    location="Berlin, Germany",
    skills=["Python", "SQL", "Airflow"],
    experience=[ExperienceEntry(title="Data Engineer", employer="Initech", current=True)],
    suggested_job_titles=["Data Engineer"],
)


@dataclass
class Seeded:
    user_id: str
    other_id: str
    match_ids: list[str]  # user's matches, creation order
    run_id: str
    other_run_id: str
    lettered: str  # a match of `user_id` with a letter and CV
    other_match: str  # a match of `other_id`


def add_user(db: OrmSession, email: str) -> User:
    user = User(
        name=email.split("@")[0],
        email=email,
        email_verified=True,
        has_access=True,
        profile=PROFILE.model_dump(mode="json"),
    )
    db.add(user)
    db.flush()
    return user


def add_posting(db: OrmSession, n: int, title: str, company: str, source: str) -> JobPosting:
    posting = JobPosting(
        source=source,
        source_id=f"{source}-{n}",
        dedupe_key=f"k{n}",
        title=title,
        company=company,
        company_key=company_key(company),
        location="Berlin, Germany",
        description_text=f"{title} at {company}: Python, SQL and Airflow every day.",
        description_html=f"<p>{title} at {company}</p>",
        url=f"https://jobs.example/{n}",
        language="en",
    )
    db.add(posting)
    db.flush()
    return posting


def add_application(db: OrmSession, match: MatchedJob, store: FileStore) -> None:
    row = db.get(JobPosting, match.job_posting_id)
    posting = PostingData.model_validate(
        {name: getattr(row, name) for name in PostingData.model_fields if hasattr(row, name)}
    )
    letter = write_cover_letter_offline(
        PROFILE,
        posting,
        matched_skills=["Python", "SQL"],
        research_summary=None,
        today=date(2026, 2, 3),
    )
    cv = tailor_cv(PROFILE, posting, ["Python", "SQL"])
    letter_md = render_markdown(letter)
    db.add(
        Artifact(
            user_id=match.user_id,
            matched_job_id=match.id,
            cover_letter=letter.model_dump(mode="json"),
            cover_letter_md=letter_md,
            generated_cover_letter_md=letter_md,
            cv=cv.model_dump(mode="json"),
            cv_md=render_markdown(cv),
            cover_letter_pdf_key=store.put(render_pdf(letter), ".pdf"),
            cover_letter_docx_key=store.put(render_docx(letter), ".docx"),
            cv_pdf_key=store.put(render_pdf(cv), ".pdf"),
            cv_docx_key=store.put(render_docx(cv), ".docx"),
        )
    )
    db.flush()


@pytest.fixture
def store(tmp_path: Path) -> FileStore:
    return FileStore(tmp_path / "storage")


@pytest.fixture
def seeded(pg_engine: Engine, store: FileStore) -> Seeded:
    rng = random.Random(7)
    with session_scope(pg_engine) as db:
        user = add_user(db, "ada@example.org")
        other = add_user(db, "grace@example.org")
        run = Run(user_id=user.id, kind=RunKind.JOB_SEARCH, status=RunStatus.COMPLETED)
        other_run = Run(user_id=other.id, kind=RunKind.JOB_SEARCH, status=RunStatus.COMPLETED)
        db.add_all([run, other_run])
        db.flush()
        ids: list[str] = []
        for n in range(57):
            posting = add_posting(
                db, n, TITLES[n % len(TITLES)], COMPANIES[n % len(COMPANIES)], SOURCES[n % 3]
            )
            match = MatchedJob(
                user_id=user.id,
                job_posting_id=posting.id,
                run_id=run.id if n % 2 else None,
                # Few distinct scores: ties must be broken by id, never skipped.
                score=float(rng.choice([55, 61.5, 70, 70, 82.25, 90])),
                application_stage=STAGES[n % len(STAGES)],
                created_at=START + timedelta(minutes=n // 3),  # ties here too
            )
            db.add(match)
            db.flush()
            ids.append(match.id)
        # The run also "found" one match an earlier run stored first.
        run.params = {"match_ids": [*ids[1::2], ids[0]]}
        theirs = MatchedJob(
            user_id=other.id, job_posting_id=posting.id, run_id=other_run.id, score=99.0
        )
        db.add(theirs)
        db.flush()
        lettered = db.get(MatchedJob, ids[3])
        assert lettered is not None
        add_application(db, lettered, store)
        add_application(db, theirs, store)
        return Seeded(user.id, other.id, ids, run.id, other_run.id, ids[3], theirs.id)


def every_row(engine: Engine, user_id: str, *, sort: str, filters: MatchFilters, size: int) -> list:
    rows, cursor, pages = [], None, 0
    while True:
        with session_scope(engine) as db:
            page = list_matches(
                db,
                user_id,
                filters=filters,
                sort=sort,
                cursor=cursor,
                page_size=size,
            )
        rows += page.rows
        pages += 1
        assert len(page.rows) <= size
        if page.next_cursor is None:
            return rows
        assert len(page.rows) == size
        cursor = page.next_cursor
        assert pages < 100


def expected(engine: Engine, user_id: str, sort: str, keep) -> list[str]:
    with OrmSession(engine) as db:
        rows = db.execute(
            select(MatchedJob, JobPosting)
            .join(JobPosting, JobPosting.id == MatchedJob.job_posting_id)
            .where(MatchedJob.user_id == user_id)
        ).all()
    kept = [(m, p) for m, p in rows if keep(m, p)]
    key = (
        (lambda mp: (mp[0].score, mp[0].id))
        if sort == "score"
        else (lambda mp: (mp[0].created_at, mp[0].id))
    )
    return [m.id for m, _ in sorted(kept, key=key, reverse=True)]


@pytest.mark.parametrize("sort", ["score", "date"])
@pytest.mark.parametrize("size", [1, 7, 20, 100])
def test_keyset_pages_walk_every_match_once_in_order(
    pg_ui_engine: Engine, seeded: Seeded, sort: str, size: int
) -> None:
    rows = every_row(pg_ui_engine, seeded.user_id, sort=sort, filters=MatchFilters(), size=size)
    assert [r.id for r in rows] == expected(pg_ui_engine, seeded.user_id, sort, lambda m, p: True)
    assert seeded.other_match not in {r.id for r in rows}


FILTERS = [
    (MatchFilters(score_min=61.5, score_max=82.25), lambda m, p: 61.5 <= m.score <= 82.25),
    (MatchFilters(stage="applied"), lambda m, p: m.application_stage == "applied"),
    (MatchFilters(source="lever"), lambda m, p: p.source == "lever"),
    (MatchFilters(q="data ENGINEER"), lambda m, p: "data engineer" in p.title.lower()),
    (MatchFilters(q="acme"), lambda m, p: p.company == "Acme GmbH"),
    (MatchFilters(q="100%"), lambda m, p: "100%" in p.company),
    (MatchFilters(q="a_l"), lambda m, p: "a_l" in p.company.lower()),  # "_" is literal
    (MatchFilters(q="%"), lambda m, p: "%" in p.title + p.company),
    (
        MatchFilters(q="senior initech", stage="new", score_min=0),
        lambda m, p: (
            "senior" in p.title.lower()
            and "initech" in (p.title + p.company).lower()
            and m.application_stage == "new"
        ),
    ),
]


@pytest.mark.parametrize(("filters", "keep"), FILTERS)
def test_filters_keep_exactly_the_matching_rows(
    pg_ui_engine: Engine,
    seeded: Seeded,
    filters: MatchFilters,
    keep,
) -> None:
    want = expected(pg_ui_engine, seeded.user_id, "score", keep)
    rows = every_row(pg_ui_engine, seeded.user_id, sort="score", filters=filters, size=6)
    assert [r.id for r in rows] == want
    with session_scope(pg_ui_engine) as db:
        assert count_matches(db, seeded.user_id, filters) == len(want)


def test_run_filter_uses_the_runs_own_matches_and_only_the_users_runs(
    pg_ui_engine: Engine, seeded: Seeded
) -> None:
    mine = every_row(
        pg_ui_engine,
        seeded.user_id,
        sort="date",
        filters=MatchFilters(run_id=seeded.run_id),
        size=50,
    )
    assert {r.id for r in mine} == {*seeded.match_ids[1::2], seeded.match_ids[0]}
    # Someone else's run id from the browser filters to nothing, never to their matches.
    theirs = MatchFilters(run_id=seeded.other_run_id)
    assert every_row(pg_ui_engine, seeded.user_id, sort="date", filters=theirs, size=50) == []
    assert every_row(pg_ui_engine, seeded.other_id, sort="date", filters=theirs, size=50) != []
    with session_scope(pg_ui_engine) as db:
        assert match_sources(db, seeded.user_id) == sorted(SOURCES)


def test_bad_cursors_are_refused_in_words(pg_ui_engine: Engine, seeded: Seeded) -> None:
    with session_scope(pg_ui_engine) as db:
        page = list_matches(db, seeded.user_id, sort="score", page_size=5)
        assert page.next_cursor
        for cursor, sort in [("garbage!", "score"), (page.next_cursor, "date")]:
            with pytest.raises(InvalidCursor, match="no longer valid"):
                list_matches(db, seeded.user_id, sort=sort, cursor=cursor)


def test_another_user_reaches_nothing_and_changes_nothing(
    pg_ui_engine: Engine, seeded: Seeded, store: FileStore
) -> None:
    target = seeded.lettered
    with session_scope(pg_ui_engine) as db:
        before = db.get(Artifact, detail(db, seeded.user_id, target).artifact.id)
        snapshot = (before.cover_letter_md, before.cover_letter_pdf_key, before.cover_letter)
        stage_before = db.get(MatchedJob, target).application_stage
    other = seeded.other_id
    with session_scope(pg_ui_engine) as db:
        assert match_detail(db, other, target) is None
        assert target not in {r.id for r in list_matches(db, other, page_size=100).rows}
    attempts = [
        lambda db: save_letter(db, other, target, "Hijacked letter", store=store),
        lambda db: revert_letter(db, other, target, store=store),
        lambda db: regenerate_letter(db, other, target, store=store),
        lambda db: set_stage(db, other, target, "rejected", note="mine now"),
        *(
            lambda db, kind=kind: download(db, other, target, kind, store=store)
            for kind in DOWNLOAD_KINDS
        ),
    ]
    for attempt in attempts:
        with pytest.raises(MatchNotFound), session_scope(pg_ui_engine) as db:
            attempt(db)
    with session_scope(pg_ui_engine) as db:
        after = db.get(Artifact, before.id)
        assert (after.cover_letter_md, after.cover_letter_pdf_key, after.cover_letter) == snapshot
        match = db.get(MatchedJob, target)
        assert match is not None
        assert match.application_stage == stage_before
        assert match.notes is None
        assert stage_counts(db, other)["rejected"] == 0


def detail(db: OrmSession, user_id: str, match_id: str) -> MatchDetail:
    found = match_detail(db, user_id, match_id)
    assert found is not None
    return found


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_letter_edits_are_kept_rendered_and_revertible(
    pg_ui_engine: Engine, seeded: Seeded, store: FileStore
) -> None:
    user, match_id = seeded.user_id, seeded.lettered
    with session_scope(pg_ui_engine) as db:
        artifact = detail(db, user, match_id).artifact
        generated, generated_pdf = artifact.cover_letter_md, artifact.cover_letter_pdf_key
    added = "I also mentor two junior engineers every week."
    blocks = generated.strip().split("\n\n")
    blocks.insert(-1, added)  # a new paragraph before the closing
    edited = "\n\n".join(blocks).replace("Dear", "Hello dear", 1)
    assert added in edited
    with session_scope(pg_ui_engine) as db:
        saved = save_letter(db, user, match_id, edited, store=store)
        assert letter_is_edited(saved)
    with session_scope(pg_ui_engine) as db:
        artifact = detail(db, user, match_id).artifact
        assert artifact.cover_letter_md.strip() == edited.strip()
        assert artifact.generated_cover_letter_md == generated
        assert artifact.cover_letter_pdf_key != generated_pdf
        assert added in artifact.cover_letter["paragraphs"]
        pdf = download(db, user, match_id, "cover_letter_pdf", store=store)
        word = download(db, user, match_id, "cover_letter_docx", store=store)
        text = download(db, user, match_id, "cover_letter_md", store=store)
    assert added in " ".join(pdf_text(pdf.data).split())
    assert "Hello dear" in pdf_text(pdf.data)
    assert added in docx_text(word.data)
    assert text.data.decode().strip() == edited.strip()

    with session_scope(pg_ui_engine) as db:
        reverted = revert_letter(db, user, match_id, store=store)
        assert not letter_is_edited(reverted)
        assert reverted.cover_letter_md == generated
        assert reverted.cover_letter_pdf_key == generated_pdf  # the same bytes again
        pdf = download(db, user, match_id, "cover_letter_pdf", store=store)
    assert added not in " ".join(pdf_text(pdf.data).split())

    for empty in ["", "   \n\n  "]:
        with pytest.raises(LetterTextError, match="empty"), session_scope(pg_ui_engine) as db:
            save_letter(db, user, match_id, empty, store=store)


def test_text_that_loses_its_shape_is_still_rendered_whole(
    pg_ui_engine: Engine, seeded: Seeded, store: FileStore
) -> None:
    words = ["First thought here.", "Second # thought, *with* stars.", "Third: 1. thing"]
    with session_scope(pg_ui_engine) as db:
        save_letter(db, seeded.user_id, seeded.lettered, "\n\n".join(words), store=store)
        pdf = download(db, seeded.user_id, seeded.lettered, "cover_letter_pdf", store=store)
    text = " ".join(pdf_text(pdf.data).split())
    for expected_text in [
        "First thought here.",
        "Second # thought, with stars.",
        "Third: 1. thing",
    ]:
        assert expected_text in text


def test_regenerate_rewrites_the_letter_and_writes_missing_applications(
    pg_ui_engine: Engine, seeded: Seeded, store: FileStore
) -> None:
    user = seeded.user_id
    with session_scope(pg_ui_engine) as db:
        save_letter(db, user, seeded.lettered, "My own words only.", store=store)
    with session_scope(pg_ui_engine) as db:
        fresh = regenerate_letter(db, user, seeded.lettered, store=store)
        assert fresh.writer == "offline"
        assert "My own words only." not in fresh.cover_letter_md
        assert fresh.cover_letter_md == fresh.generated_cover_letter_md
        assert "Zoë Example" in fresh.cover_letter_md

    bare = seeded.match_ids[10]  # no letter yet
    with session_scope(pg_ui_engine) as db:
        with pytest.raises(FileUnavailable):
            download(db, user, bare, "cv_pdf", store=store)
        with pytest.raises(NoApplication):
            save_letter(db, user, bare, "text", store=store)
    with session_scope(pg_ui_engine) as db:
        regenerate_letter(db, user, bare, store=store)
    with session_scope(pg_ui_engine) as db:
        assert download(db, user, bare, "cv_pdf", store=store).data.startswith(b"%PDF")
        assert detail(db, user, bare).match.fabrication_status == "done"


def test_downloads_have_names_types_and_survive_lost_files(
    pg_ui_engine: Engine, seeded: Seeded, store: FileStore
) -> None:
    with session_scope(pg_ui_engine) as db:
        posting = detail(db, seeded.user_id, seeded.lettered).posting
        files = {
            kind: download(db, seeded.user_id, seeded.lettered, kind, store=store)
            for kind in DOWNLOAD_KINDS
        }
    stem = f"{posting.company}-{posting.title}".lower().replace(" ", "-").replace("_", "-")
    assert files["cover_letter_pdf"].filename == f"cover-letter-{stem}.pdf"
    assert files["cv_docx"].filename == f"cv-{stem}.docx"
    assert files["cv_md"].media_type.startswith("text/markdown")
    assert files["cover_letter_pdf"].data.startswith(b"%PDF")
    assert files["cv_docx"].data.startswith(b"PK")

    # A storage folder lost or moved: the files are rendered again from the rows.
    for key_file in (store.root / "sha256").rglob("*.pdf"):
        key_file.unlink()
    with session_scope(pg_ui_engine) as db:
        again = download(db, seeded.user_id, seeded.lettered, "cover_letter_pdf", store=store)
        with pytest.raises(FileUnavailable):
            download(db, seeded.user_id, seeded.lettered, "cv_exe", store=store)
    assert again.data.startswith(b"%PDF")


def test_stage_changes_are_recorded_with_time_and_note(
    pg_ui_engine: Engine, seeded: Seeded
) -> None:
    user, match_id = seeded.user_id, seeded.match_ids[0]  # stage "new"
    with session_scope(pg_ui_engine) as db:
        counts = stage_counts(db, user)
        set_stage(db, user, match_id, "applied", note="Sent through the careers site")
    with session_scope(pg_ui_engine) as db:
        set_stage(db, user, match_id, "applied", note="Recruiter replied")  # note only
        set_stage(db, user, match_id, "interviewing")
    with session_scope(pg_ui_engine) as db:
        match = detail(db, user, match_id).match
        history = stage_history(match)
        assert [h["stage"] for h in history] == ["interviewing", "applied"]
        assert history[1]["note"] == "Sent through the careers site"
        assert match.notes == "Recruiter replied"
        assert match.stage_changed_at == history[0]["at"]
        after = stage_counts(db, user)
        assert after["new"] == counts["new"] - 1
        assert after["interviewing"] == counts["interviewing"] + 1
        assert set(after) >= {"new", "saved", "applied", "offer", "rejected", "not_interested"}
        with pytest.raises(InvalidStage, match="not a stage"):
            set_stage(db, user, match_id, "hired!")


def test_the_download_route_serves_only_the_owner(
    pg_ui_engine: Engine, seeded: Seeded, store: FileStore
) -> None:
    settings = auth_settings(None, STORAGE_DIR=str(store.root))
    authenticator = Authenticator.from_settings(settings, engine=pg_ui_engine)
    client = TestClient(Starlette(routes=api_routes(settings, authenticator)))

    def cookie_for(user_id: str) -> dict[str, str]:
        with session_scope(pg_ui_engine) as db:
            token = create_session(db, user_id).token
        value = cookies.sign(token, authenticator.secret)
        return {"cookie": f"{authenticator.cookie_name}={value}"}

    url = download_path(seeded.lettered, "cover_letter_pdf")
    owner = client.get(url, headers=cookie_for(seeded.user_id))
    assert owner.status_code == 200
    assert owner.headers["content-type"] == "application/pdf"
    assert owner.headers["content-disposition"].startswith('attachment; filename="cover-letter-')
    assert owner.content.startswith(b"%PDF")
    assert client.get(
        download_path(seeded.lettered, "cv_md"), headers=cookie_for(seeded.user_id)
    ).text.startswith("# Zoë Example")

    stranger = cookie_for(seeded.other_id)
    for path in [url, download_path(seeded.lettered, "cv_docx"), download_path("nope", "cv_md")]:
        response = client.get(path, headers=stranger)
        assert response.status_code == 404
        assert b"%PDF" not in response.content
    assert client.get(download_path(seeded.lettered, "passwd"), headers=stranger).status_code == 404
    assert client.get(url).status_code == 401
    # Their own match works for them.
    assert (
        client.get(
            download_path(seeded.other_match, "cover_letter_pdf"), headers=stranger
        ).status_code
        == 200
    )


def test_content_disposition_keeps_any_name_safe() -> None:
    header = content_disposition('cv-zoë "x".pdf')
    assert header.startswith("attachment; filename=\"cv-zo? 'x'.pdf\"")
    assert "filename*=UTF-8''cv-zo%C3%AB%20%22x%22.pdf" in header
