"""One job from a Greenhouse, Lever or Ashby board, read through the board's public
API and turned into a posting by that board's own client (`GreenhouseSource`,
`LeverSource`, `AshbySource`), so a linked job reads exactly as a searched one.

    posting = read_board_job(board_job_link(url), base_url=None)

Endpoints: Greenhouse `GET /v1/boards/{board}/jobs/{id}?pay_transparency=true`, Lever
`GET /v0/postings/{site}/{id}`, Ashby the whole board (it has no single-job
endpoint), then the job with that id.
"""

from __future__ import annotations

from urllib.parse import quote

from pydantic import BaseModel, ValidationError

from jobagent_core.discovery.http import HttpOptions
from jobagent_core.discovery.posting_links import BoardJobLink
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.sources.ashby import AshbySource
from jobagent_core.discovery.sources.fetching import first_problem
from jobagent_core.discovery.sources.greenhouse import GreenhouseSource
from jobagent_core.discovery.sources.lever import POLICY as LEVER_POLICY
from jobagent_core.discovery.sources.lever import LeverSource
from jobagent_core.fetch_errors import FetchError, NotFound

_TITLES = {"greenhouse": "Greenhouse", "lever": "Lever", "ashby": "Ashby"}


class BoardJobError(Exception):
    """The board's API gave no usable job; `str(err)` says why, in words."""


class _Board(BaseModel):
    jobs: list[object]


def read_board_job(
    link: BoardJobLink, *, base_url: str | None = None, http: HttpOptions | None = None
) -> PostingData:
    """The job `link` names, read from its board's API (`base_url` replaces the
    public API's address). Raises `BoardJobError`."""
    http = http or HttpOptions()
    where = f"{_TITLES[link.kind]} job {link.job_id} on board '{link.board}'"
    try:
        if link.kind == "greenhouse":
            return _greenhouse(link, base_url, http)
        if link.kind == "lever":
            return _lever(link, base_url, http)
        return _ashby(link, base_url, http, where)
    except NotFound as err:
        raise BoardJobError(
            f"{_TITLES[link.kind]} has no {where.split(' ', 1)[1]}: it may have closed, "
            "or the link is mistyped."
        ) from err
    except FetchError as err:
        raise BoardJobError(f"{where} could not be read: {err.message}") from err
    except ValidationError as err:
        raise BoardJobError(
            f"{where} came back in a shape Job Agent does not know ({first_problem(err)})."
        ) from err
    except ValueError as err:  # a job the client cannot turn into a posting
        raise BoardJobError(f"{where} could not be read: {err}") from err


def _greenhouse(link: BoardJobLink, base_url: str | None, http: HttpOptions) -> PostingData:
    source = GreenhouseSource(link.board, base_url=base_url, http=http)
    url = f"{source.base_url}/v1/boards/{quote(link.board, safe='')}/jobs/{link.job_id}"
    with http.client(source.policy) as client:
        payload = client.get_json(url, {"pay_transparency": "true"})
    return source.posting_of(payload)


def _lever(link: BoardJobLink, base_url: str | None, http: HttpOptions) -> PostingData:
    source = LeverSource(link.board, region=link.region, base_url=base_url, http=http)
    url = f"{source.base_url}/v0/postings/{quote(link.board, safe='')}/{link.job_id}"
    with http.client(LEVER_POLICY) as client:
        payload = client.get_json(url, {"mode": "json"})
    return source.posting_of(payload)


def _ashby(link: BoardJobLink, base_url: str | None, http: HttpOptions, where: str) -> PostingData:
    source = AshbySource(link.board, base_url=base_url, http=http)
    with http.client(source.policy) as client:
        payload = client.get_json(f"{source.base_url}{source.board_path()}", source.params)
    board = _Board.model_validate(payload)
    for job in board.jobs:
        if isinstance(job, dict) and str(job.get("id", "")).lower() == link.job_id:
            return source.posting_of(job)
    raise NotFound(f"{where} is not on the board")
