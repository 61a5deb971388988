"""What the company-board sources answered in one response share: Greenhouse and
Ashby each return a whole board as `{"jobs": [...]}`, without paging; the query is
not sent (the filters apply later)."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from pydantic import BaseModel

from jobagent_core.discovery.http import HttpOptions, HttpPolicy, Params
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.sources.base import SearchQuery, SourceResult
from jobagent_core.discovery.sources.fetching import (
    add_items,
    fetch_json,
    parse_page,
)

Job = TypeVar("Job", bound=BaseModel)


class _Board(BaseModel):
    jobs: list[object]


class CompanyBoardSource(Generic[Job]):
    """Every open job on one company's board. Subclasses say where the board is
    (`api`, `board_path`, `params`), how a job looks (`job_model`) and how it
    becomes a posting (`_posting`)."""

    kind: ClassVar[str]  # "greenhouse": the spec prefix, and the source's name
    title: ClassVar[str]  # "Greenhouse": what people call the board
    api: ClassVar[str]
    params: ClassVar[Params] = {}
    policy: ClassVar[HttpPolicy] = HttpPolicy(min_interval=1.0, burst=3)
    job_model: type[Job]

    def __init__(
        self,
        board: str,
        *,
        company: str | None = None,
        base_url: str | None = None,
        http: HttpOptions | None = None,
    ) -> None:
        self.board = board
        self.name = f"{self.kind}:{board}"
        self.company = company
        self.base_url = (base_url or self.api).rstrip("/")
        self._http = http or HttpOptions()

    def board_path(self) -> str:
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SourceResult:
        result = SourceResult()
        label = f"{self.title} board '{self.board}'"
        with self._http.client(self.policy) as client:
            payload = fetch_json(
                client,
                f"{self.base_url}{self.board_path()}",
                self.params,
                result,
                label=label,
                not_found=f"{label} not found — check the board name",
            )
        board = parse_page(_Board, payload, result, label=label)
        if board is not None:
            jobs = self._open_jobs(board.jobs, result)
            add_items(
                result,
                jobs,
                model=self.job_model,
                convert=self._posting,
                label=label,
                limit=query.limit,
            )
        return result

    def _open_jobs(self, jobs: list[object], result: SourceResult) -> list[object]:
        """The jobs to read (a board may list jobs it no longer shows)."""
        del result
        return jobs

    def _posting(self, job: Job) -> PostingData:
        raise NotImplementedError

    def posting_of(self, raw: object) -> PostingData:
        """One job as the board's API returns it, as a posting (a single job read by
        its own endpoint). Raises pydantic's ValidationError for a job of another shape."""
        return self._posting(self.job_model.model_validate(raw))
