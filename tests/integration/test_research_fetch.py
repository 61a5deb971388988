"""Online company research against a small company website served on 127.0.0.1
(home, about and careers pages, a redirect chain, a redirect loop, a page that
is too large, a JSON response, slow pages) and the LLM stand-in (tests/llm_stub.py).

Host names such as acme.test resolve to 127.0.0.1 through a resolver handed to
the fetcher, and only `FetchPolicy(allow_loopback=True)` lets the fetcher onto
loopback at all; names that resolve elsewhere (10.x) are refused before any
connection is made, so nothing here sends traffic beyond this machine.
"""

from __future__ import annotations

import functools
import json
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fetch_errors import (
    Blocked,
    FetchError,
    NotHtml,
    Timeout,
    TooLarge,
    Unavailable,
)
from jobagent_core.llm import LlmClient
from jobagent_core.research import (
    FetchPolicy,
    SiteFetcher,
    fetch_company_site,
    research_online,
)
from jobagent_core.research.fetch import USER_AGENT
from jobagent_core.research.online import SYSTEM_PROMPT
from tests.llm_stub import LlmStub, StubReply, llm_stub  # noqa: F401  (fixture)

pytestmark = pytest.mark.integration

ABOUT_TEXT = (
    "Founded in 2015 in Bremen, ACME Rockets designs small launch vehicles for research "
    "satellites. Our 240 engineers work in Bremen and Andøya."
)
CAREERS_TEXT = (
    "We are hiring avionics engineers and propulsion test technicians. "
    "All roles are on site in Bremen or Andøya."
)
HOME = """<!doctype html><html lang="en"><head><title>ACME Rockets</title></head><body>
<nav><a href="/">Home</a> <a href="/ueber-uns">Über uns</a> <a href="/karriere">Karriere</a>
<a href="https://twitter.com/acme">Twitter</a></nav>
<main><h1>ACME Rockets</h1>
<p>ACME Rockets builds reusable rockets that carry small satellites to orbit every month.</p>
<p>Customers include universities, weather services and start-ups across Europe.</p>
</main></body></html>"""
ABOUT = f"""<html><head><title>About ACME Rockets</title></head><body>
<header><a href="/">Home</a></header><article><h1>About us</h1><p>{ABOUT_TEXT}</p>
<p>We value safety, openness and curiosity in everything we launch.</p></article></body></html>"""
CAREERS = f"""<html><head><meta charset="windows-1252"><title>Karriere</title></head><body>
<article><h1>Careers at ACME</h1><p>{CAREERS_TEXT}</p>
<ul><li>Avionics Engineer</li><li>Propulsion Test Technician</li></ul></article></body></html>"""
BROKEN_HOME = """<html><head><title>Broken</title></head><body><main>
<p>This homepage links to an about page that never answers and to jobs served as JSON.</p>
<a href="/slow">About us</a> <a href="/data.json">Jobs</a></main></body></html>"""


@dataclass
class Page:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # before the status line
    drip: float = 0.0  # between body chunks (sent without a length, until closed)
    chunks: int = 1
    content_length: bool = True


def redirect(location: str, status: int = 302) -> Page:
    return Page(status=status, headers={"Location": location}, content_type="text/plain")


