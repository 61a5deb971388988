"""Reading the posting a person added, by link or as pasted text, into the one
posting shape (source "added"; its id the canonical link or a hash of the text).

    posting = read_linked_posting(url, board_urls={}, policy=FetchPolicy())
    posting = pasted_posting(read_pasted(text, title=..., company=...))

A Greenhouse, Lever or Ashby job link is read through the board's API (`board_urls`
replaces the public API addresses, for mirrors and tests); any other link is
fetched through the SSRF guard (`research.fetch`: public addresses only, unless the
policy allows loopback for tests) and read as a page (`posting_page`). Every
failure is `UnreadablePosting`, whose message says why and suggests pasting the
text instead. Call it on a worker: fetching may take seconds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from jobagent_core.discovery.pasted_posting import PastedPosting
from jobagent_core.discovery.posting_links import board_job_link, canonical_url, link_problem
from jobagent_core.discovery.posting_page import UnreadablePage, posting_from_page
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.seniority import title_seniority
from jobagent_core.discovery.sources.board_job import BoardJobError, read_board_job
from jobagent_core.discovery.sources.text import describe_text
from jobagent_core.discovery.sources.values import bounded_id
from jobagent_core.fetch_errors import FetchError

if TYPE_CHECKING:
    from jobagent_core.research.url_guard import FetchPolicy, Resolver

ADDED_SOURCE = "added"
PASTE_INSTEAD = "Paste the posting's text instead."


class UnreadablePosting(Exception):
    """The posting could not be read; `str(err)` says why and what to do instead."""


def read_linked_posting(
    url: str,
    *,
    board_urls: Mapping[str, str],
    policy: FetchPolicy,
    resolver: Resolver | None = None,
) -> PostingData:
    """The posting at `url`. Raises `UnreadablePosting`."""
    problem = link_problem(url)
    if problem is not None:
        raise UnreadablePosting(problem)
    url = url.strip()
    source_id = bounded_id(canonical_url(url))
    link = board_job_link(url)
    if link is not None:
        try:
            found = read_board_job(link, base_url=board_urls.get(link.kind))
        except BoardJobError as err:
            raise UnreadablePosting(f"{err} {PASTE_INSTEAD}") from err
        return found.model_copy(
            update={
                "source": ADDED_SOURCE,
                "source_id": source_id,
                "url": found.url or link.canonical,
                "apply_url": found.apply_url or found.url or link.canonical,
                "extra": {**found.extra, "board_source": found.source, "board_id": link.job_id},
            }
        )
    html, final = _fetch(url, policy, resolver)
    try:
        return posting_from_page(html, final, source=ADDED_SOURCE, source_id=source_id)
    except UnreadablePage as err:
        raise UnreadablePosting(
            f"The page at {_shown(url)} could not be read as a posting: {err} {PASTE_INSTEAD}"
        ) from err


def _fetch(url: str, policy: FetchPolicy, resolver: Resolver | None) -> tuple[str, str]:
    """(HTML, final URL) of the page, through the SSRF guard."""
    # Imported here: httpx and the guard are needed only when a link is fetched.
    from jobagent_core.research.fetch import SiteFetcher
    from jobagent_core.research.url_guard import system_resolver

    try:
        with SiteFetcher(policy, resolver=resolver or system_resolver) as fetcher:
            final, html = fetcher.fetch_html(url)
    except FetchError as err:
        raise UnreadablePosting(
            f"The page at {_shown(url)} could not be read: {err.message}. {PASTE_INSTEAD}"
        ) from err
    return html, final


def _shown(url: str) -> str:
    return url if len(url) <= 120 else url[:119] + "…"


def pasted_posting(pasted: PastedPosting) -> PostingData:
    """The posting a person pasted (already checked by `read_pasted`)."""
    return PostingData(
        source=ADDED_SOURCE,
        source_id=pasted.source_id,
        title=pasted.title,
        company=pasted.company,
        location=pasted.location,
        remote=pasted.remote,
        seniority=title_seniority(pasted.title),
        description_text=describe_text(pasted.text),
        extra={"read_from": "pasted text"},
    )