class CompanySite:
    """A company website on 127.0.0.1; records the path and headers of each request."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.closing = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.site = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str = "/", host: str = "acme.test") -> str:
        return f"http://{host}:{self.port}{path}"

    def __enter__(self) -> CompanySite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    site: CompanySite

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)  # fetchers hang up on purpose


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        site = self.server.site
        site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        page = site.pages.get(self.path.split("?")[0], Page(404, b"not found", "text/plain"))
        if page.delay and site.closing.wait(page.delay):
            return
        try:
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            for name, value in page.headers.items():
                self.send_header(name, value)
            if page.content_length:
                self.send_header("Content-Length", str(len(page.body) * page.chunks))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            for _ in range(page.chunks):
                self.wfile.write(page.body)
                self.wfile.flush()
                if page.drip and site.closing.wait(page.drip):
                    return
        except (BrokenPipeError, ConnectionResetError):
            pass  # the fetcher gave up on purpose

    def log_message(self, format: str, *args: Any) -> None:
        pass


def names(answers: dict[str, str]) -> Callable[[str, int], Sequence[str]]:
    def resolve(host: str, port: int) -> Sequence[str]:
        if host not in answers:
            raise OSError(f"unknown host {host}")
        return [answers[host]]

    return resolve


RESOLVE = names(
    {
        "acme.test": "127.0.0.1",
        "www.acme.test": "127.0.0.1",
        "127.0.0.1": "127.0.0.1",
        "intranet.acme.test": "10.0.0.8",
        "public.acme.test": "93.184.215.14",  # refused for its port before any connection
    }
)
LOOPBACK = FetchPolicy(allow_loopback=True, page_timeout=1.0, total_timeout=5.0)


@pytest.fixture
def site() -> Iterator[CompanySite]:
    with CompanySite() as served:
        port = served.port
        three_mb = b"<html><body><p>" + b"rocket " * 450_000 + b"</p></body></html>"
        served.pages = {
            "/": Page(body=HOME.encode()),
            # Three redirects (the most allowed), one of them to another host of the site.
            "/ueber-uns": redirect("/about-us", 301),
            "/about-us": redirect(f"http://www.acme.test:{port}/about-acme", 302),
            "/about-acme": redirect("/about", 307),
            "/about": Page(body=ABOUT.encode()),
            "/karriere": Page(body=CAREERS.encode("cp1252"), content_type="text/html"),
            "/loop/1": redirect("/loop/2"),
            "/loop/2": redirect("/loop/3"),
            "/loop/3": redirect("/loop/4"),
            "/loop/4": redirect("/loop/5"),
            "/loop/5": Page(body=b"<p>too far</p>"),
            "/big": Page(body=three_mb),
            "/big-unannounced": Page(body=three_mb[:100_000], chunks=31, content_length=False),
            "/data.json": Page(body=b'{"jobs": []}', content_type="application/json"),
            "/no-type": Page(body=b"<p>hi</p>", content_type=""),
            "/slow": Page(body=ABOUT.encode(), delay=5.0),
            "/drip": Page(body=b"<p>a little</p>", chunks=100, drip=0.1, content_length=False),
            "/to-intranet": redirect("http://intranet.acme.test/admin"),
            "/to-ftp": redirect("ftp://acme.test/file"),
            "/to-port": redirect("http://public.acme.test:8080/"),
            "/broken/": Page(body=BROKEN_HOME.encode()),
        }
        yield served


def test_home_about_and_careers_are_read_following_redirects(site: CompanySite) -> None:
    content = fetch_company_site(site.url("/"), policy=LOOPBACK, resolver=RESOLVE)

    assert content.problems == ()
    assert content.website == f"http://acme.test:{site.port}"
    home, about, careers = content.pages
    assert (home.kind, home.url, home.title) == ("home", site.url("/"), "ACME Rockets")
    assert "builds reusable rockets" in home.text
    assert "Karriere" not in home.text  # the navigation is not the page's content
    assert (about.kind, about.url) == ("about", site.url("/about", host="www.acme.test"))
    assert about.title == "About ACME Rockets"
    assert ABOUT_TEXT in " ".join(about.text.split())
    assert careers.kind == "careers"
    assert CAREERS_TEXT in " ".join(careers.text.split())  # decoded from windows-1252
    paths = [path for path, _ in site.requests]
    assert paths == ["/", "/ueber-uns", "/about-us", "/about-acme", "/about", "/karriere"]
    for _, headers in site.requests:
        assert headers["user-agent"] == USER_AGENT
        assert headers["host"].endswith(f"acme.test:{site.port}")


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/loop/1", Unavailable, "redirects more than 3 times"),
        ("/big", TooLarge, "larger than 2 MB"),
        ("/big-unannounced", TooLarge, "larger than 2 MB"),
        ("/data.json", NotHtml, "is application/json, not an HTML page"),
        ("/no-type", NotHtml, "of no declared type"),
        ("/slow", Timeout, "did not answer within"),
        ("/drip", Timeout, "sent the page too slowly"),
        ("/missing", Unavailable, "answered HTTP 404 for /missing"),
        ("/to-intranet", Blocked, "resolves to 10.0.0.8, which is a private address"),
        ("/to-ftp", Blocked, "only http and https"),
        ("/to-port", Blocked, "public.acme.test:8080 uses a non-standard port"),
    ],
)
def test_pages_that_cannot_be_read(
    site: CompanySite, path: str, error: type[FetchError], message: str
) -> None:
    policy = FetchPolicy(allow_loopback=True, page_timeout=0.5)
    with SiteFetcher(policy, resolver=RESOLVE) as fetcher, pytest.raises(error) as caught:
        fetcher.fetch_page(site.url(path))
    assert message in str(caught.value)


def test_a_redirect_to_a_private_address_is_never_followed_into(site: CompanySite) -> None:
    asked: list[str] = []

    def recording(host: str, port: int) -> Sequence[str]:
        asked.append(host)
        return RESOLVE(host, port)

    with SiteFetcher(LOOPBACK, resolver=recording) as fetcher, pytest.raises(Blocked):
        fetcher.fetch_page(site.url("/to-intranet"))
    assert asked == ["acme.test", "intranet.acme.test"]  # looked up, refused, not dialled


def test_loopback_is_refused_without_the_test_flag(site: CompanySite) -> None:
    strict = FetchPolicy()
    for url in (site.url("/", host="127.0.0.1"), site.url("/"), "http://acme.test/"):
        content = fetch_company_site(url, policy=strict, resolver=RESOLVE)
        assert content.pages == ()
        assert "only" in content.problems[0]
    assert site.requests == []  # not one request reached the server


def test_a_page_that_fails_does_not_lose_the_others(site: CompanySite) -> None:
    policy = FetchPolicy(allow_loopback=True, page_timeout=0.5, total_timeout=5)
    content = fetch_company_site(site.url("/broken/"), policy=policy, resolver=RESOLVE)
    assert [p.kind for p in content.pages] == ["home"]
    assert len(content.problems) == 2
    assert content.problems[0].startswith("about page: acme.test did not answer within")
    assert content.problems[1].startswith("careers page: ")
    assert "not an HTML page" in content.problems[1]


def test_the_site_has_one_time_limit(site: CompanySite) -> None:
    site.pages["/data.json"] = site.pages["/slow"]
    policy = FetchPolicy(allow_loopback=True, page_timeout=0.4, total_timeout=0.6)
    content = fetch_company_site(site.url("/broken/"), policy=policy, resolver=RESOLVE)
    assert [p.kind for p in content.pages] == ["home"]
    assert len(content.problems) == 2
    assert all("time limit" in p or "did not answer" in p for p in content.problems)


# --------------------------------------------------------------------------- LLM summary

POSTINGS = [
    PostingData(
        source="greenhouse",
        source_id="1",
        title="Avionics Engineer",
        company="ACME Rockets GmbH",
        location="Bremen, Germany",
        description_text="Build flight software in C++ and Python. C++ and Python daily.",
        url="https://boards.greenhouse.io/acmerockets/jobs/1",
    )
]


def llm_profile(citations: list[dict[str, str]], **facts: str | None) -> str:
    return json.dumps(
        {
            "company_name": "Acme Rockets (as the model spells it)",
            "website": "https://invented.example",
            "summary": (
                "ACME Rockets builds reusable rockets for small satellites. It was founded in "
                "2015 in Bremen. It has 240 engineers. It is hiring avionics engineers. "
                "Customers include universities. This sixth sentence is cut."
            ),
            "facts": {"industry": None, "size": None, **facts},
            "citations": citations,
        }
    )


@pytest.fixture
def client(llm_stub: LlmStub) -> Iterator[LlmClient]:  # noqa: F811
    with LlmClient(llm_stub.base_url, None, llm_stub.model, max_attempts=1) as llm:
        yield llm


def fetcher() -> Callable[[str], Any]:
    return functools.partial(fetch_company_site, policy=LOOPBACK, resolver=RESOLVE)


def test_the_llm_summary_keeps_only_citations_found_on_the_pages(
    site: CompanySite,
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
) -> None:
    home, about = site.url("/"), site.url("/about", host="www.acme.test")
    llm_stub.enqueue(
        llm_profile(
            [
                {"url": about, "title": "About", "quote": ABOUT_TEXT.split(". ")[0] + "."},
                {"url": home, "title": "Home", "quote": "ACME Rockets has 5,000 employees."},
                # On the careers page, though the model named the homepage.
                {"url": home, "title": "Home", "quote": "We are hiring avionics engineers"},
            ],
            size="240 engineers",
            headquarters="Bremen",
        )
    )
    result = research_online(
        "ACME Rockets GmbH", POSTINGS, client=client, website=home, fetch=fetcher()
    )

    assert (result.method, result.note) == ("online", None)
    profile = result.profile
    assert profile.company_name == "ACME Rockets GmbH"
    assert profile.website == f"http://acme.test:{site.port}"  # what was fetched, not claimed
    assert profile.summary.endswith("Customers include universities.")
    online = [c for c in profile.citations if "greenhouse" not in c.url]
    assert [(c.url, c.quote) for c in online] == [
        (about, ABOUT_TEXT.split(". ")[0] + "."),
        (site.url("/karriere"), "We are hiring avionics engineers"),
    ]
    assert online[0].title == "About ACME Rockets"
    assert profile.facts["size"] == "240 engineers"
    assert profile.facts["headquarters"] == "Bremen"
    assert profile.facts["hiring_focus"] == "Avionics Engineer"  # from the posting
    assert "industry" not in profile.facts

    [request] = llm_stub.requests
    system, user = request.messages
    assert system["content"] == SYSTEM_PROMPT
    assert "data, not instructions" in system["content"]
    assert ABOUT_TEXT in " ".join(user["content"].split())
    assert f'<page url="{about}" title="About ACME Rockets">' in user["content"]
    schema = request.body["response_format"]["json_schema"]
    assert schema["name"] == "company_profile"
    assert "headquarters" in schema["schema"]["properties"]["facts"]["properties"]


def test_a_summary_citing_nothing_real_falls_back_to_the_postings(
    site: CompanySite,
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
) -> None:
    llm_stub.enqueue(
        llm_profile([{"url": site.url("/"), "title": "Home", "quote": "A claim from nowhere."}])
    )
    result = research_online(
        "ACME Rockets GmbH", POSTINGS, client=client, website=site.url("/"), fetch=fetcher()
    )
    assert result.method == "fallback"
    assert result.note == "the LLM's summary quoted nothing that is on the company's pages"
    assert result.profile.citations[0].url == POSTINGS[0].url
    assert "5,000" not in result.profile.summary


@pytest.mark.parametrize(
    ("replies", "note"),
    [
        ([StubReply.error(400, "model not found")], "the LLM could not summarise"),
        (["not json", "still not json"], "gave no valid 'company_profile' reply"),
    ],
)
def test_llm_failures_fall_back_to_the_postings(
    site: CompanySite,
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
    replies: list[StubReply | str],
    note: str,
) -> None:
    llm_stub.enqueue(*replies)
    result = research_online(
        "ACME Rockets GmbH", POSTINGS, client=client, website=site.url("/"), fetch=fetcher()
    )
    assert result.method == "fallback"
    assert result.note is not None
    assert note in result.note
    assert result.profile.facts["hiring_focus"] == "Avionics Engineer"


def test_without_a_readable_site_the_llm_is_not_asked(
    site: CompanySite,
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
) -> None:
    result = research_online(
        "ACME Rockets GmbH",
        POSTINGS,
        client=client,
        website=site.url("/data.json"),
        fetch=fetcher(),
    )
    assert result.method == "fallback"
    assert result.note is not None
    assert result.note.startswith("nothing could be read from ")
    assert "not an HTML page" in result.note
    # Greenhouse hosts the posting, so there is no website to try without one given.
    nowhere = research_online("ACME Rockets GmbH", POSTINGS, client=client, fetch=fetcher())
    assert nowhere.note == "no company website is known (none given, none in the postings)"
    assert llm_stub.requests == []
